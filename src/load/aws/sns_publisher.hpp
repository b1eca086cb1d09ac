#pragma once
// SNS Publish for the completion message, in SNS's Query protocol: a form POST, and XML back.

#include <memory>
#include <string>

#include "core/error.hpp"
#include "load/aws/aws_client.hpp"

namespace wodetl {

//! Destination of a message: an SNS topic or, as the original pipeline used, an SMS number.
struct SnsTarget {
  enum class Kind { kTopic, kPhoneNumber };
  Kind kind = Kind::kTopic;
  std::string address;  //!< topic ARN, or phone number in E.164 form ("+15555550100")

  [[nodiscard]] std::string describe() const;
};

//! Checks a topic ARN ("arn:aws:sns:REGION:ACCOUNT:NAME") or an E.164 phone number ('+' and 8
//! to 15 digits). Returns Error::invalid_input naming variable otherwise.
[[nodiscard]] Status validate_sns_target(const SnsTarget& target, const std::string& variable);

//! Publishes messages to SNS.
//!
//! Thread safety: publish() may be called from several threads at once.
class SnsPublisher {
 public:
  explicit SnsPublisher(std::shared_ptr<const AwsClient> client);

  //! Publishes message (UTF-8, at most 256 KB) with subject (used by e-mail subscriptions of a
  //! topic; SMS ignores it). Returns the MessageId.
  [[nodiscard]] Result<std::string> publish(const SnsTarget& target, const std::string& message,
                                            const std::string& subject) const;

 private:
  std::shared_ptr<const AwsClient> client_;
};

}  // namespace wodetl
