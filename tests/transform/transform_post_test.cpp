#include "transform/transform_post.hpp"

#include <gtest/gtest.h>

#include "support/fixtures.hpp"
#include "support/line_checks.hpp"
#include "transform/html_lines.hpp"

namespace wodetl {
namespace {

using testing::load_post_case;
using testing::stored_line_texts;

TransformedPost transform_case(const std::string& name) {
  auto transformed = transform_post(load_post_case(name));
  if (!transformed) {
    ADD_FAILURE() << transformed.error().to_string();
    return {};
  }
  return *transformed;
}

TEST(TransformPost, DatesWeekCrossingYear) {
  const TransformedPost post = transform_case("weekly-program-crossing-year.json");
  ASSERT_EQ(post.records.size(), 5U);
  EXPECT_EQ(post.records[0].date, "2020-12-28");
  EXPECT_EQ(post.records[1].date, "2020-12-29");
  EXPECT_EQ(post.records[2].date, "2020-12-31");
  EXPECT_EQ(post.records[3].date, "2021-01-01");
  EXPECT_EQ(post.records[4].date, "2021-01-02");
}

TEST(TransformPost, KeepsEveryLineInOrder) {
  const Post post = load_post_case("weekly-program-crossing-year.json");
  auto lines = html_to_lines(post.content_html);
  ASSERT_TRUE(lines.ok());
  const TransformedPost transformed = transform_case("weekly-program-crossing-year.json");
  EXPECT_EQ(stored_line_texts(transformed.preamble, transformed.records),
            testing::line_texts(*lines));
}

TEST(TransformPost, KeepsPreambleWithPost) {
  const TransformedPost post = transform_case("weekly-program-crossing-year.json");
  ASSERT_EQ(post.preamble.size(), 1U);
  EXPECT_EQ(post.preamble.front().text,
            "Happy New Year from the coaching staff! This block finishes the cycle.");
}

TEST(TransformPost, BuildsFlatFieldsWithLineBreaks) {
  const TransformedPost post = transform_case("weekly-program-crossing-year.json");
  const SessionRecord& monday = post.records[0];
  EXPECT_EQ(monday.session, "Monday (Session One)");
  EXPECT_EQ(monday.warm_up,
            "2 Rounds: 8 Goblet Squats, 8 Ring Rows, 20m Bear Crawl\nWith empty bar: 5 Good "
            "Mornings, 5 Strict Press");
  EXPECT_EQ(monday.segment_a,
            "Every 2 minutes, for 10 minutes (5 sets):\nHang Snatch x 2 reps @ 70% of 1-RM Snatch");
  EXPECT_EQ(monday.segment_b,
            "Back Squat 5\xC3\x97"
            "5 @ 75%\n*Rest 2\xE2\x80\x93"
            "3 minutes between sets\xE2\x80\xA6 don\xE2\x80\x99t rush.");
  EXPECT_EQ(monday.segment_c,
            "Three sets of:\nDB Bench Press x 10 reps\nPlank x 45\xC2\xA0seconds");
  EXPECT_EQ(monday.segment_d, "");
  EXPECT_EQ(monday.segment_e, "");
}

TEST(TransformPost, NumberedLinesBeforeFirstPartLeadWarmUp) {
  const TransformedPost post = transform_case("weekly-program-crossing-year.json");
  const SessionRecord& tuesday = post.records[1];
  ASSERT_FALSE(tuesday.segments.empty());
  EXPECT_EQ(tuesday.segments[0].kind, SegmentKind::kDay);
  EXPECT_EQ(tuesday.segments[0].lines.size(), 2U);
  EXPECT_EQ(tuesday.warm_up,
            "1. Spend 5 minutes on hip mobility\n2. Spend 5 minutes on overhead position");
}

TEST(TransformPost, RestDayKeepsItsHeader) {
  const TransformedPost post = transform_case("weekly-program-crossing-year.json");
  const SessionRecord& thursday = post.records[2];
  EXPECT_EQ(thursday.session, "Thursday (Rest Day)");
  EXPECT_TRUE(thursday.rest_day);
  ASSERT_EQ(thursday.segments.size(), 1U);
  EXPECT_EQ(thursday.segments[0].heading.text, "Thursday (Rest Day)");
}

TEST(TransformPost, PartFKeptInSegments) {
  const TransformedPost post = transform_case("weekly-program-crossing-year.json");
  const SessionRecord& friday = post.records[3];
  ASSERT_EQ(friday.segments.size(), 8U);
  EXPECT_EQ(friday.segments.back().label, "F");
  EXPECT_EQ(friday.segments.back().lines.at(0).text, "Optional: 10 minutes easy bike");
  EXPECT_EQ(friday.segment_e, "Farmer Carry x 40m");
  EXPECT_FALSE(friday.rest_day);
}

TEST(TransformPost, ListsLinksOfEachDay) {
  const TransformedPost post = transform_case("weekly-program-crossing-year.json");
  ASSERT_EQ(post.records[0].links.size(), 1U);
  EXPECT_EQ(post.records[0].links[0],
            (Link{"Hang Snatch", "https://video.example.test/hang-snatch"}));
  ASSERT_EQ(post.records[1].links.size(), 2U);
  EXPECT_EQ(post.records[1].links[1], (Link{"Clean", "https://video.example.test/clean"}));
  EXPECT_TRUE(post.records[2].links.empty());
}

TEST(TransformPost, NamesSourcePost) {
  const TransformedPost post = transform_case("weekly-program-crossing-year.json");
  const SourceRef& source = post.records[0].source;
  EXPECT_EQ(source.post_id, 50101);
  EXPECT_EQ(source.slug, "december-28-2020-january-3-2021-4-day-strength-program");
  EXPECT_EQ(
      source.link,
      "https://coach.example.test/program/december-28-2020-january-3-2021-4-day-strength-program/");
  EXPECT_EQ(source.modified_gmt, "2020-12-27T18:02:11");
  EXPECT_EQ(source.title,
            "December 28, 2020 \xE2\x80\x93 January 3, 2021 \xE2\x80\x93 4 Day Strength Program");
}

TEST(TransformPost, DatesByPostDateWithoutRange) {
  const TransformedPost post = transform_case("weekly-program-without-range.json");
  ASSERT_EQ(post.records.size(), 3U);
  EXPECT_EQ(post.records[0].date, "2021-03-08");
  EXPECT_EQ(post.records[1].date, "2021-03-10");
  EXPECT_EQ(post.records[2].date, "2021-03-12");
  EXPECT_EQ(post.records[0].segment_a,
            "Deadlift 3\xC3\x97"
            "5");
  EXPECT_EQ(post.records[0].segment_b, "Pull-Ups x 8 reps");
}

// A no-break space in a day header does not make a session key of its own.
TEST(TransformPost, SessionKeyHasPlainSpaces) {
  Post post = load_post_case("weekly-program-crossing-year.json");
  const std::string header = "Monday (Session One)";
  post.content_html.replace(post.content_html.find(header), header.size(),
                            "Monday&nbsp;&nbsp;(Session One)");
  auto transformed = transform_post(post);
  ASSERT_TRUE(transformed.ok()) << transformed.error().to_string();
  ASSERT_FALSE(transformed->records.empty());
  EXPECT_EQ(transformed->records[0].session, header);
  // The segment keeps the header as written.
  EXPECT_EQ(transformed->records[0].segments[0].heading.text, "Monday\u00A0\u00A0(Session One)");
}

TEST(TransformPost, AnnouncementHasNoRecords) {
  const TransformedPost post = transform_case("announcement-without-days.json");
  EXPECT_TRUE(post.records.empty());
  EXPECT_EQ(post.preamble.size(), 2U);
}

TEST(TransformPost, CountsLinesDaysSegments) {
  const TransformedPost post = transform_case("weekly-program-crossing-year.json");
  EXPECT_EQ(post.counts.days, 5);
  EXPECT_EQ(post.counts.preamble_lines, 1);
  EXPECT_GT(post.counts.lines, 40);
}

// Abbreviated and possessive weekdays start their own days, so no day's workout falls under the
// day before it, while a possessive weekday in a coach's remark stays a line.
TEST(TransformPost, WeeklyPostAbbreviatedHeadersStartDays) {
  Post post = load_post_case("weekly-program-crossing-year.json");
  post.title = "Strength Program";
  post.slug = "strength-program";
  post.date = "2024-03-31T09:00:00";
  post.content_html =
      "<p>Monday 4/1</p>\n<p>Back Squat 5x5 @ 75%</p>\n"
      "<p>Tue 4/2</p>\n<p>Deadlift 3x3 @ 80%</p>\n"
      "<p>Wednesday&#8217;s WOD</p>\n<p>For time: 50 Burpees</p>\n"
      "<p>Thursday's WOD</p>\n<p>Tuesday's session was hard, so rest today</p>\n"
      "<p>Sat. 4/6</p>\n<p>Bench Press 5x5 @ 70%</p>\n";

  auto transformed = transform_post(post);

  ASSERT_TRUE(transformed.ok()) << transformed.error().to_string();
  struct DayCase {
    const char* date;
    const char* session;
    const char* line;
  };
  const DayCase expected[] = {
      {"2024-04-01", "Monday 4/1", "Back Squat 5x5 @ 75%"},
      {"2024-04-02", "Tue 4/2", "Deadlift 3x3 @ 80%"},
      {"2024-04-03", "Wednesday\u2019s WOD", "For time: 50 Burpees"},
      {"2024-04-04", "Thursday's WOD", "Tuesday's session was hard, so rest today"},
      {"2024-04-06", "Sat. 4/6", "Bench Press 5x5 @ 70%"},
  };
  ASSERT_EQ(transformed->records.size(), std::size(expected));
  for (std::size_t i = 0; i < std::size(expected); ++i) {
    SCOPED_TRACE(expected[i].session);
    const SessionRecord& record = transformed->records[i];
    EXPECT_EQ(record.date, expected[i].date);
    EXPECT_EQ(record.session, expected[i].session);
    ASSERT_EQ(record.segments.size(), 1U);
    ASSERT_EQ(record.segments[0].lines.size(), 1U);
    EXPECT_EQ(record.segments[0].lines[0].text, expected[i].line);
  }
  EXPECT_TRUE(transformed->warnings.empty());
}

TEST(TransformPost, DailyPostIsOneSessionOnItsDate) {
  const Post post = load_post_case("daily-workout.json");

  auto transformed = transform_post(post, ProgramProfile::kDaily);

  ASSERT_TRUE(transformed.ok()) << transformed.error().to_string();
  ASSERT_EQ(transformed->records.size(), 1U);
  const SessionRecord& record = transformed->records.front();
  EXPECT_EQ(record.date, "2021-02-09");
  EXPECT_EQ(record.session, "Tuesday Grind \u2013 Snatch Day");
  EXPECT_FALSE(record.rest_day);
  EXPECT_TRUE(transformed->preamble.empty());
  EXPECT_EQ(transformed->counts.days, 1);
  ASSERT_EQ(record.segments.size(), 5U);
  EXPECT_EQ(record.segments[0].lines.front().text,
            "Coach\u2019s note: move fast on the pulls today.");
  EXPECT_EQ(record.segments[1].kind, SegmentKind::kWarmUp);
  EXPECT_EQ(record.segments[2].label, "A");
  EXPECT_EQ(record.segments[3].label, "B");
  EXPECT_EQ(record.segments[4].label, "C");
  EXPECT_EQ(record.segment_a, "Snatch \u2013 5 x 2 @ 75%");
  ASSERT_EQ(record.links.size(), 1U);
  EXPECT_EQ(record.links.front().url, "https://daily.example.test/movements/ghd/");
}

// Parts numbered under one letter share its flat field, each with its label.
TEST(TransformPost, NumberedPartsKeepLabelsInFlatField) {
  Post post = load_post_case("daily-workout.json");
  post.content_html =
      "<p>A. Back Squat 5x5 @ 75%</p>\n<p>B1. Bench Press x 8 @ 70%</p>\n"
      "<p>B2. Pendlay Row x 8</p>\n<p>C. Plank 3 x 30 seconds</p>\n";

  auto transformed = transform_post(post, ProgramProfile::kDaily);

  ASSERT_TRUE(transformed.ok()) << transformed.error().to_string();
  ASSERT_EQ(transformed->records.size(), 1U);
  const SessionRecord& record = transformed->records.front();
  EXPECT_EQ(record.segment_a, "Back Squat 5x5 @ 75%");
  EXPECT_EQ(record.segment_b, "B1. Bench Press x 8 @ 70%\nB2. Pendlay Row x 8");
  EXPECT_EQ(record.segment_c, "Plank 3 x 30 seconds");
}

TEST(TransformPost, DailyPostKeepsEveryLine) {
  const Post post = load_post_case("daily-workout.json");
  auto lines = html_to_lines(post.content_html);
  ASSERT_TRUE(lines.ok());

  auto transformed = transform_post(post, ProgramProfile::kDaily);

  ASSERT_TRUE(transformed.ok());
  std::vector<std::string> stored = stored_line_texts(transformed->preamble, transformed->records);
  // The day's heading is the title, which is not a line of the body.
  ASSERT_FALSE(stored.empty());
  stored.erase(stored.begin());
  EXPECT_EQ(stored, testing::line_texts(*lines));
}

TEST(TransformPost, WeeklyProfileSkipsDailyPost) {
  auto transformed = transform_post(load_post_case("daily-workout.json"), ProgramProfile::kWeekly);

  ASSERT_TRUE(transformed.ok());
  EXPECT_TRUE(transformed->records.empty());
  EXPECT_EQ(transformed->preamble.size(), 5U);
}

TEST(TransformPost, DailyProfileKeepsDayHeaders) {
  const Post post = load_post_case("weekly-program-crossing-year.json");

  auto daily = transform_post(post, ProgramProfile::kDaily);
  auto weekly = transform_post(post, ProgramProfile::kWeekly);

  ASSERT_TRUE(daily.ok());
  ASSERT_TRUE(weekly.ok());
  ASSERT_EQ(daily->records.size(), weekly->records.size());
  for (std::size_t i = 0; i < daily->records.size(); ++i) {
    EXPECT_EQ(daily->records[i].date, weekly->records[i].date) << i;
    EXPECT_EQ(daily->records[i].session, weekly->records[i].session) << i;
  }
}

// "Day 3:" before a prescription is the program's label on the one workout of a daily post, so
// the workout keeps its line, named by the title and dated by it, and is no rest day.
TEST(TransformPost, DailyLabelBeforePrescriptionIsLine) {
  struct LabelCase {
    const char* body_html;
    const char* first_line;
  };
  const LabelCase cases[] = {
      {"<p>Day 3: Back Squat 8x4 @ 80%</p>\n", "Day 3: Back Squat 8x4 @ 80%"},
      {"<p>Week 1, Day 4: Back Squat 10x3 @ 85%</p>\n<p>Rest 2 minutes</p>\n",
       "Week 1, Day 4: Back Squat 10x3 @ 85%"},
  };
  for (const LabelCase& label : cases) {
    SCOPED_TRACE(label.first_line);
    Post post = load_post_case("daily-workout.json");
    post.content_html = label.body_html;

    auto transformed = transform_post(post, ProgramProfile::kDaily);

    ASSERT_TRUE(transformed.ok()) << transformed.error().to_string();
    ASSERT_EQ(transformed->records.size(), 1U);
    const SessionRecord& record = transformed->records.front();
    EXPECT_EQ(record.session, "Tuesday Grind \u2013 Snatch Day");
    EXPECT_EQ(record.date, "2021-02-09");
    EXPECT_FALSE(record.rest_day);
    ASSERT_EQ(record.prescriptions.size(), 1U);
    ASSERT_FALSE(record.prescriptions[0].lines.empty());
    const prescription::ParsedLine& first = record.prescriptions[0].lines[0];
    EXPECT_EQ(first.text, label.first_line);
    EXPECT_EQ(first.kind, prescription::LineKind::kMovement);
  }
}

TEST(TransformPost, UntitledDailyPostIsWorkout) {
  Post post = load_post_case("daily-workout.json");
  post.title.clear();

  auto transformed = transform_post(post, ProgramProfile::kDaily);

  ASSERT_TRUE(transformed.ok());
  ASSERT_EQ(transformed->records.size(), 1U);
  EXPECT_EQ(transformed->records.front().session, "Workout");
}

TEST(TransformPost, EmptyDailyPostHasNoSession) {
  Post post = load_post_case("daily-workout.json");
  post.content_html = "<p> </p>";

  auto transformed = transform_post(post, ProgramProfile::kDaily);

  ASSERT_TRUE(transformed.ok());
  EXPECT_TRUE(transformed->records.empty());
}

}  // namespace
}  // namespace wodetl
