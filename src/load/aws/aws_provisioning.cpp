#include "load/aws/aws_provisioning.hpp"

#include <spdlog/spdlog.h>

#include <utility>

#include "load/aws/dynamodb_client.hpp"
#include "load/aws/s3_object_store.hpp"

namespace wodetl {

namespace {

// DescribeTable's Table, or std::nullopt when the table does not exist.
Result<std::optional<Json>> describe_table(const DynamoDbClient& dynamodb,
                                           const std::string& name) {
  Result<DynamoDbResponse> response =
      dynamodb.send("DescribeTable", Json{{"TableName", name}}, "table " + name);
  if (!response) {
    return response.error();
  }
  if (response->error && response->error->code == "ResourceNotFoundException") {
    return std::optional<Json>{};
  }
  if (response->error) {
    return response->error->to_error();
  }
  return std::optional<Json>{response->body.value("Table", Json::object())};
}

Status wait_until_active(const DynamoDbClient& dynamodb, const std::string& name,
                         const ProvisionOptions& options) {
  std::chrono::milliseconds waited{0};
  while (true) {
    Result<std::optional<Json>> table = describe_table(dynamodb, name);
    if (!table) {
      return table.error();
    }
    const std::string status = *table ? (*table)->value("TableStatus", "") : "";
    if (status == "ACTIVE") {
      return ok_status();
    }
    if (waited >= options.max_wait) {
      return aws_store_error("DynamoDB table " + name + " is still " +
                                 (status.empty() ? std::string("missing") : status) + " after " +
                                 std::to_string(waited.count() / 1000) + " s",
                             "Check the table in the DynamoDB console and run `wodetl init` "
                             "again");
    }
    wait_for(options.sleep, options.poll_interval);
    waited += options.poll_interval;
  }
}

bool has_index(const Json& table, const char* index_name) {
  auto indexes = table.find("GlobalSecondaryIndexes");
  if (indexes == table.end() || !indexes->is_array()) {
    return false;
  }
  for (const Json& index : *indexes) {
    if (index.value("IndexName", "") == index_name) {
      return true;
    }
  }
  return false;
}

Status enable_ttl(const DynamoDbClient& dynamodb, const std::string& name,
                  ProvisionReport& report) {
  const Json request{
      {"TableName", name},
      {"TimeToLiveSpecification", Json{{"AttributeName", kTtlAttribute}, {"Enabled", true}}}};
  Result<DynamoDbResponse> response = dynamodb.send("UpdateTimeToLive", request, "table " + name);
  if (!response) {
    return response.error();
  }
  if (response->error && response->error->code == "UnknownOperationException") {
    report.warnings.push_back(
        "this DynamoDB endpoint has no Time to Live, so expired "
        "idempotency records stay in table " +
        name + " (wodetl treats them as absent)");
    return ok_status();
  }
  if (response->error) {
    return response->error->to_error();
  }
  return ok_status();
}

}  // namespace

Result<ProvisionReport> provision_aws_store(std::shared_ptr<const AwsClient> client,
                                            const std::string& bucket,
                                            const DynamoDbTableNames& tables,
                                            const ProvisionOptions& options) {
  ProvisionReport report;

  S3ObjectStore objects(client, bucket);
  Result<bool> bucket_created = objects.create_bucket_if_missing();
  if (!bucket_created) {
    return bucket_created.error();
  }
  (*bucket_created ? report.created : report.existing).push_back("S3 bucket " + bucket);

  const DynamoDbClient dynamodb(client);
  const std::pair<const std::string*, Json> definitions[] = {
      {&tables.sessions, sessions_table_definition(tables.sessions)},
      {&tables.idempotency, idempotency_table_definition(tables.idempotency)},
      {&tables.posts, posts_table_definition(tables.posts)},
  };
  for (const auto& [name, definition] : definitions) {
    Result<std::optional<Json>> existing = describe_table(dynamodb, *name);
    if (!existing) {
      return existing.error();
    }
    if (*existing) {
      report.existing.push_back("DynamoDB table " + *name);
      if (name == &tables.sessions && !has_index(**existing, kPostIdIndex)) {
        report.warnings.push_back("table " + *name + " has no index " + kPostIdIndex +
                                  ", so wodetl scans the table to find a post's records");
      }
      continue;
    }

    Result<DynamoDbResponse> created = dynamodb.send("CreateTable", definition, "table " + *name);
    if (!created) {
      return created.error();
    }
    // Another process may create the table between DescribeTable and CreateTable.
    if (created->error && created->error->code != "ResourceInUseException") {
      return created->error->to_error();
    }
    if (Status active = wait_until_active(dynamodb, *name, options); !active) {
      return active.error();
    }
    report.created.push_back("DynamoDB table " + *name);
    if (name == &tables.idempotency) {
      if (Status ttl = enable_ttl(dynamodb, *name, report); !ttl) {
        return ttl.error();
      }
    }
  }
  for (const std::string& warning : report.warnings) {
    spdlog::warn("{}", warning);
  }
  return report;
}

}  // namespace wodetl
