// DynamoDbStateStore against dynalite: idempotency records, claims and post states.

#include "load/aws/dynamodb_state_store.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "load/aws/dynamodb_test_support.hpp"
#include "load/load_test_support.hpp"

namespace wodetl {
namespace {

using std::chrono::hours;
using testing::AwsLocalServices;

class AwsDynamoDbStateStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WODETL_REQUIRE_AWS_STANDINS(services);
    client_ = std::make_shared<const DynamoDbClient>(testing::standin_client(*services));
    idempotency_table_ = AwsLocalServices::unique_name("idempotency");
    posts_table_ = AwsLocalServices::unique_name("posts");
    testing::create_table(*client_, idempotency_table_definition(idempotency_table_));
    testing::create_table(*client_, posts_table_definition(posts_table_));
    store_ = std::make_unique<DynamoDbStateStore>(client_, idempotency_table_, posts_table_);
  }

  Json raw_idempotency_item(const std::string& key) const {
    Result<Json> response =
        client_->call("GetItem",
                      Json{{"TableName", idempotency_table_},
                           {"Key", Json{{"idempotency_key", string_value(key)}}}},
                      "test table");
    EXPECT_TRUE(response.ok()) << response.error().to_string();
    return response ? response->value("Item", Json::object()) : Json::object();
  }

  std::shared_ptr<const DynamoDbClient> client_;
  std::string idempotency_table_;
  std::string posts_table_;
  std::unique_ptr<DynamoDbStateStore> store_;
};

TEST_F(AwsDynamoDbStateStoreTest, DoneWithinTtlOnly) {
  const Clock::time_point now = Clock::now();
  ASSERT_TRUE(store_->mark_done("key-1", "dump_post_to_bucket", now + hours(24)).ok());

  EXPECT_TRUE(*store_->is_done("key-1", now));
  EXPECT_FALSE(*store_->is_done("key-2", now));
  EXPECT_FALSE(*store_->is_done("key-1", now + hours(24)));
  EXPECT_FALSE(*store_->is_done("key-1", now + hours(25)));
}

TEST_F(AwsDynamoDbStateStoreTest, ItemHasOriginalAttributes) {
  const Clock::time_point expires = Clock::now() + hours(24);
  ASSERT_TRUE(store_->mark_done("key-1", "dump_post_to_bucket", expires).ok());
  const Json item = raw_idempotency_item("key-1");

  const std::string ttl = item["ttl"]["N"];
  EXPECT_EQ(ttl, std::to_string(
                     std::chrono::floor<std::chrono::seconds>(expires.time_since_epoch()).count()));
  EXPECT_EQ(ttl.size(), 10U) << "epoch seconds, not milliseconds";
  EXPECT_EQ(item["operation"]["S"], "dump_post_to_bucket");
  const std::string completed_at = item["completed_at"]["S"];
  EXPECT_TRUE(completed_at.ends_with("+00:00")) << completed_at;
}

TEST_F(AwsDynamoDbStateStoreTest, ClaimOnceThenLost) {
  const Clock::time_point now = Clock::now();
  Result<bool> first = store_->claim("key-1", "process_post", now + hours(24), now);
  ASSERT_TRUE(first.ok()) << first.error().to_string();
  EXPECT_TRUE(*first);

  Result<bool> second = store_->claim("key-1", "process_post", now + hours(24), now);
  ASSERT_TRUE(second.ok()) << second.error().to_string();
  EXPECT_FALSE(*second);
  EXPECT_TRUE(*store_->is_done("key-1", now));
}

TEST_F(AwsDynamoDbStateStoreTest, ClaimTakesOverExpiredRecord) {
  const Clock::time_point now = Clock::now();
  ASSERT_TRUE(store_->mark_done("key-1", "process_post", now - hours(1)).ok());
  EXPECT_FALSE(*store_->is_done("key-1", now));

  Result<bool> claimed = store_->claim("key-1", "process_post", now + hours(24), now);
  ASSERT_TRUE(claimed.ok()) << claimed.error().to_string();
  EXPECT_TRUE(*claimed);
  EXPECT_TRUE(*store_->is_done("key-1", now));
}

TEST_F(AwsDynamoDbStateStoreTest, ReleaseAllowsNewClaim) {
  const Clock::time_point now = Clock::now();
  ASSERT_TRUE(*store_->claim("key-1", "process_post", now + hours(24), now));
  ASSERT_TRUE(store_->release("key-1").ok());
  EXPECT_FALSE(*store_->is_done("key-1", now));
  EXPECT_TRUE(*store_->claim("key-1", "process_post", now + hours(24), now));
  EXPECT_TRUE(store_->release("never-claimed").ok());
}

TEST_F(AwsDynamoDbStateStoreTest, ConcurrentClaimsHaveOneWinner) {
  const Clock::time_point now = Clock::now();
  std::atomic<int> winners{0};
  std::atomic<int> errors{0};
  std::vector<std::thread> workers;
  for (int worker = 0; worker < 6; ++worker) {
    workers.emplace_back([&] {
      Result<bool> claimed = store_->claim("contested", "process_post", now + hours(24), now);
      if (!claimed) {
        ++errors;
      } else if (*claimed) {
        ++winners;
      }
    });
  }
  for (std::thread& worker : workers) {
    worker.join();
  }
  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(winners.load(), 1);
}

TEST_F(AwsDynamoDbStateStoreTest, PostStateRoundTrip) {
  PostState state;
  state.source = testing::make_source(101, "week-one");
  state.content_sha256 = "abc";
  state.status = PostStatus::kSkipped;
  state.reason = "no day headers";
  state.preamble = {Line{"Intro", {Link{"video", "https://example.test/v"}}}};
  state.session_dates = {"2020-12-21", "2020-12-22"};
  ASSERT_TRUE(store_->save_post_state(state).ok());

  Result<std::optional<PostState>> found = store_->find_post_state(101);
  ASSERT_TRUE(found.ok()) << found.error().to_string();
  ASSERT_TRUE(found->has_value());
  const PostState& read = **found;
  EXPECT_EQ(read.source, state.source);
  EXPECT_EQ(read.content_sha256, "abc");
  EXPECT_EQ(read.status, PostStatus::kSkipped);
  EXPECT_EQ(read.reason, "no day headers");
  EXPECT_EQ(read.preamble, state.preamble);
  EXPECT_EQ(read.session_dates, state.session_dates);

  Result<std::optional<PostState>> missing = store_->find_post_state(999);
  ASSERT_TRUE(missing.ok()) << missing.error().to_string();
  EXPECT_FALSE(missing->has_value());
}

TEST_F(AwsDynamoDbStateStoreTest, UnreachableTableIsError) {
  DynamoDbStateStore missing(client_, AwsLocalServices::unique_name("absent"), posts_table_);
  Result<bool> done = missing.is_done("key-1", Clock::now());
  ASSERT_FALSE(done.ok());
  EXPECT_NE(done.error().message.find("DynamoDB GetItem"), std::string::npos)
      << done.error().message;
  EXPECT_FALSE(missing.claim("key-1", "process_post", Clock::now(), Clock::now()).ok());
}

}  // namespace
}  // namespace wodetl
