#include "pipeline/sync.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <map>
#include <string>
#include <vector>

#include "load/local/sqlite_store.hpp"
#include "support/fixtures.hpp"
#include "support/wordpress_standin.hpp"

namespace wodetl {
namespace {

using std::chrono::milliseconds;

constexpr std::int64_t kCategory = 213;

//! Reads one column of every row with a connection of its own, to see what is on disk.
std::vector<std::string> column_texts(const std::filesystem::path& file, const std::string& sql) {
  sqlite3* db = nullptr;
  std::vector<std::string> values;
  EXPECT_EQ(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr), SQLITE_OK)
      << sqlite3_errmsg(db);
  while (sqlite3_step(statement) == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(statement, 0);
    values.emplace_back(text != nullptr ? reinterpret_cast<const char*>(text) : "");
  }
  sqlite3_finalize(statement);
  sqlite3_close_v2(db);
  return values;
}

void execute(const std::filesystem::path& file, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
  char* message = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message), SQLITE_OK)
      << (message != nullptr ? message : "");
  sqlite3_free(message);
  sqlite3_close_v2(db);
}

class SyncTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto stores = open_local_stores(LocalStoreSettings{data_dir(), "bucket"});
    ASSERT_TRUE(stores.ok()) << stores.error().to_string();
    stores_ = *stores;
  }

  std::filesystem::path data_dir() const { return folder_.path() / "data"; }
  std::filesystem::path database() const { return sqlite_path(data_dir()); }

  WordPressConfig config() const {
    WordPressConfig config;
    config.api_url = site_.root_url();
    config.category_id = kCategory;
    config.limits = RequestLimits{.requests_per_second = 0, .concurrency = 1};
    config.http.retry = RetryPolicy{
        .max_retries = 1, .initial_backoff = milliseconds(1), .max_wait = milliseconds(20)};
    return config;
  }

  SyncSummary sync(SyncRequest request = {}, std::optional<WordPressConfig> settings = {}) {
    auto source = WordPressSource::create(settings.value_or(config()));
    if (!source.ok()) {
      ADD_FAILURE() << source.error().to_string();
      return {};
    }
    request.source_name = "standin";
    request.listing = (*source)->describe();
    request.run.jobs = 2;
    return sync_source(**source, stores_, request);
  }

  std::optional<std::string> saved_cursor() {
    auto cursor = stores_.state->find_sync_cursor("standin");
    EXPECT_TRUE(cursor.ok());
    return cursor.ok() && *cursor ? std::optional<std::string>((*cursor)->modified_gmt)
                                  : std::nullopt;
  }

  std::vector<testing::RecordedRequest> posts_requests_since(std::size_t first) const {
    std::vector<testing::RecordedRequest> all = site_.posts_requests();
    return {all.begin() + static_cast<std::ptrdiff_t>(std::min(first, all.size())), all.end()};
  }

  testing::TempFolder folder_;
  testing::WordPressStandin site_;
  Stores stores_;
};

TEST_F(SyncTest, FirstSyncStoresEveryPostOnce) {
  site_.add_workout_posts(130, kCategory, 1000);
  site_.add_workout_posts(4, 77, 5000);

  const SyncSummary summary = sync();

  EXPECT_FALSE(summary.run.failed()) << format_sync_summary_text(summary);
  EXPECT_EQ(summary.run.posts.size(), 130U);
  EXPECT_EQ(summary.run.count(PostResult::kNew), 130);
  EXPECT_EQ(summary.reading, "every post (no cursor saved yet)");
  // Week 130 is 2023-01-02 + 129 weeks; its post was modified at 22:05:00 UTC.
  EXPECT_EQ(saved_cursor(), "2025-06-23T22:05:00");
  EXPECT_EQ(summary.cursor_after, "2025-06-23T22:05:00");
  EXPECT_TRUE(summary.cursor_saved);
  EXPECT_EQ(column_texts(database(), "SELECT COUNT(*) FROM posts"),
            std::vector<std::string>{"130"});
}

TEST_F(SyncTest, UnchangedSyncWritesNothing) {
  site_.add_workout_posts(30, kCategory, 1000);
  ASSERT_FALSE(sync().run.failed());
  execute(database(),
          "UPDATE posts SET updated_at = 'marker'; UPDATE sessions SET updated_at = "
          "'marker'; UPDATE sync_cursors SET updated_at = 'marker'");
  const std::size_t before = site_.posts_requests().size();

  const SyncSummary summary = sync();

  EXPECT_FALSE(summary.run.failed()) << format_sync_summary_text(summary);
  EXPECT_TRUE(summary.run.wrote_nothing());
  EXPECT_FALSE(summary.cursor_saved);
  EXPECT_EQ(summary.run.count(PostResult::kNew), 0);
  EXPECT_EQ(summary.run.count(PostResult::kChanged), 0);
  for (const char* table : {"posts", "sessions", "sync_cursors"}) {
    for (const std::string& updated :
         column_texts(database(), std::string("SELECT updated_at FROM ") + table)) {
      EXPECT_EQ(updated, "marker") << table;
    }
  }
  // Week 30 was modified at 2023-07-24T22:05:00; the sync reads from ten minutes before.
  const std::vector<testing::RecordedRequest> requests = posts_requests_since(before);
  ASSERT_EQ(requests.size(), 2U);
  EXPECT_EQ(requests[0].param("modified_after"), "2023-07-24T21:55:00Z");
  EXPECT_EQ(requests[0].param("orderby"), "modified");
  EXPECT_EQ(requests[0].param("order"), "asc");
  EXPECT_EQ(requests[1].param("after"), "2023-07-24T21:55:00Z");
  EXPECT_EQ(requests[1].param("orderby"), "date");
  EXPECT_EQ(summary.reading, "posts modified or published after 2023-07-24T21:55:00Z");
}

TEST_F(SyncTest, UnchangedAfterIdempotencyExpiryWritesNothing) {
  site_.add_workout_posts(5, kCategory, 1000);
  ASSERT_FALSE(sync().run.failed());
  execute(database(), "DELETE FROM idempotency; UPDATE posts SET updated_at = 'marker'");

  const SyncSummary summary = sync(SyncRequest{.mode = SyncMode::kFull});

  EXPECT_EQ(summary.run.count(PostResult::kUnchanged), 5);
  EXPECT_TRUE(summary.run.wrote_nothing());
  EXPECT_EQ(column_texts(database(), "SELECT DISTINCT updated_at FROM posts"),
            std::vector<std::string>{"marker"});
  EXPECT_EQ(column_texts(database(), "SELECT COUNT(*) FROM idempotency"),
            std::vector<std::string>{"0"});
}

TEST_F(SyncTest, EditedPostReplacesItsRecords) {
  site_.add_workout_posts(10, kCategory, 1000);
  ASSERT_FALSE(sync().run.failed());
  site_.edit_post(1003, [](Json& post) {
    post["modified_gmt"] = "2024-05-01T09:00:00";
    post["content"]["rendered"] =
        "<p><strong>Monday</strong></p>\n<p>A. Power Snatch &#8211; 6 x 2</p>\n";
  });

  const SyncSummary summary = sync();

  EXPECT_FALSE(summary.run.failed()) << format_sync_summary_text(summary);
  EXPECT_EQ(summary.run.count(PostResult::kChanged), 1);
  // The overlap window reads the newest post of the last sync again, at no cost.
  EXPECT_EQ(summary.run.count(PostResult::kUnchanged), 1);
  EXPECT_EQ(summary.run.posts.size(), 2U);
  EXPECT_EQ(summary.run.records_removed(), 1);  // the Wednesday of week 4
  EXPECT_EQ(saved_cursor(), "2024-05-01T09:00:00");
  const auto monday =
      column_texts(database(), "SELECT segment_a FROM sessions WHERE post_id = 1003");
  EXPECT_EQ(monday, std::vector<std::string>{"Power Snatch \u2013 6 x 2"});
}

TEST_F(SyncTest, FailedPostHoldsCursorUntilFixed) {
  site_.add_workout_posts(6, kCategory, 1000);
  site_.edit_post(1003, [](Json& post) { post.erase("content"); });

  const SyncSummary first = sync();

  EXPECT_TRUE(first.run.failed());
  EXPECT_EQ(first.run.count(PostResult::kFailed), 1);
  EXPECT_EQ(first.run.count(PostResult::kNew), 5);
  // Post 1003 (week 4, 2023-01-23) failed, so the cursor stays before the post listed before
  // it (week 3, modified 2023-01-16T22:05:00).
  EXPECT_EQ(saved_cursor(), "2023-01-16T22:04:59");

  site_.edit_post(1003, [](Json& post) {
    post["content"] = Json{{"rendered", "<p><strong>Monday</strong></p>\n<p>A. Snatch</p>\n"},
                           {"protected", false}};
  });
  const SyncSummary second = sync();

  EXPECT_FALSE(second.run.failed()) << format_sync_summary_text(second);
  EXPECT_EQ(second.run.count(PostResult::kNew), 1);
  EXPECT_EQ(saved_cursor(), "2023-02-06T22:05:00");
}

TEST_F(SyncTest, ListingErrorKeepsCursorBeforeUnreadPosts) {
  site_.add_workout_posts(150, kCategory, 1000);
  WordPressConfig settings = config();
  settings.after_page = [this](const FetchedPage& page) {
    if (page.request == 1) {
      site_.add_fault(testing::Fault{.status = 500, .times = -1});
    }
  };

  const SyncSummary summary = sync(SyncRequest{.commit_interval = milliseconds(0)}, settings);

  EXPECT_TRUE(summary.run.failed());
  ASSERT_TRUE(summary.run.source_error.has_value());
  EXPECT_EQ(summary.run.count(PostResult::kNew), 100);
  // Week 100 (2024-11-25) was the last post read; posts of its second may follow.
  EXPECT_EQ(saved_cursor(), "2024-11-25T22:04:59");
}

TEST_F(SyncTest, FullSyncReadsEverythingAgain) {
  site_.add_workout_posts(12, kCategory, 1000);
  ASSERT_FALSE(sync().run.failed());
  const std::size_t before = site_.posts_requests().size();

  const SyncSummary summary = sync(SyncRequest{.mode = SyncMode::kFull});

  EXPECT_EQ(summary.run.posts.size(), 12U);
  EXPECT_EQ(summary.run.count(PostResult::kUnchanged), 12);
  EXPECT_TRUE(summary.run.wrote_nothing());
  const auto requests = posts_requests_since(before);
  ASSERT_EQ(requests.size(), 1U);
  EXPECT_EQ(requests[0].param("modified_after"), "");
}

TEST_F(SyncTest, SinceReadsPostsPublishedFromDate) {
  site_.add_workout_posts(12, kCategory, 1000);

  const SyncSummary summary =
      sync(SyncRequest{.mode = SyncMode::kSince, .since = parse_utc_timestamp("2023-03-06")});

  EXPECT_FALSE(summary.run.failed());
  // Weeks 10 to 12 start on 2023-03-06, 03-13 and 03-20.
  EXPECT_EQ(summary.run.posts.size(), 3U);
  ASSERT_EQ(site_.posts_requests().size(), 1U);
  EXPECT_EQ(site_.posts_requests()[0].param("after"), "2023-03-05T23:59:59Z");
  EXPECT_EQ(summary.reading, "posts published on or after 2023-03-06T00:00:00Z");
  EXPECT_EQ(saved_cursor(), "2023-03-20T22:05:00");
}

TEST_F(SyncTest, SinceLeavesExistingCursor) {
  site_.add_workout_posts(12, kCategory, 1000);
  ASSERT_FALSE(sync().run.failed());
  ASSERT_EQ(saved_cursor(), "2023-03-20T22:05:00");
  site_.edit_post(1001, [](Json& post) { post["modified_gmt"] = "2025-01-01T00:00:00"; });

  const SyncSummary summary =
      sync(SyncRequest{.mode = SyncMode::kSince, .since = parse_utc_timestamp("2023-01-01")});

  EXPECT_EQ(summary.run.count(PostResult::kChanged), 1);
  EXPECT_FALSE(summary.cursor_saved);
  EXPECT_EQ(saved_cursor(), "2023-03-20T22:05:00");
}

TEST_F(SyncTest, ScheduledPostFoundByPublicationDate) {
  site_.add_workout_posts(8, kCategory, 1000);
  ASSERT_FALSE(sync().run.failed());
  // WordPress publishes a scheduled post without touching its modified time, which here is a
  // month before the cursor.
  Json scheduled = testing::workout_post(2000, 9);
  scheduled["modified_gmt"] = "2023-01-25T10:00:00";
  site_.add_post(scheduled, {kCategory});

  const SyncSummary summary = sync();

  EXPECT_EQ(summary.run.count(PostResult::kNew), 1);
  ASSERT_EQ(summary.run.posts.size(), 2U);
  EXPECT_EQ(summary.run.posts[1].post.id, 2000);
  EXPECT_EQ(summary.run.posts[1].result, PostResult::kNew);
}

TEST_F(SyncTest, PostPublishedDuringSyncNotLost) {
  site_.add_workout_posts(220, kCategory, 1000);
  WordPressConfig settings = config();
  settings.after_page = [this](const FetchedPage& page) {
    if (page.request == 1) {
      Json post = testing::workout_post(9000, 400);
      post["modified_gmt"] = "2031-01-01T00:00:00";
      site_.add_post(post, {kCategory});
    }
  };

  const SyncSummary summary = sync({}, settings);

  EXPECT_FALSE(summary.run.failed()) << format_sync_summary_text(summary);
  EXPECT_EQ(summary.run.posts.size(), 221U);
  std::map<std::int64_t, int> counts;
  for (const PostOutcome& post : summary.run.posts) {
    ++counts[*post.post.id];
  }
  EXPECT_EQ(counts.size(), 221U);
  EXPECT_EQ(counts[9000], 1);
  EXPECT_EQ(saved_cursor(), "2031-01-01T00:00:00");
}

TEST_F(SyncTest, CursorOfOtherListingIgnored) {
  site_.add_workout_posts(4, kCategory, 1000);
  site_.add_workout_posts(3, 77, 5000);
  ASSERT_FALSE(sync().run.failed());
  WordPressConfig other = config();
  other.category_id = 77;

  const SyncSummary summary = sync({}, other);

  EXPECT_EQ(summary.run.count(PostResult::kNew), 3);
  EXPECT_EQ(summary.reading, "every post (no cursor saved yet)");
  EXPECT_EQ(saved_cursor(), "2023-01-16T22:05:00");
}

TEST_F(SyncTest, DailyProfileDatesPostsByPublication) {
  for (int day = 0; day < 3; ++day) {
    Json post = testing::workout_post(3000 + day, 1);
    post["slug"] = "wod-" + std::to_string(day);
    post["title"]["rendered"] = "Daily WOD " + std::to_string(day + 1);
    post["date_gmt"] = "2024-04-0" + std::to_string(day + 1) + "T12:00:00";
    post["modified_gmt"] = post["date_gmt"];
    post["content"]["rendered"] = "<p>A. Clean &amp; Jerk &#8211; 5 x 1</p>\n<p>B. Row 2k</p>\n";
    site_.add_post(post, {kCategory});
  }

  SyncRequest request;
  request.run.profile = ProgramProfile::kDaily;
  const SyncSummary summary = sync(request);

  EXPECT_FALSE(summary.run.failed()) << format_sync_summary_text(summary);
  EXPECT_EQ(summary.run.count(PostResult::kNew), 3);
  EXPECT_EQ(column_texts(database(), "SELECT date || ' ' || session FROM sessions ORDER BY date"),
            (std::vector<std::string>{"2024-04-01 Daily WOD 1", "2024-04-02 Daily WOD 2",
                                      "2024-04-03 Daily WOD 3"}));
}

TEST_F(SyncTest, ProgressCountsPosts) {
  site_.add_workout_posts(25, kCategory, 1000);
  std::vector<SyncProgress> reports;
  SyncRequest request;
  request.on_progress = [&reports](const SyncProgress& progress) { reports.push_back(progress); };

  const SyncSummary summary = sync(request);

  ASSERT_FALSE(reports.empty());
  EXPECT_EQ(reports.back().listed, 25);
  EXPECT_EQ(reports.back().processed, 25);
  EXPECT_EQ(reports.back().total, 25);
  EXPECT_TRUE(reports.back().listing_done);
  EXPECT_EQ(reports.front().source, "standin");
}

TEST_F(SyncTest, SummaryJsonHasSyncFields) {
  site_.add_workout_posts(3, kCategory, 1000);

  const Json json = sync_summary_to_json(sync());

  EXPECT_EQ(json["source_name"], "standin");
  EXPECT_EQ(json["mode"], "incremental");
  EXPECT_EQ(json["posts_seen"], 3);
  EXPECT_EQ(json["new"], 3);
  EXPECT_EQ(json["cursor_after"], "2023-01-16T22:05:00");
  EXPECT_EQ(json["cursor_saved"], true);
  EXPECT_EQ(json["requests"], 1);
  EXPECT_TRUE(json.contains("elapsed_ms"));
  EXPECT_TRUE(json.contains("records_written"));
}

}  // namespace
}  // namespace wodetl
