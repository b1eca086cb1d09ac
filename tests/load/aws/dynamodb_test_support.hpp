#pragma once
// Helpers shared by the DynamoDB tests: a client for dynalite and a table per test.

#include <memory>
#include <string>

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

//! Creates a table from its CreateTable request; the test fails when DynamoDB rejects it.
inline void create_table(const DynamoDbClient& client, const Json& definition) {
  Result<Json> created = client.call("CreateTable", definition, "test table");
  ASSERT_TRUE(created.ok()) << created.error().to_string();
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
