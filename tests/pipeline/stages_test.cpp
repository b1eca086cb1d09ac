#include "pipeline/stages.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "extract/post_parser.hpp"
#include "support/fixtures.hpp"
#include "transform/transform_post.hpp"

namespace wodetl {
namespace {

using testing::TempFolder;

class StagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    context_.open_stores = [this]() {
      return open_local_stores(LocalStoreSettings{folder_.path(), "bucket"});
    };
    post_json_ = Json::parse(
        testing::read_file(testing::case_path("posts/weekly-program-crossing-year.json")));
  }

  Json run_stage(const char* name, const Json& event) {
    const Stage* stage = find_stage(name);
    if (stage == nullptr) {
      ADD_FAILURE() << "no stage " << name;
      return {};
    }
    auto result = stage->run(event, context_);
    if (!result) {
      ADD_FAILURE() << name << ": " << result.error().to_string();
      return {};
    }
    return *result;
  }

  TempFolder folder_;
  StageContext context_;
  Json post_json_;
};

TEST_F(StagesTest, ListsEightStagesInOrder) {
  std::vector<std::string> names;
  for (const Stage& stage : all_stages()) {
    names.emplace_back(stage.name);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"get_invictus_post", "dump_post_to_bucket",
                                             "strip_post_html", "group_post_by_day", "segment_days",
                                             "sessions_to_date_records", "clean_session_records",
                                             "save_sessions_to_bucket"}));
}

TEST_F(StagesTest, ChainMatchesInProcessTransform) {
  const Json dumped = run_stage("dump_post_to_bucket", post_json_);
  const Json stripped = run_stage("strip_post_html", dumped);
  const Json grouped = run_stage("group_post_by_day", stripped);
  const Json segmented = run_stage("segment_days", grouped);
  const Json dated = run_stage("sessions_to_date_records", segmented);
  const Json cleaned = run_stage("clean_session_records", dated);
  const Json saved = run_stage("save_sessions_to_bucket", cleaned);

  auto post = parse_post(post_json_, "fixture");
  ASSERT_TRUE(post.ok());
  auto transformed = transform_post(*post);
  ASSERT_TRUE(transformed.ok());
  EXPECT_EQ(cleaned["result"], Json(transformed->records));
  EXPECT_EQ(saved["records"], Json(transformed->records));
  EXPECT_EQ(saved["metadata"]["bucket_key"],
            "weekly/"
            "2020-12-28__2021-01-02--december-28-2020-january-3-2021-4-day-strength-program.jsonl");
  EXPECT_TRUE(std::filesystem::exists(folder_.path() / "bucket" /
                                      saved["metadata"]["bucket_key"].get<std::string>()));
}

TEST_F(StagesTest, StagesKeepOriginalShapes) {
  const Json stripped = run_stage("strip_post_html", post_json_);
  EXPECT_TRUE(stripped["text"].is_string());
  EXPECT_EQ(stripped["post_date"], "2020-12-27T16:30:00");
  EXPECT_EQ(stripped["slug"], post_json_["slug"]);

  const Json grouped = run_stage("group_post_by_day", stripped);
  ASSERT_EQ(grouped["sessions"].size(), 5U);
  EXPECT_EQ(grouped["sessions"][0][0], "Monday (Session One)");

  const Json segmented = run_stage("segment_days", grouped);
  EXPECT_EQ(segmented["segmented_sessions"][0][0],
            Json::array({"session", "Monday (Session One)"}));
  EXPECT_EQ(segmented["segmented_sessions"][0][1][0], "Suggested Warm-Up");

  const Json dated = run_stage("sessions_to_date_records", segmented);
  EXPECT_EQ(dated["result"][0]["date"], "2020-12-28");
  EXPECT_EQ(dated["result"][0]["session"], "Monday (Session One)");
  EXPECT_TRUE(dated["result"][0].contains("A."));
}

TEST_F(StagesTest, AcceptsOriginalTextEvents) {
  const Json grouped = run_stage(
      "group_post_by_day",
      Json{{"text",
            "Intro\nMonday (Session One)\nA.\nSquat x 5\nTuesday (Session Two)\nA.\nPress x 5"},
           {"post_date", "2021-03-06T09:00:00"},
           {"slug", "plain"}});
  ASSERT_EQ(grouped["days"].size(), 2U);
  EXPECT_EQ(grouped["preamble"][0]["text"], "Intro");

  const Json original_sessions{{"sessions", grouped["sessions"]},
                               {"post_date", "2021-03-06T09:00:00"}};
  const Json segmented = run_stage("segment_days", original_sessions);
  const Json original_segmented{{"segmented_sessions", segmented["segmented_sessions"]},
                                {"post_date", "2021-03-06T09:00:00"}};
  const Json dated = run_stage("sessions_to_date_records", original_segmented);
  ASSERT_EQ(dated["sessions"].size(), 2U);
  EXPECT_EQ(dated["sessions"][0]["date"], "2021-03-08");
  EXPECT_EQ(dated["sessions"][1]["date"], "2021-03-09");

  const Json cleaned = run_stage("clean_session_records", Json{{"result", dated}});
  EXPECT_EQ(cleaned["result"][0]["segment_a"], "Squat x 5");
}

TEST_F(StagesTest, CleanAcceptsOriginalRecords) {
  const Json original = Json::array({Json{{"date", "2021-03-08"},
                                          {"session", "Monday (Session One)"},
                                          {"Suggested Warm-Up", "Row 500m\nBand pull-aparts"},
                                          {"A.", "Back Squat 5x5"},
                                          {"B.", "Plank x 45 seconds"}}});
  for (const Json& event : {Json{{"result", original}}, original}) {
    const Json cleaned = run_stage("clean_session_records", event);
    ASSERT_EQ(cleaned["result"].size(), 1U);
    const Json& record = cleaned["result"][0];
    EXPECT_EQ(record["date"], "2021-03-08");
    EXPECT_EQ(record["session"], "Monday (Session One)");
    EXPECT_EQ(record["warm_up"], "Row 500m\nBand pull-aparts");
    EXPECT_EQ(record["segment_a"], "Back Squat 5x5");
    EXPECT_EQ(record["segment_b"], "Plank x 45 seconds");
  }
}

TEST_F(StagesTest, DumpWritesOnceThenUnchanged) {
  const Json first = run_stage("dump_post_to_bucket", Json{{"result", post_json_}});
  EXPECT_EQ(first["metadata"]["written"], true);
  EXPECT_EQ(first["metadata"]["bucket_key"],
            "raw/2020-12-27__december-28-2020-january-3-2021-4-day-strength-program__raw.json");
  const Json second = run_stage("dump_post_to_bucket", post_json_);
  EXPECT_EQ(second["metadata"]["written"], false);
  EXPECT_EQ(first["metadata"]["idempotency_key"], second["metadata"]["idempotency_key"]);
}

TEST_F(StagesTest, GetPostReadsPageSettings) {
  int seen_per_page = 0;
  int seen_page = 0;
  context_.fetch_page = [&](int per_page, int page) -> Result<PostBatch> {
    seen_per_page = per_page;
    seen_page = page;
    auto post = parse_post(post_json_, "fixture");
    PostBatch batch;
    batch.push_back(post);
    return batch;
  };
  const Json result = run_stage("get_invictus_post", Json{{"posts_per_page", "5"}, {"page", 2}});
  EXPECT_EQ(seen_per_page, 5);
  EXPECT_EQ(seen_page, 2);
  ASSERT_EQ(result["result"].size(), 1U);
  EXPECT_EQ(result["result"][0]["id"], 50101);
}

TEST_F(StagesTest, BadEventsGiveClearErrors) {
  struct BadCase {
    const char* stage;
    Json event;
    const char* expected;
  };
  const BadCase cases[] = {
      {"strip_post_html", Json{{"id", 1}, {"slug", "x"}, {"date", "2021-01-01T00:00:00"}},
       "content"},
      {"group_post_by_day", Json{{"nothing", true}}, "\"lines\" or \"text\""},
      {"segment_days", Json::array(), "\"days\" or \"sessions\""},
      {"sessions_to_date_records", Json{{"days", "not a list"}}, "could not read its event"},
      {"clean_session_records", Json::object(), "\"sessions\""},
      {"segment_days", Json{{"days", Json::array({Json{{"header", 5}}})}},
       "could not read its event: "},
      {"save_sessions_to_bucket", Json{{"records", Json::array()}}, "no session records"},
      {"get_invictus_post", Json{{"page", 0}}, "page must be a whole number"},
  };
  for (const BadCase& bad : cases) {
    SCOPED_TRACE(bad.stage);
    auto result = find_stage(bad.stage)->run(bad.event, context_);
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().to_string().find(bad.expected), std::string::npos)
        << result.error().to_string();
    EXPECT_EQ(result.error().to_string().find("[json.exception"), std::string::npos)
        << result.error().to_string();
  }
}

}  // namespace
}  // namespace wodetl
