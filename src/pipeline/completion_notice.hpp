#pragma once
// The message the original pipeline's state machine published through SNS when a run ended,
// with the counts wodetl adds, and where it goes.

#include <chrono>
#include <string>
#include <vector>

#include "core/environment.hpp"
#include "core/error.hpp"
#include "load/aws/sns_publisher.hpp"
#include "pipeline/run_summary.hpp"

namespace wodetl {

//! Variable with the SNS topic ARN the completion message is published to.
inline constexpr const char* kTopicArnVariable = "NOTIFICATION_TOPIC_ARN";
//! Variable with the phone number the message is sent to by SMS, as in the original pipeline.
inline constexpr const char* kPhoneNumberVariable = "NOTIFICATION_PHONE_NUMBER";
//! Subject of the message, as the original pipeline set it.
inline constexpr const char* kCompletionSubject = "Invictus WOD DAG Completion";

//! Reads the targets: the topic of NOTIFICATION_TOPIC_ARN and the number of
//! NOTIFICATION_PHONE_NUMBER, each when set. Empty when neither is set. Returns
//! Error::invalid_input for a value that is not a topic ARN or an E.164 number.
[[nodiscard]] Result<std::vector<SnsTarget>> read_notification_targets(
    const Environment& environment);

//! Names a run after its start, e.g. "wodetl-20240501T120000Z".
[[nodiscard]] std::string run_name(std::chrono::system_clock::time_point started);

//! Builds the message as the original's state machine did, a JSON object with Subject, Name
//! (the run name) and StartTime (UTC ISO 8601), plus PostsProcessed (posts listed),
//! RecordsProcessed (session records the posts produced) and PostsFailed.
[[nodiscard]] std::string completion_message(const RunSummary& summary, const std::string& name,
                                             std::chrono::system_clock::time_point started);

//! Publishes message with kCompletionSubject to every target, also after one fails. Returns
//! the first failure's Error.
[[nodiscard]] Status publish_completion(const SnsPublisher& publisher,
                                        const std::vector<SnsTarget>& targets,
                                        const std::string& message);

}  // namespace wodetl
