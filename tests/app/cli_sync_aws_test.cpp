// End-to-end tests of `wodetl sync` into the AWS store: the WordPress stand-in as the site, and
// dynalite, s3rver and the SNS and Secrets Manager stand-ins behind the signature-checking proxy.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "core/json_codec.hpp"
#include "load/aws/dynamodb_test_support.hpp"
#include "load/bucket_keys.hpp"
#include "load/load_test_support.hpp"
#include "pipeline/persist.hpp"
#include "pipeline/stores.hpp"
#include "support/aws_local_services.hpp"
#include "support/command.hpp"
#include "support/fixtures.hpp"
#include "support/wordpress_standin.hpp"

namespace wodetl {
namespace {

namespace fs = std::filesystem;
using testing::AwsLocalServices;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

constexpr int kPosts = 6;
// Each workout post of the stand-in holds a Monday and a Wednesday.
constexpr int kRecordsPerPost = 2;
constexpr std::size_t kRecords = kPosts * kRecordsPerPost;

class AwsCliSyncTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WODETL_REQUIRE_AWS_STANDINS(services);
    services_ = services;
    site_.add_workout_posts(kPosts, 213, 1000);
    environment_ = services->environment();
    settings_.bucket = AwsLocalServices::unique_name("sync");
    settings_.tables.sessions = AwsLocalServices::unique_name("sync-sessions");
    settings_.tables.idempotency = AwsLocalServices::unique_name("sync-idempotency");
    settings_.tables.posts = settings_.tables.sessions + "-posts";
    environment_["INVICTUS_BUCKET"] = settings_.bucket;
    environment_["DYNAMODB_TABLE"] = settings_.tables.sessions;
    environment_["IDEMPOTENCY_TABLE"] = settings_.tables.idempotency;
    environment_["WODETL_STORE"] = "";
    client_ = testing::standin_client(*services);
  }

  fs::path folder() const { return folder_.path(); }

  //! Writes wodetl.toml with one source "blog" that reads the stand-in fast, and `top_lines`
  //! before the [store] table.
  void write_config(const std::string& top_lines = "",
                    const std::string& extra_sources = "") const {
    std::ofstream(folder() / "wodetl.toml")
        << top_lines << "[[sources]]\nname = \"blog\"\nsite = \"" << site_.root_url()
        << "\"\ncategory = 213\nrate = 20\nretries = 1\n"
        << extra_sources;
  }

  testing::CommandResult wodetl(const std::vector<std::string>& arguments) const {
    return testing::run_wodetl(arguments, "", environment_, folder().string());
  }

  //! Creates the bucket and the tables, as `wodetl init --store aws` does.
  void init() const {
    const auto init = wodetl({"init", "--store", "aws"});
    ASSERT_EQ(init.exit_code, 0) << init.output << init.errors;
  }

  //! The AWS stores the commands wrote, for reading.
  Stores aws_stores() const {
    Result<Stores> stores = open_aws_stores(settings_, client_);
    EXPECT_TRUE(stores.ok()) << stores.error().to_string();
    return stores.ok() ? *stores : Stores{};
  }

  static std::vector<std::string> object_keys(Stores& stores, const std::string& prefix) {
    Result<std::vector<std::string>> keys = stores.objects->list(prefix);
    EXPECT_TRUE(keys.ok()) << keys.error().to_string();
    return keys.ok() ? *keys : std::vector<std::string>{};
  }

  //! Requests the proxy forwarded since `first` that change this test's bucket or tables.
  std::vector<std::string> writes_since(std::size_t first) const {
    static const std::set<std::string> kWrites = {"PutItem",        "UpdateItem", "DeleteItem",
                                                  "BatchWriteItem", "PutObject",  "DeleteObject",
                                                  "CopyObject"};
    std::vector<std::string> writes;
    const std::vector<testing::StandinRequest> requests = services_->standins().requests();
    for (std::size_t index = first; index < requests.size(); ++index) {
      const testing::StandinRequest& request = requests[index];
      const bool ours = contains(request.path, settings_.bucket) ||
                        contains(request.body, settings_.tables.sessions) ||
                        contains(request.body, settings_.tables.idempotency);
      if (ours && kWrites.contains(request.operation)) {
        writes.push_back(request.operation + " " + request.path);
      }
    }
    return writes;
  }

  std::size_t request_count() const { return services_->standins().requests().size(); }

  AwsLocalServices* services_ = nullptr;
  testing::TempFolder folder_;
  testing::WordPressStandin site_;
  std::map<std::string, std::string> environment_;
  AwsStoreSettings settings_;
  std::shared_ptr<const AwsClient> client_;
};

TEST_F(AwsCliSyncTest, FirstSyncStoresRecordsAndObjects) {
  write_config();
  init();

  const auto sync = wodetl({"sync", "--store", "aws", "--format", "json"});

  ASSERT_EQ(sync.exit_code, 0) << sync.output << sync.errors;
  const Json summary = Json::parse(sync.output)["sources"][0];
  EXPECT_EQ(summary["new"], kPosts);
  EXPECT_EQ(summary["records_written"], kPosts * kRecordsPerPost);
  EXPECT_EQ(summary["cursor_saved"], true);
  EXPECT_EQ(summary["cursor_after"], "2023-02-06T22:05:00");
  EXPECT_TRUE(contains(summary["stores"].get<std::string>(), "DynamoDB tables")) << summary;
  Stores stores = aws_stores();
  EXPECT_EQ(testing::record_lines(*stores.sessions).size(), kRecords);
  EXPECT_EQ(object_keys(stores, "raw/").size(), static_cast<std::size_t>(kPosts));
  EXPECT_EQ(object_keys(stores, "weekly/").size(), static_cast<std::size_t>(kPosts));
  EXPECT_EQ(testing::count_items(DynamoDbClient(client_), settings_.tables.posts), kPosts);
  EXPECT_FALSE(fs::exists(folder() / "wod-data")) << "the local store was written";
}

TEST_F(AwsCliSyncTest, SecondSyncWritesNothing) {
  write_config();
  init();
  ASSERT_EQ(wodetl({"sync", "--store", "aws"}).exit_code, 0);
  const std::size_t before = request_count();

  const auto second = wodetl({"sync", "--store", "aws", "--format", "json"});

  ASSERT_EQ(second.exit_code, 0) << second.output << second.errors;
  const Json summary = Json::parse(second.output)["sources"][0];
  EXPECT_EQ(summary["mode"], "incremental");
  EXPECT_TRUE(contains(summary["reading"].get<std::string>(), "modified or published after"))
      << summary;
  EXPECT_EQ(summary["new"], 0);
  EXPECT_EQ(summary["changed"], 0);
  EXPECT_EQ(summary["records_written"], 0);
  EXPECT_EQ(summary["objects_written"], 0);
  EXPECT_EQ(summary["cursor_saved"], false);
  EXPECT_EQ(writes_since(before), std::vector<std::string>{});
}

TEST_F(AwsCliSyncTest, EditedPostIsProcessedAgain) {
  write_config();
  init();
  ASSERT_EQ(wodetl({"sync", "--store", "aws"}).exit_code, 0);
  site_.edit_post(1003, [](Json& post) {
    post["modified_gmt"] = "2024-05-01T09:00:00";
    post["content"]["rendered"] =
        "<p><strong>Monday</strong></p>\n<p>A. Power Snatch &#8211; 6 x 2</p>\n";
  });

  const auto second = wodetl({"sync", "--store", "aws", "--format", "json"});

  ASSERT_EQ(second.exit_code, 0) << second.output << second.errors;
  const Json summary = Json::parse(second.output)["sources"][0];
  EXPECT_EQ(summary["changed"], 1);
  EXPECT_EQ(summary["records_written"], 1);
  EXPECT_EQ(summary["records_removed"], 1);
  EXPECT_EQ(summary["cursor_after"], "2024-05-01T09:00:00");
  Stores stores = aws_stores();
  auto week = stores.sessions->sessions_between("2023-01-23", "2023-01-29");
  ASSERT_TRUE(week.ok()) << week.error().to_string();
  ASSERT_EQ(week->size(), 1U) << "Wednesday is gone from the edited post";
  EXPECT_EQ((*week)[0].segment_a, "Power Snatch – 6 x 2");
  EXPECT_EQ((*week)[0].source.modified_gmt, "2024-05-01T09:00:00");
  const std::string weekly_key = weekly_key_of(*week);
  auto weekly = stores.objects->get(weekly_key);
  ASSERT_TRUE(weekly.ok()) << weekly.error().to_string();
  ASSERT_TRUE(weekly->has_value()) << weekly_key;
  EXPECT_TRUE(contains(**weekly, "Power Snatch")) << **weekly;
}

// The same sync into --store local and --store aws stores the same records, keys and bodies.
TEST_F(AwsCliSyncTest, SameResultsAsLocalStore) {
  write_config("[store]\ndata_dir = \"data\"\n\n");
  init();

  const auto aws = wodetl({"sync", "--store", "aws"});
  const auto local = wodetl({"sync", "--store", "local"});

  ASSERT_EQ(aws.exit_code, 0) << aws.output << aws.errors;
  ASSERT_EQ(local.exit_code, 0) << local.output << local.errors;
  Stores aws_side = aws_stores();
  // INVICTUS_BUCKET, DYNAMODB_TABLE and IDEMPOTENCY_TABLE name the local store's parts too.
  Result<Stores> local_side = open_local_stores(LocalStoreSettings{
      folder() / "data", settings_.bucket,
      SqliteTableNames{settings_.tables.sessions, settings_.tables.idempotency}});
  ASSERT_TRUE(local_side.ok()) << local_side.error().to_string();
  const std::vector<std::string> local_records = testing::record_lines(*local_side->sessions);
  EXPECT_EQ(local_records.size(), kRecords);
  EXPECT_EQ(testing::record_lines(*aws_side.sessions), local_records);
  const std::vector<std::string> keys = object_keys(*local_side, "");
  EXPECT_EQ(object_keys(aws_side, ""), keys);
  for (const std::string& key : keys) {
    EXPECT_EQ(aws_side.objects->get(key)->value_or("<missing>"),
              local_side->objects->get(key)->value_or("<missing>"))
        << key;
    EXPECT_EQ(aws_side.objects->metadata(key)->value_or(ObjectMetadata{}),
              local_side->objects->metadata(key)->value_or(ObjectMetadata{}))
        << key;
  }
}

TEST_F(AwsCliSyncTest, ConfigurationFileChoosesAws) {
  write_config("store = \"aws\"\n\n");
  init();

  const auto sync = wodetl({"sync", "--format", "json"});
  const auto sources = wodetl({"sources"});

  ASSERT_EQ(sync.exit_code, 0) << sync.output << sync.errors;
  EXPECT_EQ(Json::parse(sync.output)["sources"][0]["new"], kPosts);
  Stores stores = aws_stores();
  EXPECT_EQ(testing::record_lines(*stores.sessions).size(), kRecords);
  EXPECT_FALSE(fs::exists(folder() / "wod-data"));
  ASSERT_EQ(sources.exit_code, 0) << sources.errors;
  EXPECT_TRUE(contains(sources.output, "store:       S3 bucket s3://" + settings_.bucket))
      << sources.output;
  EXPECT_TRUE(contains(sources.output, "cursor:      2023-02-06T22:05:00 (saved "))
      << sources.output;
}

TEST_F(AwsCliSyncTest, OptionAndVariableOverrideFile) {
  write_config("[store]\nkind = \"aws\"\ndata_dir = \"data\"\n\n");

  const auto local = wodetl({"sync", "--store", "local", "--quiet"});
  environment_["WODETL_STORE"] = "local";
  const auto from_variable = wodetl({"sources", "--format", "json"});

  ASSERT_EQ(local.exit_code, 0) << local.output << local.errors;
  EXPECT_TRUE(fs::exists(folder() / "data" / "wodetl.sqlite"));
  ASSERT_EQ(from_variable.exit_code, 0) << from_variable.errors;
  EXPECT_EQ(Json::parse(from_variable.output)["sources"][0]["store"], "local");
}

TEST_F(AwsCliSyncTest, SecretCredentialsAndCompletionMessage) {
  site_.require_basic_auth("coach", "secret-pass-2468");
  const std::string topic = AwsLocalServices::unique_name("sync-done");
  const std::string topic_arn = services_->standins().create_topic(topic);
  const std::string secret = AwsLocalServices::unique_name("wordpress");
  services_->standins().put_secret(secret, R"({"username":"coach","password":"secret-pass-2468"})");
  environment_["INVICTUS_WEIGHTLIFTING_API"] = site_.posts_url();
  environment_["INVICTUS_WEIGHTLIFTING_API_CAT_ID"] = "213";
  environment_["INVICTUS_SECRET_NAME"] = secret;
  environment_["INVICTUS_USER"] = "env-user";
  environment_["INVICTUS_PASS"] = "env-pass";
  environment_["NOTIFICATION_TOPIC_ARN"] = topic_arn;
  init();

  const auto sync = wodetl({"sync", "--store", "aws", "--log-level", "debug"});

  ASSERT_EQ(sync.exit_code, 0) << sync.output << sync.errors;
  EXPECT_TRUE(contains(sync.output, "Source 'invictus'")) << sync.output;
  EXPECT_TRUE(contains(sync.output, std::to_string(kPosts) + " new")) << sync.output;
  EXPECT_FALSE(contains(sync.output + sync.errors, "secret-pass-2468"));
  std::vector<testing::SnsMessage> messages;
  for (testing::SnsMessage& message : services_->standins().sns_messages()) {
    if (message.topic_arn == topic_arn) {
      messages.push_back(std::move(message));
    }
  }
  ASSERT_EQ(messages.size(), 1U);
  EXPECT_EQ(messages[0].subject, "Invictus WOD DAG Completion");
  const Json body = Json::parse(messages[0].message);
  EXPECT_EQ(body["PostsProcessed"], kPosts);
  EXPECT_EQ(body["RecordsProcessed"], kPosts * kRecordsPerPost);
  EXPECT_EQ(body["PostsFailed"], 0);
}

TEST_F(AwsCliSyncTest, UnsentCompletionMessageFailsSync) {
  write_config();
  environment_["NOTIFICATION_TOPIC_ARN"] =
      services_->standins().topic_arn(AwsLocalServices::unique_name("never-created"));
  init();

  const auto sync = wodetl({"sync", "--store", "aws", "--quiet"});

  EXPECT_EQ(sync.exit_code, 1) << sync.output << sync.errors;
  // The summary, which --quiet prints because the sync failed, shows the error once and ends
  // with the outcome that the exit code gives.
  const std::string all = sync.output + sync.errors;
  EXPECT_TRUE(contains(sync.output, "Completion message not sent: ")) << sync.output;
  EXPECT_TRUE(contains(sync.output, "SNS Publish")) << sync.output;
  EXPECT_EQ(all.find("SNS Publish"), all.rfind("SNS Publish")) << all;
  // The error names the topic once: SNS's message already names it.
  const std::string topic = environment_["NOTIFICATION_TOPIC_ARN"];
  EXPECT_EQ(all.find(topic), all.rfind(topic)) << all;
  EXPECT_TRUE(contains(sync.output, "Run failed")) << sync.output;
  EXPECT_FALSE(contains(sync.output, "Run succeeded")) << sync.output;
  Stores stores = aws_stores();
  EXPECT_EQ(testing::record_lines(*stores.sessions).size(), kRecords);
}

TEST_F(AwsCliSyncTest, SeveralSourcesRejected) {
  write_config("", "\n[[sources]]\nname = \"other\"\nsite = \"" + site_.root_url() +
                       "\"\ncategory = 214\ndata_dir = \"other\"\n");
  init();

  const auto both = wodetl({"sync", "--store", "aws"});
  const auto one = wodetl({"sync", "--store", "aws", "--source", "blog", "--quiet"});

  EXPECT_EQ(both.exit_code, 2);
  EXPECT_TRUE(contains(both.errors, "sources 'blog' and 'other' would share the AWS store"))
      << both.errors;
  EXPECT_TRUE(contains(both.errors, "keyed by date and session")) << both.errors;
  EXPECT_TRUE(contains(both.errors, "--source NAME")) << both.errors;
  EXPECT_TRUE(contains(both.errors, "DYNAMODB_TABLE=blog-sessions INVICTUS_BUCKET=blog-wod"))
      << both.errors;
  EXPECT_EQ(one.exit_code, 0) << one.output << one.errors;
}

TEST_F(AwsCliSyncTest, MissingSettingsStopBeforeReading) {
  write_config();
  environment_["INVICTUS_BUCKET"] = "";

  const auto sync = wodetl({"sync", "--store", "aws"});

  EXPECT_EQ(sync.exit_code, 2);
  EXPECT_TRUE(contains(sync.errors, "INVICTUS_BUCKET is not set")) << sync.errors;
  EXPECT_TRUE(site_.posts_requests().empty());
}

// The cursor lives in the idempotency table. When that table cannot be read the sync fails open,
// as the idempotency checks do: it reads and stores every post. It still fails, because every
// later sync would read everything too, and the summary prints what to do.
TEST_F(AwsCliSyncTest, UnreachableIdempotencyTableFailsOpen) {
  write_config();
  init();
  environment_["IDEMPOTENCY_TABLE"] = AwsLocalServices::unique_name("missing-idempotency");

  const auto sync = wodetl({"sync", "--store", "aws", "--format", "json"});
  const auto text = wodetl({"sync", "--store", "aws", "--quiet"});

  EXPECT_EQ(sync.exit_code, 1) << sync.output << sync.errors;
  const Json summary = Json::parse(sync.output)["sources"][0];
  EXPECT_EQ(summary["new"], kPosts);
  EXPECT_EQ(summary["succeeded"], false);
  EXPECT_EQ(summary["reading"], "every post (the saved cursor could not be read)");
  EXPECT_TRUE(
      contains(summary["cursor_read_error"].get<std::string>(), "ResourceNotFoundException"))
      << summary;
  EXPECT_TRUE(contains(summary["cursor_error"].get<std::string>(), "ResourceNotFoundException"))
      << summary;
  EXPECT_EQ(summary["state_failures"], kPosts) << summary;
  EXPECT_TRUE(contains(sync.errors, "Could not read the sync cursor of source 'blog'"))
      << sync.errors;
  Stores stores = aws_stores();
  EXPECT_EQ(testing::record_lines(*stores.sessions).size(), kRecords);

  EXPECT_EQ(text.exit_code, 1) << text.output << text.errors;
  EXPECT_TRUE(contains(text.output, "Cursor not read, so this sync read every post: "))
      << text.output;
  EXPECT_TRUE(contains(text.output, "wodetl init --store aws")) << text.output;
  EXPECT_TRUE(contains(text.output, "Run failed")) << text.output;
}

// The fail-open warning of the idempotency table comes once per run, in the log and in the
// summary, with the number of posts it concerns.
TEST_F(AwsCliSyncTest, FailOpenWarningOncePerRun) {
  write_config();
  init();
  environment_["IDEMPOTENCY_TABLE"] = AwsLocalServices::unique_name("missing-idempotency");

  const auto sync = wodetl({"sync", "--store", "aws", "--jobs", "3"});

  EXPECT_EQ(sync.exit_code, 1) << sync.output << sync.errors;
  const std::string log_line = "The idempotency records or post states cannot be used";
  EXPECT_TRUE(contains(sync.errors, log_line)) << sync.errors;
  EXPECT_EQ(sync.errors.find(log_line), sync.errors.rfind(log_line)) << sync.errors;
  const std::string summary_line = "could not be used for " + std::to_string(kPosts) + " posts";
  EXPECT_TRUE(contains(sync.output, summary_line)) << sync.output;
  EXPECT_EQ(sync.output.find(summary_line), sync.output.rfind(summary_line)) << sync.output;
  EXPECT_FALSE(contains(sync.output, "Warning for post")) << sync.output;
}

// The audit of gone posts runs against the DynamoDB posts table too: a deleted post is reported,
// and --prune removes its records, its weekly object and its post state.
TEST_F(AwsCliSyncTest, GonePostReportedThenPruned) {
  write_config();
  init();
  ASSERT_EQ(wodetl({"sync", "--store", "aws", "--quiet"}).exit_code, 0);
  site_.remove_post(1003);

  const auto report = wodetl({"sync", "--store", "aws"});
  Stores stores = aws_stores();
  const std::size_t records_before_prune = testing::record_lines(*stores.sessions).size();
  const auto prune = wodetl({"sync", "--store", "aws", "--prune", "--format", "json"});
  const auto after = wodetl({"sync", "--store", "aws", "--format", "json"});

  ASSERT_EQ(report.exit_code, 0) << report.output << report.errors;
  EXPECT_TRUE(contains(report.output, "1 stored post is gone from it")) << report.output;
  EXPECT_TRUE(contains(report.output, "Gone: post 1003 'weightlifting-program-4'"))
      << report.output;
  EXPECT_FALSE(contains(report.output, "Gone posts not looked for")) << report.output;
  EXPECT_EQ(records_before_prune, kRecords) << "a sync without --prune removed records";
  ASSERT_EQ(prune.exit_code, 0) << prune.output << prune.errors;
  const Json audit = Json::parse(prune.output)["sources"][0]["audit"];
  EXPECT_EQ(audit["ran"], true) << audit;
  ASSERT_EQ(audit["gone"].size(), 1U) << audit;
  EXPECT_EQ(audit["gone"][0]["id"], 1003);
  EXPECT_EQ(audit["gone"][0]["absence"], "deleted");
  EXPECT_EQ(audit["gone"][0]["removed"], true);
  EXPECT_EQ(audit["gone"][0]["records_removed"], kRecordsPerPost);
  EXPECT_EQ(audit["gone"][0]["objects_removed"], 1);
  EXPECT_EQ(testing::record_lines(*stores.sessions).size(), kRecords - kRecordsPerPost);
  EXPECT_EQ(object_keys(stores, "weekly/").size(), static_cast<std::size_t>(kPosts - 1));
  EXPECT_EQ(testing::count_items(DynamoDbClient(client_), settings_.tables.posts), kPosts - 1);
  Result<std::optional<PostState>> state = stores.state->find_post_state(1003);
  ASSERT_TRUE(state.ok()) << state.error().to_string();
  EXPECT_FALSE(state->has_value());
  ASSERT_EQ(after.exit_code, 0) << after.output << after.errors;
  EXPECT_TRUE(Json::parse(after.output)["sources"][0]["audit"]["gone"].empty()) << after.output;
}

//! Points the built-in source at the WordPress stand-in and names `secret` in
//! INVICTUS_SECRET_NAME.
void use_secret_credentials(std::map<std::string, std::string>& environment,
                            const testing::WordPressStandin& site, const std::string& secret) {
  environment["INVICTUS_WEIGHTLIFTING_API"] = site.posts_url();
  environment["INVICTUS_WEIGHTLIFTING_API_CAT_ID"] = "213";
  environment["INVICTUS_SECRET_NAME"] = secret;
}

// A secret that cannot be read leaves the credentials to INVICTUS_USER and INVICTUS_PASS. Both
// `run` and `sync` report this in their summary, at the default log level.
TEST_F(AwsCliSyncTest, UnreadableSecretInSummary) {
  site_.require_basic_auth("coach", "right-pass-1357");
  const std::string secret = AwsLocalServices::unique_name("never-stored");
  use_secret_credentials(environment_, site_, secret);
  environment_["INVICTUS_USER"] = "coach";
  environment_["INVICTUS_PASS"] = "right-pass-1357";
  init();

  const auto run = wodetl({"run", "--store", "aws"});
  const auto sync = wodetl({"sync", "--store", "aws", "--full", "--format", "json"});

  const std::string warning =
      "Warning: the WordPress credentials were not read from Secrets "
      "Manager secret " +
      secret + ", so INVICTUS_USER and INVICTUS_PASS serve instead";
  ASSERT_EQ(run.exit_code, 0) << run.output << run.errors;
  EXPECT_TRUE(contains(run.output, warning)) << run.output;
  EXPECT_TRUE(contains(run.output, "ResourceNotFoundException")) << run.output;
  EXPECT_TRUE(contains(run.output, "Check INVICTUS_SECRET_NAME")) << run.output;
  EXPECT_TRUE(contains(run.output, std::to_string(kPosts) + " new")) << run.output;
  ASSERT_EQ(sync.exit_code, 0) << sync.output << sync.errors;
  const Json warnings = Json::parse(sync.output)["sources"][0]["warnings"];
  ASSERT_EQ(warnings.size(), 1U) << sync.output;
  EXPECT_TRUE(contains(warnings[0].get<std::string>(), warning.substr(9))) << warnings;
  EXPECT_FALSE(contains(run.output + run.errors + sync.output + sync.errors, "right-pass-1357"));
}

// When the site rejects the secret's credentials, the error names the secret, not the
// environment variables that the secret replaced, and never a password.
TEST_F(AwsCliSyncTest, RejectedSecretCredentialsNameSecret) {
  site_.require_basic_auth("coach", "right-pass-1357");
  const std::string secret = AwsLocalServices::unique_name("wordpress");
  services_->standins().put_secret(secret, R"({"username":"coach","password":"stale-pass-8642"})");
  use_secret_credentials(environment_, site_, secret);
  environment_["INVICTUS_USER"] = "";
  environment_["INVICTUS_PASS"] = "";
  init();

  const auto sync = wodetl({"sync", "--store", "aws"});
  const auto run = wodetl({"run", "--store", "aws"});

  EXPECT_EQ(sync.exit_code, 1) << sync.output << sync.errors;
  EXPECT_EQ(run.exit_code, 1) << run.output << run.errors;
  for (const testing::CommandResult* result : {&sync, &run}) {
    const std::string all = result->output + result->errors;
    EXPECT_TRUE(contains(all, "authentication failed")) << all;
    EXPECT_TRUE(contains(all, "(Secrets Manager secret " + secret + ")")) << all;
    EXPECT_FALSE(contains(all, "INVICTUS_USER")) << all;
    EXPECT_FALSE(contains(all, "stale-pass-8642")) << all;
  }
}

// `sources` names the secret as the origin of the credentials without reading it.
TEST_F(AwsCliSyncTest, SourcesNamesSecretWithoutReadingIt) {
  const std::string secret = AwsLocalServices::unique_name("wordpress");
  services_->standins().put_secret(secret, R"({"username":"coach","password":"unread-pass-97"})");
  use_secret_credentials(environment_, site_, secret);
  environment_["INVICTUS_USER"] = "";
  environment_["INVICTUS_PASS"] = "";
  const std::size_t first_request = request_count();

  const auto sources = wodetl({"sources"});

  ASSERT_EQ(sources.exit_code, 0) << sources.output << sources.errors;
  EXPECT_TRUE(contains(sources.output, "credentials: Secrets Manager secret " + secret))
      << sources.output;
  EXPECT_FALSE(contains(sources.output, "credentials: none")) << sources.output;
  EXPECT_FALSE(contains(sources.output, "unread-pass-97")) << sources.output;
  const std::vector<testing::StandinRequest> requests = services_->standins().requests();
  for (std::size_t index = first_request; index < requests.size(); ++index) {
    EXPECT_NE(requests[index].operation, "GetSecretValue") << "sources read the secret";
  }
}

}  // namespace
}  // namespace wodetl
