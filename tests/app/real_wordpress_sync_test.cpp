// End-to-end tests of `wodetl sync` against a real WordPress on 127.0.0.1: a first sync of more
// than a page of posts, an edit, an unchanged sync, a wrong application password, a post created
// with a past date, and posts deleted, trashed or moved out of the category.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/json_codec.hpp"
#include "support/command.hpp"
#include "support/fixtures.hpp"
#include "support/program_posts.hpp"
#include "support/real_wordpress.hpp"
#include "support/store_queries.hpp"
#include "support/sync_checks.hpp"

namespace wodetl {
namespace {

namespace fs = std::filesystem;
using testing::contains;
using testing::NewPost;
using testing::query_column;
using testing::SeededPost;

constexpr int kPublishedPosts = 121;  // more than one page of 100, the listing's largest page

class RealWordPressSyncCliTest : public testing::RealWordPressTest {
 protected:
  fs::path folder() const { return folder_.path(); }
  fs::path database() const { return folder_.path() / "data" / "wodetl.sqlite"; }

  //! Writes wodetl.toml with the source "program" for `category`, given by slug.
  void write_config(const testing::WordPressTerm& category, const std::string& extra = "") {
    std::ofstream(folder() / "wodetl.toml")
        << "[store]\ndata_dir = \"data\"\n\n[[sources]]\nname = \"program\"\nsite = \""
        << wordpress().url() << "\"\ncategory = \"" << category.slug << "\"\nrate = 20\n"
        << extra;
  }

  testing::CommandResult sync(const std::vector<std::string>& extra = {}) {
    std::vector<std::string> arguments = {"sync", "--format", "json"};
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    return testing::run_wodetl(arguments, "", {}, folder().string());
  }

  testing::TempFolder folder_;
};

TEST_F(RealWordPressSyncCliTest, FirstSyncStoresCategoryOnce) {
  testing::RealWordPress& site = wordpress();
  const testing::SeededProgram seeded =
      testing::seed_program(site, "Weightlifting", kPublishedPosts, "Announcements", 3);
  std::set<std::string> published;
  for (const SeededPost& post : seeded.published) {
    published.insert(std::to_string(post.id));
  }
  write_config(seeded.category);

  const auto run = sync();

  ASSERT_EQ(run.exit_code, 0) << run.output << run.errors;
  const Json summary = Json::parse(run.output)["sources"][0];
  EXPECT_EQ(summary["posts_seen"], kPublishedPosts);
  EXPECT_EQ(summary["new"], kPublishedPosts);
  EXPECT_EQ(summary["failed"], 0);
  EXPECT_EQ(summary["shifts"], 0);
  EXPECT_EQ(summary["filter_ignored"], false);
  EXPECT_EQ(summary["cursor_saved"], true);
  // The newest post is week 121, published (and last modified) on the Saturday before it.
  EXPECT_EQ(summary["cursor_after"], seeded.published.back().modified_gmt);

  const std::vector<std::string> stored = query_column(database(), "SELECT post_id FROM posts");
  EXPECT_EQ(stored.size(), published.size());
  EXPECT_EQ(std::set<std::string>(stored.begin(), stored.end()), published);
  EXPECT_EQ(query_column(database(), "SELECT COUNT(*) FROM sessions"),
            std::vector<std::string>{std::to_string(kPublishedPosts * 3)});
  // The category was given by slug; the sync looked its id up.
  EXPECT_EQ(query_column(database(), "SELECT listing FROM sync_cursors"),
            std::vector<std::string>{site.posts_url() + " category " + seeded.category.slug});
}

TEST_F(RealWordPressSyncCliTest, EditReplacesRecordsThenNothing) {
  testing::RealWordPress& site = wordpress();
  const testing::WordPressTerm program = site.create_category("Weightlifting");
  std::vector<NewPost> posts;
  for (int week = 1; week <= 4; ++week) {
    posts.push_back(testing::weekly_program_post(week, program.id));
  }
  const std::vector<SeededPost> seeded = site.insert_posts(posts);
  write_config(program);
  const auto first = sync();
  ASSERT_EQ(first.exit_code, 0) << first.output << first.errors;
  ASSERT_EQ(Json::parse(first.output)["sources"][0]["new"], 4);

  // Week 2 loses its Wednesday and Friday, and its Monday changes.
  const SeededPost edited = site.update_post(
      seeded[1].id, {.content = "Monday\nA. Snatch -- 5x2 @ 80%\nB. Back Squat 3x3"});
  const auto second = sync();

  ASSERT_EQ(second.exit_code, 0) << second.output << second.errors;
  const Json changed = Json::parse(second.output)["sources"][0];
  EXPECT_EQ(changed["changed"], 1) << second.output;
  EXPECT_EQ(changed["new"], 0);
  EXPECT_EQ(changed["records_removed"], 2);
  EXPECT_EQ(changed["cursor_after"], edited.modified_gmt);
  const std::string id = std::to_string(seeded[1].id);
  EXPECT_EQ(query_column(database(), "SELECT date FROM sessions WHERE post_id = " + id),
            std::vector<std::string>{testing::weekly_program_dates(2).front()});
  EXPECT_EQ(query_column(database(), "SELECT segment_a FROM sessions WHERE post_id = " + id),
            std::vector<std::string>{"Snatch \u2014 5\u00D72 @ 80%"});

  // Nothing changed since: the third sync writes no row, object or cursor.
  (void)query_column(database(), "UPDATE posts SET updated_at = 'marker'");
  (void)query_column(database(), "UPDATE sessions SET updated_at = 'marker'");
  (void)query_column(database(), "UPDATE sync_cursors SET updated_at = 'marker'");
  const auto third = sync();

  ASSERT_EQ(third.exit_code, 0) << third.output << third.errors;
  const Json unchanged = Json::parse(third.output)["sources"][0];
  testing::expect_wrote_nothing(unchanged);
  // WordPress 6.1 filters by modified_after and after: each walk needs one request, and the
  // listing's count one more.
  EXPECT_EQ(unchanged["filter_ignored"], false);
  EXPECT_EQ(unchanged["requests"], 3);
  EXPECT_EQ(unchanged["audit"]["listed"], 4);
  EXPECT_EQ(unchanged["audit"]["ids_compared"], false);
  EXPECT_EQ(unchanged["posts_seen"], 1);
  for (const char* table : {"posts", "sessions", "sync_cursors"}) {
    for (const std::string& updated :
         query_column(database(), std::string("SELECT DISTINCT updated_at FROM ") + table)) {
      EXPECT_EQ(updated, "marker") << table;
    }
  }
}

TEST_F(RealWordPressSyncCliTest, WrongPasswordStoresNothing) {
  testing::RealWordPress& site = wordpress();
  const testing::WordPressTerm program = site.create_category("Weightlifting");
  (void)site.insert_posts(
      {testing::weekly_program_post(1, program.id), testing::weekly_program_post(2, program.id)});
  const std::string wrong_password = "wrong-" + site.application_password();
  write_config(program, "credentials = { user = \"" + site.user() +
                            "\", password_env = \"PROGRAM_PASSWORD\" }\n");
  std::ofstream(folder() / ".env") << "PROGRAM_PASSWORD='" << wrong_password << "'\n";

  const auto run = sync({"--log-level", "debug"});

  EXPECT_EQ(run.exit_code, 1) << run.output << run.errors;
  const Json summary = Json::parse(run.output)["sources"][0];
  const std::string error = summary["source_error"].get<std::string>();
  EXPECT_TRUE(contains(error, "authentication failed: the site answered HTTP 401")) << error;
  EXPECT_TRUE(contains(error, site.url() + "/wp-json/wp/v2/users/me")) << error;
  EXPECT_TRUE(contains(error, "PROGRAM_PASSWORD")) << error;
  EXPECT_EQ(summary["posts_seen"], 0);
  EXPECT_EQ(query_column(database(), "SELECT COUNT(*) FROM sessions"),
            std::vector<std::string>{"0"});
  EXPECT_EQ(query_column(database(), "SELECT COUNT(*) FROM sync_cursors"),
            std::vector<std::string>{"0"});
  EXPECT_FALSE(contains(run.output, wrong_password)) << run.output;
  EXPECT_FALSE(contains(run.errors, wrong_password)) << run.errors;

  // The right password from the same .env file syncs both posts.
  std::ofstream(folder() / ".env") << "PROGRAM_PASSWORD='" << site.application_password() << "'\n";
  const auto fixed = sync();
  ASSERT_EQ(fixed.exit_code, 0) << fixed.output << fixed.errors;
  EXPECT_EQ(Json::parse(fixed.output)["sources"][0]["new"], 2);
  EXPECT_FALSE(contains(fixed.output + fixed.errors, site.application_password()));
}

TEST_F(RealWordPressSyncCliTest, BackdatedPostReadByAudit) {
  testing::RealWordPress& site = wordpress();
  const testing::WordPressTerm program = site.create_category("Weightlifting");
  std::vector<NewPost> posts;
  for (int week : {1, 2, 4, 5}) {
    posts.push_back(testing::weekly_program_post(week, program.id));
  }
  (void)site.insert_posts(posts);
  write_config(program);
  const auto first = sync();
  ASSERT_EQ(first.exit_code, 0) << first.output << first.errors;

  // Week 3 created through the REST API with its own date, weeks before the cursor: WordPress
  // gives a new post that date as its modified time too.
  const SeededPost backdated = site.create_post(testing::weekly_program_post(3, program.id));
  ASSERT_EQ(backdated.modified_gmt, backdated.date_gmt);
  const auto second = sync();

  ASSERT_EQ(second.exit_code, 0) << second.output << second.errors;
  const Json summary = Json::parse(second.output)["sources"][0];
  EXPECT_EQ(summary["new"], 1) << second.output;
  EXPECT_EQ(summary["audit"]["missed"], Json::array({backdated.id})) << second.output;
  EXPECT_EQ(query_column(database(), "SELECT post_id FROM posts WHERE post_id = " +
                                         std::to_string(backdated.id)),
            std::vector<std::string>{std::to_string(backdated.id)});
}

TEST_F(RealWordPressSyncCliTest, GonePostsReportedThenPruned) {
  testing::RealWordPress& site = wordpress();
  const testing::SeededProgram seeded =
      testing::seed_program(site, "Weightlifting", 5, "Announcements", 0);
  write_config(seeded.category);
  const auto first = sync();
  ASSERT_EQ(first.exit_code, 0) << first.output << first.errors;
  ASSERT_EQ(query_column(database(), "SELECT COUNT(*) FROM posts"), std::vector<std::string>{"5"});

  const std::vector<SeededPost>& weeks = seeded.published;
  site.delete_post(weeks[0].id, /*force=*/true);
  site.delete_post(weeks[1].id, /*force=*/false);  // to the trash
  (void)site.update_post(weeks[2].id, {.categories = std::vector<std::int64_t>{seeded.other.id}});
  const auto report = sync();

  ASSERT_EQ(report.exit_code, 0) << report.output << report.errors;
  const Json gone = Json::parse(report.output)["sources"][0]["audit"]["gone"];
  ASSERT_EQ(gone.size(), 3U) << report.output;
  EXPECT_EQ(gone[0]["id"], weeks[0].id);
  EXPECT_EQ(gone[0]["absence"], "deleted");
  EXPECT_EQ(gone[1]["id"], weeks[1].id);
  EXPECT_EQ(gone[1]["absence"], "not public");
  EXPECT_EQ(gone[2]["id"], weeks[2].id);
  EXPECT_EQ(gone[2]["absence"], "not in listing");
  EXPECT_EQ(gone[0]["removed"], false);
  EXPECT_EQ(query_column(database(), "SELECT COUNT(*) FROM posts"), std::vector<std::string>{"5"});

  const auto prune = sync({"--prune"});

  ASSERT_EQ(prune.exit_code, 0) << prune.output << prune.errors;
  for (const Json& post : Json::parse(prune.output)["sources"][0]["audit"]["gone"]) {
    EXPECT_EQ(post["removed"], true) << post.dump();
    EXPECT_EQ(post["records_removed"], 3) << post.dump();
  }
  EXPECT_EQ(query_column(database(), "SELECT post_id FROM posts ORDER BY post_id"),
            (std::vector<std::string>{std::to_string(weeks[3].id), std::to_string(weeks[4].id)}));
  EXPECT_EQ(query_column(database(), "SELECT COUNT(*) FROM sessions"),
            std::vector<std::string>{"6"});
}

}  // namespace
}  // namespace wodetl
