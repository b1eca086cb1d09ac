#include "load/aws/aws_uri.hpp"

#include <gtest/gtest.h>

namespace wodetl {
namespace {

TEST(UriEncode, KeepsUnreservedOnly) {
  EXPECT_EQ(uri_encode("AZaz09-_.~"), "AZaz09-_.~");
  EXPECT_EQ(uri_encode("a=b c/d+e"), "a%3Db%20c%2Fd%2Be");
  EXPECT_EQ(uri_encode("a/b", /*keep_slash=*/true), "a/b");
  EXPECT_EQ(uri_encode("é"), "%C3%A9");
  EXPECT_EQ(uri_encode("*"), "%2A");
}

TEST(UriDecode, ReversesEncoding) {
  EXPECT_EQ(uri_decode("a%3Db%20c%2fd"), "a=b c/d");
  EXPECT_EQ(uri_decode("100%"), "100%");
  EXPECT_EQ(uri_decode("%zz+"), "%zz+");
}

TEST(S3KeyPath, EncodesEachSegment) {
  EXPECT_EQ(s3_key_path("raw/2020-12-20__slug__raw.json"), "/raw/2020-12-20__slug__raw.json");
  EXPECT_EQ(s3_key_path("weekly/a=b c.jsonl"), "/weekly/a%3Db%20c.jsonl");
}

TEST(CanonicalQuery, SortsAndEncodes) {
  EXPECT_EQ(
      canonical_query({{"prefix", "raw/"}, {"list-type", "2"}, {"continuation-token", "a+b="}}),
      "continuation-token=a%2Bb%3D&list-type=2&prefix=raw%2F");
  EXPECT_EQ(canonical_query({}), "");
  EXPECT_EQ(canonical_query({{"b", "2"}, {"a", "z"}, {"a", "y"}}), "a=y&a=z&b=2");
}

}  // namespace
}  // namespace wodetl
