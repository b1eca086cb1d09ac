#include "core/error.hpp"

#include <gtest/gtest.h>

namespace wodetl {
namespace {

TEST(PostRefDescribe, NamesIdSlugAndUrl) {
  PostRef ref{.id = 42, .slug = "week-one", .url = "https://example.test/week-one/", .file = ""};
  EXPECT_EQ(ref.describe(), "post 42 'week-one' (https://example.test/week-one/)");
}

TEST(PostRefDescribe, NamesFileAlone) {
  PostRef ref{.id = std::nullopt, .slug = "", .url = "", .file = "posts/bad.json"};
  EXPECT_EQ(ref.describe(), "file posts/bad.json");
}

TEST(ErrorToString, JoinsPostMessageAndHint) {
  Error error =
      Error::invalid_input("content.rendered is missing", PostRef{.id = 7}, "Re-export the post");
  EXPECT_EQ(error.to_string(), "post 7: content.rendered is missing. Re-export the post");
}

TEST(ErrorHttpStatus, NamesUrlAndStatus) {
  Error error = Error::http_status(503, "https://example.test/wp-json/wp/v2/posts", "");
  EXPECT_EQ(error.code, ErrorCode::kHttpStatus);
  EXPECT_NE(error.to_string().find("HTTP status 503"), std::string::npos);
  EXPECT_NE(error.to_string().find("https://example.test/wp-json/wp/v2/posts"), std::string::npos);
}

TEST(ResultValue, HoldsValueOrError) {
  Result<int> good = 3;
  Result<int> bad = Error::not_found("missing");
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 3);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace wodetl
