#include "pipeline/stores.hpp"

#include <memory>
#include <utility>

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
  stores.sessions = shared_database;
  stores.state = shared_database;
  return stores;
}

}  // namespace wodetl
