// provision_aws_store against dynalite and s3rver.

#include "load/aws/aws_provisioning.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "load/aws/dynamodb_test_support.hpp"

namespace wodetl {
namespace {

using testing::AwsLocalServices;

bool contains(const std::vector<std::string>& lines, const std::string& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

TEST(AwsProvisioning, CreatesMissingThenFindsThem) {
  WODETL_REQUIRE_AWS_STANDINS(services);
  auto client = testing::standin_client(*services);
  const std::string bucket = AwsLocalServices::unique_name("init");
  const DynamoDbTableNames tables{.sessions = AwsLocalServices::unique_name("sessions"),
                                  .idempotency = AwsLocalServices::unique_name("idempotency"),
                                  .posts = AwsLocalServices::unique_name("posts")};

  Result<ProvisionReport> first = provision_aws_store(client, bucket, tables);
  ASSERT_TRUE(first.ok()) << first.error().to_string();
  EXPECT_TRUE(contains(first->created, "S3 bucket " + bucket));
  EXPECT_TRUE(contains(first->created, "DynamoDB table " + tables.sessions));
  EXPECT_TRUE(contains(first->created, "DynamoDB table " + tables.idempotency));
  EXPECT_TRUE(contains(first->created, "DynamoDB table " + tables.posts));
  // dynalite has no UpdateTimeToLive.
  ASSERT_EQ(first->warnings.size(), 1U);
  EXPECT_NE(first->warnings[0].find("Time to Live"), std::string::npos);

  const DynamoDbClient dynamodb(client);
  Result<Json> described =
      dynamodb.call("DescribeTable", Json{{"TableName", tables.sessions}}, "test");
  ASSERT_TRUE(described.ok()) << described.error().to_string();
  const Json& table = (*described)["Table"];
  EXPECT_EQ(table["KeySchema"][0]["AttributeName"], "date");
  EXPECT_EQ(table["KeySchema"][0]["KeyType"], "HASH");
  EXPECT_EQ(table["KeySchema"][1]["AttributeName"], "session");
  EXPECT_EQ(table["KeySchema"][1]["KeyType"], "RANGE");
  EXPECT_EQ(table["GlobalSecondaryIndexes"][0]["IndexName"], kPostIdIndex);

  Result<ProvisionReport> second = provision_aws_store(client, bucket, tables);
  ASSERT_TRUE(second.ok()) << second.error().to_string();
  EXPECT_TRUE(second->created.empty());
  EXPECT_EQ(second->existing.size(), 4U);
}

TEST(AwsProvisioning, WarnsAboutTableWithoutIndex) {
  WODETL_REQUIRE_AWS_STANDINS(services);
  auto client = testing::standin_client(*services);
  const DynamoDbClient dynamodb(client);
  const DynamoDbTableNames tables{.sessions = AwsLocalServices::unique_name("plain"),
                                  .idempotency = AwsLocalServices::unique_name("idempotency"),
                                  .posts = AwsLocalServices::unique_name("posts")};
  Json definition = sessions_table_definition(tables.sessions);
  definition.erase("GlobalSecondaryIndexes");
  definition["AttributeDefinitions"].erase(2);
  testing::create_table(dynamodb, definition);

  Result<ProvisionReport> report =
      provision_aws_store(client, AwsLocalServices::unique_name("init"), tables);
  ASSERT_TRUE(report.ok()) << report.error().to_string();
  EXPECT_TRUE(contains(report->existing, "DynamoDB table " + tables.sessions));
  EXPECT_TRUE(
      std::any_of(report->warnings.begin(), report->warnings.end(), [](const std::string& warning) {
        return warning.find("has no index post_id-index") != std::string::npos;
      }));
}

TEST(AwsProvisioning, UnreachableEndpointIsNetworkError) {
  AwsSettings settings;
  settings.credentials = AwsCredentials{.access_key_id = "AKID", .secret_access_key = "s"};
  // Port 9 (discard) on 127.0.0.1 is closed on test machines.
  settings.endpoint_overrides[AwsService::kS3] = "http://127.0.0.1:9";
  settings.endpoint_overrides[AwsService::kDynamoDb] = "http://127.0.0.1:9";
  auto client = std::make_shared<const AwsClient>(settings, AwsClientOptions{.max_attempts = 1});
  Result<ProvisionReport> report = provision_aws_store(client, "wod-bucket", DynamoDbTableNames{});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, ErrorCode::kNetwork);
  EXPECT_NE(report.error().message.find("S3 HeadBucket"), std::string::npos)
      << report.error().message;
  EXPECT_NE(report.error().hint.find("AWS_ENDPOINT_URL_S3"), std::string::npos);
}

}  // namespace
}  // namespace wodetl
