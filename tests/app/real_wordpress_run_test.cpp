// End-to-end tests of `wodetl run` against a real WordPress on 127.0.0.1: the site's own REST
// API, paging, texturized text and authentication, checked in the SQLite store.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
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

namespace wodetl {
namespace {

namespace fs = std::filesystem;
using testing::NewPost;
using testing::run_wodetl;
using testing::SeededPost;
using testing::TempFolder;

constexpr int kPublishedPosts = 121;  // more than one page of 100, the listing's largest page
constexpr int kSessionsPerPost = 3;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

//! Every file under `folder`, read whole, for checks that a secret was not written anywhere.
std::string all_file_contents(const fs::path& folder) {
  std::string contents;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file()) {
      contents += testing::read_file(entry.path());
    }
  }
  return contents;
}

class RealWordPressRunTest : public testing::RealWordPressTest {
 protected:
  std::string data_dir() const { return (folder_.path() / "data").string(); }
  fs::path database() const { return folder_.path() / "data" / "wodetl.sqlite"; }

  TempFolder folder_;
};

TEST_F(RealWordPressRunTest, StoresEachPublishedPostOfCategoryOnce) {
  testing::RealWordPress& site = wordpress();
  const testing::SeededProgram seeded =
      testing::seed_program(site, "Weightlifting", kPublishedPosts, "Announcements", 3);
  const testing::WordPressTerm& program = seeded.category;

  std::map<std::string, int> week_of_id;  // published posts of the category: id to week number
  for (int week = 1; week <= kPublishedPosts; ++week) {
    ASSERT_EQ(seeded.published[week - 1].status, "publish");
    week_of_id[std::to_string(seeded.published[week - 1].id)] = week;
  }

  const auto run =
      run_wodetl({"run", "--source", site.url(), "--data-dir", data_dir(), "--format", "json"}, "",
                 {{"INVICTUS_WEIGHTLIFTING_API_CAT_ID", std::to_string(program.id)}});
  ASSERT_EQ(run.exit_code, 0) << run.output << run.errors;
  const Json summary = Json::parse(run.output);
  EXPECT_EQ(summary["new"], kPublishedPosts) << run.output;
  EXPECT_EQ(summary["failed"], 0) << run.output;

  // The posts table contains exactly the category's published posts.
  const auto stored_posts =
      testing::query_rows(database(), "SELECT post_id, title, status FROM posts");
  ASSERT_EQ(stored_posts.size(), static_cast<std::size_t>(kPublishedPosts));
  std::set<std::string> stored_ids;
  for (const auto& row : stored_posts) {
    stored_ids.insert(row[0]);
    EXPECT_TRUE(week_of_id.contains(row[0])) << "stored post " << row[0] << " is not one of ours";
  }
  EXPECT_EQ(stored_ids.size(), week_of_id.size());

  // WordPress texturized " - " into an en dash (but left "4-10" alone); the store has the decoded
  // text.
  const auto first_title =
      testing::query_rows(database(), "SELECT title FROM posts WHERE post_id = " +
                                          std::to_string(seeded.published[0].id));
  ASSERT_EQ(first_title.size(), 1U);
  EXPECT_EQ(first_title[0][0], "January 4-10, 2021 \u2013 3 Day Weightlifting Program");

  // Each post gave one session per training day, on the days of its week.
  const auto sessions =
      testing::query_rows(database(), "SELECT post_id, date, record_json FROM sessions");
  ASSERT_EQ(sessions.size(), static_cast<std::size_t>(kPublishedPosts * kSessionsPerPost));
  std::map<std::string, std::vector<std::string>> dates_of_post;
  for (const auto& row : sessions) {
    dates_of_post[row[0]].push_back(row[1]);
  }
  for (auto& [id, dates] : dates_of_post) {
    ASSERT_TRUE(week_of_id.contains(id)) << "session of post " << id << " is not one of ours";
    std::sort(dates.begin(), dates.end());
    EXPECT_EQ(dates, testing::weekly_program_dates(week_of_id[id])) << "post " << id;
  }

  // The records keep the text as WordPress rendered it, with every entity decoded.
  const auto monday = testing::query_rows(
      database(), "SELECT record_json FROM sessions WHERE post_id = " +
                      std::to_string(seeded.published[0].id) + " AND date = '2021-01-04'");
  ASSERT_EQ(monday.size(), 1U);
  const std::string& record = monday[0][0];
  EXPECT_FALSE(contains(record, "&#")) << record;
  EXPECT_FALSE(contains(record, "&amp;")) << record;
  EXPECT_TRUE(contains(record, "Back Squat 5\u00D75 @ 75% \u2014 rest 2-3 minutes")) << record;
  EXPECT_TRUE(contains(record, "\u201CStay tall\u201D in the catch & don\u2019t rush\u2026"))
      << record;
}

TEST_F(RealWordPressRunTest, SecondRunWritesNothing) {
  testing::RealWordPress& site = wordpress();
  const testing::WordPressTerm program = site.create_category("Weightlifting");
  std::vector<NewPost> posts;
  for (int week = 1; week <= 3; ++week) {
    posts.push_back(testing::weekly_program_post(week, program.id));
  }
  (void)site.insert_posts(posts);
  const std::map<std::string, std::string> environment = {
      {"INVICTUS_WEIGHTLIFTING_API_CAT_ID", std::to_string(program.id)}};
  const std::vector<std::string> arguments = {"run",      "--source", site.url(), "--data-dir",
                                              data_dir(), "--format", "json"};

  const auto first = run_wodetl(arguments, "", environment);
  ASSERT_EQ(first.exit_code, 0) << first.output << first.errors;
  EXPECT_EQ(Json::parse(first.output)["new"], 3);

  const auto second = run_wodetl(arguments, "", environment);
  ASSERT_EQ(second.exit_code, 0) << second.output << second.errors;
  const Json summary = Json::parse(second.output);
  EXPECT_EQ(summary["unchanged"], 3) << second.output;
  EXPECT_EQ(summary["records_written"], 0) << second.output;
}

TEST_F(RealWordPressRunTest, ApplicationPasswordNeverInOutput) {
  testing::RealWordPress& site = wordpress();
  const testing::WordPressTerm program = site.create_category("Weightlifting");
  (void)site.insert_posts({testing::weekly_program_post(1, program.id)});

  // The credentials go only to the default site, so the test site is made the default one.
  const std::string wrong_password = "wrong-" + site.application_password();
  for (const std::string& password : {site.application_password(), wrong_password}) {
    SCOPED_TRACE(password == wrong_password ? "wrong password" : "right password");
    const TempFolder data;
    const auto run = run_wodetl(
        {"--log-level", "debug", "run", "--data-dir", data.path().string(), "--format", "json"}, "",
        {{"INVICTUS_WEIGHTLIFTING_API", site.posts_url()},
         {"INVICTUS_WEIGHTLIFTING_API_CAT_ID", std::to_string(program.id)},
         {"INVICTUS_USER", site.user()},
         {"INVICTUS_PASS", password}});
    if (password == site.application_password()) {
      EXPECT_EQ(run.exit_code, 0) << run.output << run.errors;
      EXPECT_TRUE(fs::exists(data.path() / "wodetl.sqlite"));
    } else {
      // WordPress 6.1 serves public posts to a wrong application password as to an anonymous
      // client, so wodetl checks the credentials on GET /wp/v2/users/me first.
      EXPECT_EQ(run.exit_code, 1) << run.output << run.errors;
      EXPECT_TRUE(contains(run.output, "authentication failed")) << run.output;
      EXPECT_TRUE(contains(run.output + run.errors, site.url())) << run.output << run.errors;
    }
    EXPECT_FALSE(contains(run.output, password)) << run.output;
    EXPECT_FALSE(contains(run.errors, password)) << run.errors;
    EXPECT_FALSE(contains(all_file_contents(data.path()), password));
  }
}

}  // namespace
}  // namespace wodetl
