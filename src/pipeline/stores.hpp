#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "core/error.hpp"
#include "load/aws/aws_client.hpp"
#include "load/aws/dynamodb_tables.hpp"
#include "load/local/sqlite_store.hpp"
#include "load/object_store.hpp"
#include "load/session_store.hpp"
#include "load/state_store.hpp"

namespace wodetl {

//! Location and part names of the embedded store.
struct LocalStoreSettings {
  std::filesystem::path data_dir = "wod-data";
  std::string bucket_name = "bucket";  //!< folder under data_dir; INVICTUS_BUCKET sets it
  SqliteTableNames tables;             //!< DYNAMODB_TABLE and IDEMPOTENCY_TABLE set them
};

//! Bucket and table names of the AWS store.
struct AwsStoreSettings {
  std::string bucket;         //!< INVICTUS_BUCKET; required
  DynamoDbTableNames tables;  //!< DYNAMODB_TABLE, IDEMPOTENCY_TABLE and WODETL_POSTS_TABLE
};

//! The stores one run writes to, chosen once and passed to every stage.
struct Stores {
  std::shared_ptr<ObjectStore> objects;
  std::shared_ptr<SessionStore> sessions;
  std::shared_ptr<StateStore> state;
  //! Name of the S3 bucket or local bucket folder that `objects` writes to. It is part of every
  //! process key (see process_post_key), so a run into another bucket processes the posts again.
  std::string bucket;
  std::string description;  //!< e.g. "SQLite wod-data/wodetl.sqlite, bucket folder wod-data/bucket"
};

//! Opens the embedded default: the SQLite file data_dir/wodetl.sqlite and the bucket folder
//! data_dir/bucket_name. Creates both when missing.
[[nodiscard]] Result<Stores> open_local_stores(const LocalStoreSettings& settings);

//! Opens the AWS store: the S3 bucket settings.bucket (also for records too large for a
//! DynamoDB item), the sessions table and the idempotency and posts tables, all reached with
//! aws. Sends no request: a missing bucket or table shows in the first call that needs it, and
//! that call's Error names `wodetl init --store aws` as the fix.
[[nodiscard]] Result<Stores> open_aws_stores(const AwsStoreSettings& settings,
                                             std::shared_ptr<const AwsClient> aws);

//! Path of the SQLite file inside a data folder.
[[nodiscard]] std::filesystem::path sqlite_path(const std::filesystem::path& data_dir);

}  // namespace wodetl
