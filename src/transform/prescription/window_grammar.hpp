#pragma once
// Grammar of the minutes and clock windows that open a line:
//
//   line_window := parity ["minutes"] [separator]           "Odd:", "Even minutes -"
//                | ("minute" | "min") N [range_end] [separator]    "Minute 3 =", "Min 3:"
//                | ("minutes" | "mins") N range_end [separator]    "Minutes 5 to 9:"
//                | ["from"] clock ("-" | "to") clock [separator]  "From 20:00 - 32:00"
//                | "at" ["the"] duration "mark" [separator]       "At the 11 minute mark,"
//   range_end   := ("-" | "to" | "through") N
//   clock       := time ("20:00") | N (minutes, only after "from")
//   separator   := ":" | "=" | "-" | ","
//   alternating := line_window movement_line (("," | "/") line_window movement_line)+
//                                                   "Odd: 5 Power Cleans, Even: 10 Burpees"
//
// The line parser reads what follows a window with its usual rules and attaches the window to the
// result.

#include <optional>

#include "core/prescription.hpp"
#include "transform/prescription/grammar_cursor.hpp"

namespace wodetl::prescription {

//! Minutes or clock window read at the start of a line. Exactly one of the two is set.
struct LineWindow {
  std::optional<MinuteSelection> minutes;
  std::optional<ClockWindow> window;
};

//! Whether the cursor is at an ordinal minute, "1st min" or "2nd minute": a count from 1 to 99,
//! "st", "nd", "rd" or "th" written against it, then "min" or "minute".
[[nodiscard]] inline bool starts_ordinal_minute(const Cursor& cursor) {
  if (!cursor.is(TokenKind::kNumber) || !cursor.is_word_in({"min", "minute"}, 2)) {
    return false;
  }
  const Token& suffix = *cursor.peek(1);
  const std::string_view spelling = cursor.word(1);
  const double value = cursor.peek()->value;
  return !suffix.space_before && value >= 1 && value < 100 && value == static_cast<int>(value) &&
         (spelling == "st" || spelling == "nd" || spelling == "rd" || spelling == "th");
}

//! False when the first token of the cursor cannot start a window, so that most lines skip
//! read_line_window without building anything. Inline, as every line is tested.
[[nodiscard]] inline bool may_start_window(const Cursor& cursor) {
  static constexpr KeywordSet kStarts = {"odd", "even", "minute", "minutes",
                                         "min", "mins", "from",   "at"};
  return kStarts.contains(cursor.keyword()) || cursor.is(TokenKind::kTime) ||
         starts_ordinal_minute(cursor);
}

//! Reads a window and the separator after it. Returns nullopt, consuming nothing, when the tokens
//! at the cursor do not start with one.
std::optional<LineWindow> read_line_window(Cursor& cursor);

//! Parses every token from the cursor to its end as minutes that alternate, each with its own
//! movements: "Odd: 5 Power Cleans, Even: 10 Burpees", "Min 1: 10 Cal Row / Min 2: 8 Burpees".
//! The movements come in order, each with the minutes it is done on, and grouping kAlternating.
//! Returns nullopt, with the cursor where it was, for any other line.
std::optional<MovementLine> parse_alternating_line(Cursor& cursor, const GrammarContext& context);

//! Number of minutes a selection names, or nullopt for odd or even minutes.
[[nodiscard]] std::optional<int> minute_count(const MinuteSelection& minutes);

}  // namespace wodetl::prescription
