#include "transform/prescription/scheme_grammar.hpp"

#include <cstdio>
#include <string>
#include <utility>

#include "transform/prescription/movement_grammar.hpp"
#include "transform/prescription/quantities.hpp"
#include "transform/prescription/window_grammar.hpp"

namespace wodetl::prescription {

namespace {

constexpr int kMaxClauses = 12;

// Standard Tabata protocol: 8 rounds of 20 seconds of work and 10 seconds of rest.
constexpr int kTabataRounds = 8;
constexpr int kTabataWorkSeconds = 20;
constexpr int kTabataRestSeconds = 10;

// Head being read, with the counts the line states before any derivation.
struct Head {
  //! User-provided, because the implicit constructor clears the whole head with one slow block
  //! store. So every member must have a default member initializer or a class type.
  Head() noexcept {}  // NOLINT(modernize-use-equals-default): = default clears the whole head

  Scheme scheme;
  std::optional<CountRange> stated_sets;
  bool minutes_follow = false;  //!< "EMOM 14", "AMRAP 12": a bare number counts minutes
  bool alternating = false;     //!< "EMOM 12 (alternating):": the listed movements take turns
  //! "EMOM 16 (4 rounds)": the bracket counted rounds, which may be cycles of several minutes.
  bool rounds_in_bracket = false;
};

// Whether a colon follows the cursor's end, which content_range set aside: "21-15-9:" above the
// movements that take its reps.
bool ends_with_colon(const Cursor& cursor) {
  const TokenizedLine& line = cursor.line();
  return cursor.end() < line.token_count && line.tokens[cursor.end()].kind == TokenKind::kColon;
}

bool accept_count_word(Cursor& cursor) {
  return cursor.accept_word_in({"sets", "set", "rounds", "round", "intervals", "interval"});
}

// Time cap in any of its forms: "time cap: 14 minutes", "cap 14", "TC: 12 min", "14 min cap",
// "14:00 time cap". A bare number after "cap" counts minutes.
std::optional<int> read_time_cap(Cursor& cursor) {
  static constexpr KeywordSet kCap = {"cap"};
  const bool abbreviated = cursor.word() == "tc";
  if (!abbreviated && !cursor.line().may_have_any(kCap)) {
    return std::nullopt;  // every other form has the word: most lines skip the reads below
  }
  const std::size_t start = cursor.position();
  if (abbreviated) {
    cursor.advance();
  }
  if (abbreviated || cursor.accept_words({"time", "cap"}) || cursor.accept_word("cap")) {
    cursor.accept(TokenKind::kColon);
    cursor.accept(TokenKind::kDash);
    if (const auto seconds = read_duration(cursor, true)) {
      return seconds;
    }
    cursor.reset(start);
    return std::nullopt;
  }
  if (const auto seconds = read_duration(cursor)) {
    cursor.accept_word("time");
    if (cursor.accept_word("cap")) {
      return seconds;
    }
  }
  cursor.reset(start);
  return std::nullopt;
}

// Count N of "eN" and unit written without spaces, as in "E2MOM" (tokens "e", "2", "mom") and
// "E90S". Returns 0, consuming nothing, for other tokens.
int read_glued_e_count(Cursor& cursor, Keyword unit) {
  if (!cursor.is_word("e") || !cursor.is(TokenKind::kNumber, 1) || cursor.peek(1)->space_before ||
      !cursor.is_word(unit, 2) || cursor.peek(2)->space_before) {
    return 0;
  }
  const std::size_t start = cursor.position();
  cursor.advance();
  const auto count = read_count(cursor);
  cursor.advance();
  if (!count || *count < 1) {
    cursor.reset(start);
    return 0;
  }
  return *count;
}

// "every 2 minutes", "every 2:30", "every other minute", "emom", "e2mom", "e90s", "on the minute".
bool read_interval_words(Cursor& cursor, Head& head) {
  const std::size_t start = cursor.position();
  if (cursor.accept_word("every")) {
    if (cursor.accept_words({"other", "minute"})) {
      head.scheme.every_seconds = 120;
    } else if (cursor.accept_word_in({"minute", "min"})) {
      head.scheme.every_seconds = 60;
    } else if (const auto seconds = cursor.is(TokenKind::kFoot, 1) ? read_duration(cursor, true)
                                                                   : read_duration(cursor)) {
      // "Every 2' x 5": a prime marks minutes.
      head.scheme.every_seconds = seconds;
    } else {
      cursor.reset(start);
      return false;
    }
    return true;
  }
  if (cursor.accept_word("emom")) {
    head.scheme.every_seconds = 60;
    head.minutes_follow = true;
    return true;
  }
  // "E2MOM": every 2 minutes.
  if (const int minutes = read_glued_e_count(cursor, "mom"); minutes > 0) {
    head.scheme.every_seconds = minutes * 60;
    head.minutes_follow = true;
    return true;
  }
  // "E90S": every 90 seconds.
  if (const int seconds = read_glued_e_count(cursor, "s"); seconds > 0) {
    head.scheme.every_seconds = seconds;
    return true;
  }
  // "E2:30", "E1:30MOM": every 2:30, every 1:30.
  if (cursor.is_word("e") && cursor.is(TokenKind::kTime, 1) && !cursor.peek(1)->space_before) {
    cursor.advance();
    head.scheme.every_seconds = static_cast<int>(cursor.advance().value);
    if (cursor.is_word("mom") && !cursor.peek()->space_before) {
      cursor.advance();
    }
    return head.scheme.every_seconds > 0;
  }
  // "E3M": every 3 minutes, one token as the tokenizer keeps letter-digit-letter words whole.
  if (const std::string_view word = cursor.word();
      word.size() == 3 && word[0] == 'e' && word[1] >= '1' && word[1] <= '9' && word[2] == 'm') {
    cursor.advance();
    head.scheme.every_seconds = (word[1] - '0') * 60;
    head.minutes_follow = true;
    return true;
  }
  if (cursor.accept_words({"on", "the", "minute"})) {
    head.scheme.every_seconds = 60;
    return true;
  }
  return false;
}

// An interval head, with its duration written first as in "14 min EMOM", "14-minute E2MOM".
bool read_interval_head(Cursor& cursor, Head& head) {
  const std::size_t start = cursor.position();
  head.scheme.type = SchemeType::kInterval;
  std::optional<int> duration;
  if (cursor.is(TokenKind::kNumber) || cursor.is(TokenKind::kTime)) {
    duration = read_duration(cursor, true);
    cursor.accept(TokenKind::kDash);
    cursor.accept_word_in({"min", "minute"});
    if (!duration || !(cursor.is_word("emom") || cursor.is_word("e"))) {
      cursor.reset(start);
      return false;
    }
  }
  if (!read_interval_words(cursor, head)) {
    cursor.reset(start);
    return false;
  }
  if (duration) {
    head.scheme.duration_seconds = duration;
  }
  return true;
}

// "amrap", "12 min amrap", "as many rounds (and reps) as possible".
bool read_amrap_head(Cursor& cursor, Head& head) {
  const std::size_t start = cursor.position();
  head.scheme.type = SchemeType::kAmrap;
  if (cursor.accept_word("amrap")) {
    head.minutes_follow = true;
    return true;
  }
  if (cursor.accept_words({"as", "many", "rounds"})) {
    cursor.accept_words({"and", "reps"});
    if (cursor.accept_words({"as", "possible"})) {
      return true;
    }
    cursor.reset(start);
    return false;
  }
  if (const auto seconds = read_duration(cursor, true)) {
    cursor.accept(TokenKind::kDash);
    cursor.accept_word_in({"min", "minute"});
    if (cursor.accept_word("amrap")) {
      head.scheme.duration_seconds = seconds;
      return true;
    }
  }
  cursor.reset(start);
  return false;
}

// "for time", "5 rounds for time", "5 rft", "21-15-9 for time", "time cap: 14 minutes",
// "14 min time cap".
bool read_for_time_head(Cursor& cursor, Head& head) {
  const std::size_t start = cursor.position();
  head.scheme.type = SchemeType::kForTime;
  if (cursor.accept_words({"for", "time"})) {
    return true;
  }
  // "Chipper (cap 30:00):", "Chipper – For time:": a chipper is done once, for time.
  if (cursor.word() == "chipper") {
    cursor.advance();
    if (cursor.is_spaced_dash() && cursor.is_word("for", 1) && cursor.is_word("time", 2)) {
      cursor.advance();
      cursor.accept_words({"for", "time"});
    }
    return true;
  }
  if (const auto cap = read_time_cap(cursor)) {
    head.scheme.time_cap_seconds = cap;
    return true;
  }
  if (auto sequence = read_rep_sequence(cursor); !sequence.empty()) {
    cursor.accept_word_in({"rep", "reps"});
    if (cursor.accept_words({"for", "time"})) {
      head.scheme.rep_scheme = std::move(sequence);
      return true;
    }
    cursor.reset(start);
    return false;
  }
  if (const auto rounds = read_count_or_number_word(cursor)) {
    if (cursor.accept_word("rft") || (cursor.accept_word_in({"rounds", "round"}) && cursor.accept_words({"for", "time"}))) {
      head.scheme.rounds = rounds;
      return true;
    }
  }
  cursor.reset(start);
  return false;
}

// Reads ", not for time" or "not for time" after a count of rounds or sets, as in "4 rounds, not
// for time:": the rounds are not raced. Consumes nothing when it is not there.
void accept_not_for_time(Cursor& cursor) {
  const std::size_t start = cursor.position();
  cursor.accept(TokenKind::kComma);
  if (cursor.accept_words({"not", "for", "time"})) {
    return;
  }
  // "3 Rounds for quality:", "4 rounds for load": what the rounds aim at, rather than the clock.
  if (cursor.accept_word("for")) {
    const std::string_view aim = cursor.word();
    if ((aim == "quality" || aim == "load" || aim == "form" || aim == "technique") &&
        (cursor.remaining() == 1 || cursor.is(TokenKind::kColon, 1))) {
      cursor.advance();
      return;
    }
  }
  cursor.reset(start);
}

// "3 rounds", "three sets", "4-6 sets", "one set tabata", "tabata", "4 rounds, not for time", "3
// rounds for quality".
bool read_counted_head(Cursor& cursor, Head& head) {
  const std::size_t start = cursor.position();
  if (cursor.accept_word("tabata")) {
    head.scheme.type = SchemeType::kTabata;
    return true;
  }
  std::optional<CountRange> count;
  // "Twice through:", "Once through:".
  if (const std::string_view word = cursor.word();
      (word == "twice" || word == "once") && cursor.is_word("through", 1)) {
    const int times = word == "twice" ? 2 : 1;
    cursor.advance();
    cursor.advance();
    head.scheme.type = SchemeType::kRounds;
    head.scheme.rounds = times;
    return true;
  }
  if (const auto word_count = read_count_or_number_word(cursor)) {
    count = CountRange{*word_count, *word_count};
    const std::size_t after_count = cursor.position();
    cursor.reset(start);
    if (const auto range = read_count_range(cursor); range && range->max != range->min) {
      count = range;
    } else {
      cursor.reset(after_count);
    }
  }
  if (!count) {
    return false;
  }
  // "2x through:", "3 times through": rounds of the lines below.
  const bool through =
      (cursor.is(TokenKind::kTimes) || cursor.word() == "times") && cursor.is_word("through", 1);
  if (through) {
    cursor.advance();
  }
  if (cursor.accept_word_in({"rounds", "round"}) || (through && cursor.accept_word("through"))) {
    head.scheme.type = SchemeType::kRounds;
    head.scheme.rounds = count->max;
    if (cursor.accept_word("tabata")) {
      head.scheme.type = SchemeType::kTabata;
    }
    accept_not_for_time(cursor);
    return true;
  }
  if (cursor.accept_word_in({"sets", "set"})) {
    head.scheme.type = cursor.accept_word("tabata") ? SchemeType::kTabata : SchemeType::kSets;
    head.scheme.sets = count;
    accept_not_for_time(cursor);
    return true;
  }
  cursor.reset(start);
  return false;
}

// "21-15-9 reps of", "21-15-9 of", "21-15-9:" alone: rounds whose reps follow the sequence. The
// "of" is left for the caller, which reads it with the movements after it.
bool read_rep_sequence_head(Cursor& cursor, Head& head) {
  const std::size_t start = cursor.position();
  auto sequence = read_rep_sequence(cursor);
  if (sequence.empty()) {
    return false;
  }
  cursor.accept_word_in({"rep", "reps"});
  if (!cursor.is_word("of") && !(cursor.at_end() && ends_with_colon(cursor))) {
    cursor.reset(start);
    return false;
  }
  head.scheme.type = SchemeType::kRounds;
  head.scheme.rounds = static_cast<int>(sequence.size());
  head.scheme.rep_scheme = std::move(sequence);
  return true;
}

// "20 seconds on, 10 seconds off", "8 rounds of 20 seconds on, 10 seconds off", "4 rounds: 3:00
// on, 1:00 off", "4 x 3:00 on, 1:00 off".
bool read_on_off_head(Cursor& cursor, Head& head) {
  const std::size_t start = cursor.position();
  // The rounds before the work: "4 rounds of", "4 rounds:", "4 x".
  std::optional<CountRange> rounds = read_count_range(cursor);
  const bool counted =
      rounds && ((accept_count_word(cursor) &&
                  (cursor.accept_word("of") || cursor.accept(TokenKind::kColon))) ||
                 cursor.accept(TokenKind::kTimes));
  if (!counted) {
    rounds.reset();
    cursor.reset(start);
  }
  const auto work = read_duration(cursor);
  if (!work || !cursor.accept_word("on")) {
    cursor.reset(start);
    return false;
  }
  cursor.accept(TokenKind::kComma);
  cursor.accept(TokenKind::kSlash);
  const auto rest = read_duration(cursor);
  if (!rest || !cursor.accept_word("off")) {
    cursor.reset(start);
    return false;
  }
  head.scheme.type = SchemeType::kInterval;
  head.scheme.work_seconds = work;
  head.scheme.rest_seconds = rest;
  head.scheme.every_seconds = *work + *rest;
  if (rounds) {
    head.stated_sets = rounds;
  }
  return true;
}

// "(8 sets)", "(time cap: 14 min)", "(14 min cap)".
bool read_parenthesized_clause(Cursor& cursor, Head& head) {
  const std::size_t start = cursor.position();
  if (!cursor.accept(TokenKind::kOpen)) {
    return false;
  }
  if (const auto count = read_count_range(cursor); count) {
    const bool rounds = cursor.is_word_in({"rounds", "round"});
    if (accept_count_word(cursor) && cursor.accept(TokenKind::kClose)) {
      head.stated_sets = count;
      head.rounds_in_bracket = rounds;
      return true;
    }
  }
  cursor.reset(start + 1);
  if (const auto cap = read_time_cap(cursor); cap && cursor.accept(TokenKind::kClose)) {
    head.scheme.time_cap_seconds = cap;
    return true;
  }
  // "EMOM 12 (alternating):": the movements after the colon take turns, one a minute.
  cursor.reset(start + 1);
  if (cursor.word() == "alternating" && cursor.is(TokenKind::kClose, 1)) {
    cursor.advance();
    cursor.advance();
    head.alternating = true;
    return true;
  }
  // "E2MOM x 6 (12 min)": the clock's length.
  cursor.reset(start + 1);
  if (const auto seconds = read_duration(cursor);
      seconds && !head.scheme.duration_seconds && cursor.accept(TokenKind::kClose)) {
    head.scheme.duration_seconds = seconds;
    return true;
  }
  cursor.reset(start);
  return false;
}

void read_clauses(Cursor& cursor, Head& head) {
  for (int clause = 0; clause < kMaxClauses && !cursor.at_end(); ++clause) {
    const std::size_t mark = cursor.position();
    cursor.accept(TokenKind::kComma);
    // "Every minute, on the minute", "On the minute, every minute".
    if (cursor.accept_words({"on", "the", "minute"}) ||
        (head.scheme.every_seconds == 60 && cursor.accept_words({"every", "minute"}))) {
      continue;
    }
    if (cursor.accept_word("for") || cursor.accept_word("in")) {
      if (const auto seconds = read_duration(cursor)) {
        head.scheme.duration_seconds = seconds;
        continue;
      }
      const std::size_t count_start = cursor.position();
      if (const auto count = read_count_range(cursor); count && accept_count_word(cursor)) {
        head.stated_sets = count;
        continue;
      }
      // "Every 2 min for 20:": a bare number after an interval counts minutes.
      cursor.reset(count_start);
      if (head.scheme.type == SchemeType::kInterval && cursor.is(TokenKind::kNumber) &&
          (cursor.remaining() == 1 || cursor.is(TokenKind::kColon, 1))) {
        head.scheme.duration_seconds = read_duration(cursor, true);
        continue;
      }
      cursor.reset(mark);
      return;
    }
    // "EMOM 10 x 2 Clean @ 80%": a count before a name is the movement's reps, read below.
    if (cursor.is(TokenKind::kTimes) && cursor.is(TokenKind::kNumber, 1) &&
        cursor.is(TokenKind::kWord, 2) && head.scheme.duration_seconds &&
        !cursor.is_word_in({"min", "mins", "minute", "minutes", "sets", "set", "rounds", "round",
                            "intervals", "interval"},
                           2)) {
      cursor.reset(mark);
      return;
    }
    if (cursor.accept(TokenKind::kTimes)) {
      if (const auto count = read_count(cursor)) {
        if (cursor.accept_word_in({"min", "mins", "minute", "minutes"})) {
          head.scheme.duration_seconds = *count * 60;
        } else {
          accept_count_word(cursor);
          head.stated_sets = CountRange{*count, *count};
        }
        continue;
      }
      cursor.reset(mark);
      return;
    }
    if (cursor.is(TokenKind::kOpen) && read_parenthesized_clause(cursor, head)) {
      continue;
    }
    // "EMOM 20 – alternating:", as "EMOM 20 (alternating):".
    if (cursor.is_spaced_dash() && cursor.word(1) == "alternating") {
      cursor.advance();
      cursor.advance();
      head.alternating = true;
      continue;
    }
    if (const auto cap = read_time_cap(cursor)) {
      head.scheme.time_cap_seconds = cap;
      continue;
    }
    if (head.minutes_follow && !head.scheme.duration_seconds) {
      // "EMOM 1:00 x 10", "E2MOM 2:00 x 5": a time equal to the interval, before a count, restates
      // the interval.
      if (cursor.is(TokenKind::kTime) && head.scheme.every_seconds &&
          cursor.peek()->value == *head.scheme.every_seconds && cursor.is(TokenKind::kTimes, 1)) {
        cursor.advance();
        continue;
      }
      // "EMOM - 10 minutes": a spaced dash before the length.
      if (cursor.is_spaced_dash() &&
          (cursor.is(TokenKind::kNumber, 1) || cursor.is(TokenKind::kTime, 1))) {
        const std::size_t dash = cursor.position();
        cursor.advance();
        if (const auto seconds = read_duration(cursor, true);
            seconds && (cursor.at_end() || cursor.is(TokenKind::kColon))) {
          head.scheme.duration_seconds = seconds;
          continue;
        }
        cursor.reset(dash);
      }
      // In "AMRAP 3 Pull-ups" a bare number before a word counts the pull-ups, not minutes.
      const bool counts_next_word = cursor.is(TokenKind::kNumber) &&
                                    cursor.is(TokenKind::kWord, 1) && !cursor.is_word("of", 1) &&
                                    !unit_may_follow_number(cursor);
      if (const auto seconds = counts_next_word ? std::nullopt : read_duration(cursor, true)) {
        head.scheme.duration_seconds = seconds;
        continue;
      }
    }
    cursor.reset(mark);
    return;
  }
}

std::string format_count(double value) {
  char buffer[32];
  if (value == static_cast<double>(static_cast<long long>(value))) {
    std::snprintf(buffer, sizeof buffer, "%lld", static_cast<long long>(value));
  } else {
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
  }
  return buffer;
}

// Fills line with the head's scheme and the counts that follow from the others, and checks the
// stated ones.
void finish_scheme(Head& head, SchemeLine& line) {
  Scheme& scheme = head.scheme;
  if (scheme.type == SchemeType::kTabata) {
    scheme.every_seconds = kTabataWorkSeconds + kTabataRestSeconds;
    scheme.work_seconds = kTabataWorkSeconds;
    scheme.rest_seconds = kTabataRestSeconds;
    scheme.rounds = scheme.rounds.value_or(kTabataRounds);
    // "Tabata x 2": the duration of all of them, as an interval clock's duration is.
    const int tabatas = head.stated_sets && head.stated_sets->min == head.stated_sets->max
                            ? head.stated_sets->max
                            : 1;
    scheme.duration_seconds = tabatas * *scheme.rounds * *scheme.every_seconds;
  }
  if (scheme.type != SchemeType::kInterval) {
    if (head.stated_sets) {
      scheme.sets = head.stated_sets;
    }
    line.scheme = std::move(scheme);
    return;
  }

  const std::optional<int> every = scheme.every_seconds;
  const std::optional<int> duration = scheme.duration_seconds;
  std::optional<int> stated =
      head.stated_sets ? std::optional<int>(head.stated_sets->max) : std::nullopt;
  // "EMOM 16 (4 rounds)": four rounds of a four-minute cycle, which the minute lines below give.
  // The sets stay one a minute.
  if (stated && head.rounds_in_bracket && every && *every > 0 && duration && *stated > 0 &&
      *duration % *every == 0 && (*duration / *every) % *stated == 0 &&
      *duration / *every > *stated) {
    scheme.rounds = *stated;
    stated.reset();
  }
  if (stated) {
    scheme.sets = CountRange{*stated, *stated};
  }
  if (every && *every > 0 && duration) {
    if (!stated && *duration % *every == 0) {
      const int sets = *duration / *every;
      scheme.sets = CountRange{sets, sets};
    } else if (stated && *stated * *every != *duration) {
      line.warning = "stated " + std::to_string(*stated) + " sets disagree with duration / interval: " +
                     std::to_string(*duration) + " s / " + std::to_string(*every) + " s = " +
                     format_count(static_cast<double>(*duration) / *every) + " sets";
    }
  } else if (every && stated) {
    scheme.duration_seconds = *stated * *every;
  } else if (duration && stated && *stated > 0 && *duration % *stated == 0) {
    scheme.every_seconds = *duration / *stated;
  }
  line.scheme = std::move(scheme);
}

// Necessary conditions of the head rules, read from the first token and the line's keyword filter.
// A rule whose condition fails cannot match, so it is skipped before a Head is built for it.
bool may_be_on_off(const Cursor& cursor) {
  static constexpr KeywordSet kOn = {"on"};
  static constexpr KeywordSet kOff = {"off"};
  return cursor.line().may_have_any(kOn) && cursor.line().may_have_any(kOff);
}

bool may_be_interval(const Cursor& cursor) {
  static constexpr KeywordSet kClockWords = {"emom", "mom"};
  const std::string_view word = cursor.word();
  return cursor.is_word_in({"every", "emom", "e", "on"}) ||
         (word.size() == 3 && word[0] == 'e' && word[2] == 'm') ||
         ((cursor.is(TokenKind::kNumber) || cursor.is(TokenKind::kTime)) &&
          cursor.line().may_have_any(kClockWords));
}

bool may_be_amrap(const Cursor& cursor) {
  static constexpr KeywordSet kAmrap = {"amrap"};
  return cursor.line().may_have_any(kAmrap) || cursor.is_word("as");
}

bool may_be_for_time(const Cursor& cursor) {
  static constexpr KeywordSet kWords = {"time", "rft", "cap"};
  return cursor.line().may_have_any(kWords) || cursor.word() == "tc" || cursor.word() == "chipper";
}

bool may_be_rep_sequence(const Cursor& cursor) {
  static constexpr KeywordSet kOf = {"of"};
  return cursor.is(TokenKind::kNumber) &&
         (cursor.line().may_have_any(kOf) || ends_with_colon(cursor));
}

// "Superset x 3:", "Superset (x3):", "Circuit, x 4": how the movements after the colon or on the
// lines below are done, then how many times. A superset counts sets, as "Superset 3 sets:" does,
// and a circuit rounds. content_range sets the word aside when a count follows it without "x".
bool may_be_grouped_count(const Cursor& cursor) {
  return cursor.is_word("superset") || cursor.word() == "circuit";
}

bool read_grouped_count_head(Cursor& cursor, Head& head) {
  const std::size_t start = cursor.position();
  const bool superset = cursor.is_word("superset");
  cursor.advance();
  cursor.accept(TokenKind::kComma);
  const bool bracketed = cursor.accept(TokenKind::kOpen);
  std::optional<CountRange> count;
  if (cursor.accept(TokenKind::kTimes)) {
    count = read_count_range(cursor);
  }
  if (!count || (bracketed && !cursor.accept(TokenKind::kClose))) {
    cursor.reset(start);
    return false;
  }
  if (superset) {
    head.scheme.type = SchemeType::kSets;
    head.scheme.sets = count;
  } else {
    head.scheme.type = SchemeType::kRounds;
    head.scheme.rounds = count->max;
  }
  return true;
}

bool may_be_counted(const Cursor& cursor) {
  static constexpr KeywordSet kCountWords = {"rounds", "round", "sets", "set", "through"};
  return cursor.is_word("tabata") || cursor.line().may_have_any(kCountWords);
}

// "Five sets of three @ 80%", "Four sets of two reps @ 75%": reps written as a word, then the
// rest of a movement line. Returns false, consuming nothing, for other text.
bool parse_worded_reps(Cursor& cursor, const GrammarContext& context, MovementLine& movement) {
  const std::size_t start = cursor.position();
  if (!cursor.is(TokenKind::kWord)) {
    return false;
  }
  const auto reps = read_count_or_number_word(cursor);
  if (!reps) {
    return false;
  }
  cursor.accept_word_in({"rep", "reps"});
  movement = MovementLine{};
  if (!cursor.at_end() && !parse_movement_line(cursor, context, movement)) {
    cursor.reset(start);
    return false;
  }
  if (movement.reps) {
    cursor.reset(start);
    return false;
  }
  movement.reps = CountRange{*reps, *reps};
  return true;
}

// Whether the tokens from the cursor to the end are one bracketed group: "(Cindy)".
bool is_bracketed_to_end(const Cursor& cursor) {
  return cursor.is(TokenKind::kOpen) && matching_close(cursor) + 1 == cursor.end();
}

// "EMOM 8 @ 75%: 2 Power Cleans": an intensity for every set, then the movements after a colon.
// The movement line's own intensity, if it states one, wins. Returns false, consuming nothing, for
// other text.
bool parse_intensity_then_movement(Cursor& cursor, const GrammarContext& context,
                                   MovementLine& movement) {
  const std::size_t start = cursor.position();
  Intensity intensity;
  if (!cursor.accept(TokenKind::kAt) || !read_intensity(cursor, context, intensity) ||
      !cursor.accept(TokenKind::kColon) || cursor.at_end()) {
    cursor.reset(start);
    return false;
  }
  movement = MovementLine{};
  if (!parse_movement_line(cursor, context, movement)) {
    cursor.reset(start);
    return false;
  }
  if (movement.intensity.empty()) {
    movement.intensity = std::move(intensity);
  }
  return true;
}

}  // namespace

void alternate_listed_movements(MovementLine& line) {
  if (line.grouping != Grouping::kList) {
    return;
  }
  line.grouping = Grouping::kAlternating;
  for (std::size_t index = 0; index < line.movements.size(); ++index) {
    const int minute = static_cast<int>(index) + 1;
    line.movements[index].minutes = MinuteSelection{.first = minute, .last = minute};
  }
}

bool parse_scheme_line(Cursor& cursor, const GrammarContext& context, ParsedLine& parsed) {
  struct HeadRule {
    bool (*may_match)(const Cursor&);
    bool (*read)(Cursor&, Head&);
  };
  static constexpr HeadRule kHeads[] = {{may_be_on_off, read_on_off_head},
                                        {may_be_interval, read_interval_head},
                                        {may_be_amrap, read_amrap_head},
                                        {may_be_for_time, read_for_time_head},
                                        {may_be_rep_sequence, read_rep_sequence_head},
                                        {may_be_counted, read_counted_head},
                                        {may_be_grouped_count, read_grouped_count_head}};
  const std::size_t start = cursor.position();
  for (const HeadRule& rule : kHeads) {
    cursor.reset(start);
    if (!rule.may_match(cursor)) {
      continue;
    }
    Head head;
    if (!rule.read(cursor, head)) {
      continue;
    }
    const std::size_t after_head = cursor.position();
    read_clauses(cursor, head);
    // "Every 0:00 x 5" and "EMOM 0" state no clock a set could run on.
    const auto zero = [](const std::optional<int>& seconds) { return seconds && *seconds <= 0; };
    if (zero(head.scheme.every_seconds) || zero(head.scheme.duration_seconds)) {
      continue;
    }

    bool movement_required = false;
    bool sets_phrase = false;
    // "AMRAP 20 min (Cindy)": a bracketed comment after the clock goes to the remark.
    std::string_view comment;
    if (is_bracketed_to_end(cursor)) {
      comment = written_text(cursor.line(), context.original, cursor.position(), cursor.end());
      cursor.reset(cursor.end());
    }
    if (!cursor.at_end()) {
      const bool of_follows_head = cursor.position() == after_head && cursor.is_word("of") &&
                                   !cursor.is(TokenKind::kColon, 1);
      // "EMOM 8 - Snatch x 2 @ 70%" introduces its movement with a dash, and "EMOM 8 @ 70%" gives
      // the intensity of the movement on the lines below.
      const bool introduced =
          cursor.accept(TokenKind::kColon) || cursor.accept_word("of") ||
          (head.scheme.type == SchemeType::kInterval && cursor.is(TokenKind::kTimes) &&
           cursor.is(TokenKind::kNumber, 1) && cursor.accept(TokenKind::kTimes)) ||
          (cursor.is(TokenKind::kAt) && head.scheme.type == SchemeType::kInterval) ||
          (cursor.is(TokenKind::kDash) && cursor.peek()->space_before &&
           cursor.accept(TokenKind::kDash));
      // "Tabata V-Ups", "AMRAP 3 Pull-ups, 6 Push-ups" and "For time 21 Thrusters" may name their
      // movements without a colon; the movements must then be there.
      const bool names_directly = head.scheme.type == SchemeType::kTabata ||
                                  head.scheme.type == SchemeType::kAmrap ||
                                  head.scheme.type == SchemeType::kForTime;
      if (!introduced && !names_directly) {
        continue;
      }
      cursor.accept(TokenKind::kColon);
      movement_required = !introduced && head.scheme.type != SchemeType::kTabata;
      sets_phrase = of_follows_head && head.scheme.type == SchemeType::kSets;
      // "3 sets of 10: Dips, Pull-ups" is a movement line with sets and reps, as "3 x 10: Dips,
      // Pull-ups" is.
      if (sets_phrase && at_reps_for_names(cursor)) {
        break;
      }
    }
    // The line is a scheme from here on, unless its movements decide otherwise below, so its value
    // is built in place.
    parsed.kind = LineKind::kScheme;
    SchemeLine& line = parsed.detail.emplace<SchemeLine>();
    finish_scheme(head, line);
    if (!cursor.at_end()) {
      // "EMOM 10: Odd: 5 Power Cleans, Even: 10 Burpees": minutes that alternate after the colon.
      std::optional<MovementLine> alternating;
      if (may_start_window(cursor)) {
        alternating = parse_alternating_line(cursor, context);
      }
      const std::size_t movement_start = cursor.position();
      if (alternating) {
        line.movement = std::move(*alternating);
      } else if (!parse_movement_line(cursor, context, line.movement.emplace()) &&
                 !parse_intensity_then_movement(cursor, context, *line.movement) &&
                 !parse_worded_reps(cursor, context, *line.movement)) {
        // Text the grammar cannot read stays with the scheme as a remark, so that no field loses
        // it: "EMOM 10: 5 Power Cleans, touch and go".
        line.movement.emplace().remark =
            written_text(cursor.line(), context.original, movement_start, cursor.end());
      }
      cursor.reset(cursor.end());
    }
    if (!comment.empty()) {
      line.movement.emplace().remark = comment;
    }
    // "EMOM 12 (alternating): Power Snatch x 2, Pull-ups x 5": movement i runs on minute i of
    // each cycle, as "Min 1: …, Min 2: …" gives.
    if (head.alternating && line.movement) {
      alternate_listed_movements(*line.movement);
    }
    // "For time: 21-15-9": a rep sequence alone after the colon is the scheme's, as in "21-15-9
    // for time", so that the movement lines below take its reps.
    if (line.scheme.type == SchemeType::kForTime && line.movement &&
        line.movement->movements.empty() && !line.movement->rep_scheme.empty() &&
        line.scheme.rep_scheme.empty() && line.movement->remark.empty() &&
        line.movement->intensity.empty()) {
      line.scheme.rep_scheme = std::move(line.movement->rep_scheme);
      line.movement.reset();
    }
    const bool names_movements = line.movement && !line.movement->movements.empty();
    // "3 sets of 8 Goblet Squats" names its movement in the phrase that counts the sets, like
    // "Goblet Squat 3x8": the movement grammar reads it as a movement line with sets.
    if ((movement_required && !names_movements) || (sets_phrase && names_movements)) {
      parsed.kind = LineKind::kNote;
      parsed.detail.emplace<NoteLine>();
      if (sets_phrase) {
        break;
      }
      continue;
    }
    return true;
  }
  cursor.reset(start);
  return false;
}

}  // namespace wodetl::prescription
