// The pipeline run into the AWS store (dynalite and s3rver) against the same run into the local
// store: the same session records, bucket keys, bodies and metadata.

#include <gtest/gtest.h>

#include <filesystem>

#include "extract/file_source.hpp"
#include "load/aws/aws_provisioning.hpp"
#include "load/aws/dynamodb_state_store.hpp"
#include "load/aws/dynamodb_test_support.hpp"
#include "load/bucket_keys.hpp"
#include "load/load_test_support.hpp"
#include "pipeline/runner.hpp"
#include "support/fixtures.hpp"

namespace wodetl {
namespace {

namespace fs = std::filesystem;
using testing::AwsLocalServices;
using testing::TempFolder;

class AwsParityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WODETL_REQUIRE_AWS_STANDINS(services);
    fs::create_directories(posts());
    auto local = open_local_stores(LocalStoreSettings{folder_.path() / "data", "bucket"});
    ASSERT_TRUE(local.ok()) << local.error().to_string();
    local_ = *local;

    client_ = testing::standin_client(*services);
    settings_.bucket = AwsLocalServices::unique_name("parity");
    settings_.tables = DynamoDbTableNames{.sessions = AwsLocalServices::unique_name("sessions"),
                                          .idempotency = AwsLocalServices::unique_name("idem"),
                                          .posts = AwsLocalServices::unique_name("posts")};
    Result<ProvisionReport> provisioned =
        provision_aws_store(client_, settings_.bucket, settings_.tables);
    ASSERT_TRUE(provisioned.ok()) << provisioned.error().to_string();
    auto aws = open_aws_stores(settings_, client_);
    ASSERT_TRUE(aws.ok()) << aws.error().to_string();
    aws_ = *aws;
  }

  fs::path posts() const { return folder_.path() / "posts"; }

  void add_post(const fs::path& file) { fs::copy_file(file, posts() / file.filename()); }

  //! Points the AWS store's idempotency and posts tables at a closed port.
  void use_unreachable_state_store() {
    AwsSettings unreachable = client_->settings();
    unreachable.endpoint_overrides[AwsService::kDynamoDb] = "http://127.0.0.1:9";
    auto closed = std::make_shared<const DynamoDbClient>(
        std::make_shared<const AwsClient>(unreachable, AwsClientOptions{.max_attempts = 1}));
    aws_.state = std::make_shared<DynamoDbStateStore>(closed, "idempotency", "posts", "sessions");
  }

  RunSummary run(Stores& stores, bool force = false) {
    FileSource source(posts());
    return run_pipeline(source, stores, RunOptions{.jobs = 2, .force = force});
  }

  //! Runs both stores over the posts and compares everything they stored.
  void expect_same_results() {
    const RunSummary local_summary = run(local_);
    const RunSummary aws_summary = run(aws_);
    ASSERT_FALSE(aws_summary.failed()) << format_summary_text(aws_summary);
    EXPECT_EQ(aws_summary.count(PostResult::kNew), local_summary.count(PostResult::kNew));
    EXPECT_EQ(aws_summary.count(PostResult::kSkipped), local_summary.count(PostResult::kSkipped));
    EXPECT_EQ(aws_summary.records_written(), local_summary.records_written());
    EXPECT_EQ(aws_summary.objects_written(), local_summary.objects_written());

    const std::vector<std::string> local_records = testing::record_lines(*local_.sessions);
    EXPECT_FALSE(local_records.empty());
    EXPECT_EQ(testing::record_lines(*aws_.sessions), local_records);

    Result<std::vector<std::string>> local_keys = local_.objects->list("");
    Result<std::vector<std::string>> aws_keys = aws_.objects->list("");
    ASSERT_TRUE(local_keys.ok()) << local_keys.error().to_string();
    ASSERT_TRUE(aws_keys.ok()) << aws_keys.error().to_string();
    EXPECT_EQ(*aws_keys, *local_keys);
    for (const std::string& key : *local_keys) {
      EXPECT_EQ(aws_.objects->get(key)->value_or("<missing>"),
                local_.objects->get(key)->value_or("<missing>"))
          << key;
      EXPECT_EQ(aws_.objects->metadata(key)->value_or(ObjectMetadata{}),
                local_.objects->metadata(key)->value_or(ObjectMetadata{}))
          << key;
    }

    const RunSummary second = run(aws_);
    EXPECT_TRUE(second.wrote_nothing()) << format_summary_text(second);
    EXPECT_FALSE(second.failed());
  }

  TempFolder folder_;
  Stores local_;
  Stores aws_;
  std::shared_ptr<const AwsClient> client_;
  AwsStoreSettings settings_;
};

TEST_F(AwsParityTest, SameResultsOnFixtures) {
  for (const char* name : {"weekly-program-crossing-year.json", "weekly-program-without-range.json",
                           "announcement-without-days.json"}) {
    add_post(testing::case_path(std::string("posts/") + name));
  }
  expect_same_results();
}

TEST_F(AwsParityTest, SameResultsOnRealWeek) {
  const auto real_week = testing::real_week_post_path();
  if (!real_week) {
    GTEST_SKIP() << "the real week is not in ../shared/data";
  }
  add_post(*real_week);
  add_post(testing::case_path("posts/weekly-program-crossing-year.json"));
  expect_same_results();
}

// The state store's failure is the same for every post, so the summary reports it once, with the
// number of posts, instead of once per post.
TEST_F(AwsParityTest, UnreachableIdempotencyTableFailsOpen) {
  add_post(testing::case_path("posts/weekly-program-crossing-year.json"));
  add_post(testing::case_path("posts/weekly-program-without-range.json"));
  use_unreachable_state_store();

  const RunSummary summary = run(aws_);
  const std::string text = format_summary_text(summary);

  EXPECT_FALSE(summary.failed()) << text;
  EXPECT_EQ(summary.count(PostResult::kNew), 2);
  EXPECT_EQ(summary.state_failures(), 2);
  ASSERT_EQ(summary.posts.size(), 2U);
  for (const PostOutcome& post : summary.posts) {
    ASSERT_TRUE(post.state_error.has_value());
    EXPECT_TRUE(post.warnings.empty()) << post.warnings.front();
  }
  const std::string line = "could not be used for 2 posts, so they were processed and stored";
  EXPECT_NE(text.find(line), std::string::npos) << text;
  EXPECT_EQ(text.find(line), text.rfind(line)) << text;
  const std::string first_error = summary.posts[0].state_error->to_string();
  EXPECT_NE(text.find(first_error), std::string::npos) << text;
  EXPECT_EQ(text.find(first_error), text.rfind(first_error)) << text;
  EXPECT_EQ(summary_to_json(summary)["state_failures"], 2);
}

// --force skips the idempotency check, so the table's failure shows only when the post is marked
// done; the summary lists it with the post as the check's failure is listed without --force.
TEST_F(AwsParityTest, ForcedRunListsUnmarkedPost) {
  add_post(testing::case_path("posts/weekly-program-crossing-year.json"));
  use_unreachable_state_store();

  const RunSummary summary = run(aws_, /*force=*/true);

  EXPECT_FALSE(summary.failed()) << format_summary_text(summary);
  ASSERT_EQ(summary.posts.size(), 1U);
  ASSERT_TRUE(summary.posts[0].state_error.has_value());
  const std::string text = format_summary_text(summary);
  EXPECT_NE(text.find("could not be used for 1 post"), std::string::npos) << text;
}

}  // namespace
}  // namespace wodetl
