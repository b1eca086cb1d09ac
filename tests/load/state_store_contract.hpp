#pragma once
// What every StateStore must do, as a typed test suite that each implementation instantiates
// with a harness of its own (load/local/sqlite_state_store_test.cpp,
// load/aws/dynamodb_state_store_test.cpp):
//
//   struct Harness {
//     void set_up();          // makes an empty store; may skip or fail the test
//     StateStore& store();
//     // Overwrites the stored status of a saved post state, as a damaged store would hold it.
//     void write_raw_post_status(std::int64_t post_id, const std::string& status);
//   };

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/utc_time.hpp"
#include "load/load_test_support.hpp"
#include "load/state_store.hpp"

namespace wodetl::testing {

template <class Harness>
class StateStoreContract : public ::testing::Test {
 protected:
  void SetUp() override { harness_.set_up(); }

  StateStore& store() { return harness_.store(); }

  std::optional<SyncCursor> cursor_of(const std::string& source) {
    Result<std::optional<SyncCursor>> found = store().find_sync_cursor(source);
    EXPECT_TRUE(found.ok()) << found.error().to_string();
    return found.ok() ? *found : std::nullopt;
  }

  Harness harness_;
};

TYPED_TEST_SUITE_P(StateStoreContract);

using std::chrono::hours;

TYPED_TEST_P(StateStoreContract, DoneUntilExpiry) {
  const Clock::time_point now = Clock::now();
  ASSERT_TRUE(this->store().mark_done("key-1", "dump_post_to_bucket", now + hours(24)).ok());

  Result<bool> done = this->store().is_done("key-1", now);
  Result<bool> other = this->store().is_done("key-2", now);
  Result<bool> at_expiry = this->store().is_done("key-1", now + hours(24));
  Result<bool> after = this->store().is_done("key-1", now + hours(25));

  ASSERT_TRUE(done.ok()) << done.error().to_string();
  EXPECT_TRUE(*done);
  ASSERT_TRUE(other.ok());
  EXPECT_FALSE(*other);
  ASSERT_TRUE(at_expiry.ok());
  EXPECT_FALSE(*at_expiry);
  ASSERT_TRUE(after.ok());
  EXPECT_FALSE(*after);
}

// DynamoDB deletes an expired item only days after its ttl, so a record past its ttl that is
// still stored must read as absent.
TYPED_TEST_P(StateStoreContract, ExpiredRecordIsAbsent) {
  const Clock::time_point now = Clock::now();
  ASSERT_TRUE(this->store().mark_done("key-1", "process_post", now - hours(1)).ok());

  Result<bool> done = this->store().is_done("key-1", now);

  ASSERT_TRUE(done.ok()) << done.error().to_string();
  EXPECT_FALSE(*done);
}

TYPED_TEST_P(StateStoreContract, MarkTwiceExtends) {
  const Clock::time_point now = Clock::now();
  ASSERT_TRUE(this->store().mark_done("key-1", "store_sessions", now + hours(1)).ok());
  ASSERT_TRUE(this->store().mark_done("key-1", "store_sessions", now + hours(24)).ok());

  Result<bool> done = this->store().is_done("key-1", now + hours(2));

  ASSERT_TRUE(done.ok());
  EXPECT_TRUE(*done);
}

TYPED_TEST_P(StateStoreContract, ClaimOnceThenLost) {
  const Clock::time_point now = Clock::now();
  Result<bool> first = this->store().claim("key-1", "process_post", now + hours(24), now);
  Result<bool> second = this->store().claim("key-1", "process_post", now + hours(24), now);

  ASSERT_TRUE(first.ok()) << first.error().to_string();
  EXPECT_TRUE(*first);
  ASSERT_TRUE(second.ok()) << second.error().to_string();
  EXPECT_FALSE(*second);
  EXPECT_TRUE(*this->store().is_done("key-1", now));
}

TYPED_TEST_P(StateStoreContract, DoneKeyCannotBeClaimed) {
  const Clock::time_point now = Clock::now();
  ASSERT_TRUE(this->store().mark_done("key-1", "process_post", now + hours(24)).ok());

  Result<bool> claimed = this->store().claim("key-1", "process_post", now + hours(24), now);

  ASSERT_TRUE(claimed.ok()) << claimed.error().to_string();
  EXPECT_FALSE(*claimed);
}

TYPED_TEST_P(StateStoreContract, ExpiredRecordCanBeClaimed) {
  const Clock::time_point now = Clock::now();
  ASSERT_TRUE(this->store().claim("key-1", "process_post", now + hours(1), now).ok());

  Result<bool> claimed =
      this->store().claim("key-1", "process_post", now + hours(26), now + hours(2));

  ASSERT_TRUE(claimed.ok()) << claimed.error().to_string();
  EXPECT_TRUE(*claimed);
  EXPECT_TRUE(*this->store().is_done("key-1", now + hours(25)));
}

TYPED_TEST_P(StateStoreContract, ReleaseAllowsNewClaim) {
  const Clock::time_point now = Clock::now();
  ASSERT_TRUE(*this->store().claim("key-1", "process_post", now + hours(24), now));

  ASSERT_TRUE(this->store().release("key-1").ok());

  EXPECT_FALSE(*this->store().is_done("key-1", now));
  EXPECT_TRUE(*this->store().claim("key-1", "process_post", now + hours(24), now));
  EXPECT_TRUE(this->store().release("never-claimed").ok());
}

TYPED_TEST_P(StateStoreContract, ConcurrentClaimsHaveOneWinner) {
  const Clock::time_point now = Clock::now();
  std::atomic<int> winners{0};
  std::atomic<int> errors{0};
  std::vector<std::thread> workers;
  for (int worker = 0; worker < 6; ++worker) {
    workers.emplace_back([&] {
      Result<bool> claimed = this->store().claim("contested", "process_post", now + hours(24), now);
      if (!claimed) {
        ++errors;
      } else if (*claimed) {
        ++winners;
      }
    });
  }
  for (std::thread& worker : workers) {
    worker.join();
  }

  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(winners.load(), 1);
}

TYPED_TEST_P(StateStoreContract, PostStateRoundTrip) {
  const PostState state = make_post_state();
  ASSERT_TRUE(this->store().save_post_state(state).ok());

  Result<std::optional<PostState>> found = this->store().find_post_state(101);
  Result<std::optional<PostState>> missing = this->store().find_post_state(999);

  ASSERT_TRUE(found.ok()) << found.error().to_string();
  ASSERT_TRUE(found->has_value());
  expect_same_state(**found, state);
  ASSERT_TRUE(missing.ok()) << missing.error().to_string();
  EXPECT_FALSE(missing->has_value());
}

// The runner skips a version whose process_key matches the stored one, so the key must come back
// exactly, and an empty key (a state written before keys were recorded) must stay empty.
TYPED_TEST_P(StateStoreContract, ProcessKeyRoundTrip) {
  PostState state = make_post_state();
  state.status = PostStatus::kStored;
  state.reason.clear();
  state.process_key = std::string(64, 'e');
  ASSERT_TRUE(this->store().save_post_state(state).ok());
  PostState without_key = make_post_state();
  without_key.source = make_source(102, "week-two");
  without_key.process_key.clear();
  ASSERT_TRUE(this->store().save_post_state(without_key).ok());

  Result<std::optional<PostState>> keyed = this->store().find_post_state(101);
  Result<std::optional<PostState>> unkeyed = this->store().find_post_state(102);

  ASSERT_TRUE(keyed.ok()) << keyed.error().to_string();
  ASSERT_TRUE(keyed->has_value());
  EXPECT_EQ((*keyed)->process_key, state.process_key);
  EXPECT_EQ((*keyed)->reason, "");
  ASSERT_TRUE(unkeyed.ok()) << unkeyed.error().to_string();
  ASSERT_TRUE(unkeyed->has_value());
  EXPECT_EQ((*unkeyed)->process_key, "");
}

TYPED_TEST_P(StateStoreContract, PostStateSaveReplaces) {
  PostState state = make_post_state();
  ASSERT_TRUE(this->store().save_post_state(state).ok());
  state.source.modified_gmt = "2020-12-22T08:00:00";
  state.status = PostStatus::kStored;
  state.reason.clear();
  state.session_dates = {"2020-12-21"};
  state.process_key = "77aa";
  ASSERT_TRUE(this->store().save_post_state(state).ok());

  Result<std::optional<PostState>> found = this->store().find_post_state(101);

  ASSERT_TRUE(found.ok()) << found.error().to_string();
  ASSERT_TRUE(found->has_value());
  expect_same_state(**found, state);
}

TYPED_TEST_P(StateStoreContract, UnknownStoredStatusIsStoreError) {
  ASSERT_TRUE(this->store().save_post_state(make_post_state()).ok());
  this->harness_.write_raw_post_status(101, "archived");

  Result<std::optional<PostState>> found = this->store().find_post_state(101);

  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.error().code, ErrorCode::kStore);
  EXPECT_NE(found.error().message.find("archived"), std::string::npos) << found.error().message;
  EXPECT_EQ(found.error().post.id, 101);
}

// A sync lists every stored post state to find the posts that the site no longer lists.
TYPED_TEST_P(StateStoreContract, AllPostStatesSortedById) {
  Result<std::vector<PostState>> none = this->store().all_post_states();
  ASSERT_TRUE(none.ok()) << none.error().to_string();
  EXPECT_TRUE(none->empty());
  std::vector<PostState> saved;
  for (std::int64_t id : {103, 101, 102}) {
    PostState state = make_post_state();
    state.source = make_source(id, "week-" + std::to_string(id));
    state.process_key = "key-" + std::to_string(id);
    ASSERT_TRUE(this->store().save_post_state(state).ok());
    saved.push_back(state);
  }
  ASSERT_TRUE(
      this->store()
          .save_sync_cursor(SyncCursor{"blog", "https://blog.test", "2023-05-01T00:00:00", ""})
          .ok());

  Result<std::vector<PostState>> all = this->store().all_post_states();

  ASSERT_TRUE(all.ok()) << all.error().to_string();
  ASSERT_EQ(all->size(), 3U) << "a sync cursor is not a post state";
  EXPECT_EQ((*all)[0].source.post_id, 101);
  EXPECT_EQ((*all)[1].source.post_id, 102);
  EXPECT_EQ((*all)[2].source.post_id, 103);
  expect_same_state((*all)[0], saved[1]);
  expect_same_state((*all)[1], saved[2]);
  expect_same_state((*all)[2], saved[0]);
}

TYPED_TEST_P(StateStoreContract, AllPostStatesRejectsUnknownStatus) {
  ASSERT_TRUE(this->store().save_post_state(make_post_state()).ok());
  this->harness_.write_raw_post_status(101, "archived");

  Result<std::vector<PostState>> all = this->store().all_post_states();

  ASSERT_FALSE(all.ok());
  EXPECT_EQ(all.error().code, ErrorCode::kStore);
  EXPECT_NE(all.error().message.find("archived"), std::string::npos) << all.error().message;
  EXPECT_EQ(all.error().post.id, 101);
}

TYPED_TEST_P(StateStoreContract, RemovePostStateKeepsOthers) {
  PostState first = make_post_state();
  PostState second = make_post_state();
  second.source = make_source(102, "week-two");
  ASSERT_TRUE(this->store().save_post_state(first).ok());
  ASSERT_TRUE(this->store().save_post_state(second).ok());

  Status removed = this->store().remove_post_state(101);
  Status missing = this->store().remove_post_state(999);

  ASSERT_TRUE(removed.ok()) << removed.error().to_string();
  ASSERT_TRUE(missing.ok()) << missing.error().to_string();
  Result<std::optional<PostState>> found = this->store().find_post_state(101);
  ASSERT_TRUE(found.ok()) << found.error().to_string();
  EXPECT_FALSE(found->has_value());
  Result<std::vector<PostState>> all = this->store().all_post_states();
  ASSERT_TRUE(all.ok()) << all.error().to_string();
  ASSERT_EQ(all->size(), 1U);
  expect_same_state((*all)[0], second);
}

TYPED_TEST_P(StateStoreContract, SyncCursorRoundTrip) {
  EXPECT_FALSE(this->cursor_of("invictus").has_value());

  ASSERT_TRUE(this->store()
                  .save_sync_cursor(SyncCursor{"invictus", "https://site.test category 213",
                                               "2024-01-31T08:00:00", "2024-02-01T00:00:00.000Z"})
                  .ok());
  ASSERT_TRUE(this->store()
                  .save_sync_cursor(SyncCursor{"invictus", "https://site.test category 213",
                                               "2024-02-02T09:30:00", "2024-02-03T00:00:00.000Z"})
                  .ok());

  const std::optional<SyncCursor> found = this->cursor_of("invictus");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->source, "invictus");
  EXPECT_EQ(found->listing, "https://site.test category 213");
  EXPECT_EQ(found->modified_gmt, "2024-02-02T09:30:00");
  EXPECT_EQ(found->updated_at, "2024-02-03T00:00:00.000Z");
}

TYPED_TEST_P(StateStoreContract, SyncCursorGetsSaveTime) {
  const UtcSeconds before = utc_now();
  ASSERT_TRUE(
      this->store()
          .save_sync_cursor(SyncCursor{"blog", "https://blog.test", "2023-05-01T00:00:00", ""})
          .ok());

  const std::optional<SyncCursor> found = this->cursor_of("blog");

  ASSERT_TRUE(found.has_value());
  ASSERT_TRUE(found->updated_at.ends_with("Z")) << found->updated_at;
  const std::optional<UtcSeconds> saved = parse_utc_timestamp(found->updated_at);
  ASSERT_TRUE(saved.has_value()) << found->updated_at;
  EXPECT_GE(*saved, before);
  EXPECT_LE(*saved, utc_now());
}

TYPED_TEST_P(StateStoreContract, SourcesDoNotSeeEachOthersCursors) {
  ASSERT_TRUE(this->store()
                  .save_sync_cursor(SyncCursor{"invictus", "https://site.test category 213",
                                               "2024-01-31T08:00:00", ""})
                  .ok());
  EXPECT_FALSE(this->cursor_of("daily-wod").has_value());
  EXPECT_FALSE(this->cursor_of("invictus.v2").has_value());

  ASSERT_TRUE(this->store()
                  .save_sync_cursor(SyncCursor{"daily-wod", "https://blog.test category olympic",
                                               "2023-05-01T00:00:00", ""})
                  .ok());

  const std::optional<SyncCursor> invictus = this->cursor_of("invictus");
  const std::optional<SyncCursor> daily = this->cursor_of("daily-wod");
  ASSERT_TRUE(invictus.has_value());
  ASSERT_TRUE(daily.has_value());
  EXPECT_EQ(invictus->modified_gmt, "2024-01-31T08:00:00");
  EXPECT_EQ(invictus->listing, "https://site.test category 213");
  EXPECT_EQ(daily->modified_gmt, "2023-05-01T00:00:00");
  EXPECT_EQ(daily->listing, "https://blog.test category olympic");
}

// A cursor is not an idempotency record: no expiry hides it, and removing or claiming expired
// records leaves it alone.
TYPED_TEST_P(StateStoreContract, SyncCursorNeverExpires) {
  const Clock::time_point now = Clock::now();
  ASSERT_TRUE(
      this->store()
          .save_sync_cursor(SyncCursor{"blog", "https://blog.test", "2023-05-01T00:00:00", ""})
          .ok());
  // The SQLite store deletes the records that expired before now when it marks a key done.
  ASSERT_TRUE(this->store().mark_done("old", "process_post", now - hours(48)).ok());
  ASSERT_TRUE(this->store().mark_done("new", "process_post", now + hours(24)).ok());
  EXPECT_TRUE(*this->store().claim("old", "process_post", now + hours(24), now));

  const std::optional<SyncCursor> found = this->cursor_of("blog");

  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->modified_gmt, "2023-05-01T00:00:00");
}

REGISTER_TYPED_TEST_SUITE_P(StateStoreContract, DoneUntilExpiry, ExpiredRecordIsAbsent,
                            MarkTwiceExtends, ClaimOnceThenLost, DoneKeyCannotBeClaimed,
                            ExpiredRecordCanBeClaimed, ReleaseAllowsNewClaim,
                            ConcurrentClaimsHaveOneWinner, PostStateRoundTrip, ProcessKeyRoundTrip,
                            PostStateSaveReplaces, UnknownStoredStatusIsStoreError,
                            AllPostStatesSortedById, AllPostStatesRejectsUnknownStatus,
                            RemovePostStateKeepsOthers, SyncCursorRoundTrip, SyncCursorGetsSaveTime,
                            SourcesDoNotSeeEachOthersCursors, SyncCursorNeverExpires);

}  // namespace wodetl::testing
