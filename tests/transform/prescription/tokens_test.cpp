#include "transform/prescription/tokens.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "transform/text_normalize.hpp"

namespace wodetl::prescription {
namespace {

std::vector<TokenKind> kinds_of(const std::string& text) {
  TokenizedLine line;
  tokenize(text, line);
  std::vector<TokenKind> kinds;
  for (std::size_t index = 0; index < line.token_count; ++index) {
    kinds.push_back(line.tokens[index].kind);
  }
  return kinds;
}

TEST(Tokenize, ReadsTypedTokens) {
  using enum TokenKind;
  EXPECT_EQ(kinds_of("5x5 @ 75%"),
            (std::vector<TokenKind>{kNumber, kTimes, kNumber, kAt, kNumber, kPercent}));
  EXPECT_EQ(kinds_of("(Snatch + Hip Snatch)"),
            (std::vector<TokenKind>{kOpen, kWord, kPlus, kWord, kWord, kClose}));
  EXPECT_EQ(kinds_of("Every 2:30, for 15"),
            (std::vector<TokenKind>{kWord, kTime, kComma, kWord, kNumber}));
  EXPECT_EQ(kinds_of("1-RM"), (std::vector<TokenKind>{kNumber, kDash, kWord}));
  EXPECT_EQ(kinds_of("80' 24\""), (std::vector<TokenKind>{kNumber, kFoot, kNumber, kInch}));
  EXPECT_EQ(kinds_of("*Sets = &#"),
            (std::vector<TokenKind>{kStar, kWord, kEquals, kAmpersand, kHash}));
  EXPECT_EQ(kinds_of("today's box"), (std::vector<TokenKind>{kWord, kWord}));
  EXPECT_EQ(kinds_of("\u2022 :30"), (std::vector<TokenKind>{kOther, kTime}));
}

// A letter, a digit and a letter standing alone are one word, so that "T2B" can be expanded.
TEST(Tokenize, KeepsLetterDigitLetterWord) {
  using enum TokenKind;
  for (const char* line : {"10 T2B", "10 c2b", "10 T2B\u00A0"}) {
    SCOPED_TRACE(line);
    EXPECT_EQ(kinds_of(line), (std::vector<TokenKind>{kNumber, kWord}));
  }
  EXPECT_EQ(kinds_of("e2mom"), (std::vector<TokenKind>{kWord, kNumber, kWord}));
  EXPECT_EQ(kinds_of("x5x5"), (std::vector<TokenKind>{kTimes, kNumber, kTimes, kNumber}));
  EXPECT_EQ(kinds_of("t2b's"), (std::vector<TokenKind>{kWord, kNumber, kWord}));
  EXPECT_EQ(kinds_of("a1b2"), (std::vector<TokenKind>{kWord, kNumber, kWord, kNumber}));
}

TEST(Tokenize, ReadsValues) {
  TokenizedLine line;
  tokenize("1.5 2:30 :45 20:00", line);
  ASSERT_EQ(line.token_count, 4U);
  EXPECT_DOUBLE_EQ(line.tokens[0].value, 1.5);
  EXPECT_DOUBLE_EQ(line.tokens[1].value, 150);
  EXPECT_DOUBLE_EQ(line.tokens[2].value, 45);
  EXPECT_DOUBLE_EQ(line.tokens[3].value, 1200);
}

TEST(Tokenize, MapsTexturizedCharacters) {
  using enum TokenKind;
  EXPECT_EQ(kinds_of("5\u00D75"), (std::vector<TokenKind>{kNumber, kTimes, kNumber}));
  EXPECT_EQ(kinds_of("75\u201380%"), (std::vector<TokenKind>{kNumber, kDash, kNumber, kPercent}));
  EXPECT_EQ(kinds_of("Followed by\u2026"),
            (std::vector<TokenKind>{kWord, kWord, kPeriod, kPeriod, kPeriod}));
}

TEST(Tokenize, MarksSpaces) {
  TokenizedLine line;
  tokenize("400m run", line);
  ASSERT_EQ(line.token_count, 3U);
  EXPECT_FALSE(line.tokens[1].space_before);
  EXPECT_TRUE(line.tokens[2].space_before);
}

TEST(Tokenize, StopsAtLimits) {
  TokenizedLine line;
  tokenize(std::string(kMaxLineBytes + 1, 'a'), line);
  EXPECT_FALSE(line.complete);
  tokenize(std::string(kMaxTokens + 1, '+'), line);
  EXPECT_FALSE(line.complete);
  EXPECT_EQ(line.token_count, kMaxTokens);
  tokenize(std::string(kMaxTokens, '+'), line);
  EXPECT_TRUE(line.complete);
}

TEST(SourceOffset, MapsBackToSource) {
  TokenizedLine line;
  const std::string text = "  Back\u00A0Squat \u00D7 5";
  ASSERT_TRUE(normalize_line(text, line));
  EXPECT_EQ(line.normalized(), "back squat x 5");
  EXPECT_FALSE(line.same_offsets);
  EXPECT_EQ(source_offset(line, text, 0), 2U);
  EXPECT_EQ(text.substr(source_offset(line, text, 4), 2), "\u00A0");
  EXPECT_EQ(text.substr(source_offset(line, text, 11), 2), "\u00D7");
  EXPECT_EQ(source_offset(line, text, 13), text.size() - 1);
  EXPECT_EQ(source_offset(line, text, line.size), text.size());
}

TEST(SourceOffset, SameOffsetsOnlyWhenNothingMoved) {
  const std::pair<const char*, bool> cases[] = {
      {"Back Squat x 5", true}, {"Back  Squat", false}, {" Back Squat", false},
      {"Back Squat ", true},    {"5\u00D75", false},    {"Back\tSquat", true},
  };
  for (const auto& [text, same] : cases) {
    SCOPED_TRACE(text);
    TokenizedLine line;
    ASSERT_TRUE(normalize_line(text, line));
    EXPECT_EQ(line.same_offsets, same);
    for (std::size_t offset = 0; offset < line.size && same; ++offset) {
      EXPECT_EQ(source_offset(line, text, offset), offset);
    }
  }
}

// The parser matches on its own copy of the normalization; it must equal the project's.
TEST(NormalizeLine, MatchesNormalizeForMatching) {
  std::vector<std::string> samples = {"Every 2:30, for 15\u00A0minutes (6 sets):",
                                      "Don\u2019t go over \u201c85%\u201d\u2026",
                                      "5\u00D75 \u2013 \u2014 \u2212",
                                      "\u2009thin\u202Fspaces\u200B\uFEFF",
                                      "\tTabs\r\nand  runs   ",
                                      "caf\u00E9 \xFF\xC3 broken",
                                      ""};
  std::mt19937 random(7);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int index = 0; index < 500; ++index) {
    std::string sample(40, '\0');
    for (char& c : sample) {
      c = static_cast<char>(byte(random));
    }
    samples.push_back(sample);
  }
  for (const std::string& sample : samples) {
    TokenizedLine line;
    ASSERT_TRUE(normalize_line(sample, line));
    EXPECT_EQ(line.normalized(), normalize_for_matching(sample));
  }
}

}  // namespace
}  // namespace wodetl::prescription
