#include "extract/listing_walker.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace wodetl {
namespace {

//! In-memory listing that answers walk requests the way WordPress does, ordered by modified_gmt
//! (or by id) ascending, with ties in insertion order unless shuffle_ties() was called. Tests
//! change it between requests through the hook.
class FakeListing {
 public:
  void add(std::int64_t id, const std::string& modified_gmt) {
    std::lock_guard lock(mutex_);
    Post post;
    post.id = id;
    post.slug = "post-" + std::to_string(id);
    post.modified_gmt = modified_gmt;
    post.date_gmt = modified_gmt;
    posts_.push_back(post);
  }

  void remove(std::int64_t id) {
    std::lock_guard lock(mutex_);
    posts_.erase(std::remove_if(posts_.begin(), posts_.end(),
                                [id](const Post& post) { return post.id == id; }),
                 posts_.end());
  }

  void touch(std::int64_t id, const std::string& modified_gmt) {
    remove(id);
    add(id, modified_gmt);
  }

  Result<WindowResponse> fetch(const WindowRequest& request, int per_page) {
    std::lock_guard lock(mutex_);
    requests.push_back(request);
    std::vector<Post> matching;
    for (const Post& post : posts_) {
      const UtcSeconds modified = *parse_utc_timestamp(post.modified_gmt);
      const bool after = !request.after || modified > *request.after;
      const bool before = !request.before || modified < *request.before;
      if (!filter_ || (after && before)) {
        matching.push_back(post);
      }
    }
    if (shuffle_ties_) {
      // Like MariaDB under ORDER BY ... LIMIT, equal keys come in an order that changes from one
      // request to the next.
      std::shuffle(matching.begin(), matching.end(), random_);
    }
    std::stable_sort(
        matching.begin(), matching.end(), [&request](const Post& left, const Post& right) {
          return request.by_id ? left.id < right.id : left.modified_gmt < right.modified_gmt;
        });
    WindowResponse response;
    response.url = "fake?offset=" + std::to_string(request.offset);
    response.total = static_cast<std::int64_t>(matching.size());
    const std::size_t first = std::min(matching.size(), static_cast<std::size_t>(request.offset));
    const std::size_t last = std::min(matching.size(), first + static_cast<std::size_t>(per_page));
    response.items.assign(matching.begin() + static_cast<std::ptrdiff_t>(first),
                          matching.begin() + static_cast<std::ptrdiff_t>(last));
    return response;
  }

  void ignore_filter() { filter_ = false; }
  void shuffle_ties() { shuffle_ties_ = true; }

  std::vector<WindowRequest> requests;

 private:
  std::mutex mutex_;
  std::vector<Post> posts_;
  bool filter_ = true;
  bool shuffle_ties_ = false;
  std::mt19937 random_{7};
};

std::string minute_stamp(int minute) {
  char text[32];
  std::snprintf(text, sizeof text, "2024-03-%02dT%02d:%02d:00", 1 + minute / 1440, minute / 60 % 24,
                minute % 60);
  return text;
}

//! Adds `count` posts (ids from 100) that share one modified second.
void add_shared_second(FakeListing& listing, int count) {
  for (int i = 0; i < count; ++i) {
    listing.add(100 + i, minute_stamp(3));
  }
}

struct Walked {
  Status status = ok_status();
  std::vector<std::pair<std::int64_t, std::string>> posts;  // id and modified_gmt
  WalkStats stats;

  [[nodiscard]] std::map<std::int64_t, int> id_counts() const {
    std::map<std::int64_t, int> counts;
    for (const auto& [id, modified] : posts) {
      ++counts[id];
    }
    return counts;
  }
};

Walked walk(FakeListing& listing, WalkSettings settings) {
  SeenPosts seen;
  const int per_page = settings.per_page;
  ListingWalker walker(
      settings,
      [&listing, per_page](const WindowRequest& request) {
        return listing.fetch(request, per_page);
      },
      seen);
  Walked walked;
  walked.status = walker.walk([&walked](ListingPage&& page) {
    for (const Result<Post>& post : page.posts) {
      walked.posts.emplace_back(post->id, post->modified_gmt);
    }
  });
  walked.stats = walker.stats();
  return walked;
}

void expect_each_once(const Walked& walked, std::int64_t first, std::int64_t last) {
  const auto counts = walked.id_counts();
  for (std::int64_t id = first; id <= last; ++id) {
    auto found = counts.find(id);
    ASSERT_NE(found, counts.end()) << "post " << id << " was lost";
    EXPECT_EQ(found->second, 1) << "post " << id << " was delivered " << found->second << " times";
  }
}

TEST(ListingWalker, ProgressesByTimestamp) {
  FakeListing listing;
  for (int i = 0; i < 25; ++i) {
    listing.add(100 + i, minute_stamp(i));
  }

  Walked walked = walk(listing, WalkSettings{.per_page = 10});

  ASSERT_TRUE(walked.status.ok()) << walked.status.error().to_string();
  EXPECT_EQ(walked.posts.size(), 25u);
  expect_each_once(walked, 100, 124);
  // Each request asks again for the second of the last post read, at offset 0.
  ASSERT_EQ(listing.requests.size(), 3u);
  EXPECT_FALSE(listing.requests[0].after.has_value());
  EXPECT_EQ(format_utc_timestamp(*listing.requests[1].after), "2024-03-01T00:08:59Z");
  EXPECT_EQ(format_utc_timestamp(*listing.requests[2].after), "2024-03-01T00:17:59Z");
  for (const WindowRequest& request : listing.requests) {
    EXPECT_EQ(request.offset, 0);
  }
  EXPECT_EQ(walked.stats.shifts, 0);
}

TEST(ListingWalker, StartsAfterBound) {
  FakeListing listing;
  for (int i = 0; i < 10; ++i) {
    listing.add(100 + i, minute_stamp(i));
  }

  Walked walked =
      walk(listing, WalkSettings{.after = parse_utc_timestamp(minute_stamp(6)), .per_page = 10});

  ASSERT_TRUE(walked.status.ok());
  ASSERT_EQ(walked.posts.size(), 3u);
  EXPECT_EQ(walked.posts.front().first, 107);
}

TEST(ListingWalker, PagesByOffsetThroughSharedSecond) {
  FakeListing listing;
  listing.add(1, minute_stamp(0));
  for (int i = 0; i < 35; ++i) {
    listing.add(100 + i, minute_stamp(5));
  }
  listing.add(2, minute_stamp(9));

  Walked walked = walk(listing, WalkSettings{.per_page = 10});

  ASSERT_TRUE(walked.status.ok()) << walked.status.error().to_string();
  EXPECT_EQ(walked.posts.size(), 37u);
  expect_each_once(walked, 100, 134);
  expect_each_once(walked, 1, 2);
  const bool paged_by_offset =
      std::any_of(listing.requests.begin(), listing.requests.end(),
                  [](const WindowRequest& request) { return request.offset > 0; });
  EXPECT_TRUE(paged_by_offset);
}

TEST(ListingWalker, TiedSecondReadById) {
  FakeListing listing;
  listing.shuffle_ties();
  listing.add(1, minute_stamp(0));
  for (int i = 0; i < 230; ++i) {
    listing.add(100 + i, minute_stamp(5));
  }
  listing.add(2, minute_stamp(9));

  Walked walked = walk(listing, WalkSettings{.per_page = 100});

  ASSERT_TRUE(walked.status.ok()) << walked.status.error().to_string();
  EXPECT_EQ(walked.posts.size(), 232u);
  expect_each_once(walked, 100, 329);
  expect_each_once(walked, 1, 2);
  EXPECT_EQ(walked.stats.tied_seconds, 1);
  EXPECT_EQ(walked.stats.shifts, 0);
  // The second is read alone, by id; the walk then goes on after it.
  const UtcSeconds tied = *parse_utc_timestamp(minute_stamp(5));
  int by_id = 0;
  for (const WindowRequest& request : listing.requests) {
    if (request.by_id) {
      ++by_id;
      EXPECT_EQ(*request.after, tied - std::chrono::seconds(1));
      EXPECT_EQ(*request.before, tied + std::chrono::seconds(1));
    }
  }
  EXPECT_EQ(by_id, 3);
  EXPECT_EQ(*listing.requests.back().after, tied);
  EXPECT_FALSE(listing.requests.back().by_id);
}

TEST(ListingWalker, TiedSecondInParallelWindows) {
  FakeListing listing;
  listing.shuffle_ties();
  for (int i = 0; i < 5; ++i) {
    listing.add(1 + i, minute_stamp(i));
  }
  for (int i = 0; i < 47; ++i) {
    listing.add(100 + i, minute_stamp(10));
  }
  for (int i = 0; i < 5; ++i) {
    listing.add(200 + i, minute_stamp(20 + i));
  }
  WalkSettings settings{.per_page = 10, .concurrency = 3};

  Walked walked = walk(listing, settings);

  ASSERT_TRUE(walked.status.ok()) << walked.status.error().to_string();
  EXPECT_EQ(walked.posts.size(), 57u);
  expect_each_once(walked, 1, 5);
  expect_each_once(walked, 100, 146);
  expect_each_once(walked, 200, 204);
  EXPECT_EQ(walked.stats.tied_seconds, 1);
}

TEST(ListingWalker, PostPublishedBetweenPagesNotLost) {
  FakeListing listing;
  for (int i = 0; i < 40; ++i) {
    listing.add(100 + i, minute_stamp(i));
  }
  WalkSettings settings{.per_page = 10};
  settings.after_page = [&listing](const FetchedPage& page) {
    if (page.request == 2) {
      listing.add(900, minute_stamp(1000));
    }
  };

  Walked walked = walk(listing, settings);

  ASSERT_TRUE(walked.status.ok());
  expect_each_once(walked, 100, 139);
  expect_each_once(walked, 900, 900);
}

TEST(ListingWalker, EditedPostDeliveredInNewVersion) {
  FakeListing listing;
  for (int i = 0; i < 40; ++i) {
    listing.add(100 + i, minute_stamp(i));
  }
  WalkSettings settings{.per_page = 10};
  settings.after_page = [&listing](const FetchedPage& page) {
    if (page.request == 1) {
      listing.touch(103, minute_stamp(2000));
    }
  };

  Walked walked = walk(listing, settings);

  ASSERT_TRUE(walked.status.ok());
  EXPECT_EQ(walked.id_counts().at(103), 2);
  EXPECT_EQ(walked.posts.back(), std::make_pair(std::int64_t{103}, minute_stamp(2000)));
  for (std::int64_t id = 100; id < 140; ++id) {
    EXPECT_GE(walked.id_counts().count(id), 1u) << id;
  }
}

TEST(ListingWalker, ShiftInSharedSecondIsRecovered) {
  FakeListing listing;
  listing.shuffle_ties();
  add_shared_second(listing, 45);
  WalkSettings settings{.per_page = 10};
  // Requests 1 and 2 find the shared second, 3 and 4 read it by id from its start. Deleting a post
  // the walk has read moves every later post one place forward, so an offset page would skip one.
  // The walker must notice and read the second again.
  settings.after_page = [&listing](const FetchedPage& page) {
    if (page.request == 4) {
      listing.remove(101);
    }
  };

  Walked walked = walk(listing, settings);

  ASSERT_TRUE(walked.status.ok()) << walked.status.error().to_string();
  expect_each_once(walked, 102, 144);
  EXPECT_EQ(walked.stats.tied_seconds, 1);
  EXPECT_GE(walked.stats.shifts, 1);
}

TEST(ListingWalker, TotalChangeIsShift) {
  FakeListing listing;
  add_shared_second(listing, 45);
  WalkSettings settings{.per_page = 10};
  // A post added at the end of the shared second, while it is read by id, leaves the next
  // window's first post in place, so only X-WP-Total shows that the listing changed.
  settings.after_page = [&listing](const FetchedPage& page) {
    if (page.request == 4) {
      listing.add(200, minute_stamp(3));
    }
  };

  Walked walked = walk(listing, settings);

  ASSERT_TRUE(walked.status.ok()) << walked.status.error().to_string();
  expect_each_once(walked, 100, 144);
  expect_each_once(walked, 200, 200);
  EXPECT_EQ(walked.stats.shifts, 1);
}

TEST(ListingWalker, ParallelWindowsDeliverEachOnce) {
  FakeListing listing;
  for (int i = 0; i < 95; ++i) {
    listing.add(100 + i, minute_stamp(i));
  }
  WalkSettings settings{.per_page = 10, .concurrency = 3};
  settings.after_page = [&listing](const FetchedPage& page) {
    if (page.request == 3) {
      listing.add(900, minute_stamp(3000));
      listing.remove(150);
    }
  };

  Walked walked = walk(listing, settings);

  ASSERT_TRUE(walked.status.ok()) << walked.status.error().to_string();
  expect_each_once(walked, 100, 149);
  expect_each_once(walked, 151, 194);
  expect_each_once(walked, 900, 900);
  // Windows after the first of a round are read by offset, in parallel.
  const bool parallel =
      std::any_of(listing.requests.begin(), listing.requests.end(),
                  [](const WindowRequest& request) { return request.offset > 0; });
  EXPECT_TRUE(parallel);
}

TEST(ListingWalker, ParallelWindowsWithTiesDeliverEachOnce) {
  FakeListing listing;
  listing.shuffle_ties();
  // Three posts per second, so seconds span the boundaries of parallel windows.
  for (int i = 0; i < 90; ++i) {
    listing.add(100 + i, minute_stamp(i / 3));
  }
  WalkSettings settings{.per_page = 10, .concurrency = 3};

  Walked walked = walk(listing, settings);

  ASSERT_TRUE(walked.status.ok()) << walked.status.error().to_string();
  EXPECT_EQ(walked.posts.size(), 90u);
  expect_each_once(walked, 100, 189);
}

TEST(ListingWalker, SiteIgnoringBoundStillComplete) {
  FakeListing listing;
  listing.ignore_filter();
  for (int i = 0; i < 30; ++i) {
    listing.add(100 + i, minute_stamp(i));
  }

  Walked walked =
      walk(listing, WalkSettings{.after = parse_utc_timestamp(minute_stamp(9)), .per_page = 10});

  ASSERT_TRUE(walked.status.ok()) << walked.status.error().to_string();
  EXPECT_TRUE(walked.stats.filter_ignored);
  EXPECT_EQ(walked.posts.size(), 20u);
  expect_each_once(walked, 110, 129);
}

TEST(ListingWalker, StopsAtMaxRequests) {
  FakeListing listing;
  for (int i = 0; i < 100; ++i) {
    listing.add(100 + i, minute_stamp(i));
  }

  Walked walked = walk(listing, WalkSettings{.per_page = 5, .max_requests = 3});

  ASSERT_FALSE(walked.status.ok());
  EXPECT_NE(walked.status.error().message.find("stopped after max_pages (3) requests"),
            std::string::npos)
      << walked.status.error().message;
  EXPECT_EQ(listing.requests.size(), 3u);
}

TEST(ListingWalker, FailsWhenListingKeepsShifting) {
  FakeListing listing;
  for (int i = 0; i < 30; ++i) {
    listing.add(100 + i, minute_stamp(1));
  }
  WalkSettings settings{.per_page = 10, .max_restarts = 2};
  int next_id = 1000;
  settings.after_page = [&](const FetchedPage& page) {
    // Before every offset request, a post at the start of the shared second disappears.
    if (page.request >= 1) {
      listing.remove(100 + page.request - 1);
      listing.add(next_id++, minute_stamp(0));
    }
  };

  Walked walked = walk(listing, settings);

  ASSERT_FALSE(walked.status.ok());
  EXPECT_NE(walked.status.error().message.find("changed 3 times in a row"), std::string::npos)
      << walked.status.error().message;
}

TEST(ListingWalker, ErrorOfRequestEndsWalk) {
  SeenPosts seen;
  ListingWalker walker(
      WalkSettings{},
      [](const WindowRequest&) -> Result<WindowResponse> {
        return Error::network("http://127.0.0.1:9/wp-json/wp/v2/posts", "connection refused");
      },
      seen);

  Status status = walker.walk([](ListingPage&&) {});

  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kNetwork);
}

TEST(SeenPosts, VersionIsIdAndModified) {
  SeenPosts seen;
  Post post;
  post.id = 5;
  post.modified_gmt = "2024-01-01T00:00:00";

  EXPECT_TRUE(seen.insert(post));
  EXPECT_FALSE(seen.insert(post));
  post.modified_gmt = "2024-01-02T00:00:00";
  EXPECT_TRUE(seen.insert(post));
  EXPECT_EQ(seen.size(), 2u);
}

}  // namespace
}  // namespace wodetl
