#include "transform/prescription/vocabulary.hpp"

#include <gtest/gtest.h>

#include "support/fixtures.hpp"

namespace wodetl::prescription {
namespace {

TEST(EmbeddedVocabulary, MatchesDataFile) {
  const auto path = std::filesystem::path(WODETL_TEST_CASES_DIR) / ".." / ".." / "data" / "exercises.toml";
  EXPECT_EQ(embedded_vocabulary_toml(), wodetl::testing::read_file(path))
      << "data/exercises.toml changed: paste it into src/transform/prescription/vocabulary_data.cpp";
}

TEST(EmbeddedVocabulary, Parses) {
  const auto vocabulary = parse_vocabulary(embedded_vocabulary_toml());
  ASSERT_TRUE(vocabulary.ok()) << vocabulary.error().to_string();
  EXPECT_GT(vocabulary->names.size(), 50U);
  EXPECT_TRUE(vocabulary->is_lift("clean and jerk"));
  EXPECT_FALSE(vocabulary->is_lift("burpee"));
  EXPECT_EQ(vocabulary->movement_name("c and j"), "clean and jerk");
  EXPECT_EQ(vocabulary->movement_name("sots press"), "press in clean");
  EXPECT_EQ(vocabulary->words.at("db"), "dumbbell");
  EXPECT_TRUE(vocabulary->names_movement("slow pull power snatch"));
  EXPECT_FALSE(vocabulary->names_movement("with empty bar"));
}

TEST(ParseVocabulary, ReadsCustomEntries) {
  const auto vocabulary = parse_vocabulary(R"toml(
[abbreviations]
sb = "sandbag"
[heads]
words = ["toss"]
[[movement]]
name = "Sandbag Toss"
aliases = ["SB Over-Shoulder"]
lift = false
)toml");
  ASSERT_TRUE(vocabulary.ok()) << vocabulary.error().to_string();
  EXPECT_EQ(vocabulary->movement_name("sandbag over shoulder"), "sandbag toss");
  EXPECT_TRUE(vocabulary->names_movement("overhead toss"));
  EXPECT_TRUE(vocabulary->lifts.empty());
}

TEST(ParseVocabulary, RejectsInvalidToml) {
  const auto vocabulary = parse_vocabulary("[abbreviations\nbb = ");
  ASSERT_FALSE(vocabulary.ok());
  EXPECT_EQ(vocabulary.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(vocabulary.error().message.find("line 1"), std::string::npos) << vocabulary.error().message;
}

TEST(ParseVocabulary, RejectsWrongTypes) {
  EXPECT_FALSE(parse_vocabulary("[[movement]]\naliases = [\"x\"]\n").ok());
  EXPECT_FALSE(parse_vocabulary("[[movement]]\nname = \"row\"\naliases = [1]\n").ok());
  EXPECT_FALSE(parse_vocabulary("[abbreviations]\ndb = 3\n").ok());
  EXPECT_FALSE(parse_vocabulary("[heads]\nwords = \"squat\"\n").ok());
  EXPECT_FALSE(parse_vocabulary("movement = 3\n").ok());
}

}  // namespace
}  // namespace wodetl::prescription
