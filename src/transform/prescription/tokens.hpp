#pragma once
// Tokenizer of the prescription parser. A line is first normalized for matching (the same
// mapping as normalize_for_matching), then cut into typed tokens. Everything lives in fixed-size
// arrays, so tokenizing a line allocates nothing. Offsets in the original line, needed to return
// names as written, are computed on request by source_offset.

#include <array>
#include <cstdint>
#include <string_view>

#include "transform/prescription/keywords.hpp"

namespace wodetl::prescription {

//! Maximum length, in bytes, of a line that is tokenized. Longer lines are prose and stay notes.
inline constexpr std::size_t kMaxLineBytes = 512;

//! Zero bytes kept after the text of a TokenizedLine, so that the tokenizer's loops stop at the end
//! of the line without testing an index.
inline constexpr std::size_t kTextPadding = 8;

//! Maximum number of tokens kept for one line; a line with more is treated as prose.
inline constexpr std::size_t kMaxTokens = 128;

enum class TokenKind : std::uint8_t {
  kNumber,     //!< "5", "1.5"; value holds the number
  kTime,       //!< "2:30", ":30", "20:00"; value holds seconds
  kWord,       //!< run of letters with inner apostrophes: "snatch", "today's"
  kTimes,      //!< the word "x" (also "×" after normalization): "5x5", "x 10"
  kDash,       //!< '-' (en and em dashes after normalization)
  kPercent,    //!< '%'
  kAt,         //!< '@'
  kPlus,       //!< '+'
  kOpen,       //!< '(', '[' or '{'
  kClose,      //!< ')', ']' or '}'
  kComma,      //!< ',' or ';'
  kColon,      //!< ':' that does not start a time
  kSlash,      //!< '/'
  kEquals,     //!< '='
  kStar,       //!< '*'
  kPeriod,     //!< '.'
  kAmpersand,  //!< '&'
  kHash,       //!< '#', a pound sign after a load
  kFoot,       //!< '\'' or a prime after a number: feet
  kInch,       //!< '"' or a double prime after a number: inches
  kOther,      //!< any other byte, or a run of non-ASCII bytes such as a bullet
};

//! One token: its kind, its span in the normalized text, for a word its keyword id and, for
//! numbers and times, its value. Trivially constructible, so that a TokenizedLine costs nothing to
//! create; write Token{} for a zeroed one.
struct Token {
  TokenKind kind;
  bool space_before;    //!< a space separates it from the previous token
  std::uint16_t begin;  //!< offset in TokenizedLine::text
  std::uint16_t end;
  KeywordId keyword;  //!< see keywords.hpp; kNoKeyword for other words and for non-words
  double value;
};

//! A line in matching form with its tokens. The arrays are left uninitialized past size and
//! token_count: creating one on the stack for every line must stay free.
struct TokenizedLine {
  std::array<char, kMaxLineBytes + kTextPadding> text;  //!< normalized text, not zero-terminated
  std::size_t size = 0;
  //! True when normalized byte i comes from byte i of the line for every i: the line is ASCII,
  //! starts with no space and has no run of spaces. Then source_offset needs no work.
  bool same_offsets = true;
  std::array<Token, kMaxTokens> tokens;
  std::size_t token_count = 0;
  bool complete = false;  //!< false when the line was too long or had too many tokens
  //! Keyword filter of the tokens (see keyword_filter_bit), and bit k set when a token of
  //! TokenKind k occurs: rules test them to skip a line that cannot match before reading tokens.
  std::uint64_t keyword_filter = 0;
  std::uint32_t kinds = 0;

  [[nodiscard]] bool has_kind(TokenKind kind) const {
    return ((kinds >> static_cast<unsigned>(kind)) & 1U) != 0;
  }
  //! False when the line has no keyword of set; true when it may have one.
  [[nodiscard]] bool may_have_any(const KeywordSet& set) const {
    return (keyword_filter & set.filter()) != 0;
  }

  [[nodiscard]] std::string_view normalized() const { return {text.data(), size}; }
  [[nodiscard]] std::string_view spelling(const Token& token) const {
    return {text.data() + token.begin, static_cast<std::size_t>(token.end - token.begin)};
  }
};

//! Normalizes line into out.text the way normalize_for_matching does: ASCII lower case,
//! typographic dashes, quotes, spaces, U+00D7 and U+2026 mapped to ASCII, spaces collapsed and
//! trimmed. Returns false, leaving out.size at 0, when line is longer than kMaxLineBytes.
bool normalize_line(std::string_view line, TokenizedLine& out);

//! Offset in line of the character that normalized byte normalized_offset of tokenized (made from
//! line) comes from; line.size() for tokenized.size. A character may give several bytes ("…"
//! gives "..."), which all map to its first byte.
[[nodiscard]] std::size_t source_offset(const TokenizedLine& tokenized, std::string_view line,
                                        std::size_t normalized_offset);

//! Normalizes and tokenizes line into out, giving each word token its keyword id. Sets
//! out.complete to false when the line is too long or has more than kMaxTokens tokens; the tokens
//! read so far are kept.
void tokenize(std::string_view line, TokenizedLine& out);

//! Name of a token kind for test messages: "number", "word", "times", …
[[nodiscard]] const char* to_string(TokenKind kind);

}  // namespace wodetl::prescription
