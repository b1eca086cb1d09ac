// End-to-end tests of the wodetl executable: the commands a user types, their output and exit
// codes.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/json_codec.hpp"
#include "support/command.hpp"
#include "support/fixtures.hpp"
#include "support/wordpress_standin.hpp"

namespace wodetl {
namespace {

namespace fs = std::filesystem;
using testing::run_wodetl;
using testing::TempFolder;

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override { fs::create_directories(posts()); }

  fs::path posts() const { return folder_.path() / "posts"; }
  std::string data_dir() const { return (folder_.path() / "data").string(); }

  void add_post(const std::string& name) {
    fs::copy_file(testing::case_path("posts/" + name), posts() / name);
  }

  TempFolder folder_;
};

TEST_F(CliTest, RunThenShowWeekAsJson) {
  add_post("weekly-program-crossing-year.json");
  const auto run = run_wodetl({"run", "--source", posts().string(), "--data-dir", data_dir()});
  ASSERT_EQ(run.exit_code, 0) << run.output << run.errors;
  EXPECT_NE(run.output.find("1 new"), std::string::npos) << run.output;

  const auto show =
      run_wodetl({"show", "--data-dir", data_dir(), "--week", "2020-12-30", "--format", "json"});
  ASSERT_EQ(show.exit_code, 0) << show.errors;
  const Json records = Json::parse(show.output);
  ASSERT_EQ(records.size(), 5U);
  std::vector<std::string> dates;
  for (const Json& record : records) {
    dates.push_back(record["date"]);
  }
  EXPECT_EQ(dates, (std::vector<std::string>{"2020-12-28", "2020-12-29", "2020-12-31", "2021-01-01",
                                             "2021-01-02"}));
}

TEST_F(CliTest, ShowDateAsText) {
  add_post("weekly-program-crossing-year.json");
  ASSERT_EQ(run_wodetl({"run", "--source", posts().string(), "--data-dir", data_dir()}).exit_code,
            0);
  const auto show = run_wodetl({"show", "--data-dir", data_dir(), "--date", "2020-12-31"});
  ASSERT_EQ(show.exit_code, 0) << show.errors;
  EXPECT_NE(show.output.find("2020-12-31  Thursday (Rest Day)\n"), std::string::npos)
      << show.output;

  const auto empty = run_wodetl({"show", "--data-dir", data_dir(), "--date", "2021-06-01"});
  EXPECT_EQ(empty.exit_code, 0);
  EXPECT_NE(empty.output.find("No sessions stored"), std::string::npos);
}

// The text before the post's first day comes once, before the post's first session shown.
TEST_F(CliTest, ShowPrintsPostIntroductionOnce) {
  add_post("weekly-program-crossing-year.json");
  ASSERT_EQ(run_wodetl({"run", "--source", posts().string(), "--data-dir", data_dir()}).exit_code,
            0);
  const auto show = run_wodetl({"show", "--data-dir", data_dir(), "--week", "2020-12-30"});
  ASSERT_EQ(show.exit_code, 0) << show.errors;
  const std::string introduction =
      "\":\n    Happy New Year from the coaching staff! This block finishes the cycle.\n\n"
      "2020-12-28  Monday (Session One)\n";
  const std::size_t found = show.output.find(introduction);
  ASSERT_NE(found, std::string::npos) << show.output;
  EXPECT_EQ(show.output.rfind("From the introduction of \"", found), 0U) << show.output;
  EXPECT_EQ(show.output.find("Happy New Year", found + introduction.size()), std::string::npos)
      << show.output;
}

// As JSON, every session of the post carries the introduction's lines.
TEST_F(CliTest, ShowJsonGivesEachSessionIntroduction) {
  add_post("weekly-program-crossing-year.json");
  ASSERT_EQ(run_wodetl({"run", "--source", posts().string(), "--data-dir", data_dir()}).exit_code,
            0);
  const auto show =
      run_wodetl({"show", "--data-dir", data_dir(), "--week", "2020-12-30", "--format", "json"});
  ASSERT_EQ(show.exit_code, 0) << show.errors;
  const Json sessions = Json::parse(show.output);
  ASSERT_FALSE(sessions.empty());
  for (const Json& session : sessions) {
    ASSERT_TRUE(session.contains("introduction")) << session["date"];
    EXPECT_EQ(
        session["introduction"],
        Json::array({"Happy New Year from the coaching staff! This block finishes the cycle."}));
    EXPECT_EQ(session["introduction_links"], Json::array());
    // The day segment's label is null in both arrays.
    ASSERT_FALSE(session["prescriptions"].empty());
    EXPECT_EQ(session["prescriptions"][0]["label"], session["segments"][0]["label"]);
  }
}

// The links of the introduction come with it, as a record's links do.
TEST_F(CliTest, ShowJsonGivesIntroductionLinks) {
  std::ifstream fixture(testing::case_path("posts/weekly-program-crossing-year.json"));
  Json post = Json::parse(fixture);
  std::string content = post["content"]["rendered"];
  const std::string intro = "This block finishes the cycle.";
  content.replace(content.find(intro), intro.size(),
                  "Read <a href=\"https://notes.example.test/cycle\">the notes</a> first.");
  post["content"]["rendered"] = content;
  std::ofstream(posts() / "post.json") << post.dump();

  ASSERT_EQ(run_wodetl({"run", "--source", posts().string(), "--data-dir", data_dir()}).exit_code,
            0);
  const auto show =
      run_wodetl({"show", "--data-dir", data_dir(), "--date", "2020-12-28", "--format", "json"});
  ASSERT_EQ(show.exit_code, 0) << show.errors;
  const Json sessions = Json::parse(show.output);
  ASSERT_EQ(sessions.size(), 1U);
  EXPECT_EQ(sessions[0]["introduction"],
            Json::array({"Happy New Year from the coaching staff! Read the notes first."}));
  EXPECT_EQ(
      sessions[0]["introduction_links"],
      Json::array({Json{{"text", "the notes"}, {"url", "https://notes.example.test/cycle"}}}));
}

TEST_F(CliTest, SecondRunSaysNothingNew) {
  add_post("weekly-program-without-range.json");
  ASSERT_EQ(run_wodetl({"run", "--source", posts().string(), "--data-dir", data_dir()}).exit_code,
            0);
  const auto second = run_wodetl(
      {"run", "--source", posts().string(), "--data-dir", data_dir(), "--format", "json"});
  ASSERT_EQ(second.exit_code, 0) << second.errors;
  const Json summary = Json::parse(second.output);
  EXPECT_EQ(summary["unchanged"], 1);
  EXPECT_EQ(summary["records_written"], 0);
  EXPECT_EQ(summary["objects_written"], 0);
}

TEST_F(CliTest, BadPostsFailRunButOthersAreStored) {
  add_post("weekly-program-without-range.json");
  add_post("not-json.json");
  add_post("announcement-without-days.json");
  const auto run = run_wodetl({"run", "--source", posts().string(), "--data-dir", data_dir()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.output.find("Failed file " + (posts() / "not-json.json").string()),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("Skipped post 50103 'holiday-hours'"), std::string::npos) << run.output;
  const auto show =
      run_wodetl({"show", "--data-dir", data_dir(), "--week", "2021-03-08", "--format", "json"});
  EXPECT_EQ(Json::parse(show.output).size(), 3U);
}

TEST_F(CliTest, BucketNameFromEnvironment) {
  add_post("weekly-program-without-range.json");
  const auto run = run_wodetl({"run", "--source", posts().string(), "--data-dir", data_dir()}, "",
                              {{"INVICTUS_BUCKET", "invictus-test-213"}});
  ASSERT_EQ(run.exit_code, 0) << run.output << run.errors;
  EXPECT_TRUE(fs::exists(fs::path(data_dir()) / "invictus-test-213" / "raw"));

  const auto bad = run_wodetl({"run", "--source", posts().string(), "--data-dir", data_dir()}, "",
                              {{"INVICTUS_BUCKET", "../outside"}});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.errors.find("INVICTUS_BUCKET"), std::string::npos);
}

TEST_F(CliTest, StageReadsStdinWritesStdout) {
  const std::string post =
      testing::read_file(testing::case_path("posts/weekly-program-without-range.json"));
  const auto stripped = run_wodetl({"stage", "strip_post_html"}, post);
  ASSERT_EQ(stripped.exit_code, 0) << stripped.errors;
  const Json result = Json::parse(stripped.output);
  EXPECT_EQ(result["lines"][0]["text"], "Monday");
  EXPECT_EQ(result["slug"], "strength-cycle-week-three");

  const auto grouped = run_wodetl({"stage", "group_post_by_day"}, stripped.output);
  ASSERT_EQ(grouped.exit_code, 0) << grouped.errors;
  EXPECT_EQ(Json::parse(grouped.output)["days"].size(), 3U);
}

TEST_F(CliTest, StageErrorsAreClear) {
  const auto unknown = run_wodetl({"stage", "no_such_stage"}, "{}");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.errors.find("no stage named 'no_such_stage'"), std::string::npos)
      << unknown.errors;

  const auto bad_json = run_wodetl({"stage", "strip_post_html"}, "{not json");
  EXPECT_EQ(bad_json.exit_code, 2);
  EXPECT_NE(bad_json.errors.find("not valid JSON"), std::string::npos) << bad_json.errors;

  const auto list = run_wodetl({"stage", "--list"});
  EXPECT_EQ(list.exit_code, 0);
  EXPECT_NE(list.output.find("save_sessions_to_bucket"), std::string::npos);
}

TEST_F(CliTest, ShowErrorsAreClear) {
  const auto missing = run_wodetl({"show", "--data-dir", data_dir(), "--date", "2020-12-21"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.errors.find("no wodetl data"), std::string::npos) << missing.errors;
  // A mistyped date is named before the missing data folder.
  const auto bad_date_first =
      run_wodetl({"show", "--data-dir", data_dir(), "--date", "2020-13-45"});
  EXPECT_EQ(bad_date_first.exit_code, 2);
  EXPECT_NE(bad_date_first.errors.find("'2020-13-45' is not a date"), std::string::npos)
      << bad_date_first.errors;

  add_post("weekly-program-without-range.json");
  ASSERT_EQ(run_wodetl({"run", "--source", posts().string(), "--data-dir", data_dir()}).exit_code,
            0);
  for (const char* date : {"21/12/2020", "21-12-2020", "2020-02-30"}) {
    const auto bad_date = run_wodetl({"show", "--data-dir", data_dir(), "--date", date});
    EXPECT_EQ(bad_date.exit_code, 2) << date;
    EXPECT_NE(bad_date.errors.find("is not a date"), std::string::npos) << bad_date.errors;
  }

  const auto neither = run_wodetl({"show", "--data-dir", data_dir()});
  EXPECT_EQ(neither.exit_code, 2);
}

TEST_F(CliTest, UnknownCommandNamesTheCommands) {
  const auto misspelled = run_wodetl({"--log-level", "warn", "shw", "--date", "2020-12-21"});
  EXPECT_EQ(misspelled.exit_code, 2);
  EXPECT_NE(misspelled.errors.find("wodetl has no command \"shw\". Did you mean \"show\"?"),
            std::string::npos)
      << misspelled.errors;

  const auto absent = run_wodetl({"export"});
  EXPECT_EQ(absent.exit_code, 2);
  EXPECT_NE(absent.errors.find("no command \"export\". The commands are run, "), std::string::npos)
      << absent.errors;
}

// A post file of a daily blog, without day headers, is one session with --profile daily, and is
// skipped as a weekly post without it.
TEST_F(CliTest, RunDailyProfileOnPostFile) {
  add_post("daily-workout.json");
  const auto weekly = run_wodetl({"run", "--source", posts().string(), "--data-dir", data_dir()});
  EXPECT_NE(weekly.output.find("1 skipped"), std::string::npos) << weekly.output;

  const auto daily = run_wodetl({"run", "--source", posts().string(), "--data-dir", data_dir(),
                                 "--profile", "daily", "--force"});
  ASSERT_EQ(daily.exit_code, 0) << daily.output << daily.errors;
  const auto show = run_wodetl({"show", "--data-dir", data_dir(), "--date", "2021-02-09"});
  ASSERT_EQ(show.exit_code, 0) << show.errors;
  EXPECT_NE(show.output.find("2021-02-09  Tuesday Grind \u2013 Snatch Day\n"), std::string::npos)
      << show.output;

  const auto wrong = run_wodetl({"run", "--source", posts().string(), "--profile", "monthly"});
  EXPECT_EQ(wrong.exit_code, 2);
}

TEST_F(CliTest, EmptySourceRejected) {
  const auto run = run_wodetl({"run", "--source", "", "--data-dir", data_dir()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.errors.find("--source is empty"), std::string::npos) << run.errors;
}

TEST_F(CliTest, MissingSourceIsClearError) {
  const auto run = run_wodetl(
      {"run", "--source", (folder_.path() / "absent").string(), "--data-dir", data_dir()});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_NE((run.output + run.errors).find("absent"), std::string::npos)
      << run.output << run.errors;
}

TEST_F(CliTest, RealWeekEndToEnd) {
  const auto real = testing::real_week_post_path();
  if (!real) {
    GTEST_SKIP() << "../shared/data/invictus is absent";
  }
  const auto run = run_wodetl({"run", "--source", real->string(), "--data-dir", data_dir()});
  ASSERT_EQ(run.exit_code, 0) << run.output << run.errors;
  const auto show =
      run_wodetl({"show", "--data-dir", data_dir(), "--week", "2020-12-23", "--format", "json"});
  const Json records = Json::parse(show.output);
  ASSERT_EQ(records.size(), 6U);
  EXPECT_EQ(records[0]["date"], "2020-12-21");
  EXPECT_EQ(records[3]["session"], "Thursday (Rest Day)");
  EXPECT_EQ(records[5]["date"], "2020-12-26");
  EXPECT_TRUE(
      fs::exists(fs::path(data_dir()) / "bucket" / "weekly" /
                 "2020-12-21__2020-12-26--december-21-27-2020-5-day-weightlifting-program.jsonl"));
}

}  // namespace
}  // namespace wodetl

namespace wodetl {
namespace {

class CliWordPressTest : public ::testing::Test {
 protected:
  testing::TempFolder folder_;
  testing::WordPressStandin site_;

  std::string data_dir() const { return (folder_.path() / "data").string(); }
};

TEST_F(CliWordPressTest, RunReadsEveryPageOfCategory) {
  site_.add_workout_posts(120, 213);
  site_.add_workout_posts(3, 99, 5000);  // another category, never read
  Json broken = testing::workout_post(4000, 200);
  broken.erase("content");
  site_.add_post(broken, {213});
  Json announcement = testing::workout_post(4001, 201);
  announcement["content"]["rendered"] = "<p>The gym is closed on Friday.</p>";
  site_.add_post(announcement, {213});

  const auto run = testing::run_wodetl(
      {"run", "--source", site_.root_url(), "--data-dir", data_dir(), "--format", "json"}, "",
      {{"INVICTUS_WEIGHTLIFTING_API_CAT_ID", "213"}});
  EXPECT_EQ(run.exit_code, 1) << run.errors;
  const Json summary = Json::parse(run.output);
  EXPECT_EQ(summary["posts_seen"], 122);
  EXPECT_EQ(summary["new"], 120);
  EXPECT_EQ(summary["skipped"], 1);
  EXPECT_EQ(summary["failed"], 1);
  for (const Json& post : summary["posts"]) {
    if (post["result"] == "failed") {
      EXPECT_EQ(post["post_id"], 4000);
      EXPECT_NE(post["reason"].get<std::string>().find("content"), std::string::npos);
    }
  }
  const auto requests = site_.requests();
  ASSERT_EQ(requests.size(), 2U);
  EXPECT_EQ(requests[0].param("categories"), "213");
  EXPECT_EQ(requests[0].param("per_page"), "100");
  EXPECT_EQ(requests[0].param("orderby"), "modified");
  EXPECT_FALSE(requests[1].param("modified_after").empty());
  EXPECT_NE(requests[0].header("User-Agent").find("wodetl/"), std::string::npos);
}

TEST_F(CliWordPressTest, HttpErrorNamesUrlAndStatus) {
  site_.add_workout_posts(2, 213);
  site_.add_fault(testing::Fault{
      .status = 403,
      .times = -1,
      .retry_after = "",
      .body =
          R"({"code":"forbidden","message":"Blocked by a security plugin.","data":{"status":403}})"});
  const auto run =
      testing::run_wodetl({"run", "--source", site_.posts_url(), "--data-dir", data_dir()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.output.find("403"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find(site_.posts_url()), std::string::npos) << run.output;
}

}  // namespace
}  // namespace wodetl

namespace wodetl {
namespace {

TEST(CliTables, TableNamesFromEnvironment) {
  testing::TempFolder folder;
  const std::string data_dir = (folder.path() / "data").string();
  const std::string post = testing::case_path("posts/weekly-program-without-range.json").string();
  const std::map<std::string, std::string> environment{
      {"DYNAMODB_TABLE", "WorkoutPostsTable-dev"}, {"IDEMPOTENCY_TABLE", "IdempotencyTable-dev"}};
  const auto run =
      testing::run_wodetl({"run", "--source", post, "--data-dir", data_dir}, "", environment);
  ASSERT_EQ(run.exit_code, 0) << run.output << run.errors;

  const auto show = testing::run_wodetl(
      {"show", "--data-dir", data_dir, "--week", "2021-03-08", "--format", "json"}, "",
      environment);
  EXPECT_EQ(Json::parse(show.output).size(), 3U);
  const auto other_table = testing::run_wodetl(
      {"show", "--data-dir", data_dir, "--week", "2021-03-08", "--format", "json"});
  EXPECT_EQ(Json::parse(other_table.output).size(), 0U)
      << "the default table must be a different table";

  const auto bad = testing::run_wodetl({"run", "--source", post, "--data-dir", data_dir}, "",
                                       {{"DYNAMODB_TABLE", "x\"; DROP TABLE posts; --"}});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.errors.find("DYNAMODB_TABLE"), std::string::npos) << bad.errors;
}

}  // namespace
}  // namespace wodetl

namespace wodetl {
namespace {

TEST(CliExplain, ArgumentsAndStdinGiveOneObjectPerLine) {
  const auto from_arguments = testing::run_wodetl(
      {"explain", "Every 2:30, for 15 minutes (6 sets):\nFront Squat x 3 reps @ 75-85%",
       "Rest 60 seconds"});
  ASSERT_EQ(from_arguments.exit_code, 0) << from_arguments.errors;
  const Json lines = Json::parse(from_arguments.output)["lines"];
  ASSERT_EQ(lines.size(), 3U);
  EXPECT_EQ(lines[0]["kind"], "scheme");
  EXPECT_EQ(lines[0]["scheme"]["every_seconds"], 150);
  EXPECT_EQ(lines[1]["kind"], "movement");
  EXPECT_EQ(lines[1]["text"], "Front Squat x 3 reps @ 75-85%");

  const auto from_stdin = testing::run_wodetl({"explain"}, "Three sets of:\nsome coaching words\n");
  ASSERT_EQ(from_stdin.exit_code, 0);
  const Json stdin_lines = Json::parse(from_stdin.output)["lines"];
  ASSERT_EQ(stdin_lines.size(), 2U);
  EXPECT_EQ(stdin_lines[1]["kind"], "note");
  EXPECT_EQ(stdin_lines[1]["text"], "some coaching words");
}

TEST(CliShowMaxes, PrintsLoadsAndMissingMaxes) {
  testing::TempFolder folder;
  const std::string data_dir = (folder.path() / "data").string();
  const auto post = testing::case_path("posts/weekly-program-crossing-year.json").string();
  ASSERT_EQ(testing::run_wodetl({"run", "--source", post, "--data-dir", data_dir}).exit_code, 0);
  const auto maxes = folder.path() / "maxes.toml";
  std::ofstream(maxes) << "unit = \"kg\"\nrounding = 2.5\nsnatch = \"100 kg\"\n";

  const auto show = testing::run_wodetl(
      {"show", "--data-dir", data_dir, "--date", "2020-12-28", "--maxes", maxes.string()});
  ASSERT_EQ(show.exit_code, 0) << show.errors;
  EXPECT_NE(show.output.find("Loads (Hang Snatch): Sets 1-5: 70 kg"), std::string::npos)
      << show.output;
  EXPECT_NE(show.output.find("no 1-RM for back squat in the maxes file"), std::string::npos)
      << show.output;

  const auto json = testing::run_wodetl({"show", "--data-dir", data_dir, "--date", "2020-12-28",
                                         "--maxes", maxes.string(), "--format", "json"});
  const Json records = Json::parse(json.output);
  ASSERT_EQ(records.size(), 1U);
  EXPECT_FALSE(records[0]["prescriptions"].empty());
  EXPECT_EQ(records[0]["loads"][0]["label"], "A");
  EXPECT_EQ(records[0]["loads"][0]["blocks"][0]["sets"][0]["weight"]["min"], 70);

  const auto bad = testing::run_wodetl({"show", "--data-dir", data_dir, "--date", "2020-12-28",
                                        "--maxes", (folder.path() / "absent.toml").string()});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.errors.find("absent.toml"), std::string::npos);

  // "--maxes $MAXES" with the variable unset must not print the day without loads.
  const auto empty =
      testing::run_wodetl({"show", "--data-dir", data_dir, "--date", "2020-12-28", "--maxes", ""});
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_NE(empty.errors.find("--maxes: needs the path of a TOML file"), std::string::npos)
      << empty.errors;
}

TEST(CliShowMaxes, WarnsAboutTableRowsPastSets) {
  testing::TempFolder folder;
  const std::string data_dir = (folder.path() / "data").string();
  const auto post = testing::case_path("posts/three-sets-table-past-count.json").string();
  const auto run = testing::run_wodetl({"run", "--source", post, "--data-dir", data_dir});
  ASSERT_EQ(run.exit_code, 0) << run.errors;
  // The run counts the warnings and names the day of the first; show prints them.
  EXPECT_NE(run.output.find(": 1 prescription warning, the first on 2021-03-15; `wodetl show "
                            "--date 2021-03-15` prints each with its session\n"),
            std::string::npos)
      << run.output;
  const auto maxes = folder.path() / "maxes.toml";
  std::ofstream(maxes)
      << "unit = \"kg\"\nrounding = 2.5\nsnatch = \"100 kg\"\n\"back squat\" = \"160 kg\"\n";

  const auto show = testing::run_wodetl(
      {"show", "--data-dir", data_dir, "--date", "2021-03-15", "--maxes", maxes.string()});
  ASSERT_EQ(show.exit_code, 0) << show.errors;
  const std::string table_end = "*Sets 4\u20135 = @ 75% of 1\u2013RM Snatch\n";
  const std::string warning =
      "    Warning: \"*Sets 4\u20135 = @ 75% of 1\u2013RM Snatch\" names sets 4-5, but the "
      "scheme states 3 sets: sets 4-5 left out\n";
  // The warning comes right after the table, before the loads.
  EXPECT_NE(show.output.find(table_end + warning + "    Loads (Snatch): Sets 1-3: 70 kg\n"),
            std::string::npos)
      << show.output;
  EXPECT_NE(show.output.find("Loads (Back Squat): Sets 1-5: 120 kg"), std::string::npos)
      << show.output;

  const auto json = testing::run_wodetl({"show", "--data-dir", data_dir, "--date", "2021-03-15",
                                         "--maxes", maxes.string(), "--format", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.errors;
  const Json records = Json::parse(json.output);
  ASSERT_EQ(records.size(), 1U);
  const Json& loads = records[0]["loads"][0];
  EXPECT_EQ(loads["label"], "A");
  ASSERT_EQ(loads["blocks"][0]["warnings"].size(), 1U);
  EXPECT_NE(loads["blocks"][0]["warnings"][0].get<std::string>().find("names sets 4-5"),
            std::string::npos);
  const Json& block = records[0]["prescriptions"][loads["segment"].get<std::size_t>()]["blocks"][0];
  EXPECT_EQ(block["warnings"], loads["blocks"][0]["warnings"]);
}

TEST(CliWeekly, RecordsCarryPrescriptions) {
  testing::TempFolder folder;
  const std::string data_dir = (folder.path() / "data").string();
  const auto post = testing::case_path("posts/weekly-program-without-range.json").string();
  ASSERT_EQ(testing::run_wodetl({"run", "--source", post, "--data-dir", data_dir}).exit_code, 0);
  const std::string weekly =
      testing::read_file(std::filesystem::path(data_dir) / "bucket" / "weekly" /
                         "2021-03-08__2021-03-12--strength-cycle-week-three.jsonl");
  const Json first = Json::parse(weekly.substr(0, weekly.find('\n')));
  ASSERT_TRUE(first.contains("prescriptions"));
  EXPECT_EQ(first["prescriptions"][1]["label"], "A");
  EXPECT_EQ(first["prescriptions"][1]["lines"][0]["kind"], "movement");
}

}  // namespace
}  // namespace wodetl
