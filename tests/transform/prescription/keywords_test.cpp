#include "transform/prescription/keywords.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <random>
#include <string>

#include "transform/prescription/tokens.hpp"

namespace wodetl::prescription {
namespace {

std::string upper_case(std::string_view word) {
  std::string upper(word);
  for (char& c : upper) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return upper;
}

TEST(Keywords, SpellingsSortedAndUnique) {
  const std::string_view* begin = std::begin(kKeywordSpellings) + 1;
  const std::string_view* end = std::end(kKeywordSpellings);
  EXPECT_TRUE(std::is_sorted(begin, end));
  EXPECT_EQ(std::adjacent_find(begin, end), end);
}

TEST(Keywords, FindsEverySpelling) {
  for (std::size_t id = 1; id < kKeywordCount; ++id) {
    const std::string_view spelling = kKeywordSpellings[id];
    SCOPED_TRACE(std::string(spelling));
    EXPECT_EQ(find_keyword(spelling), id);
    EXPECT_EQ(find_ascii_keyword(spelling), id);
    EXPECT_EQ(find_ascii_keyword(upper_case(spelling)), id);
  }
}

TEST(Keywords, RejectsOtherWords) {
  // Near misses: a letter more or less, letters swapped, longer than any keyword.
  for (const char* word : {"", "snatch", "squat", "res", "rests", "stes", "reps'", "bodyweights",
                           "seventeenth", "tabatas", "x", "z", "aa", "minutesx"}) {
    SCOPED_TRACE(word);
    EXPECT_EQ(find_keyword(word), kNoKeyword);
    EXPECT_EQ(find_ascii_keyword(upper_case(word)), kNoKeyword);
  }
}

TEST(Keywords, NamedAtCompileTime) {
  constexpr Keyword reps("reps");
  EXPECT_EQ(kKeywordSpellings[reps.id], "reps");
  constexpr KeywordSet counts = {"set", "sets"};
  EXPECT_TRUE(counts.contains(Keyword("sets").id));
  EXPECT_FALSE(counts.contains(Keyword("reps").id));
  EXPECT_FALSE(counts.contains(kNoKeyword));
}

TEST(Keywords, FilterKeepsEveryLineKeyword) {
  TokenizedLine line;
  tokenize("3 Rounds for Time, then REST as needed", line);
  ASSERT_TRUE(line.complete);
  for (std::size_t index = 0; index < line.token_count; ++index) {
    const KeywordId id = line.tokens[index].keyword;
    if (id == kNoKeyword) {
      continue;
    }
    SCOPED_TRACE(std::string(kKeywordSpellings[id]));
    EXPECT_NE(line.keyword_filter & keyword_filter_bit(id), 0U);
  }
  EXPECT_TRUE(line.may_have_any({"rest"}));
  EXPECT_TRUE(line.has_kind(TokenKind::kComma));
  EXPECT_FALSE(line.has_kind(TokenKind::kAt));
}

// Every field tokenize fills, compared one by one.
void expect_same_tokens(const TokenizedLine& fast, const TokenizedLine& general) {
  ASSERT_EQ(fast.complete, general.complete);
  ASSERT_EQ(fast.normalized(), general.normalized());
  EXPECT_EQ(fast.same_offsets, general.same_offsets);
  EXPECT_EQ(fast.keyword_filter, general.keyword_filter);
  EXPECT_EQ(fast.kinds, general.kinds);
  ASSERT_EQ(fast.token_count, general.token_count);
  for (std::size_t index = 0; index < fast.token_count; ++index) {
    SCOPED_TRACE(index);
    const Token& left = fast.tokens[index];
    const Token& right = general.tokens[index];
    EXPECT_EQ(left.kind, right.kind);
    EXPECT_EQ(left.space_before, right.space_before);
    EXPECT_EQ(left.begin, right.begin);
    EXPECT_EQ(left.end, right.end);
    EXPECT_EQ(left.keyword, right.keyword);
    EXPECT_DOUBLE_EQ(left.value, right.value);
  }
}

// An ASCII line is tokenized in one pass; a line with any other byte normalizes first. A trailing
// no-break space adds nothing to the normalized text, so appending one sends the same line down
// the general path, which must give the same result.
TEST(Tokenize, AsciiPathMatchesGeneralPath) {
  const std::string alphabet = "abcxXRSTmin 0123456789  \t:.,;'\"-+@%/()[]*=#&!";
  const char* const words[] = {"reps", "Rest", "SETS", "today's", "x", "amrap", "sec", "don't"};
  std::mt19937 random(20201221);
  for (int round = 0; round < 3000; ++round) {
    std::string line;
    const int pieces = std::uniform_int_distribution<int>(0, 24)(random);
    for (int piece = 0; piece < pieces; ++piece) {
      if (std::uniform_int_distribution<int>(0, 3)(random) == 0) {
        line += words[std::uniform_int_distribution<std::size_t>(0, std::size(words) - 1)(random)];
      } else {
        line +=
            alphabet[std::uniform_int_distribution<std::size_t>(0, alphabet.size() - 1)(random)];
      }
    }
    SCOPED_TRACE(line);
    TokenizedLine fast;
    TokenizedLine general;
    tokenize(line, fast);
    tokenize(line + "\u00A0", general);
    expect_same_tokens(fast, general);
  }
}

TEST(Tokenize, AsciiPathStopsAtTokenLimit) {
  const std::string line(kMaxTokens + 1, '+');
  TokenizedLine fast;
  TokenizedLine general;
  tokenize(line, fast);
  tokenize(line + "\u00A0", general);
  EXPECT_FALSE(fast.complete);
  EXPECT_EQ(fast.token_count, kMaxTokens);
  expect_same_tokens(fast, general);
}

}  // namespace
}  // namespace wodetl::prescription
