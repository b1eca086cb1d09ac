#include "transform/prescription/line_parser.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <type_traits>
#include <utility>

#include "transform/prescription/canonical.hpp"
#include "transform/prescription/grammar_cursor.hpp"
#include "transform/prescription/keywords.hpp"
#include "transform/prescription/movement_grammar.hpp"
#include "transform/prescription/quantities.hpp"
#include "transform/prescription/scheme_grammar.hpp"
#include "transform/prescription/tokens.hpp"
#include "transform/prescription/wave_grammar.hpp"
#include "transform/prescription/window_grammar.hpp"

namespace wodetl::prescription {

namespace {

// Removes count tokens of line from index first on. The tokens after them keep their spans of the
// line's text.
void erase_tokens(TokenizedLine& line, std::size_t first, std::size_t count) {
  Token* const tokens = line.tokens.data();
  std::move(tokens + first + count, tokens + line.token_count, tokens + first);
  line.token_count -= count;
}

// "Superset 4 sets:", "Superset (4 sets):", "Circuit, 3 rounds:", "Superset (4 sets): Bench Press
// x 8, Pull-ups x 8": the word names how the movements are done, and the count after it is the
// scheme. Moves begin past the word. A bracket around the count is set aside too: past end when
// it ends the line, and removed from line's tokens when a colon and movements follow it, so that
// the line reads as "Superset 4 sets: …". Returns false, changing nothing, for other lines.
bool skip_superset_word(TokenizedLine& line, std::size_t& begin, std::size_t& end) {
  const auto kind_at = [&](std::size_t index) { return line.tokens[index].kind; };
  if (kind_at(begin) != TokenKind::kWord || begin + 2 >= end) {
    return false;
  }
  if (line.tokens[begin].keyword != Keyword{"superset"}.id &&
      line.spelling(line.tokens[begin]) != "circuit") {
    return false;
  }
  const std::size_t after = kind_at(begin + 1) == TokenKind::kComma ? begin + 2 : begin + 1;
  std::size_t last = end;
  while (last > after + 1 &&
         (kind_at(last - 1) == TokenKind::kColon || kind_at(last - 1) == TokenKind::kPeriod)) {
    --last;
  }
  if (kind_at(after) == TokenKind::kNumber) {
    begin = after;
    return true;
  }
  if (kind_at(after) != TokenKind::kOpen || after + 2 >= last ||
      kind_at(after + 1) != TokenKind::kNumber) {
    return false;
  }
  if (kind_at(last - 1) == TokenKind::kClose) {
    begin = after + 1;
    end = last - 1;
    return true;
  }
  // "(4 sets): Bench Press x 8, …": the count, a word or none, the bracket's close, then a colon.
  const std::size_t close = kind_at(after + 2) == TokenKind::kWord ? after + 3 : after + 2;
  if (close + 2 >= end || kind_at(close) != TokenKind::kClose ||
      kind_at(close + 1) != TokenKind::kColon) {
    return false;
  }
  erase_tokens(line, close, 1);
  erase_tokens(line, after, 1);
  begin = after;
  end -= 2;
  return true;
}

// "Top set: 1x3 @ 90%", "Back-off sets: 3x5 @ 75%", "Volume Day: Back Squat 5x5 @ 90%", "FSL:
// Back Squat 5x5 @ 75% TM": words that name what kind of sets follow, or the day of a program,
// before a colon. The last word is "set", "sets" or "day", or the label is one of 5/3/1's
// supplement templates (first set last, boring but big, second set last). Returns the index of the
// token after the colon, or begin for other lines.
std::size_t after_sets_label(const TokenizedLine& line, std::size_t begin, std::size_t end) {
  constexpr std::size_t kMaxLabelTokens = 4;  // "Back-off sets" is three tokens
  const auto kind_at = [&](std::size_t index) { return line.tokens[index].kind; };
  if (kind_at(begin) != TokenKind::kWord || !line.has_kind(TokenKind::kColon)) {
    return begin;
  }
  std::size_t colon = begin + 1;
  while (colon < end && colon <= begin + kMaxLabelTokens &&
         (kind_at(colon) == TokenKind::kWord || kind_at(colon) == TokenKind::kDash)) {
    ++colon;
  }
  const bool comma = colon < end && kind_at(colon) == TokenKind::kComma;
  if (colon + 1 >= end || (kind_at(colon) != TokenKind::kColon && !comma) ||
      kind_at(colon - 1) != TokenKind::kWord) {
    return begin;
  }
  const std::string_view last = line.spelling(line.tokens[colon - 1]);
  // "For load: 1RM Push Jerk in 15 minutes", "For quality: 3 x 10 Ring Rows", "For quality, 3
  // rounds:": what the work aims at, before a colon or a comma.
  const bool aim = colon == begin + 2 && line.spelling(line.tokens[begin]) == "for" &&
                   (last == "load" || last == "quality");
  if (comma) {
    return aim ? colon + 1 : begin;
  }
  const bool template_name =
      colon == begin + 1 && (last == "fsl" || last == "bbb" || last == "ssl");
  const bool named_sets = colon > begin + 1 && (last == "set" || last == "sets" || last == "day");
  return template_name || named_sets || aim ? colon + 1 : begin;
}

// "Strength – Push Press 4x4 @ 75%", "Strength 2 – …", "A – Push Press 4x4", "Cash-out: 500m Row":
// a part's name, or its letter before a dash, then a spaced dash or a colon. Returns the index of
// the token after the separator, or begin for other lines.
std::size_t after_part_name(const TokenizedLine& line, std::size_t begin, std::size_t end) {
  const auto kind_at = [&](std::size_t index) { return line.tokens[index].kind; };
  if (kind_at(begin) != TokenKind::kWord || begin + 2 >= end) {
    return begin;
  }
  // Every form has a colon or a spaced dash among its first four tokens: most lines stop here.
  const auto separates = [&](std::size_t index) {
    return index < end && (kind_at(index) == TokenKind::kColon ||
                           (kind_at(index) == TokenKind::kDash && line.tokens[index].space_before));
  };
  if (!separates(begin + 1) && !separates(begin + 2) && !separates(begin + 3)) {
    return begin;
  }

  // The one-word names of named_part_pattern in part_labels.cpp, which a label line opens a part
  // with. A name added there belongs here too.
  static constexpr std::string_view kPartNames[] = {
      "strength",    "skill",         "metcon",   "conditioning", "accessory",
      "accessories", "finisher",      "core",     "gymnastics",   "wod",
      "mobility",    "weightlifting", "interval", "intervals"};
  // "cash-out", "cool-down", "buy-in" and "warm-up" in two words, with a dash between them or not.
  static constexpr std::pair<std::string_view, std::string_view> kTwoWordNames[] = {
      {"cash", "out"}, {"cool", "down"}, {"buy", "in"}, {"warm", "up"}};

  const std::string_view word = line.spelling(line.tokens[begin]);
  std::size_t name_end = begin + 1;
  bool part_name =
      std::find(std::begin(kPartNames), std::end(kPartNames), word) != std::end(kPartNames);
  const std::size_t second = kind_at(begin + 1) == TokenKind::kDash ? begin + 2 : begin + 1;
  for (const auto& [first_word, second_word] : kTwoWordNames) {
    if (word == first_word && second < end && kind_at(second) == TokenKind::kWord &&
        line.spelling(line.tokens[second]) == second_word) {
      part_name = true;
      name_end = second + 1;
    }
  }

  const bool letter = word.size() == 1;
  const std::size_t separator =
      part_name && name_end < end && kind_at(name_end) == TokenKind::kNumber ? name_end + 1
                                                                             : name_end;
  if (separator + 1 >= end) {
    return begin;
  }
  const bool spaced_dash = kind_at(separator) == TokenKind::kDash &&
                           line.tokens[separator].space_before &&
                           line.tokens[separator + 1].space_before;
  const bool colon = part_name && kind_at(separator) == TokenKind::kColon;
  return (part_name || letter) && (spaced_dash || colon) ? separator + 1 : begin;
}

// "In teams of 2,", "Teams of 3 –", "In pairs:", "With a partner,", "Partner A:", "P1:",
// "Partner WOD,", and "Partner" or "Partners" before a clock or a count ("Partner AMRAP 20", but
// not "Partner Carry"). Returns the index of the token after the phrase and its separator, or
// begin for other lines.
std::size_t after_team_phrase(const TokenizedLine& line, std::size_t begin, std::size_t end) {
  // Every phrase starts with a word of one of these letters; most lines stop here.
  const char letter = line.text[line.tokens[begin].begin];
  if (line.tokens[begin].kind != TokenKind::kWord ||
      (letter != 'p' && letter != 'i' && letter != 'w' && letter != 't')) {
    return begin;
  }

  const Cursor cursor(line, begin, end);
  const std::string_view first = cursor.word();
  // "Partner A: 400m Run", "Partner 2 – Max Cal Bike": what one partner does.
  const bool partner_named = cursor.word(1).size() == 1 || cursor.is(TokenKind::kNumber, 1);
  if (first == "partner" && partner_named && begin + 3 < end &&
      (cursor.is(TokenKind::kColon, 2) || cursor.is_spaced_dash(2))) {
    return begin + 3;
  }
  // "P1: 400m Run", "P2 – Max Cal Row": partner one or two, abbreviated. The tokenizer splits
  // "p1" into a word and a number without a space between them.
  const bool partner_abbreviated =
      first == "p" && cursor.is(TokenKind::kNumber, 1) && !line.tokens[begin + 1].space_before;
  if (partner_abbreviated && begin + 3 < end &&
      (cursor.is(TokenKind::kColon, 2) || cursor.is_spaced_dash(2))) {
    return begin + 3;
  }
  static constexpr KeywordSet kClocks = {"amrap", "emom", "every", "for"};
  if ((first == "partner" || first == "partners") &&
      (cursor.is(TokenKind::kNumber, 1) || kClocks.contains(cursor.keyword(1)))) {
    return begin + 1;
  }

  // "In teams of 2,", "Team of 3:", "With a partner,", "Partner WOD (teams of 2),": the phrase,
  // then its separator.
  std::size_t ahead = first == "in" || first == "with" ? 1 : 0;
  if (cursor.word(ahead) == "a") {
    ++ahead;
  }
  const std::string_view team = cursor.word(ahead);
  if ((team == "teams" || team == "team") && cursor.is_word("of", ahead + 1) &&
      cursor.is(TokenKind::kNumber, ahead + 2)) {
    ahead += 3;
  } else if ((team == "partner" || team == "team") && ahead == 0 && cursor.word(1) == "wod") {
    // "Partner WOD, AMRAP 20:", "Team WOD (teams of 2) – For time:"
    ahead = 2;
    if (cursor.is(TokenKind::kOpen, ahead)) {
      const std::size_t close = matching_close(Cursor(line, begin + ahead, end));
      if (close == 0) {
        return begin;
      }
      ahead = close + 1 - begin;
    }
  } else if (team == "pairs" || team == "partner" || team == "partners") {
    ahead += 1;
  } else {
    return begin;
  }

  const bool separated = cursor.is(TokenKind::kComma, ahead) ||
                         cursor.is(TokenKind::kColon, ahead) || cursor.is_spaced_dash(ahead);
  return separated && begin + ahead + 1 < end ? begin + ahead + 1 : begin;
}

// Token range left after list markers ("*", "•", "- ", "-" at the start of the line, "1. ") and
// trailing punctuation (":", ".", "…", ",") are set aside. May remove the brackets around a
// superset's count from line (see skip_superset_word).
std::pair<std::size_t, std::size_t> content_range(TokenizedLine& line) {
  std::size_t begin = 0;
  std::size_t end = line.token_count;
  const auto kind_at = [&](std::size_t index) { return line.tokens[index].kind; };
  while (begin < end) {
    const TokenKind kind = kind_at(begin);
    const bool next_spaced = begin + 1 < end && line.tokens[begin + 1].space_before;
    // A dash joins the tokens around it, and no notation that the grammars read starts with one.
    // So a dash that starts the line is a bullet even when it touches the text: "-5x5".
    // "-10% x 2 x 2" is a drop from the day's top set, not a bullet.
    const bool bullet_dash = kind == TokenKind::kDash && (next_spaced || begin == 0) &&
                             !at_drop_from_top(Cursor(line, begin, end));
    if (kind == TokenKind::kStar || kind == TokenKind::kOther || bullet_dash) {
      ++begin;
      continue;
    }
    // "1. Take 5 minutes…", "2) Back Squat": a list number before a word.
    const bool numbered =
        kind == TokenKind::kNumber && begin + 2 < end &&
        (kind_at(begin + 1) == TokenKind::kPeriod || kind_at(begin + 1) == TokenKind::kClose) &&
        !line.tokens[begin + 1].space_before && line.tokens[begin + 2].space_before &&
        (kind_at(begin + 2) == TokenKind::kWord || kind_at(begin + 2) == TokenKind::kNumber) &&
        line.tokens[begin].value < 100;
    if (numbered) {
      begin += 2;
      continue;
    }
    // "“Partner Chipper” – For time (30:00 cap):": a workout's quoted name, then a spaced dash or
    // a colon, before what it prescribes. The name stays in the line's text.
    if (kind == TokenKind::kInch) {
      constexpr std::size_t kMaxNameWords = 6;
      std::size_t close = begin + 1;
      std::size_t words = 0;
      // Words, and a dash that joins two of them: "Filthy-ish".
      while (close < end && words < kMaxNameWords &&
             (kind_at(close) == TokenKind::kWord ||
              (kind_at(close) == TokenKind::kDash && !line.tokens[close].space_before &&
               close + 1 < end && kind_at(close + 1) == TokenKind::kWord &&
               !line.tokens[close + 1].space_before))) {
        words += kind_at(close) == TokenKind::kWord ? 1 : 0;
        ++close;
      }
      const bool named =
          close > begin + 1 && close + 2 < end && kind_at(close) == TokenKind::kInch &&
          (kind_at(close + 1) == TokenKind::kColon ||
           (kind_at(close + 1) == TokenKind::kDash && line.tokens[close + 1].space_before &&
            line.tokens[close + 2].space_before));
      if (named) {
        begin = close + 2;
        continue;
      }
    }
    // "Then 3 x 2 @ 75%", "Then, 2 x 1 @ 85%", "Back off 2x2 @ 72%", "Drop to 70% x 3 x 2": a
    // prescription that follows the one before. A "Then:" alone keeps its word, so that it stays
    // a note and ends the block.
    if (kind == TokenKind::kWord && begin + 1 < end) {
      const Cursor words(line, begin, end);
      std::size_t after = begin;
      if (line.tokens[begin].keyword == Keyword{"then"}.id) {
        after = kind_at(begin + 1) == TokenKind::kComma ? begin + 2 : begin + 1;
        after += back_off_words(Cursor(line, after, end));
      } else {
        after += back_off_words(words);
      }
      if (after > begin && after < end &&
          (kind_at(after) == TokenKind::kNumber || kind_at(after) == TokenKind::kAt ||
           at_drop_from_top(Cursor(line, after, end)))) {
        begin = after;
        continue;
      }
    }
    // "Snatch complex: 1 Snatch Pull + 1 Snatch": a named complex before its movements.
    if (kind == TokenKind::kWord) {
      constexpr std::size_t kMaxComplexNameWords = 4;
      std::size_t colon = begin + 1;
      while (colon < end && colon <= begin + kMaxComplexNameWords &&
             kind_at(colon) == TokenKind::kWord) {
        ++colon;
      }
      if (colon + 1 < end && kind_at(colon) == TokenKind::kColon &&
          line.tokens[colon - 1].keyword == Keyword{"complex"}.id) {
        begin = colon + 1;
        continue;
      }
    }
    // "In teams of 2, AMRAP 24:", "Teams of 3 – For time:", "Partner AMRAP 20:": who does the
    // work, set aside before what it is.
    if (kind == TokenKind::kWord) {
      if (const std::size_t after = after_team_phrase(line, begin, end); after > begin) {
        begin = after;
        continue;
      }
    }
    // "Alternating EMOM 10:": the minute lines below give what alternates, so the word is dropped.
    // A list after the clock's colon takes turns (see parse_into).
    if (kind == TokenKind::kWord && line.spelling(line.tokens[begin]) == "alternating" &&
        begin + 1 < end &&
        (line.tokens[begin + 1].keyword == Keyword{"emom"}.id ||
         line.tokens[begin + 1].keyword == Keyword{"every"}.id)) {
      ++begin;
      continue;
    }
    if (skip_superset_word(line, begin, end)) {
      continue;
    }
    // "Rx: 10 Thrusters 95/65 lb, 10 Pull-ups", "Rx – 60% of 1-RM": the prescribed tier's name
    // before what it does. "Rx: 95/65, Scaled: 65/45" stays a line of loads by tier.
    if (kind == TokenKind::kWord && begin + 2 < end && line.spelling(line.tokens[begin]) == "rx" &&
        (kind_at(begin + 1) == TokenKind::kColon ||
         (kind_at(begin + 1) == TokenKind::kDash && line.tokens[begin + 1].space_before))) {
      Cursor tiers(line, begin, end);
      if (!read_tiered_load(tiers)) {
        begin += 2;
        continue;
      }
    }
    if (const std::size_t after = after_sets_label(line, begin, end); after > begin) {
      begin = after;
      continue;
    }
    if (const std::size_t after = after_part_name(line, begin, end); after > begin) {
      begin = after;
      continue;
    }
    // "Part A - ", "Week 1:", "Day 1:", "Session 2 - ", "Round 1:", "Wave 2:", "Complex:": a
    // label before the prescription. "Week 1, Day 4:" is two labels, the first before a comma.
    static constexpr KeywordSet kLabels = {"part", "week", "wave", "complex", "superset", "round"};
    const auto is_label = [&](std::size_t index) {
      const std::string_view spelling = line.spelling(line.tokens[index]);
      return kind_at(index) == TokenKind::kWord && (kLabels.contains(line.tokens[index].keyword) ||
                                                    spelling == "day" || spelling == "session");
    };
    if (is_label(begin)) {
      std::size_t after = begin + 1;
      const bool named =
          after < end &&
          (kind_at(after) == TokenKind::kNumber ||
           (kind_at(after) == TokenKind::kWord && line.spelling(line.tokens[after]).size() == 1));
      after += named ? 1 : 0;
      const bool separated =
          after + 1 < end &&
          (kind_at(after) == TokenKind::kColon || kind_at(after) == TokenKind::kPeriod ||
           (kind_at(after) == TokenKind::kDash && line.tokens[after].space_before) ||
           (named && kind_at(after) == TokenKind::kComma && is_label(after + 1)));
      if (separated) {
        begin = after + 1;
        continue;
      }
    }
    break;
  }
  while (end > begin) {
    const TokenKind kind = kind_at(end - 1);
    if (kind == TokenKind::kColon || kind == TokenKind::kPeriod || kind == TokenKind::kComma ||
        kind == TokenKind::kStar) {
      --end;
      continue;
    }
    break;
  }
  return {begin, end};
}

// Whatever follows a complete rule: nothing, or a comment after a comma or a spaced dash or in
// parentheses.
bool only_comment_left(const Cursor& cursor) {
  return cursor.at_end() || cursor.is(TokenKind::kComma) || cursor.is(TokenKind::kOpen) ||
         cursor.is_spaced_dash();
}

// The comment that only_comment_left allows, as written and without its leading comma or dash:
// "then 2x1 @ 90%" in "Build to a heavy single, then 2x1 @ 90%". Empty at the end of the line.
std::string comment_left(Cursor& cursor, const GrammarContext& context) {
  if (!cursor.accept(TokenKind::kComma) && cursor.is_spaced_dash()) {
    cursor.advance();
  }
  return std::string(
      written_text(cursor.line(), context.original, cursor.position(), cursor.end()));
}

bool parse_set_row(Cursor& cursor, const GrammarContext& context, ParsedLine& parsed,
                   bool worded = true);

// Index of the next comma before "set" or "sets" at or after the cursor, or before a number when
// numbered is true, or the cursor's end.
std::size_t next_row_start(const Cursor& cursor, bool numbered) {
  for (std::size_t ahead = 0; ahead < cursor.remaining(); ++ahead) {
    if (cursor.is(TokenKind::kComma, ahead) &&
        (cursor.is_word_in({"set", "sets"}, ahead + 1) ||
         (numbered && cursor.is(TokenKind::kNumber, ahead + 1)))) {
      return cursor.position() + ahead;
    }
  }
  return cursor.end();
}

// Whether the cursor is at the set number that continues rows up to set last, without the word
// "set" before it: the "4" of "Sets 1-3 @ 70%, 4-5 @ 75%".
bool at_next_set_number(const Cursor& cursor, int last) {
  return cursor.is(TokenKind::kComma) && cursor.is(TokenKind::kNumber, 1) &&
         cursor.peek(1)->value == static_cast<double>(last) + 1;
}

// "Set 1 = 70% x 3, Sets 2-3 = 75% x 3", "Sets 1-3 @ 70%, 4-5 @ 75%": rows for the next sets after
// commas, with or without the word "set". The row in line and those rows become its steps, one a
// set, when each row starts right after the one before. A row that does not stays in the remark.
void read_more_set_rows(Cursor& cursor, const GrammarContext& context, IntensityLine& line) {
  if (!line.sets || !line.steps.empty() ||
      !((cursor.is(TokenKind::kComma) && cursor.is_word_in({"set", "sets"}, 1)) ||
        at_next_set_number(cursor, line.sets->last))) {
    return;
  }
  constexpr int kMaxRowSets = 30;
  std::vector<IntensityStep> steps;
  const auto add_steps = [&steps](const IntensityLine& row) {
    for (int set = row.sets->first; set <= row.sets->last; ++set) {
      steps.push_back(IntensityStep{row.reps, row.reps_at_least, row.intensity});
    }
  };
  if (line.sets->last - line.sets->first >= kMaxRowSets) {
    return;
  }

  add_steps(line);
  int last = line.sets->last;
  while (true) {
    const bool worded = cursor.is(TokenKind::kComma) && cursor.is_word_in({"set", "sets"}, 1);
    if (!worded && !at_next_set_number(cursor, last)) {
      break;
    }
    const std::size_t before = cursor.position();
    cursor.advance();
    Cursor row_cursor(cursor.line(), cursor.position(), next_row_start(cursor, !worded));
    ParsedLine next;
    const IntensityLine* row =
        parse_set_row(row_cursor, context, next, worded) && row_cursor.at_end() ? next.intensity()
                                                                                : nullptr;
    if (row == nullptr || !row->sets || !row->steps.empty() || row->sets->first != last + 1 ||
        row->sets->last - row->sets->first >= kMaxRowSets) {
      cursor.reset(before);
      break;
    }
    add_steps(*row);
    last = row->sets->last;
    cursor.reset(row_cursor.position());
  }

  if (last == line.sets->last) {
    return;
  }
  line.sets->last = last;
  line.steps = std::move(steps);
  line.reps.reset();
  line.reps_at_least = false;
  line.intensity = Intensity{};
}

// "*Sets 4-5 = @ 75% of 1-RM Snatch", "*Set 1 = @ 60%", "*Sets 1-2 = 8 reps @ 65-70%". Builds the
// row in parsed once "Set N" has matched, and makes parsed a note again when the row fails. With
// worded false the row starts at its number, as the later rows of "Sets 1-3 @ 70%, 4-5 @ 75%" do.
bool parse_set_row(Cursor& cursor, const GrammarContext& context, ParsedLine& parsed, bool worded) {
  const std::size_t start = cursor.position();
  // "1st set: 5 @ 65%": an ordinal before the word "set".
  std::optional<int> ordinal;
  if (cursor.is(TokenKind::kNumber) && cursor.is(TokenKind::kWord, 1) &&
      !cursor.peek(1)->space_before && cursor.is_word("set", 2)) {
    const std::string_view suffix = cursor.word(1);
    if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") {
      ordinal = read_count(cursor);
      cursor.advance();
    }
  }
  if (worded && !cursor.accept_word_in({"set", "sets"})) {
    cursor.reset(start);
    return false;
  }
  cursor.accept(TokenKind::kHash);  // "Set #4"
  const auto first = ordinal ? ordinal : read_count(cursor);
  if (!first) {
    cursor.reset(start);
    return false;
  }
  const auto fail = [&] {
    parsed.detail.emplace<NoteLine>();
    cursor.reset(start);
    return false;
  };
  IntensityLine& line = parsed.detail.emplace<IntensityLine>();
  line.sets = SetNumbers{*first, *first};
  // "Set 1 - @ 70%", "Set 1 - 5 reps @ 70%", "Set 3 - 5+ reps @ 80%", "Set 3 - 80% x 2": a dash
  // before no count, or before the row's reps or percentage, separates the row's sets from what
  // follows.
  const bool dash_separates =
      cursor.is(TokenKind::kDash) &&
      (!cursor.is(TokenKind::kNumber, 1) || cursor.is(TokenKind::kPercent, 2) ||
       (cursor.is_spaced_dash() &&
        (cursor.is_word_in({"rep", "reps"}, 2) || cursor.is(TokenKind::kPlus, 2))));
  // "Sets 2, 3 - 75% x 2", "Sets 1, 2, 3 = @ 70%": set numbers one after another, separated by
  // commas, before the row.
  std::size_t listed = 0;
  while (cursor.is(TokenKind::kComma, 2 * listed) &&
         cursor.is(TokenKind::kNumber, 2 * listed + 1) &&
         cursor.peek(2 * listed + 1)->value == *first + static_cast<double>(listed) + 1) {
    ++listed;
  }
  const TokenKind after_list = listed > 0 && cursor.peek(2 * listed) != nullptr
                                   ? cursor.peek(2 * listed)->kind
                                   : TokenKind::kOther;
  if (after_list == TokenKind::kDash || after_list == TokenKind::kEquals ||
      after_list == TokenKind::kColon) {
    for (std::size_t skipped = 0; skipped + 1 < 2 * listed; ++skipped) {
      cursor.advance();
    }
    cursor.accept(TokenKind::kComma);
    line.sets->last = static_cast<int>(cursor.advance().value);
  } else if ((!dash_separates && cursor.accept(TokenKind::kDash)) ||
             cursor.accept_word_in({"to", "and", "through"}) ||
             cursor.accept(TokenKind::kAmpersand)) {
    const auto last = read_count(cursor);
    if (!last || *last < *first) {
      return fail();
    }
    line.sets->last = *last;
  }
  if (!cursor.accept(TokenKind::kEquals) && !cursor.accept(TokenKind::kColon)) {
    cursor.accept(TokenKind::kDash);
  }

  // "1+1 @ 70%", "70% x 1+1": the counts of a lift's parts, kept as written in the remark as on a
  // movement line, since the reps they add up to depend on the lift.
  std::string_view counts;
  const auto read_joined_counts = [&] {
    const std::size_t counts_start = cursor.position();
    while (cursor.is(TokenKind::kNumber) && cursor.is(TokenKind::kPlus, 1) &&
           cursor.is(TokenKind::kNumber, 2) && !cursor.peek(1)->space_before &&
           !cursor.peek(2)->space_before) {
      cursor.advance();
      cursor.advance();
    }
    if (cursor.position() == counts_start) {
      return false;
    }
    cursor.advance();
    counts = written_text(cursor.line(), context.original, counts_start, cursor.position());
    return true;
  };
  const std::size_t before_reps = cursor.position();
  if (read_joined_counts()) {
    // the row's reps stay empty
  } else if (const auto reps = read_count_range(cursor)) {
    const bool at_least = cursor.is(TokenKind::kPlus) && !cursor.peek()->space_before;
    if (at_least) {
      cursor.advance();
    }
    if (cursor.accept_word_in({"rep", "reps"}) || cursor.is(TokenKind::kAt)) {
      line.reps = reps;
      line.reps_at_least = at_least;
    } else {
      cursor.reset(before_reps);
    }
  }
  read_intensity(cursor, context, line.intensity);
  // "*Set 5 = @ 85% x 1 rep", "Set 1: 70% x 3": the reps after the percentage.
  if (!line.reps && counts.empty() && line.intensity.percent && cursor.is(TokenKind::kTimes) &&
      cursor.is(TokenKind::kNumber, 1)) {
    const std::size_t before_times = cursor.position();
    cursor.advance();
    if (read_joined_counts()) {
      // "Set 1 = 70% x 1+1"
    } else if (const auto reps = read_count_range(cursor)) {
      line.reps = reps;
      cursor.accept_word_in({"rep", "reps"});
    } else {
      cursor.reset(before_times);
    }
  }
  if ((!line.reps && line.intensity.empty()) || !only_comment_left(cursor)) {
    return fail();
  }
  read_more_set_rows(cursor, context, line);
  line.remark = comment_left(cursor, context);
  if (!counts.empty()) {
    line.remark =
        line.remark.empty() ? std::string(counts) : std::string(counts) + " " + line.remark;
  }
  parsed.kind = LineKind::kIntensity;
  return true;
}

// "4@70%, 3@76%, 2@82%", "4@70% 3@76%", "3+ @ 85%".
std::optional<IntensityLine> parse_wave(Cursor& cursor, const GrammarContext& context) {
  if (!may_start_wave(cursor)) {
    return std::nullopt;  // checked before building any value
  }
  const std::size_t start = cursor.position();
  IntensityLine line;
  if (!read_wave(cursor, context, 1, line.steps) || !cursor.at_end()) {
    cursor.reset(start);
    return std::nullopt;
  }
  if (line.steps.size() == 1) {
    IntensityStep& step = line.steps.front();
    line.reps = step.reps;
    line.reps_at_least = step.reps_at_least;
    line.intensity = std::move(step.intensity);
    line.steps.clear();
    return line;
  }
  line.sets = SetNumbers{1, static_cast<int>(line.steps.size())};
  return line;
}

// A range of rest: "2-3 minutes", "60 to 90 seconds", "1:30-2:00", and "60-90" in seconds as
// "Rest 90" is. The first number takes the unit of the second. Returns false, consuming nothing,
// for other words.
bool read_rest_range(Cursor& cursor, RestLine& line) {
  const std::size_t start = cursor.position();
  const Token* low = cursor.peek();
  if (low == nullptr || (low->kind != TokenKind::kNumber && low->kind != TokenKind::kTime)) {
    return false;
  }
  cursor.advance();
  const Token* high =
      cursor.accept(TokenKind::kDash) || cursor.accept_word("to") ? cursor.peek() : nullptr;
  std::optional<int> high_seconds = high != nullptr && high->kind == low->kind && high->value > 0
                                        ? read_duration(cursor)
                                        : std::nullopt;
  if (!high_seconds && high != nullptr && high->kind == TokenKind::kNumber &&
      low->kind == TokenKind::kNumber && cursor.remaining() == 1) {
    high_seconds = read_count(cursor);
  }
  if (!high_seconds) {
    cursor.reset(start);
    return false;
  }
  const double low_seconds =
      low->kind == TokenKind::kTime ? low->value : low->value * (*high_seconds / high->value);
  if (low_seconds <= 0 || low_seconds >= *high_seconds) {
    cursor.reset(start);
    return false;
  }
  line.rest_seconds = static_cast<int>(std::lround(low_seconds));
  line.rest_max_seconds = high_seconds;
  return true;
}

// Whether the words at the cursor may follow a rest's duration and then end the line: nothing,
// "between sets", "between rounds", "then". Consumes them.
bool accept_rest_ending(Cursor& cursor) {
  if (cursor.accept_word("between")) {
    cursor.accept_word_in({"sets", "rounds", "movements", "exercises", "efforts"});
  }
  cursor.accept(TokenKind::kComma);
  cursor.accept_word("then");
  return cursor.at_end();
}

// "2 min rest", "90 seconds rest between sets": a duration before the word "rest". Returns
// nothing, consuming nothing, for other text.
std::optional<RestLine> parse_trailing_rest(Cursor& cursor) {
  const std::size_t start = cursor.position();
  RestLine line;
  line.rest_seconds = read_duration(cursor);
  if (!line.rest_seconds || !cursor.accept_word("rest") || !accept_rest_ending(cursor)) {
    cursor.reset(start);
    return std::nullopt;
  }
  return line;
}

// "Rest 60 seconds", "Rest 3 minutes, then:", "Rest 1:30 between sets", "Rest 2-3 minutes",
// "Rest as needed".
std::optional<RestLine> parse_rest(Cursor& cursor) {
  const std::size_t start = cursor.position();
  if (!cursor.accept_word("rest")) {
    return std::nullopt;
  }
  cursor.accept(TokenKind::kColon);
  // "Rest exactly 90s", "Rest about 2 minutes": a word that qualifies the duration.
  static constexpr std::string_view kQualifiers[] = {"exactly", "about",  "approximately",
                                                     "roughly", "around", "only"};
  if (std::find(std::begin(kQualifiers), std::end(kQualifiers), cursor.word()) !=
          std::end(kQualifiers) &&
      cursor.is(TokenKind::kNumber, 1)) {
    cursor.advance();
  }
  // "Rest up to 3 min": the longest rest, kept as the rest.
  if (cursor.is_word("up") && cursor.is_word("to", 1) && cursor.is(TokenKind::kNumber, 2)) {
    cursor.advance();
    cursor.advance();
  }
  RestLine line;
  // "Rest 2'", "Rest 90\"" and "Rest 2-3' between sets": a prime marks minutes and a double prime
  // seconds.
  const std::size_t ranged =
      cursor.is(TokenKind::kDash, 1) && cursor.is(TokenKind::kNumber, 2) ? 2 : 0;
  const Token* prime = cursor.peek(ranged + 1);
  if (cursor.is(TokenKind::kNumber) && prime != nullptr &&
      (prime->kind == TokenKind::kFoot || prime->kind == TokenKind::kInch) &&
      !prime->space_before && cursor.peek()->value <= 600 && cursor.peek(ranged)->value <= 600) {
    const double scale = prime->kind == TokenKind::kFoot ? 60 : 1;
    const double low = cursor.peek()->value * scale;
    const double high = cursor.peek(ranged)->value * scale;
    const std::size_t after = cursor.position() + ranged + 2;
    Cursor rest_of_line(cursor.line(), after, cursor.end());
    if (low > 0 && high >= low && accept_rest_ending(rest_of_line)) {
      line.rest_seconds = static_cast<int>(std::lround(low));
      if (high > low) {
        line.rest_max_seconds = static_cast<int>(std::lround(high));
      }
      return line;
    }
  }
  if (read_rest_range(cursor, line)) {
    return line;
  }
  if (const auto seconds = read_duration(cursor)) {
    line.rest_seconds = seconds;
    // "Rest 90 sec - 2 min", "Rest 90 seconds to 2 minutes": a range whose ends have units.
    const std::size_t before_high = cursor.position();
    if (cursor.accept(TokenKind::kDash) || cursor.accept_word("to")) {
      if (const auto high = read_duration(cursor); high && *high > *seconds) {
        line.rest_max_seconds = high;
      } else {
        cursor.reset(before_high);
      }
    }
    return line;  // "between sets", "then:" and the like may follow
  }
  if (const auto bare = read_count(cursor); bare && cursor.at_end()) {
    line.rest_seconds = bare;  // "Rest 90": seconds
    return line;
  }
  cursor.reset(start + 1);
  cursor.accept_words({"as", "needed"});
  if (cursor.accept_word("between")) {
    cursor.accept_word_in({"sets", "rounds", "movements", "exercises", "efforts"});
  }
  if (!cursor.at_end()) {
    cursor.reset(start);
    return std::nullopt;
  }
  return line;
}

bool has_colon(const Cursor& cursor) {
  if (!cursor.line().has_kind(TokenKind::kColon)) {
    return false;  // no colon anywhere in the line
  }
  for (std::size_t ahead = 0; ahead < cursor.remaining(); ++ahead) {
    if (cursor.is(TokenKind::kColon, ahead)) {
      return true;
    }
  }
  return false;
}

// Whether a dash with spaces on both sides follows the cursor, as in "Back Squat - 5RM".
bool has_spaced_dash(const Cursor& cursor) {
  if (!cursor.line().has_kind(TokenKind::kDash)) {
    return false;
  }
  for (std::size_t ahead = 0; ahead + 1 < cursor.remaining(); ++ahead) {
    if (cursor.is_spaced_dash(ahead)) {
      return true;
    }
  }
  return false;
}

// "heavy single", "heavy double", "heavy triple": rep maxes of 1, 2 and 3.
std::optional<int> read_heavy_set(Cursor& cursor) {
  const std::size_t start = cursor.position();
  const bool heavy = cursor.accept_word("heavy");
  // "a heavy 3", "a heavy 3-rep": a count after "heavy" is the rep max.
  if (heavy && cursor.is(TokenKind::kNumber) && cursor.peek()->value >= 1 &&
      cursor.peek()->value <= 10 &&
      cursor.peek()->value == static_cast<int>(cursor.peek()->value) &&
      !cursor.is(TokenKind::kTimes, 1)) {
    const int rm = static_cast<int>(cursor.advance().value);
    if (cursor.is(TokenKind::kDash) && cursor.is_word("rep", 1)) {
      cursor.advance();
      cursor.advance();
    }
    return rm;
  }
  const int rm = cursor.is_word("single")   ? 1
                 : cursor.is_word("double") ? 2
                 : cursor.is_word("triple") ? 3
                                            : 0;
  if (rm == 0) {
    cursor.reset(start);
    return std::nullopt;
  }
  cursor.advance();
  return rm;
}

// "In 24 minutes, establish a 1-RM Back Squat", "Build to a 10-RM Deadlift",
// "Snatch: find a heavy single", "1-RM Clean & Jerk".
// Whether the cursor is at "max" before "unbroken", "reps", calories, distance or a name whose
// last word is plural: "Max Unbroken Pull-ups", "Max Reps Push-ups", "Max Burpees".
bool counts_max_reps(const Cursor& cursor) {
  if (!cursor.is_word("max") || !cursor.is(TokenKind::kWord, 1)) {
    return false;
  }
  const std::string_view next = cursor.word(1);
  // "Max Cal Assault Bike", "Max Distance Row" count calories or distance, as reps are counted.
  if (next == "unbroken" || next == "reps" || next == "rep" || next == "cal" || next == "cals" ||
      next == "calorie" || next == "calories" || next == "distance") {
    return true;
  }
  std::size_t last = 1;
  while (cursor.is(TokenKind::kWord, last + 1) ||
         (cursor.is(TokenKind::kDash, last + 1) && cursor.is(TokenKind::kWord, last + 2))) {
    last += cursor.is(TokenKind::kDash, last + 1) ? 2 : 1;
  }
  const std::string_view word = cursor.word(last);
  return word.size() > 3 && word.back() == 's' && !word.ends_with("ss");
}

std::optional<TargetLine> parse_target(Cursor& cursor, const GrammarContext& context) {
  const std::size_t start = cursor.position();
  TargetLine line;

  // "Snatch: find a heavy single" and "Clean & Jerk - work up to a heavy single" name the lift
  // before a colon or a spaced dash.
  std::optional<std::string> prefix_lift;
  if (has_colon(cursor) || has_spaced_dash(cursor)) {
    auto lift = read_lift_name(cursor, context);
    // "Jerk from blocks: build to a heavy single": more words after a known lift, up to the colon
    // or spaced dash, name a variation of it that the vocabulary does not list.
    if (lift && !cursor.is(TokenKind::kColon) && cursor.is(TokenKind::kWord)) {
      constexpr std::size_t kMaxNameWords = 6;
      std::size_t end = cursor.position();
      while (end < cursor.end() && end - start < kMaxNameWords &&
             cursor.line().tokens[end].kind == TokenKind::kWord) {
        ++end;
      }
      const Cursor after_name(cursor.line(), end, cursor.end());
      if (after_name.is(TokenKind::kColon) || after_name.is_spaced_dash()) {
        lift = canonical_name_normalized(normalized_text(cursor.line(), start, end),
                                         context.vocabulary);
        cursor.reset(end);
      }
    }
    if (lift && (cursor.accept(TokenKind::kColon) ||
                 (cursor.is_spaced_dash() && cursor.accept(TokenKind::kDash)))) {
      prefix_lift = std::move(lift);
    } else {
      cursor.reset(start);
    }
  }
  // "Back Squat 1RM", "Deadlift 5RM", "C&J 1-RM": a lift and a rep max, alone on the line, so the
  // line ends with "rm" or "max".
  // "Front Squat 3RM, then 2x3 @ 90%": a comment may follow after a comma.
  static constexpr KeywordSet kRepMaxEnds = {"rm", "max"};
  if (!prefix_lift && (kRepMaxEnds.contains(cursor.line().tokens[cursor.end() - 1].keyword) ||
                       cursor.line().has_kind(TokenKind::kComma))) {
    std::string lift;
    int rm = 0;
    if (read_lift_name(cursor, context, lift) && (rm = read_rm_suffix(cursor)) > 0 &&
        (cursor.at_end() || cursor.is(TokenKind::kComma))) {
      line.target = RmRef{.rm = rm, .lift = std::move(lift)};
      line.remark = comment_left(cursor, context);
      return line;
    }
    cursor.reset(start);
  }
  if (cursor.accept_word("in")) {
    line.duration_seconds = read_duration(cursor);
    if (!line.duration_seconds) {
      cursor.reset(start);
      return std::nullopt;
    }
    cursor.accept(TokenKind::kComma);
  }
  // Each form left below starts with a number or one of these words. Most lines that get here are
  // movement lines that name a rep max ("Front Squat x 7 reps @ 60-65% of 1-RM Front Squat"), and
  // this test turns them away at their first word.
  static constexpr KeywordSet kTargetStarts = {"establish", "find",   "build",  "work",  "a",
                                               "an",        "your",   "the",    "new",   "max",
                                               "heavy",     "single", "double", "triple"};
  if (!cursor.is(TokenKind::kNumber) && !kTargetStarts.contains(cursor.keyword()) &&
      cursor.word() != "daily") {
    cursor.reset(start);
    return std::nullopt;
  }
  const std::size_t body_start = cursor.position();
  const bool verb =
      cursor.accept_word("establish") || cursor.accept_word("find") ||
      cursor.accept_words({"build", "to"}) || cursor.accept_words({"build", "up", "to"}) ||
      cursor.accept_words({"work", "up", "to"}) || cursor.accept_words({"work", "to"});
  cursor.accept_word_in({"a", "an", "your", "the", "new"});
  // "Max Unbroken Pull-ups", "Max Reps Push-ups", "Max Burpees": as many reps as possible, not a
  // rep max. Without a verb, "max" before a plural name or "unbroken" or "reps" starts such a line.
  if (!verb && !prefix_lift && counts_max_reps(cursor)) {
    cursor.reset(start);
    return std::nullopt;
  }
  // "Snatch: daily max", "build to a max for the day": the day's heaviest single.
  const bool daily_max =
      (verb || prefix_lift) && ((cursor.word() == "daily" && cursor.is_word("max", 1)) ||
                                (cursor.is_word("max") && cursor.is_word("for", 1) &&
                                 cursor.is_word("the", 2) && cursor.word(3) == "day"));
  if (daily_max) {
    const std::size_t words = cursor.is_word("max") ? 4 : 2;
    for (std::size_t skipped = 0; skipped < words; ++skipped) {
      cursor.advance();
    }
    line.target.rm = 1;
  } else if (auto reference = read_rm_ref(cursor, context)) {
    line.target = std::move(*reference);
  } else if (const auto rm = read_heavy_set(cursor); rm && (verb || prefix_lift)) {
    line.target.rm = rm;
    // "Build to a heavy single in the Snatch", "find a heavy double on the Clean".
    const std::size_t before_lift = cursor.position();
    if (cursor.accept_word_in({"in", "on", "of"})) {
      cursor.accept_word("the");
      if (!cursor.is(TokenKind::kWord)) {
        cursor.reset(before_lift);
      }
    }
    line.target.lift = read_lift_name(cursor, context);
  } else {
    cursor.reset(start);
    return std::nullopt;
  }
  // "1RM Snatch in 10 minutes", "Clean: 1RM in 15 minutes": without a verb, the time allowed may
  // follow the lift. "Max Burpees in 2 minutes" counts reps, so the rep max must be written with
  // its number.
  if (!verb && !line.duration_seconds && (line.target.lift || prefix_lift) &&
      cursor.line().tokens[body_start].kind == TokenKind::kNumber &&
      cursor.is_word_in({"in", "within"})) {
    const std::size_t before_time = cursor.position();
    cursor.advance();
    line.duration_seconds = read_duration(cursor);
    if (!line.duration_seconds || !cursor.at_end()) {
      line.duration_seconds.reset();
      cursor.reset(before_time);
    } else {
      if (!line.target.lift) {
        line.target.lift = std::move(prefix_lift);
      }
      line.remark = comment_left(cursor, context);
      return line;
    }
  }
  // "Snatch: heavy single, then 3x1 @ 90%", "Clean – heavy single – then 2x1": after a lift and
  // its colon or dash, a comment may follow a comma or a spaced dash.
  const bool comment_after =
      prefix_lift && (cursor.is(TokenKind::kComma) || cursor.is_spaced_dash());
  if (!verb && ((!cursor.at_end() && !comment_after) || line.duration_seconds ||
                (!line.target.lift && !prefix_lift))) {
    cursor.reset(start);  // without a verb only "1-RM Back Squat" alone is a target
    return std::nullopt;
  }
  if (cursor.accept_word("in") || cursor.accept_word("within")) {
    line.duration_seconds = read_duration(cursor);
  }
  if (!line.target.lift) {
    line.target.lift = std::move(prefix_lift);
  }
  if (!only_comment_left(cursor)) {
    cursor.reset(start);
    return std::nullopt;
  }
  line.remark = comment_left(cursor, context);
  return line;
}

// Ceiling stated in a note or after a movement: "stay below 70% of your 1-RM Power Clean", "keep
// this under 55%", "Clean x 1 (up to) 85%".
std::optional<Intensity> find_limit(const TokenizedLine& tokens, std::size_t begin, std::size_t end,
                                    const GrammarContext& context) {
  for (std::size_t index = begin; index + 1 < end; ++index) {
    const Token& token = tokens.tokens[index];
    if (token.kind != TokenKind::kWord) {
      continue;
    }
    static constexpr KeywordSet kLimitWords = {"under", "below", "exceed", "than", "over", "above"};
    const bool up_to = token.keyword == Keyword{"to"}.id && index > begin &&
                       tokens.tokens[index - 1].keyword == Keyword{"up"}.id;
    const bool cap = token.keyword == Keyword{"cap"}.id;  // "Cap it at 90%"
    if (!kLimitWords.contains(token.keyword) && !up_to && !cap) {
      continue;
    }
    Cursor cursor(tokens, index + 1, end);
    cursor.accept(TokenKind::kClose);  // "(up to) 85%"
    if (cap) {
      cursor.accept_word_in({"it", "this", "that", "the"});
      cursor.accept_word("load");
    }
    if (auto intensity = read_intensity(cursor, context); intensity && intensity->percent) {
      return intensity;
    }
  }
  return std::nullopt;
}

// Moves a ceiling written on a movement line ("Hang Snatch x 2, stay below 70%", "Clean x 1 (up
// to) 85%") to its limit. The grammar reads such a percentage as the line's intensity or keeps it
// in the remark, either of which would print a load at the ceiling as if it were prescribed.
void add_movement_limit(MovementLine& movement, const TokenizedLine& tokens, std::size_t begin,
                        std::size_t end, const GrammarContext& context) {
  std::optional<Intensity> limit = find_limit(tokens, begin, end, context);
  if (!limit) {
    return;
  }
  if (movement.intensity.percent == limit->percent) {
    movement.intensity = Intensity{};
  }
  movement.limit = std::move(limit);
}

// Adds a warning to a movement line that states more than kMaxLikelyPercent of a max, such as
// "Snatch 3x2 @ 750%", or 0%: a typing mistake is likelier than such a load, which is still
// computed.
void warn_unlikely_percent(MovementLine& movement) {
  constexpr double kMaxLikelyPercent = 200;
  double highest = movement.intensity.percent ? movement.intensity.percent->max : 0;
  bool zero = movement.intensity.percent && movement.intensity.percent->max <= 0;
  for (const IntensityStep& step : movement.steps) {
    highest = step.intensity.percent ? std::max(highest, step.intensity.percent->max) : highest;
    zero = zero || (step.intensity.percent && step.intensity.percent->max <= 0);
  }
  for (const Movement& item : movement.movements) {
    if (item.intensity && item.intensity->percent) {
      highest = std::max(highest, item.intensity->percent->max);
      zero = zero || item.intensity->percent->max <= 0;
    }
  }
  if (zero) {
    append_warning(movement, "states 0% of a max: check the line for a typing mistake");
  }
  if (highest <= kMaxLikelyPercent) {
    return;
  }
  const auto percent_text = [](double percent) {
    std::array<char, 32> text{};
    std::snprintf(text.data(), text.size(), "%g%%", percent);
    return std::string(text.data());
  };
  append_warning(movement, "states " + percent_text(highest) + " of a max, more than " +
                               percent_text(kMaxLikelyPercent) +
                               ": check the line for a typing mistake");
}

// Adds a warning to a movement line whose remark raises the weight from set to set, as "Back
// Squat 5 x 5 @ 75%, add 5 lb each set" and "Bench Press 5x5 @ 135 lb, add 5 lb each set" do. The
// grammar keeps such words in the remark, so the loads from the percentage would be the same for
// every set without a word about it.
void warn_increase_per_set(MovementLine& movement, const TokenizedLine& tokens, std::size_t begin,
                           std::size_t end) {
  if (movement.remark.empty()) {
    return;
  }
  bool increase = false;
  bool number = false;
  for (std::size_t index = begin; index + 1 < end; ++index) {
    const Token& token = tokens.tokens[index];
    if (token.kind == TokenKind::kNumber) {
      number = number || increase;
      continue;
    }
    if (token.kind != TokenKind::kWord) {
      continue;
    }
    const std::string_view word = tokens.spelling(token);
    // "add 5 lb each set", "add weight every set": an amount or the word weight after the verb.
    number = number || (increase && (word == "weight" || word == "load"));
    increase =
        increase || word == "add" || word == "adding" || word == "increase" || word == "increasing";
    const bool per = word == "each" || word == "every" || word == "per";
    const std::string_view next = tokens.spelling(tokens.tokens[index + 1]);
    if (number && per && (next == "set" || next == "round")) {
      append_warning(movement,
                     "raises the weight from set to set, which the loads leave out: add the "
                     "increase to each set by hand");
      return;
    }
  }
}

// Features of a line, read from its token masks so that rules which cannot match are skipped.
// content_range sets aside no '@', '%' or word, so the masks of the whole line serve for its
// content. names_rep_max may be true for a line without such a word, which only costs a failed
// parse_target: every way a target is read goes through one of them.
struct LineFeatures {
  bool has_at = false;
  bool has_percent = false;
  bool names_rep_max = false;  //!< "rm", "max", "single", "double", "triple", or a target verb
  bool may_start_scheme = false;
};

LineFeatures scan_features(const TokenizedLine& tokens, std::size_t begin) {
  static constexpr KeywordSet kTargetWords = {"rm",     "max",       "single", "double",
                                              "triple", "establish", "build",  "find"};
  static constexpr KeywordSet kSchemeStarts = {
      "every",   "emom",    "e",         "on",       "amrap",    "as",     "for",      "time",
      "cap",     "tabata",  "one",       "two",      "three",    "four",   "five",     "six",
      "seven",   "eight",   "nine",      "ten",      "eleven",   "twelve", "thirteen", "fourteen",
      "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
  LineFeatures features;
  features.has_at = tokens.has_kind(TokenKind::kAt);
  features.has_percent = tokens.has_kind(TokenKind::kPercent);
  features.names_rep_max = tokens.may_have_any(kTargetWords);
  const Token& first = tokens.tokens[begin];
  // "E3M", "Twice through" start with words that have no keyword id.
  const bool glued_every = first.kind == TokenKind::kWord && first.end - first.begin == 3 &&
                           tokens.text[first.begin] == 'e' && tokens.text[first.begin + 2] == 'm';
  // "TC: 12 min" is a time cap.
  const bool times_word = first.kind == TokenKind::kWord &&
                          (tokens.spelling(first) == "twice" || tokens.spelling(first) == "once" ||
                           tokens.spelling(first) == "tc");
  // "Superset x 3:", "Circuit x 4:" (see read_grouped_count_head).
  const bool grouped = first.keyword == Keyword{"superset"}.id ||
                       (first.kind == TokenKind::kWord && tokens.spelling(first) == "circuit");
  // "Chipper (cap 30:00):" (see read_for_time_head).
  const bool chipper = first.kind == TokenKind::kWord && tokens.spelling(first) == "chipper";
  features.may_start_scheme = first.kind == TokenKind::kNumber || first.kind == TokenKind::kTime ||
                              kSchemeStarts.contains(first.keyword) || glued_every || times_word ||
                              grouped || chipper;
  return features;
}

template <typename Detail>
void set_detail(ParsedLine& line, LineKind kind, Detail&& detail) {
  line.kind = kind;
  line.detail.emplace<std::decay_t<Detail>>(std::forward<Detail>(detail));
}

// Interval that a minute selection sets on its own: "Minutes 5 to 9:" is every minute for five
// minutes, "Odd:" every other minute.
Scheme minutes_scheme(const MinuteSelection& minutes) {
  constexpr int kMinute = 60;
  Scheme scheme;
  scheme.type = SchemeType::kInterval;
  scheme.minutes = minutes;
  if (const auto count = minute_count(minutes)) {
    scheme.every_seconds = kMinute;
    scheme.sets = CountRange{*count, *count};
    scheme.duration_seconds = *count * kMinute;
  } else {
    scheme.every_seconds = minutes.parity == MinuteParity::kAny ? kMinute : 2 * kMinute;
  }
  return scheme;
}

// Length in seconds of the clock a window or a minute selection covers, or nullopt when it has
// no end or is odd or even minutes.
std::optional<int> window_seconds(const LineWindow& window) {
  if (window.window && window.window->to_seconds) {
    return *window.window->to_seconds - window.window->from_seconds;
  }
  if (window.minutes) {
    if (const auto count = minute_count(*window.minutes)) {
      return *count * 60;
    }
  }
  return std::nullopt;
}

// A line that opens with minutes or a clock window: "Odd: 5 Power Cleans", "Minute 3 = rest",
// "Minutes 5 to 9:", "From 20:00 - 32:00: AMRAP 3 Pull-ups, 6 Push-ups", "At the 11 minute mark,
// start the run". Minutes with movements make an interval scheme over those minutes, a window with
// prose stays a note that keeps the window. Returns false, with the cursor where it was, for
// other lines.
bool parse_windowed(ParsedLine& line, Cursor& cursor, const GrammarContext& context) {
  const std::size_t start = cursor.position();
  // Stores an interval scheme in line and returns it, for the movements to be added.
  const auto store_scheme = [&line](const Scheme& clock) -> SchemeLine& {
    line.kind = LineKind::kScheme;
    SchemeLine& scheme = line.detail.emplace<SchemeLine>();
    scheme.scheme = clock;
    return scheme;
  };

  if (auto alternating = parse_alternating_line(cursor, context)) {
    Scheme every_minute;
    every_minute.type = SchemeType::kInterval;
    every_minute.every_seconds = 60;
    store_scheme(every_minute).movement = std::move(alternating);
    return true;
  }
  const auto window = read_line_window(cursor);
  if (!window) {
    return false;
  }
  if (cursor.at_end()) {
    if (window->minutes) {
      store_scheme(minutes_scheme(*window->minutes));
    } else {
      line.detail.emplace<NoteLine>().window = window->window;
    }
    return true;
  }
  if (auto rest = parse_rest(cursor)) {
    rest->minutes = window->minutes;
    if (!rest->rest_seconds) {
      rest->rest_seconds = window->minutes && !minute_count(*window->minutes)
                               ? std::optional<int>(60)
                               : window_seconds(*window);
    }
    set_detail(line, LineKind::kRest, *rest);
    return true;
  }
  if (parse_scheme_line(cursor, context, line)) {
    Scheme& clock = std::get<SchemeLine>(line.detail).scheme;
    clock.minutes = window->minutes;
    clock.window = window->window;
    if (!clock.duration_seconds) {
      clock.duration_seconds = window_seconds(*window);
      if (clock.type == SchemeType::kInterval && !clock.sets && clock.every_seconds &&
          clock.duration_seconds && *clock.every_seconds > 0 &&
          *clock.duration_seconds % *clock.every_seconds == 0) {
        const int sets = *clock.duration_seconds / *clock.every_seconds;
        clock.sets = CountRange{sets, sets};
      }
    }
    return true;
  }
  if (window->minutes) {
    MovementLine movement;
    if (parse_movement_line(cursor, context, movement)) {
      store_scheme(minutes_scheme(*window->minutes)).movement = std::move(movement);
      return true;
    }
  } else {
    // NOTE: only a scheme or a rest takes a clock window into its fields. Movements after one
    // ("From 0:00 - 5:00: 500m Row") leave the line a note that keeps the window.
    line.detail.emplace<NoteLine>().window = window->window;
    return true;
  }
  cursor.reset(start);
  return false;
}

// Drops the word "ladder" before a colon or a count, "Ladder: 1-2-3-…-10 Deadlifts", "Ladder 1-10
// Power Cleans", "Front Squat ladder: 1-2-3, 1-2-3", and a colon right after it at the start of the
// line. The word only means that the reps climb, which the counts after it state. Returns whether
// it dropped the word.
bool drop_ladder_word(TokenizedLine& tokens) {
  static constexpr KeywordSet kLadder = {"ladder"};
  if (!tokens.may_have_any(kLadder)) {
    return false;  // most lines, without a token scan
  }
  const auto kind_at = [&](std::size_t index) { return tokens.tokens[index].kind; };
  for (std::size_t index = 0; index + 1 < tokens.token_count; ++index) {
    if (tokens.tokens[index].keyword != Keyword{"ladder"}.id) {
      continue;
    }
    const bool before_count =
        kind_at(index + 1) == TokenKind::kColon || kind_at(index + 1) == TokenKind::kNumber;
    const bool after_name = index > 0 && kind_at(index - 1) == TokenKind::kWord;
    if (!before_count || (index > 0 && !after_name)) {
      return false;
    }
    erase_tokens(tokens, index, index == 0 && kind_at(1) == TokenKind::kColon ? 2 : 1);
    return true;
  }
  return false;
}

// Makes the range of reps of a ladder its sets, one rep more each: "Ladder 1-10 Power Cleans" is
// ten sets of 1 to 10 reps. Changes nothing for a line with sets or a rep sequence, or a range of
// more than kMaxLadderSets sets.
void climb_ladder(ParsedLine& line) {
  constexpr int kMaxLadderSets = 30;
  MovementLine* movement = std::get_if<MovementLine>(&line.detail);
  if (movement == nullptr || !movement->reps || movement->sets || !movement->rep_scheme.empty() ||
      movement->reps->min >= movement->reps->max ||
      movement->reps->max - movement->reps->min >= kMaxLadderSets) {
    return;
  }
  for (int reps = movement->reps->min; reps <= movement->reps->max; ++reps) {
    movement->rep_scheme.push_back(reps);
  }
  const int sets = static_cast<int>(movement->rep_scheme.size());
  movement->sets = CountRange{sets, sets};
  movement->reps.reset();
}

void parse_tokens(ParsedLine& line, TokenizedLine& tokens, std::string_view text,
                  const Vocabulary& vocabulary);

// Parses text into line; writing in place spares moving the result, which is several hundred
// bytes, from rule to rule.
void parse_into(ParsedLine& line, std::string_view text, const Vocabulary& vocabulary) {
  TokenizedLine tokens;
  tokenize(text, tokens);
  if (!tokens.complete) {
    return;
  }
  const bool ladder = drop_ladder_word(tokens);
  parse_tokens(line, tokens, text, vocabulary);
  if (ladder) {
    climb_ladder(line);
  }
}

// Whether line names movements that the vocabulary lists and counts each of them in reps, a
// distance, a time or calories.
bool counts_known_movements(const MovementLine& line, const Vocabulary& vocabulary) {
  const bool line_counts = line.reps || line.distance || line.duration_seconds || line.calories;
  return !line.movements.empty() &&
         std::all_of(line.movements.begin(), line.movements.end(), [&](const Movement& movement) {
           return vocabulary.names_movement(movement.canonical) &&
                  (line_counts || movement.reps || movement.count || movement.distance ||
                   movement.duration_seconds || movement.calories);
         });
}

// Parses the tokens of text into line. Setting aside what precedes the prescription may remove
// tokens (see skip_superset_word).
void parse_tokens(ParsedLine& line, TokenizedLine& tokens, std::string_view text,
                  const Vocabulary& vocabulary) {
  const GrammarContext context{text, vocabulary};
  const auto [begin, end] = content_range(tokens);
  Cursor cursor(tokens, begin, end);
  if (cursor.at_end()) {
    return;
  }

  if (may_start_window(cursor) && parse_windowed(line, cursor, context)) {
    return;
  }
  if (parse_set_row(cursor, context, line)) {
    return;
  }
  // The test before the call keeps most lines from calling parse_rest, which is not inlined
  // since parse_windowed calls it too.
  if (auto rest = cursor.is_word("rest") ? parse_rest(cursor) : std::nullopt) {
    set_detail(line, LineKind::kRest, *rest);
    return;
  }
  static constexpr KeywordSet kRest = {"rest"};
  if (auto rest = (cursor.is(TokenKind::kNumber) || cursor.is(TokenKind::kTime)) &&
                          tokens.may_have_any(kRest)
                      ? parse_trailing_rest(cursor)
                      : std::nullopt) {
    set_detail(line, LineKind::kRest, *rest);
    return;
  }
  const LineFeatures features = scan_features(tokens, begin);
  if (features.may_start_scheme && parse_scheme_line(cursor, context, line)) {
    // "Alternating EMOM 20: 10 Burpees, 15 Wall Balls": content_range set the word aside.
    SchemeLine& scheme = std::get<SchemeLine>(line.detail);
    if (begin > 0 && scheme.movement &&
        tokens.spelling(tokens.tokens[begin - 1]) == "alternating") {
      alternate_listed_movements(*scheme.movement);
    }
    return;
  }
  if (features.names_rep_max) {
    if (auto target = parse_target(cursor, context)) {
      set_detail(line, LineKind::kTarget, std::move(*target));
      return;
    }
  }
  if (features.has_at) {
    if (auto wave = parse_wave(cursor, context)) {
      set_detail(line, LineKind::kIntensity, std::move(*wave));
      return;
    }
  }
  // After "Rx:" the line must count known movements, "Rx: 10 Thrusters 95/65 lb, 10 Pull-ups":
  // "Rx: 20/14 lb ball, 135/95 lb" describes the gear of the movements above and "Rx: 60% of 1-RM"
  // their loads, which no movement of this line takes.
  const bool after_rx = begin >= 2 && tokens.spelling(tokens.tokens[begin - 2]) == "rx";
  if (parse_movement_line(cursor, context, line.detail.emplace<MovementLine>()) &&
      (!after_rx || counts_known_movements(std::get<MovementLine>(line.detail), vocabulary))) {
    line.kind = LineKind::kMovement;
    MovementLine& movement = std::get<MovementLine>(line.detail);
    if (features.has_percent) {
      add_movement_limit(movement, tokens, begin, end, context);
      warn_unlikely_percent(movement);
    }
    warn_increase_per_set(movement, tokens, begin, end);
    return;
  }
  NoteLine& note = line.detail.emplace<NoteLine>();
  if (features.has_percent) {
    note.limit = find_limit(tokens, begin, end, context);
  }
}

}  // namespace

void parse_prescription_text(ParsedLine& line, const Vocabulary& vocabulary) {
  parse_into(line, line.text, vocabulary);
}

ParsedLine parse_prescription_line(std::string_view text, const Vocabulary& vocabulary) {
  ParsedLine line;
  line.text = text;
  parse_into(line, text, vocabulary);
  return line;
}

ParsedLine parse_prescription_line(std::string_view text) {
  return parse_prescription_line(text, default_vocabulary());
}

std::vector<ParsedLine> parse_prescription_lines(const std::vector<std::string>& lines) {
  const Vocabulary& vocabulary = default_vocabulary();
  std::vector<ParsedLine> parsed;
  parsed.reserve(lines.size());
  for (const std::string& text : lines) {
    ParsedLine& line = parsed.emplace_back();
    line.text = text;
    parse_prescription_text(line, vocabulary);
  }
  return parsed;
}

}  // namespace wodetl::prescription
