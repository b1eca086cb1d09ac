#pragma once
// Cursor over the tokens of one line, shared by the grammar files of the prescription parser.
// Every read either consumes what it recognized or leaves the position where it was, so a rule
// that fails can be followed by another rule from the same place.

#include <initializer_list>
#include <string_view>

#include "transform/prescription/keywords.hpp"
#include "transform/prescription/tokens.hpp"
#include "transform/prescription/vocabulary.hpp"

namespace wodetl::prescription {

class Cursor {
 public:
  Cursor(const TokenizedLine& line, std::size_t begin, std::size_t end)
      : line_(&line), position_(begin), end_(end) {}

  [[nodiscard]] const TokenizedLine& line() const { return *line_; }
  [[nodiscard]] std::size_t position() const { return position_; }
  [[nodiscard]] std::size_t end() const { return end_; }
  void reset(std::size_t position) { position_ = position; }
  [[nodiscard]] bool at_end() const { return position_ >= end_; }
  [[nodiscard]] std::size_t remaining() const { return at_end() ? 0 : end_ - position_; }

  //! Token ahead positions after the current one, or nullptr past the end.
  [[nodiscard]] const Token* peek(std::size_t ahead = 0) const {
    return position_ + ahead < end_ ? &line_->tokens[position_ + ahead] : nullptr;
  }
  [[nodiscard]] bool is(TokenKind kind, std::size_t ahead = 0) const {
    const Token* token = peek(ahead);
    return token != nullptr && token->kind == kind;
  }
  //! Spelling of the word ahead positions on, or an empty view when that token is not a word.
  [[nodiscard]] std::string_view word(std::size_t ahead = 0) const {
    const Token* token = peek(ahead);
    return token != nullptr && token->kind == TokenKind::kWord ? line_->spelling(*token) : std::string_view();
  }
  //! Keyword id of the token ahead positions on; kNoKeyword past the end or for a non-keyword.
  [[nodiscard]] KeywordId keyword(std::size_t ahead = 0) const {
    const Token* token = peek(ahead);
    return token != nullptr ? token->keyword : kNoKeyword;
  }
  //! Whether the token ahead positions on is a dash with a space on each side, as in "Snatch - 5 x
  //! 2", where a dash joined to its neighbors ("Clean-Jerk", "70-75%") joins them.
  [[nodiscard]] bool is_spaced_dash(std::size_t ahead = 0) const {
    const Token* dash = peek(ahead);
    const Token* next = peek(ahead + 1);
    return dash != nullptr && dash->kind == TokenKind::kDash && dash->space_before &&
           next != nullptr && next->space_before;
  }
  //! Whether the token ahead positions on is a slash with a space on each side, as in "Push-ups /
  //! Sit-ups", where a slash joined to its neighbors ("Clean/Jerk", "135/95") joins them.
  [[nodiscard]] bool is_spaced_slash(std::size_t ahead = 0) const {
    const Token* slash = peek(ahead);
    const Token* next = peek(ahead + 1);
    return slash != nullptr && slash->kind == TokenKind::kSlash && slash->space_before &&
           next != nullptr && next->space_before;
  }
  [[nodiscard]] bool is_word(Keyword expected, std::size_t ahead = 0) const {
    return keyword(ahead) == expected.id;
  }
  [[nodiscard]] bool is_word_in(std::initializer_list<Keyword> expected,
                                std::size_t ahead = 0) const {
    const KeywordId actual = keyword(ahead);
    if (actual == kNoKeyword) {
      return false;
    }
    for (const Keyword candidate : expected) {
      if (candidate.id == actual) {
        return true;
      }
    }
    return false;
  }

  const Token& advance() { return line_->tokens[position_++]; }
  bool accept(TokenKind kind) {
    if (!is(kind)) {
      return false;
    }
    ++position_;
    return true;
  }
  bool accept_word(Keyword expected) {
    if (!is_word(expected)) {
      return false;
    }
    ++position_;
    return true;
  }
  bool accept_word_in(std::initializer_list<Keyword> expected) {
    if (!is_word_in(expected)) {
      return false;
    }
    ++position_;
    return true;
  }
  //! Accepts the words in order, or none of them.
  bool accept_words(std::initializer_list<Keyword> sequence) {
    std::size_t ahead = 0;
    for (const Keyword expected : sequence) {
      if (!is_word(expected, ahead)) {
        return false;
      }
      ++ahead;
    }
    position_ += ahead;
    return true;
  }

 private:
  const TokenizedLine* line_;
  std::size_t position_;
  std::size_t end_;
};

//! Index of the kClose that matches the kOpen at the cursor, or 0 when there is none.
[[nodiscard]] inline std::size_t matching_close(const Cursor& cursor) {
  int depth = 0;
  for (std::size_t index = cursor.position(); index < cursor.end(); ++index) {
    const TokenKind kind = cursor.line().tokens[index].kind;
    if (kind == TokenKind::kOpen) {
      ++depth;
    } else if (kind == TokenKind::kClose && --depth == 0) {
      return index;
    }
  }
  return 0;
}

//! Inputs of every grammar rule besides the tokens.
struct GrammarContext {
  std::string_view original;  //!< the line as written, for names and remarks
  const Vocabulary& vocabulary;
};

//! Original text covered by tokens [first, last), as written.
[[nodiscard]] inline std::string_view written_text(const TokenizedLine& line, std::string_view original,
                                                   std::size_t first, std::size_t last) {
  if (first >= last) {
    return {};
  }
  const std::size_t begin = source_offset(line, original, line.tokens[first].begin);
  std::size_t end = source_offset(line, original, line.tokens[last - 1].end - 1) + 1;
  // The last normalized byte may come from a multi-byte character: take all of its bytes.
  while (end < original.size() && (static_cast<unsigned char>(original[end]) & 0xC0) == 0x80) {
    ++end;
  }
  return original.substr(begin, end - begin);
}

//! Normalized text covered by tokens [first, last).
[[nodiscard]] inline std::string_view normalized_text(const TokenizedLine& line, std::size_t first,
                                                      std::size_t last) {
  if (first >= last) {
    return {};
  }
  const std::size_t begin = line.tokens[first].begin;
  return line.normalized().substr(begin, line.tokens[last - 1].end - begin);
}

}  // namespace wodetl::prescription
