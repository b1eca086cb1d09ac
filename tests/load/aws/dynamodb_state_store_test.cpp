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
    services_ = services;
    client_ = std::make_shared<const DynamoDbClient>(standin_client(*services));
    idempotency_table_ = AwsLocalServices::unique_name("idempotency");
    posts_table_ = AwsLocalServices::unique_name("posts");
    sessions_table_ = AwsLocalServices::unique_name("sessions");
    create_table(*client_, idempotency_table_definition(idempotency_table_));
    create_table(*client_, posts_table_definition(posts_table_));
    store_ = std::make_unique<DynamoDbStateStore>(client_, idempotency_table_, posts_table_,
                                                  sessions_table_);
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

  AwsLocalServices* services_ = nullptr;
  std::shared_ptr<const DynamoDbClient> client_;
  std::string idempotency_table_;
  std::string posts_table_;
  std::string sessions_table_;
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

  const Json item =
      harness_.raw_idempotency_item("sync_cursor#" + harness_.sessions_table_ + "#invictus");

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

  Result<bool> claimed = harness_.store().claim(sync_cursor_key(harness_.sessions_table_, "blog"),
                                                "process_post", now + hours(24), now);

  ASSERT_TRUE(claimed.ok()) << claimed.error().to_string();
  EXPECT_FALSE(*claimed);
  Result<std::optional<SyncCursor>> cursor = harness_.store().find_sync_cursor("blog");
  ASSERT_TRUE(cursor.ok()) << cursor.error().to_string();
  ASSERT_TRUE(cursor->has_value());
  EXPECT_EQ((*cursor)->modified_gmt, "2023-05-01T00:00:00");
}

// Two deployments (sessions tables) that share one idempotency table keep their own cursors: a
// new deployment must not read the old one's cursor and skip every post it has never stored.
TEST_F(AwsDynamoDbStateStoreTest, SessionsTablesSharingIdempotencyTableKeepOwnCursors) {
  const std::string listing = "https://site.test category 213";
  ASSERT_TRUE(harness_.store()
                  .save_sync_cursor(SyncCursor{"invictus", listing, "2024-01-31T08:00:00", ""})
                  .ok());
  DynamoDbStateStore other(harness_.client_, harness_.idempotency_table_, harness_.posts_table_,
                           AwsLocalServices::unique_name("new-sessions"));

  Result<std::optional<SyncCursor>> fresh = other.find_sync_cursor("invictus");
  ASSERT_TRUE(fresh.ok()) << fresh.error().to_string();
  EXPECT_FALSE(fresh->has_value()) << "the new deployment read the old deployment's cursor";

  ASSERT_TRUE(
      other.save_sync_cursor(SyncCursor{"invictus", listing, "2020-12-20T10:00:00", ""}).ok());
  Result<std::optional<SyncCursor>> old_cursor = harness_.store().find_sync_cursor("invictus");
  Result<std::optional<SyncCursor>> new_cursor = other.find_sync_cursor("invictus");
  ASSERT_TRUE(old_cursor.ok()) << old_cursor.error().to_string();
  ASSERT_TRUE(old_cursor->has_value());
  ASSERT_TRUE(new_cursor.ok()) << new_cursor.error().to_string();
  ASSERT_TRUE(new_cursor->has_value());
  EXPECT_EQ((*old_cursor)->modified_gmt, "2024-01-31T08:00:00");
  EXPECT_EQ((*new_cursor)->modified_gmt, "2020-12-20T10:00:00");
}

// A cursor saved by an earlier wodetl under "sync_cursor#SOURCE" is not used: the first sync of
// the deployment reads every post once, instead of trusting a cursor of unknown deployment.
TEST_F(AwsDynamoDbStateStoreTest, CursorUnderKeyWithoutTableIsIgnored) {
  Result<Json> put = harness_.client_->call(
      "PutItem",
      Json{{"TableName", harness_.idempotency_table_},
           {"Item", Json{{"idempotency_key", string_value("sync_cursor#invictus")},
                         {"operation", string_value("sync_cursor")},
                         {"listing", string_value("https://site.test category 213")},
                         {"modified_gmt", string_value("2024-01-31T08:00:00")},
                         {"updated_at", string_value("2024-01-31T08:00:01.000Z")}}}},
      "test table");
  ASSERT_TRUE(put.ok()) << put.error().to_string();

  Result<std::optional<SyncCursor>> cursor = harness_.store().find_sync_cursor("invictus");

  ASSERT_TRUE(cursor.ok()) << cursor.error().to_string();
  EXPECT_FALSE(cursor->has_value());
}

// DynamoDB returns at most 1 MB per Scan page, so the post states of a large blog come in several
// pages, each after the LastEvaluatedKey of the one before.
TEST_F(AwsDynamoDbStateStoreTest, AllPostStatesReadsEveryScanPage) {
  constexpr int kStates = 6;
  // About 300 KB per item, under DynamoDB's 400 KB item limit, so that 6 items exceed one page.
  const std::string long_text(300 * 1024, 'x');
  for (int id = 1; id <= kStates; ++id) {
    PostState state = make_post_state();
    state.source = make_source(id, "week-" + std::to_string(id));
    state.preamble = {Line{long_text, {}}};
    ASSERT_TRUE(harness_.store().save_post_state(state).ok());
  }
  const std::size_t first_request = harness_.services_->standins().requests().size();

  Result<std::vector<PostState>> all = harness_.store().all_post_states();

  ASSERT_TRUE(all.ok()) << all.error().to_string();
  ASSERT_EQ(all->size(), static_cast<std::size_t>(kStates));
  for (int id = 1; id <= kStates; ++id) {
    EXPECT_EQ((*all)[static_cast<std::size_t>(id - 1)].source.post_id, id);
  }
  int scans = 0;
  bool started_after_key = false;
  const std::vector<StandinRequest> requests = harness_.services_->standins().requests();
  for (std::size_t index = first_request; index < requests.size(); ++index) {
    if (requests[index].operation == "Scan") {
      ++scans;
      started_after_key =
          started_after_key || requests[index].body.find("ExclusiveStartKey") != std::string::npos;
    }
  }
  EXPECT_GE(scans, 2);
  EXPECT_TRUE(started_after_key);
}

// An item that wodetl did not write as a post state, such as one added by hand, is not a post.
TEST_F(AwsDynamoDbStateStoreTest, AllPostStatesSkipsForeignItems) {
  ASSERT_TRUE(harness_.store().save_post_state(make_post_state()).ok());
  Result<Json> put = harness_.client_->call(
      "PutItem",
      Json{{"TableName", harness_.posts_table_},
           {"Item", Json{{"post_id", number_value(7)}, {"note", string_value("added by hand")}}}},
      "test table");
  ASSERT_TRUE(put.ok()) << put.error().to_string();

  Result<std::vector<PostState>> all = harness_.store().all_post_states();

  ASSERT_TRUE(all.ok()) << all.error().to_string();
  ASSERT_EQ(all->size(), 1U);
  EXPECT_EQ((*all)[0].source.post_id, 101);
}

TEST_F(AwsDynamoDbStateStoreTest, UnreachableTableIsError) {
  DynamoDbStateStore missing(harness_.client_, AwsLocalServices::unique_name("absent"),
                             AwsLocalServices::unique_name("absent-posts"),
                             AwsLocalServices::unique_name("absent-sessions"));

  Result<bool> done = missing.is_done("key-1", Clock::now());
  Result<std::optional<SyncCursor>> cursor = missing.find_sync_cursor("blog");
  Status saved = missing.save_sync_cursor(SyncCursor{"blog", "https://blog.test", "x", ""});
  Result<std::optional<PostState>> state = missing.find_post_state(1);
  Result<std::vector<PostState>> states = missing.all_post_states();
  Status removed = missing.remove_post_state(1);

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
  ASSERT_FALSE(states.ok());
  EXPECT_NE(states.error().message.find("Scan"), std::string::npos) << states.error().message;
  ASSERT_FALSE(removed.ok());
  EXPECT_NE(removed.error().message.find("DeleteItem"), std::string::npos)
      << removed.error().message;
  EXPECT_EQ(removed.error().post.id, 1);
}

}  // namespace

INSTANTIATE_TYPED_TEST_SUITE_P(AwsDynamoDb, StateStoreContract, DynamoDbStateStoreHarness);

}  // namespace wodetl::testing
