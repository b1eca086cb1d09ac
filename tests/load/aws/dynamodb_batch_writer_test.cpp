// DynamoDbBatchWriter: batch sizes, duplicate keys, and UnprocessedItems. dynalite never leaves
// items unprocessed, so the tests that need UnprocessedItems wrap the real sender: it sends part
// of each batch to dynalite and returns the rest as UnprocessedItems, as DynamoDB does when a
// table is throttled.

#include "load/aws/dynamodb_batch_writer.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <vector>

#include "load/aws/dynamodb_test_support.hpp"

namespace wodetl {
namespace {

using testing::AwsLocalServices;

Json put_request(const std::string& date, const std::string& session) {
  return Json{{"PutRequest", Json{{"Item", Json{{"date", string_value(date)},
                                                {"session", string_value(session)},
                                                {"segment_a", string_value("Snatch 5x2")}}}}}};
}

std::vector<Json> sixty_puts() {
  std::vector<Json> requests;
  for (int day = 0; day < 60; ++day) {
    requests.push_back(
        put_request("2021-01-" + std::to_string(10 + day / 2), "Session " + std::to_string(day)));
  }
  return requests;
}

BatchWriterOptions no_wait() {
  BatchWriterOptions options;
  options.sleep = [](std::chrono::milliseconds) {};
  return options;
}

std::size_t batch_size_of(const Json& request, const std::string& table) {
  return request["RequestItems"][table].size();
}

TEST(DynamoDbBatchWriter, SixtyRequestsIn25And25And10) {
  std::vector<std::size_t> sizes;
  DynamoDbBatchWriter writer(
      "sessions", {"date", "session"},
      [&sizes](const Json& request) -> Result<Json> {
        sizes.push_back(batch_size_of(request, "sessions"));
        return Json::object();
      },
      no_wait());

  Result<BatchWriteReport> report = writer.write(sixty_puts());
  ASSERT_TRUE(report.ok()) << report.error().to_string();
  EXPECT_EQ(sizes, (std::vector<std::size_t>{25, 25, 10}));
  EXPECT_EQ(report->batches, 3);
  EXPECT_EQ(report->calls, 3);
}

TEST(DynamoDbBatchWriter, RepeatedKeyStartsNewBatch) {
  std::vector<Json> sent;
  DynamoDbBatchWriter writer(
      "sessions", {"date", "session"},
      [&sent](const Json& request) -> Result<Json> {
        sent.push_back(request["RequestItems"]["sessions"]);
        return Json::object();
      },
      no_wait());

  Result<BatchWriteReport> report =
      writer.write({put_request("2021-01-04", "Monday"), put_request("2021-01-05", "Tuesday"),
                    put_request("2021-01-04", "Monday"), put_request("2021-01-06", "Wednesday")});
  ASSERT_TRUE(report.ok()) << report.error().to_string();
  ASSERT_EQ(sent.size(), 2U);
  EXPECT_EQ(sent[0].size(), 2U);
  EXPECT_EQ(sent[1].size(), 2U);
}

TEST(DynamoDbBatchWriter, UnprocessedUntilLimitIsError) {
  int calls = 0;
  DynamoDbBatchWriter writer(
      "sessions", {"date", "session"},
      [&calls](const Json& request) -> Result<Json> {
        ++calls;
        return Json{{"UnprocessedItems", request["RequestItems"]}};
      },
      no_wait());

  Result<BatchWriteReport> report = writer.write({put_request("2021-01-04", "Monday")});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(calls, 8);
  EXPECT_NE(report.error().message.find("still unprocessed after 8 attempts"), std::string::npos)
      << report.error().message;
  EXPECT_NE(report.error().message.find("table sessions"), std::string::npos);
}

TEST(DynamoDbBatchWriter, SenderErrorStopsWriting) {
  int calls = 0;
  DynamoDbBatchWriter writer(
      "sessions", {"date", "session"},
      [&calls](const Json&) -> Result<Json> {
        ++calls;
        return Error::store("DynamoDB BatchWriteItem failed");
      },
      no_wait());
  Result<BatchWriteReport> report = writer.write(sixty_puts());
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(calls, 1);
}

TEST(DynamoDbBatchWriter, BackoffGrowsBetweenResends) {
  std::vector<std::chrono::milliseconds> delays;
  BatchWriterOptions options;
  options.max_attempts = 4;
  options.base_backoff = std::chrono::milliseconds(100);
  options.max_backoff = std::chrono::milliseconds(250);
  options.sleep = [&delays](std::chrono::milliseconds delay) { delays.push_back(delay); };
  DynamoDbBatchWriter writer(
      "sessions", {"date", "session"},
      [](const Json& request) -> Result<Json> {
        return Json{{"UnprocessedItems", request["RequestItems"]}};
      },
      options);

  EXPECT_FALSE(writer.write({put_request("2021-01-04", "Monday")}).ok());
  ASSERT_EQ(delays.size(), 3U);
  EXPECT_LE(delays[0].count(), 100);
  EXPECT_LE(delays[1].count(), 200);
  EXPECT_LE(delays[2].count(), 250);
}

TEST(DynamoDbBatchWriter, UnprocessedItemsResentUntilTableComplete) {
  WODETL_REQUIRE_AWS_STANDINS(services);
  auto client = std::make_shared<DynamoDbClient>(testing::standin_client(*services));
  const std::string table = AwsLocalServices::unique_name("batch");
  testing::create_table(*client, sessions_table_definition(table));

  // Sends the first half of each batch, rounded up, and reports the rest unprocessed.
  std::vector<std::size_t> sizes;
  BatchWriteSender partial = [&](const Json& request) -> Result<Json> {
    const Json& items = request["RequestItems"][table];
    sizes.push_back(items.size());
    const std::size_t accepted = (items.size() + 1) / 2;
    Json sent;
    sent["RequestItems"][table] =
        Json(std::vector<Json>(items.begin(), items.begin() + static_cast<long>(accepted)));
    Result<Json> response = client->call("BatchWriteItem", sent, "table " + table);
    if (!response) {
      return response;
    }
    Json left = Json(std::vector<Json>(items.begin() + static_cast<long>(accepted), items.end()));
    if (!left.empty()) {
      (*response)["UnprocessedItems"][table] = std::move(left);
    }
    return response;
  };
  DynamoDbBatchWriter writer(table, {"date", "session"}, partial, no_wait());

  Result<BatchWriteReport> report = writer.write(sixty_puts());
  ASSERT_TRUE(report.ok()) << report.error().to_string();
  EXPECT_EQ(report->batches, 3);
  EXPECT_GT(report->resent_items, 0);
  EXPECT_EQ(sizes.front(), 25U);
  EXPECT_EQ(testing::count_items(*client, table), 60);
}

}  // namespace
}  // namespace wodetl
