// SnsPublisher and SecretsManagerClient against small local servers that respond like SNS and
// Secrets Manager. They check what arrives (action, parameters, signing scope), not the
// signature itself.

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <memory>
#include <mutex>
#include <sstream>

#include "core/json_codec.hpp"
#include "load/aws/secrets_manager_client.hpp"
#include "load/aws/sns_publisher.hpp"
#include "load/aws/wordpress_secret.hpp"
#include "support/fixtures.hpp"
#include "support/local_http_server.hpp"

namespace wodetl {
namespace {

constexpr const char* kTopic = "arn:aws:sns:us-east-1:123456789012:wod-done";

//! Requests the servers received.
struct Received {
  std::mutex mutex;
  httplib::Params form;
  std::string authorization;
  std::string target;
  std::string body;
};

std::shared_ptr<const AwsClient> client_for(const testing::LocalHttpServer& server) {
  AwsSettings settings;
  settings.credentials = AwsCredentials{.access_key_id = "AKIDTEST", .secret_access_key = "s"};
  settings.endpoint_overrides[AwsService::kSns] = server.url();
  settings.endpoint_overrides[AwsService::kSecretsManager] = server.url();
  return std::make_shared<const AwsClient>(settings, AwsClientOptions{.max_attempts = 1});
}

std::unique_ptr<testing::LocalHttpServer> start_sns(Received& received, bool fail = false) {
  return std::make_unique<testing::LocalHttpServer>([&received, fail](httplib::Server& server) {
    server.Post(
        "/", [&received, fail](const httplib::Request& request, httplib::Response& response) {
          {
            std::lock_guard lock(received.mutex);
            received.form = request.params;
            received.authorization = request.get_header_value("Authorization");
          }
          response.set_header("x-amzn-RequestId", "sns-request-1");
          if (fail) {
            response.status = 404;
            response.set_content(
                "<ErrorResponse><Error><Type>Sender</Type><Code>NotFound</Code>"
                "<Message>Topic does not exist</Message></Error>"
                "<RequestId>sns-request-1</RequestId></ErrorResponse>",
                "text/xml");
            return;
          }
          response.set_content(
              "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
              "<MessageId>msg-42</MessageId></PublishResult><ResponseMetadata>"
              "<RequestId>sns-request-1</RequestId></ResponseMetadata></PublishResponse>",
              "text/xml");
        });
  });
}

std::unique_ptr<testing::LocalHttpServer> start_secrets(Received& received, std::string answer,
                                                        int status = 200) {
  return std::make_unique<testing::LocalHttpServer>(
      [&received, answer, status](httplib::Server& server) {
        server.Post("/", [&received, answer, status](const httplib::Request& request,
                                                     httplib::Response& response) {
          {
            std::lock_guard lock(received.mutex);
            received.authorization = request.get_header_value("Authorization");
            received.target = request.get_header_value("X-Amz-Target");
            received.body = request.body;
          }
          response.status = status;
          response.set_header("x-amzn-RequestId", "sm-request-1");
          response.set_content(answer, "application/x-amz-json-1.1");
        });
      });
}

TEST(SnsPublisher, PublishesToTopic) {
  Received received;
  auto server = start_sns(received);
  SnsPublisher publisher(client_for(*server));

  Result<std::string> id =
      publisher.publish(SnsTarget{.address = kTopic}, R"({"Name":"run"})", "Run done");
  ASSERT_TRUE(id.ok()) << id.error().to_string();
  EXPECT_EQ(*id, "msg-42");

  std::lock_guard lock(received.mutex);
  auto value = [&](const std::string& name) {
    auto found = received.form.find(name);
    return found == received.form.end() ? std::string("<absent>") : found->second;
  };
  EXPECT_EQ(value("Action"), "Publish");
  EXPECT_EQ(value("Version"), "2010-03-31");
  EXPECT_EQ(value("TopicArn"), kTopic);
  EXPECT_EQ(value("Message"), R"({"Name":"run"})");
  EXPECT_EQ(value("Subject"), "Run done");
  EXPECT_NE(received.authorization.find("/us-east-1/sns/aws4_request"), std::string::npos)
      << received.authorization;
}

TEST(SnsPublisher, PublishesToPhoneNumber) {
  Received received;
  auto server = start_sns(received);
  SnsPublisher publisher(client_for(*server));

  Result<std::string> id = publisher.publish(
      SnsTarget{.kind = SnsTarget::Kind::kPhoneNumber, .address = "+15555550100"}, "done", "x");
  ASSERT_TRUE(id.ok()) << id.error().to_string();
  std::lock_guard lock(received.mutex);
  EXPECT_EQ(received.form.find("PhoneNumber")->second, "+15555550100");
  EXPECT_EQ(received.form.count("TopicArn"), 0U);
  EXPECT_EQ(received.form.count("Subject"), 0U);
}

TEST(SnsPublisher, ErrorNamesServiceCodeAndRequest) {
  Received received;
  auto server = start_sns(received, /*fail=*/true);
  SnsPublisher publisher(client_for(*server));

  Result<std::string> id = publisher.publish(SnsTarget{.address = kTopic}, "done", "x");
  ASSERT_FALSE(id.ok());
  const std::string text = id.error().to_string();
  EXPECT_NE(text.find("SNS Publish on SNS topic " + std::string(kTopic)), std::string::npos)
      << text;
  EXPECT_NE(text.find("HTTP 404 NotFound"), std::string::npos) << text;
  EXPECT_NE(text.find("request id sns-request-1"), std::string::npos) << text;
}

TEST(SnsTarget, ValidatesTopicAndNumber) {
  EXPECT_TRUE(validate_sns_target(SnsTarget{.address = kTopic}, "V").ok());
  EXPECT_FALSE(validate_sns_target(SnsTarget{.address = "wod-done"}, "V").ok());
  const auto phone = SnsTarget::Kind::kPhoneNumber;
  EXPECT_TRUE(validate_sns_target(SnsTarget{.kind = phone, .address = "+15555550100"}, "V").ok());
  EXPECT_FALSE(validate_sns_target(SnsTarget{.kind = phone, .address = "555-0100"}, "V").ok());
}

TEST(SecretsManagerClient, ReadsSecretString) {
  Received received;
  auto server = start_secrets(
      received, R"({"Name":"wp","SecretString":"{\"username\":\"coach\",\"password\":\"p\"}"})");
  SecretsManagerClient secrets(client_for(*server));

  Result<std::string> text = secrets.get_secret_string("wp-credentials");
  ASSERT_TRUE(text.ok()) << text.error().to_string();
  EXPECT_EQ(*text, R"({"username":"coach","password":"p"})");
  std::lock_guard lock(received.mutex);
  EXPECT_EQ(received.target, "secretsmanager.GetSecretValue");
  EXPECT_EQ(Json::parse(received.body)["SecretId"], "wp-credentials");
  EXPECT_NE(received.authorization.find("/secretsmanager/aws4_request"), std::string::npos);
}

TEST(SecretsManagerClient, MissingSecretErrorNamesService) {
  Received received;
  auto server = start_secrets(
      received,
      R"({"__type":"ResourceNotFoundException","Message":"Secrets Manager can't find it."})", 400);
  SecretsManagerClient secrets(client_for(*server));

  Result<std::string> text = secrets.get_secret_string("wp-credentials");
  ASSERT_FALSE(text.ok());
  const std::string message = text.error().to_string();
  EXPECT_NE(message.find("Secrets Manager GetSecretValue on secret wp-credentials failed"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("ResourceNotFoundException"), std::string::npos);
  EXPECT_NE(message.find("INVICTUS_SECRET_NAME"), std::string::npos);
}

TEST(SecretsManagerClient, BinarySecretRejected) {
  Received received;
  auto server = start_secrets(received, R"({"Name":"wp","SecretBinary":"AAEC"})");
  SecretsManagerClient secrets(client_for(*server));
  Result<std::string> text = secrets.get_secret_string("wp");
  ASSERT_FALSE(text.ok());
  EXPECT_NE(text.error().message.find("no SecretString"), std::string::npos);
}

//! Captures log messages while it lives.
class LogCapture {
 public:
  LogCapture() : previous_(spdlog::default_logger()) {
    auto logger = std::make_shared<spdlog::logger>(
        "capture", std::make_shared<spdlog::sinks::ostream_sink_mt>(stream_));
    logger->set_level(spdlog::level::trace);
    spdlog::set_default_logger(logger);
  }
  ~LogCapture() { spdlog::set_default_logger(previous_); }

  [[nodiscard]] std::string text() const { return stream_.str(); }

 private:
  std::ostringstream stream_;
  std::shared_ptr<spdlog::logger> previous_;
};

TEST(WordPressSecret, SecretOverridesVariables) {
  const Environment environment = testing::fixed_environment({{"INVICTUS_SECRET_NAME", "wp"},
                                                              {"INVICTUS_USER", "env-user"},
                                                              {"INVICTUS_PASS", "env-pass"},
                                                              {"OTHER", "kept"}});
  LogCapture logs;
  const Environment merged = with_wordpress_secret(environment, [](const std::string& name) {
    EXPECT_EQ(name, "wp");
    return Result<std::string>(R"({"username":"secret-user","password":"s3cr3t-pass"})");
  });
  EXPECT_EQ(merged("INVICTUS_USER"), "secret-user");
  EXPECT_EQ(merged("INVICTUS_PASS"), "s3cr3t-pass");
  EXPECT_EQ(merged("OTHER"), "kept");
  EXPECT_EQ(logs.text().find("s3cr3t-pass"), std::string::npos) << logs.text();
}

TEST(WordPressSecret, NoSecretNameKeepsEnvironment) {
  bool read = false;
  const Environment merged = with_wordpress_secret(
      testing::fixed_environment({{"INVICTUS_USER", "env-user"}}), [&read](const std::string&) {
        read = true;
        return Result<std::string>(std::string("{}"));
      });
  EXPECT_FALSE(read);
  EXPECT_EQ(merged("INVICTUS_USER"), "env-user");
}

TEST(WordPressSecret, UnreadableSecretFallsBackWithWarning) {
  LogCapture logs;
  const Environment merged = with_wordpress_secret(
      testing::fixed_environment({{"INVICTUS_SECRET_NAME", "wp"}, {"INVICTUS_USER", "env-user"}}),
      [](const std::string&) {
        return Result<std::string>(Error::http_status(400, "secret wp", "ResourceNotFound"));
      });
  EXPECT_EQ(merged("INVICTUS_USER"), "env-user");
  EXPECT_NE(logs.text().find("were not read from Secrets Manager secret wp, so INVICTUS_USER and "
                             "INVICTUS_PASS serve instead"),
            std::string::npos)
      << logs.text();
}

TEST(WordPressSecret, IncompleteSecretFallsBackWithoutLeaking) {
  LogCapture logs;
  const Environment merged = with_wordpress_secret(
      testing::fixed_environment({{"INVICTUS_SECRET_NAME", "wp"}, {"INVICTUS_PASS", "env-pass"}}),
      [](const std::string&) { return Result<std::string>(R"({"password":"leaky-pass"})"); });
  EXPECT_EQ(merged("INVICTUS_PASS"), "env-pass");
  EXPECT_NE(logs.text().find("\"username\""), std::string::npos) << logs.text();
  EXPECT_EQ(logs.text().find("leaky-pass"), std::string::npos) << logs.text();
}

TEST(WordPressSecret, ReadReportsErrorWithoutFallback) {
  const std::optional<WordPressSecret> secret = read_wordpress_secret(
      testing::fixed_environment({{"INVICTUS_SECRET_NAME", "wp"}}),
      [](const std::string&) { return Result<std::string>(std::string("[]")); });

  ASSERT_TRUE(secret.has_value());
  EXPECT_EQ(secret->name, "wp");
  EXPECT_FALSE(secret->auth.has_value());
  ASSERT_TRUE(secret->error.has_value());
  EXPECT_NE(secret->error->message.find("so the site is read without credentials"),
            std::string::npos)
      << secret->error->message;
  EXPECT_NE(secret->error->message.find("not a JSON object"), std::string::npos)
      << secret->error->message;
}

TEST(WordPressSecret, InvalidJsonNotQuoted) {
  Result<BasicAuth> auth = parse_wordpress_secret("user:hunter2-pass", "wp");
  ASSERT_FALSE(auth.ok());
  EXPECT_EQ(auth.error().to_string().find("hunter2"), std::string::npos);
}

}  // namespace
}  // namespace wodetl
