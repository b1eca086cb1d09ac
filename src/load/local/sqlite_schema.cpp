#include "load/local/sqlite_schema.hpp"

#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <array>
#include <string>

namespace wodetl {

namespace {

constexpr std::array kMigrations = {
    SchemaMigration{1, R"sql(
CREATE TABLE posts (
  post_id INTEGER PRIMARY KEY,
  slug TEXT,
  link TEXT,
  modified_gmt TEXT,
  title TEXT,
  content_sha256 TEXT,
  status TEXT NOT NULL,
  reason TEXT,
  preamble_json TEXT NOT NULL,
  session_dates_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
)sql"},
    SchemaMigration{2, R"sql(
ALTER TABLE posts ADD COLUMN process_key TEXT;
CREATE TABLE sync_cursors (
  source TEXT PRIMARY KEY,
  listing TEXT NOT NULL,
  modified_gmt TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
)sql"},
    SchemaMigration{3, R"sql(
ALTER TABLE posts ADD COLUMN sources_json TEXT;
)sql"},
};

Error schema_error(sqlite3* db, const std::filesystem::path& file, const std::string& failure) {
  return Error::store(failure + " in SQLite database " + file.string() + ": " + sqlite3_errmsg(db));
}

Status execute_script(sqlite3* db, const std::filesystem::path& file, const std::string& sql,
                      const std::string& failure) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string detail = message != nullptr ? message : sqlite3_errmsg(db);
    sqlite3_free(message);
    return Error::store(failure + " in SQLite database " + file.string() + ": " + detail);
  }
  return ok_status();
}

// Applies one migration inside the caller's transaction, unless another process applied it
// between the caller's check and the start of the transaction.
Status apply_migration(sqlite3* db, const std::filesystem::path& file,
                       const SchemaMigration& migration) {
  Result<int> version = read_schema_version(db, file);
  if (!version) {
    return version.error();
  }
  if (*version >= migration.version) {
    return ok_status();
  }
  const std::string failure =
      "failed to migrate the schema to version " + std::to_string(migration.version);
  if (Status applied = execute_script(db, file, migration.sql, failure); !applied) {
    return applied;
  }
  // PRAGMA takes no bound parameters; the number comes from the migration list, not from data.
  return execute_script(db, file, "PRAGMA user_version = " + std::to_string(migration.version),
                        failure);
}

}  // namespace

std::span<const SchemaMigration> schema_migrations() {
  return kMigrations;
}

int latest_schema_version() {
  return kMigrations.back().version;
}

Result<int> read_schema_version(sqlite3* db, const std::filesystem::path& file) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &statement, nullptr) != SQLITE_OK) {
    return schema_error(db, file, "failed to read the schema version");
  }
  int result = sqlite3_step(statement);
  int version = result == SQLITE_ROW ? sqlite3_column_int(statement, 0) : 0;
  if (result != SQLITE_ROW) {
    Error error = schema_error(db, file, "failed to read the schema version");
    sqlite3_finalize(statement);
    return error;
  }
  sqlite3_finalize(statement);
  return version;
}

Status migrate_schema(sqlite3* db, const std::filesystem::path& file) {
  Result<int> version = read_schema_version(db, file);
  if (!version) {
    return version.error();
  }
  if (*version > latest_schema_version()) {
    return Error{ErrorCode::kStore,
                 "SQLite database " + file.string() + " has schema version " +
                     std::to_string(*version) + ", newer than the version " +
                     std::to_string(latest_schema_version()) + " that this wodetl supports",
                 {},
                 "Use the wodetl release that wrote the file, or a newer one"};
  }

  for (const SchemaMigration& migration : kMigrations) {
    if (migration.version <= *version) {
      continue;
    }
    if (Status begun = execute_script(db, file, "BEGIN IMMEDIATE", "failed to start a migration");
        !begun) {
      return begun;
    }
    Status applied = apply_migration(db, file, migration);
    if (!applied) {
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      return applied;
    }
    if (Status committed = execute_script(db, file, "COMMIT", "failed to commit a migration");
        !committed) {
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      return committed;
    }
    spdlog::debug("SQLite database {}: schema migrated to version {}", file.string(),
                  migration.version);
  }
  return ok_status();
}

}  // namespace wodetl
