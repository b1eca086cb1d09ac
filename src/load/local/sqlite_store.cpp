#include "load/local/sqlite_store.hpp"

#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <set>
#include <system_error>
#include <utility>

#include "core/json_codec.hpp"
#include "core/utc_time.hpp"
#include "load/bucket_keys.hpp"
#include "load/local/sqlite_schema.hpp"

namespace wodetl {

namespace fs = std::filesystem;

namespace {

// Every SQL text is a constant with ?N parameters, and values reach SQLite only as bound
// parameters. @sessions and @idempotency stand for the configured table names, which prepare()
// puts in as quoted identifiers.
constexpr std::string_view kSelectSessionRow =
    "SELECT post_id, day_index, record_json FROM @sessions WHERE date = ?1 AND session = ?2";

constexpr std::string_view kUpsertSession = R"sql(
INSERT INTO @sessions (date, session, post_id, day_index, record_json, warm_up,
                      segment_a, segment_b, segment_c, segment_d, segment_e, rest_day,
                      source_slug, source_link, source_modified_gmt, updated_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
ON CONFLICT (date, session) DO UPDATE SET
  post_id = excluded.post_id, day_index = excluded.day_index, record_json = excluded.record_json,
  warm_up = excluded.warm_up, segment_a = excluded.segment_a, segment_b = excluded.segment_b,
  segment_c = excluded.segment_c, segment_d = excluded.segment_d, segment_e = excluded.segment_e,
  rest_day = excluded.rest_day, source_slug = excluded.source_slug,
  source_link = excluded.source_link, source_modified_gmt = excluded.source_modified_gmt,
  updated_at = excluded.updated_at
)sql";

constexpr std::string_view kSelectPostSessionKeys =
    "SELECT date, session FROM @sessions WHERE post_id = ?1";

constexpr std::string_view kDeleteSession =
    "DELETE FROM @sessions WHERE date = ?1 AND session = ?2";

constexpr std::string_view kSelectSessionsBetween =
    "SELECT date, session, record_json FROM @sessions WHERE date BETWEEN ?1 AND ?2 "
    "ORDER BY date, day_index, post_id, session";

constexpr std::string_view kSelectAllSessions =
    "SELECT date, session, record_json FROM @sessions ORDER BY date, day_index, post_id, session";

constexpr std::string_view kSelectIdempotencyTtl =
    "SELECT ttl FROM @idempotency WHERE idempotency_key = ?1";

constexpr std::string_view kDeleteExpiredIdempotency = "DELETE FROM @idempotency WHERE ttl <= ?1";

constexpr std::string_view kUpsertIdempotency = R"sql(
INSERT INTO @idempotency (idempotency_key, operation, ttl, completed_at) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (idempotency_key) DO UPDATE SET
  operation = excluded.operation, ttl = excluded.ttl, completed_at = excluded.completed_at
)sql";

// Takes over a key only when its record has expired by ?5 (now, epoch seconds).
constexpr std::string_view kClaimIdempotency = R"sql(
INSERT INTO @idempotency (idempotency_key, operation, ttl, completed_at) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (idempotency_key) DO UPDATE SET
  operation = excluded.operation, ttl = excluded.ttl, completed_at = excluded.completed_at
WHERE ttl <= ?5
)sql";

constexpr std::string_view kDeleteIdempotency =
    "DELETE FROM @idempotency WHERE idempotency_key = ?1";

constexpr std::string_view kUpsertPost = R"sql(
INSERT INTO posts (post_id, slug, link, modified_gmt, title, content_sha256, status, reason,
                   preamble_json, session_dates_json, updated_at, process_key, sources_json)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
ON CONFLICT (post_id) DO UPDATE SET
  slug = excluded.slug, link = excluded.link, modified_gmt = excluded.modified_gmt,
  title = excluded.title, content_sha256 = excluded.content_sha256, status = excluded.status,
  reason = excluded.reason, preamble_json = excluded.preamble_json,
  session_dates_json = excluded.session_dates_json, updated_at = excluded.updated_at,
  process_key = excluded.process_key, sources_json = excluded.sources_json
)sql";

// read_post_state reads the columns in this order.
constexpr std::string_view kSelectPost =
    "SELECT post_id, slug, link, modified_gmt, title, content_sha256, status, reason, "
    "preamble_json, session_dates_json, process_key, sources_json FROM posts WHERE post_id = ?1";

constexpr std::string_view kSelectAllPosts =
    "SELECT post_id, slug, link, modified_gmt, title, content_sha256, status, reason, "
    "preamble_json, session_dates_json, process_key, sources_json FROM posts ORDER BY post_id";

constexpr std::string_view kDeletePost = "DELETE FROM posts WHERE post_id = ?1";

constexpr std::string_view kSelectSyncCursor =
    "SELECT source, listing, modified_gmt, updated_at FROM sync_cursors WHERE source = ?1";

constexpr std::string_view kUpsertSyncCursor = R"sql(
INSERT INTO sync_cursors (source, listing, modified_gmt, updated_at) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (source) DO UPDATE SET
  listing = excluded.listing, modified_gmt = excluded.modified_gmt,
  updated_at = excluded.updated_at
)sql";

std::string dump_json(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string describe_key(const std::string& date, const std::string& session) {
  return "session " + date + " '" + session + "'";
}

}  // namespace

//! Prepared statement borrowed from the cache. It resets the statement and clears its parameters
//! when it goes out of scope, so the next use starts clean. step() returns the result of the
//! first failed bind, so callers check one result code per execution.
class SqliteStore::Statement {
 public:
  explicit Statement(sqlite3_stmt* statement) : statement_(statement) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }

  Statement& bind_text(int index, std::string_view text) {
    // A null pointer would bind SQL NULL, so an empty view binds "" instead.
    const char* data = text.data() != nullptr ? text.data() : "";
    keep_first_error(
        sqlite3_bind_text64(statement_, index, data, text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
  }

  Statement& bind_integer(int index, std::int64_t value) {
    keep_first_error(sqlite3_bind_int64(statement_, index, value));
    return *this;
  }

  //! Returns SQLITE_ROW, SQLITE_DONE, or the error code of a failed bind or step.
  int step() {
    if (bind_result_ != SQLITE_OK) {
      return bind_result_;
    }
    return sqlite3_step(statement_);
  }

  //! Returns the text of a column of the current row, or "" for NULL.
  [[nodiscard]] std::string text(int column) const {
    const unsigned char* value = sqlite3_column_text(statement_, column);
    if (value == nullptr) {
      return {};
    }
    return std::string(reinterpret_cast<const char*>(value),
                       static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
  }

  [[nodiscard]] std::int64_t integer(int column) const {
    return sqlite3_column_int64(statement_, column);
  }

 private:
  void keep_first_error(int result) {
    if (bind_result_ == SQLITE_OK) {
      bind_result_ = result;
    }
  }

  sqlite3_stmt* statement_;
  int bind_result_ = SQLITE_OK;
};

namespace {

// Tables named by SqliteTableNames. Created on every open when missing, because a user may
// point the same file at other table names, as with DynamoDB tables.
constexpr std::string_view kCreateNamedTables = R"sql(
CREATE TABLE IF NOT EXISTS @sessions (
  date TEXT NOT NULL,
  session TEXT NOT NULL,
  post_id INTEGER NOT NULL,
  day_index INTEGER NOT NULL,
  record_json TEXT NOT NULL,
  warm_up TEXT,
  segment_a TEXT,
  segment_b TEXT,
  segment_c TEXT,
  segment_d TEXT,
  segment_e TEXT,
  rest_day INTEGER NOT NULL,
  source_slug TEXT,
  source_link TEXT,
  source_modified_gmt TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (date, session)
);
CREATE INDEX IF NOT EXISTS @sessions_post_id_index ON @sessions (post_id);
CREATE TABLE IF NOT EXISTS @idempotency (
  idempotency_key TEXT PRIMARY KEY,
  operation TEXT NOT NULL,
  ttl INTEGER NOT NULL,
  completed_at TEXT NOT NULL
);
)sql";

std::string quoted_identifier(const std::string& name) {
  return "\"" + name + "\"";
}

void replace_all(std::string& text, std::string_view token, const std::string& value) {
  for (std::size_t at = text.find(token); at != std::string::npos;
       at = text.find(token, at + value.size())) {
    text.replace(at, token.size(), value);
  }
}

}  // namespace

Status validate_table_name(const std::string& name) {
  const bool valid_length = name.size() >= 3 && name.size() <= 255;
  const bool valid_characters =
      name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-") ==
      std::string::npos;
  if (!valid_length || !valid_characters || name == "posts") {
    return Error::invalid_input(
        "'" + name + "' is not a valid table name", {},
        "Use 3 to 255 letters, digits, '_', '.' or '-', as DynamoDB table names do, "
        "and not 'posts'");
  }
  return ok_status();
}

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const fs::path& file,
                                                       SqliteTableNames names) {
  for (const std::string* name : {&names.sessions, &names.idempotency}) {
    if (Status valid = validate_table_name(*name); !valid) {
      return valid.error();
    }
  }
  if (names.sessions == names.idempotency) {
    return Error::invalid_input(
        "the sessions and idempotency tables must have different names, both are '" +
        names.sessions + "'");
  }
  if (file.has_parent_path()) {
    std::error_code error;
    fs::create_directories(file.parent_path(), error);
    if (error && !fs::is_directory(file.parent_path())) {
      return Error::store("failed to create folder " + file.parent_path().string() +
                          " for SQLite database " + file.string() + ": " + error.message());
    }
  }

  sqlite3* db = nullptr;
  const int opened = sqlite3_open_v2(
      file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (opened != SQLITE_OK) {
    std::string detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(opened);
    sqlite3_close_v2(db);
    return Error::store("failed to open SQLite database " + file.string() + ": " + detail);
  }
  // From here the store owns db and closes it on every return.
  std::unique_ptr<SqliteStore> store(new SqliteStore(file, db, std::move(names)));
  sqlite3_busy_timeout(db, kBusyTimeoutMs);

  // The first statement reads the file header, so a file that is not a database fails here.
  {
    Result<sqlite3_stmt*> prepared = store->prepare("PRAGMA journal_mode = WAL");
    if (!prepared) {
      return prepared.error();
    }
    Statement journal_mode(*prepared);
    if (journal_mode.step() != SQLITE_ROW) {
      return store->sqlite_error("failed to set the journal mode", sqlite3_errcode(db));
    }
    // WAL needs shared memory, which network file systems may lack. SQLite then keeps its
    // rollback journal, which still works for a single process.
    if (std::string mode = journal_mode.text(0); mode != "wal") {
      spdlog::warn("SQLite database {}: WAL mode unavailable, journal mode is {}", file.string(),
                   mode);
    }
  }

  if (Status migrated = migrate_schema(db, file); !migrated) {
    return migrated.error();
  }
  const std::string create_tables = store->expand_table_names(kCreateNamedTables);
  char* message = nullptr;
  if (sqlite3_exec(db, create_tables.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string detail = message != nullptr ? message : sqlite3_errmsg(db);
    sqlite3_free(message);
    return Error::store("failed to create the sessions and idempotency tables in SQLite database " +
                        file.string() + ": " + detail);
  }
  return store;
}

SqliteStore::SqliteStore(fs::path file, sqlite3* db, SqliteTableNames names)
    : file_(std::move(file)), db_(db), names_(std::move(names)) {}

std::string SqliteStore::expand_table_names(std::string_view sql) const {
  std::string expanded(sql);
  replace_all(expanded, "@sessions_post_id_index", quoted_identifier(names_.sessions + "_post_id"));
  replace_all(expanded, "@sessions", quoted_identifier(names_.sessions));
  replace_all(expanded, "@idempotency", quoted_identifier(names_.idempotency));
  return expanded;
}

SqliteStore::~SqliteStore() {
  for (auto& [sql, statement] : statements_) {
    sqlite3_finalize(statement);
  }
  sqlite3_close_v2(db_);
}

Result<sqlite3_stmt*> SqliteStore::prepare(std::string_view sql) {
  std::string key(sql);
  if (auto found = statements_.find(key); found != statements_.end()) {
    return found->second;
  }
  const std::string expanded = expand_table_names(sql);
  sqlite3_stmt* statement = nullptr;
  const int result = sqlite3_prepare_v3(db_, expanded.data(), static_cast<int>(expanded.size()),
                                        SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
  if (result != SQLITE_OK) {
    return sqlite_error("failed to prepare a statement", result);
  }
  statements_.emplace(std::move(key), statement);
  return statement;
}

Status SqliteStore::execute(std::string_view sql, std::string_view failure) {
  Result<sqlite3_stmt*> prepared = prepare(sql);
  if (!prepared) {
    return prepared.error();
  }
  Statement statement(*prepared);
  if (int result = statement.step(); result != SQLITE_DONE && result != SQLITE_ROW) {
    return sqlite_error(failure, result);
  }
  return ok_status();
}

Error SqliteStore::sqlite_error(std::string_view failure, int result_code) const {
  // A failed bind leaves the connection's last message unrelated, so use the code's text then.
  const char* detail =
      sqlite3_errcode(db_) == result_code ? sqlite3_errmsg(db_) : sqlite3_errstr(result_code);
  return Error::store(std::string(failure) + " in SQLite database " + file_.string() + ": " +
                      detail);
}

Result<ReplaceOutcome> SqliteStore::replace_post_sessions(
    const SourceRef& source, const std::vector<SessionRecord>& records) {
  std::set<std::pair<std::string, std::string>> keys;
  for (const SessionRecord& record : records) {
    if (!keys.emplace(record.date, record.session).second) {
      return Error::invalid_input(
          "two records have the key " + describe_key(record.date, record.session),
          post_ref_of(source), "Give each day of the post a distinct date or session name");
    }
  }

  std::lock_guard lock(mutex_);
  if (Status begun = execute("BEGIN IMMEDIATE", "failed to start a transaction"); !begun) {
    Error error = begun.error();
    error.post = post_ref_of(source);
    return error;
  }

  Result<ReplaceOutcome> outcome = write_post_sessions(source, records, keys);
  if (outcome) {
    if (Status committed = execute("COMMIT", "failed to commit the sessions"); !committed) {
      outcome = committed.error();
    }
  }
  if (!outcome) {
    if (Status rolled_back = execute("ROLLBACK", "failed to roll back the sessions");
        !rolled_back) {
      // SQLite rolls back by itself after some errors, so a failed ROLLBACK is not a new problem.
      spdlog::debug("{}", rolled_back.error().message);
    }
    Error error = outcome.error();
    error.post = post_ref_of(source);
    return error;
  }
  return outcome;
}

Result<ReplaceOutcome> SqliteStore::write_post_sessions(
    const SourceRef& source, const std::vector<SessionRecord>& records,
    const std::set<std::pair<std::string, std::string>>& keys) {
  const std::string updated_at = format_utc_milliseconds(Clock::now());
  ReplaceOutcome outcome;

  for (std::size_t day_index = 0; day_index < records.size(); ++day_index) {
    const SessionRecord& record = records[day_index];
    const std::string record_json = compact_record_json(record);

    Result<sqlite3_stmt*> select_prepared = prepare(kSelectSessionRow);
    if (!select_prepared) {
      return select_prepared.error();
    }
    Statement select(*select_prepared);
    select.bind_text(1, record.date).bind_text(2, record.session);
    const int selected = select.step();
    if (selected != SQLITE_ROW && selected != SQLITE_DONE) {
      return sqlite_error("failed to read " + describe_key(record.date, record.session), selected);
    }
    if (selected == SQLITE_ROW && select.integer(0) == source.post_id &&
        select.integer(1) == static_cast<std::int64_t>(day_index) &&
        select.text(2) == record_json) {
      ++outcome.unchanged;
      continue;
    }

    Result<sqlite3_stmt*> upsert_prepared = prepare(kUpsertSession);
    if (!upsert_prepared) {
      return upsert_prepared.error();
    }
    Statement upsert(*upsert_prepared);
    upsert.bind_text(1, record.date)
        .bind_text(2, record.session)
        .bind_integer(3, source.post_id)
        .bind_integer(4, static_cast<std::int64_t>(day_index))
        .bind_text(5, record_json)
        .bind_text(6, record.warm_up)
        .bind_text(7, record.segment_a)
        .bind_text(8, record.segment_b)
        .bind_text(9, record.segment_c)
        .bind_text(10, record.segment_d)
        .bind_text(11, record.segment_e)
        .bind_integer(12, record.rest_day ? 1 : 0)
        .bind_text(13, record.source.slug)
        .bind_text(14, record.source.link)
        .bind_text(15, record.source.modified_gmt)
        .bind_text(16, updated_at);
    if (int result = upsert.step(); result != SQLITE_DONE) {
      return sqlite_error("failed to write " + describe_key(record.date, record.session), result);
    }
    ++outcome.written;
  }

  // Collect the stale keys first, because SQLite leaves undefined whether a running SELECT sees
  // rows that the same connection deletes (sqlite.org/isolation.html).
  std::vector<std::pair<std::string, std::string>> stale_keys;
  {
    Result<sqlite3_stmt*> prepared = prepare(kSelectPostSessionKeys);
    if (!prepared) {
      return prepared.error();
    }
    Statement select(*prepared);
    select.bind_integer(1, source.post_id);
    int result = SQLITE_ROW;
    while ((result = select.step()) == SQLITE_ROW) {
      std::pair<std::string, std::string> key{select.text(0), select.text(1)};
      if (!keys.contains(key)) {
        stale_keys.push_back(std::move(key));
      }
    }
    if (result != SQLITE_DONE) {
      return sqlite_error("failed to list the stored sessions of the post", result);
    }
  }

  for (const auto& [date, session] : stale_keys) {
    Result<sqlite3_stmt*> prepared = prepare(kDeleteSession);
    if (!prepared) {
      return prepared.error();
    }
    Statement remove(*prepared);
    remove.bind_text(1, date).bind_text(2, session);
    if (int result = remove.step(); result != SQLITE_DONE) {
      return sqlite_error("failed to delete " + describe_key(date, session), result);
    }
    ++outcome.removed;
  }
  return outcome;
}

Result<std::vector<SessionRecord>> SqliteStore::sessions_between(const std::string& first_date,
                                                                 const std::string& last_date) {
  std::lock_guard lock(mutex_);
  return select_records(kSelectSessionsBetween, {first_date, last_date});
}

Result<std::vector<SessionRecord>> SqliteStore::all_sessions() {
  std::lock_guard lock(mutex_);
  return select_records(kSelectAllSessions, {});
}

Result<std::vector<SessionRecord>> SqliteStore::select_records(
    std::string_view sql, const std::vector<std::string>& parameters) {
  Result<sqlite3_stmt*> prepared = prepare(sql);
  if (!prepared) {
    return prepared.error();
  }
  Statement select(*prepared);
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    select.bind_text(static_cast<int>(i + 1), parameters[i]);
  }

  std::vector<SessionRecord> records;
  int result = SQLITE_ROW;
  while ((result = select.step()) == SQLITE_ROW) {
    try {
      records.push_back(Json::parse(select.text(2)).get<SessionRecord>());
    } catch (const Json::exception& exception) {
      return Error::store("stored " + describe_key(select.text(0), select.text(1)) +
                          " in SQLite database " + file_.string() +
                          " has invalid record_json: " + exception.what());
    }
  }
  if (result != SQLITE_DONE) {
    return sqlite_error("failed to read sessions", result);
  }
  return records;
}

Result<bool> SqliteStore::is_done(const std::string& idempotency_key, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  Result<sqlite3_stmt*> prepared = prepare(kSelectIdempotencyTtl);
  if (!prepared) {
    return prepared.error();
  }
  Statement select(*prepared);
  select.bind_text(1, idempotency_key);
  const int result = select.step();
  if (result == SQLITE_DONE) {
    return false;
  }
  if (result != SQLITE_ROW) {
    return sqlite_error("failed to read idempotency key " + idempotency_key, result);
  }
  return select.integer(0) > epoch_seconds(now);
}

Status SqliteStore::mark_done(const std::string& idempotency_key, const std::string& operation,
                              Clock::time_point expires_at) {
  std::lock_guard lock(mutex_);
  const Clock::time_point now = Clock::now();
  {
    Result<sqlite3_stmt*> prepared = prepare(kDeleteExpiredIdempotency);
    if (!prepared) {
      return prepared.error();
    }
    Statement purge(*prepared);
    purge.bind_integer(1, epoch_seconds(now));
    if (int result = purge.step(); result != SQLITE_DONE) {
      return sqlite_error("failed to delete expired idempotency keys", result);
    }
  }

  Result<sqlite3_stmt*> prepared = prepare(kUpsertIdempotency);
  if (!prepared) {
    return prepared.error();
  }
  Statement upsert(*prepared);
  upsert.bind_text(1, idempotency_key)
      .bind_text(2, operation)
      .bind_integer(3, epoch_seconds(expires_at))
      .bind_text(4, format_utc_milliseconds(now));
  if (int result = upsert.step(); result != SQLITE_DONE) {
    return sqlite_error("failed to write idempotency key " + idempotency_key + " for " + operation,
                        result);
  }
  return ok_status();
}

Result<bool> SqliteStore::claim(const std::string& idempotency_key, const std::string& operation,
                                Clock::time_point expires_at, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  Result<sqlite3_stmt*> prepared = prepare(kClaimIdempotency);
  if (!prepared) {
    return prepared.error();
  }
  Statement insert(*prepared);
  insert.bind_text(1, idempotency_key)
      .bind_text(2, operation)
      .bind_integer(3, epoch_seconds(expires_at))
      .bind_text(4, format_utc_milliseconds(Clock::now()))
      .bind_integer(5, epoch_seconds(now));
  if (int result = insert.step(); result != SQLITE_DONE) {
    return sqlite_error("failed to claim idempotency key " + idempotency_key + " for " + operation,
                        result);
  }
  // The upsert changes no row when an unexpired record has the key.
  return sqlite3_changes(db_) > 0;
}

Status SqliteStore::release(const std::string& idempotency_key) {
  std::lock_guard lock(mutex_);
  Result<sqlite3_stmt*> prepared = prepare(kDeleteIdempotency);
  if (!prepared) {
    return prepared.error();
  }
  Statement remove(*prepared);
  remove.bind_text(1, idempotency_key);
  if (int result = remove.step(); result != SQLITE_DONE) {
    return sqlite_error("failed to release idempotency key " + idempotency_key, result);
  }
  return ok_status();
}

Status SqliteStore::save_post_state(const PostState& state) {
  const std::string preamble_json = dump_json(Json(state.preamble));
  const std::string session_dates_json = dump_json(Json(state.session_dates));
  const std::string sources_json = dump_json(Json(state.sources));

  std::lock_guard lock(mutex_);
  Result<sqlite3_stmt*> prepared = prepare(kUpsertPost);
  if (!prepared) {
    return prepared.error();
  }
  Statement upsert(*prepared);
  upsert.bind_integer(1, state.source.post_id)
      .bind_text(2, state.source.slug)
      .bind_text(3, state.source.link)
      .bind_text(4, state.source.modified_gmt)
      .bind_text(5, state.source.title)
      .bind_text(6, state.content_sha256)
      .bind_text(7, to_string(state.status))
      .bind_text(8, state.reason)
      .bind_text(9, preamble_json)
      .bind_text(10, session_dates_json)
      .bind_text(11, format_utc_milliseconds(Clock::now()))
      .bind_text(12, state.process_key)
      .bind_text(13, sources_json);
  if (int result = upsert.step(); result != SQLITE_DONE) {
    Error error = sqlite_error("failed to write the post state", result);
    error.post = post_ref_of(state.source);
    return error;
  }
  return ok_status();
}

Result<PostState> SqliteStore::read_post_state(Statement& row) {
  PostState state;
  state.source.post_id = row.integer(0);
  state.source.slug = row.text(1);
  state.source.link = row.text(2);
  state.source.modified_gmt = row.text(3);
  state.source.title = row.text(4);
  state.content_sha256 = row.text(5);
  state.reason = row.text(7);
  state.process_key = row.text(10);

  const std::string status = row.text(6);
  std::optional<PostStatus> parsed_status = parse_post_status(status);
  if (!parsed_status) {
    return Error::store("stored post state in SQLite database " + file_.string() +
                            " has unknown status '" + status + "'",
                        post_ref_of(state.source));
  }
  state.status = *parsed_status;

  try {
    state.preamble = Json::parse(row.text(8)).get<std::vector<Line>>();
    state.session_dates = Json::parse(row.text(9)).get<std::vector<std::string>>();
    // NULL in rows written before the sources were recorded.
    const std::string sources_json = row.text(11);
    if (!sources_json.empty()) {
      state.sources = Json::parse(sources_json).get<std::vector<std::string>>();
    }
  } catch (const Json::exception& exception) {
    return Error::store("stored post state in SQLite database " + file_.string() +
                            " has invalid JSON: " + exception.what(),
                        post_ref_of(state.source));
  }
  return state;
}

Result<std::optional<PostState>> SqliteStore::find_post_state(std::int64_t post_id) {
  std::lock_guard lock(mutex_);
  Result<sqlite3_stmt*> prepared = prepare(kSelectPost);
  if (!prepared) {
    return prepared.error();
  }
  Statement select(*prepared);
  select.bind_integer(1, post_id);
  const int result = select.step();
  if (result == SQLITE_DONE) {
    return std::optional<PostState>{};
  }
  if (result != SQLITE_ROW) {
    return sqlite_error("failed to read the state of post " + std::to_string(post_id), result);
  }
  Result<PostState> state = read_post_state(select);
  if (!state) {
    return state.error();
  }
  return std::optional<PostState>{std::move(*state)};
}

Status SqliteStore::remove_post_state(std::int64_t post_id) {
  std::lock_guard lock(mutex_);
  Result<sqlite3_stmt*> prepared = prepare(kDeletePost);
  if (!prepared) {
    return prepared.error();
  }
  Statement remove(*prepared);
  remove.bind_integer(1, post_id);
  if (int result = remove.step(); result != SQLITE_DONE) {
    Error error =
        sqlite_error("failed to delete the state of post " + std::to_string(post_id), result);
    error.post.id = post_id;
    return error;
  }
  return ok_status();
}

Result<std::vector<PostState>> SqliteStore::all_post_states() {
  std::lock_guard lock(mutex_);
  Result<sqlite3_stmt*> prepared = prepare(kSelectAllPosts);
  if (!prepared) {
    return prepared.error();
  }
  Statement select(*prepared);
  std::vector<PostState> states;
  int result = SQLITE_ROW;
  while ((result = select.step()) == SQLITE_ROW) {
    Result<PostState> state = read_post_state(select);
    if (!state) {
      return state.error();
    }
    states.push_back(std::move(*state));
  }
  if (result != SQLITE_DONE) {
    return sqlite_error("failed to read the post states", result);
  }
  return states;
}

Result<std::optional<SyncCursor>> SqliteStore::find_sync_cursor(const std::string& source) {
  std::lock_guard lock(mutex_);
  Result<sqlite3_stmt*> prepared = prepare(kSelectSyncCursor);
  if (!prepared) {
    return prepared.error();
  }
  Statement select(*prepared);
  select.bind_text(1, source);
  const int result = select.step();
  if (result == SQLITE_DONE) {
    return std::optional<SyncCursor>{};
  }
  if (result != SQLITE_ROW) {
    return sqlite_error("failed to read the sync cursor of source '" + source + "'", result);
  }
  return std::optional<SyncCursor>{
      SyncCursor{select.text(0), select.text(1), select.text(2), select.text(3)}};
}

Status SqliteStore::save_sync_cursor(const SyncCursor& cursor) {
  std::lock_guard lock(mutex_);
  Result<sqlite3_stmt*> prepared = prepare(kUpsertSyncCursor);
  if (!prepared) {
    return prepared.error();
  }
  Statement upsert(*prepared);
  upsert.bind_text(1, cursor.source)
      .bind_text(2, cursor.listing)
      .bind_text(3, cursor.modified_gmt)
      .bind_text(
          4, cursor.updated_at.empty() ? format_utc_milliseconds(Clock::now()) : cursor.updated_at);
  if (int result = upsert.step(); result != SQLITE_DONE) {
    return sqlite_error("failed to write the sync cursor of source '" + cursor.source + "'",
                        result);
  }
  return ok_status();
}

Result<int> SqliteStore::schema_version() {
  std::lock_guard lock(mutex_);
  return read_schema_version(db_, file_);
}

}  // namespace wodetl
