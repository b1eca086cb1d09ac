#include "transform/segments.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace wodetl {
namespace {

DayGroup day_of(const std::string& header, const std::vector<std::string>& lines) {
  DayGroup day;
  day.header = Line{header, {}};
  for (const std::string& text : lines) {
    day.lines.push_back(Line{text, {}});
  }
  return day;
}

TEST(SegmentDay, RestLineAfterPlainHeaderMakesRestDay) {
  for (const char* first : {"Off", "Rest", "Rest Day!", "Day off", "Active recovery."}) {
    SCOPED_TRACE(first);
    const SegmentedDay day = segment_day(day_of("Wednesday", {first, "Go for a walk."}));
    EXPECT_TRUE(day.rest_day);
    // The lines stay in the day's segment.
    ASSERT_EQ(day.segments.size(), 1U);
    EXPECT_EQ(day.segments[0].lines.size(), 2U);
  }
}

TEST(SegmentDay, WorkoutDayIsNoRestDay) {
  EXPECT_FALSE(segment_day(day_of("Monday", {"Back Squat 5x5 @ 75%", "Rest"})).rest_day);
  EXPECT_FALSE(segment_day(day_of("Monday", {"Rest 2 minutes between sets"})).rest_day);
  // A part after a rest line makes the day a workout.
  EXPECT_FALSE(segment_day(day_of("Saturday", {"Rest", "A.", "Snatch 5x2"})).rest_day);
}

TEST(SegmentDay, HeaderSayingRestMakesRestDay) {
  EXPECT_TRUE(segment_day(day_of("Thursday (Rest Day)", {})).rest_day);
  EXPECT_TRUE(segment_day(day_of("Sunday - Rest", {"Enjoy the weekend"})).rest_day);
}

}  // namespace
}  // namespace wodetl
