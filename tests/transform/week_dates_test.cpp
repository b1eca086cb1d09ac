#include "transform/week_dates.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "transform/day_headers.hpp"

namespace wodetl {
namespace {

using std::chrono::year;
using std::chrono::year_month_day;

std::string describe(const std::optional<WeekRange>& range) {
  if (!range) {
    return "none";
  }
  return format_iso_date(range->first) + ".." + format_iso_date(range->last);
}

TEST(FindWeekRange, ReadsTitlesAndSlugs) {
  struct RangeCase {
    const char* text;
    const char* expected;
  };
  const RangeCase cases[] = {
      {"December 21-27, 2020 \xE2\x80\x93 5 Day Weightlifting Program", "2020-12-21..2020-12-27"},
      {"december-21-27-2020-5-day-weightlifting-program", "2020-12-21..2020-12-27"},
      {"December 28, 2020 \xE2\x80\x93 January 3, 2021", "2020-12-28..2021-01-03"},
      {"december-28-2020-january-3-2021-5-day-program", "2020-12-28..2021-01-03"},
      {"November 30 \xE2\x80\x94 December 6, 2020", "2020-11-30..2020-12-06"},
      {"Nov 30 - Dec 6, 2020", "2020-11-30..2020-12-06"},
      {"December 28 - January 3, 2021", "2020-12-28..2021-01-03"},
      {"April 1-7, 2024", "2024-04-01..2024-04-07"},
      {"Sept 2-8 2019 program", "2019-09-02..2019-09-08"},
  };
  for (const RangeCase& range_case : cases) {
    SCOPED_TRACE(range_case.text);
    EXPECT_EQ(describe(find_week_range(range_case.text, std::nullopt)), range_case.expected);
  }
}

TEST(FindWeekRange, UsesDefaultYearWhenMissing) {
  EXPECT_EQ(describe(find_week_range("April 1-7 Strength", year{2024})), "2024-04-01..2024-04-07");
  EXPECT_EQ(describe(find_week_range("April 1-7 Strength", std::nullopt)), "none");
}

TEST(FindWeekRange, RejectsInvalidRanges) {
  EXPECT_EQ(describe(find_week_range("February 30-31, 2021", std::nullopt)), "none");
  EXPECT_EQ(describe(find_week_range("December 27-21, 2020", std::nullopt)), "none");
  EXPECT_EQ(describe(find_week_range("March 1-28, 2021", std::nullopt)), "none");
  EXPECT_EQ(describe(find_week_range("5 Day Weightlifting Program", std::nullopt)), "none");
}

TEST(ParseIsoDate, ReadsDateAndDateTime) {
  ASSERT_TRUE(parse_iso_date("2020-12-20T17:00:21").has_value());
  EXPECT_EQ(format_iso_date(*parse_iso_date("2020-12-20T17:00:21")), "2020-12-20");
  EXPECT_FALSE(parse_iso_date("2020-13-01").has_value());
  EXPECT_FALSE(parse_iso_date("20201220").has_value());
  EXPECT_FALSE(parse_iso_date("21-12-2020").has_value());
  EXPECT_FALSE(parse_iso_date("2020-12-2x").has_value());
  EXPECT_FALSE(parse_iso_date("2020-12-21junk").has_value());
  EXPECT_FALSE(parse_iso_date("").has_value());
}

std::string found(const char* header, const char* reference = "2021-02-01") {
  const std::optional<year_month_day> date = find_header_date(header, *parse_iso_date(reference));
  return date ? format_iso_date(*date) : "none";
}

TEST(FindHeaderDate, ReadsWrittenForms) {
  const std::pair<const char*, const char*> cases[] = {
      {"Monday 02.08.21", "2021-02-08"},     {"Wednesday 02.10.21", "2021-02-10"},
      {"TUESDAY 190305", "2019-03-05"},      {"Monday 2/8/2021", "2021-02-08"},
      {"Monday 2-8-21", "2021-02-08"},       {"Monday 25.02.21", "2021-02-25"},
      {"Monday, February 8", "2021-02-08"},  {"Monday, Feb. 8th, 2021", "2021-02-08"},
      {"Monday (2021-02-08)", "2021-02-08"}, {"Tue 4/2", "2021-04-02"},
      {"Sat. 4/13", "2021-04-13"},           {"Thurs. 12/24/20", "2020-12-24"},
      {"Fri, Apr. 5", "2021-04-05"},
  };
  for (const auto& [header, expected] : cases) {
    SCOPED_TRACE(header);
    EXPECT_EQ(found(header), expected);
  }
}

TEST(FindHeaderDate, YearNearestReference) {
  EXPECT_EQ(found("Monday, December 28", "2021-01-02"), "2020-12-28");
  EXPECT_EQ(found("Monday, January 4", "2020-12-30"), "2021-01-04");
  EXPECT_EQ(found("Tue 12/29", "2021-01-02"), "2020-12-29");
}

TEST(FindHeaderDate, NoDateInOtherHeaders) {
  for (const char* header : {"Monday (Session One)", "Thursday (Rest Day)", "Day 2",
                             "Week 3, Day 2", "Session 5 - Tuesday", "Monday 13.13.21",
                             "Friday 02.30.21", "Wed 5/3/1 Week Two", "Sat 2/30"}) {
    SCOPED_TRACE(header);
    EXPECT_EQ(found(header), "none");
  }
}

TEST(FindHeaderDate, DatedHeadersAreHeaders) {
  for (const char* header : {"Monday 02.08.21", "TUESDAY 190305", "Monday 2/8/2021",
                             "Monday, February 8", "Tue 4/2", "Sat. 4/13"}) {
    SCOPED_TRACE(header);
    const std::optional<DayHeader> matched = match_day_header(header);
    ASSERT_TRUE(matched.has_value());
    EXPECT_TRUE(matched->weekday.has_value());
  }
}

SegmentedDay day_with_header(const char* header) {
  SegmentedDay day;
  Segment segment;
  segment.kind = SegmentKind::kDay;
  segment.heading = Line{header, {}};
  day.segments.push_back(segment);
  return day;
}

std::vector<std::string> dates_of(const DatedPost& dated) {
  std::vector<std::string> dates;
  for (const DatedSession& session : dated.sessions) {
    dates.push_back(session.date);
  }
  return dates;
}

TEST(SessionsToDateRecords, UsesWeekRangeFromTitle) {
  SegmentedPost post;
  post.source.title = "December 28, 2020 \xE2\x80\x93 January 3, 2021 \xE2\x80\x93 Program";
  post.post_date = "2020-12-27T16:30:00";
  for (const char* header :
       {"Monday (Session One)", "Tuesday", "Thursday (Rest Day)", "Friday", "Sunday"}) {
    post.days.push_back(day_with_header(header));
  }
  auto dated = sessions_to_date_records(post);
  ASSERT_TRUE(dated.ok());
  EXPECT_EQ(dates_of(*dated), (std::vector<std::string>{"2020-12-28", "2020-12-29", "2020-12-31",
                                                        "2021-01-01", "2021-01-03"}));
  EXPECT_TRUE(dated->warnings.empty());
}

TEST(SessionsToDateRecords, UsesPostDateWithoutRange) {
  SegmentedPost post;
  post.source.title = "Strength Cycle, Week Three";
  post.post_date = "2021-03-06T09:00:00";  // a Saturday
  for (const char* header : {"Monday", "Wednesday", "Friday", "Monday"}) {
    post.days.push_back(day_with_header(header));
  }
  auto dated = sessions_to_date_records(post);
  ASSERT_TRUE(dated.ok());
  EXPECT_EQ(dates_of(*dated),
            (std::vector<std::string>{"2021-03-08", "2021-03-10", "2021-03-12", "2021-03-15"}));
}

// A daily post is dated by the date its title names when that is within a week of publication
// and on the title's weekday. Gyms publish the evening before, so only another gap warns.
TEST(SessionsToDateRecords, DailyPostUsesTitleDate) {
  struct DailyCase {
    const char* title;
    const char* published;
    const char* expected_date;
    bool warns;
  };
  const DailyCase cases[] = {
      // The evening before, as usual.
      {"Saturday 3.9.24 \u2013 Team Day", "2024-03-08T19:30:00", "2024-03-09", false},
      {"Sat 3/9 \u2013 Team Day", "2024-03-08T19:30:00", "2024-03-09", false},
      // Two days before, and a day after: used, with a warning.
      {"Saturday 3.9.24 \u2013 Team Day", "2024-03-07T19:30:00", "2024-03-09", true},
      {"Saturday 3.9.24 \u2013 Team Day", "2024-03-10T08:00:00", "2024-03-09", true},
      // The same day.
      {"Saturday 3.9.24 \u2013 Team Day", "2024-03-09T05:00:00", "2024-03-09", false},
      // A weekday that the date does not fall on, or a date far from publication, is not used.
      {"Friday 3.9.24", "2024-03-08T19:30:00", "2024-03-08", false},
      {"Fri 3/9", "2024-03-08T19:30:00", "2024-03-08", false},
      {"Hero WOD 7/4/23", "2024-03-08T19:30:00", "2024-03-08", false},
  };
  for (const DailyCase& daily : cases) {
    SCOPED_TRACE(std::string(daily.title) + " published " + daily.published);
    SegmentedPost post;
    post.source.title = daily.title;
    post.post_date = daily.published;
    post.dated_by_post = true;
    post.days.push_back(day_with_header(daily.title));

    auto dated = sessions_to_date_records(post);

    ASSERT_TRUE(dated.ok());
    EXPECT_EQ(dates_of(*dated), (std::vector<std::string>{daily.expected_date}));
    if (daily.warns) {
      ASSERT_EQ(dated->warnings.size(), 1U);
      EXPECT_NE(dated->warnings[0].find("the title's date is used"), std::string::npos)
          << dated->warnings[0];
    } else {
      EXPECT_TRUE(dated->warnings.empty());
    }
  }
}

TEST(SessionsToDateRecords, FirstHeaderMayFallOnPostDate) {
  SegmentedPost post;
  post.post_date = "2021-03-08T05:00:00";  // a Monday
  post.days.push_back(day_with_header("Monday"));
  auto dated = sessions_to_date_records(post);
  ASSERT_TRUE(dated.ok());
  EXPECT_EQ(dates_of(*dated), (std::vector<std::string>{"2021-03-08"}));
}

TEST(SessionsToDateRecords, NumberedDaysFollowEachOther) {
  SegmentedPost post;
  post.source.slug = "april-1-7-2024-program";
  post.post_date = "2024-03-30T10:00:00";
  for (const char* header : {"Day 1", "Day 2", "Day 3"}) {
    post.days.push_back(day_with_header(header));
  }
  auto dated = sessions_to_date_records(post);
  ASSERT_TRUE(dated.ok());
  EXPECT_EQ(dates_of(*dated), (std::vector<std::string>{"2024-04-01", "2024-04-02", "2024-04-03"}));
}

// Without a week, "Day 1" falls on the post's date, or on the next Monday for a post of a
// Saturday or a Sunday: weekly programs are posted at the weekend for the week ahead.
TEST(SessionsToDateRecords, NumberedDaysOfWeekendPostStartMonday) {
  const std::pair<const char*, std::vector<std::string>> cases[] = {
      {"2021-03-06T09:00:00", {"2021-03-08", "2021-03-09", "2021-03-10"}},  // a Saturday
      {"2021-03-07T18:00:00", {"2021-03-08", "2021-03-09", "2021-03-10"}},  // a Sunday
      {"2021-03-10T05:00:00", {"2021-03-10", "2021-03-11", "2021-03-12"}},  // a Wednesday
  };
  for (const auto& [post_date, expected] : cases) {
    SCOPED_TRACE(post_date);
    SegmentedPost post;
    post.source.title = "Strength Cycle, Week Three";
    post.post_date = post_date;
    for (const char* header : {"Day 1", "Day 2", "Day 3"}) {
      post.days.push_back(day_with_header(header));
    }
    auto dated = sessions_to_date_records(post);
    ASSERT_TRUE(dated.ok());
    EXPECT_EQ(dates_of(*dated), expected);
  }
}

TEST(SessionsToDateRecords, WarnsWhenTitleAndSlugDisagree) {
  SegmentedPost post;
  post.source.title = "January 11-17, 2021 Program";
  post.source.slug = "january-4-10-2021-program";
  post.post_date = "2021-01-09T10:00:00";
  post.days.push_back(day_with_header("Monday"));
  auto dated = sessions_to_date_records(post);
  ASSERT_TRUE(dated.ok());
  EXPECT_EQ(dates_of(*dated), (std::vector<std::string>{"2021-01-11"}));
  ASSERT_EQ(dated->warnings.size(), 1U);
  EXPECT_NE(dated->warnings.front().find("differs from the slug"), std::string::npos);
}

SegmentedPost post_with_headers(const char* title, const char* post_date,
                                std::initializer_list<const char*> headers) {
  SegmentedPost post;
  post.source.title = title;
  post.post_date = post_date;
  for (const char* header : headers) {
    post.days.push_back(day_with_header(header));
  }
  return post;
}

TEST(SessionsToDateRecords, UsesDatesWrittenInHeaders) {
  // Published a week before the week its headers name, with no week in the title.
  const auto dated = sessions_to_date_records(post_with_headers(
      "Weightlifting Program", "2021-02-01T09:00:00", {"Monday 02.08.21", "Wednesday 02.10.21"}));

  ASSERT_TRUE(dated.ok());
  EXPECT_EQ(dates_of(*dated), (std::vector<std::string>{"2021-02-08", "2021-02-10"}));
  EXPECT_TRUE(dated->warnings.empty());
}

// Abbreviated and possessive weekdays date their days as full names do.
TEST(SessionsToDateRecords, DatesAbbreviatedAndPossessiveHeaders) {
  const auto dated = sessions_to_date_records(post_with_headers(
      "Weightlifting Program", "2024-03-31T09:00:00",
      {"Mon 4/1", "Tue 4/2", "Wednesday's WOD", "Thursday\xE2\x80\x99s WOD", "Sat. 4/6"}));

  ASSERT_TRUE(dated.ok());
  EXPECT_EQ(dates_of(*dated), (std::vector<std::string>{"2024-04-01", "2024-04-02", "2024-04-03",
                                                        "2024-04-04", "2024-04-06"}));
  EXPECT_TRUE(dated->warnings.empty());
}

// The abbreviation names the day, not a full weekday name later in the header.
TEST(SessionsToDateRecords, AbbreviationWinsOverLaterWeekday) {
  const auto dated = sessions_to_date_records(post_with_headers(
      "Program", "2024-03-31T09:00:00", {"Mon 4/1", "Tue 4/2 - Wednesday's class moved"}));

  ASSERT_TRUE(dated.ok());
  EXPECT_EQ(dates_of(*dated), (std::vector<std::string>{"2024-04-01", "2024-04-02"}));
  EXPECT_TRUE(dated->warnings.empty());
}

TEST(SessionsToDateRecords, AbbreviatedHeaderOfOtherWeekdayWarns) {
  const auto dated = sessions_to_date_records(
      post_with_headers("Program", "2024-03-31T09:00:00", {"Mon 4/1", "Tue 4/3"}));

  ASSERT_TRUE(dated.ok());
  EXPECT_EQ(dates_of(*dated), (std::vector<std::string>{"2024-04-01", "2024-04-02"}));
  ASSERT_EQ(dated->warnings.size(), 1U);
  EXPECT_EQ(dated->warnings[0],
            "the header 'Tue 4/3' names 2024-04-03, which is a Wednesday, not a Tuesday, so the "
            "day is dated 2024-04-02 by its weekday");
}

TEST(SessionsToDateRecords, HeaderDateOfOtherWeekdayIgnored) {
  const auto dated = sessions_to_date_records(
      post_with_headers("Program", "2021-02-01T09:00:00", {"Monday 02.09.21", "Wednesday"}));

  ASSERT_TRUE(dated.ok());
  EXPECT_EQ(dates_of(*dated), (std::vector<std::string>{"2021-02-01", "2021-02-03"}));
  ASSERT_EQ(dated->warnings.size(), 1U);
  EXPECT_EQ(dated->warnings[0],
            "the header 'Monday 02.09.21' names 2021-02-09, which is a Tuesday, not a Monday, so "
            "the day is dated 2021-02-01 by its weekday");
}

TEST(SessionsToDateRecords, HeaderDateWinsOverTitleWeek) {
  const auto dated = sessions_to_date_records(post_with_headers(
      "February 1-7, 2021 Program", "2021-01-31T09:00:00", {"Monday 02.08.21", "Tuesday"}));

  ASSERT_TRUE(dated.ok());
  EXPECT_EQ(dates_of(*dated), (std::vector<std::string>{"2021-02-08", "2021-02-09"}));
  ASSERT_GE(dated->warnings.size(), 1U);
  EXPECT_EQ(dated->warnings[0],
            "the header 'Monday 02.08.21' names 2021-02-08, but the week in the title gives "
            "2021-02-01; the header's date is used");
}

TEST(SessionsToDateRecords, HeaderDateNotAfterPreviousIgnored) {
  const auto dated = sessions_to_date_records(post_with_headers(
      "Program", "2021-02-01T09:00:00", {"Monday 02.08.21", "Wednesday 02.03.21"}));

  ASSERT_TRUE(dated.ok());
  EXPECT_EQ(dates_of(*dated), (std::vector<std::string>{"2021-02-08", "2021-02-10"}));
  ASSERT_EQ(dated->warnings.size(), 1U);
  EXPECT_NE(dated->warnings[0].find("which is not after the previous day (2021-02-08)"),
            std::string::npos)
      << dated->warnings[0];
}

// A header naming a time of day or a numbered session on the previous date's weekday is another
// session of that date, and the next weekday is the next day.
TEST(SessionsToDateRecords, SessionsOfOneDayShareDate) {
  struct SessionsCase {
    const char* title;
    std::vector<const char*> headers;
    std::vector<std::string> expected_dates;
  };
  const SessionsCase cases[] = {
      {"Competition Prep \xE2\x80\x93 June 17-23, 2024",
       {"Monday AM", "Monday PM", "Tuesday", "Wednesday \xE2\x80\x93 Active Recovery", "Thursday",
        "Friday"},
       {"2024-06-17", "2024-06-17", "2024-06-18", "2024-06-19", "2024-06-20", "2024-06-21"}},
      {"June 17-23, 2024",
       {"Monday - AM", "Monday - PM", "Tuesday (AM)", "Tuesday (PM)", "Wednesday Morning",
        "Wednesday Evening"},
       {"2024-06-17", "2024-06-17", "2024-06-18", "2024-06-18", "2024-06-19", "2024-06-19"}},
      {"June 17-23, 2024",
       {"Monday (Session One)", "Monday (Session Two)", "Tuesday (Session Three)"},
       {"2024-06-17", "2024-06-17", "2024-06-18"}},
      // A header without a time of day may open the first session.
      {"June 17-23, 2024",
       {"Monday", "Monday PM", "Tuesday"},
       {"2024-06-17", "2024-06-17", "2024-06-18"}},
      // Without a week in the title, the rule applies from the post's date.
      {"Competition Prep",
       {"Monday AM", "Monday PM", "Wednesday"},
       {"2024-06-17", "2024-06-17", "2024-06-19"}},
      // Written dates may repeat for a second session.
      {"Program",
       {"Mon 6/17 AM", "Mon 6/17 PM", "Tue 6/18"},
       {"2024-06-17", "2024-06-17", "2024-06-18"}},
      // The same header twice, or a header without a time of day, is the next such weekday.
      {"Competition Prep", {"Monday AM", "Monday AM"}, {"2024-06-17", "2024-06-24"}},
      {"Competition Prep", {"Monday AM", "Monday"}, {"2024-06-17", "2024-06-24"}},
      // Another weekday's session is on that weekday.
      {"Competition Prep", {"Monday", "Tuesday PM"}, {"2024-06-17", "2024-06-18"}},
  };
  for (const SessionsCase& sessions : cases) {
    SCOPED_TRACE(std::string(sessions.title) + ": " + sessions.headers.front() + ", " +
                 sessions.headers.at(1));
    SegmentedPost post;
    post.source.title = sessions.title;
    post.post_date = "2024-06-15T10:00:00";  // a Saturday
    for (const char* header : sessions.headers) {
      post.days.push_back(day_with_header(header));
    }

    const auto dated = sessions_to_date_records(post);

    ASSERT_TRUE(dated.ok());
    EXPECT_EQ(dates_of(*dated), sessions.expected_dates);
    EXPECT_TRUE(dated->warnings.empty()) << dated->warnings.front();
  }
}

TEST(SessionsToDateRecords, SecondSessionDateBeforePreviousIgnored) {
  const auto dated = sessions_to_date_records(
      post_with_headers("Program", "2024-06-15T10:00:00", {"Mon 6/17 AM", "Mon 6/10 PM"}));

  ASSERT_TRUE(dated.ok());
  EXPECT_EQ(dates_of(*dated), (std::vector<std::string>{"2024-06-17", "2024-06-17"}));
  ASSERT_EQ(dated->warnings.size(), 1U);
  EXPECT_EQ(dated->warnings[0],
            "the header 'Mon 6/10 PM' names 2024-06-10, which is before the previous day "
            "(2024-06-17), so the day is dated 2024-06-17 by its weekday");
}

TEST(SessionsToDateRecords, FailsWithoutAnyDate) {
  SegmentedPost post;
  post.source.post_id = 9;
  post.source.slug = "no-dates";
  post.post_date = "not a date";
  post.days.push_back(day_with_header("Monday"));
  auto dated = sessions_to_date_records(post);
  ASSERT_FALSE(dated.ok());
  EXPECT_NE(dated.error().to_string().find("no-dates"), std::string::npos);
}

}  // namespace
}  // namespace wodetl
