#include "load/bucket_keys.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "core/json_codec.hpp"
#include "load_test_support.hpp"

namespace wodetl {
namespace {

using testing::make_record;
using testing::make_source;

TEST(RawPostKey, UsesLocalDateAndSlug) {
  Post post;
  post.slug = "week-of-december-21st";
  post.date = "2020-12-20T17:00:21";
  post.date_gmt = "2020-12-21T01:00:21";
  EXPECT_EQ(raw_post_key(post), "raw/2020-12-20__week-of-december-21st__raw.json");
}

TEST(RawPostKey, KeepsPercentEncodedSlug) {
  Post post;
  post.slug = "semana-%c3%a1gil";
  post.date = "2021-01-03T09:30:00";
  EXPECT_EQ(raw_post_key(post), "raw/2021-01-03__semana-%c3%a1gil__raw.json");
}

TEST(RawPostKey, SanitizesUnsafeSlug) {
  Post post;
  post.slug = "../../etc/passwd";
  post.date = "2020-12-20T17:00:21";
  const std::string key = raw_post_key(post);
  EXPECT_EQ(key, "raw/2020-12-20__------etc-passwd__raw.json");
  EXPECT_EQ(key.find(".."), std::string::npos);
}

TEST(RawPostKey, SanitizesUnsafeDate) {
  Post post;
  post.slug = "x";
  post.date = "2020/12/20";
  EXPECT_EQ(raw_post_key(post), "raw/2020-12-20__x__raw.json");
}

TEST(WeeklyKey, JoinsDatesAndSlug) {
  EXPECT_EQ(weekly_key("2020-12-21", "2020-12-27", "week-one"),
            "weekly/2020-12-21__2020-12-27--week-one.jsonl");
}

TEST(WeeklyKey, SanitizesEveryPiece) {
  EXPECT_EQ(weekly_key("2020-12-21/..", "2020-12-27\n", "a.b c\\d"),
            "weekly/2020-12-21---__2020-12-27---a-b-c-d.jsonl");
}

TEST(SanitizeKeyPiece, ReplacesEachUnsafeByte) {
  EXPECT_EQ(sanitize_key_piece("ok-Slug_09%2f"), "ok-Slug_09%2f");
  EXPECT_EQ(sanitize_key_piece(""), "");
  EXPECT_EQ(sanitize_key_piece(".."), "--");
  EXPECT_EQ(sanitize_key_piece("a/b"), "a-b");
  EXPECT_EQ(sanitize_key_piece(std::string("a\0b", 3)), "a-b");
  EXPECT_EQ(sanitize_key_piece("a\x1f"
                               "b"),
            "a-b");
  // "é" is two UTF-8 bytes, so it becomes two dashes.
  EXPECT_EQ(sanitize_key_piece("caf\xc3\xa9"), "caf--");
}

TEST(WeeklyBody, OneCompactLinePerRecord) {
  const SourceRef source = make_source(7, "week-one");
  const std::vector<SessionRecord> records = {
      make_record(source, "2020-12-21", "Monday", "Back Squat 5x5"),
      make_record(source, "2020-12-22", "Tuesday", "Strict Press 3x8"),
  };

  const std::string body = weekly_body(records);

  ASSERT_FALSE(body.empty());
  EXPECT_EQ(body.back(), '\n');
  std::istringstream lines(body);
  std::string line;
  std::vector<std::string> dates;
  while (std::getline(lines, line)) {
    Json json = Json::parse(line);
    EXPECT_EQ(line, json.dump());
    dates.push_back(json.at("date").get<std::string>());
  }
  EXPECT_EQ(dates, (std::vector<std::string>{"2020-12-21", "2020-12-22"}));
  EXPECT_EQ(body, compact_record_json(records[0]) + "\n" + compact_record_json(records[1]) + "\n");
}

TEST(WeeklyBody, EmptyForNoRecords) {
  EXPECT_EQ(weekly_body({}), "");
}

TEST(CompactRecordJson, KeepsUtf8AsIs) {
  SessionRecord record = make_record(make_source(7, "week-one"), "2020-12-21", "Monday",
                                     "Front Squat \xe2\x80\x94 build to a heavy single");
  const std::string json = compact_record_json(record);
  EXPECT_NE(json.find("Front Squat \xe2\x80\x94 build"), std::string::npos);
  EXPECT_EQ(json.find("\\u2014"), std::string::npos);
}

TEST(CompactRecordJson, ReplacesInvalidUtf8) {
  SessionRecord record =
      make_record(make_source(7, "week-one"), "2020-12-21", "Monday", "Deadlift \xff 3x3");
  const std::string json = compact_record_json(record);
  EXPECT_NE(json.find("Deadlift \xef\xbf\xbd 3x3"), std::string::npos);
}

}  // namespace
}  // namespace wodetl
