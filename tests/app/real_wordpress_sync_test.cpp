// End-to-end tests of `wodetl sync` against a real WordPress on 127.0.0.1: a first sync of more
// than a page of posts, an edit, an unchanged sync, and a wrong application password.

#include <gtest/gtest.h>
#include <sqlite3.h>

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

namespace wodetl {
namespace {

namespace fs = std::filesystem;
using testing::NewPost;
using testing::SeededPost;

constexpr int kPublishedPosts = 121;  // more than one page of 100, the listing's largest page

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

//! First column of every row of a query on the store, as text ("" for NULL).
std::vector<std::string> column(const fs::path& database, const std::string& sql) {
  std::vector<std::string> values;
  sqlite3* connection = nullptr;
  if (sqlite3_open_v2(database.c_str(), &connection, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << "cannot open " << database;
    sqlite3_close(connection);
    return values;
  }
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(connection, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << sql << ": " << sqlite3_errmsg(connection);
    sqlite3_close(connection);
    return values;
  }
  int result = SQLITE_ROW;
  while ((result = sqlite3_step(statement)) == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(statement, 0);
    values.emplace_back(text == nullptr ? "" : reinterpret_cast<const char*>(text));
  }
  EXPECT_EQ(result, SQLITE_DONE) << sql << ": " << sqlite3_errmsg(connection);
  sqlite3_finalize(statement);
  sqlite3_close(connection);
  return values;
}

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
  const testing::WordPressTerm program = site.create_category("Weightlifting");
  const testing::WordPressTerm other = site.create_category("Announcements");
  std::vector<NewPost> posts;
  for (int week = 1; week <= kPublishedPosts; ++week) {
    posts.push_back(testing::weekly_program_post(week, program.id));
  }
  NewPost draft = testing::weekly_program_post(kPublishedPosts + 1, program.id);
  draft.status = "draft";
  posts.push_back(draft);
  for (int week = 1; week <= 3; ++week) {
    posts.push_back(testing::weekly_program_post(week, other.id));
  }
  const std::vector<SeededPost> seeded = site.insert_posts(posts);
  std::set<std::string> published;
  for (int index = 0; index < kPublishedPosts; ++index) {
    published.insert(std::to_string(seeded[index].id));
  }
  write_config(program);

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
  EXPECT_EQ(summary["cursor_after"], seeded[kPublishedPosts - 1].modified_gmt);

  const std::vector<std::string> stored = column(database(), "SELECT post_id FROM posts");
  EXPECT_EQ(stored.size(), published.size());
  EXPECT_EQ(std::set<std::string>(stored.begin(), stored.end()), published);
  EXPECT_EQ(column(database(), "SELECT COUNT(*) FROM sessions"),
            std::vector<std::string>{std::to_string(kPublishedPosts * 3)});
  // The category was given by slug; the sync looked its id up.
  EXPECT_EQ(column(database(), "SELECT listing FROM sync_cursors"),
            std::vector<std::string>{site.posts_url() + " category " + program.slug});
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
  EXPECT_EQ(column(database(), "SELECT date FROM sessions WHERE post_id = " + id),
            std::vector<std::string>{testing::weekly_program_dates(2).front()});
  EXPECT_EQ(column(database(), "SELECT segment_a FROM sessions WHERE post_id = " + id),
            std::vector<std::string>{"Snatch \u2014 5\u00D72 @ 80%"});

  // Nothing changed since: the third sync writes no row, object or cursor.
  (void)column(database(), "UPDATE posts SET updated_at = 'marker'");
  (void)column(database(), "UPDATE sessions SET updated_at = 'marker'");
  (void)column(database(), "UPDATE sync_cursors SET updated_at = 'marker'");
  const auto third = sync();

  ASSERT_EQ(third.exit_code, 0) << third.output << third.errors;
  const Json unchanged = Json::parse(third.output)["sources"][0];
  EXPECT_EQ(unchanged["new"], 0);
  EXPECT_EQ(unchanged["changed"], 0);
  EXPECT_EQ(unchanged["records_written"], 0);
  EXPECT_EQ(unchanged["objects_written"], 0);
  EXPECT_EQ(unchanged["cursor_saved"], false);
  // WordPress 6.1 filters by modified_after and after: each walk needs one request.
  EXPECT_EQ(unchanged["filter_ignored"], false);
  EXPECT_EQ(unchanged["requests"], 2);
  EXPECT_EQ(unchanged["posts_seen"], 1);
  for (const char* table : {"posts", "sessions", "sync_cursors"}) {
    for (const std::string& updated :
         column(database(), std::string("SELECT DISTINCT updated_at FROM ") + table)) {
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
  EXPECT_EQ(column(database(), "SELECT COUNT(*) FROM sessions"), std::vector<std::string>{"0"});
  EXPECT_EQ(column(database(), "SELECT COUNT(*) FROM sync_cursors"), std::vector<std::string>{"0"});
  EXPECT_FALSE(contains(run.output, wrong_password)) << run.output;
  EXPECT_FALSE(contains(run.errors, wrong_password)) << run.errors;

  // The right password from the same .env file syncs both posts.
  std::ofstream(folder() / ".env") << "PROGRAM_PASSWORD='" << site.application_password() << "'\n";
  const auto fixed = sync();
  ASSERT_EQ(fixed.exit_code, 0) << fixed.output << fixed.errors;
  EXPECT_EQ(Json::parse(fixed.output)["sources"][0]["new"], 2);
  EXPECT_FALSE(contains(fixed.output + fixed.errors, site.application_password()));
}

}  // namespace
}  // namespace wodetl
