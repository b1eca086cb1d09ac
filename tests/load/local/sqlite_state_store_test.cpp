// SqliteStore as a StateStore: the contract every state store meets
// (load/state_store_contract.hpp), and what only the SQLite file does.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <memory>

#include "load/load_test_support.hpp"
#include "load/local/sqlite_store.hpp"
#include "load/state_store_contract.hpp"

namespace wodetl::testing {
namespace {

using std::chrono::hours;

class SqliteStateStoreHarness {
 public:
  void set_up() {
    auto opened = SqliteStore::open(file());
    ASSERT_TRUE(opened.ok()) << opened.error().to_string();
    store_ = std::move(*opened);
  }

  StateStore& store() { return *store_; }

  void write_raw_post_status(std::int64_t post_id, const std::string& status) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open_v2(file().c_str(), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, "UPDATE posts SET status = ?1 WHERE post_id = ?2", -1,
                                 &statement, nullptr),
              SQLITE_OK);
    sqlite3_bind_text(statement, 1, status.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(statement, 2, post_id);
    EXPECT_EQ(sqlite3_step(statement), SQLITE_DONE);
    sqlite3_finalize(statement);
    sqlite3_close_v2(db);
  }

  [[nodiscard]] std::filesystem::path file() const { return folder_.path() / "wodetl.sqlite"; }

 private:
  TempFolder folder_;
  std::unique_ptr<SqliteStore> store_;
};

TEST(SqliteStateStore, TwoConnectionsHaveOneWinner) {
  SqliteStateStoreHarness harness;
  harness.set_up();
  auto other = SqliteStore::open(harness.file());
  ASSERT_TRUE(other.ok()) << other.error().to_string();
  const Clock::time_point now = Clock::now();

  EXPECT_TRUE(*harness.store().claim("key-1", "process_post", now + hours(24), now));
  EXPECT_FALSE(*(*other)->claim("key-1", "process_post", now + hours(24), now));
}

}  // namespace

INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, StateStoreContract, SqliteStateStoreHarness);

}  // namespace wodetl::testing
