#pragma once
// SessionStore and StateStore in one SQLite file, the embedded stand-in for the original
// pipeline's DynamoDB tables. The tables (see sqlite_schema.cpp for their columns) are:
//   sessions      one row per record, keyed by (date, session). record_json contains the whole
//                 record, and the flat columns copy its fields for ad-hoc SQL.
//   idempotency   completed operations, keyed by idempotency_key, expiring at ttl (epoch seconds)
//   posts         one PostState row per post id
//   sync_cursors  one SyncCursor row per source name

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "load/session_store.hpp"
#include "load/state_store.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace wodetl {

//! Names of the tables that mirror the original's DynamoDB tables; DYNAMODB_TABLE and
//! IDEMPOTENCY_TABLE set them. The posts table keeps its name.
struct SqliteTableNames {
  std::string sessions = "sessions";
  std::string idempotency = "idempotency";
};

//! Checks a table name against DynamoDB's rules (3 to 255 of letters, digits, '_', '.', '-'),
//! which also keeps it safe to quote as an SQLite identifier. "posts" is reserved.
[[nodiscard]] Status validate_table_name(const std::string& name);

//! SQLite-backed SessionStore and StateStore.
//!
//! Thread safety: every call locks one mutex around the single connection, so calls from
//! several threads run one at a time. Other processes may open the same file because the
//! database runs in WAL mode with a busy timeout of kBusyTimeoutMs.
class SqliteStore : public SessionStore, public StateStore {
 public:
  //! Time a statement waits for another connection's lock before it fails with "database is
  //! locked".
  static constexpr int kBusyTimeoutMs = 5000;

  //! Opens or creates the database file and its parent folders, then applies the schema
  //! migrations the file lacks. Returns Error::store naming the file when the folder cannot be
  //! created, the file is not a SQLite database, or its schema is newer than this build supports.
  static Result<std::unique_ptr<SqliteStore>> open(const std::filesystem::path& file,
                                                   SqliteTableNames names = {});

  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;
  ~SqliteStore() override;

  //! Runs in one transaction, so a failure leaves the table as it was. Rows get post_id =
  //! source.post_id and day_index = the record's position in records. A record whose stored row
  //! has the same record_json, post_id and day_index counts as unchanged and its row is not
  //! written, so updated_at keeps the time of the last real change. Returns
  //! Error::invalid_input, writing nothing, when two records share a (date, session) key.
  Result<ReplaceOutcome> replace_post_sessions(const SourceRef& source,
                                               const std::vector<SessionRecord>& records) override;
  Result<std::vector<SessionRecord>> sessions_between(const std::string& first_date,
                                                      const std::string& last_date) override;
  Result<std::vector<SessionRecord>> all_sessions() override;

  Result<bool> is_done(const std::string& idempotency_key, Clock::time_point now) override;

  //! Also deletes the records whose ttl has passed by the system clock, as DynamoDB's TTL does.
  Status mark_done(const std::string& idempotency_key, const std::string& operation,
                   Clock::time_point expires_at) override;

  //! An INSERT whose ON CONFLICT update applies only when the stored ttl has passed by now, so
  //! two connections, in this process or another, cannot both claim a key.
  Result<bool> claim(const std::string& idempotency_key, const std::string& operation,
                     Clock::time_point expires_at, Clock::time_point now) override;
  Status release(const std::string& idempotency_key) override;

  Status save_post_state(const PostState& state) override;
  Result<std::optional<PostState>> find_post_state(std::int64_t post_id) override;

  Result<std::optional<SyncCursor>> find_sync_cursor(const std::string& source) override;
  Status save_sync_cursor(const SyncCursor& cursor) override;

  Result<std::vector<PostState>> all_post_states() override;
  Status remove_post_state(std::int64_t post_id) override;

  //! Schema version stored in the file (PRAGMA user_version).
  Result<int> schema_version();

  [[nodiscard]] const std::filesystem::path& path() const { return file_; }

 private:
  class Statement;

  SqliteStore(std::filesystem::path file, sqlite3* db, SqliteTableNames names);
  // Returns sql with @sessions and @idempotency replaced by the quoted table names.
  [[nodiscard]] std::string expand_table_names(std::string_view sql) const;

  // Returns the cached prepared statement for sql, preparing it on first use.
  Result<sqlite3_stmt*> prepare(std::string_view sql);
  // Runs a statement that returns no rows; failure starts the error message, e.g. "failed to
  // commit the sessions".
  Status execute(std::string_view sql, std::string_view failure);
  Error sqlite_error(std::string_view failure, int result_code) const;

  // Upserts and deletes the rows for replace_post_sessions inside its transaction. keys contains
  // the (date, session) pair of each record.
  Result<ReplaceOutcome> write_post_sessions(
      const SourceRef& source, const std::vector<SessionRecord>& records,
      const std::set<std::pair<std::string, std::string>>& keys);
  Result<std::vector<SessionRecord>> select_records(std::string_view sql,
                                                    const std::vector<std::string>& parameters);
  Result<PostState> read_post_state(Statement& row);

  std::filesystem::path file_;
  sqlite3* db_;
  SqliteTableNames names_;
  std::mutex mutex_;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace wodetl
