#include "app/logging.hpp"

#include <gtest/gtest.h>

namespace wodetl {
namespace {

TEST(MaskSecrets, ReplacesEveryRegisteredValue) {
  add_secret("abcd efgh ijkl mnop");
  add_secret("pass-9876");

  EXPECT_EQ(mask_secrets("GET failed for pass-9876 and abcd efgh ijkl mnop, pass-9876"),
            "GET failed for *** and ***, ***");
  EXPECT_EQ(mask_secrets("nothing secret here"), "nothing secret here");
}

TEST(MaskSecrets, IgnoresShortValues) {
  add_secret("ab");

  EXPECT_EQ(mask_secrets("a table about abs"), "a table about abs");
}

TEST(ParseLogFormat, TextOrJson) {
  EXPECT_EQ(parse_log_format("text"), LogFormat::kText);
  EXPECT_EQ(parse_log_format("json"), LogFormat::kJson);
  EXPECT_FALSE(parse_log_format("xml").has_value());
}

}  // namespace
}  // namespace wodetl
