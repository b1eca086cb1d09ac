#include "transform/day_groups.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace wodetl {
namespace {

StrippedPost post_with_lines(const std::vector<std::string>& texts) {
  StrippedPost post;
  post.source.title = "Strength Cycle";
  post.post_date = "2024-03-08T19:30:00";
  for (const std::string& text : texts) {
    post.lines.push_back(Line{text, {}});
  }
  return post;
}

std::vector<std::string> texts_of(const std::vector<Line>& lines) {
  std::vector<std::string> texts;
  for (const Line& line : lines) {
    texts.push_back(line.text);
  }
  return texts;
}

// In a daily post, a "Day N:" label before a prescription is a line of the post's one workout,
// which the title names. A bare label, or one before text that is no prescription, still heads
// the day.
TEST(GroupPostByDay, DailyLabelBeforePrescriptionIsLine) {
  struct DailyCase {
    std::vector<std::string> lines;
    std::string expected_header;
    std::vector<std::string> expected_lines;
    bool dated_by_post;
  };
  const DailyCase cases[] = {
      {{"Day 3: Back Squat 8x4 @ 80%"}, "Strength Cycle", {"Day 3: Back Squat 8x4 @ 80%"}, true},
      {{"Week 1, Day 4: Back Squat 10x3 @ 85%", "Rest 2 minutes between sets"},
       "Strength Cycle",
       {"Week 1, Day 4: Back Squat 10x3 @ 85%", "Rest 2 minutes between sets"},
       true},
      {{"Session 2 - Deadlift 5 x 3 @ 75%"},
       "Strength Cycle",
       {"Session 2 - Deadlift 5 x 3 @ 75%"},
       true},
      {{"Day 3", "Back Squat 8x4 @ 80%"}, "Day 3", {"Back Squat 8x4 @ 80%"}, false},
      {{"Day 3:", "Back Squat 8x4 @ 80%"}, "Day 3:", {"Back Squat 8x4 @ 80%"}, false},
      {{"Week 1, Day 4", "Back Squat 10x3 @ 85%"},
       "Week 1, Day 4",
       {"Back Squat 10x3 @ 85%"},
       false},
      {{"Session 5 - Tuesday", "Back Squat 8x4 @ 80%"},
       "Session 5 - Tuesday",
       {"Back Squat 8x4 @ 80%"},
       false},
  };
  for (const DailyCase& daily : cases) {
    SCOPED_TRACE(daily.lines.front());
    const GroupedPost grouped =
        group_post_by_day(post_with_lines(daily.lines), ProgramProfile::kDaily);

    ASSERT_EQ(grouped.days.size(), 1U);
    EXPECT_EQ(grouped.days.front().header.text, daily.expected_header);
    EXPECT_EQ(texts_of(grouped.days.front().lines), daily.expected_lines);
    EXPECT_TRUE(grouped.preamble.empty());
    EXPECT_EQ(grouped.dated_by_post, daily.dated_by_post);
  }
}

// A weekly program names each day with its label, so there the line heads a day as before.
TEST(GroupPostByDay, WeeklyLabelBeforePrescriptionIsHeader) {
  const GroupedPost grouped = group_post_by_day(
      post_with_lines({"Day 3: Back Squat 8x4 @ 80%", "Day 4: Deadlift 5x3 @ 75%"}),
      ProgramProfile::kWeekly);

  ASSERT_EQ(grouped.days.size(), 2U);
  EXPECT_EQ(grouped.days[0].header.text, "Day 3: Back Squat 8x4 @ 80%");
  EXPECT_EQ(grouped.days[1].header.text, "Day 4: Deadlift 5x3 @ 75%");
  EXPECT_FALSE(grouped.dated_by_post);
}

}  // namespace
}  // namespace wodetl
