#include "transform/day_headers.hpp"

#include <gtest/gtest.h>

#include <utility>

namespace wodetl {
namespace {

using std::chrono::weekday;

struct HeaderCase {
  const char* text;
  std::optional<weekday> expected_weekday;
  bool rest;
};

TEST(MatchDayHeader, RecognizesHeaderForms) {
  const HeaderCase cases[] = {
      {"Monday (Session One)", std::chrono::Monday, false},
      {"Thursday (Rest Day)", std::chrono::Thursday, true},
      {"SATURDAY", std::chrono::Saturday, false},
      {"Tuesday 190305", std::chrono::Tuesday, false},
      {"Wednesday \xE2\x80\x93 Heavy Day", std::chrono::Wednesday, false},
      {"Friday: Gym Closed", std::chrono::Friday, true},
      {"Day 2", std::nullopt, false},
      {"Session 5 - Tuesday", std::chrono::Tuesday, false},
      {"DAY TWO/TUESDAY", std::chrono::Tuesday, false},
      {"Week 3, Session 2", std::nullopt, false},
      {"*Sunday*", std::chrono::Sunday, false},
      {"Monday\xC2\xA0(Session\xC2\xA0One)", std::chrono::Monday, false},
      {"Tue 4/2", std::chrono::Tuesday, false},
      {"Sat. 4/13", std::chrono::Saturday, false},
      {"SAT 4/13 - Partner WOD", std::chrono::Saturday, false},
      {"Thurs. 12/24/20 (Gym Closed)", std::chrono::Thursday, true},
      {"Weds 12.23.20", std::chrono::Wednesday, false},
      {"Fri, Apr. 5", std::chrono::Friday, false},
      {"**Sun 4/7**", std::chrono::Sunday, false},
      {"Wednesday's WOD", std::chrono::Wednesday, false},
      {"Thursday\xE2\x80\x99s WOD", std::chrono::Thursday, false},
      {"Friday's Workout: Partner Chipper", std::chrono::Friday, false},
      {"Sunday's workout \xE2\x80\x93 active recovery", std::chrono::Sunday, true},
  };
  for (const HeaderCase& header : cases) {
    SCOPED_TRACE(header.text);
    const auto matched = match_day_header(header.text);
    ASSERT_TRUE(matched.has_value());
    EXPECT_EQ(matched->weekday, header.expected_weekday);
    EXPECT_EQ(matched->mentions_rest, header.rest);
  }
}

TEST(MatchDayHeader, NamesSessionOfDay) {
  const std::pair<const char*, bool> cases[] = {
      {"Monday AM", true},
      {"Monday PM", true},
      {"Monday - AM", true},
      {"Monday \xE2\x80\x93 PM", true},
      {"Monday (AM)", true},
      {"Monday, p.m.", true},
      {"Monday Morning", true},
      {"Monday Evening", true},
      {"Monday (Session Two)", true},
      {"Monday - 2nd Session", true},
      {"**Tue 6/18 PM**", true},
      {"Monday", false},
      {"Wednesday \xE2\x80\x93 Active Recovery", false},
      {"Friday: Gym Closed", false},
      {"Monday - Amrap Day", false},
      {"Tuesday 190305", false},
      // A numbered header numbers the days, not the sessions of one day.
      {"Session 5 - Tuesday", false},
      {"Week 3, Session 2", false},
  };
  for (const auto& [text, expected] : cases) {
    SCOPED_TRACE(text);
    const auto matched = match_day_header(text);
    ASSERT_TRUE(matched.has_value());
    EXPECT_EQ(matched->names_session_of_day, expected);
  }
}

TEST(MatchDayHeader, RejectsProse) {
  const char* prose[] = {
      "Monday and Wednesday are the heavy days this week",
      "Monday's squats go heavy, so sleep well",
      "Session 1 is about speed, take it easy and stay crisp",
      "A.",
      "Every minute, on the minute, for 7 minutes (7 sets):",
      "Strict Pull-Ups x 8 reps",
      "Day 1 of the new cycle starts with a test",
      "Deadlift x 10 reps @ 50-55% of your 1-RM Deadlift",
      "",
      "Tuesday's session was hard, so rest today",
      "Thursday\xE2\x80\x99s session was hard, so rest today",
      "Wednesday's workout was brutal",
      "Wednesday's WOD, as promised, is a long chipper so pace it well",
      "Tue",
      "Sat down between sets",
      "Sun salutations x 5",
      "Mon 3-5 reps, then rest",
      "Wed 5/3/1 week two",
      "Fri 4/5 we all meet at the beach at nine for a long swim",
  };
  for (const char* text : prose) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(match_day_header(text).has_value());
  }
}

TEST(FindWeekday, ReturnsFirstNamed) {
  EXPECT_EQ(find_weekday("session 5 - tuesday or friday"), std::chrono::Tuesday);
  EXPECT_EQ(find_weekday("day 2"), std::nullopt);
}

}  // namespace
}  // namespace wodetl
