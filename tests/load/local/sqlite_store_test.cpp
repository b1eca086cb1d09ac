#include "load/local/sqlite_store.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "load/bucket_keys.hpp"
#include "load/load_test_support.hpp"
#include "load/local/sqlite_schema.hpp"

namespace wodetl {
namespace {

namespace fs = std::filesystem;
using testing::expect_same_state;
using testing::make_post_state;
using testing::make_record;
using testing::make_source;
using testing::TempFolder;

// Rows of the sessions table as (date, session) -> column values, read through a second
// connection so that the test reads what is on disk.
struct SessionRow {
  std::int64_t post_id = 0;
  std::int64_t day_index = 0;
  std::string updated_at;
  std::string segment_a;

  bool operator==(const SessionRow&) const = default;
};
using SessionRows = std::map<std::pair<std::string, std::string>, SessionRow>;

class Connection {
 public:
  explicit Connection(const fs::path& file) {
    EXPECT_EQ(
        sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr),
        SQLITE_OK);
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection() { sqlite3_close_v2(db_); }

  void execute(const char* sql) {
    char* message = nullptr;
    EXPECT_EQ(sqlite3_exec(db_, sql, nullptr, nullptr, &message), SQLITE_OK)
        << (message != nullptr ? message : "");
    sqlite3_free(message);
  }

  std::vector<std::string> texts(const char* sql) {
    std::vector<std::string> values;
    sqlite3_stmt* statement = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql, -1, &statement, nullptr), SQLITE_OK);
    while (sqlite3_step(statement) == SQLITE_ROW) {
      values.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
    }
    sqlite3_finalize(statement);
    return values;
  }

  SessionRows session_rows() {
    SessionRows rows;
    sqlite3_stmt* statement = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_,
                                 "SELECT date, session, post_id, day_index, updated_at, segment_a "
                                 "FROM sessions",
                                 -1, &statement, nullptr),
              SQLITE_OK);
    while (sqlite3_step(statement) == SQLITE_ROW) {
      auto text = [&](int column) {
        return std::string(reinterpret_cast<const char*>(sqlite3_column_text(statement, column)));
      };
      rows[{text(0), text(1)}] = SessionRow{sqlite3_column_int64(statement, 2),
                                            sqlite3_column_int64(statement, 3), text(4), text(5)};
    }
    sqlite3_finalize(statement);
    return rows;
  }

 private:
  sqlite3* db_ = nullptr;
};

std::unique_ptr<SqliteStore> open_store(const fs::path& file) {
  Result<std::unique_ptr<SqliteStore>> store = SqliteStore::open(file);
  EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error().to_string());
  return store.ok() ? std::move(store).value() : nullptr;
}

std::vector<std::string> dumps(const std::vector<SessionRecord>& records) {
  std::vector<std::string> lines;
  for (const SessionRecord& record : records) {
    lines.push_back(compact_record_json(record));
  }
  return lines;
}

std::vector<SessionRecord> week_of(const SourceRef& source, const std::vector<std::string>& dates) {
  std::vector<SessionRecord> records;
  for (const std::string& date : dates) {
    records.push_back(make_record(source, date, "Day " + date, "Back Squat 5x5 @ 70%"));
  }
  return records;
}

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = temp_.path() / "data" / "wodetl.sqlite";
    store_ = open_store(file_);
    ASSERT_NE(store_, nullptr);
  }

  TempFolder temp_;
  fs::path file_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(SqliteStoreTest, OpenCreatesFileAndSchema) {
  EXPECT_TRUE(fs::is_regular_file(file_));
  Result<int> version = store_->schema_version();
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(*version, 3);
  Result<std::vector<SessionRecord>> records = store_->all_sessions();
  ASSERT_TRUE(records.ok());
  EXPECT_TRUE(records->empty());
}

TEST_F(SqliteStoreTest, FirstReplaceWritesAll) {
  const SourceRef source = make_source(101, "week-one");
  const auto records = week_of(source, {"2020-12-21", "2020-12-22", "2020-12-23"});

  Result<ReplaceOutcome> outcome = store_->replace_post_sessions(source, records);

  ASSERT_TRUE(outcome.ok()) << outcome.error().to_string();
  EXPECT_EQ(outcome->written, 3);
  EXPECT_EQ(outcome->unchanged, 0);
  EXPECT_EQ(outcome->removed, 0);
  Result<std::vector<SessionRecord>> stored = store_->all_sessions();
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(dumps(*stored), dumps(records));
}

TEST_F(SqliteStoreTest, SameReplaceLeavesRowsUntouched) {
  const SourceRef source = make_source(101, "week-one");
  const auto records = week_of(source, {"2020-12-21", "2020-12-22", "2020-12-23"});
  ASSERT_TRUE(store_->replace_post_sessions(source, records).ok());
  // Replace updated_at with a marker that any write would overwrite.
  Connection connection(file_);
  connection.execute("UPDATE sessions SET updated_at = 'marker'");
  const SessionRows before = connection.session_rows();

  Result<ReplaceOutcome> outcome = store_->replace_post_sessions(source, records);

  ASSERT_TRUE(outcome.ok()) << outcome.error().to_string();
  EXPECT_EQ(outcome->written, 0);
  EXPECT_EQ(outcome->unchanged, 3);
  EXPECT_EQ(outcome->removed, 0);
  EXPECT_EQ(connection.session_rows(), before);
}

TEST_F(SqliteStoreTest, EditedRecordIsWritten) {
  const SourceRef source = make_source(101, "week-one");
  auto records = week_of(source, {"2020-12-21", "2020-12-22", "2020-12-23"});
  ASSERT_TRUE(store_->replace_post_sessions(source, records).ok());
  Connection connection(file_);
  connection.execute("UPDATE sessions SET updated_at = 'marker'");

  records[1] = make_record(source, "2020-12-22", "Day 2020-12-22", "Deadlift 3x3");
  Result<ReplaceOutcome> outcome = store_->replace_post_sessions(source, records);

  ASSERT_TRUE(outcome.ok()) << outcome.error().to_string();
  EXPECT_EQ(outcome->written, 1);
  EXPECT_EQ(outcome->unchanged, 2);
  EXPECT_EQ(outcome->removed, 0);
  const SessionRows rows = connection.session_rows();
  const SessionRow& edited = rows.at({"2020-12-22", "Day 2020-12-22"});
  EXPECT_EQ(edited.segment_a, "Deadlift 3x3");
  EXPECT_NE(edited.updated_at, "marker");
  EXPECT_EQ(rows.at({"2020-12-21", "Day 2020-12-21"}).updated_at, "marker");
  EXPECT_EQ(rows.at({"2020-12-23", "Day 2020-12-23"}).updated_at, "marker");
}

TEST_F(SqliteStoreTest, DroppedRecordIsRemoved) {
  const SourceRef source = make_source(101, "week-one");
  auto records = week_of(source, {"2020-12-21", "2020-12-22", "2020-12-23"});
  ASSERT_TRUE(store_->replace_post_sessions(source, records).ok());

  records.pop_back();
  Result<ReplaceOutcome> outcome = store_->replace_post_sessions(source, records);

  ASSERT_TRUE(outcome.ok()) << outcome.error().to_string();
  EXPECT_EQ(outcome->written, 0);
  EXPECT_EQ(outcome->unchanged, 2);
  EXPECT_EQ(outcome->removed, 1);
  Result<std::vector<SessionRecord>> stored = store_->all_sessions();
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(dumps(*stored), dumps(records));
}

TEST_F(SqliteStoreTest, EmptyReplaceRemovesAll) {
  const SourceRef source = make_source(101, "week-one");
  ASSERT_TRUE(
      store_->replace_post_sessions(source, week_of(source, {"2020-12-21", "2020-12-22"})).ok());

  Result<ReplaceOutcome> outcome = store_->replace_post_sessions(source, {});

  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome->removed, 2);
  Result<std::vector<SessionRecord>> stored = store_->all_sessions();
  ASSERT_TRUE(stored.ok());
  EXPECT_TRUE(stored->empty());
}

TEST_F(SqliteStoreTest, OtherPostsRowsUntouched) {
  const SourceRef first = make_source(101, "week-one");
  const SourceRef second = make_source(102, "week-two");
  ASSERT_TRUE(
      store_->replace_post_sessions(first, week_of(first, {"2020-12-21", "2020-12-22"})).ok());
  ASSERT_TRUE(
      store_->replace_post_sessions(second, week_of(second, {"2020-12-28", "2020-12-29"})).ok());
  Connection connection(file_);
  connection.execute("UPDATE sessions SET updated_at = 'marker'");

  Result<ReplaceOutcome> outcome =
      store_->replace_post_sessions(second, week_of(second, {"2020-12-28"}));

  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome->removed, 1);
  const SessionRows rows = connection.session_rows();
  EXPECT_EQ(rows.size(), 3U);
  EXPECT_EQ(rows.at({"2020-12-21", "Day 2020-12-21"}),
            (SessionRow{101, 0, "marker", "Back Squat 5x5 @ 70%"}));
  EXPECT_EQ(rows.at({"2020-12-22", "Day 2020-12-22"}),
            (SessionRow{101, 1, "marker", "Back Squat 5x5 @ 70%"}));
}

TEST_F(SqliteStoreTest, KeyOfAnotherPostIsTakenOver) {
  const SourceRef first = make_source(101, "week-one");
  const SourceRef second = make_source(102, "week-one-corrected");
  ASSERT_TRUE(
      store_->replace_post_sessions(first, week_of(first, {"2020-12-21", "2020-12-22"})).ok());

  Result<ReplaceOutcome> taken =
      store_->replace_post_sessions(second, week_of(second, {"2020-12-22"}));
  ASSERT_TRUE(taken.ok());
  EXPECT_EQ(taken->written, 1);
  // The first post no longer owns 2020-12-22, so replacing it again does not delete that row.
  Result<ReplaceOutcome> again =
      store_->replace_post_sessions(first, week_of(first, {"2020-12-21"}));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->removed, 0);

  Connection connection(file_);
  const SessionRows rows = connection.session_rows();
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows.at({"2020-12-22", "Day 2020-12-22"}).post_id, 102);
}

TEST_F(SqliteStoreTest, DuplicateKeysRejected) {
  const SourceRef source = make_source(101, "week-one");
  auto records = week_of(source, {"2020-12-21", "2020-12-21"});

  Result<ReplaceOutcome> outcome = store_->replace_post_sessions(source, records);

  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(outcome.error().message.find("2020-12-21"), std::string::npos);
  EXPECT_EQ(outcome.error().post.id, 101);
  Result<std::vector<SessionRecord>> stored = store_->all_sessions();
  ASSERT_TRUE(stored.ok());
  EXPECT_TRUE(stored->empty());
}

TEST_F(SqliteStoreTest, SortsByDateThenDayIndex) {
  const SourceRef source = make_source(101, "week-one");
  const std::vector<SessionRecord> records = {
      make_record(source, "2020-12-22", "Tuesday", "Clean 5x2"),
      make_record(source, "2020-12-21", "Monday (Session Two)", "Row 2k"),
      make_record(source, "2020-12-21", "Monday (Session One)", "Snatch 5x2"),
  };
  ASSERT_TRUE(store_->replace_post_sessions(source, records).ok());

  Result<std::vector<SessionRecord>> stored = store_->all_sessions();

  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->size(), 3U);
  EXPECT_EQ((*stored)[0].session, "Monday (Session Two)");
  EXPECT_EQ((*stored)[1].session, "Monday (Session One)");
  EXPECT_EQ((*stored)[2].session, "Tuesday");
}

TEST_F(SqliteStoreTest, ReorderedRecordsUpdateDayIndex) {
  const SourceRef source = make_source(101, "week-one");
  std::vector<SessionRecord> records = {
      make_record(source, "2020-12-21", "Monday (Session One)", "Snatch 5x2"),
      make_record(source, "2020-12-21", "Monday (Session Two)", "Row 2k"),
  };
  ASSERT_TRUE(store_->replace_post_sessions(source, records).ok());

  std::swap(records[0], records[1]);
  Result<ReplaceOutcome> outcome = store_->replace_post_sessions(source, records);

  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome->written, 2);
  Result<std::vector<SessionRecord>> stored = store_->sessions_on("2020-12-21");
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(dumps(*stored), dumps(records));
}

TEST_F(SqliteStoreTest, SessionsBetweenIncludesBothEnds) {
  const SourceRef source = make_source(101, "week-one");
  ASSERT_TRUE(
      store_
          ->replace_post_sessions(source, week_of(source, {"2020-12-20", "2020-12-21", "2020-12-22",
                                                           "2020-12-23", "2020-12-24"}))
          .ok());

  Result<std::vector<SessionRecord>> between = store_->sessions_between("2020-12-21", "2020-12-23");
  Result<std::vector<SessionRecord>> on = store_->sessions_on("2020-12-24");
  Result<std::vector<SessionRecord>> none = store_->sessions_on("2021-01-01");

  ASSERT_TRUE(between.ok());
  ASSERT_EQ(between->size(), 3U);
  EXPECT_EQ(between->front().date, "2020-12-21");
  EXPECT_EQ(between->back().date, "2020-12-23");
  ASSERT_TRUE(on.ok());
  ASSERT_EQ(on->size(), 1U);
  EXPECT_EQ(on->front().date, "2020-12-24");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST_F(SqliteStoreTest, StoresFlatColumns) {
  const SourceRef source = make_source(101, "week-one");
  SessionRecord record = make_record(source, "2020-12-21", "Monday", "Back Squat 5x5");
  record.segment_b = "Pull-ups 4x8";
  record.rest_day = false;
  ASSERT_TRUE(store_->replace_post_sessions(source, {record}).ok());

  Connection connection(file_);
  const SessionRow row = connection.session_rows().at({"2020-12-21", "Monday"});
  EXPECT_EQ(row.post_id, 101);
  EXPECT_EQ(row.day_index, 0);
  EXPECT_EQ(row.segment_a, "Back Squat 5x5");
  EXPECT_FALSE(row.updated_at.empty());
}

TEST_F(SqliteStoreTest, CorruptRecordJsonIsStoreError) {
  const SourceRef source = make_source(101, "week-one");
  ASSERT_TRUE(store_->replace_post_sessions(source, week_of(source, {"2020-12-21"})).ok());
  Connection connection(file_);
  connection.execute("UPDATE sessions SET record_json = '{not json'");

  Result<std::vector<SessionRecord>> stored = store_->all_sessions();

  ASSERT_FALSE(stored.ok());
  EXPECT_EQ(stored.error().code, ErrorCode::kStore);
  EXPECT_NE(stored.error().message.find("2020-12-21"), std::string::npos);
  EXPECT_NE(stored.error().message.find(file_.string()), std::string::npos);
}

TEST_F(SqliteStoreTest, MarkDoneDeletesExpiredKeys) {
  const Clock::time_point now = Clock::now();
  ASSERT_TRUE(store_->mark_done("old", "store_sessions", now - std::chrono::hours(1)).ok());
  ASSERT_TRUE(store_->mark_done("new", "store_sessions", now + std::chrono::hours(24)).ok());

  // Read the raw table, because is_done already treats the old key as absent.
  Connection connection(file_);
  EXPECT_EQ(connection.texts("SELECT idempotency_key FROM idempotency"),
            std::vector<std::string>{"new"});
}

TEST_F(SqliteStoreTest, AllPostStatesSortedById) {
  PostState later = make_post_state();
  later.source = make_source(300, "week-three");
  later.status = PostStatus::kFailed;
  ASSERT_TRUE(store_->save_post_state(later).ok());
  ASSERT_TRUE(store_->save_post_state(make_post_state()).ok());

  Result<std::vector<PostState>> states = store_->all_post_states();

  ASSERT_TRUE(states.ok());
  ASSERT_EQ(states->size(), 2U);
  EXPECT_EQ((*states)[0].source.post_id, 101);
  EXPECT_EQ((*states)[1].source.post_id, 300);
  EXPECT_EQ((*states)[1].status, PostStatus::kFailed);
}

TEST_F(SqliteStoreTest, ReopenReadsEverythingBack) {
  const SourceRef source = make_source(101, "week-one");
  const auto records = week_of(source, {"2020-12-21", "2020-12-22"});
  const PostState state = make_post_state();
  const Clock::time_point now = Clock::now();
  ASSERT_TRUE(store_->replace_post_sessions(source, records).ok());
  ASSERT_TRUE(store_->save_post_state(state).ok());
  ASSERT_TRUE(store_->mark_done("key-1", "store_sessions", now + std::chrono::hours(24)).ok());
  store_.reset();

  std::unique_ptr<SqliteStore> reopened = open_store(file_);
  ASSERT_NE(reopened, nullptr);

  Result<std::vector<SessionRecord>> stored = reopened->all_sessions();
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(dumps(*stored), dumps(records));
  Result<std::optional<PostState>> found = reopened->find_post_state(101);
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found->has_value());
  expect_same_state(**found, state);
  Result<bool> done = reopened->is_done("key-1", now);
  ASSERT_TRUE(done.ok());
  EXPECT_TRUE(*done);
  Result<ReplaceOutcome> again = reopened->replace_post_sessions(source, records);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->unchanged, 2);
}

TEST_F(SqliteStoreTest, ConcurrentReplacesStayConsistent) {
  constexpr int kThreads = 4;
  constexpr int kRounds = 25;
  std::vector<std::thread> threads;
  std::vector<int> failures(kThreads, 0);

  // Thread t owns post 1000 + t and the dates 2021-0{t+1}-01 to -05. Each round alternates
  // between five and three records, so every round writes or removes rows.
  auto records_for = [](int thread, int round) {
    const SourceRef source = make_source(1000 + thread, "post-" + std::to_string(thread));
    std::vector<std::string> dates;
    const int count = round % 2 == 0 ? 5 : 3;
    for (int day = 1; day <= count; ++day) {
      dates.push_back("2021-0" + std::to_string(thread + 1) + "-0" + std::to_string(day));
    }
    return week_of(source, dates);
  };

  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      const SourceRef source = make_source(1000 + t, "post-" + std::to_string(t));
      for (int round = 0; round < kRounds; ++round) {
        if (!store_->replace_post_sessions(source, records_for(t, round)).ok()) {
          ++failures[t];
        }
        if (!store_->all_sessions().ok()) {
          ++failures[t];
        }
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }

  EXPECT_EQ(failures, std::vector<int>(kThreads, 0));
  std::vector<SessionRecord> expected;
  for (int t = 0; t < kThreads; ++t) {
    for (SessionRecord& record : records_for(t, kRounds - 1)) {
      expected.push_back(std::move(record));
    }
  }
  Result<std::vector<SessionRecord>> stored = store_->all_sessions();
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(dumps(*stored), dumps(expected));
}

TEST(SqliteStoreOpen, ParentIsAFileGivesStoreError) {
  TempFolder temp;
  const fs::path plain_file = temp.path() / "plain-file";
  std::ofstream(plain_file) << "not a folder";
  const fs::path file = plain_file / "wodetl.sqlite";

  Result<std::unique_ptr<SqliteStore>> store = SqliteStore::open(file);

  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kStore);
  EXPECT_NE(store.error().message.find(file.string()), std::string::npos);
}

TEST(SqliteStoreOpen, NotADatabaseGivesStoreError) {
  TempFolder temp;
  const fs::path file = temp.path() / "wodetl.sqlite";
  std::ofstream(file) << "this is a text file, long enough to look like a header to SQLite.....";

  Result<std::unique_ptr<SqliteStore>> store = SqliteStore::open(file);

  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kStore);
  EXPECT_NE(store.error().message.find(file.string()), std::string::npos);
  EXPECT_NE(store.error().message.find("not a database"), std::string::npos);
}

TEST(SqliteStoreOpen, NewerSchemaGivesStoreError) {
  TempFolder temp;
  const fs::path file = temp.path() / "wodetl.sqlite";
  ASSERT_NE(open_store(file), nullptr);
  {
    Connection connection(file);
    connection.execute("PRAGMA user_version = 99");
  }

  Result<std::unique_ptr<SqliteStore>> store = SqliteStore::open(file);

  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kStore);
  EXPECT_NE(store.error().message.find("schema version 99"), std::string::npos);
}

TEST(SqliteStoreOpen, MigratesVersionOneFile) {
  TempFolder temp;
  const fs::path file = temp.path() / "wodetl.sqlite";
  {
    Connection connection(file);
    connection.execute(schema_migrations()[0].sql);
    connection.execute("PRAGMA user_version = 1");
    connection.execute(
        "INSERT INTO posts (post_id, slug, link, modified_gmt, title, content_sha256, status, "
        "reason, preamble_json, session_dates_json, updated_at) VALUES (7, 'week', "
        "'https://example.test/week/', '2020-12-20T17:00:21', 'Week', 'ab', 'stored', '', '[]', "
        "'[\"2020-12-21\"]', 'then')");
  }

  std::unique_ptr<SqliteStore> store = open_store(file);

  ASSERT_NE(store, nullptr);
  EXPECT_EQ(*store->schema_version(), 3);
  Result<std::optional<PostState>> state = store->find_post_state(7);
  ASSERT_TRUE(state.ok()) << state.error().to_string();
  ASSERT_TRUE(state->has_value());
  EXPECT_EQ((*state)->session_dates, std::vector<std::string>{"2020-12-21"});
  EXPECT_EQ((*state)->process_key, "");
  EXPECT_TRUE((*state)->sources.empty());
  EXPECT_TRUE(store->save_sync_cursor(SyncCursor{"a", "b", "2020-12-20T17:00:21", ""}).ok());
}

TEST(SqliteStoreOpen, UsesWalJournal) {
  TempFolder temp;
  const fs::path file = temp.path() / "wodetl.sqlite";
  std::unique_ptr<SqliteStore> store = open_store(file);
  ASSERT_NE(store, nullptr);
  const SourceRef source = make_source(1, "x");
  ASSERT_TRUE(store->replace_post_sessions(source, week_of(source, {"2020-12-21"})).ok());

  EXPECT_TRUE(fs::exists(file.string() + "-wal"));
}

TEST(SqliteTableNames, CustomNamesAreSeparateTables) {
  TempFolder temp;
  const fs::path file = temp.path() / "store.sqlite";
  const SourceRef source = make_source(7, "week-seven");
  {
    auto store =
        SqliteStore::open(file, SqliteTableNames{"WorkoutPostsTable-dev", "IdempotencyTable-dev"});
    ASSERT_TRUE(store.ok()) << store.error().to_string();
    auto replaced = (*store)->replace_post_sessions(
        source, {make_record(source, "2021-01-04", "Monday", "Back Squat 5x5")});
    ASSERT_TRUE(replaced.ok()) << replaced.error().to_string();
    EXPECT_EQ(replaced->written, 1);
  }
  auto default_names = SqliteStore::open(file);
  ASSERT_TRUE(default_names.ok());
  auto records = (*default_names)->all_sessions();
  ASSERT_TRUE(records.ok());
  EXPECT_TRUE(records->empty());
}

TEST(SqliteTableNames, InvalidNamesRejected) {
  TempFolder temp;
  for (const char* name : {"ab", "has space", "quote\"", "posts", ""}) {
    SCOPED_TRACE(name);
    auto store =
        SqliteStore::open(temp.path() / "store.sqlite", SqliteTableNames{name, "idempotency"});
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().code, ErrorCode::kInvalidInput);
  }
  auto same =
      SqliteStore::open(temp.path() / "store.sqlite", SqliteTableNames{"same-name", "same-name"});
  EXPECT_FALSE(same.ok());
}

}  // namespace
}  // namespace wodetl
