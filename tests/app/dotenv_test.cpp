#include "app/dotenv.hpp"

#include <gtest/gtest.h>

#include <map>

namespace wodetl {
namespace {

TEST(ParseDotenv, ReadsEveryValueForm) {
  const std::string text =
      "# credentials for the coach account\n"
      "\n"
      "WODETL_USER=coach\n"
      "export INVICTUS_PASS = 'abcd efgh ijkl mnop'\n"
      "QUOTED=\"line one\\nline \\\"two\\\"\"  # trailing comment\n"
      "PLAIN=value with spaces   # comment\n"
      "HASH=abc#def\n"
      "EMPTY=\n";

  Result<DotenvFile> file = parse_dotenv(text, ".env");

  ASSERT_TRUE(file.ok()) << file.error().to_string();
  const std::map<std::string, std::string> expected{{"WODETL_USER", "coach"},
                                                    {"INVICTUS_PASS", "abcd efgh ijkl mnop"},
                                                    {"QUOTED", "line one\nline \"two\""},
                                                    {"PLAIN", "value with spaces"},
                                                    {"HASH", "abc#def"},
                                                    {"EMPTY", ""}};
  EXPECT_EQ(file->variables, expected);
}

TEST(ParseDotenv, InvalidLineNamesLineNotValue) {
  for (const char* text : {"JUST_A_NAME\n", "1ABC=secret-value-1\n", "A='secret-value-1\n",
                           "A=\"secret-value-1\n", "A='x' secret-value-1\n"}) {
    Result<DotenvFile> file = parse_dotenv(std::string("OK=1\n") + text, "/app/.env");

    ASSERT_FALSE(file.ok()) << text;
    const std::string message = file.error().to_string();
    EXPECT_NE(message.find(".env file /app/.env line 2"), std::string::npos) << message;
    EXPECT_EQ(message.find("secret-value-1"), std::string::npos) << message;
  }
}

TEST(LayeredEnvironment, ProcessWinsOverFiles) {
  LayeredEnvironment environment([](const std::string& name) -> std::optional<std::string> {
    return name == "A" ? std::optional<std::string>("process") : std::nullopt;
  });
  environment.add(DotenvFile{"first/.env", {{"A", "first"}, {"B", "first"}}});
  environment.add(DotenvFile{"second/.env", {{"B", "second"}, {"C", "second"}}});

  EXPECT_EQ(environment.lookup("A"), "process");
  EXPECT_EQ(environment.lookup("B"), "first");
  EXPECT_EQ(environment.lookup("C"), "second");
  EXPECT_FALSE(environment.lookup("D").has_value());
  EXPECT_EQ(environment.origin("A"), "the environment");
  EXPECT_EQ(environment.origin("C"), ".env file second/.env");
  EXPECT_EQ(environment.environment()("B"), "first");
}

}  // namespace
}  // namespace wodetl
