#include "app/store_choice.hpp"

#include <iostream>
#include <utility>

#include "app/logging.hpp"
#include "app/settings.hpp"
#include "load/aws/aws_settings.hpp"
#include "load/aws/secrets_manager_client.hpp"
#include "load/aws/wordpress_secret.hpp"

namespace wodetl {

namespace {

std::optional<std::string> lookup(const Environment& environment, const char* name) {
  std::optional<std::string> value = environment(name);
  if (value && value->empty()) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

Result<StoreKind> read_store_kind(const std::string& option, const Environment& environment,
                                  const std::optional<std::string>& configured) {
  std::string value = option;
  std::string origin = "--store";
  if (value.empty()) {
    std::optional<std::string> variable = lookup(environment, "WODETL_STORE");
    value = variable.value_or(configured.value_or("local"));
    origin = variable ? "WODETL_STORE" : "the configuration file's store";
  }
  if (value == "local") {
    return StoreKind::kLocal;
  }
  if (value == "aws") {
    return StoreKind::kAws;
  }
  return Error::invalid_input(origin + " '" + value + "' is not a store", {},
                              "Use local (SQLite and a bucket folder) or aws (S3 and DynamoDB)");
}

Result<AwsStoreSettings> aws_store_settings(const Environment& environment) {
  AwsStoreSettings settings;
  std::optional<std::string> bucket = lookup(environment, "INVICTUS_BUCKET");
  if (!bucket) {
    return Error::invalid_input("INVICTUS_BUCKET is not set, so there is no S3 bucket to store in",
                                {}, "Set INVICTUS_BUCKET to the bucket's name");
  }
  settings.bucket = *bucket;
  if (auto sessions = lookup(environment, "DYNAMODB_TABLE")) {
    settings.tables.sessions = *sessions;
    settings.tables.posts = *sessions + "-posts";
  }
  if (auto idempotency = lookup(environment, "IDEMPOTENCY_TABLE")) {
    settings.tables.idempotency = *idempotency;
  }
  if (auto posts = lookup(environment, "WODETL_POSTS_TABLE")) {
    settings.tables.posts = *posts;
  }
  return settings;
}

Result<std::shared_ptr<const AwsClient>> make_aws_client(const Environment& environment) {
  Result<AwsSettings> settings = read_aws_settings(environment);
  if (!settings) {
    return settings.error();
  }
  return std::shared_ptr<const AwsClient>(std::make_shared<AwsClient>(std::move(*settings)));
}

Result<Stores> open_stores(StoreKind kind, const std::string& data_dir_option,
                           const Environment& environment) {
  if (kind == StoreKind::kLocal) {
    Result<LocalStoreSettings> settings = local_store_settings(data_dir_option, environment);
    if (!settings) {
      return settings.error();
    }
    return open_local_stores(*settings);
  }

  Result<AwsStoreSettings> settings = aws_store_settings(environment);
  if (!settings) {
    return settings.error();
  }
  Result<std::shared_ptr<const AwsClient>> client = make_aws_client(environment);
  if (!client) {
    return client.error();
  }
  return open_aws_stores(*settings, *client);
}

std::optional<Error> send_completion_message(const std::vector<SnsTarget>& targets,
                                             const RunSummary& summary,
                                             std::chrono::system_clock::time_point started,
                                             const Environment& environment) {
  Result<std::shared_ptr<const AwsClient>> client = make_aws_client(environment);
  const Status sent =
      client ? publish_completion(SnsPublisher(*client), targets,
                                  completion_message(summary, run_name(started), started))
             : Status(client.error());
  if (!sent) {
    return sent.error();
  }
  return std::nullopt;
}

Result<std::string> read_secret_text(const std::string& secret_name,
                                     const Environment& environment) {
  Result<std::shared_ptr<const AwsClient>> client = make_aws_client(environment);
  if (!client) {
    return client.error();
  }
  return SecretsManagerClient(*client).get_secret_string(secret_name);
}

Environment source_environment(const Environment& environment) {
  return with_wordpress_secret(environment, [&environment](const std::string& secret_name) {
    return read_secret_text(secret_name, environment);
  });
}

}  // namespace wodetl
