#include "pipeline/sync.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <map>
#include <string>
#include <vector>

#include "load/local/sqlite_store.hpp"
#include "support/fixtures.hpp"
#include "support/store_queries.hpp"
#include "support/wordpress_standin.hpp"

namespace wodetl {
namespace {

using std::chrono::milliseconds;

constexpr std::int64_t kCategory = 213;

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

  //! Syncs as the source `name`, with the listing of `settings`.
  SyncSummary sync_as(const std::string& name, const WordPressConfig& settings,
                      SyncRequest request = {}) {
    auto source = WordPressSource::create(settings);
    if (!source.ok()) {
      ADD_FAILURE() << source.error().to_string();
      return {};
    }
    request.source_name = name;
    request.listing = (*source)->describe();
    request.run.jobs = 2;
    if (request.other_sources.empty()) {
      request.other_sources = {"standin", "other", "renamed"};
      request.other_sources.erase(name);
    }
    return sync_source(**source, stores_, request);
  }

  //! Adds `count` workout posts (ids from 1000) in the category and syncs them once.
  void sync_first_posts(int count) {
    site_.add_workout_posts(count, kCategory, 1000);
    const SyncSummary first = sync();
    ASSERT_FALSE(first.failed()) << format_sync_summary_text(first);
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
  EXPECT_EQ(summary.reading, "every post (no cursor saved for this listing yet)");
  // Week 130 is 2023-01-02 + 129 weeks; its post was modified at 22:05:00 UTC.
  EXPECT_EQ(saved_cursor(), "2025-06-23T22:05:00");
  EXPECT_EQ(summary.cursor_after, "2025-06-23T22:05:00");
  EXPECT_TRUE(summary.cursor_saved);
  EXPECT_EQ(testing::query_column(database(), "SELECT COUNT(*) FROM posts"),
            std::vector<std::string>{"130"});
}

TEST_F(SyncTest, UnchangedSyncWritesNothing) {
  ASSERT_NO_FATAL_FAILURE(sync_first_posts(30));
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
         testing::query_column(database(), std::string("SELECT updated_at FROM ") + table)) {
      EXPECT_EQ(updated, "marker") << table;
    }
  }
  // Week 30 was modified at 2023-07-24T22:05:00; the sync reads from ten minutes before.
  const std::vector<testing::RecordedRequest> requests = posts_requests_since(before);
  ASSERT_EQ(requests.size(), 3U);
  EXPECT_EQ(requests[0].param("modified_after"), "2023-07-24T21:55:00Z");
  EXPECT_EQ(requests[0].param("orderby"), "modified");
  EXPECT_EQ(requests[0].param("order"), "asc");
  EXPECT_EQ(requests[1].param("after"), "2023-07-24T21:55:00Z");
  EXPECT_EQ(requests[1].param("orderby"), "date");
  // The audit counts the listing with one post id; the count matches, so nothing more is sent.
  EXPECT_EQ(requests[2].param("per_page"), "1");
  EXPECT_EQ(requests[2].param("_fields"), "id");
  EXPECT_EQ(requests[2].param("modified_after"), "");
  EXPECT_EQ(summary.requests, 3);
  EXPECT_TRUE(summary.audit.ran);
  EXPECT_FALSE(summary.audit.ids_compared);
  EXPECT_EQ(summary.audit.listed, 30);
  EXPECT_EQ(summary.reading, "posts modified or published after 2023-07-24T21:55:00Z");
}

TEST_F(SyncTest, UnchangedAfterIdempotencyExpiryWritesNothing) {
  ASSERT_NO_FATAL_FAILURE(sync_first_posts(5));
  execute(database(), "DELETE FROM idempotency; UPDATE posts SET updated_at = 'marker'");

  const SyncSummary summary = sync(SyncRequest{.mode = SyncMode::kFull});

  EXPECT_EQ(summary.run.count(PostResult::kUnchanged), 5);
  EXPECT_TRUE(summary.run.wrote_nothing());
  EXPECT_EQ(testing::query_column(database(), "SELECT DISTINCT updated_at FROM posts"),
            std::vector<std::string>{"marker"});
  EXPECT_EQ(testing::query_column(database(), "SELECT COUNT(*) FROM idempotency"),
            std::vector<std::string>{"0"});
}

TEST_F(SyncTest, EditedPostReplacesItsRecords) {
  ASSERT_NO_FATAL_FAILURE(sync_first_posts(10));
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
      testing::query_column(database(), "SELECT segment_a FROM sessions WHERE post_id = 1003");
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

TEST_F(SyncTest, FailedSyncsKeepCursor) {
  ASSERT_NO_FATAL_FAILURE(sync_first_posts(3));
  const std::optional<std::string> before = saved_cursor();
  ASSERT_TRUE(before.has_value());
  site_.require_basic_auth("coach", "barbell-pass-77", /*public_posts=*/true);
  WordPressConfig wrong_password = config();
  wrong_password.auth = BasicAuth{"coach", "wrong-pass-12"};

  const SyncSummary first = sync({}, wrong_password);
  const SyncSummary second = sync({}, wrong_password);

  EXPECT_TRUE(first.failed());
  EXPECT_TRUE(second.failed());
  EXPECT_FALSE(first.cursor_saved);
  EXPECT_FALSE(second.cursor_saved);
  EXPECT_EQ(second.cursor_after, before);
  EXPECT_EQ(saved_cursor(), before);
}

TEST_F(SyncTest, FailingSiteKeepsCursor) {
  ASSERT_NO_FATAL_FAILURE(sync_first_posts(3));
  const std::optional<std::string> before = saved_cursor();
  site_.add_fault(testing::Fault{.status = 503, .times = -1});

  const SyncSummary first = sync();
  const SyncSummary second = sync();

  EXPECT_TRUE(first.failed());
  EXPECT_TRUE(second.failed());
  EXPECT_EQ(saved_cursor(), before);
}

TEST_F(SyncTest, FullSyncReadsEverythingAgain) {
  ASSERT_NO_FATAL_FAILURE(sync_first_posts(12));
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
  ASSERT_NO_FATAL_FAILURE(sync_first_posts(12));
  ASSERT_EQ(saved_cursor(), "2023-03-20T22:05:00");
  site_.edit_post(1001, [](Json& post) { post["modified_gmt"] = "2025-01-01T00:00:00"; });

  const SyncSummary summary =
      sync(SyncRequest{.mode = SyncMode::kSince, .since = parse_utc_timestamp("2023-01-01")});

  EXPECT_EQ(summary.run.count(PostResult::kChanged), 1);
  EXPECT_FALSE(summary.cursor_saved);
  EXPECT_EQ(saved_cursor(), "2023-03-20T22:05:00");
}

TEST_F(SyncTest, ScheduledPostFoundByPublicationDate) {
  ASSERT_NO_FATAL_FAILURE(sync_first_posts(8));
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

TEST_F(SyncTest, BackdatedPostReadById) {
  ASSERT_NO_FATAL_FAILURE(sync_first_posts(8));
  // A post created through the API with a past date: WordPress gives it that date as its
  // modified time too, a month before the cursor, so neither walk of the next sync reads it.
  Json backdated = testing::workout_post(2000, 9);
  backdated["date_gmt"] = "2023-01-20T10:00:00";
  backdated["modified_gmt"] = "2023-01-20T10:00:00";
  site_.add_post(backdated, {kCategory});
  const std::size_t before = site_.posts_requests().size();

  const SyncSummary summary = sync();
  const std::vector<testing::RecordedRequest> requests = posts_requests_since(before);
  const SyncSummary next = sync();

  EXPECT_FALSE(summary.failed()) << format_sync_summary_text(summary);
  EXPECT_EQ(summary.run.count(PostResult::kNew), 1);
  EXPECT_EQ(summary.audit.missed, std::vector<std::int64_t>{2000});
  EXPECT_TRUE(summary.audit.ids_compared);
  EXPECT_TRUE(summary.audit.gone.empty());
  ASSERT_EQ(requests.size(), 5U);
  EXPECT_EQ(requests[3].param("orderby"), "id");
  EXPECT_EQ(requests[3].param("_fields"), "id,modified_gmt");
  EXPECT_EQ(requests[4].param("include"), "2000");
  EXPECT_EQ(testing::query_column(database(), "SELECT COUNT(*) FROM sessions WHERE post_id = 2000"),
            std::vector<std::string>{"2"});
  // The cursor does not move back for an old post.
  EXPECT_EQ(saved_cursor(), "2023-02-20T22:05:00");
  EXPECT_TRUE(next.audit.missed.empty());
  EXPECT_FALSE(next.audit.ids_compared);
}

TEST_F(SyncTest, GonePostsReportedThenPruned) {
  ASSERT_NO_FATAL_FAILURE(sync_first_posts(6));
  site_.remove_post(1001);
  site_.edit_post(1002, [](Json& post) { post["status"] = "draft"; });
  site_.edit_post(1003, [](Json& post) { post["categories"] = Json::array({77}); });

  const SyncSummary reported = sync();
  const SyncSummary pruned = sync(SyncRequest{.prune = true});
  const SyncSummary after = sync();

  EXPECT_FALSE(reported.failed()) << format_sync_summary_text(reported);
  ASSERT_EQ(reported.audit.gone.size(), 3U) << format_sync_summary_text(reported);
  EXPECT_EQ(reported.audit.gone[0].state.source.post_id, 1001);
  EXPECT_EQ(reported.audit.gone[0].absence, PostAbsence::kDeleted);
  EXPECT_EQ(reported.audit.gone[1].state.source.post_id, 1002);
  EXPECT_EQ(reported.audit.gone[1].absence, PostAbsence::kNotPublic);
  EXPECT_EQ(reported.audit.gone[2].state.source.post_id, 1003);
  EXPECT_EQ(reported.audit.gone[2].absence, PostAbsence::kNotInListing);
  EXPECT_EQ(reported.audit.gone[2].reason, "no longer in the source's category (213)");
  const std::string text = format_sync_summary_text(reported);
  EXPECT_NE(text.find("Listing: 3 posts, 3 stored posts are gone from it"), std::string::npos)
      << text;
  EXPECT_NE(text.find("Gone: post 1002 'weightlifting-program-3'"), std::string::npos) << text;

  // The prune removes the gone posts' records, weekly objects and states, and keeps raw posts.
  EXPECT_FALSE(pruned.failed()) << format_sync_summary_text(pruned);
  ASSERT_EQ(pruned.audit.gone.size(), 3U);
  for (const GonePost& post : pruned.audit.gone) {
    EXPECT_TRUE(post.removed) << post.state.source.post_id;
    EXPECT_EQ(post.records_removed, 2) << post.state.source.post_id;
    EXPECT_EQ(post.objects_removed, 1) << post.state.source.post_id;
  }
  EXPECT_EQ(testing::query_column(database(), "SELECT post_id FROM posts ORDER BY post_id"),
            (std::vector<std::string>{"1000", "1004", "1005"}));
  EXPECT_EQ(
      testing::query_column(database(), "SELECT DISTINCT post_id FROM sessions ORDER BY post_id"),
      (std::vector<std::string>{"1000", "1004", "1005"}));
  const auto weekly = stores_.objects->list("weekly/");
  ASSERT_TRUE(weekly.ok());
  EXPECT_EQ(weekly->size(), 3U);
  const auto raw = stores_.objects->list("raw/");
  ASSERT_TRUE(raw.ok());
  EXPECT_EQ(raw->size(), 6U);
  EXPECT_TRUE(after.audit.gone.empty());
  EXPECT_FALSE(after.audit.ids_compared);
}

TEST_F(SyncTest, FullSyncFindsGonePostsWithoutCounting) {
  ASSERT_NO_FATAL_FAILURE(sync_first_posts(5));
  site_.remove_post(1002);
  const std::size_t before = site_.posts_requests().size();

  const SyncSummary summary = sync(SyncRequest{.mode = SyncMode::kFull});

  ASSERT_EQ(summary.audit.gone.size(), 1U);
  EXPECT_EQ(summary.audit.gone[0].state.source.post_id, 1002);
  EXPECT_EQ(summary.audit.listed, 4);
  // The walk read the whole listing, so no count or id listing was needed.
  EXPECT_EQ(posts_requests_since(before).size(), 1U);
  EXPECT_EQ(summary.audit.requests, 1);  // the check of post 1002
}

TEST_F(SyncTest, FailedGoneCheckFailsSyncKeepsRecords) {
  ASSERT_NO_FATAL_FAILURE(sync_first_posts(4));
  site_.remove_post(1001);
  WordPressConfig settings = config();
  settings.after_page = [this](const FetchedPage& page) {
    if (page.key == ListingKey::kDate) {
      // From the audit on, a firewall responds to every posts request with its own page.
      site_.add_fault(testing::Fault{.status = 403,
                                     .times = -1,
                                     .body = testing::blocked_page_html(),
                                     .content_type = "text/html; charset=UTF-8"});
    }
  };

  const SyncSummary summary = sync(SyncRequest{.prune = true}, settings);

  EXPECT_TRUE(summary.failed());
  EXPECT_FALSE(summary.run.failed());
  ASSERT_TRUE(summary.audit.error.has_value());
  EXPECT_NE(summary.audit.error->message.find("page title 'Access Denied'"), std::string::npos)
      << summary.audit.error->message;
  EXPECT_TRUE(summary.audit.gone.empty());
  EXPECT_EQ(testing::query_column(database(), "SELECT COUNT(*) FROM posts"),
            std::vector<std::string>{"4"});
  EXPECT_NE(format_sync_summary_text(summary).find("Run failed"), std::string::npos);
  EXPECT_EQ(sync_summary_to_json(summary)["succeeded"], false);
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
  EXPECT_EQ(summary.reading, "every post (the saved cursor is for another listing)");
  EXPECT_EQ(saved_cursor(), "2023-01-16T22:05:00");
}

// Two sources whose data folders are one (as --data-dir can make them) keep each other's posts:
// each post state records the sources that read it, and the audit of one source leaves out the
// posts that only the other read.
TEST_F(SyncTest, OtherSourcePostsNotPruned) {
  site_.add_workout_posts(4, kCategory, 1000);
  site_.add_workout_posts(3, 77, 5000);
  ASSERT_FALSE(sync(SyncRequest{.other_sources = {"other"}}).failed());
  WordPressConfig other = config();
  other.category_id = 77;

  const SyncSummary summary = sync_as("other", other, SyncRequest{.prune = true});

  ASSERT_FALSE(summary.failed()) << format_sync_summary_text(summary);
  EXPECT_EQ(summary.run.count(PostResult::kNew), 3);
  EXPECT_TRUE(summary.audit.gone.empty()) << format_sync_summary_text(summary);
  EXPECT_EQ(summary.audit.stored, 0U);
  EXPECT_EQ(testing::query_column(database(), "SELECT post_id FROM posts ORDER BY post_id"),
            (std::vector<std::string>{"1000", "1001", "1002", "1003", "5000", "5001", "5002"}));
  EXPECT_EQ(testing::query_column(database(),
                                  "SELECT sources_json FROM posts WHERE post_id IN (1000, 5000) "
                                  "ORDER BY post_id"),
            (std::vector<std::string>{R"(["standin"])", R"(["other"])"}));
}

// A post in the categories of two sources keeps its records when it leaves one of them and that
// source prunes: the other source still lists it.
TEST_F(SyncTest, PostOfTwoSourcesKeptByPrune) {
  site_.add_workout_posts(3, kCategory, 1000);
  site_.edit_post(1001, [](Json& post) { post["categories"] = Json::array({kCategory, 77}); });
  WordPressConfig other = config();
  other.category_id = 77;
  ASSERT_FALSE(sync(SyncRequest{.other_sources = {"other"}}).failed());
  ASSERT_FALSE(sync_as("other", other).failed());
  site_.edit_post(1001, [](Json& post) { post["categories"] = Json::array({kCategory}); });

  const SyncSummary pruned = sync_as("other", other, SyncRequest{.prune = true, .prune_all = true});
  const SyncSummary first = sync(SyncRequest{.other_sources = {"other"}});

  ASSERT_FALSE(pruned.failed()) << format_sync_summary_text(pruned);
  ASSERT_EQ(pruned.audit.gone.size(), 1U) << format_sync_summary_text(pruned);
  const GonePost& gone_post = pruned.audit.gone[0];
  EXPECT_EQ(gone_post.state.source.post_id, 1001);
  EXPECT_FALSE(gone_post.removed);
  EXPECT_TRUE(gone_post.source_removed);
  EXPECT_EQ(gone_post.also_read_by, std::vector<std::string>{"standin"});
  const std::string text = format_sync_summary_text(pruned);
  EXPECT_NE(text.find("its records are kept for source 'standin', which read it too"),
            std::string::npos)
      << text;
  EXPECT_EQ(testing::query_column(database(), "SELECT COUNT(*) FROM sessions WHERE post_id = 1001"),
            std::vector<std::string>{"2"});
  EXPECT_EQ(
      testing::query_column(database(), "SELECT sources_json FROM posts WHERE post_id = 1001"),
      std::vector<std::string>{R"(["standin"])"});
  ASSERT_FALSE(first.failed()) << format_sync_summary_text(first);
  EXPECT_TRUE(first.audit.gone.empty()) << format_sync_summary_text(first);
}

// A post state written before the sources were recorded is compared by every source, and gets
// the source when its post is read again.
TEST_F(SyncTest, StateWithoutSourcesGetsThem) {
  ASSERT_NO_FATAL_FAILURE(sync_first_posts(3));
  execute(database(), "UPDATE posts SET sources_json = NULL");
  site_.remove_post(1002);

  const SyncSummary summary = sync(SyncRequest{.mode = SyncMode::kFull});

  ASSERT_FALSE(summary.failed()) << format_sync_summary_text(summary);
  ASSERT_EQ(summary.audit.gone.size(), 1U) << format_sync_summary_text(summary);
  EXPECT_EQ(summary.audit.gone[0].state.source.post_id, 1002);
  EXPECT_EQ(summary.run.count(PostResult::kUnchanged), 2);
  EXPECT_EQ(testing::query_column(database(),
                                  "SELECT post_id FROM posts WHERE sources_json IS NOT NULL "
                                  "ORDER BY post_id"),
            (std::vector<std::string>{"1000", "1001"}));
}

// A source that was renamed in the configuration still compares the posts it read before.
TEST_F(SyncTest, RenamedSourceStillAudits) {
  ASSERT_NO_FATAL_FAILURE(sync_first_posts(3));
  site_.remove_post(1002);

  // "standin" is no longer configured, so its posts belong to every source.
  const SyncSummary summary = sync_as(
      "renamed", config(), SyncRequest{.mode = SyncMode::kFull, .other_sources = {"other"}});

  ASSERT_FALSE(summary.failed()) << format_sync_summary_text(summary);
  ASSERT_EQ(summary.audit.gone.size(), 1U) << format_sync_summary_text(summary);
  EXPECT_EQ(summary.audit.gone[0].state.source.post_id, 1002);
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
  EXPECT_EQ(testing::query_column(database(),
                                  "SELECT date || ' ' || session FROM sessions ORDER BY date"),
            (std::vector<std::string>{"2024-04-01 Daily WOD 1", "2024-04-02 Daily WOD 2",
                                      "2024-04-03 Daily WOD 3"}));
}

TEST_F(SyncTest, SameDateAndTitleKeepsBothPosts) {
  std::vector<Json> posts;
  for (int copy = 0; copy < 2; ++copy) {
    Json post = testing::workout_post(3000 + copy, 1);
    post["slug"] = "saturday-wod-" + std::to_string(copy);
    post["title"]["rendered"] = "Saturday WOD";
    post["date_gmt"] = "2024-04-06T1" + std::to_string(copy) + ":00:00";
    post["modified_gmt"] = post["date_gmt"];
    post["content"]["rendered"] = "<p>A. Snatch &#8211; 5 x " + std::to_string(copy + 1) + "</p>\n";
    posts.push_back(post);
  }
  SyncRequest daily;
  daily.run.profile = ProgramProfile::kDaily;
  // One post per sync, so that post 3000 is stored first.
  site_.add_post(posts[0], {kCategory});
  ASSERT_FALSE(sync(daily).failed());
  site_.add_post(posts[1], {kCategory});

  const SyncSummary first = sync(daily);
  site_.remove_post(3000);
  SyncRequest prune = daily;
  prune.prune = true;
  const SyncSummary pruned = sync(prune);
  SyncRequest full = daily;
  full.mode = SyncMode::kFull;
  const SyncSummary again = sync(full);

  EXPECT_FALSE(first.failed()) << format_sync_summary_text(first);
  ASSERT_EQ(first.run.count(PostResult::kNew), 1);
  const PostOutcome& second_post = first.run.posts.back();
  ASSERT_EQ(second_post.warnings.size(), 1U) << format_sync_summary_text(first);
  EXPECT_EQ(second_post.warnings[0],
            "the session 'Saturday WOD' on 2024-04-06 is also a record of post 3000 "
            "'saturday-wod-0' (https://wodetl.test/weightlifting-program-1/), so this post's "
            "record is stored as 'Saturday WOD (post 3001)'");
  // Pruning post 3000 removes its record only.
  EXPECT_FALSE(pruned.failed()) << format_sync_summary_text(pruned);
  ASSERT_EQ(pruned.audit.gone.size(), 1U);
  EXPECT_EQ(pruned.audit.gone[0].records_removed, 1);
  EXPECT_EQ(testing::query_column(
                database(), "SELECT session || ' ' || post_id FROM sessions ORDER BY post_id"),
            (std::vector<std::string>{"Saturday WOD (post 3001) 3001"}));
  EXPECT_FALSE(again.failed()) << format_sync_summary_text(again);
  EXPECT_EQ(again.run.count(PostResult::kUnchanged), 1);
}

TEST_F(SyncTest, SameWeekTwiceKeepsBothPosts) {
  site_.add_post(testing::workout_post(4000, 3), {kCategory});
  ASSERT_FALSE(sync().failed());
  Json copy = testing::workout_post(4001, 3);
  copy["slug"] = "weightlifting-program-3-copy";
  copy["modified_gmt"] = "2023-01-16T23:00:00";
  site_.add_post(copy, {kCategory});

  const SyncSummary first = sync();

  EXPECT_FALSE(first.failed()) << format_sync_summary_text(first);
  EXPECT_EQ(testing::query_column(database(),
                                  "SELECT date || ' ' || session FROM sessions ORDER BY post_id, "
                                  "date"),
            (std::vector<std::string>{"2023-01-16 Monday", "2023-01-18 Wednesday",
                                      "2023-01-16 Monday (post 4001)",
                                      "2023-01-18 Wednesday (post 4001)"}));
  site_.remove_post(4001);
  const SyncSummary pruned = sync(SyncRequest{.prune = true});
  EXPECT_FALSE(pruned.failed()) << format_sync_summary_text(pruned);
  EXPECT_EQ(testing::query_column(database(), "SELECT DISTINCT post_id FROM sessions"),
            std::vector<std::string>{"4000"});
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
