#include "load/aws/sns_publisher.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

#include "load/aws/aws_xml.hpp"

namespace wodetl {

namespace {

// SNS's limit on the size of a message.
constexpr std::size_t kMaxMessageBytes = 256 * 1024;

}  // namespace

std::string SnsTarget::describe() const {
  return kind == Kind::kTopic ? "SNS topic " + address : "phone number " + address;
}

Status validate_sns_target(const SnsTarget& target, const std::string& variable) {
  if (target.kind == SnsTarget::Kind::kTopic) {
    if (!target.address.starts_with("arn:") || target.address.find(":sns:") == std::string::npos ||
        std::count(target.address.begin(), target.address.end(), ':') != 5) {
      return Error::invalid_input(variable + " '" + target.address + "' is not an SNS topic ARN",
                                  {}, "Give the ARN, e.g. arn:aws:sns:us-east-1:123456789012:wod");
    }
    return ok_status();
  }
  const std::string& number = target.address;
  const bool digits =
      number.size() > 1 && std::all_of(number.begin() + 1, number.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0;
      });
  if (!number.starts_with('+') || !digits || number.size() < 9 || number.size() > 16) {
    return Error::invalid_input(variable + " '" + number + "' is not an E.164 phone number", {},
                                "Write it as '+' with country code and number, e.g. +15555550100");
  }
  return ok_status();
}

SnsPublisher::SnsPublisher(std::shared_ptr<const AwsClient> client) : client_(std::move(client)) {}

Result<std::string> SnsPublisher::publish(const SnsTarget& target, const std::string& message,
                                          const std::string& subject) const {
  if (message.size() > kMaxMessageBytes) {
    return Error::invalid_input("the SNS message is " + std::to_string(message.size()) +
                                " bytes, over SNS's limit of 256 KB");
  }
  std::vector<QueryParameter> form = {
      {"Action", "Publish"}, {"Version", "2010-03-31"}, {"Message", message}};
  if (target.kind == SnsTarget::Kind::kTopic) {
    form.emplace_back("TopicArn", target.address);
    if (!subject.empty()) {
      form.emplace_back("Subject", subject);
    }
  } else {
    form.emplace_back("PhoneNumber", target.address);
  }

  AwsRequest request;
  request.service = AwsService::kSns;
  request.operation = "Publish";
  request.resource = target.describe();
  request.method = "POST";
  request.headers = {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}};
  request.body = canonical_query(form);
  Result<AwsResponse> response = client_->call(request);
  if (!response) {
    return response.error();
  }
  Result<XmlTexts> texts = read_xml_texts(response->body, {"MessageId"});
  if (!texts || first_text(*texts, "MessageId").empty()) {
    return Error::http_status(
        response->status, target.describe(),
        "SNS Publish returned no MessageId (request id " + response->request_id + ")");
  }
  return first_text(*texts, "MessageId");
}

}  // namespace wodetl
