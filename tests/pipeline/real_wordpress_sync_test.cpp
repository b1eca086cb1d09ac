// sync_source against a real WordPress on 127.0.0.1, with a post published between two page
// requests of the listing.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "load/local/sqlite_store.hpp"
#include "pipeline/sync.hpp"
#include "support/fixtures.hpp"
#include "support/program_posts.hpp"
#include "support/real_wordpress.hpp"

namespace wodetl {
namespace {

using testing::NewPost;
using testing::SeededPost;

constexpr int kPublishedPosts = 130;

class RealWordPressSyncTest : public testing::RealWordPressTest {
 protected:
  void SetUp() override {
    testing::RealWordPressTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) {
      return;
    }
    auto stores = open_local_stores(LocalStoreSettings{folder_.path() / "data", "bucket"});
    ASSERT_TRUE(stores.ok()) << stores.error().to_string();
    stores_ = *stores;
  }

  WordPressConfig config(std::int64_t category) {
    WordPressConfig config;
    config.api_url = wordpress().url();
    config.category_id = category;
    config.limits = RequestLimits{.requests_per_second = 0, .concurrency = 1};
    return config;
  }

  SyncSummary sync(const WordPressConfig& settings) {
    auto source = WordPressSource::create(settings);
    if (!source.ok()) {
      ADD_FAILURE() << source.error().to_string();
      return {};
    }
    SyncRequest request;
    request.source_name = "program";
    request.listing = (*source)->describe();
    request.run.jobs = 2;
    return sync_source(**source, stores_, request);
  }

  testing::TempFolder folder_;
  Stores stores_;
};

TEST_F(RealWordPressSyncTest, PostPublishedBetweenPagesNotLost) {
  testing::RealWordPress& site = wordpress();
  const testing::WordPressTerm program = site.create_category("Weightlifting");
  std::vector<NewPost> posts;
  for (int week = 1; week <= kPublishedPosts; ++week) {
    posts.push_back(testing::weekly_program_post(week, program.id));
  }
  const std::vector<SeededPost> seeded = site.insert_posts(posts);
  std::set<std::int64_t> expected;
  for (const SeededPost& post : seeded) {
    expected.insert(post.id);
  }

  // After the first page, one post is published and one already read is edited, as an author
  // working during the sync would. Both move to the end of the listing by modification time.
  WordPressConfig settings = config(program.id);
  std::optional<SeededPost> published;
  std::optional<SeededPost> edited;
  std::vector<std::string> requested_bounds;
  settings.after_page = [&](const FetchedPage& page) {
    requested_bounds.push_back(page.url);
    if (page.request == 1) {
      // Published now, so WordPress sets its modified time to now as well.
      NewPost post = testing::weekly_program_post(kPublishedPosts + 1, program.id);
      post.date_gmt.clear();
      published = site.create_post(post);
      edited = site.update_post(seeded[3].id, {.title = "January 25 - 31, 2021 - Deload Week"});
    }
  };

  const SyncSummary summary = sync(settings);

  ASSERT_FALSE(summary.run.failed()) << format_sync_summary_text(summary);
  ASSERT_TRUE(published.has_value());
  expected.insert(published->id);
  std::map<std::int64_t, int> reads;
  for (const PostOutcome& outcome : summary.run.posts) {
    ASSERT_TRUE(outcome.post.id.has_value());
    ++reads[*outcome.post.id];
  }
  std::set<std::int64_t> read;
  for (const auto& [id, count] : reads) {
    read.insert(id);
    // The edited post is read in both versions; every other post exactly once.
    EXPECT_EQ(count, id == seeded[3].id ? 2 : 1) << "post " << id;
  }
  EXPECT_EQ(read, expected);
  EXPECT_EQ(summary.run.count(PostResult::kNew), kPublishedPosts + 1);
  EXPECT_EQ(summary.run.count(PostResult::kFailed), 0);
  ASSERT_GE(requested_bounds.size(), 2U);
  EXPECT_NE(requested_bounds[1].find("modified_after="), std::string::npos) << requested_bounds[1];

  // The store contains every post once, the edited one in its new version.
  auto* database = dynamic_cast<SqliteStore*>(stores_.state.get());
  ASSERT_NE(database, nullptr);
  Result<std::vector<PostState>> states = database->all_post_states();
  ASSERT_TRUE(states.ok());
  EXPECT_EQ(states->size(), expected.size());
  Result<std::optional<PostState>> edited_state = database->find_post_state(seeded[3].id);
  ASSERT_TRUE(edited_state.ok());
  ASSERT_TRUE(edited_state->has_value());
  EXPECT_EQ((*edited_state)->source.modified_gmt, edited->modified_gmt);
  EXPECT_EQ(summary.cursor_after, std::max(published->modified_gmt, edited->modified_gmt));
}

TEST_F(RealWordPressSyncTest, BulkImportInOneSecondReadOnce) {
  // An import gives every post the same modified time. MariaDB returns rows with equal sort keys
  // in an order that may change between two LIMIT queries, so offset pages ordered by modified
  // would skip and repeat posts.
  constexpr int kImported = 230;
  testing::RealWordPress& site = wordpress();
  const testing::WordPressTerm program = site.create_category("Imported");
  std::vector<NewPost> posts;
  for (int week = 1; week <= kImported; ++week) {
    NewPost post = testing::weekly_program_post(week, program.id);
    post.modified_gmt = "2024-05-06T07:08:09";
    posts.push_back(post);
  }
  const std::vector<SeededPost> seeded = site.insert_posts(posts);
  std::set<std::int64_t> expected;
  for (const SeededPost& post : seeded) {
    expected.insert(post.id);
  }
  WordPressConfig settings = config(program.id);
  std::vector<std::string> urls;
  settings.after_page = [&urls](const FetchedPage& page) { urls.push_back(page.url); };

  const SyncSummary first = sync(settings);

  ASSERT_FALSE(first.failed()) << format_sync_summary_text(first);
  std::map<std::int64_t, int> reads;
  for (const PostOutcome& outcome : first.run.posts) {
    ASSERT_TRUE(outcome.post.id.has_value());
    ++reads[*outcome.post.id];
  }
  std::set<std::int64_t> read;
  for (const auto& [id, count] : reads) {
    read.insert(id);
    EXPECT_EQ(count, 1) << "post " << id;
  }
  EXPECT_EQ(read, expected);
  EXPECT_EQ(first.run.count(PostResult::kNew), kImported);
  EXPECT_EQ(first.shifts, 0);
  const bool read_by_id = std::any_of(urls.begin(), urls.end(), [](const std::string& url) {
    return url.find("orderby=id") != std::string::npos &&
           url.find("modified_before=2024-05-06T07%3A08%3A10Z") != std::string::npos;
  });
  EXPECT_TRUE(read_by_id);
  EXPECT_EQ(first.cursor_after, "2024-05-06T07:08:09");

  // The next sync reads the same second again, through its overlap window, and writes nothing.
  const SyncSummary second = sync(settings);

  ASSERT_FALSE(second.failed()) << format_sync_summary_text(second);
  EXPECT_EQ(second.run.count(PostResult::kNew), 0);
  EXPECT_EQ(second.run.count(PostResult::kChanged), 0);
  EXPECT_EQ(second.run.count(PostResult::kFailed), 0);
}

TEST_F(RealWordPressSyncTest, DailyProfileUsesPublicationDate) {
  testing::RealWordPress& site = wordpress();
  const testing::WordPressTerm daily = site.create_category("Daily WOD");
  (void)site.insert_posts(
      {NewPost{.title = "Tuesday -- Snatch Day",
               .content = "Warm-up: 3 rounds of 10 PVC pass-throughs\nA. Snatch 5x2 @ 75%\nB. "
                          "Front Squat 4x3",
               .categories = {daily.id},
               .date_gmt = "2024-04-02T11:00:00"},
       NewPost{.title = "Wednesday \"Engine\"",
               .content = "A. Row 2k\nB. Clean & Jerk 5x1",
               .categories = {daily.id},
               .date_gmt = "2024-04-03T11:00:00"}});
  WordPressConfig settings = config(daily.id);
  auto source = WordPressSource::create(settings);
  ASSERT_TRUE(source.ok());
  SyncRequest request;
  request.source_name = "daily";
  request.listing = (*source)->describe();
  request.run.profile = ProgramProfile::kDaily;

  const SyncSummary summary = sync_source(**source, stores_, request);

  ASSERT_FALSE(summary.run.failed()) << format_sync_summary_text(summary);
  EXPECT_EQ(summary.run.count(PostResult::kNew), 2);
  Result<std::vector<SessionRecord>> records = stores_.sessions->all_sessions();
  ASSERT_TRUE(records.ok());
  ASSERT_EQ(records->size(), 2U);
  EXPECT_EQ((*records)[0].date, "2024-04-02");
  EXPECT_EQ((*records)[0].session, "Tuesday \u2014 Snatch Day");
  EXPECT_EQ((*records)[1].date, "2024-04-03");
  EXPECT_EQ((*records)[1].session, "Wednesday \u201CEngine\u201D");
}

}  // namespace
}  // namespace wodetl
