// DynamoDbSessionStore against dynalite, with s3rver for records too large for an item.

#include "load/aws/dynamodb_session_store.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "core/json_codec.hpp"
#include "load/aws/dynamodb_test_support.hpp"
#include "load/aws/s3_object_store.hpp"
#include "load/aws/session_item.hpp"
#include "load/bucket_keys.hpp"
#include "load/load_test_support.hpp"

namespace wodetl {
namespace {

using testing::AwsLocalServices;
using testing::make_record;
using testing::make_source;

class AwsDynamoDbSessionStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WODETL_REQUIRE_AWS_STANDINS(services);
    aws_ = testing::standin_client(*services);
    client_ = std::make_shared<const DynamoDbClient>(aws_);
    table_ = AwsLocalServices::unique_name("sessions");
    testing::create_table(*client_, sessions_table_definition(table_));
    bucket_ = std::make_shared<S3ObjectStore>(aws_, AwsLocalServices::unique_name("large"));
    ASSERT_TRUE(bucket_->create_bucket_if_missing().ok());
    store_ = std::make_unique<DynamoDbSessionStore>(client_, table_, bucket_);
  }

  //! The raw item of a key, or an empty object.
  Json raw_item(const std::string& date, const std::string& session) const {
    Result<Json> response = client_->call(
        "GetItem", Json{{"TableName", table_}, {"Key", session_key(date, session)}}, "test table");
    EXPECT_TRUE(response.ok()) << response.error().to_string();
    return response ? response->value("Item", Json::object()) : Json::object();
  }

  std::vector<std::string> stored_keys() {
    std::vector<std::string> keys;
    auto all = store_->all_sessions();
    EXPECT_TRUE(all.ok()) << all.error().to_string();
    if (all) {
      for (const SessionRecord& record : *all) {
        keys.push_back(record.date + " " + record.session);
      }
    }
    return keys;
  }

  std::shared_ptr<const AwsClient> aws_;
  std::shared_ptr<const DynamoDbClient> client_;
  std::string table_;
  std::shared_ptr<S3ObjectStore> bucket_;
  std::unique_ptr<DynamoDbSessionStore> store_;
};

std::vector<SessionRecord> week(const SourceRef& source) {
  return {make_record(source, "2020-12-21", "Monday (Session One)", "Snatch 5x2"),
          make_record(source, "2020-12-22", "Tuesday (Session Two)", "Clean 5x2"),
          make_record(source, "2020-12-23", "Wednesday (Session Three)", "Jerk 5x2")};
}

TEST_F(AwsDynamoDbSessionStoreTest, FirstReplaceWritesAll) {
  const SourceRef source = make_source(101, "week-one");
  Result<ReplaceOutcome> outcome = store_->replace_post_sessions(source, week(source));
  ASSERT_TRUE(outcome.ok()) << outcome.error().to_string();
  EXPECT_EQ(outcome->written, 3);
  EXPECT_EQ(outcome->unchanged, 0);

  Result<std::vector<SessionRecord>> all = store_->all_sessions();
  ASSERT_TRUE(all.ok()) << all.error().to_string();
  ASSERT_EQ(all->size(), 3U);
  EXPECT_EQ(compact_record_json((*all)[0]), compact_record_json(week(source)[0]));
}

TEST_F(AwsDynamoDbSessionStoreTest, SameReplaceWritesNothing) {
  const SourceRef source = make_source(101, "week-one");
  ASSERT_TRUE(store_->replace_post_sessions(source, week(source)).ok());
  const Json before = raw_item("2020-12-21", "Monday (Session One)");

  Result<ReplaceOutcome> again = store_->replace_post_sessions(source, week(source));
  ASSERT_TRUE(again.ok()) << again.error().to_string();
  EXPECT_EQ(again->written, 0);
  EXPECT_EQ(again->unchanged, 3);
  EXPECT_EQ(raw_item("2020-12-21", "Monday (Session One)")["updated_at"], before["updated_at"]);
}

TEST_F(AwsDynamoDbSessionStoreTest, EditedAndDroppedRecords) {
  const SourceRef source = make_source(101, "week-one");
  ASSERT_TRUE(store_->replace_post_sessions(source, week(source)).ok());

  std::vector<SessionRecord> edited = week(source);
  edited[1].segment_a = "Clean 6x2";
  edited.pop_back();
  Result<ReplaceOutcome> outcome = store_->replace_post_sessions(source, edited);
  ASSERT_TRUE(outcome.ok()) << outcome.error().to_string();
  EXPECT_EQ(outcome->written, 1);
  EXPECT_EQ(outcome->unchanged, 1);
  EXPECT_EQ(outcome->removed, 1);
  EXPECT_EQ(stored_keys(), (std::vector<std::string>{"2020-12-21 Monday (Session One)",
                                                     "2020-12-22 Tuesday (Session Two)"}));
  EXPECT_EQ(store_->sessions_on("2020-12-22")->front().segment_a, "Clean 6x2");
}

TEST_F(AwsDynamoDbSessionStoreTest, OtherPostsUntouchedAndKeyTakenOver) {
  const SourceRef first = make_source(101, "week-one");
  const SourceRef second = make_source(202, "week-two");
  ASSERT_TRUE(store_->replace_post_sessions(first, week(first)).ok());

  const std::vector<SessionRecord> overlap = {
      make_record(second, "2020-12-23", "Wednesday (Session Three)", "Squat 5x5")};
  Result<ReplaceOutcome> outcome = store_->replace_post_sessions(second, overlap);
  ASSERT_TRUE(outcome.ok()) << outcome.error().to_string();
  EXPECT_EQ(outcome->written, 1);
  EXPECT_EQ(outcome->removed, 0);
  EXPECT_EQ(store_->all_sessions()->size(), 3U);
  EXPECT_EQ(raw_item("2020-12-23", "Wednesday (Session Three)")["post_id"]["N"], "202");

  // The first post no longer owns that key, so emptying it leaves the key to the second post.
  Result<ReplaceOutcome> emptied = store_->replace_post_sessions(first, {});
  ASSERT_TRUE(emptied.ok()) << emptied.error().to_string();
  EXPECT_EQ(emptied->removed, 2);
  EXPECT_EQ(stored_keys(), std::vector<std::string>{"2020-12-23 Wednesday (Session Three)"});
}

TEST_F(AwsDynamoDbSessionStoreTest, DuplicateKeysRejected) {
  const SourceRef source = make_source(101, "week-one");
  std::vector<SessionRecord> records = week(source);
  records.push_back(records.front());
  Result<ReplaceOutcome> outcome = store_->replace_post_sessions(source, records);
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.error().code, ErrorCode::kInvalidInput);
  EXPECT_TRUE(store_->all_sessions()->empty());
}

TEST_F(AwsDynamoDbSessionStoreTest, ItemKeepsOriginalLayout) {
  const SourceRef source = make_source(101, "week-one");
  ASSERT_TRUE(store_->replace_post_sessions(source, week(source)).ok());
  const Json item = raw_item("2020-12-21", "Monday (Session One)");
  for (const char* name : {"date", "session", "warm_up", "segment_a", "segment_b", "segment_c",
                           "segment_d", "segment_e"}) {
    ASSERT_TRUE(item.contains(name)) << name;
    EXPECT_TRUE(item[name].contains("S")) << name;
  }
  EXPECT_EQ(item["segment_a"]["S"], "Snatch 5x2");
  EXPECT_EQ(item["warm_up"]["S"], "Row 500 m easy");
  EXPECT_EQ(item["post_id"]["N"], "101");
  EXPECT_EQ(item["day_index"]["N"], "0");
  EXPECT_EQ(item["rest_day"]["BOOL"], false);
  EXPECT_EQ(item["record_json"]["S"], compact_record_json(week(source)[0]));
}

TEST_F(AwsDynamoDbSessionStoreTest, SortsByDateThenDayIndex) {
  const SourceRef source = make_source(101, "week-one");
  const std::vector<SessionRecord> records = {make_record(source, "2020-12-22", "Tuesday PM", "B"),
                                              make_record(source, "2020-12-21", "Monday", "A"),
                                              make_record(source, "2020-12-22", "Tuesday AM", "C")};
  ASSERT_TRUE(store_->replace_post_sessions(source, records).ok());
  EXPECT_EQ(stored_keys(), (std::vector<std::string>{"2020-12-21 Monday", "2020-12-22 Tuesday PM",
                                                     "2020-12-22 Tuesday AM"}));
}

TEST_F(AwsDynamoDbSessionStoreTest, SessionsBetweenByQueryAndByScan) {
  const SourceRef source = make_source(101, "week-one");
  ASSERT_TRUE(store_->replace_post_sessions(source, week(source)).ok());

  Result<std::vector<SessionRecord>> queried = store_->sessions_between("2020-12-22", "2020-12-28");
  ASSERT_TRUE(queried.ok()) << queried.error().to_string();
  ASSERT_EQ(queried->size(), 2U);
  EXPECT_EQ(queried->front().date, "2020-12-22");

  DynamoDbSessionStore scanning(client_, table_, bucket_, {.max_query_days = 1});
  Result<std::vector<SessionRecord>> scanned =
      scanning.sessions_between("2020-12-22", "2020-12-28");
  ASSERT_TRUE(scanned.ok()) << scanned.error().to_string();
  ASSERT_EQ(scanned->size(), 2U);
  EXPECT_EQ(scanned->back().date, "2020-12-23");

  EXPECT_TRUE(store_->sessions_between("2020-12-24", "2020-12-20")->empty());
}

TEST_F(AwsDynamoDbSessionStoreTest, SixtyRecordsWrittenIn25And25And10) {
  const SourceRef source = make_source(303, "long-program");
  std::vector<SessionRecord> records;
  for (int day = 0; day < 60; ++day) {
    records.push_back(make_record(source, "2021-03-" + std::to_string(10 + day / 3),
                                  "Session " + std::to_string(day), "Part " + std::to_string(day)));
  }
  std::vector<std::size_t> sizes;
  DynamoDbSessionStoreOptions options;
  options.batch_sender = [&](const Json& request) {
    sizes.push_back(request["RequestItems"][table_].size());
    return client_->call("BatchWriteItem", request, "test table");
  };
  DynamoDbSessionStore store(client_, table_, bucket_, options);

  Result<ReplaceOutcome> outcome = store.replace_post_sessions(source, records);
  ASSERT_TRUE(outcome.ok()) << outcome.error().to_string();
  EXPECT_EQ(outcome->written, 60);
  EXPECT_EQ(sizes, (std::vector<std::size_t>{25, 25, 10}));
  EXPECT_EQ(testing::count_items(*client_, table_), 60);
}

TEST_F(AwsDynamoDbSessionStoreTest, UnprocessedItemsEndComplete) {
  const SourceRef source = make_source(303, "long-program");
  std::vector<SessionRecord> records;
  for (int day = 0; day < 30; ++day) {
    records.push_back(make_record(source, "2021-04-" + std::to_string(10 + day / 2),
                                  "Session " + std::to_string(day), "Part"));
  }
  int calls = 0;
  DynamoDbSessionStoreOptions options;
  options.batch.sleep = [](std::chrono::milliseconds) {};
  // Writes one item per call and returns the others as UnprocessedItems.
  options.batch_sender = [&](const Json& request) -> Result<Json> {
    ++calls;
    const Json& items = request["RequestItems"][table_];
    Json first;
    first["RequestItems"][table_] = Json::array({items.front()});
    Result<Json> response = client_->call("BatchWriteItem", first, "test table");
    if (response && items.size() > 1) {
      (*response)["UnprocessedItems"][table_] =
          Json(std::vector<Json>(items.begin() + 1, items.end()));
    }
    return response;
  };
  options.batch.max_attempts = 30;
  DynamoDbSessionStore store(client_, table_, bucket_, options);

  Result<ReplaceOutcome> outcome = store.replace_post_sessions(source, records);
  ASSERT_TRUE(outcome.ok()) << outcome.error().to_string();
  EXPECT_EQ(calls, 30);
  EXPECT_EQ(testing::count_items(*client_, table_), 30);
}

TEST_F(AwsDynamoDbSessionStoreTest, LargeRecordKeepsJsonInBucket) {
  const SourceRef source = make_source(404, "huge-week");
  SessionRecord record = make_record(source, "2021-05-03", "Monday", "Snatch");
  // Parts after E have no flat field, so only record_json grows past the item limit.
  for (int part = 0; part < 5; ++part) {
    Segment segment{.kind = SegmentKind::kPart,
                    .label = "F" + std::to_string(part),
                    .heading = Line{"F" + std::to_string(part) + ".", {}}};
    segment.lines.push_back(Line{std::string(100 * 1024, 'x'), {}});
    record.segments.push_back(std::move(segment));
  }
  Result<ReplaceOutcome> outcome = store_->replace_post_sessions(source, {record});
  ASSERT_TRUE(outcome.ok()) << outcome.error().to_string();

  const Json item = raw_item("2021-05-03", "Monday");
  EXPECT_FALSE(item.contains("record_json"));
  ASSERT_TRUE(item.contains("record_json_key"));
  const std::string object_key = item["record_json_key"]["S"];
  EXPECT_TRUE(object_key.starts_with("large-records/2021-05-03/")) << object_key;
  EXPECT_EQ(item["segment_a"]["S"], "Snatch");
  EXPECT_TRUE(*bucket_->exists(object_key));

  Result<std::vector<SessionRecord>> read = store_->sessions_on("2021-05-03");
  ASSERT_TRUE(read.ok()) << read.error().to_string();
  ASSERT_EQ(read->size(), 1U);
  EXPECT_EQ(compact_record_json(read->front()), compact_record_json(record));
  EXPECT_EQ(store_->replace_post_sessions(source, {record})->unchanged, 1);

  // Back under the limit, the JSON moves into the item and the object goes.
  const SessionRecord small = make_record(source, "2021-05-03", "Monday", "Snatch");
  ASSERT_TRUE(store_->replace_post_sessions(source, {small}).ok());
  EXPECT_TRUE(raw_item("2021-05-03", "Monday").contains("record_json"));
  EXPECT_FALSE(*bucket_->exists(object_key));
}

TEST_F(AwsDynamoDbSessionStoreTest, LargeRecordWithoutBucketFailsClearly) {
  DynamoDbSessionStore no_bucket(client_, table_, nullptr);
  const SourceRef source = make_source(404, "huge-week");
  SessionRecord record = make_record(source, "2021-05-03", "Monday", "Snatch");
  record.segments.back().lines.push_back(Line{std::string(450 * 1024, 'x'), {}});
  Result<ReplaceOutcome> outcome = no_bucket.replace_post_sessions(source, {record});
  ASSERT_FALSE(outcome.ok());
  EXPECT_NE(outcome.error().message.find("session 2021-05-03 'Monday'"), std::string::npos)
      << outcome.error().message;
  EXPECT_NE(outcome.error().message.find("over the limit"), std::string::npos);
  EXPECT_EQ(outcome.error().post.id, 404);
  EXPECT_EQ(testing::count_items(*client_, table_), 0);
}

// With a bucket for large JSON, an item whose flat fields alone pass 400 KB still cannot be
// stored; the post fails with the record's key and size, and nothing is written.
TEST_F(AwsDynamoDbSessionStoreTest, LargeFlatFieldsFailClearly) {
  const SourceRef source = make_source(405, "huge-part-a");
  SessionRecord record = make_record(source, "2021-05-04", "Tuesday", "Snatch");
  record.segment_a = std::string(450 * 1024, 'y');

  Result<ReplaceOutcome> outcome = store_->replace_post_sessions(source, {record});

  ASSERT_FALSE(outcome.ok());
  EXPECT_NE(outcome.error().message.find("session 2021-05-04 'Tuesday'"), std::string::npos)
      << outcome.error().message;
  EXPECT_NE(outcome.error().message.find("over the limit of 409600"), std::string::npos)
      << outcome.error().message;
  EXPECT_EQ(outcome.error().post.id, 405);
  EXPECT_EQ(testing::count_items(*client_, table_), 0);
  Result<std::vector<std::string>> objects = bucket_->list("large-records/");
  ASSERT_TRUE(objects.ok()) << objects.error().to_string();
  EXPECT_TRUE(objects->empty());
}

TEST_F(AwsDynamoDbSessionStoreTest, TableWithoutIndexFindsStaleByScan) {
  Json definition = sessions_table_definition(AwsLocalServices::unique_name("plain"));
  definition.erase("GlobalSecondaryIndexes");
  definition["AttributeDefinitions"].erase(2);
  testing::create_table(*client_, definition);
  DynamoDbSessionStore plain(client_, definition["TableName"], bucket_);

  const SourceRef source = make_source(101, "week-one");
  ASSERT_TRUE(plain.replace_post_sessions(source, week(source)).ok());
  Result<ReplaceOutcome> outcome = plain.replace_post_sessions(source, {week(source)[0]});
  ASSERT_TRUE(outcome.ok()) << outcome.error().to_string();
  EXPECT_EQ(outcome->removed, 2);
  EXPECT_EQ(plain.all_sessions()->size(), 1U);
}

TEST_F(AwsDynamoDbSessionStoreTest, ReadsItemsOfOriginalPipeline) {
  const Json item{{"date", string_value("2021-01-04")},
                  {"session", string_value("Monday (Session One)")},
                  {"warm_up", string_value("Row 500 m")},
                  {"segment_a", string_value("Snatch x 3\nHold at the top")},
                  {"segment_b", string_value("")},
                  {"segment_c", string_value("Back Squat 5x5")},
                  {"segment_d", string_value("")},
                  {"segment_e", string_value("")}};
  ASSERT_TRUE(client_->call("PutItem", Json{{"TableName", table_}, {"Item", item}}, "t").ok());

  Result<std::vector<SessionRecord>> read = store_->sessions_on("2021-01-04");
  ASSERT_TRUE(read.ok()) << read.error().to_string();
  ASSERT_EQ(read->size(), 1U);
  const SessionRecord& record = read->front();
  EXPECT_EQ(record.segment_a, "Snatch x 3\nHold at the top");
  ASSERT_EQ(record.segments.size(), 3U);
  EXPECT_EQ(record.segments[0].lines.front().text, "Row 500 m");
  EXPECT_EQ(record.segments[1].label, "A");
  EXPECT_EQ(record.segments[1].lines.size(), 2U);
  EXPECT_EQ(record.segments[2].label, "C");
}

TEST_F(AwsDynamoDbSessionStoreTest, MissingTableErrorNamesDynamoDb) {
  DynamoDbSessionStore missing(client_, AwsLocalServices::unique_name("absent"), bucket_);
  const SourceRef source = make_source(101, "week-one");
  Result<ReplaceOutcome> outcome = missing.replace_post_sessions(source, week(source));
  ASSERT_FALSE(outcome.ok());
  const std::string text = outcome.error().to_string();
  EXPECT_NE(text.find("DynamoDB BatchGetItem"), std::string::npos) << text;
  EXPECT_NE(text.find("ResourceNotFoundException"), std::string::npos) << text;
  EXPECT_NE(text.find("request id"), std::string::npos) << text;
  EXPECT_NE(text.find("post 101"), std::string::npos) << text;
}

TEST(SessionItem, SizeCountsNamesAndValues) {
  const Json item{
      {"date", string_value("2021-01-04")}, {"n", number_value(123456)}, {"b", bool_value(true)}};
  EXPECT_EQ(item_size(item), 4U + 10U + 1U + 4U + 1U + 1U);
}

}  // namespace
}  // namespace wodetl
