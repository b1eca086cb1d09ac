// SqliteStore::claim and release, the conditional put of the idempotency table.

#include <gtest/gtest.h>

#include <memory>

#include "load/load_test_support.hpp"
#include "load/local/sqlite_store.hpp"

namespace wodetl {
namespace {

using std::chrono::hours;

class SqliteClaimTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = SqliteStore::open(folder_.path() / "wodetl.sqlite");
    ASSERT_TRUE(opened.ok()) << opened.error().to_string();
    store_ = std::move(*opened);
  }

  testing::TempFolder folder_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(SqliteClaimTest, ClaimOnceThenLost) {
  const Clock::time_point now = Clock::now();
  EXPECT_TRUE(*store_->claim("key-1", "process_post", now + hours(24), now));
  EXPECT_FALSE(*store_->claim("key-1", "process_post", now + hours(24), now));
  EXPECT_TRUE(*store_->is_done("key-1", now));
}

TEST_F(SqliteClaimTest, DoneKeyCannotBeClaimed) {
  const Clock::time_point now = Clock::now();
  ASSERT_TRUE(store_->mark_done("key-1", "process_post", now + hours(24)).ok());
  EXPECT_FALSE(*store_->claim("key-1", "process_post", now + hours(24), now));
}

TEST_F(SqliteClaimTest, ExpiredRecordCanBeClaimed) {
  const Clock::time_point now = Clock::now();
  ASSERT_TRUE(store_->claim("key-1", "process_post", now + hours(1), now).ok());
  EXPECT_TRUE(*store_->claim("key-1", "process_post", now + hours(26), now + hours(2)));
  EXPECT_TRUE(*store_->is_done("key-1", now + hours(25)));
}

TEST_F(SqliteClaimTest, ReleaseAllowsNewClaim) {
  const Clock::time_point now = Clock::now();
  ASSERT_TRUE(*store_->claim("key-1", "process_post", now + hours(24), now));
  ASSERT_TRUE(store_->release("key-1").ok());
  EXPECT_FALSE(*store_->is_done("key-1", now));
  EXPECT_TRUE(*store_->claim("key-1", "process_post", now + hours(24), now));
  EXPECT_TRUE(store_->release("never-claimed").ok());
}

TEST_F(SqliteClaimTest, TwoConnectionsHaveOneWinner) {
  auto other = SqliteStore::open(folder_.path() / "wodetl.sqlite");
  ASSERT_TRUE(other.ok()) << other.error().to_string();
  const Clock::time_point now = Clock::now();
  EXPECT_TRUE(*store_->claim("key-1", "process_post", now + hours(24), now));
  EXPECT_FALSE(*(*other)->claim("key-1", "process_post", now + hours(24), now));
}

}  // namespace
}  // namespace wodetl
