#pragma once
// Schema of the SQLite store as an ordered list of migrations. The file's PRAGMA user_version
// is the number of migrations applied, so a later release appends a migration to add tables
// or columns and every older file is brought up to date when it is opened.

#include <filesystem>
#include <span>

#include "core/error.hpp"

struct sqlite3;

namespace wodetl {

//! One step of the schema: SQL that turns version - 1 into version.
struct SchemaMigration {
  int version;
  const char* sql;  //!< DDL statements separated by ';'
};

//! Every migration, in order; element i has version i + 1.
[[nodiscard]] std::span<const SchemaMigration> schema_migrations();

//! Version of a file with every migration applied.
[[nodiscard]] int latest_schema_version();

//! Applies the migrations that db lacks, each in its own IMMEDIATE transaction together with
//! the new user_version, so two processes opening the same file cannot both apply one.
//! Returns Error::store naming file when a statement fails or when the file's version is newer
//! than latest_schema_version().
Status migrate_schema(sqlite3* db, const std::filesystem::path& file);

//! Reads PRAGMA user_version.
Result<int> read_schema_version(sqlite3* db, const std::filesystem::path& file);

}  // namespace wodetl
