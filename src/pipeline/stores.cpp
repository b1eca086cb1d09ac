#include "pipeline/stores.hpp"

#include <memory>
#include <utility>

#include "load/aws/dynamodb_session_store.hpp"
#include "load/aws/dynamodb_state_store.hpp"
#include "load/aws/s3_object_store.hpp"
#include "load/local/bucket_folder.hpp"

namespace wodetl {

std::filesystem::path sqlite_path(const std::filesystem::path& data_dir) {
  return data_dir / "wodetl.sqlite";
}

Result<Stores> open_local_stores(const LocalStoreSettings& settings) {
  auto database = SqliteStore::open(sqlite_path(settings.data_dir), settings.tables);
  if (!database) {
    return database.error();
  }
  std::shared_ptr<SqliteStore> shared_database = std::move(*database);
  auto bucket = std::make_shared<BucketFolder>(settings.data_dir / settings.bucket_name);

  Stores stores;
  stores.description =
      "SQLite " + sqlite_path(settings.data_dir).string() + ", " + bucket->describe();
  stores.objects = std::move(bucket);
  stores.bucket = settings.bucket_name;
  stores.sessions = shared_database;
  stores.state = shared_database;
  return stores;
}

Result<Stores> open_aws_stores(const AwsStoreSettings& settings,
                               std::shared_ptr<const AwsClient> aws) {
  if (Status valid = validate_bucket_name(settings.bucket); !valid) {
    Error error = valid.error();
    error.message = "INVICTUS_BUCKET: " + error.message;
    return error;
  }
  const std::pair<const char*, const std::string*> tables[] = {
      {"DYNAMODB_TABLE", &settings.tables.sessions},
      {"IDEMPOTENCY_TABLE", &settings.tables.idempotency},
      {"WODETL_POSTS_TABLE", &settings.tables.posts}};
  for (const auto& [variable, name] : tables) {
    if (Status valid = validate_dynamodb_table_name(*name, variable); !valid) {
      return valid.error();
    }
  }

  auto objects = std::make_shared<S3ObjectStore>(aws, settings.bucket);
  auto dynamodb = std::make_shared<const DynamoDbClient>(aws);
  Stores stores;
  stores.description = objects->describe() + ", DynamoDB tables " + settings.tables.sessions +
                       ", " + settings.tables.idempotency + " and " + settings.tables.posts;
  stores.sessions =
      std::make_shared<DynamoDbSessionStore>(dynamodb, settings.tables.sessions, objects);
  stores.state = std::make_shared<DynamoDbStateStore>(
      dynamodb, settings.tables.idempotency, settings.tables.posts, settings.tables.sessions);
  stores.objects = std::move(objects);
  stores.bucket = settings.bucket;
  return stores;
}

}  // namespace wodetl
