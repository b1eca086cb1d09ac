#include "app/explain_command.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "core/json_codec.hpp"

namespace wodetl {
namespace {

struct ExplainRun {
  int exit_code = 0;
  std::string output;
  std::string errors;
};

ExplainRun explain(const std::string& input, std::vector<std::string> texts = {}) {
  std::istringstream in(input);
  std::ostringstream out;
  std::ostringstream err;
  ExplainRun run;
  run.exit_code = run_explain(ExplainOptions{std::move(texts), false}, in, out, err);
  run.output = out.str();
  run.errors = err.str();
  return run;
}

TEST(RunExplain, EntitiesParseAsPlainText) {
  const ExplainRun texturized = explain(
      "Clean &amp; Jerk x 2 @ 80%\n5&#215;5 Back Squat\n*Sets 4&#8211;5 = @ 75% of 1-RM "
      "Snatch\nSnatch&nbsp;x&nbsp;2\n");
  const ExplainRun plain = explain(
      "Clean & Jerk x 2 @ 80%\n5x5 Back Squat\n*Sets 4-5 = @ 75% of 1-RM Snatch\nSnatch x 2\n");
  ASSERT_EQ(texturized.exit_code, 0) << texturized.errors;
  ASSERT_EQ(plain.exit_code, 0) << plain.errors;
  Json texturized_lines = Json::parse(texturized.output)["lines"];
  Json plain_lines = Json::parse(plain.output)["lines"];
  ASSERT_EQ(texturized_lines.size(), 4U);
  ASSERT_EQ(plain_lines.size(), 4U);
  EXPECT_EQ(texturized_lines[0]["text"], "Clean &amp; Jerk x 2 @ 80%") << "text stays as given";
  for (std::size_t index = 0; index < plain_lines.size(); ++index) {
    texturized_lines[index].erase("text");
    plain_lines[index].erase("text");
    EXPECT_EQ(texturized_lines[index], plain_lines[index]) << "line " << index;
  }
  EXPECT_EQ(plain_lines[0]["movements"][0]["canonical"], "clean and jerk");
}

TEST(RunExplain, ArgumentsMaySpanLines) {
  const ExplainRun run = explain("ignored\n", {"Three sets of:\nSnatch x 2", "Rest 60 seconds"});
  ASSERT_EQ(run.exit_code, 0);
  const Json lines = Json::parse(run.output)["lines"];
  ASSERT_EQ(lines.size(), 3U);
  EXPECT_EQ(lines[0]["kind"], "scheme");
  EXPECT_EQ(lines[1]["kind"], "movement");
  EXPECT_EQ(lines[2]["text"], "Rest 60 seconds");
}

TEST(RunExplain, EmptyInputGivesNoLines) {
  const ExplainRun run = explain("");
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_EQ(Json::parse(run.output), Json::parse(R"({"lines": []})"));
}

TEST(RunExplain, UnreadLongLineWarns) {
  std::string long_line = "Snatch x 2";
  while (long_line.size() <= 600) {
    long_line += " and then more";
  }
  const ExplainRun run = explain(long_line + "\nSnatch x 2\n");
  ASSERT_EQ(run.exit_code, 0) << run.errors;
  const Json lines = Json::parse(run.output)["lines"];
  ASSERT_EQ(lines.size(), 2U);
  EXPECT_EQ(lines[0]["kind"], "note");
  ASSERT_TRUE(lines[0].contains("warning"));
  EXPECT_NE(lines[0]["warning"].get<std::string>().find("split it into shorter lines"),
            std::string::npos);
  EXPECT_FALSE(lines[1].contains("warning"));
}

TEST(RunExplain, ManyLinesStayInOrder) {
  std::string input;
  for (int index = 0; index < 2500; ++index) {
    input += "Snatch x " + std::to_string(index % 7 + 1) + "\r\n";
  }
  const ExplainRun run = explain(input);
  ASSERT_EQ(run.exit_code, 0);
  const Json lines = Json::parse(run.output)["lines"];
  ASSERT_EQ(lines.size(), 2500U);
  for (int index : {0, 1023, 1024, 2047, 2048, 2499}) {
    EXPECT_EQ(lines[index]["reps"]["min"], index % 7 + 1) << "line " << index;
    EXPECT_EQ(lines[index]["text"], "Snatch x " + std::to_string(index % 7 + 1));
  }
}

TEST(RunExplain, NulByteIsRejected) {
  const ExplainRun run = explain(std::string("Snatch x 2\nSnatch\0 x 2 @ 75%\n", 28));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(run.output.empty()) << run.output;
  EXPECT_NE(run.errors.find("line 2 contains a NUL byte"), std::string::npos) << run.errors;
}

}  // namespace
}  // namespace wodetl

namespace wodetl {
namespace {

TEST(RunExplain, NoBreakSpaceNameIsPlain) {
  for (const char* input : {"Back&nbsp;Squat x 5\n", "Back\xC2\xA0Squat x 5\n"}) {
    SCOPED_TRACE(input);
    const ExplainRun run = explain(input);
    ASSERT_EQ(run.exit_code, 0) << run.errors;
    const Json lines = Json::parse(run.output)["lines"];
    ASSERT_EQ(lines.size(), 1U);
    EXPECT_EQ(lines[0]["movements"][0]["name"], "Back Squat");
    EXPECT_EQ(lines[0]["movements"][0]["canonical"], "back squat");
  }
}

TEST(RunExplain, EveryLineBreakSplitsLines) {
  struct BreakCase {
    const char* input;
    std::size_t lines;
  };
  const std::vector<BreakCase> cases = {
      {"Snatch x 2\rEMOM 10", 2},
      {"Snatch x 2\r\nEMOM 10\r\n", 2},
      {"Snatch x 2\nEMOM 10\n", 2},
      {"Snatch x 2\xE2\x80\xA8"
       "EMOM 10",
       2},
      {"Snatch x 2\xE2\x80\xA9"
       "EMOM 10",
       2},
      {"Snatch x 2\r\rEMOM 10", 3},
  };
  for (const BreakCase& test : cases) {
    SCOPED_TRACE(test.input);
    const ExplainRun run = explain(test.input);
    ASSERT_EQ(run.exit_code, 0) << run.errors;
    const Json lines = Json::parse(run.output)["lines"];
    ASSERT_EQ(lines.size(), test.lines);
    EXPECT_EQ(lines[0]["text"], "Snatch x 2");
    EXPECT_FALSE(lines[0].contains("remark"));
    EXPECT_EQ(lines[test.lines - 1]["kind"], "scheme");
  }
}

TEST(RunExplain, LeadingHoldNamesMovement) {
  const ExplainRun run = explain(":30 hold Hollow Rock\nHollow Rock :30 hold\n");
  ASSERT_EQ(run.exit_code, 0) << run.errors;
  const Json lines = Json::parse(run.output)["lines"];
  ASSERT_EQ(lines.size(), 2U);
  for (const Json& line : lines) {
    EXPECT_EQ(line["kind"], "movement") << line["text"];
    EXPECT_EQ(line["movements"][0]["canonical"], "hollow rock") << line["text"];
    EXPECT_EQ(line["duration_seconds"], 30) << line["text"];
  }
}

TEST(RunExplain, PartLabelOpensLine) {
  struct LabelCase {
    const char* input;
    const char* kind;
    const char* part_label;  //!< nullptr when the line has none
  };
  const std::vector<LabelCase> cases = {
      {"A. Back Squat 5x5 @ 75%", "movement", "A"},
      {"B) 3 Rounds: 3 Pull-Ups, 6 Burpees", "scheme", "B"},
      {"C1: EMOM 10", "scheme", "C1"},
      {"Warm-up: 400m Run", "movement", "warm_up"},
      {"A.", "note", "A"},
      // "E.g." is no label, and a line without one has no part_label.
      {"E.g. Back Squat 5x5", "note", nullptr},
      {"Back Squat 5x5 @ 75%", "movement", nullptr},
  };
  for (const LabelCase& test : cases) {
    SCOPED_TRACE(test.input);
    const ExplainRun run = explain("", {test.input});
    ASSERT_EQ(run.exit_code, 0) << run.errors;
    const Json lines = Json::parse(run.output)["lines"];
    ASSERT_EQ(lines.size(), 1U);
    EXPECT_EQ(lines[0]["text"], test.input);
    EXPECT_EQ(lines[0]["kind"], test.kind);
    if (test.part_label == nullptr) {
      EXPECT_FALSE(lines[0].contains("part_label"));
    } else {
      EXPECT_EQ(lines[0]["part_label"], test.part_label);
    }
  }

  const Json squat = Json::parse(explain("", {"A. Back Squat 5x5 @ 75%"}).output)["lines"][0];
  EXPECT_EQ(squat["movements"][0]["name"], "Back Squat");
  EXPECT_EQ(squat["sets"], 5);
  EXPECT_EQ(squat["percent"]["min"], 75);
}

}  // namespace
}  // namespace wodetl
