// How process_post claims a post version in the idempotency table before working on it.

#include <gtest/gtest.h>

#include <memory>
#include <ostream>

#include "load/aws/aws_provisioning.hpp"
#include "load/aws/dynamodb_test_support.hpp"
#include "load/idempotency.hpp"
#include "pipeline/persist.hpp"
#include "pipeline/runner.hpp"
#include "support/fixtures.hpp"

namespace wodetl {
namespace {

using testing::TempFolder;

//! Session store whose writes fail, so a post fails after its claim.
class FailingSessionStore : public SessionStore {
 public:
  Result<ReplaceOutcome> replace_post_sessions(const SourceRef&,
                                               const std::vector<SessionRecord>&) override {
    return Error::store("the test store rejects every write");
  }
  Result<std::vector<SessionRecord>> sessions_between(const std::string&,
                                                      const std::string&) override {
    return std::vector<SessionRecord>{};
  }
  Result<std::vector<SessionRecord>> all_sessions() override {
    return std::vector<SessionRecord>{};
  }
};

enum class Backend { kLocal, kAws };

// Names the backend in the test list, which CTest turns into test names.
void PrintTo(Backend backend, std::ostream* out) {
  *out << (backend == Backend::kLocal ? "local" : "aws");
}

//! Runs each test on the local store, and on the AWS store against the stand-ins, where the
//! claim is DynamoDB's conditional PutItem.
class RunnerClaimTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    post_ = testing::load_post_case("weekly-program-crossing-year.json");
    if (GetParam() == Backend::kLocal) {
      auto stores = open_local_stores(LocalStoreSettings{folder_.path() / "data", "bucket"});
      ASSERT_TRUE(stores.ok()) << stores.error().to_string();
      stores_ = *stores;
      return;
    }
    WODETL_REQUIRE_AWS_STANDINS(services);
    const auto client = testing::standin_client(*services);
    AwsStoreSettings settings;
    settings.bucket = testing::AwsLocalServices::unique_name("claims");
    settings.tables = DynamoDbTableNames{
        .sessions = testing::AwsLocalServices::unique_name("claims-sessions"),
        .idempotency = testing::AwsLocalServices::unique_name("claims-idempotency"),
        .posts = testing::AwsLocalServices::unique_name("claims-posts")};
    Result<ProvisionReport> provisioned =
        provision_aws_store(client, settings.bucket, settings.tables);
    ASSERT_TRUE(provisioned.ok()) << provisioned.error().to_string();
    auto stores = open_aws_stores(settings, client);
    ASSERT_TRUE(stores.ok()) << stores.error().to_string();
    stores_ = *stores;
  }

  TempFolder folder_;
  Stores stores_;
  Post post_;
};

TEST_P(RunnerClaimTest, LostClaimCountsAsDone) {
  // Another worker claimed this version a moment ago and is still working on it.
  const Clock::time_point now = Clock::now();
  ASSERT_TRUE(*stores_.state->claim(claim_post_key(post_), "process_post", now + kClaimLease, now));

  const PostOutcome outcome = process_post(post_, stores_, RunOptions{});
  EXPECT_EQ(outcome.result, PostResult::kUnchanged);
  ASSERT_EQ(outcome.warnings.size(), 1U);
  EXPECT_NE(outcome.warnings[0].find("another worker is processing"), std::string::npos);
  EXPECT_EQ(outcome.records_written + outcome.objects_written, 0);
  EXPECT_TRUE(stores_.sessions->all_sessions()->empty());
}

TEST_P(RunnerClaimTest, ForceIgnoresClaims) {
  const Clock::time_point now = Clock::now();
  ASSERT_TRUE(*stores_.state->claim(claim_post_key(post_), "process_post", now + kClaimLease, now));

  const PostOutcome outcome = process_post(post_, stores_, RunOptions{.force = true});
  EXPECT_EQ(outcome.result, PostResult::kNew);
  EXPECT_FALSE(stores_.sessions->all_sessions()->empty());
}

TEST_P(RunnerClaimTest, StoredPostIsDoneAndClaimReleased) {
  const PostOutcome outcome = process_post(post_, stores_, RunOptions{});
  ASSERT_EQ(outcome.result, PostResult::kNew) << outcome.reason;
  const Clock::time_point now = Clock::now();
  EXPECT_TRUE(*stores_.state->is_done(process_post_key(post_), now));
  EXPECT_FALSE(*stores_.state->is_done(claim_post_key(post_), now));
}

TEST_P(RunnerClaimTest, ExpiredClaimIsTakenOver) {
  // A worker that crashed left its claim; once the lease has passed the post is processed.
  const Clock::time_point past = Clock::now() - kClaimLease - std::chrono::minutes(1);
  ASSERT_TRUE(
      *stores_.state->claim(claim_post_key(post_), "process_post", past + kClaimLease, past));
  const PostOutcome outcome = process_post(post_, stores_, RunOptions{});
  EXPECT_EQ(outcome.result, PostResult::kNew) << outcome.reason;
}

TEST_P(RunnerClaimTest, FailedPostReleasesClaim) {
  Stores failing = stores_;
  failing.sessions = std::make_shared<FailingSessionStore>();

  const PostOutcome outcome = process_post(post_, failing, RunOptions{});
  ASSERT_EQ(outcome.result, PostResult::kFailed);
  EXPECT_FALSE(*stores_.state->is_done(process_post_key(post_), Clock::now()));
  EXPECT_FALSE(*stores_.state->is_done(claim_post_key(post_), Clock::now()));

  // So the next run processes the post.
  const PostOutcome retried = process_post(post_, stores_, RunOptions{});
  EXPECT_EQ(retried.result, PostResult::kNew) << retried.reason;
}

// Test names start with "Aws" for the AWS store, so that they run in the process of the stand-ins.
INSTANTIATE_TEST_SUITE_P(Local, RunnerClaimTest, ::testing::Values(Backend::kLocal));
INSTANTIATE_TEST_SUITE_P(Aws, RunnerClaimTest, ::testing::Values(Backend::kAws));

}  // namespace
}  // namespace wodetl
