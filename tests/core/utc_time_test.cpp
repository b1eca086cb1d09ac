#include "core/utc_time.hpp"

#include <gtest/gtest.h>

namespace wodetl {
namespace {

TEST(ParseUtcTimestamp, ReadsWordPressGmtField) {
  std::optional<UtcSeconds> time = parse_utc_timestamp("2020-12-20T22:05:07");
  ASSERT_TRUE(time.has_value());
  EXPECT_EQ(format_utc_timestamp(*time), "2020-12-20T22:05:07Z");
  EXPECT_EQ(format_wordpress_gmt(*time), "2020-12-20T22:05:07");
}

TEST(ParseUtcTimestamp, AppliesOffset) {
  EXPECT_EQ(format_utc_timestamp(*parse_utc_timestamp("2020-12-20T17:05:00-05:00")),
            "2020-12-20T22:05:00Z");
  EXPECT_EQ(format_utc_timestamp(*parse_utc_timestamp("2021-01-01T01:30:00+02:00")),
            "2020-12-31T23:30:00Z");
  EXPECT_EQ(format_utc_timestamp(*parse_utc_timestamp("2020-12-20T22:05:00Z")),
            "2020-12-20T22:05:00Z");
  EXPECT_EQ(format_utc_timestamp(*parse_utc_timestamp("2020-12-20 22:05:00.123456Z")),
            "2020-12-20T22:05:00Z");
}

TEST(ParseUtcTimestamp, DateAloneIsMidnight) {
  EXPECT_EQ(format_utc_timestamp(*parse_utc_timestamp("2024-02-29")), "2024-02-29T00:00:00Z");
}

TEST(ParseUtcTimestamp, RejectsOtherText) {
  for (const char* text :
       {"", "2024", "2024-02-30", "2023-13-01T00:00:00", "2024-01-01T24:00:00", "2024-01-01T10:00",
        "2024-01-01T10:00:00+5", "yesterday", "2024-01-01T10:00:00 GMT", "0000-00-00T00:00:00"}) {
    EXPECT_FALSE(parse_utc_timestamp(text).has_value()) << text;
  }
}

TEST(ParseUtcTimestamp, OrdersLikeTheStrings) {
  const auto earlier = parse_utc_timestamp("2023-01-02T22:05:00");
  const auto later = parse_utc_timestamp("2023-01-02T22:05:01");
  ASSERT_TRUE(earlier && later);
  EXPECT_LT(*earlier, *later);
  EXPECT_EQ(*later - *earlier, std::chrono::seconds(1));
}

}  // namespace
}  // namespace wodetl
