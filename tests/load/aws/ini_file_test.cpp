#include "load/aws/ini_file.hpp"

#include <gtest/gtest.h>

namespace wodetl {
namespace {

TEST(IniFile, ReadsSectionsAndKeys) {
  Result<IniFile> file = parse_ini(
      "[default]\n"
      "aws_access_key_id = AKIDDEFAULT\n"
      "region=us-west-2\n"
      "\n"
      "[profile dev]\n"
      "region = eu-west-1\n",
      "config");
  ASSERT_TRUE(file.ok()) << file.error().to_string();
  EXPECT_EQ(file->value("default", "aws_access_key_id"), "AKIDDEFAULT");
  EXPECT_EQ(file->value("default", "region"), "us-west-2");
  EXPECT_EQ(file->value("profile dev", "region"), "eu-west-1");
  EXPECT_EQ(file->value("profile dev", "missing"), std::nullopt);
  EXPECT_EQ(file->section("profile other"), nullptr);
}

TEST(IniFile, SkipsCommentsAndInlineComments) {
  Result<IniFile> file = parse_ini(
      "# leading comment\n"
      "; another\n"
      "[default] # section comment\n"
      "region = us-east-1 # main region\n"
      "secret = pass#word;x\n",
      "config");
  ASSERT_TRUE(file.ok()) << file.error().to_string();
  EXPECT_EQ(file->value("default", "region"), "us-east-1");
  EXPECT_EQ(file->value("default", "secret"), "pass#word;x");
}

TEST(IniFile, ReadsSubSections) {
  Result<IniFile> file = parse_ini(
      "[profile dev]\n"
      "s3 =\n"
      "  addressing_style = path\n"
      "  endpoint_url = http://127.0.0.1:9000\n"
      "region = us-east-2\n"
      "[services local]\n"
      "dynamodb =\n"
      "  endpoint_url = http://127.0.0.1:8000\n",
      "config");
  ASSERT_TRUE(file.ok()) << file.error().to_string();
  EXPECT_EQ(file->value("profile dev", "s3.addressing_style"), "path");
  EXPECT_EQ(file->value("profile dev", "s3.endpoint_url"), "http://127.0.0.1:9000");
  EXPECT_EQ(file->value("profile dev", "region"), "us-east-2");
  EXPECT_EQ(file->value("services local", "dynamodb.endpoint_url"), "http://127.0.0.1:8000");
}

TEST(IniFile, ContinuationLinesJoinValue) {
  Result<IniFile> file = parse_ini("[a]\nnote = first\n  second\n", "config");
  ASSERT_TRUE(file.ok()) << file.error().to_string();
  EXPECT_EQ(file->value("a", "note"), "first\nsecond");
}

TEST(IniFile, RepeatedSectionAddsKeys) {
  Result<IniFile> file = parse_ini("[a]\nx = 1\n[b]\n[a]\ny = 2\nx = 3\n", "config");
  ASSERT_TRUE(file.ok()) << file.error().to_string();
  EXPECT_EQ(file->value("a", "x"), "3");
  EXPECT_EQ(file->value("a", "y"), "2");
}

TEST(IniFile, CrLfLineEnds) {
  Result<IniFile> file = parse_ini("[default]\r\nregion = ap-south-1\r\n", "config");
  ASSERT_TRUE(file.ok()) << file.error().to_string();
  EXPECT_EQ(file->value("default", "region"), "ap-south-1");
}

TEST(IniFile, ErrorsNameOriginAndLine) {
  struct Case {
    const char* text;
    const char* reason;
  };
  const Case cases[] = {
      {"key = value\n", "before the first [section]"},
      {"[default]\njust words\n", "expected [section] or key = value"},
      {"[default\n", "no closing ']'"},
      {"[]\n", "section name is empty"},
      {"[default]\n= value\n", "key before '=' is empty"},
      {"[default] trailing\n", "text after the section name"},
  };
  for (const Case& test : cases) {
    Result<IniFile> file = parse_ini(test.text, "/home/u/.aws/config");
    ASSERT_FALSE(file.ok()) << test.text;
    const std::string message = file.error().message;
    EXPECT_NE(message.find("/home/u/.aws/config line"), std::string::npos) << message;
    EXPECT_NE(message.find(test.reason), std::string::npos) << message;
  }
}

TEST(IniFile, ErrorDoesNotQuoteTheLine) {
  Result<IniFile> file = parse_ini("[default]\nsecretvalue-without-equals\n", "credentials");
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.error().to_string().find("secretvalue"), std::string::npos);
}

TEST(IniFile, MissingFileIsNullopt) {
  Result<std::optional<IniFile>> file = read_ini_file("/nonexistent/wodetl/credentials");
  ASSERT_TRUE(file.ok());
  EXPECT_FALSE(file->has_value());
}

}  // namespace
}  // namespace wodetl
