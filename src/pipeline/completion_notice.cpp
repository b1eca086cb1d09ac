#include "pipeline/completion_notice.hpp"

#include <spdlog/spdlog.h>

#include <ctime>
#include <optional>

#include "core/json_codec.hpp"

namespace wodetl {

namespace {

std::string format_utc(std::chrono::system_clock::time_point time, const char* format) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[40];
  std::strftime(text, sizeof text, format, &utc);
  return text;
}

}  // namespace

Result<std::vector<SnsTarget>> read_notification_targets(const Environment& environment) {
  std::vector<SnsTarget> targets;
  const std::pair<const char*, SnsTarget::Kind> variables[] = {
      {kTopicArnVariable, SnsTarget::Kind::kTopic},
      {kPhoneNumberVariable, SnsTarget::Kind::kPhoneNumber}};
  for (const auto& [variable, kind] : variables) {
    const std::optional<std::string> value = environment(variable);
    if (!value || value->empty()) {
      continue;
    }
    SnsTarget target{.kind = kind, .address = *value};
    if (Status valid = validate_sns_target(target, variable); !valid) {
      return valid.error();
    }
    targets.push_back(std::move(target));
  }
  return targets;
}

std::string run_name(std::chrono::system_clock::time_point started) {
  return "wodetl-" + format_utc(started, "%Y%m%dT%H%M%SZ");
}

std::string completion_message(const RunSummary& summary, const std::string& name,
                               std::chrono::system_clock::time_point started) {
  int records = 0;
  for (const PostOutcome& post : summary.posts) {
    records += post.records;
  }
  const Json message{{"Subject", kCompletionSubject},
                     {"Name", name},
                     {"StartTime", format_utc(started, "%Y-%m-%dT%H:%M:%SZ")},
                     {"PostsProcessed", summary.posts.size()},
                     {"RecordsProcessed", records},
                     {"PostsFailed", summary.count(PostResult::kFailed)}};
  return message.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Status publish_completion(const SnsPublisher& publisher, const std::vector<SnsTarget>& targets,
                          const std::string& message) {
  std::optional<Error> first_error;
  for (const SnsTarget& target : targets) {
    Result<std::string> message_id = publisher.publish(target, message, kCompletionSubject);
    if (!message_id) {
      Error error = message_id.error();
      // An SNS error names the topic or number already; a network error does not.
      if (error.message.find(target.address) == std::string::npos) {
        error.message = target.describe() + ": " + error.message;
      }
      // The caller shows the first error in the run summary; only the others are logged here,
      // so that no error is printed twice.
      if (!first_error) {
        first_error = std::move(error);
      } else {
        spdlog::error("Could not send the completion message to {}", error.to_string());
      }
      continue;
    }
    spdlog::info("Sent the completion message to {} (message id {})", target.describe(),
                 *message_id);
  }
  if (first_error) {
    return *first_error;
  }
  return ok_status();
}

}  // namespace wodetl
