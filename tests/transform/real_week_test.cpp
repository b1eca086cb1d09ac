// Checks on the real Invictus week in ../shared/data. Skipped when that folder is absent.

#include <gtest/gtest.h>

#include <algorithm>

#include "core/json_codec.hpp"
#include "extract/post_parser.hpp"
#include "support/fixtures.hpp"
#include "support/line_checks.hpp"
#include "transform/html_lines.hpp"
#include "transform/text_normalize.hpp"
#include "transform/transform_post.hpp"

namespace wodetl {
namespace {

class RealWeek : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto path = testing::real_week_post_path();
    if (!path) {
      GTEST_SKIP() << "../shared/data/invictus is absent; the real-week checks need it";
    }
    auto parsed = parse_post(Json::parse(testing::read_file(*path)), path->string());
    ASSERT_TRUE(parsed.ok()) << parsed.error().to_string();
    post_ = *parsed;
    auto transformed = transform_post(post_);
    ASSERT_TRUE(transformed.ok()) << transformed.error().to_string();
    transformed_ = *transformed;
  }

  Post post_;
  TransformedPost transformed_;
};

TEST_F(RealWeek, DatesEveryListedDay) {
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"2020-12-21", "Monday (Session One)"},      {"2020-12-22", "Tuesday (Session Two)"},
      {"2020-12-23", "Wednesday (Session Three)"}, {"2020-12-24", "Thursday (Rest Day)"},
      {"2020-12-25", "Friday (Session Four)"},     {"2020-12-26", "Saturday (Session Five)"}};
  ASSERT_EQ(transformed_.records.size(), expected.size());
  for (std::size_t index = 0; index < expected.size(); ++index) {
    EXPECT_EQ(transformed_.records[index].date, expected[index].first);
    EXPECT_EQ(transformed_.records[index].session, expected[index].second);
  }
}

TEST_F(RealWeek, ThursdayIsRestDay) {
  const SessionRecord& thursday = transformed_.records[3];
  EXPECT_TRUE(thursday.rest_day);
  ASSERT_EQ(thursday.segments.size(), 1U);
  EXPECT_EQ(thursday.segments[0].heading.text, "Thursday (Rest Day)");
  for (std::size_t index = 0; index < transformed_.records.size(); ++index) {
    EXPECT_EQ(transformed_.records[index].rest_day, index == 3)
        << transformed_.records[index].session;
  }
}

TEST_F(RealWeek, KeepsEveryLineInOrder) {
  auto lines = html_to_lines(post_.content_html);
  ASSERT_TRUE(lines.ok());
  EXPECT_TRUE(transformed_.preamble.empty());
  EXPECT_EQ(testing::stored_line_texts(transformed_.preamble, transformed_.records),
            testing::line_texts(*lines));
}

TEST_F(RealWeek, SaturdayKeepsNumberedLines) {
  const SessionRecord& saturday = transformed_.records[5];
  ASSERT_GE(saturday.segments.size(), 1U);
  ASSERT_EQ(saturday.segments[0].lines.size(), 2U);
  EXPECT_TRUE(saturday.segments[0].lines[0].text.starts_with("1. Take 5 minutes"));
  EXPECT_TRUE(saturday.segments[0].lines[1].text.starts_with("2. Take 5 minutes"));
  EXPECT_TRUE(saturday.warm_up.starts_with("1. Take 5 minutes"));
}

TEST_F(RealWeek, DecodesEveryEntity) {
  for (const SessionRecord& record : transformed_.records) {
    const std::string text = Json(record).dump();
    EXPECT_EQ(text.find("&#"), std::string::npos) << record.session;
    EXPECT_EQ(text.find("&amp;"), std::string::npos) << record.session;
  }
  EXPECT_NE(transformed_.records[1].segment_b.find("Clean & Jerk"), std::string::npos);
}

TEST_F(RealWeek, ListsLinks) {
  const std::vector<std::size_t> expected_counts = {5, 4, 3, 0, 3, 3};
  for (std::size_t index = 0; index < expected_counts.size(); ++index) {
    EXPECT_EQ(transformed_.records[index].links.size(), expected_counts[index])
        << transformed_.records[index].session;
  }
  const Link& first = transformed_.records[0].links.at(0);
  EXPECT_EQ(first.text, "Snatch Press from Receiving");
  EXPECT_TRUE(first.url.starts_with("https://youtu.be/"));
}

TEST_F(RealWeek, NamesSource) {
  for (const SessionRecord& record : transformed_.records) {
    EXPECT_EQ(record.source.post_id, 94860);
    EXPECT_EQ(record.source.slug, "december-21-27-2020-5-day-weightlifting-program");
    EXPECT_EQ(record.source.modified_gmt, "2020-12-18T22:44:00");
    EXPECT_FALSE(record.source.link.empty());
  }
}

// The original joined a part's lines with spaces; ours keeps the line breaks. Where the original
// is not known to be wrong, the text must match once the breaks become spaces.
TEST_F(RealWeek, FlatFieldsMatchOriginalText) {
  const auto original_path = testing::real_week_original_records_path();
  if (!original_path) {
    GTEST_SKIP() << "the original pipeline's records are absent";
  }
  const Json original = Json::parse(testing::read_file(*original_path));
  ASSERT_EQ(original.size(), transformed_.records.size());
  auto flatten = [](std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    return std::string(trim_spaces(text));
  };
  for (std::size_t index = 0; index < original.size(); ++index) {
    const SessionRecord& ours = transformed_.records[index];
    const Json& theirs = original[index];
    SCOPED_TRACE(ours.session);
    EXPECT_EQ(ours.date, theirs.at("date").get<std::string>());
    if (ours.rest_day) {
      continue;  // the original replaced the header with "rest day"
    }
    const std::pair<const char*, const std::string*> fields[] = {{"segment_a", &ours.segment_a},
                                                                 {"segment_b", &ours.segment_b},
                                                                 {"segment_c", &ours.segment_c},
                                                                 {"segment_d", &ours.segment_d},
                                                                 {"segment_e", &ours.segment_e}};
    for (const auto& [name, value] : fields) {
      EXPECT_EQ(flatten(*value), flatten(theirs.at(name).get<std::string>())) << name;
    }
    if (index != 5) {  // the original lost Saturday's warm-up lines
      EXPECT_EQ(flatten(ours.warm_up), flatten(theirs.at("warm_up").get<std::string>()));
    }
  }
}

}  // namespace
}  // namespace wodetl
