#include "support/aws_local_services.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <exception>
#include <mutex>

namespace wodetl::testing {

AwsLocalServices* AwsLocalServices::shared(std::string& why_not) {
  static std::mutex mutex;
  static std::unique_ptr<AwsLocalServices> services;
  static std::string failure;
  std::lock_guard lock(mutex);
  if (services || !failure.empty()) {
    why_not = failure;
    return services.get();
  }
  if (const auto reason = AwsStandins::unavailable_reason()) {
    failure = *reason;
  } else {
    try {
      services.reset(new AwsLocalServices());
    } catch (const std::exception& exception) {
      failure = exception.what();
    }
  }
  why_not = failure;
  return services.get();
}

bool AwsLocalServices::required() {
  const char* value = std::getenv("WODETL_REQUIRE_AWS_STANDINS");
  return value != nullptr && std::string(value) == "1";
}

AwsLocalServices::AwsLocalServices() : standins_(std::make_unique<AwsStandins>()) {}

AwsLocalServices::~AwsLocalServices() = default;

std::string AwsLocalServices::dynamodb_endpoint() const {
  return standins_->endpoint(testing::AwsService::dynamodb);
}

std::string AwsLocalServices::s3_endpoint() const {
  return standins_->endpoint(testing::AwsService::s3);
}

AwsSettings AwsLocalServices::settings() const {
  const testing::AwsCredentials keys = standins_->credentials();
  AwsSettings settings;
  settings.region = standins_->region();
  settings.credentials = wodetl::AwsCredentials{.access_key_id = keys.access_key_id,
                                                .secret_access_key = keys.secret_access_key,
                                                .session_token = keys.session_token,
                                                .origin = "the test stand-ins"};
  settings.endpoint_overrides[wodetl::AwsService::kDynamoDb] = dynamodb_endpoint();
  settings.endpoint_overrides[wodetl::AwsService::kS3] = s3_endpoint();
  settings.endpoint_overrides[wodetl::AwsService::kSns] =
      standins_->endpoint(testing::AwsService::sns);
  settings.endpoint_overrides[wodetl::AwsService::kSecretsManager] =
      standins_->endpoint(testing::AwsService::secrets_manager);
  return settings;
}

std::map<std::string, std::string> AwsLocalServices::environment() const {
  auto variables = standins_->environment();
  variables["HOME"] = home_.path().string();
  return variables;
}

std::string AwsLocalServices::unique_name(const std::string& prefix) {
  static std::atomic<int> counter{0};
  return prefix + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter.fetch_add(1));
}

}  // namespace wodetl::testing
