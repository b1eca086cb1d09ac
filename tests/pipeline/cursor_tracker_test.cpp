#include "pipeline/cursor_tracker.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace wodetl {
namespace {

UtcSeconds at(const std::string& text) {
  return *parse_utc_timestamp(text);
}

Post post_modified(std::int64_t id, const std::string& modified, const std::string& date = "") {
  Post post;
  post.id = id;
  post.modified_gmt = modified;
  post.date_gmt = date.empty() ? modified : date;
  return post;
}

std::string text_of(const std::optional<UtcSeconds>& cursor) {
  return cursor ? format_wordpress_gmt(*cursor) : "none";
}

//! An item of a walk and whether it gets stored.
struct WalkedItem {
  Result<Post> item;
  bool stored = true;
};

//! Runs a whole walk of `items` by `key` from `after`, then completes each item in order.
void walk_then_complete(CursorTracker& tracker, ListingKey key, std::optional<UtcSeconds> after,
                        const std::vector<WalkedItem>& items) {
  tracker.begin_walk(key, after);
  for (std::size_t index = 0; index < items.size(); ++index) {
    tracker.add(index, items[index].item);
  }
  tracker.end_walk(true);
  for (std::size_t index = 0; index < items.size(); ++index) {
    tracker.complete(index, items[index].stored);
  }
}

TEST(CursorTracker, RisesWithStoredPosts) {
  CursorTracker tracker(std::nullopt);
  tracker.begin_walk(ListingKey::kModified, std::nullopt);
  tracker.add(0, post_modified(1, "2024-01-01T10:00:00"));
  tracker.add(1, post_modified(2, "2024-01-02T10:00:00"));
  tracker.end_walk(true);

  EXPECT_EQ(text_of(tracker.safe_cursor()), "none");
  tracker.complete(1, true);
  // Post 1 is still being processed, so the cursor stays below its time.
  EXPECT_EQ(text_of(tracker.safe_cursor()), "2024-01-01T09:59:59");
  tracker.complete(0, true);
  EXPECT_EQ(text_of(tracker.safe_cursor()), "2024-01-02T10:00:00");
}

TEST(CursorTracker, FailedPostHoldsCursorBelowIt) {
  CursorTracker tracker(at("2024-01-01T00:00:00"));
  walk_then_complete(tracker, ListingKey::kModified, at("2023-12-31T23:50:00"),
                     {{post_modified(1, "2024-01-01T10:00:00")},
                      {post_modified(2, "2024-01-02T10:00:00"), false},
                      {post_modified(3, "2024-01-03T10:00:00")}});

  EXPECT_EQ(text_of(tracker.safe_cursor()), "2024-01-02T09:59:59");
}

TEST(CursorTracker, FailedPostInOverlapKeepsStart) {
  // The post failed at the cursor's own second, as after a post password set without a new
  // modified time. The next sync reads the overlap window again, so the cursor stays.
  CursorTracker tracker(at("2024-01-01T00:00:00"));
  walk_then_complete(tracker, ListingKey::kModified, at("2023-12-31T23:50:00"),
                     {{post_modified(1, "2023-12-31T23:55:00")},
                      {post_modified(2, "2024-01-01T00:00:00"), false}});

  EXPECT_EQ(text_of(tracker.safe_cursor()), "2024-01-01T00:00:00");
}

TEST(CursorTracker, RunningWalkHoldsLastSecond) {
  CursorTracker tracker(std::nullopt);
  tracker.begin_walk(ListingKey::kModified, std::nullopt);
  tracker.add(0, post_modified(1, "2024-01-01T10:00:00"));
  tracker.add(1, post_modified(2, "2024-01-02T10:00:00"));
  tracker.complete(0, true);
  tracker.complete(1, true);

  // More posts modified in the same second as post 2 may still follow.
  EXPECT_EQ(text_of(tracker.safe_cursor()), "2024-01-02T09:59:59");
  tracker.end_walk(true);
  EXPECT_EQ(text_of(tracker.safe_cursor()), "2024-01-02T10:00:00");
}

TEST(CursorTracker, FailedWalkKeepsItsLimit) {
  CursorTracker tracker(std::nullopt);
  tracker.begin_walk(ListingKey::kModified, std::nullopt);
  tracker.add(0, post_modified(1, "2024-01-01T10:00:00"));
  tracker.add(1, post_modified(2, "2024-01-02T10:00:00"));
  tracker.complete(0, true);
  tracker.complete(1, true);
  tracker.end_walk(false);

  EXPECT_EQ(text_of(tracker.safe_cursor()), "2024-01-02T09:59:59");
}

TEST(CursorTracker, FailedWalkWithoutPostsKeepsStart) {
  CursorTracker tracker(at("2024-01-05T00:00:00"));
  tracker.begin_walk(ListingKey::kModified, at("2024-01-04T23:50:00"));
  tracker.end_walk(false);

  EXPECT_EQ(text_of(tracker.safe_cursor()), "2024-01-05T00:00:00");
}

TEST(CursorTracker, FailedWalkInOverlapKeepsStart) {
  CursorTracker tracker(at("2024-01-05T00:00:00"));
  tracker.begin_walk(ListingKey::kModified, at("2024-01-04T23:50:00"));
  tracker.add(0, post_modified(1, "2024-01-04T23:55:00"));
  tracker.complete(0, true);
  tracker.end_walk(false);

  EXPECT_EQ(text_of(tracker.safe_cursor()), "2024-01-05T00:00:00");
}

TEST(CursorTracker, RunningWalkInOverlapKeepsStart) {
  CursorTracker tracker(at("2024-01-05T00:00:00"));
  tracker.begin_walk(ListingKey::kModified, at("2024-01-04T23:50:00"));

  EXPECT_EQ(text_of(tracker.safe_cursor()), "2024-01-05T00:00:00");
}

TEST(CursorTracker, InvalidItemLimitedByPreviousPost) {
  CursorTracker tracker(std::nullopt);
  walk_then_complete(tracker, ListingKey::kModified, std::nullopt,
                     {{post_modified(1, "2024-01-01T10:00:00")},
                      {Error::invalid_input("post 2 has no content"), false},
                      {post_modified(3, "2024-01-03T10:00:00")}});

  EXPECT_EQ(text_of(tracker.safe_cursor()), "2024-01-01T09:59:59");
}

TEST(CursorTracker, FailedInvalidItemKeepsStart) {
  // An item that fails on every sync, first in the overlap window, must not move the cursor back
  // by the window each time: the next sync reads the window again.
  CursorTracker tracker(at("2024-02-01T00:00:00"));
  walk_then_complete(tracker, ListingKey::kModified, at("2024-01-31T23:50:00"),
                     {{Error::invalid_input("post 2 has no content"), false},
                      {post_modified(3, "2024-02-01T00:00:00")}});

  EXPECT_EQ(text_of(tracker.safe_cursor()), "2024-02-01T00:00:00");
}

TEST(CursorTracker, DateWalkLimitsByPublicationDate) {
  CursorTracker tracker(at("2024-02-01T00:00:00"));
  // A scheduled post: written in January, published on February 1st.
  walk_then_complete(tracker, ListingKey::kDate, at("2024-01-31T23:50:00"),
                     {{post_modified(1, "2024-01-20T08:00:00", "2024-02-01T06:00:00"), false}});

  EXPECT_EQ(text_of(tracker.safe_cursor()), "2024-02-01T00:00:00");
}

TEST(CursorTracker, FailedEditedPostKeepsCursor) {
  // A post published before the cursor and edited after it fails in the walk by date. The next
  // walk by modification time reads it again, so the cursor need not move back.
  CursorTracker tracker(at("2024-02-01T00:00:00"));
  walk_then_complete(tracker, ListingKey::kDate, at("2024-01-31T23:50:00"),
                     {{post_modified(1, "2024-02-01T00:03:00", "2024-01-31T23:55:00"), false}});

  EXPECT_EQ(text_of(tracker.safe_cursor()), "2024-02-01T00:00:00");
}

TEST(CursorTracker, NoRaiseKeepsStart) {
  CursorTracker tracker(at("2024-02-01T00:00:00"), /*raise=*/false);
  walk_then_complete(tracker, ListingKey::kDate, at("2023-12-31T23:59:59"),
                     {{post_modified(1, "2024-03-01T00:00:00", "2024-01-05T00:00:00")}});

  EXPECT_EQ(text_of(tracker.safe_cursor()), "2024-02-01T00:00:00");
}

TEST(CursorTracker, OldPostReadByIdKeepsCursor) {
  CursorTracker tracker(at("2024-02-01T00:00:00"));
  // The audit reads posts the time walks missed, such as one created with a past date.
  walk_then_complete(tracker, ListingKey::kModified, std::nullopt,
                     {{post_modified(1, "2023-11-20T08:00:00")}});

  EXPECT_EQ(text_of(tracker.safe_cursor()), "2024-02-01T00:00:00");
}

TEST(CursorTracker, FailedOldPostLowersCursor) {
  CursorTracker tracker(at("2024-02-01T00:00:00"));
  walk_then_complete(tracker, ListingKey::kModified, std::nullopt,
                     {{post_modified(1, "2023-11-20T08:00:00"), false}});

  // The next sync's walk by modification time reads the failed post again.
  EXPECT_EQ(text_of(tracker.safe_cursor()), "2023-11-20T07:59:59");
}

}  // namespace
}  // namespace wodetl
