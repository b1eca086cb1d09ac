// DynamoDbStateStore against dynalite: the contract every state store meets
// (load/state_store_contract.hpp), and the items it leaves in the original pipeline's tables.

#include "load/aws/dynamodb_state_store.hpp"

#include <gtest/gtest.h>

#include "load/aws/dynamodb_test_support.hpp"
#include "load/load_test_support.hpp"
#include "load/state_store_contract.hpp"

namespace wodetl::testing {
namespace {

using std::chrono::hours;

//! A DynamoDbStateStore on an idempotency table and a posts table of its own in dynalite.
class DynamoDbStateStoreHarness {
 public:
  void set_up() {
    WODETL_REQUIRE_AWS_STANDINS(services);
    client_ = std::make_shared<const DynamoDbClient>(standin_client(*services));
    idempotency_table_ = AwsLocalServices::unique_name("idempotency");
    posts_table_ = AwsLocalServices::unique_name("posts");
    create_table(*client_, idempotency_table_definition(idempotency_table_));
    create_table(*client_, posts_table_definition(posts_table_));
    store_ = std::make_unique<DynamoDbStateStore>(client_, idempotency_table_, posts_table_);
  }

  StateStore& store() { return *store_; }

  void write_raw_post_status(std::int64_t post_id, const std::string& status) {
    Result<Json> updated =
        client_->call("UpdateItem",
                      Json{{"TableName", posts_table_},
                           {"Key", Json{{"post_id", number_value(post_id)}}},
                           {"UpdateExpression", "SET #s = :s"},
                           {"ExpressionAttributeNames", Json{{"#s", "status"}}},
                           {"ExpressionAttributeValues", Json{{":s", string_value(status)}}}},
                      "test table");
    ASSERT_TRUE(updated.ok()) << updated.error().to_string();
  }

  //! The raw item of `key` in the idempotency table, or an empty object.
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

class AwsDynamoDbStateStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { harness_.set_up(); }

  DynamoDbStateStoreHarness harness_;
};

TEST_F(AwsDynamoDbStateStoreTest, ItemHasOriginalAttributes) {
  const Clock::time_point expires = Clock::now() + hours(24);
  ASSERT_TRUE(harness_.store().mark_done("key-1", "dump_post_to_bucket", expires).ok());
  const Json item = harness_.raw_idempotency_item("key-1");

  const std::string ttl = item["ttl"]["N"];
  EXPECT_EQ(ttl, std::to_string(
                     std::chrono::floor<std::chrono::seconds>(expires.time_since_epoch()).count()));
  EXPECT_EQ(ttl.size(), 10U) << "epoch seconds, not milliseconds";
  EXPECT_EQ(item["operation"]["S"], "dump_post_to_bucket");
  const std::string completed_at = item["completed_at"]["S"];
  EXPECT_TRUE(completed_at.ends_with("+00:00")) << completed_at;
}

// DynamoDB's Time to Live deletes items by their ttl attribute; a cursor item without one stays.
TEST_F(AwsDynamoDbStateStoreTest, CursorItemHasNoTtl) {
  ASSERT_TRUE(harness_.store()
                  .save_sync_cursor(SyncCursor{"invictus", "https://site.test category 213",
                                               "2024-01-31T08:00:00", ""})
                  .ok());

  const Json item = harness_.raw_idempotency_item("sync_cursor#invictus");

  ASSERT_FALSE(item.empty());
  EXPECT_FALSE(item.contains("ttl")) << item.dump();
  EXPECT_EQ(item["modified_gmt"]["S"], "2024-01-31T08:00:00");
  EXPECT_EQ(item["listing"]["S"], "https://site.test category 213");
}

// A claim of the cursor's key, as a worker whose idempotency key happened to match would send,
// must not replace the cursor: the condition compares a ttl that the cursor item lacks.
TEST_F(AwsDynamoDbStateStoreTest, ClaimCannotReplaceCursor) {
  const Clock::time_point now = Clock::now();
  ASSERT_TRUE(
      harness_.store()
          .save_sync_cursor(SyncCursor{"blog", "https://blog.test", "2023-05-01T00:00:00", ""})
          .ok());

  Result<bool> claimed =
      harness_.store().claim("sync_cursor#blog", "process_post", now + hours(24), now);

  ASSERT_TRUE(claimed.ok()) << claimed.error().to_string();
  EXPECT_FALSE(*claimed);
  Result<std::optional<SyncCursor>> cursor = harness_.store().find_sync_cursor("blog");
  ASSERT_TRUE(cursor.ok()) << cursor.error().to_string();
  ASSERT_TRUE(cursor->has_value());
  EXPECT_EQ((*cursor)->modified_gmt, "2023-05-01T00:00:00");
}

TEST_F(AwsDynamoDbStateStoreTest, UnreachableTableIsError) {
  DynamoDbStateStore missing(harness_.client_, AwsLocalServices::unique_name("absent"),
                             AwsLocalServices::unique_name("absent-posts"));

  Result<bool> done = missing.is_done("key-1", Clock::now());
  Result<std::optional<SyncCursor>> cursor = missing.find_sync_cursor("blog");
  Status saved = missing.save_sync_cursor(SyncCursor{"blog", "https://blog.test", "x", ""});
  Result<std::optional<PostState>> state = missing.find_post_state(1);

  ASSERT_FALSE(done.ok());
  EXPECT_NE(done.error().message.find("DynamoDB GetItem"), std::string::npos)
      << done.error().message;
  EXPECT_NE(done.error().message.find("ResourceNotFoundException"), std::string::npos)
      << done.error().message;
  EXPECT_FALSE(missing.claim("key-1", "process_post", Clock::now(), Clock::now()).ok());
  ASSERT_FALSE(cursor.ok());
  EXPECT_NE(cursor.error().message.find("GetItem"), std::string::npos) << cursor.error().message;
  ASSERT_FALSE(saved.ok());
  EXPECT_NE(saved.error().message.find("PutItem"), std::string::npos) << saved.error().message;
  EXPECT_FALSE(state.ok());
}

}  // namespace

INSTANTIATE_TYPED_TEST_SUITE_P(AwsDynamoDb, StateStoreContract, DynamoDbStateStoreHarness);

}  // namespace wodetl::testing
