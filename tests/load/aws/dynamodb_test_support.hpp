#pragma once
// Helpers shared by the DynamoDB tests: a client for dynalite and a table per test.

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "core/json_codec.hpp"
#include "load/aws/dynamodb_client.hpp"
#include "load/aws/dynamodb_tables.hpp"
#include "support/aws_local_services.hpp"

namespace wodetl::testing {

//! Client for the stand-ins that fails fast: one attempt, no backoff.
inline std::shared_ptr<const AwsClient> standin_client(const AwsLocalServices& services) {
  return std::make_shared<const AwsClient>(services.settings(),
                                           AwsClientOptions{.max_attempts = 1});
}

//! Creates a table from its CreateTable request and waits until it is ACTIVE, as DynamoDB and
//! dynalite reject calls on a table that is still CREATING. The test fails when DynamoDB rejects
//! the request or the table stays CREATING for 5 s.
inline void create_table(const DynamoDbClient& client, const Json& definition) {
  Result<Json> created = client.call("CreateTable", definition, "test table");
  ASSERT_TRUE(created.ok()) << created.error().to_string();
  for (int poll = 0; poll < 500; ++poll) {
    Result<Json> described =
        client.call("DescribeTable", Json{{"TableName", definition["TableName"]}}, "test table");
    ASSERT_TRUE(described.ok()) << described.error().to_string();
    if ((*described)["Table"].value("TableStatus", "") == "ACTIVE") {
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  FAIL() << "table " << definition["TableName"] << " is not ACTIVE after 5 s";
}

//! Counts a table's items with a Scan.
inline int count_items(const DynamoDbClient& client, const std::string& table) {
  int count = 0;
  Status scanned = client.paginate("Scan", Json{{"TableName", table}}, "test table",
                                   [&count](const Json& items) {
                                     count += static_cast<int>(items.size());
                                     return ok_status();
                                   });
  EXPECT_TRUE(scanned.ok()) << scanned.error().to_string();
  return count;
}

}  // namespace wodetl::testing
