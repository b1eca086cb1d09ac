// End-to-end tests of `--store aws`, `wodetl init`, the completion message and the WordPress
// secret: the commands a user types, against dynalite, s3rver and small local servers that
// respond like SNS and Secrets Manager.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <mutex>

#include "core/json_codec.hpp"
#include "support/aws_local_services.hpp"
#include "support/command.hpp"
#include "support/fixtures.hpp"
#include "support/local_http_server.hpp"
#include "support/wordpress_standin.hpp"

namespace wodetl {
namespace {

namespace fs = std::filesystem;
using testing::AwsLocalServices;
using testing::run_wodetl;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class AwsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WODETL_REQUIRE_AWS_STANDINS(services);
    environment_ = services->environment();
    environment_["INVICTUS_BUCKET"] = AwsLocalServices::unique_name("cli");
    environment_["DYNAMODB_TABLE"] = AwsLocalServices::unique_name("cli-sessions");
    environment_["IDEMPOTENCY_TABLE"] = AwsLocalServices::unique_name("cli-idempotency");
    fs::create_directories(posts());
  }

  fs::path posts() const { return folder_.path() / "posts"; }

  void add_post(const std::string& name) {
    fs::copy_file(testing::case_path("posts/" + name), posts() / name);
  }

  testing::CommandResult wodetl(const std::vector<std::string>& arguments) const {
    return run_wodetl(arguments, "", environment_);
  }

  //! Runs `init --store aws`, then `run --store aws` over one post, and expects both to succeed.
  void expect_init_and_run() {
    add_post("weekly-program-without-range.json");

    const auto init = wodetl({"init", "--store", "aws"});
    const auto run = wodetl({"run", "--store", "aws", "--source", posts().string()});

    ASSERT_EQ(init.exit_code, 0) << init.output << init.errors;
    ASSERT_EQ(run.exit_code, 0) << run.output << run.errors;
    EXPECT_TRUE(contains(run.output, "1 new")) << run.output;
  }

  testing::TempFolder folder_;
  std::map<std::string, std::string> environment_;
};

TEST_F(AwsCliTest, InitRunShowAndSecondRun) {
  const auto init = wodetl({"init", "--store", "aws"});
  ASSERT_EQ(init.exit_code, 0) << init.output << init.errors;
  EXPECT_TRUE(contains(init.output, "Created S3 bucket " + environment_["INVICTUS_BUCKET"]))
      << init.output;
  EXPECT_TRUE(contains(init.output, "Created DynamoDB table " + environment_["DYNAMODB_TABLE"]));
  EXPECT_TRUE(
      contains(init.output, "Created DynamoDB table " + environment_["DYNAMODB_TABLE"] + "-posts"));

  add_post("weekly-program-crossing-year.json");
  const auto run = wodetl({"run", "--store", "aws", "--source", posts().string()});
  ASSERT_EQ(run.exit_code, 0) << run.output << run.errors;
  EXPECT_TRUE(contains(run.output, "1 new")) << run.output;
  EXPECT_TRUE(contains(run.output, "S3 bucket s3://" + environment_["INVICTUS_BUCKET"]))
      << run.output;

  const auto show = wodetl({"show", "--store", "aws", "--week", "2020-12-30", "--format", "json"});
  ASSERT_EQ(show.exit_code, 0) << show.errors;
  EXPECT_EQ(Json::parse(show.output).size(), 5U);

  const auto second = wodetl({"run", "--store", "aws", "--source", posts().string()});
  ASSERT_EQ(second.exit_code, 0) << second.output << second.errors;
  EXPECT_TRUE(contains(second.output, "Nothing new")) << second.output;

  const auto again = wodetl({"init", "--store", "aws"});
  ASSERT_EQ(again.exit_code, 0) << again.errors;
  EXPECT_TRUE(contains(again.output, "Exists  S3 bucket")) << again.output;
}

TEST_F(AwsCliTest, StoreFromEnvironment) {
  environment_["WODETL_STORE"] = "aws";
  ASSERT_EQ(wodetl({"init"}).exit_code, 0);
  add_post("weekly-program-without-range.json");
  const auto run = wodetl({"run", "--source", posts().string()});
  ASSERT_EQ(run.exit_code, 0) << run.output << run.errors;
  EXPECT_TRUE(contains(run.output, "DynamoDB tables " + environment_["DYNAMODB_TABLE"]))
      << run.output;
}

TEST_F(AwsCliTest, RunWithoutInitSaysToInit) {
  add_post("weekly-program-without-range.json");
  const auto run = wodetl({"run", "--store", "aws", "--source", posts().string()});
  EXPECT_EQ(run.exit_code, 1) << run.output << run.errors;
  EXPECT_TRUE(contains(run.output, "wodetl init --store aws")) << run.output;
  EXPECT_TRUE(contains(run.output, "NoSuchBucket")) << run.output;
}

TEST_F(AwsCliTest, StageStoresIntoAws) {
  ASSERT_EQ(wodetl({"init", "--store", "aws"}).exit_code, 0);
  const std::string post =
      testing::read_file(testing::case_path("posts/weekly-program-without-range.json"));
  const auto dumped =
      run_wodetl({"stage", "dump_post_to_bucket", "--store", "aws"}, post, environment_);
  ASSERT_EQ(dumped.exit_code, 0) << dumped.errors;
  EXPECT_EQ(Json::parse(dumped.output)["metadata"]["bucket_key"],
            "raw/2021-03-06__strength-cycle-week-three__raw.json");
}

// Keys from ~/.aws/credentials, the region and the endpoint from ~/.aws/config, as the AWS CLI
// reads them; the proxy accepts only requests signed with those keys.
TEST_F(AwsCliTest, ProfileFromSharedFiles) {
  WODETL_REQUIRE_AWS_STANDINS(services);
  const testing::AwsCredentials keys = services->standins().credentials();
  const fs::path home = folder_.path() / "home";
  fs::create_directories(home / ".aws");
  std::ofstream(home / ".aws" / "credentials")
      << "[default]\naws_access_key_id = AKIDWRONGDEFAULT\naws_secret_access_key = wrong\n\n"
      << "[wod]\naws_access_key_id = " << keys.access_key_id
      << "\naws_secret_access_key = " << keys.secret_access_key << "\n";
  std::ofstream(home / ".aws" / "config")
      << "[profile wod]\nregion = " << services->standins().region()
      << "\nendpoint_url = " << services->standins().shared_endpoint() << "\n";
  environment_["HOME"] = home.string();
  environment_["AWS_PROFILE"] = "wod";
  for (const char* variable :
       {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION",
        "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3",
        "AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL_SNS", "AWS_ENDPOINT_URL_SECRETS_MANAGER"}) {
    environment_[variable] = "";
  }

  ASSERT_NO_FATAL_FAILURE(expect_init_and_run());
  int signed_with_profile = 0;
  for (const testing::StandinRequest& request : services->standins().requests()) {
    if (contains(request.path + request.body, environment_["DYNAMODB_TABLE"])) {
      EXPECT_EQ(request.decision, "forwarded") << request.operation << " " << request.message;
      signed_with_profile += request.access_key_id == keys.access_key_id ? 1 : 0;
    }
  }
  EXPECT_GT(signed_with_profile, 0);
}

// Lambda gives a function temporary keys with a session token in AWS_ACCESS_KEY_ID,
// AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN; the proxy rejects them without the token.
TEST_F(AwsCliTest, TemporaryCredentialsWithSessionToken) {
  WODETL_REQUIRE_AWS_STANDINS(services);
  for (const auto& [name, value] :
       services->standins().environment(services->standins().temporary_credentials())) {
    environment_[name] = value;
  }
  ASSERT_FALSE(environment_["AWS_SESSION_TOKEN"].empty());

  ASSERT_NO_FATAL_FAILURE(expect_init_and_run());
}

// AWS_ENDPOINT_URL_S3 and AWS_ENDPOINT_URL_DYNAMODB win over AWS_ENDPOINT_URL, which points at a
// port where nothing listens.
TEST_F(AwsCliTest, ServiceEndpointsBeatGeneralEndpoint) {
  environment_["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9";

  ASSERT_NO_FATAL_FAILURE(expect_init_and_run());
}

// The idempotency table is unreachable: the run stores the post anyway and says why in its
// summary, as the original pipeline logged a warning and went on.
TEST_F(AwsCliTest, MissingIdempotencyTableFailsOpen) {
  ASSERT_EQ(wodetl({"init", "--store", "aws"}).exit_code, 0);
  environment_["IDEMPOTENCY_TABLE"] = AwsLocalServices::unique_name("cli-missing");
  add_post("weekly-program-without-range.json");

  const auto run = wodetl({"run", "--store", "aws", "--source", posts().string()});

  ASSERT_EQ(run.exit_code, 0) << run.output << run.errors;
  EXPECT_TRUE(contains(run.output, "1 new")) << run.output;
  EXPECT_TRUE(contains(run.output,
                       "the idempotency records or post states could not be used for "
                       "1 post, so they were processed and stored anyway"))
      << run.output;
  EXPECT_TRUE(contains(run.output, "ResourceNotFoundException")) << run.output;
}

TEST(AwsCliSettings, ErrorsAreClear) {
  testing::TempFolder folder;
  const std::map<std::string, std::string> environment{{"HOME", folder.path().string()},
                                                       {"AWS_ACCESS_KEY_ID", "AKID"},
                                                       {"AWS_SECRET_ACCESS_KEY", "secret"},
                                                       {"INVICTUS_BUCKET", ""},
                                                       {"AWS_PROFILE", ""}};

  const auto no_bucket = run_wodetl({"init", "--store", "aws"}, "", environment);
  EXPECT_EQ(no_bucket.exit_code, 2);
  EXPECT_TRUE(contains(no_bucket.errors, "INVICTUS_BUCKET is not set")) << no_bucket.errors;

  const auto bad_store = run_wodetl({"show", "--date", "2021-01-04"}, "",
                                    {{"WODETL_STORE", "cloud"}, {"HOME", folder.path().string()}});
  EXPECT_EQ(bad_store.exit_code, 2);
  EXPECT_TRUE(contains(bad_store.errors, "WODETL_STORE 'cloud'")) << bad_store.errors;

  auto no_keys = environment;
  no_keys["INVICTUS_BUCKET"] = "wod-bucket";
  no_keys["AWS_ACCESS_KEY_ID"] = "";
  no_keys["AWS_SECRET_ACCESS_KEY"] = "";
  const auto no_credentials =
      run_wodetl({"show", "--store", "aws", "--date", "2021-01-04"}, "", no_keys);
  EXPECT_EQ(no_credentials.exit_code, 2);
  EXPECT_TRUE(contains(no_credentials.errors, "no AWS credentials")) << no_credentials.errors;
}

//! Server that responds to SNS Publish and Secrets Manager GetSecretValue and records requests.
class FakeAwsApis {
 public:
  explicit FakeAwsApis(bool fail_publish = false)
      : server_([this, fail_publish](httplib::Server& server) {
          server.Post("/", [this, fail_publish](const httplib::Request& request,
                                                httplib::Response& response) {
            std::lock_guard lock(mutex_);
            if (request.get_header_value("X-Amz-Target") == "secretsmanager.GetSecretValue") {
              ++secret_reads_;
              response.set_content(
                  R"({"SecretString":"{\"username\":\"coach\",\"password\":\"from-secret\"}"})",
                  "application/x-amz-json-1.1");
              return;
            }
            messages_.push_back(request.get_param_value("Message"));
            if (fail_publish) {
              response.status = 403;
              response.set_content(
                  "<ErrorResponse><Error><Code>AuthorizationError</Code></Error>"
                  "<RequestId>r-1</RequestId></ErrorResponse>",
                  "text/xml");
              return;
            }
            response.set_content(
                "<PublishResponse><PublishResult><MessageId>m-1</MessageId></PublishResult>"
                "</PublishResponse>",
                "text/xml");
          });
        }) {}

  std::string url() const { return server_.url(); }

  std::vector<std::string> messages() {
    std::lock_guard lock(mutex_);
    return messages_;
  }

  int secret_reads() {
    std::lock_guard lock(mutex_);
    return secret_reads_;
  }

 private:
  std::mutex mutex_;
  std::vector<std::string> messages_;
  int secret_reads_ = 0;
  testing::LocalHttpServer server_;
};

class CliNotifyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(folder_.path() / "posts");
    fs::copy_file(testing::case_path("posts/weekly-program-without-range.json"),
                  folder_.path() / "posts" / "week.json");
  }

  std::map<std::string, std::string> environment(const std::string& endpoint) const {
    return {{"HOME", folder_.path().string()},
            {"AWS_ACCESS_KEY_ID", "AKID"},
            {"AWS_SECRET_ACCESS_KEY", "secret"},
            {"AWS_PROFILE", ""},
            {"AWS_SESSION_TOKEN", ""},
            {"AWS_ENDPOINT_URL", ""},
            {"AWS_ENDPOINT_URL_SNS", endpoint},
            {"AWS_ENDPOINT_URL_SECRETS_MANAGER", endpoint},
            {"NOTIFICATION_TOPIC_ARN", "arn:aws:sns:us-east-1:123456789012:wod-done"}};
  }

  std::vector<std::string> run_arguments() const {
    return {"run", "--source", (folder_.path() / "posts").string(), "--data-dir",
            (folder_.path() / "data").string()};
  }

  testing::TempFolder folder_;
};

TEST_F(CliNotifyTest, RunPublishesCompletionMessage) {
  FakeAwsApis apis;
  const auto run = run_wodetl(run_arguments(), "", environment(apis.url()));
  ASSERT_EQ(run.exit_code, 0) << run.output << run.errors;
  const auto messages = apis.messages();
  ASSERT_EQ(messages.size(), 1U);
  const Json message = Json::parse(messages[0]);
  EXPECT_EQ(message["Subject"], "Invictus WOD DAG Completion");
  EXPECT_EQ(message["PostsProcessed"], 1);
  EXPECT_EQ(message["RecordsProcessed"], 3);
  EXPECT_TRUE(message["Name"].get<std::string>().starts_with("wodetl-"));
}

TEST_F(CliNotifyTest, FailedPublishFailsRun) {
  FakeAwsApis apis(/*fail_publish=*/true);
  const auto run = run_wodetl(run_arguments(), "", environment(apis.url()));
  EXPECT_EQ(run.exit_code, 1);
  // The error is printed once, in the summary, whose last line agrees with the exit code.
  const std::string all = run.output + run.errors;
  EXPECT_TRUE(contains(run.output, "Completion message not sent: ")) << run.output;
  EXPECT_TRUE(contains(run.output, "SNS Publish")) << run.output;
  EXPECT_TRUE(contains(run.output, "AuthorizationError")) << run.output;
  EXPECT_EQ(all.find("AuthorizationError"), all.rfind("AuthorizationError")) << all;
  EXPECT_TRUE(contains(run.output, "Run failed")) << run.output;
  EXPECT_FALSE(contains(run.output, "Run succeeded")) << run.output;
  EXPECT_TRUE(fs::exists(folder_.path() / "data" / "wodetl.sqlite"));
}

TEST_F(CliNotifyTest, InvalidTargetStopsBeforeRun) {
  FakeAwsApis apis;
  auto variables = environment(apis.url());
  variables["NOTIFICATION_TOPIC_ARN"] = "wod-done";
  const auto run = run_wodetl(run_arguments(), "", variables);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.errors, "NOTIFICATION_TOPIC_ARN")) << run.errors;
  EXPECT_FALSE(fs::exists(folder_.path() / "data"));
}

TEST_F(CliNotifyTest, WordPressCredentialsFromSecret) {
  FakeAwsApis apis;
  testing::WordPressStandin site;
  site.add_workout_posts(2, 213);
  site.require_basic_auth("coach", "from-secret");
  auto variables = environment(apis.url());
  variables["NOTIFICATION_TOPIC_ARN"] = "";
  variables["INVICTUS_SECRET_NAME"] = "wordpress-credentials";
  variables["INVICTUS_WEIGHTLIFTING_API"] = site.posts_url();
  variables["INVICTUS_USER"] = "env-user";
  variables["INVICTUS_PASS"] = "env-pass";

  const auto run =
      run_wodetl({"--log-level", "debug", "run", "--data-dir", (folder_.path() / "data").string()},
                 "", variables);
  ASSERT_EQ(run.exit_code, 0) << run.output << run.errors;
  EXPECT_TRUE(contains(run.output, "2 new")) << run.output;
  EXPECT_EQ(apis.secret_reads(), 1);
  EXPECT_FALSE(contains(run.errors, "from-secret")) << run.errors;
  EXPECT_FALSE(contains(run.output, "from-secret"));
}

}  // namespace
}  // namespace wodetl
