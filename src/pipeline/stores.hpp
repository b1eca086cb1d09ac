#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "core/error.hpp"
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

//! The stores one run writes to, chosen once and passed to every stage.
struct Stores {
  std::shared_ptr<ObjectStore> objects;
  std::shared_ptr<SessionStore> sessions;
  std::shared_ptr<StateStore> state;
  std::string description;  //!< e.g. "SQLite wod-data/wodetl.sqlite, bucket folder wod-data/bucket"
};

//! Opens the embedded default: the SQLite file data_dir/wodetl.sqlite and the bucket folder
//! data_dir/bucket_name. Creates both when missing.
[[nodiscard]] Result<Stores> open_local_stores(const LocalStoreSettings& settings);

//! Path of the SQLite file inside a data folder.
[[nodiscard]] std::filesystem::path sqlite_path(const std::filesystem::path& data_dir);

}  // namespace wodetl
