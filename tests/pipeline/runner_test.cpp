#include "pipeline/runner.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/json_codec.hpp"
#include "extract/file_source.hpp"
#include "load/local/sqlite_store.hpp"
#include "support/fixtures.hpp"

namespace wodetl {
namespace {

namespace fs = std::filesystem;
using testing::TempFolder;

constexpr const char* kCrossingYear = "weekly-program-crossing-year.json";
constexpr const char* kWithoutRange = "weekly-program-without-range.json";
constexpr const char* kAnnouncement = "announcement-without-days.json";
constexpr const char* kMissingContent = "post-missing-content.json";
constexpr const char* kNotJson = "not-json.json";

class RunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(posts());
    auto stores = open_local_stores(LocalStoreSettings{folder_.path() / "data", "bucket"});
    ASSERT_TRUE(stores.ok()) << stores.error().to_string();
    stores_ = *stores;
  }

  fs::path posts() const { return folder_.path() / "posts"; }
  fs::path bucket() const { return folder_.path() / "data" / "bucket"; }

  void add_post(const std::string& name) {
    fs::copy_file(testing::case_path("posts/" + name), posts() / name,
                  fs::copy_options::overwrite_existing);
  }

  void write_post(const std::string& name, const Json& post) {
    std::ofstream(posts() / name) << post.dump(2);
  }

  Json read_post_case(const std::string& name) {
    return Json::parse(testing::read_file(testing::case_path("posts/" + name)));
  }

  RunSummary run(int jobs = 2) {
    FileSource source(posts());
    return run_pipeline(source, stores_, RunOptions{.jobs = jobs});
  }

  // Modification times of every file under the bucket folder, to prove a run wrote nothing.
  std::map<std::string, fs::file_time_type> bucket_times() const {
    std::map<std::string, fs::file_time_type> times;
    for (const auto& entry : fs::recursive_directory_iterator(bucket())) {
      if (entry.is_regular_file()) {
        times[entry.path().string()] = entry.last_write_time();
      }
    }
    return times;
  }

  TempFolder folder_;
  Stores stores_;
};

TEST_F(RunnerTest, StoresGoodPostsAndReportsBadOnes) {
  for (const char* name :
       {kCrossingYear, kWithoutRange, kAnnouncement, kMissingContent, kNotJson}) {
    add_post(name);
  }
  const RunSummary summary = run();
  EXPECT_EQ(summary.posts.size(), 5U);
  EXPECT_EQ(summary.count(PostResult::kNew), 2);
  EXPECT_EQ(summary.count(PostResult::kSkipped), 1);
  EXPECT_EQ(summary.count(PostResult::kFailed), 2);
  EXPECT_TRUE(summary.failed());
  EXPECT_EQ(summary.records_written(), 8);

  auto all = stores_.sessions->all_sessions();
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 8U);

  EXPECT_TRUE(fs::exists(
      bucket() /
      "raw/2020-12-27__december-28-2020-january-3-2021-4-day-strength-program__raw.json"));
  EXPECT_TRUE(fs::exists(bucket() / "raw/2021-03-06__strength-cycle-week-three__raw.json"));
  EXPECT_TRUE(fs::exists(bucket() / "raw/2020-12-23__holiday-hours__raw.json"));
  EXPECT_TRUE(fs::exists(
      bucket() /
      "weekly/"
      "2020-12-28__2021-01-02--december-28-2020-january-3-2021-4-day-strength-program.jsonl"));
  EXPECT_TRUE(
      fs::exists(bucket() / "weekly/2021-03-08__2021-03-12--strength-cycle-week-three.jsonl"));
}

TEST_F(RunnerTest, FailuresNameFileOrPost) {
  add_post(kMissingContent);
  add_post(kNotJson);
  const RunSummary summary = run();
  const std::string text = format_summary_text(summary);
  EXPECT_NE(text.find("not-json.json"), std::string::npos) << text;
  EXPECT_NE(text.find("post 50104 'post-without-content'"), std::string::npos) << text;
  EXPECT_NE(text.find("content"), std::string::npos) << text;
  EXPECT_NE(text.find("Run failed"), std::string::npos) << text;
}

TEST_F(RunnerTest, SkippedPostListedWithReason) {
  add_post(kAnnouncement);
  for (int round = 0; round < 2; ++round) {
    const RunSummary summary = run();
    ASSERT_EQ(summary.posts.size(), 1U);
    EXPECT_EQ(summary.posts[0].result, PostResult::kSkipped) << "round " << round;
    EXPECT_NE(summary.posts[0].reason.find("no day headers"), std::string::npos);
    EXPECT_NE(summary.posts[0].reason.find("--profile daily"), std::string::npos);
    EXPECT_FALSE(summary.failed());
  }
}

TEST_F(RunnerTest, EmptyPostSkippedAsEmpty) {
  Json post = read_post_case(kCrossingYear);
  post["content"]["rendered"] = "\n";
  write_post("post.json", post);

  const RunSummary summary = run();

  ASSERT_EQ(summary.posts.size(), 1U);
  EXPECT_EQ(summary.posts[0].result, PostResult::kSkipped);
  EXPECT_NE(summary.posts[0].reason.find("the post has no text"), std::string::npos)
      << summary.posts[0].reason;
}

TEST_F(RunnerTest, SecondRunWritesNothing) {
  add_post(kCrossingYear);
  add_post(kWithoutRange);
  add_post(kAnnouncement);
  const RunSummary first = run();
  ASSERT_FALSE(first.failed()) << format_summary_text(first);
  const auto times_before = bucket_times();
  auto rows_before = stores_.sessions->all_sessions();
  ASSERT_TRUE(rows_before.ok());

  const RunSummary second = run();
  EXPECT_TRUE(second.wrote_nothing());
  EXPECT_EQ(second.count(PostResult::kUnchanged), 2);
  EXPECT_EQ(second.count(PostResult::kNew), 0);
  EXPECT_NE(format_summary_text(second).find("Nothing new"), std::string::npos);
  // Two raw posts and two weekly files of the programs, and the announcement's raw post.
  EXPECT_EQ(first.objects_written(), 5);
  EXPECT_EQ(second.objects_unchanged(), 5);
  EXPECT_NE(format_summary_text(second).find("Bucket objects: 0 written, 5 unchanged, 0 removed"),
            std::string::npos)
      << format_summary_text(second);
  EXPECT_EQ(bucket_times(), times_before);
  auto rows_after = stores_.sessions->all_sessions();
  ASSERT_TRUE(rows_after.ok());
  EXPECT_EQ(Json(*rows_after), Json(*rows_before));
}

TEST_F(RunnerTest, ProtectedPostKeepsStoredVersion) {
  Json post = read_post_case(kCrossingYear);
  write_post("post.json", post);
  ASSERT_FALSE(run().failed());
  auto before = stores_.objects->list("raw/");
  ASSERT_TRUE(before.ok());
  ASSERT_EQ(before->size(), 1U);
  const auto raw_before = stores_.objects->get(before->front());
  ASSERT_TRUE(raw_before.ok());

  // A post password makes WordPress send the post without its body.
  post["content"] = Json::parse(R"({"rendered":"","protected":true})");
  post["modified_gmt"] = "2020-12-28T07:00:00";
  write_post("post.json", post);
  const RunSummary summary = run();

  ASSERT_EQ(summary.posts.size(), 1U);
  EXPECT_EQ(summary.posts[0].result, PostResult::kFailed);
  EXPECT_NE(summary.posts[0].reason.find("password-protected"), std::string::npos)
      << summary.posts[0].reason;
  auto records = stores_.sessions->all_sessions();
  ASSERT_TRUE(records.ok());
  EXPECT_EQ(records->size(), 5U);
  const auto raw_after = stores_.objects->get(before->front());
  ASSERT_TRUE(raw_after.ok());
  EXPECT_EQ(*raw_after, *raw_before);
}

TEST_F(RunnerTest, EditedPostReplacesRecords) {
  Json post = read_post_case(kCrossingYear);
  write_post("post.json", post);
  ASSERT_FALSE(run().failed());

  // The coach drops Saturday and edits Monday's part B; WordPress bumps modified_gmt.
  std::string content = post["content"]["rendered"].get<std::string>();
  content = content.substr(0, content.find("<p><strong>Saturday"));
  const std::string old_part = "Back Squat 5&#215;5 @ 75%";
  content.replace(content.find(old_part), old_part.size(), "Back Squat 5&#215;3 @ 80%");
  post["content"]["rendered"] = content;
  post["modified_gmt"] = "2020-12-28T07:00:00";
  write_post("post.json", post);

  const RunSummary summary = run();
  ASSERT_EQ(summary.posts.size(), 1U);
  EXPECT_EQ(summary.posts[0].result, PostResult::kChanged);
  EXPECT_EQ(summary.posts[0].records_removed, 1);
  EXPECT_GE(summary.posts[0].records_written, 1);

  auto records = stores_.sessions->all_sessions();
  ASSERT_TRUE(records.ok());
  ASSERT_EQ(records->size(), 4U);
  EXPECT_TRUE(
      records->front().segment_b.starts_with("Back Squat 5\xC3\x97"
                                             "3 @ 80%"))
      << records->front().segment_b;
  EXPECT_EQ(records->front().source.modified_gmt, "2020-12-28T07:00:00");

  // The week now ends on Friday, so the weekly file moves and the old one goes.
  EXPECT_TRUE(fs::exists(
      bucket() /
      "weekly/"
      "2020-12-28__2021-01-01--december-28-2020-january-3-2021-4-day-strength-program.jsonl"));
  EXPECT_FALSE(fs::exists(
      bucket() /
      "weekly/"
      "2020-12-28__2021-01-02--december-28-2020-january-3-2021-4-day-strength-program.jsonl"));
}

TEST_F(RunnerTest, ContentChangeWithoutNewModifiedIsProcessed) {
  Json post = read_post_case(kWithoutRange);
  write_post("post.json", post);
  ASSERT_FALSE(run().failed());
  std::string content = post["content"]["rendered"].get<std::string>();
  content.replace(content.find("Pull-Ups x 8 reps"), 17, "Pull-Ups x 10 reps");
  post["content"]["rendered"] = content;
  write_post("post.json", post);

  const RunSummary summary = run();
  EXPECT_EQ(summary.posts.at(0).result, PostResult::kChanged);
  EXPECT_EQ(summary.posts.at(0).records_written, 1);
  EXPECT_EQ(summary.posts.at(0).records_unchanged, 2);
}

// Two versions of one post in one folder: whatever the order and the threads, the newer one is
// stored, and the SQLite rows and the bucket agree.
TEST_F(RunnerTest, NewerVersionWinsInOneRun) {
  Json original = read_post_case(kCrossingYear);
  Json edited = original;
  std::string content = edited["content"]["rendered"].get<std::string>();
  content = content.substr(0, content.find("<p><strong>Saturday"));
  edited["content"]["rendered"] = content;
  edited["modified_gmt"] = "2020-12-28T07:00:00";

  for (const bool edited_first : {false, true}) {
    for (const int jobs : {1, 4}) {
      SCOPED_TRACE("edited first: " + std::to_string(edited_first) +
                   ", jobs: " + std::to_string(jobs));
      TempFolder data;
      auto stores = open_local_stores(LocalStoreSettings{data.path(), "bucket"});
      ASSERT_TRUE(stores.ok());
      fs::remove_all(posts());
      fs::create_directories(posts());
      write_post(edited_first ? "a.json" : "b.json", edited);
      write_post(edited_first ? "b.json" : "a.json", original);

      FileSource source(posts());
      const RunSummary summary = run_pipeline(source, *stores, RunOptions{.jobs = jobs});
      EXPECT_FALSE(summary.failed()) << format_summary_text(summary);
      auto records = stores->sessions->all_sessions();
      ASSERT_TRUE(records.ok());
      EXPECT_EQ(records->size(), 4U);
      const std::string weekly = testing::read_file(
          data.path() /
          "bucket/weekly/"
          "2020-12-28__2021-01-01--december-28-2020-january-3-2021-4-day-strength-program.jsonl");
      EXPECT_EQ(std::count(weekly.begin(), weekly.end(), '\n'), 4);
      EXPECT_FALSE(fs::exists(
          data.path() /
          "bucket/weekly/"
          "2020-12-28__2021-01-02--december-28-2020-january-3-2021-4-day-strength-program.jsonl"));
    }
  }
}

TEST_F(RunnerTest, OlderVersionDoesNotReplaceNewer) {
  Json original = read_post_case(kWithoutRange);
  Json edited = original;
  std::string content = edited["content"]["rendered"].get<std::string>();
  content.replace(content.find("Pull-Ups x 8 reps"), 17, "Pull-Ups x 10 reps");
  edited["content"]["rendered"] = content;
  edited["modified_gmt"] = "2021-03-07T08:00:00";

  write_post("post.json", original);
  ASSERT_FALSE(run().failed());
  write_post("post.json", edited);
  ASSERT_EQ(run().posts.at(0).result, PostResult::kChanged);
  write_post("post.json", original);

  const RunSummary summary = run();
  ASSERT_EQ(summary.posts.size(), 1U);
  EXPECT_EQ(summary.posts[0].result, PostResult::kUnchanged);
  ASSERT_EQ(summary.posts[0].warnings.size(), 1U);
  EXPECT_NE(summary.posts[0].warnings[0].find("older than the stored one"), std::string::npos);
  auto records = stores_.sessions->all_sessions();
  ASSERT_TRUE(records.ok());
  EXPECT_EQ(records->front().segment_b, "Pull-Ups x 10 reps");
}

TEST_F(RunnerTest, ForceRestoresDeletedFile) {
  add_post(kWithoutRange);
  ASSERT_FALSE(run().failed());
  const fs::path weekly =
      bucket() / "weekly/2021-03-08__2021-03-12--strength-cycle-week-three.jsonl";
  const std::string body = testing::read_file(weekly);
  fs::remove(weekly);

  EXPECT_TRUE(run().wrote_nothing());
  EXPECT_FALSE(fs::exists(weekly));

  FileSource source(posts());
  const RunSummary forced = run_pipeline(source, stores_, RunOptions{.jobs = 1, .force = true});
  EXPECT_EQ(forced.objects_written(), 1);
  EXPECT_EQ(forced.objects_unchanged(), 1);
  EXPECT_EQ(forced.records_written(), 0);
  EXPECT_EQ(forced.records_unchanged(), 3);
  EXPECT_EQ(testing::read_file(weekly), body);
}

TEST_F(RunnerTest, EmptyFolderSaysNoPosts) {
  const RunSummary summary = run();
  EXPECT_FALSE(summary.failed());
  EXPECT_NE(format_summary_text(summary).find("No posts found."), std::string::npos);
  EXPECT_EQ(format_summary_text(summary).find("Nothing new"), std::string::npos);
}

TEST_F(RunnerTest, ManyPostsOnSeveralThreads) {
  Json post = read_post_case(kWithoutRange);
  for (int index = 0; index < 24; ++index) {
    post["id"] = 60000 + index;
    post["slug"] = "strength-cycle-copy-" + std::to_string(index);
    // Each copy is one week later, so the (date, session) keys do not collide.
    char date[32];
    std::snprintf(date, sizeof date, "2021-%02d-%02dT09:00:00", 3 + index / 3, 6 + 7 * (index % 3));
    post["date"] = date;
    write_post("copy-" + std::to_string(index) + ".json", post);
  }
  const RunSummary summary = run(4);
  EXPECT_FALSE(summary.failed()) << format_summary_text(summary);
  EXPECT_EQ(summary.count(PostResult::kNew), 24);
  EXPECT_EQ(summary.records_written(), 72);
  auto records = stores_.sessions->all_sessions();
  ASSERT_TRUE(records.ok());
  EXPECT_EQ(records->size(), 72U);
}

TEST_F(RunnerTest, MissingSourceFolderFailsRun) {
  FileSource source(folder_.path() / "no-such-folder");
  const RunSummary summary = run_pipeline(source, stores_, RunOptions{.jobs = 1});
  EXPECT_TRUE(summary.failed());
  ASSERT_TRUE(summary.source_error.has_value());
  EXPECT_NE(format_summary_text(summary).find("no-such-folder"), std::string::npos);
}

TEST(RunSummaryJson, CarriesCounts) {
  RunSummary summary;
  summary.source = "file x.json";
  PostOutcome outcome;
  outcome.post = PostRef{.id = 1, .slug = "a"};
  outcome.result = PostResult::kNew;
  outcome.records = 3;
  outcome.records_written = 3;
  summary.posts.push_back(outcome);
  const Json json = summary_to_json(summary);
  EXPECT_EQ(json["posts_seen"], 1);
  EXPECT_EQ(json["new"], 1);
  EXPECT_EQ(json["records_written"], 3);
  EXPECT_EQ(json["succeeded"], true);
  EXPECT_EQ(json["posts"][0]["result"], "new");
}

}  // namespace
}  // namespace wodetl
