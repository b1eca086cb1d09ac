// End-to-end tests of `wodetl sync` and `wodetl sources` against the WordPress stand-in.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/json_codec.hpp"
#include "support/command.hpp"
#include "support/fixtures.hpp"
#include "support/store_queries.hpp"
#include "support/sync_checks.hpp"
#include "support/wordpress_standin.hpp"

namespace wodetl {
namespace {

namespace fs = std::filesystem;
using testing::contains;
using testing::count_rows;

class CliSyncTest : public ::testing::Test {
 protected:
  void SetUp() override { site_.add_workout_posts(12, 213, 1000); }

  fs::path folder() const { return folder_.path(); }
  fs::path data_dir() const { return folder_.path() / "data"; }
  fs::path database() const { return data_dir() / "wodetl.sqlite"; }

  //! Writes wodetl.toml with one source "blog" that reads the stand-in fast.
  void write_config(const std::string& extra_source_lines = "") {
    std::ofstream(folder() / "wodetl.toml")
        << "[store]\ndata_dir = \"data\"\n\n[[sources]]\nname = \"blog\"\nsite = \""
        << site_.root_url() << "\"\ncategory = 213\nrate = 20\nretries = 1\n"
        << extra_source_lines;
  }

  testing::CommandResult wodetl(const std::vector<std::string>& arguments,
                                const std::map<std::string, std::string>& environment = {}) {
    return testing::run_wodetl(arguments, "", environment, folder().string());
  }

  testing::TempFolder folder_;
  testing::WordPressStandin site_;
};

TEST_F(CliSyncTest, SecondSyncWritesNothing) {
  write_config();

  const auto first = wodetl({"sync", "--format", "json"});
  ASSERT_EQ(first.exit_code, 0) << first.output << first.errors;
  const Json first_summary = Json::parse(first.output);
  ASSERT_EQ(first_summary["sources"].size(), 1U);
  EXPECT_EQ(first_summary["sources"][0]["new"], 12);
  EXPECT_EQ(first_summary["sources"][0]["cursor_saved"], true);
  EXPECT_EQ(first_summary["succeeded"], true);
  EXPECT_EQ(count_rows(database(), "posts"), 12);

  const auto second = wodetl({"sync", "--format", "json"});
  ASSERT_EQ(second.exit_code, 0) << second.output << second.errors;
  const Json summary = Json::parse(second.output)["sources"][0];
  testing::expect_wrote_nothing(summary);
  EXPECT_EQ(summary["mode"], "incremental");
  EXPECT_TRUE(contains(summary["reading"].get<std::string>(), "modified or published after"));
}

TEST_F(CliSyncTest, TextSummaryNamesCounts) {
  write_config();

  const auto sync = wodetl({"sync"});

  ASSERT_EQ(sync.exit_code, 0) << sync.errors;
  EXPECT_TRUE(contains(sync.output, "Source 'blog' (incremental sync): every post")) << sync.output;
  EXPECT_TRUE(contains(sync.output, "Posts: 12 new, 0 changed, 0 unchanged, 0 skipped, 0 failed"))
      << sync.output;
  EXPECT_TRUE(contains(sync.output, "Cursor: none -> 2023-03-20T22:05:00 (saved)")) << sync.output;
  EXPECT_TRUE(contains(sync.output, "Run succeeded in")) << sync.output;
  EXPECT_TRUE(contains(sync.errors, "Syncing source 'blog'")) << sync.errors;
}

TEST_F(CliSyncTest, WrongPasswordFailsWithoutLeakingIt) {
  site_.require_basic_auth("coach", "right-pass-1234");
  write_config("credentials = { user = \"coach\", password_env = \"BLOG_PASSWORD\" }\n");
  std::ofstream(folder() / ".env") << "BLOG_PASSWORD=wrong-pass-5678\n";

  const auto sync = wodetl({"sync", "--log-level", "debug"});
  const auto json = wodetl({"sync", "--log-format", "json", "--log-level", "debug"});

  EXPECT_EQ(sync.exit_code, 1);
  testing::expect_contains_all(
      sync.output, {"authentication failed: the site answered HTTP 401 (incorrect_password",
                    "source 'blog'", "BLOG_PASSWORD"});
  for (const auto* result : {&sync, &json}) {
    for (const std::string* text : {&result->output, &result->errors}) {
      EXPECT_FALSE(contains(*text, "wrong-pass-5678")) << *text;
      // "coach:wrong-pass-5678" in base64, as an Authorization header would carry it.
      EXPECT_FALSE(contains(*text, "Y29hY2g6d3JvbmctcGFzcy01Njc4")) << *text;
    }
  }
  EXPECT_EQ(count_rows(database(), "sessions"), 0);
  EXPECT_EQ(count_rows(database(), "sync_cursors"), 0);
}

TEST_F(CliSyncTest, SourcesHidesPasswords) {
  write_config("credentials = { user = \"coach\", password = \"literal-pass-4321\" }\n");
  std::ofstream(folder() / "wodetl.toml", std::ios::app)
      << "\n[[sources]]\nname = \"other\"\nsite = \"https://other.test\"\ncategory = "
         "\"olympic-lifting\"\nprofile = \"daily\"\ndata_dir = \"other\"\ncredentials = { "
         "user_env = \"OTHER_USER\", password_env = \"OTHER_PASS\" }\n";
  std::filesystem::permissions(
      folder() / "wodetl.toml",
      std::filesystem::perms::group_read | std::filesystem::perms::others_read,
      std::filesystem::perm_options::add);
  ASSERT_EQ(wodetl({"sync", "--source", "blog", "--quiet"}).exit_code, 0);

  const auto text = wodetl({"sources"}, {{"OTHER_USER", "u1"}, {"OTHER_PASS", "env-pass-8765"}});
  const auto json = wodetl({"sources", "--format", "json"},
                           {{"OTHER_USER", "u1"}, {"OTHER_PASS", "env-pass-8765"}});

  ASSERT_EQ(text.exit_code, 0) << text.errors;
  testing::expect_contains_all(
      text.output,
      {"blog\n  site:        " + site_.root_url(),
       "credentials: user coach (the configuration file), password from the configuration file",
       "password from OTHER_PASS (the environment)", "cursor:      2023-03-20T22:05:00 (saved ",
       "category:    olympic-lifting", "profile:     daily",
       "warning:     configuration file wodetl.toml contains the password of source 'blog' and "
       "other users can read it. Use password_env, or run chmod 600 on the file"});
  ASSERT_EQ(json.exit_code, 0) << json.errors;
  const Json listed = Json::parse(json.output);
  ASSERT_EQ(listed["sources"].size(), 2U);
  EXPECT_EQ(listed["sources"][0]["warnings"].size(), 1U) << json.output;
  EXPECT_EQ(listed["sources"][0]["cursor_modified_gmt"], "2023-03-20T22:05:00") << json.output;
  EXPECT_TRUE(listed["sources"][0]["cursor_saved_at"].is_string()) << json.output;
  EXPECT_EQ(listed["sources"][0]["cursor_for_this_listing"], true) << json.output;
  EXPECT_EQ(listed["sources"][1]["name"], "other");
  EXPECT_TRUE(listed["sources"][1]["cursor_modified_gmt"].is_null()) << json.output;
  EXPECT_TRUE(listed["sources"][1]["warnings"].empty()) << json.output;
  for (const auto* result : {&text, &json}) {
    EXPECT_FALSE(contains(result->output, "literal-pass-4321")) << result->output;
    EXPECT_FALSE(contains(result->output, "env-pass-8765")) << result->output;
  }
}

TEST_F(CliSyncTest, JsonLogFormatWritesJsonLines) {
  write_config();

  const auto sync = wodetl({"sync", "--log-format", "json"});

  ASSERT_EQ(sync.exit_code, 0) << sync.errors;
  const Json summary = Json::parse(sync.output);
  EXPECT_EQ(summary["sources"][0]["posts_seen"], 12);
  std::istringstream lines(sync.errors);
  std::string line;
  int parsed = 0;
  bool saw_synced = false;
  while (std::getline(lines, line)) {
    if (line.empty()) {
      continue;
    }
    const Json object = Json::parse(line, nullptr, false);
    ASSERT_FALSE(object.is_discarded()) << line;
    EXPECT_TRUE(object.contains("time")) << line;
    EXPECT_TRUE(object.contains("level")) << line;
    EXPECT_TRUE(object.contains("message")) << line;
    saw_synced = saw_synced || object.value("event", "") == "source_synced";
    ++parsed;
  }
  EXPECT_GT(parsed, 0);
  EXPECT_TRUE(saw_synced) << sync.errors;
}

TEST_F(CliSyncTest, QuietPrintsNothingOnSuccess) {
  write_config();

  const auto sync = wodetl({"sync", "--quiet"});

  EXPECT_EQ(sync.exit_code, 0);
  EXPECT_EQ(sync.output, "");
  EXPECT_EQ(sync.errors, "");
}

TEST_F(CliSyncTest, QuietLeavesOutJsonSummary) {
  write_config();

  const auto sync = wodetl({"sync", "--quiet", "--format", "json"});
  const auto logged = wodetl({"sync", "--quiet", "--log-format", "json"});

  EXPECT_EQ(sync.exit_code, 0);
  EXPECT_EQ(sync.output, "");
  EXPECT_EQ(logged.exit_code, 0);
  EXPECT_EQ(logged.output, "");
}

TEST_F(CliSyncTest, QuietKeepsWarnings) {
  write_config("credentials = { user = \"coach\", password = \"quiet-pass-1357\" }\n");
  std::filesystem::permissions(folder() / "wodetl.toml", std::filesystem::perms::others_read,
                               std::filesystem::perm_options::add);

  const auto sync = wodetl({"sync", "--quiet"});

  EXPECT_EQ(sync.exit_code, 0) << sync.output << sync.errors;
  EXPECT_EQ(sync.output, "");
  EXPECT_TRUE(contains(sync.errors, "configuration file wodetl.toml contains the password"))
      << sync.errors;
  EXPECT_FALSE(contains(sync.errors, "quiet-pass-1357"));
}

TEST_F(CliSyncTest, QuietPrintsSummaryOnFailure) {
  write_config();
  site_.add_fault(testing::Fault{.status = 404, .times = -1});

  const auto sync = wodetl({"sync", "--quiet"});

  EXPECT_EQ(sync.exit_code, 1);
  EXPECT_TRUE(contains(sync.output, "Listing failed")) << sync.output;
  EXPECT_TRUE(contains(sync.output, "HTTP status 404")) << sync.output;
}

TEST_F(CliSyncTest, ProgressBarOnTerminal) {
  write_config();

  // script(1) from util-linux runs wodetl with a pseudo-terminal as its stdout and stderr.
  const auto sync = testing::run_program("script",
                                         {"--quiet", "--return", "--command",
                                          "'" + std::string(WODETL_BINARY) + "' sync", "/dev/null"},
                                         "", {}, folder().string());

  ASSERT_EQ(sync.exit_code, 0) << sync.output << sync.errors;
  testing::expect_contains_all(sync.output, {"blog [", "/12 posts", "Posts: 12 new"});
  // The bar is erased before the summary is printed.
  EXPECT_TRUE(contains(sync.output, "\r\x1b[K")) << sync.output;
}

TEST_F(CliSyncTest, SinceAndFullModes) {
  write_config();

  const auto since = wodetl({"sync", "--since", "2023-03-06", "--format", "json"});
  const auto full = wodetl({"sync", "--full", "--format", "json"});
  const auto both = wodetl({"sync", "--full", "--since", "2023-03-06"});
  const auto bad = wodetl({"sync", "--since", "March"});

  ASSERT_EQ(since.exit_code, 0) << since.errors;
  const Json since_summary = Json::parse(since.output)["sources"][0];
  EXPECT_EQ(since_summary["mode"], "since");
  EXPECT_EQ(since_summary["posts_seen"], 3);
  ASSERT_EQ(full.exit_code, 0) << full.errors;
  const Json full_summary = Json::parse(full.output)["sources"][0];
  EXPECT_EQ(full_summary["mode"], "full");
  EXPECT_EQ(full_summary["posts_seen"], 12);
  EXPECT_EQ(full_summary["new"], 9);
  EXPECT_EQ(full_summary["unchanged"], 3);
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_TRUE(contains(bad.errors, "--since 'March' is not a date")) << bad.errors;
}

TEST_F(CliSyncTest, CategorySlugFromConfig) {
  site_.add_term("category", 44, "olympic-lifting", "Olympic Lifting");
  site_.add_workout_posts(3, 44, 5000);
  std::ofstream(folder() / "wodetl.toml")
      << "[[sources]]\nname = \"oly\"\nsite = \"" << site_.rest_route_url()
      << "\"\ncategory = \"olympic-lifting\"\nrate = 20\ndata_dir = \"oly-data\"\n";

  const auto sync = wodetl({"sync", "--format", "json"});

  ASSERT_EQ(sync.exit_code, 0) << sync.output << sync.errors;
  EXPECT_EQ(Json::parse(sync.output)["sources"][0]["new"], 3);
  EXPECT_EQ(count_rows(folder() / "oly-data" / "wodetl.sqlite", "posts"), 3);
}

TEST_F(CliSyncTest, BuiltInSourceFromEnvironment) {
  const std::map<std::string, std::string> environment{
      {"INVICTUS_WEIGHTLIFTING_API", site_.posts_url()},
      {"INVICTUS_WEIGHTLIFTING_API_CAT_ID", "213"}};

  const auto sync = wodetl({"sync", "--format", "json"}, environment);

  ASSERT_EQ(sync.exit_code, 0) << sync.output << sync.errors;
  const Json summary = Json::parse(sync.output)["sources"][0];
  EXPECT_EQ(summary["source_name"], "invictus");
  EXPECT_EQ(summary["new"], 12);
  EXPECT_EQ(count_rows(folder() / "wod-data" / "wodetl.sqlite", "posts"), 12);
}

TEST_F(CliSyncTest, RetriesServiceUnavailable) {
  write_config();
  site_.add_fault(testing::Fault{.status = 503, .times = 1, .retry_after = "0"});

  const auto sync = wodetl({"sync", "--format", "json"});

  ASSERT_EQ(sync.exit_code, 0) << sync.output << sync.errors;
  EXPECT_EQ(Json::parse(sync.output)["sources"][0]["new"], 12);
  EXPECT_TRUE(contains(sync.errors, "returned HTTP 503; retry 1 of 1 in 0 ms")) << sync.errors;
  // The 503 and its one retry: the first sync reads the whole listing in one request.
  EXPECT_EQ(site_.posts_requests().size(), 2U);
}

TEST_F(CliSyncTest, UnavailableSiteFailsAfterRetries) {
  write_config();
  site_.add_fault(testing::Fault{.status = 503, .times = -1, .retry_after = "0"});

  const auto sync = wodetl({"sync"});

  EXPECT_EQ(sync.exit_code, 1) << sync.output << sync.errors;
  EXPECT_TRUE(contains(sync.output, "HTTP status 503")) << sync.output;
  EXPECT_TRUE(contains(sync.output, "after 2 attempts")) << sync.output;
  // retries = 1: one retry after the first attempt, then the sync gives up.
  EXPECT_EQ(site_.posts_requests().size(), 2U);
  EXPECT_EQ(count_rows(database(), "sync_cursors"), 0);
}

TEST_F(CliSyncTest, GonePostsReportedThenPruned) {
  write_config();
  ASSERT_EQ(wodetl({"sync", "--quiet"}).exit_code, 0);
  ASSERT_EQ(count_rows(database(), "sessions"), 24);  // Monday and Wednesday of each week
  site_.remove_post(1003);

  const auto report = wodetl({"sync"});
  const auto prune = wodetl({"sync", "--prune", "--format", "json"});
  const auto after = wodetl({"sync", "--format", "json"});

  ASSERT_EQ(report.exit_code, 0) << report.output << report.errors;
  testing::expect_contains_all(
      report.output,
      {"1 stored post is gone from it",
       "Gone: post 1003 'weightlifting-program-4' (https://wodetl.test/weightlifting-program-4/): "
       "deleted on the site (HTTP 404 rest_post_invalid_id); its records are kept; `wodetl sync "
       "--prune` removes them"});
  ASSERT_EQ(prune.exit_code, 0) << prune.output << prune.errors;
  const Json gone = Json::parse(prune.output)["sources"][0]["audit"]["gone"];
  ASSERT_EQ(gone.size(), 1U) << prune.output;
  EXPECT_EQ(gone[0]["id"], 1003);
  EXPECT_EQ(gone[0]["absence"], "deleted");
  EXPECT_EQ(gone[0]["removed"], true);
  EXPECT_EQ(gone[0]["records_removed"], 2);
  EXPECT_EQ(gone[0]["objects_removed"], 1);
  // The totals of the sync count what the prune removed.
  EXPECT_EQ(Json::parse(prune.output)["sources"][0]["records_removed"], 2) << prune.output;
  EXPECT_EQ(Json::parse(prune.output)["sources"][0]["objects_removed"], 1) << prune.output;
  EXPECT_EQ(count_rows(database(), "sessions"), 22);
  EXPECT_EQ(count_rows(database(), "posts"), 11);
  ASSERT_EQ(after.exit_code, 0) << after.output << after.errors;
  EXPECT_TRUE(Json::parse(after.output)["sources"][0]["audit"]["gone"].empty()) << after.output;
}

TEST_F(CliSyncTest, UnknownCategoryIdFailsBeforePrune) {
  site_.delete_term("category", 999);
  write_config();
  ASSERT_EQ(wodetl({"sync", "--quiet"}).exit_code, 0);
  std::ofstream(folder() / "wodetl.toml")
      << "[store]\ndata_dir = \"data\"\n\n[[sources]]\nname = \"blog\"\nsite = \""
      << site_.root_url() << "\"\ncategory = 999\nrate = 20\nretries = 1\n";

  const auto prune = wodetl({"sync", "--prune"});

  EXPECT_EQ(prune.exit_code, 1) << prune.output << prune.errors;
  testing::expect_contains_all(
      prune.output + prune.errors,
      {"Source 'blog'", "the site has no category with the id 999", "rest_term_invalid"});
  EXPECT_EQ(count_rows(database(), "sessions"), 24);
  EXPECT_EQ(count_rows(database(), "posts"), 12);
}

TEST_F(CliSyncTest, UnknownTagIdFails) {
  site_.delete_term("tag", 55);
  write_config("tag = 55\n");

  const auto sync = wodetl({"sync"});

  EXPECT_EQ(sync.exit_code, 1) << sync.output << sync.errors;
  EXPECT_TRUE(contains(sync.output + sync.errors, "the site has no tag with the id 55"))
      << sync.output << sync.errors;
  EXPECT_FALSE(fs::exists(database()) && count_rows(database(), "posts") > 0);
}

TEST_F(CliSyncTest, PruneOfEveryPostRefused) {
  write_config();
  ASSERT_EQ(wodetl({"sync", "--quiet"}).exit_code, 0);
  for (std::int64_t id = 1000; id < 1012; ++id) {
    site_.edit_post(id, [](Json& post) { post["categories"] = Json::array({77}); });
  }

  const auto refused = wodetl({"sync", "--prune"});
  const auto sessions_after_refusal = count_rows(database(), "sessions");
  const auto forced = wodetl({"sync", "--prune", "--prune-all"});

  EXPECT_EQ(refused.exit_code, 1) << refused.output << refused.errors;
  testing::expect_contains_all(
      refused.output,
      {"Prune refused", "every one of the 12 posts stored for source 'blog' is gone",
       "--prune-all"});
  EXPECT_EQ(sessions_after_refusal, 24);
  ASSERT_EQ(forced.exit_code, 0) << forced.output << forced.errors;
  EXPECT_EQ(count_rows(database(), "sessions"), 0);
  EXPECT_EQ(count_rows(database(), "posts"), 0);
}

TEST_F(CliSyncTest, PasswordInSiteIsUnusable) {
  const std::string site = site_.root_url();
  std::ofstream(folder() / "wodetl.toml")
      << "[[sources]]\nname = \"blog\"\nsite = \"http://coach:s3cret-pass-9@"
      << site.substr(std::string("http://").size()) << "\"\ncategory = 213\n";

  const auto sources = wodetl({"sources", "--format", "json"});
  const auto sync = wodetl({"sync"});

  EXPECT_EQ(sources.exit_code, 2) << sources.output << sources.errors;
  EXPECT_EQ(sync.exit_code, 2) << sync.output << sync.errors;
  for (const auto* result : {&sources, &sync}) {
    EXPECT_TRUE(contains(result->errors, "contains a user name or password")) << result->errors;
    EXPECT_FALSE(contains(result->output + result->errors, "s3cret-pass-9"))
        << result->output << result->errors;
  }
  EXPECT_FALSE(fs::exists(database()));
}

TEST_F(CliSyncTest, SiteWithoutSchemeIsUnusable) {
  std::ofstream(folder() / "wodetl.toml")
      << "[[sources]]\nname = \"blog\"\nsite = \"127.0.0.1:1\"\n";

  const auto sources = wodetl({"sources"});
  const auto sync = wodetl({"sync"});

  EXPECT_EQ(sources.exit_code, 2) << sources.output << sources.errors;
  EXPECT_EQ(sync.exit_code, 2) << sync.output << sync.errors;
  EXPECT_TRUE(contains(sync.errors, "is not an http or https URL")) << sync.errors;
}

TEST_F(CliSyncTest, PruneAllNeedsPrune) {
  write_config();

  const auto sync = wodetl({"sync", "--prune-all"});

  EXPECT_EQ(sync.exit_code, 2) << sync.output << sync.errors;
}

TEST_F(CliSyncTest, PruneWithSinceIsUnusable) {
  write_config();

  const auto sync = wodetl({"sync", "--prune", "--since", "2023-01-01"});

  EXPECT_EQ(sync.exit_code, 2);
  EXPECT_TRUE(contains(sync.errors, "--since excludes --prune")) << sync.errors;
}

TEST_F(CliSyncTest, SecurityPluginPageNamed) {
  write_config();
  site_.add_fault(testing::Fault{.status = 403,
                                 .times = -1,
                                 .body = testing::blocked_page_html(),
                                 .content_type = "text/html; charset=UTF-8"});

  const auto sync = wodetl({"sync"});

  EXPECT_EQ(sync.exit_code, 1);
  EXPECT_TRUE(contains(sync.output, "the site refused the request with an HTML page (HTTP 403"))
      << sync.output;
  EXPECT_TRUE(contains(sync.output, "page title 'Access Denied'")) << sync.output;
  EXPECT_TRUE(contains(sync.output, site_.root_url())) << sync.output;
}

TEST_F(CliSyncTest, RunAndShowConfiguredSource) {
  write_config();

  const auto run = wodetl({"run", "--source", "blog", "--format", "json"});
  const auto show =
      wodetl({"show", "--source", "blog", "--date", "2023-01-02", "--format", "json"});

  ASSERT_EQ(run.exit_code, 0) << run.output << run.errors;
  EXPECT_EQ(Json::parse(run.output)["new"], 12);
  ASSERT_EQ(show.exit_code, 0) << show.errors;
  EXPECT_EQ(Json::parse(show.output).size(), 1U);
}

TEST_F(CliSyncTest, UnknownSourceIsUnusable) {
  write_config();

  const auto sync = wodetl({"sync", "--source", "nope"});
  const auto run = wodetl({"run", "--source", "nope"});

  EXPECT_EQ(sync.exit_code, 2);
  EXPECT_TRUE(contains(sync.errors, "there is no source named 'nope'")) << sync.errors;
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.errors, "'nope' is not a URL, a file, a folder or a configured source"))
      << run.errors;

  // A mistyped path is reported as a missing file, not as an unknown source.
  const auto missing = wodetl({"run", "--source", "posts/nope.json"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_TRUE(contains(missing.errors,
                       "'posts/nope.json' was not found: no file or folder has that path"))
      << missing.errors;
}

TEST_F(CliSyncTest, InvalidConfigIsUnusable) {
  std::ofstream(folder() / "wodetl.toml") << "[[sources]]\nname = \"a\"\nsite = 5\n";

  const auto sync = wodetl({"sync"});

  EXPECT_EQ(sync.exit_code, 2);
  EXPECT_TRUE(contains(sync.errors, "configuration file wodetl.toml line 3: site must be a string"))
      << sync.errors;
}

}  // namespace
}  // namespace wodetl
