#include "transform/prescription/movement_grammar.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "transform/prescription/canonical.hpp"
#include "transform/prescription/keywords.hpp"
#include "transform/prescription/quantities.hpp"
#include "transform/prescription/wave_grammar.hpp"

namespace wodetl::prescription {

namespace {

constexpr std::size_t kMaxNameWords = 10;
constexpr int kMaxTailParts = 32;
constexpr std::size_t kMaxItems = 16;

// Words that end a name because a quantity follows: "x 6 reps each leg".
bool is_name_stop_word(KeywordId word) {
  static constexpr KeywordSet kWords = {"rep",     "reps",    "each",    "ea",    "per",
                                        "rpe",     "set",     "sets",    "round", "rounds",
                                        "singles", "doubles", "triples", "amrap"};
  return kWords.contains(word);
}

// Words a movement name never starts with: "With empty bar", "For a total of 8 rounds", "Max
// reps", and the days of the week, which open date lines such as "TUESDAY 02-04-20".
bool is_leading_connector(KeywordId word) {
  static constexpr KeywordSet kWords = {
      "with",      "for",      "at",     "in",       "of",       "from", "to",     "on",
      "off",       "by",       "and",    "or",       "followed", "then", "monday", "tuesday",
      "wednesday", "thursday", "friday", "saturday", "sunday",   "max"};
  return kWords.contains(word);
}

bool is_unit_word(KeywordId word) {
  static constexpr KeywordSet kWords = {"s",    "sec",    "secs",    "second", "seconds",  "min",
                                        "mins", "minute", "minutes", "m",      "meter",    "meters",
                                        "km",   "ft",     "feet",    "yd",     "yard",     "yards",
                                        "mile", "miles",  "cal",     "cals",   "calories", "lb",
                                        "lbs",  "kg",     "reps",    "rep"};
  return kWords.contains(word);
}

// Reps that the word at the cursor counts: 1 for "single" or "singles", 2 for "double(s)", 3 for
// "triple(s)", 0 for other tokens.
int rep_count_word(const Cursor& cursor) {
  static constexpr KeywordMap<int> kReps = {{"single", 1},  {"singles", 1}, {"double", 2},
                                            {"doubles", 2}, {"triple", 3},  {"triples", 3}};
  return kReps[cursor.keyword()];
}

// Whether the cursor is at "single", "double" or "triple" that counts the reps of the name before
// it, "Snatch single @ 80%", rather than continuing it, "Single Leg RDL", "Double Unders".
bool at_rep_count_word(const Cursor& cursor) {
  return cursor.is_word_in({"single", "double", "triple"}) &&
         (cursor.remaining() == 1 || cursor.is(TokenKind::kAt, 1) ||
          cursor.is(TokenKind::kComma, 1));
}

// Whether the cursor is at "top" or "heavy" before a rep count word that counts the reps of a set:
// "Top single @ 90%", "Heavy double @ 85%". "Heavy single" without a percentage stays a note, as
// the target it names has no lift.
bool at_top_set(const Cursor& cursor) {
  // The count word's keyword is tested first, since most words are followed by none.
  return cursor.is_word_in({"single", "double", "triple"}, 1) &&
         (cursor.word() == "top" || (cursor.is_word("heavy") && cursor.is(TokenKind::kAt, 2))) &&
         at_rep_count_word(Cursor(cursor.line(), cursor.position() + 1, cursor.end()));
}

struct TokenSpan {
  std::size_t first = 0;
  std::size_t last = 0;
};

// Number inside a name, as in "with 3 second pause at knee": the number, an optional unit, and
// then a word that continues the name. Returns how many tokens to take before that word, or 0.
std::size_t number_inside_name(const Cursor& cursor) {
  std::size_t ahead = 1;
  if (cursor.is(TokenKind::kDash, ahead) && !cursor.peek(ahead)->space_before) {
    ++ahead;
  }
  if (is_unit_word(cursor.keyword(ahead)) && !cursor.is_word_in({"reps", "rep"}, ahead)) {
    ++ahead;
  }
  // The word must stand apart and be more than a letter: "8e" and "5 L / 5 R" are sides.
  const std::string_view next = cursor.word(ahead);
  const KeywordId next_keyword = cursor.keyword(ahead);
  // "Snatch 1 single @ 90%": a count of sets of one rep, not part of the name.
  static constexpr KeywordSet kRepCountWords = {"single", "double", "triple"};
  if (next.size() < 2 || !cursor.peek(ahead)->space_before || is_name_stop_word(next_keyword) ||
      is_unit_word(next_keyword) || is_prose_word(next_keyword) ||
      kRepCountWords.contains(next_keyword) || is_leading_connector(next_keyword)) {
    return 0;
  }
  return ahead;
}

// Number of tokens of "build to", "build up to", "work up to" or "work to" at ahead positions past
// the cursor, or 0. These words lead to the top intensity of the sets, never into a name.
std::size_t build_up_words(const Cursor& cursor, std::size_t ahead = 0) {
  static constexpr KeywordSet kVerbs = {"build", "work"};
  if (!cursor.line().may_have_any(kVerbs) || !kVerbs.contains(cursor.keyword(ahead))) {
    return 0;
  }
  if (cursor.is_word("to", ahead + 1)) {
    return 2;
  }
  return cursor.is_word("up", ahead + 1) && cursor.is_word("to", ahead + 2) ? 3 : 0;
}

// Whether word, in normalized form, names a month: "March 9, 2020" is a date, not a movement. The
// first letter picks the few names to compare.
bool is_month_name(std::string_view word) {
  if (word.size() < 3 || word.size() > 9) {
    return false;
  }
  const auto any_of = [word](std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), word) != names.end();
  };
  switch (word.front()) {
    case 'j':
      return any_of({"january", "jan", "june", "jun", "july", "jul"});
    case 'f':
      return any_of({"february", "feb"});
    case 'm':
      return any_of({"march", "mar", "may"});
    case 'a':
      return any_of({"april", "apr", "august", "aug"});
    case 's':
      return any_of({"september", "sep", "sept"});
    case 'o':
      return any_of({"october", "oct"});
    case 'n':
      return any_of({"november", "nov"});
    case 'd':
      return any_of({"december", "dec"});
    default:
      return false;
  }
}

// Whether the "the" at the cursor belongs to a name, as in "Behind the Neck Jerk" and "Clean from
// the Floor": it follows a word of place and another word follows it. Elsewhere "the" is prose.
bool article_in_name(const Cursor& cursor, std::size_t words_before) {
  static constexpr std::string_view kPlaceWords[] = {"behind", "from", "off", "over", "to"};
  if (words_before == 0 || !cursor.is_word("the") || cursor.position() == 0 ||
      !cursor.is(TokenKind::kWord, 1) || is_prose_word(cursor.keyword(1))) {
    return false;
  }
  const TokenizedLine& line = cursor.line();
  const Token& before = line.tokens[cursor.position() - 1];
  return before.kind == TokenKind::kWord &&
         std::find(std::begin(kPlaceWords), std::end(kPlaceWords), line.spelling(before)) !=
             std::end(kPlaceWords);
}

// Bounds of a number written without a % sign that is read as a percentage: "8/6/4/2 @
// 65/70/75/80". Loads in pounds or kilograms are mostly heavier than the upper bound.
constexpr double kMinUnsignedPercent = 30;
constexpr double kMaxUnsignedPercent = 110;

// Largest set count read from "N x M". "Snatch 70x2" is a percentage or a load and two reps
// rather than seventy sets, and "31X1" is a tempo.
constexpr int kMaxLikelySets = 20;

// Number of tokens of a tempo code that starts ahead tokens on: two digits, an "X" and a digit,
// glued ("31X1", "20X0"), whose first number is larger than kMaxLikelySets. After the word "tempo"
// the first number may be smaller, and "3010" or "3-1-1" are codes too. Zero for other text.
std::size_t tempo_code_tokens(const Cursor& cursor, std::size_t ahead, bool after_tempo_word) {
  const Token* first = cursor.peek(ahead);
  if (first == nullptr || first->kind != TokenKind::kNumber) {
    return 0;
  }
  const auto digits = [](const Token& token) { return token.end - token.begin; };
  const Token* times = cursor.peek(ahead + 1);
  const Token* last = cursor.peek(ahead + 2);
  const bool glued = times != nullptr && last != nullptr && times->kind == TokenKind::kTimes &&
                     !times->space_before && last->kind == TokenKind::kNumber &&
                     !last->space_before;
  if (glued && digits(*first) == 2 && digits(*last) == 1 &&
      (after_tempo_word || first->value > kMaxLikelySets)) {
    return 3;
  }
  if (!after_tempo_word) {
    return 0;
  }
  if (digits(*first) == 4) {
    return 1;  // "tempo 3010"
  }
  std::size_t tokens = 1;  // "tempo 3-1-1", "tempo 3-0-1-0"
  while (cursor.is(TokenKind::kDash, ahead + tokens) &&
         cursor.is(TokenKind::kNumber, ahead + tokens + 1) &&
         digits(*cursor.peek(ahead + tokens + 1)) == 1) {
    tokens += 2;
  }
  return digits(*first) == 1 && tokens >= 5 ? tokens : 0;
}

// Number of tokens of "tempo", with a colon after it, before a tempo code; zero for other text.
std::size_t tempo_word_tokens(const Cursor& cursor) {
  if (cursor.word() != "tempo") {
    return 0;
  }
  const std::size_t word = cursor.is(TokenKind::kColon, 1) ? 2 : 1;
  return tempo_code_tokens(cursor, word, true) > 0 ? word : 0;
}

// Reads a movement name. Fails, consuming nothing, on a prose word or a leading connector.
std::optional<TokenSpan> read_name(Cursor& cursor) {
  const std::size_t start = cursor.position();
  // "3- Position Snatch", "1-Arm Row": a number glued to a dash that leads into a word.
  if (cursor.is(TokenKind::kNumber) && cursor.is(TokenKind::kDash, 1) &&
      !cursor.peek(1)->space_before && cursor.is(TokenKind::kWord, 2)) {
    cursor.advance();
    cursor.advance();
  }
  const KeywordId first = cursor.keyword();
  if (!cursor.is(TokenKind::kWord) || is_prose_word(first) || is_leading_connector(first) ||
      is_name_stop_word(first) || at_top_set(cursor) || at_drop_from_top(cursor) ||
      (first == Keyword{"heavy"}.id &&
       at_rep_count_word(Cursor(cursor.line(), cursor.position() + 1, cursor.end()))) ||
      (first == kNoKeyword && cursor.is(TokenKind::kNumber, 1) && is_month_name(cursor.word())) ||
      (first == kNoKeyword && (back_off_words(cursor) > 0 || tempo_word_tokens(cursor) > 0 ||
                               (cursor.remaining() == 1 && cursor.word() == "alternating")))) {
    cursor.reset(start);
    return std::nullopt;
  }

  std::size_t words = 0;
  std::size_t last_word_end = start;
  while (const Token* token = cursor.peek()) {
    if (token->kind == TokenKind::kWord) {
      const KeywordId word = token->keyword;
      const bool quantity_follows =
          cursor.is(TokenKind::kNumber, 1) || cursor.is(TokenKind::kTime, 1);
      // "Thrusters Men 205, Women 145": the loads for men and women follow the name.
      static constexpr KeywordSet kGenderWords = {"men", "male"};
      const bool gendered_load =
          (kGenderWords.contains(word) || (word == kNoKeyword && cursor.word() == "men's")) &&
          (quantity_follows || cursor.is(TokenKind::kColon, 1));
      // "10 DB Rows e/s", "10 Lunges e.s.": "e/s" or "e.s." after the name is each side.
      const bool each_side =
          words > 0 && cursor.word() == "e" &&
          (cursor.is(TokenKind::kSlash, 1) || cursor.is(TokenKind::kPeriod, 1)) &&
          cursor.is_word("s", 2);
      if (is_name_stop_word(word) || gendered_load || each_side ||
          (quantity_follows && cursor.is_word_in({"for", "at", "of", "in"})) ||
          build_up_words(cursor) != 0 || (words > 0 && at_rep_count_word(cursor))) {
        break;
      }
      if ((is_prose_word(word) && !article_in_name(cursor, words)) || words == kMaxNameWords) {
        cursor.reset(start);
        return std::nullopt;
      }
      cursor.advance();
      ++words;
      last_word_end = cursor.position();
      continue;
    }
    // A slash with spaces around it separates names, as in "Push-ups / Sit-ups".
    const bool connector = token->kind == TokenKind::kDash ||
                           token->kind == TokenKind::kAmpersand ||
                           (token->kind == TokenKind::kSlash && !cursor.is_spaced_slash());
    if (connector && cursor.is(TokenKind::kWord, 1) &&
        !(token->kind == TokenKind::kSlash && cursor.is_word_in({"side", "leg", "arm"}, 1))) {
      cursor.advance();
      continue;
    }
    if (token->kind == TokenKind::kNumber && words > 0) {
      const std::size_t number_tokens = number_inside_name(cursor);
      if (number_tokens == 0) {
        break;
      }
      for (std::size_t index = 0; index < number_tokens; ++index) {
        cursor.advance();
      }
      continue;
    }
    break;
  }
  // "Five sets of three @ 80%": a number word alone counts reps, and names nothing.
  static constexpr KeywordSet kNumberWords = {"one", "two",   "three", "four", "five",
                                              "six", "seven", "eight", "nine", "ten"};
  if (words == 0 || (words == 1 && last_word_end == start + 1 && kNumberWords.contains(first))) {
    cursor.reset(start);
    return std::nullopt;
  }
  cursor.reset(last_word_end);
  return TokenSpan{start, last_word_end};
}

void set_names(Movement& movement, const Cursor& cursor, TokenSpan span,
               const GrammarContext& context) {
  movement.name = written_text(cursor.line(), context.original, span.first, span.last);
  assign_canonical_name(movement.canonical, normalized_text(cursor.line(), span.first, span.last),
                        context.vocabulary);
}

void append_remark(MovementLine& line, std::string_view text) {
  if (text.empty()) {
    return;
  }
  if (!line.remark.empty()) {
    line.remark += ' ';
  }
  line.remark += text;
}

// "Back Squat 4x5 @ 60% 31X1", "…, tempo 30X1": a tempo code, kept as written in the remark.
bool read_tempo(Cursor& cursor, MovementLine& line, const GrammarContext& context) {
  const std::size_t start = cursor.position();
  const std::size_t word = tempo_word_tokens(cursor);
  const std::size_t code = tempo_code_tokens(cursor, word, word > 0);
  if (code == 0) {
    return false;
  }
  const std::size_t end = start + word + code;
  append_remark(line, written_text(cursor.line(), context.original, start, end));
  cursor.reset(end);
  return true;
}

// Warns that numbers written without a % sign or a unit, "@ 95" or the "80" of "3 x 3 x 80", give
// the line no percentage and no load.
void warn_unread_number(MovementLine& line, std::string_view written) {
  append_warning(line, "reads no percentage or load from \"" + std::string(written) +
                           "\": write a % sign or a unit");
}

void merge_intensity(Intensity& into, Intensity&& from) {
  if (from.percent) {
    into.percent = from.percent;
    into.at_least = from.at_least;
  }
  if (from.of) {
    into.of = std::move(from.of);
  }
  if (from.rpe) {
    into.rpe = from.rpe;
  }
}

// [count ["x"]] name: one element of a complex, "Front Squat", "2 Front Squats", "2 x OHS",
// appended to movements (built in place, as moving a Movement moves its two strings).
bool read_element(Cursor& cursor, const GrammarContext& context, std::vector<Movement>& movements) {
  const std::size_t start = cursor.position();
  const auto count = read_count(cursor);
  if (count) {
    cursor.accept(TokenKind::kTimes);
  }
  const auto name = read_name(cursor);
  if (!name) {
    cursor.reset(start);
    return false;
  }
  Movement& movement = movements.emplace_back();
  set_names(movement, cursor, *name, context);
  movement.count = count;
  return true;
}

struct Group {
  std::vector<Movement> movements;
  bool bracketed = false;
};

// Makes room for the movements of a complex before its second one is read, so that the vector
// does not grow one movement at a time. A single movement keeps its exact allocation.
void reserve_for_complex(std::vector<Movement>& movements) {
  if (movements.size() == 1) {
    movements.reserve(4);
  }
}

// "(Snatch + Hip Snatch)", "[Deadlift + Row]", "Slow Pull Power Clean + Power Jerk", "Back Squat".
std::optional<Group> read_group(Cursor& cursor, const GrammarContext& context) {
  const std::size_t start = cursor.position();
  Group group;
  if (cursor.accept(TokenKind::kOpen)) {
    group.bracketed = true;
    do {
      reserve_for_complex(group.movements);
      if (group.movements.size() == kMaxItems || !read_element(cursor, context, group.movements)) {
        cursor.reset(start);
        return std::nullopt;
      }
    } while (cursor.accept(TokenKind::kPlus));
    if (group.movements.size() < 2 || !cursor.accept(TokenKind::kClose)) {
      cursor.reset(start);  // a parenthetical remark, not a complex
      return std::nullopt;
    }
    return group;
  }

  const auto first = read_name(cursor);
  if (!first) {
    return std::nullopt;
  }
  set_names(group.movements.emplace_back(), cursor, *first, context);
  while (group.movements.size() < kMaxItems) {
    const std::size_t before_plus = cursor.position();
    if (!cursor.accept(TokenKind::kPlus)) {
      break;
    }
    reserve_for_complex(group.movements);
    if (!read_element(cursor, context, group.movements)) {
      cursor.reset(before_plus);
      break;
    }
  }
  return group;
}

// Reps after a count: "rep", "reps", "+" for at least, "e" for each side.
void read_reps_suffix(Cursor& cursor, bool& reps_at_least, bool& per_side) {
  if (cursor.is(TokenKind::kPlus) && !cursor.peek()->space_before) {
    cursor.advance();
    reps_at_least = true;
  }
  if (cursor.is_word_in({"e", "ea"}) && !cursor.peek()->space_before) {
    cursor.advance();
    per_side = true;
  }
  cursor.accept_word_in({"rep", "reps"});
}

void read_reps_suffix(Cursor& cursor, MovementLine& line) {
  read_reps_suffix(cursor, line.reps_at_least, line.per_side);
}

// Whether the tail read something that makes the line a prescription.
struct TailState {
  bool strong = false;  //!< a quantity or intensity was read
  bool marked = false;  //!< an "x", "@" or sets x reps was read, so leftovers are remarks
  bool rx_load = false;  //!< the line's load is the one that "(Rx)" marks
  //! Token index after the "+" of "5-3-1+", whose last set is for as many reps as possible; 0 for
  //! none.
  std::size_t last_at_least_end = 0;
};

// Gives line the load that read_tail read, the cursor past it. A bracket after the load may name
// its tier: in "225/155 lb (Rx), 185/125 lb (Scaled)" the Rx load is the line's whichever comes
// first, and another tier's load is kept only when the line has no load yet. The bracket stays
// for the remark.
void take_load(const Cursor& cursor, MovementLine& line, TailState& state, Quantity&& load) {
  state.strong = true;
  const std::optional<bool> tier = marked_tier(cursor);
  if (state.rx_load || (tier == false && line.load)) {
    return;
  }
  line.load = std::move(load);
  state.rx_load = tier == true;
}

// Quantity that an "x" leads to: the ":30" of "5 x :30", the "400m" of "Row x 500m", the "8-10" of
// "3 x 8-10". Writes the one it reads into seconds, distance or reps, and returns which; the
// caller reads what may follow a count.
enum class TimesQuantity { kNone, kSeconds, kDistance, kReps };

TimesQuantity read_quantity_after_times(Cursor& cursor, std::optional<int>& seconds,
                                        std::optional<Quantity>& distance,
                                        std::optional<CountRange>& reps) {
  if (const auto duration = read_duration(cursor)) {
    seconds = duration;
    return TimesQuantity::kSeconds;
  }
  if (auto read = read_distance(cursor)) {
    distance = read;
    return TimesQuantity::kDistance;
  }
  // "KB Swings 2 x 32kg": a load after the "x" is no count of reps.
  if (Cursor probe = cursor; read_load(probe)) {
    return TimesQuantity::kNone;
  }
  if (const auto count = read_count_range(cursor)) {
    reps = count;
    return TimesQuantity::kReps;
  }
  // "Snatch 5 x single", "Clean 4 x triples @ 70%": the reps in a word, unless it starts a name
  // ("3 x Single Leg RDL").
  if (const int count = rep_count_word(cursor); count > 0 && !cursor.is(TokenKind::kWord, 1)) {
    cursor.advance();
    reps = CountRange{count, count};
    return TimesQuantity::kReps;
  }
  return TimesQuantity::kNone;
}

bool read_complex_counts(Cursor& cursor, MovementLine& line);

// "5x5", "3 x 8-10", "4 x 400m", "5 x :30", and "2 x 5 sets", where "sets" marks the second count
// as the sets.
bool read_sets_by_reps(Cursor& cursor, MovementLine& line) {
  const std::size_t start = cursor.position();
  auto sets = read_count_range(cursor);
  if (!sets || sets->max > kMaxLikelySets || !cursor.accept(TokenKind::kTimes)) {
    cursor.reset(start);
    return false;
  }
  // "Pull-ups 3 x max": sets of as many reps as possible; "max" stays for the remark.
  if (cursor.is_word("max")) {
    line.sets = sets;
    return true;
  }
  // "Clean + Jerk 5 x 1+2": sets, then the count of each movement of the complex.
  if (read_complex_counts(cursor, line)) {
    line.sets = sets;
    return true;
  }
  const TimesQuantity read =
      read_quantity_after_times(cursor, line.duration_seconds, line.distance, line.reps);
  if (read == TimesQuantity::kNone) {
    cursor.reset(start);
    return false;
  }
  if (read == TimesQuantity::kReps) {
    if (cursor.accept_word_in({"set", "sets"})) {
      std::swap(*sets, *line.reps);
    } else {
      read_reps_suffix(cursor, line);
    }
  }
  line.sets = sets;
  return true;
}

// "1+2" after the "x" of a complex, "Clean + Jerk x 1+2": one count for each of its movements, as
// "1 Clean + 2 Jerks" gives. Returns false, consuming nothing, when the counts do not match the
// movements one for one or a movement has a count already.
bool read_complex_counts(Cursor& cursor, MovementLine& line) {
  const std::size_t start = cursor.position();
  const bool bracketed = cursor.is(TokenKind::kOpen);  // "x (1+2)"
  if (line.grouping != Grouping::kComplex || line.movements.size() > kMaxItems ||
      !cursor.is(TokenKind::kNumber, bracketed ? 1 : 0) ||
      !cursor.is(TokenKind::kPlus, bracketed ? 2 : 1)) {
    return false;
  }
  if (bracketed) {
    cursor.advance();
  }
  // Counts that the names or an earlier group gave may be written again, as each group of
  // "Clean + Jerk: 75% 2x(1+1), 80% 2x(1+1)" does; other counts would contradict them.
  std::array<int, kMaxItems> counts{};
  for (std::size_t index = 0; index < line.movements.size(); ++index) {
    const std::optional<int> count =
        index == 0 || cursor.accept(TokenKind::kPlus) ? read_count(cursor) : std::nullopt;
    const std::optional<int>& known = line.movements[index].count;
    if (!count || *count < 1 || (known && *known != *count)) {
      cursor.reset(start);
      return false;
    }
    counts[index] = *count;
  }
  if (cursor.is(TokenKind::kPlus) || (bracketed && !cursor.accept(TokenKind::kClose))) {
    cursor.reset(start);
    return false;
  }

  for (std::size_t index = 0; index < line.movements.size(); ++index) {
    line.movements[index].count = counts[index];
  }
  cursor.accept_word_in({"rep", "reps"});
  // "x 1+1 x 4": four sets of the complex.
  if (cursor.is(TokenKind::kTimes) && cursor.is(TokenKind::kNumber, 1) &&
      !cursor.is(TokenKind::kPercent, 2)) {
    cursor.advance();
    line.sets = read_count_range(cursor);
    cursor.accept_word_in({"set", "sets"});
  }
  return true;
}

// "x 5", "x 5-6 reps", "x 40 seconds", "x 400 meters", "x 5-4-3-2-1", "x 5x5", "x 1+2" after a
// complex.
bool read_times_quantity(Cursor& cursor, MovementLine& line) {
  const std::size_t start = cursor.position();
  if (!cursor.accept(TokenKind::kTimes)) {
    return false;
  }
  if (read_complex_counts(cursor, line)) {
    return true;
  }
  if (const auto seconds = read_duration(cursor)) {
    line.duration_seconds = seconds;
    return true;
  }
  if (auto distance = read_distance(cursor)) {
    line.distance = distance;
    return true;
  }
  if (auto calories = read_calories(cursor)) {
    line.calories = calories;
    return true;
  }
  if (auto sequence = read_rep_sequence(cursor); !sequence.empty()) {
    const int count = static_cast<int>(sequence.size());
    line.sets = CountRange{count, count};
    line.rep_scheme = std::move(sequence);
    return true;
  }
  if (read_sets_by_reps(cursor, line)) {
    // "Back Squat x 5x5": sets and reps. "Snatch x 2 x 5" may mean either order, since coaches
    // write both, so two different counts give a warning that names the order read.
    const bool worded = cursor.line().tokens[cursor.position() - 1].kind == TokenKind::kWord;
    if (!worded && line.sets && line.reps && line.sets->max != line.reps->max &&
        line.rep_scheme.empty()) {
      append_warning(line,
                     "reads the two counts after the name as " + std::to_string(line.sets->max) +
                         " sets of " + std::to_string(line.reps->max) +
                         " reps; write \"sets\" or \"reps\" after a count if the order is the "
                         "other");
    }
    return true;
  }
  if (const auto reps = read_count_range(cursor)) {
    if (cursor.accept_word_in({"set", "sets"})) {
      line.sets = reps;
      return true;
    }
    line.reps = reps;
    read_reps_suffix(cursor, line);
    return true;
  }
  cursor.reset(start);
  return false;
}

// "5 reps", "3+ reps", "3+ @ 85%", "3 @ 80%", "8e", "5 L / 5 R", "4-6 sets of 1-3 reps".
bool read_counted(Cursor& cursor, MovementLine& line) {
  const std::size_t start = cursor.position();
  const auto count = read_count_range(cursor);
  if (!count) {
    return false;
  }
  if (cursor.accept_word_in({"set", "sets"})) {
    line.sets = count;
    const std::size_t after_sets = cursor.position();
    if (cursor.accept_word("of") || cursor.accept(TokenKind::kTimes)) {
      if (const auto reps = read_count_range(cursor)) {
        line.reps = reps;
        read_reps_suffix(cursor, line);
      } else {
        cursor.reset(after_sets);
      }
    }
    return true;
  }
  // "6 singles", "5 doubles": sets of one or two reps. A singular word before another word starts
  // a name: "30 Double Unders", "3 Single Leg RDL".
  const bool starts_name = cursor.is_word_in({"single", "double", "triple"}) &&
                           cursor.is(TokenKind::kWord, 1) && !cursor.is_word_in({"at", "of"}, 1);
  if (const int reps = rep_count_word(cursor); !starts_name && reps > 0) {
    cursor.advance();
    line.sets = count;
    line.reps = CountRange{reps, reps};
    return true;
  }
  if (cursor.is_word_in({"l", "left"}) && cursor.is(TokenKind::kSlash, 1) &&
      cursor.is(TokenKind::kNumber, 2) && cursor.is_word_in({"r", "right"}, 3)) {
    for (int skipped = 0; skipped < 4; ++skipped) {
      cursor.advance();
    }
    line.reps = count;
    line.per_side = true;
    return true;
  }
  const bool glued_side = cursor.is_word_in({"e", "ea"}) && !cursor.peek()->space_before;
  const bool reps_word = cursor.is_word_in({"rep", "reps"}) ||
                         (cursor.is(TokenKind::kPlus) && cursor.is_word_in({"rep", "reps"}, 1));
  // "Back Squat 3+ @ 85%": as many reps as possible, at least 3.
  const bool at_least = cursor.is(TokenKind::kPlus) && !cursor.peek()->space_before &&
                        (cursor.remaining() == 1 || cursor.is(TokenKind::kAt, 1));
  // "5 sets of 3 @ 80%", "Snatch 3 @ 80%": a count before an intensity is reps.
  const bool before_intensity = cursor.is(TokenKind::kAt);
  if (!glued_side && !reps_word && !at_least && !before_intensity) {
    cursor.reset(start);
    return false;
  }
  line.reps = count;
  read_reps_suffix(cursor, line);
  return true;
}

// "(Light)", "(Sots Press)", "(95/65)", "(Men 95, Women 65)", "(each side)"; "(up to) 85%" is read
// by read_intensity.
bool read_parenthetical(Cursor& cursor, MovementLine& line, const GrammarContext& context) {
  const std::size_t close = matching_close(cursor);
  if (close == 0) {
    return false;
  }
  const std::size_t open = cursor.position();
  Cursor inner(cursor.line(), open + 1, close);
  if (auto load = read_load(inner, true); load && inner.at_end()) {
    line.load = load;
  } else if (inner.reset(open + 1); (load = read_gendered_load(inner)) && inner.at_end()) {
    line.load = load;
  } else if (inner.reset(open + 1); (load = read_tiered_load(inner)) && !line.load) {
    // "(Mx 75/55, Rx 95/65, Rx+ 115/75)": the Rx load, and the tiers as written in the remark.
    line.load = load;
    append_remark(line, written_text(cursor.line(), context.original, open, close + 1));
  } else if (inner.reset(open + 1); read_side(inner) && inner.at_end()) {
    line.per_side = true;
  } else if (inner.reset(open + 1); inner.at_end()) {
    // "()" adds nothing
  } else {
    inner.reset(open + 1);
    auto intensity = read_intensity(inner, context);
    std::optional<RmRef> of;
    if (intensity && inner.at_end()) {
      merge_intensity(line.intensity, std::move(*intensity));
    } else if (inner.reset(open + 1); line.intensity.percent && !line.intensity.of &&
                                      read_of_clause(inner, context, of) && inner.at_end()) {
      line.intensity.of = std::move(of);  // "@ 80% (of Back Squat)"
    } else {
      append_remark(line, written_text(cursor.line(), context.original, open, close + 1));
    }
  }
  cursor.reset(close + 1);
  return true;
}

// Whether the tokens from the cursor to its end hold two "@", as a wave after a name must: one
// for each of at least two steps.
bool may_hold_wave(const Cursor& cursor) {
  int ats = 0;
  for (std::size_t index = cursor.position(); index < cursor.end() && ats < 2; ++index) {
    ats += cursor.line().tokens[index].kind == TokenKind::kAt ? 1 : 0;
  }
  return ats == 2;
}

// A wave after the name: "x 4@70%, 3@76%", ": 4@70% 3@76%", "70% x 2, 75% x 2". It needs two
// steps, since one step of reps and an intensity is read by the other tail rules, but "75% x 2 x 3"
// counts as three. Steps that are all the same become the line's reps and intensity, so "75% x 2 x
// 3" reads as "3 x 2 @ 75%".
bool read_line_wave(Cursor& cursor, const GrammarContext& context, MovementLine& line) {
  if (!line.steps.empty()) {
    return false;
  }
  const std::size_t start = cursor.position();
  cursor.accept(TokenKind::kTimes);
  if (!read_wave(cursor, context, 2, line.steps)) {
    cursor.reset(start);
    return false;
  }
  const int count = static_cast<int>(line.steps.size());
  if (!line.sets) {
    line.sets = CountRange{count, count};
  }
  const IntensityStep& first = line.steps.front();
  const bool same = std::all_of(line.steps.begin(), line.steps.end(),
                                [&first](const IntensityStep& step) { return step == first; });
  if (same && !line.reps && line.intensity.empty()) {
    line.reps = first.reps;
    line.reps_at_least = first.reps_at_least;
    line.intensity = first.intensity;
    line.steps.clear();
  }
  return true;
}

// Index of the quote that closes the one at the cursor ('"' or "'", straight or curly), or 0 when
// the line has none or the quotes hold nothing.
std::size_t closing_quote(const Cursor& cursor) {
  const Token* open = cursor.peek();
  if (open == nullptr || (open->kind != TokenKind::kInch && open->kind != TokenKind::kFoot)) {
    return 0;
  }
  for (std::size_t index = cursor.position() + 1; index < cursor.end(); ++index) {
    if (cursor.line().tokens[index].kind == open->kind) {
      return index > cursor.position() + 1 ? index : 0;
    }
  }
  return 0;
}

// A quoted phrase after the name, 'Power Snatch "touch and go" x 3', kept as a remark with its
// quotes. Quotes after a number are feet and inches, which read_distance takes first.
bool read_quoted_remark(Cursor& cursor, MovementLine& line, const GrammarContext& context) {
  const std::size_t close = closing_quote(cursor);
  if (close == 0) {
    return false;
  }
  append_remark(line, written_text(cursor.line(), context.original, cursor.position(), close + 1));
  cursor.reset(close + 1);
  return true;
}

// Whether the tokens ahead positions from the cursor are sets x reps: a number, "x", a number.
bool at_sets_by_reps(const Cursor& cursor, std::size_t ahead = 0) {
  return cursor.is(TokenKind::kNumber, ahead) && cursor.is(TokenKind::kTimes, ahead + 1) &&
         cursor.is(TokenKind::kNumber, ahead + 2);
}

// Whether the cursor is at a count of sets for as many reps as possible: "1 x AMRAP", "1xAMRAP".
bool at_amrap_set(const Cursor& cursor, std::size_t ahead = 0) {
  return cursor.is(TokenKind::kNumber, ahead) &&
         ((cursor.is(TokenKind::kTimes, ahead + 1) && cursor.word(ahead + 2) == "amrap") ||
          cursor.word(ahead + 1) == "xamrap");
}

// Whether the part from the cursor to the next comma states a percentage: "2x2 @ 75%", "1 set @
// 70%". After a comma, such a part starts a new group of sets rather than adding to the last one,
// as "3 sets" in "Snatch x 3 @ 70%, 3 sets" does.
bool part_states_percent(const Cursor& cursor) {
  for (std::size_t ahead = 0; ahead < cursor.remaining(); ++ahead) {
    const TokenKind kind = cursor.peek(ahead)->kind;
    if (kind == TokenKind::kComma) {
      return false;
    }
    if (kind == TokenKind::kPercent) {
      return true;
    }
  }
  return false;
}

// Groups of sets written one after the other on a line, each with its own percentage: "Snatch 2x2
// @ 70%, 2x2 @ 75%", "1 set @ 70%, 3 sets @ 80%", and percentages listed for the sets of one group,
// "Back Squat 5-5-5 @ 70%, 75%, 80%". Without them a later percentage would replace an earlier one.
struct SetGroups {
  std::vector<IntensityStep> steps;  //!< the sets of the groups read so far, one step a set
  std::vector<Range> more_percents;  //!< percentages after the current group's first one
  //! The last group is apart from the sets before it, and its percentage stays its own: a "last
  //! set", or a group after "then" or back-off words ("Push Press 3-3-3, then 3 x 8 @ 60%").
  bool last_set_apart = false;
};

// Whether the sequence varies within its first period numbers and then repeats them: "3-2-1-3-2-1"
// every 3, and not "5-5-5-5" every 2, which repeats any period.
bool repeats_every(const std::vector<int>& sequence, std::size_t period) {
  if (std::all_of(sequence.begin(), sequence.begin() + static_cast<std::ptrdiff_t>(period),
                  [&](int reps) { return reps == sequence.front(); })) {
    return false;
  }
  for (std::size_t index = period; index < sequence.size(); ++index) {
    if (sequence[index] != sequence[index - period]) {
      return false;
    }
  }
  return true;
}

// Moves the current group of line, its sets, reps, rep sequence, intensity or steps, into groups as
// one step a set. The i-th listed percentage goes to set i, and the last one to the sets after it,
// unless the rep sequence repeats with the percentages' period, which then repeat too.
void flush_set_group(MovementLine& line, SetGroups& groups) {
  if (!line.steps.empty()) {
    for (IntensityStep& step : line.steps) {
      groups.steps.push_back(std::move(step));
    }
    line.steps.clear();
  } else {
    const std::size_t percents = line.intensity.percent ? 1 + groups.more_percents.size() : 0;
    std::size_t count = !line.rep_scheme.empty() ? line.rep_scheme.size()
                        : line.sets              ? static_cast<std::size_t>(line.sets->max)
                                                 : std::max<std::size_t>(percents, 1);
    // "Snatch 3-2-1-3-2-1 @ 75-80-85%": a rep sequence that repeats with as many sets as there are
    // percentages repeats the percentages with it.
    const bool cycles = percents > 1 && count > percents && count % percents == 0 &&
                        line.rep_scheme.size() == count && repeats_every(line.rep_scheme, percents);
    if (percents > 1 && percents != count && !cycles) {
      append_warning(
          line,
          "lists " + std::to_string(percents) + " percentages for " + std::to_string(count) +
              (count == 1 ? " set: " : " sets: ") +
              (percents > count
                   ? "the percentages past set " + std::to_string(count) + " are left out"
                   : "the sets after set " + std::to_string(percents) + " repeat the last one"));
    }
    count = std::min(count, kMaxWaveSteps - std::min(kMaxWaveSteps, groups.steps.size()));
    for (std::size_t index = 0; index < count; ++index) {
      IntensityStep step;
      step.reps = index < line.rep_scheme.size()
                      ? CountRange{line.rep_scheme[index], line.rep_scheme[index]}
                      : line.reps;
      step.reps_at_least = line.reps_at_least;
      step.intensity = line.intensity;
      const std::size_t listed = cycles ? index % percents : index;
      if (listed > 0 && !groups.more_percents.empty()) {
        step.intensity.percent =
            groups.more_percents[std::min(listed, groups.more_percents.size()) - 1];
      }
      groups.steps.push_back(std::move(step));
    }
  }
  line.sets.reset();
  line.reps.reset();
  line.reps_at_least = false;
  line.rep_scheme.clear();
  line.intensity = Intensity{};
  groups.more_percents.clear();
}

// After the last part: when the line had several groups or listed percentages, its sets become
// steps, one a set. A reference only the last group names is the earlier groups' too, as in a
// wave.
void finish_set_groups(MovementLine& line, SetGroups& groups) {
  if (groups.steps.empty() && groups.more_percents.empty()) {
    return;
  }
  const bool current_group = line.intensity.percent || line.reps || line.sets ||
                             !line.rep_scheme.empty() || !line.steps.empty();
  if (current_group) {
    flush_set_group(line, groups);
  }
  // A group that states no reps or reference takes those of the group before it: "Snatch x 2 @
  // 75% of 1-RM Snatch, @ 80%" is two reps at 80% of the snatch too.
  for (std::size_t index = 1; index < groups.steps.size(); ++index) {
    IntensityStep& step = groups.steps[index];
    const IntensityStep& previous = groups.steps[index - 1];
    if (!step.reps) {
      step.reps = previous.reps;
      step.reps_at_least = previous.reps_at_least;
    }
    if (!step.intensity.of) {
      step.intensity.of = previous.intensity.of;
    }
  }
  const std::optional<RmRef> last_reference = groups.steps.back().intensity.of;
  for (IntensityStep& step : groups.steps) {
    if (!step.intensity.of) {
      step.intensity.of = last_reference;
    }
  }
  // "Clean 2x3, 2x2, 2x1 @ 80%": a percentage that only the last group states is the earlier
  // groups' too.
  const Intensity last_intensity = groups.steps.back().intensity;
  const auto first_marked =
      std::find_if(groups.steps.begin(), groups.steps.end(),
                   [](const IntensityStep& step) { return step.intensity.percent.has_value(); });
  const bool only_last =
      !groups.last_set_apart && last_intensity.percent && first_marked != groups.steps.begin() &&
      std::all_of(first_marked, groups.steps.end(),
                  [&](const IntensityStep& step) { return step.intensity == last_intensity; });
  if (only_last) {
    for (auto step = groups.steps.begin(); step != first_marked; ++step) {
      step->intensity = last_intensity;
    }
  }
  const int count = static_cast<int>(groups.steps.size());
  line.sets = CountRange{count, count};
  line.steps = std::move(groups.steps);
}

// "Deadlift 3 x 5, last set 5+ @ 80%", "Bench Press 3x8 @ 70%, final set AMRAP", "…, last set @
// 85%": the group's last set on its own terms, with the cursor after the comma. The phrase states
// reps ("5+", "AMRAP" or "max reps" for at least the group's reps), an intensity, or both, and
// ends the line or comes before a comma. Moves the group's other sets into groups and adds the
// last set as a step of its own, which keeps the group's reps and intensity where the phrase
// states none. Returns false, consuming nothing, for other text or a group of fewer than two sets
// of known reps.
bool read_last_set(Cursor& cursor, const GrammarContext& context, MovementLine& line,
                   SetGroups& groups) {
  if ((cursor.word() != "last" && cursor.word() != "final") || !cursor.is_word("set", 1) ||
      !line.steps.empty() || !groups.more_percents.empty()) {
    return false;
  }
  const bool fixed_sets = line.sets && line.sets->min == line.sets->max;
  const std::size_t set_count = !line.rep_scheme.empty() ? line.rep_scheme.size()
                                : fixed_sets             ? static_cast<std::size_t>(line.sets->max)
                                                         : 0;
  if (set_count < 2 || (!line.reps && line.rep_scheme.empty())) {
    return false;
  }

  const std::size_t start = cursor.position();
  cursor.reset(start + 2);
  if (!cursor.accept(TokenKind::kColon) && !cursor.accept(TokenKind::kEquals)) {
    cursor.accept_word("is");
  }
  IntensityStep last;
  last.reps = !line.rep_scheme.empty() ? CountRange{line.rep_scheme.back(), line.rep_scheme.back()}
                                       : line.reps;
  last.reps_at_least = line.reps_at_least;
  bool stated = false;
  if (cursor.is(TokenKind::kNumber) ||
      (cursor.is(TokenKind::kTimes) && cursor.is(TokenKind::kNumber, 1))) {
    cursor.accept(TokenKind::kTimes);
    last.reps = read_count_range(cursor);
    last.reps_at_least = cursor.accept(TokenKind::kPlus);
    cursor.accept_word_in({"rep", "reps"});
    stated = last.reps.has_value();
  } else if (cursor.accept_word("amrap") || cursor.accept_words({"max", "reps"})) {
    last.reps_at_least = true;
    stated = true;
  }
  Intensity intensity;
  const bool has_intensity = read_intensity(cursor, context, intensity);
  if ((!stated && !has_intensity) || !last.reps ||
      !(cursor.at_end() || cursor.is(TokenKind::kComma))) {
    cursor.reset(start);
    return false;
  }
  last.intensity = line.intensity;
  if (has_intensity) {
    if (!intensity.of) {
      intensity.of = line.intensity.of;
    }
    last.intensity = std::move(intensity);
  }

  if (!line.rep_scheme.empty()) {
    line.rep_scheme.pop_back();
  } else {
    const int earlier = static_cast<int>(set_count) - 1;
    line.sets = CountRange{earlier, earlier};
  }
  flush_set_group(line, groups);
  groups.steps.push_back(std::move(last));
  groups.last_set_apart = true;
  return true;
}

// Whether the numbers of a percentage sequence that no '%' ends, "Back Squat 8/6/4/2 @
// 65/70/75/80", "Back Squat 3 x 5 @ 70/75/80", are percentages. They must be one for each set of
// the line's rep sequence or set count, each from kMinUnsignedPercent to kMaxUnsignedPercent,
// with nothing but a comment or an "of" clause after them. Loads written the same way, "5/3/1 @
// 135/155/175", are heavier than the bound.
bool unsigned_percents(const Cursor& cursor, const MovementLine& line,
                       const std::vector<Range>& percents) {
  const std::size_t sets = !line.rep_scheme.empty() ? line.rep_scheme.size()
                           : line.sets && line.sets->min == line.sets->max
                               ? static_cast<std::size_t>(line.sets->max)
                               : 0;
  if (sets != percents.size()) {
    return false;
  }
  const bool plausible = std::all_of(percents.begin(), percents.end(), [](const Range& percent) {
    return percent.min >= kMinUnsignedPercent && percent.min <= kMaxUnsignedPercent;
  });
  return plausible && (cursor.at_end() || cursor.is(TokenKind::kComma) ||
                       cursor.is(TokenKind::kOpen) || cursor.is_word("of"));
}

// "@ 60-65-70-75-80%", "@ 90/95/100%", "@ 90%/95%/100%", "@ 75, 80, 85%": a percentage for each
// set, with at least three when dashes join them. The first goes to line and the others to
// groups, so that the line's sets become one step each. A line of percentages alone,
// "70-75-80%" or "70%/75%/80%" under "Deadlift 5-5-3", needs no "@" (unmarked). Returns false,
// consuming nothing, for other text.
bool read_percent_sequence(Cursor& cursor, const GrammarContext& context, MovementLine& line,
                           SetGroups& groups, bool unmarked = false) {
  const std::size_t start = cursor.position();
  // "Clean 4 x 2 - 75/80%": a spaced dash where "@" would be.
  const bool at =
      cursor.accept(TokenKind::kAt) || (cursor.is_spaced_dash() && cursor.accept(TokenKind::kDash));
  if ((!at && !unmarked) || !cursor.is(TokenKind::kNumber)) {
    cursor.reset(start);
    return false;
  }
  // The separator is the token after the first number, or after its '%' in "90%/95%/100%".
  const bool marked_each = cursor.is(TokenKind::kPercent, 1);
  const Token* separator = cursor.peek(marked_each ? 2 : 1);
  const TokenKind kind = separator != nullptr ? separator->kind : TokenKind::kOther;
  if (kind != TokenKind::kDash && kind != TokenKind::kSlash && kind != TokenKind::kComma) {
    cursor.reset(start);
    return false;
  }
  // A dash sequence needs three numbers (see least below): "@ 60-65%", the commonest case, is a
  // range, turned away here before the list is built.
  if (kind == TokenKind::kDash && !marked_each &&
      !(cursor.is(TokenKind::kDash, 3) && cursor.is(TokenKind::kNumber, 4))) {
    cursor.reset(start);
    return false;
  }
  std::vector<Range> percents;
  while (cursor.is(TokenKind::kNumber) && cursor.peek()->value <= 1000) {
    // "@ 70% / 2x1 @ 80%": after a marked percentage, a number without a sign starts other text.
    if (marked_each && !cursor.is(TokenKind::kPercent, 1)) {
      break;
    }
    const double value = cursor.advance().value;
    percents.push_back(Range{value, value});
    if (marked_each) {
      cursor.advance();
    }
    if (!cursor.is(kind) || !cursor.is(TokenKind::kNumber, 1)) {
      break;
    }
    cursor.advance();
  }
  // Two numbers joined by a dash are a range ("@ 70-75%"), and "@ 70%, 75%" is read by the comma
  // rule of read_tail.
  const std::size_t least = kind == TokenKind::kDash ? 3 : 2;
  const bool signed_sequence =
      marked_each ? kind != TokenKind::kComma : cursor.accept(TokenKind::kPercent);
  const bool unsigned_sequence =
      !signed_sequence && !marked_each && unsigned_percents(cursor, line, percents);
  if (percents.size() < least || !(signed_sequence || unsigned_sequence) ||
      line.intensity.percent) {
    cursor.reset(start);
    return false;
  }
  if (unsigned_sequence) {
    append_warning(line, "reads " +
                             std::string(written_text(cursor.line(), context.original, start + 1,
                                                      cursor.position())) +
                             " as percentages, since no % sign follows them");
  }
  line.intensity.percent = percents.front();
  groups.more_percents.assign(percents.begin() + 1, percents.end());
  // "@ 65/75/85% TM": a training max without "of" too.
  if (accept_training_max(cursor)) {
    line.intensity.of = RmRef{.training_max = true};
  } else {
    read_of_clause(cursor, context, line.intensity.of);
  }
  return true;
}

// "Snatch - build to 85%", "Clean, work up to 90% of 1-RM Clean": the sets climb to a top
// percentage, which is a ceiling rather than the load of every set. The percentage goes to limit
// and the words before it to the remark. Returns false, consuming nothing, for other text.
bool read_build_up(Cursor& cursor, MovementLine& line, const GrammarContext& context) {
  const std::size_t start = cursor.position();
  const std::size_t dash = cursor.is(TokenKind::kDash) && cursor.peek()->space_before ? 1 : 0;
  const std::size_t words = build_up_words(cursor, dash);
  if (words == 0) {
    return false;
  }
  for (std::size_t index = 0; index < dash + words; ++index) {
    cursor.advance();
  }
  const std::size_t words_end = cursor.position();
  cursor.accept_word("a");
  Intensity top;
  if (!read_intensity(cursor, context, top) || !top.percent) {
    cursor.reset(start);
    return false;
  }
  append_remark(line, written_text(cursor.line(), context.original, start + dash, words_end));
  line.limit = std::move(top);
  return true;
}

// Reads the set numbers of a bracket after a percentage: "(sets 1-3)", "(set 4)", "(sets 1, 2,
// 3)", and "(4-6)" once an earlier bracket has the word "sets". Returns false, consuming nothing,
// for other text.
bool read_bracketed_set_numbers(Cursor& cursor, bool word_required, std::vector<int>& numbers) {
  constexpr int kMaxNumbers = 2 * kMaxLikelySets;
  const std::size_t start = cursor.position();
  if (!cursor.accept(TokenKind::kOpen) ||
      (!cursor.accept_word_in({"set", "sets"}) && word_required)) {
    cursor.reset(start);
    return false;
  }
  do {
    const std::optional<CountRange> range = read_count_range(cursor);
    if (!range || range->min < 1 || range->max - range->min >= kMaxNumbers) {
      cursor.reset(start);
      return false;
    }
    for (int set = range->min; set <= range->max; ++set) {
      numbers.push_back(set);
    }
  } while (cursor.accept(TokenKind::kComma) || cursor.accept_word("and"));
  if (!cursor.accept(TokenKind::kClose)) {
    cursor.reset(start);
    return false;
  }
  return true;
}

// "set 5", "sets 5 and 6", "sets 4, 5 and 6", for warnings.
std::string describe_set_numbers(const std::vector<int>& numbers) {
  std::string text = numbers.size() == 1 ? "set " : "sets ";
  for (std::size_t index = 0; index < numbers.size(); ++index) {
    if (index > 0) {
      text += index + 1 == numbers.size() ? " and " : ", ";
    }
    text += std::to_string(numbers[index]);
  }
  return text;
}

// "Snatch 6 x 2 @ 75% (sets 1-3), 80% (sets 4-6)": after the sets and reps, percentages that
// each name the sets they are for, in brackets, separated by commas or spaced slashes. Each set
// becomes a step. Sets that no bracket names have no percentage, set numbers past the count are
// left out, and a set named twice keeps its first percentage, each with a warning. Returns false,
// consuming nothing, when the first percentage has no such bracket.
bool read_percents_for_set_ranges(Cursor& cursor, const GrammarContext& context,
                                  MovementLine& line) {
  if (!line.sets || line.sets->min != line.sets->max || line.sets->max > kMaxLikelySets ||
      !line.reps || line.intensity.percent || !line.steps.empty() ||
      !cursor.line().has_kind(TokenKind::kOpen)) {
    return false;
  }
  const std::size_t start = cursor.position();
  const int total = line.sets->max;
  std::array<std::optional<Range>, kMaxLikelySets> percents;
  std::optional<RmRef> of;
  std::vector<int> past;
  std::vector<int> twice;
  std::size_t before_separator = start;
  do {
    const bool first = before_separator == start;
    cursor.accept(TokenKind::kAt);
    Intensity intensity;
    std::vector<int> numbers;
    const bool read = read_intensity(cursor, context, intensity) && intensity.percent &&
                      read_bracketed_set_numbers(cursor, first, numbers);
    if (!read && first) {
      cursor.reset(start);
      return false;
    }
    if (!read) {
      cursor.reset(before_separator);  // "…, 80% (sets 4-6), rest 2 min": the rest is other text
      break;
    }
    for (const int set : numbers) {
      if (set > total) {
        past.push_back(set);
        continue;
      }
      std::optional<Range>& percent = percents[static_cast<std::size_t>(set - 1)];
      if (percent) {
        twice.push_back(set);
      } else {
        percent = intensity.percent;
      }
    }
    if (intensity.of) {
      of = std::move(intensity.of);
    }
    before_separator = cursor.position();
  } while (cursor.accept(TokenKind::kComma) ||
           (cursor.is_spaced_slash() && cursor.accept(TokenKind::kSlash)));
  // "…, 80% (sets 4-6) of 1-RM Snatch": a reference after the last bracket is every step's.
  if (!of) {
    read_of_clause(cursor, context, of);
  }
  std::vector<int> unnamed;
  for (int set = 1; set <= total; ++set) {
    if (!percents[static_cast<std::size_t>(set - 1)]) {
      unnamed.push_back(set);
    }
  }
  if (!unnamed.empty()) {
    append_warning(line, "no bracket names " + describe_set_numbers(unnamed) + " of the " +
                             std::to_string(total) + " sets, so " +
                             (unnamed.size() == 1 ? "it has" : "they have") + " no percentage");
  }
  if (!past.empty()) {
    append_warning(line, "the brackets name " + describe_set_numbers(past) + ", past the " +
                             std::to_string(total) + " sets stated: left out");
  }
  if (!twice.empty()) {
    append_warning(line, "the brackets name " + describe_set_numbers(twice) +
                             " twice: the first percentage is used");
  }
  for (int set = 0; set < total; ++set) {
    IntensityStep& step = line.steps.emplace_back();
    step.reps = line.reps;
    step.reps_at_least = line.reps_at_least;
    step.intensity.percent = percents[static_cast<std::size_t>(set)];
    step.intensity.of = of;
  }
  line.reps.reset();
  line.reps_at_least = false;
  return true;
}

// Whether the cursor is at two numbers joined by a slash without spaces: "70/2", "95/65".
bool at_slash_pair(const Cursor& cursor) {
  return cursor.is(TokenKind::kNumber) && cursor.is(TokenKind::kSlash, 1) &&
         !cursor.peek(1)->space_before && cursor.is(TokenKind::kNumber, 2) &&
         !cursor.peek(2)->space_before;
}

// Whether the cursor is at a percentage over reps, "70/2": the percentage from 30 to 110 and the
// reps a whole number from 1 to 10, joined by a slash without spaces.
bool at_fraction_step(const Cursor& cursor) {
  if (!at_slash_pair(cursor)) {
    return false;
  }
  const double percent = cursor.peek()->value;
  const double reps = cursor.peek(2)->value;
  return percent >= kMinUnsignedPercent && percent <= kMaxUnsignedPercent && reps >= 1 &&
         reps <= 10 && reps == static_cast<int>(reps);
}

// "Snatch 70/2, 75/2, 80/1x3": steps written as a percentage over reps, as Eastern European
// programs write them, with the sets of a step after "x", and a warning, since kilograms are
// written the same way. The percentage must be from 30 to 110 and the reps from 1 to 10, so that
// loads ("95/65") and heights ("24/20") are not read this way. Returns false, consuming nothing,
// for other text.
bool read_fraction_steps(Cursor& cursor, const GrammarContext& context, MovementLine& line) {
  if (line.reps || line.sets || line.intensity.percent || !line.steps.empty() ||
      !line.rep_scheme.empty()) {
    return false;
  }
  const std::size_t start = cursor.position();
  std::vector<IntensityStep> steps;
  std::size_t before_comma = start;
  do {
    if (!at_fraction_step(cursor)) {
      if (steps.empty()) {
        cursor.reset(start);
        return false;
      }
      cursor.reset(before_comma);  // "Snatch 70/2, 75/2, then rest": the rest is other text
      break;
    }
    const double percent = cursor.advance().value;
    cursor.advance();
    const int reps = static_cast<int>(cursor.advance().value);
    int sets = 1;
    read_step_sets(cursor, sets);
    for (int set = 0; set < sets && steps.size() < kMaxWaveSteps; ++set) {
      IntensityStep& step = steps.emplace_back();
      step.reps = CountRange{reps, reps};
      step.intensity.percent = Range{percent, percent};
    }
    before_comma = cursor.position();
    // Steps may be separated by commas or spaces: "70/2 75/2 80/1x3".
  } while (cursor.accept(TokenKind::kComma) ||
           (cursor.is(TokenKind::kNumber) && cursor.is(TokenKind::kSlash, 1)));
  const int count = static_cast<int>(steps.size());
  line.sets = CountRange{count, count};
  line.steps = std::move(steps);
  // Logs, and some programs, write kilograms over reps the same way.
  append_warning(line,
                 "reads " +
                     std::string(written_text(cursor.line(), context.original, start, start + 3)) +
                     " and the like as a percentage over reps; a load in kg or lb needs its "
                     "unit");
  return true;
}

// "Pull-ups 3 x AMRAP", "Push-ups x max reps", "…, 1x AMRAP @ 60%": as many reps as possible,
// which are at least one, in each of the sets counted before "x". Returns false, consuming
// nothing, for other text.
bool read_max_reps(Cursor& cursor, MovementLine& line) {
  const std::size_t start = cursor.position();
  std::optional<CountRange> sets;
  // "3×AMRAP" and "1xAMRAP" are one word after the count: "xamrap".
  if (cursor.is(TokenKind::kNumber) &&
      (cursor.is(TokenKind::kTimes, 1) || cursor.word(1) == "xamrap")) {
    sets = read_count_range(cursor);
  }
  const bool glued = cursor.word() == "xamrap";
  const bool times = glued || cursor.accept(TokenKind::kTimes);
  const bool amrap = glued || (times && cursor.word() == "amrap");
  const bool max_reps = times && cursor.is_word("max") && cursor.is_word_in({"rep", "reps"}, 1);
  if (!amrap && !max_reps) {
    cursor.reset(start);
    return false;
  }
  cursor.advance();
  if (max_reps) {
    cursor.advance();
  }
  if (sets) {
    line.sets = sets;
  }
  line.reps = CountRange{1, 1};
  line.reps_at_least = true;
  return true;
}

// "Clean & Jerk x 1+1 @ 80%", "Snatch x 2+1", "Clean and Jerk 5x(1+1)": counts joined by "+"
// after one movement, the parts of one lift or a cluster, with the sets before them. The counts
// are kept as written in the remark, since the reps they add up to depend on the lift. Returns
// false, consuming nothing, for other text.
bool read_single_lift_counts(Cursor& cursor, MovementLine& line, const GrammarContext& context) {
  const std::size_t start = cursor.position();
  std::optional<CountRange> sets;
  if (cursor.is(TokenKind::kNumber) && cursor.is(TokenKind::kTimes, 1)) {
    sets = read_count_range(cursor);
  } else if (cursor.is(TokenKind::kNumber) && cursor.is_word_in({"set", "sets"}, 1) &&
             cursor.is_word("of", 2) && cursor.is(TokenKind::kPlus, 4)) {
    sets = read_count_range(cursor);  // "Clean & Jerk: 5 sets of 1+1"
    cursor.advance();
    cursor.advance();
  }
  // "x (1+1)", or "(1+1)" alone before its sets: "Clean & Jerk 80% (1+1) x 3".
  const bool bracketed = (cursor.is(TokenKind::kOpen) && cursor.is(TokenKind::kNumber, 1) &&
                          cursor.is(TokenKind::kPlus, 2) && cursor.accept(TokenKind::kOpen)) ||
                         (cursor.accept(TokenKind::kTimes) && cursor.accept(TokenKind::kOpen));
  // The counts are joined without spaces: in "Back Squat 3x3 + 1x6" the plus joins set groups.
  // "Clean & Jerk 1+1 x 5": counts right after the name need their sets after them.
  const bool led = cursor.position() != start;
  if (!cursor.is(TokenKind::kNumber) || !cursor.is(TokenKind::kPlus, 1) ||
      !cursor.is(TokenKind::kNumber, 2) ||
      (cursor.peek(1)->space_before && cursor.is(TokenKind::kTimes, 3))) {
    cursor.reset(start);
    return false;
  }
  const std::size_t counts_start = cursor.position();
  cursor.advance();
  while (cursor.is(TokenKind::kPlus) && cursor.is(TokenKind::kNumber, 1)) {
    cursor.advance();
    cursor.advance();
  }
  const std::size_t counts_end = cursor.position();
  if (bracketed && !cursor.accept(TokenKind::kClose)) {
    cursor.reset(start);
    return false;
  }
  // "Clean & Jerk x 1+1 x 5 @ 75%": the sets after the counts.
  const bool sets_follow = !sets && cursor.is(TokenKind::kTimes) &&
                           cursor.is(TokenKind::kNumber, 1) && !cursor.is(TokenKind::kPercent, 2);
  // "Clean & Jerk 1+1 @ 75%" under a clock: counts joined without spaces, then the intensity or
  // the end of the line, and the sets from the scheme.
  const bool joined = !cursor.line().tokens[counts_start + 1].space_before &&
                      (cursor.at_end() || cursor.is(TokenKind::kAt));
  if (!led && !sets_follow && !joined) {
    cursor.reset(start);
    return false;
  }
  if (sets_follow) {
    cursor.advance();
    sets = read_count_range(cursor);
    cursor.accept_word_in({"set", "sets"});
  }
  append_remark(line, written_text(cursor.line(), context.original, counts_start, counts_end));
  if (sets) {
    line.sets = sets;
  }
  return true;
}

// Reads quantities, sides, intensities and remarks up to the end of the cursor.
void read_tail(Cursor& cursor, MovementLine& line, const GrammarContext& context,
               TailState& state) {
  // Most lines have neither an "@" nor a percentage and an "x", and so no wave: the tokens are
  // counted only for those that have an "@".
  const TokenizedLine& tokens = cursor.line();
  const bool wave_possible =
      (tokens.has_kind(TokenKind::kAt) && may_hold_wave(cursor)) ||
      (tokens.has_kind(TokenKind::kPercent) &&
       (tokens.has_kind(TokenKind::kTimes) || tokens.has_kind(TokenKind::kSlash)));
  SetGroups groups;
  for (int part = 0; part < kMaxTailParts && !cursor.at_end(); ++part) {
    const std::size_t mark = cursor.position();
    // "Snatch 2x2 @ 70% / 2x1 @ 80%": a slash with spaces around it after a percentage separates
    // groups of sets as a comma does.
    const bool separates_groups = line.intensity.percent && cursor.is_spaced_slash();
    // "Back Squat 3x3 + 1x6 @ 75%": a plus before another sets x reps does too.
    const bool plus_separates = cursor.is(TokenKind::kPlus) &&
                                (line.reps || line.intensity.percent) && at_sets_by_reps(cursor, 1);
    if (cursor.accept(TokenKind::kComma) ||
        (separates_groups && cursor.accept(TokenKind::kSlash)) ||
        (plus_separates && cursor.accept(TokenKind::kPlus))) {
      const bool group_done = line.intensity.percent || !line.steps.empty();
      if (line.intensity.percent && cursor.is(TokenKind::kNumber) &&
          cursor.is(TokenKind::kPercent, 1) &&
          (cursor.remaining() == 2 || cursor.is(TokenKind::kComma, 2) || cursor.is_word("of", 2) ||
           cursor.word(2) == "tm" || cursor.word(2) == "training")) {
        // "@ 70%, 75%, 80%", "@ 65%, 75%, 85% TM": one percentage a set of the group.
        Intensity listed;
        read_intensity(cursor, context, listed);
        groups.more_percents.push_back(*listed.percent);
        if (listed.of) {
          line.intensity.of = std::move(listed.of);
        }
        continue;
      }
      if (read_last_set(cursor, context, line, groups)) {
        state.strong = state.marked = true;
        continue;
      }
      const std::size_t after_comma = cursor.position();
      bool then = cursor.accept_word("then");
      // "Press 4x8 @ 65%, drop set: 1 x AMRAP @ 50%": a group named as the sets after the others.
      if (cursor.word() == "drop" && cursor.is_word_in({"set", "sets"}, 1)) {
        cursor.advance();
        cursor.advance();
        cursor.accept(TokenKind::kColon);
        then = true;
      }
      // "Snatch x 1 @ 80%, then drop to 70% x 3 x 2": a back-off group after its lead words.
      const std::size_t back_off = back_off_words(cursor);
      for (std::size_t skipped = 0; skipped < back_off; ++skipped) {
        cursor.advance();
      }
      const bool starts_group = cursor.is(TokenKind::kNumber) || cursor.is(TokenKind::kAt) ||
                                (cursor.is(TokenKind::kTimes) && cursor.is(TokenKind::kNumber, 1));
      // "Snatch 5x5, 3x3", "Snatch x 2, x 2, x 1", "Snatch 3x2, 2x1 @ 80%": counts after a group
      // of reps without a percentage start a group too, rather than replace its counts.
      const bool counts_again =
          (line.reps || !line.rep_scheme.empty()) && !line.intensity.percent &&
          line.steps.empty() &&
          ((cursor.is(TokenKind::kTimes) && cursor.is(TokenKind::kNumber, 1)) ||
           at_sets_by_reps(cursor));
      // "Back Squat 3x5 @ 70%, 2x3": sets x reps start a group after one with a percentage, even
      // without a percentage of their own.
      const bool sets_by_reps = line.intensity.percent &&
                                (line.sets || line.reps || !line.rep_scheme.empty()) &&
                                (at_sets_by_reps(cursor) || at_amrap_set(cursor));
      // "Snatch: work up to 90%, then 2 x 1 @ 85%": the sets after a ceiling without counts are
      // the line's first group.
      const bool after_ceiling = then && line.limit && !line.sets && !line.reps &&
                                 line.rep_scheme.empty() && !line.intensity.percent &&
                                 line.steps.empty() && groups.steps.empty() &&
                                 at_sets_by_reps(cursor);
      if (after_ceiling) {
        continue;
      }
      if ((group_done && starts_group && part_states_percent(cursor)) || counts_again ||
          sets_by_reps) {
        flush_set_group(line, groups);
        groups.last_set_apart = then || back_off > 0;
      } else {
        cursor.reset(after_comma);
      }
      continue;
    }
    if ((cursor.is(TokenKind::kNumber) || cursor.is(TokenKind::kWord)) &&
        read_tempo(cursor, line, context)) {
      continue;
    }
    // "Back Squat 4 x 3 @ 70%, 3 sec pause": a pause within each rep, kept in the remark as
    // written up to the next comma, not the length of the set.
    const auto names_pause = [&cursor](std::size_t ahead) {
      return cursor.word(ahead) == "pause" || cursor.word(ahead) == "paused";
    };
    if (cursor.is(TokenKind::kNumber) && cursor.is(TokenKind::kWord, 1) && names_pause(2)) {
      const std::size_t pause_start = cursor.position();
      if (read_duration(cursor) && names_pause(0)) {
        std::size_t pause_end = cursor.position() + 1;
        while (pause_end < cursor.end() &&
               cursor.line().tokens[pause_end].kind != TokenKind::kComma) {
          ++pause_end;
        }
        append_remark(line, written_text(cursor.line(), context.original, pause_start, pause_end));
        cursor.reset(pause_end);
        continue;
      }
      cursor.reset(pause_start);
    }
    // "Back Squat 3x5 @ 70% 2x3 @ 80%", "… then 2x3 @ 80%", "… and 2x3 @ 80%", "… – 2x3 @ 80%",
    // "3 sets of 5 @ 70% then 2 sets of 3 @ 80%": sets x reps or sets of reps right after a group
    // with counts and a percentage start the next group without a comma. Read on, they would
    // replace the group before. "@ 75% for 4 x 3" gives its group the counts instead.
    // "… – then 2x3 @ 80%": a spaced dash may come before "then" or "and".
    const std::size_t dash_words = cursor.is_spaced_dash() ? 1 : 0;
    const std::size_t lead_words =
        cursor.is_word("then", dash_words) || cursor.is_word("and", dash_words) ? dash_words + 1
                                                                                : dash_words;
    const bool group_counted =
        line.sets || line.reps || !line.rep_scheme.empty() || !line.steps.empty();
    const bool next_group =
        at_sets_by_reps(cursor, lead_words) || at_amrap_set(cursor, lead_words) ||
        (cursor.is(TokenKind::kNumber, lead_words) &&
         cursor.is_word_in({"sets", "set"}, lead_words + 1) &&
         (cursor.is_word("of", lead_words + 2) || cursor.is(TokenKind::kTimes, lead_words + 2)));
    if (line.intensity.percent && group_counted && next_group) {
      cursor.reset(cursor.position() + lead_words);
      flush_set_group(line, groups);
      continue;
    }
    if (cursor.is(TokenKind::kAt) && read_percents_for_set_ranges(cursor, context, line)) {
      state.strong = state.marked = true;
      continue;
    }
    if (cursor.is(TokenKind::kSlash, 1) && read_fraction_steps(cursor, context, line)) {
      state.strong = state.marked = true;
      continue;
    }
    // "Thrusters 95/65", "Thrusters 95/65 x 10": a pair without a unit right after the name is
    // a load for men and women, as it is in brackets.
    if (!line.load && !line.reps && !line.sets && line.steps.empty() && at_slash_pair(cursor) &&
        !at_fraction_step(cursor) &&
        (cursor.remaining() == 3 || cursor.is(TokenKind::kComma, 3) ||
         cursor.is(TokenKind::kTimes, 3))) {
      Cursor pair(cursor.line(), cursor.position(), cursor.position() + 3);
      if (auto load = read_load(pair, true); load && pair.at_end()) {
        line.load = load;
        cursor.reset(cursor.position() + 3);
        state.strong = state.marked = true;
        continue;
      }
    }
    if (!line.reps && line.rep_scheme.empty() && line.steps.empty() &&
        (cursor.is(TokenKind::kTimes) || cursor.is(TokenKind::kTimes, 1) ||
         cursor.word() == "xamrap" || cursor.word(1) == "xamrap") &&
        read_max_reps(cursor, line)) {
      state.strong = state.marked = true;
      continue;
    }
    // "Back Squat 4 sets: 3 reps @ 80%": a colon after the sets, before the reps.
    if (cursor.is(TokenKind::kColon) && line.sets && !line.reps && cursor.remaining() > 1) {
      cursor.advance();
      continue;
    }
    if (line.grouping == Grouping::kSingle && read_single_lift_counts(cursor, line, context)) {
      state.strong = state.marked = true;
      continue;
    }
    // "Power Clean + Jerk: 1+1 x 5 @ 75%", "Clean + Jerk (1+1) x 5": the counts of the complex's
    // movements, then its sets.
    if (line.grouping == Grouping::kComplex &&
        (cursor.is(TokenKind::kNumber) || cursor.is(TokenKind::kOpen)) &&
        read_complex_counts(cursor, line)) {
      state.strong = state.marked = true;
      continue;
    }
    // "Snatch + 2 OHS x 4 @ 70%": after a complex whose names state counts, "x N" is its sets.
    if (line.grouping == Grouping::kComplex && !line.sets && !line.reps &&
        cursor.is(TokenKind::kTimes) && cursor.is(TokenKind::kNumber, 1) &&
        (cursor.remaining() == 2 || cursor.is(TokenKind::kAt, 2) ||
         cursor.is(TokenKind::kComma, 2) || cursor.is(TokenKind::kOpen, 2) ||
         cursor.is_word_in({"set", "sets"}, 2)) &&
        std::any_of(line.movements.begin(), line.movements.end(),
                    [](const Movement& movement) { return movement.count.has_value(); })) {
      cursor.advance();
      line.sets = read_count_range(cursor);
      cursor.accept_word_in({"set", "sets"});
      for (Movement& movement : line.movements) {
        movement.count = movement.count.value_or(1);  // the unwritten count of "Snatch + 2 OHS"
      }
      state.strong = state.marked = true;
      continue;
    }
    // "Back Squat 5 x 5 x 135 lb", "Back Squat 3 x 3 x 80": after sets and reps, a third number
    // is a load with its unit, or one the line cannot tell and keeps in the remark with a warning.
    if (line.sets && line.reps && !line.intensity.percent && cursor.is(TokenKind::kTimes) &&
        cursor.is(TokenKind::kNumber, 1) && !cursor.is(TokenKind::kPercent, 2)) {
      Cursor after_times(cursor.line(), cursor.position() + 1, cursor.end());
      if (auto load = read_load(after_times); load && !line.load) {
        line.load = load;
        cursor.reset(after_times.position());
        continue;
      }
      if (after_times.remaining() == 1 || after_times.is(TokenKind::kComma, 1)) {
        warn_unread_number(line, written_text(cursor.line(), context.original,
                                              cursor.position() + 1, cursor.position() + 2));
        append_remark(line, written_text(cursor.line(), context.original, cursor.position(),
                                         cursor.position() + 2));
        cursor.reset(cursor.position() + 2);
        continue;
      }
    }
    // "KB Swings 2 x 32kg", "Back Squat 5 x 100 kg": a count and a load. Whether the count is of
    // reps, sets or bells depends on the movement, so it stays in the remark and the load is read.
    if (!line.load && cursor.is(TokenKind::kNumber) && cursor.is(TokenKind::kTimes, 1)) {
      Cursor after_times(cursor.line(), cursor.position() + 2, cursor.end());
      if (auto load = read_load(after_times)) {
        append_remark(line, written_text(cursor.line(), context.original, cursor.position(),
                                         cursor.position() + 2));
        line.load = load;
        cursor.reset(after_times.position());
        state.strong = state.marked = true;
        continue;
      }
    }
    // "Snatch - 85% for 3 singles", "drop to 70% for 2 x 3": "for" before the sets and reps of a
    // percentage.
    if (line.intensity.percent && !line.reps && !line.sets && cursor.is_word("for") &&
        cursor.is(TokenKind::kNumber, 1) &&
        (cursor.is_word_in({"single", "singles", "double", "doubles", "triple", "triples", "rep",
                            "reps", "set", "sets"},
                           2) ||
         (cursor.is(TokenKind::kTimes, 2) && cursor.is(TokenKind::kNumber, 3)))) {
      cursor.advance();
      continue;
    }
    // "Snatch single @ 80%", "Top single @ 90%": one set of one rep.
    if (!line.reps && !line.sets && line.rep_scheme.empty() &&
        (at_rep_count_word(cursor) || at_top_set(cursor))) {
      if (at_top_set(cursor)) {
        cursor.advance();
      }
      const int reps = rep_count_word(cursor);
      cursor.advance();
      line.reps = CountRange{reps, reps};
      state.strong = state.marked = true;
      continue;
    }
    // "Snatch @ 75% x 2 x 3": after a percentage, reps then sets, as in "75% x 2 x 3".
    if (line.intensity.percent && !line.reps && !line.sets && cursor.is(TokenKind::kTimes) &&
        cursor.is(TokenKind::kNumber, 1) && cursor.is(TokenKind::kTimes, 2) &&
        cursor.is(TokenKind::kNumber, 3)) {
      cursor.advance();
      line.reps = read_count_range(cursor);
      cursor.advance();
      line.sets = read_count_range(cursor);
      cursor.accept_word_in({"set", "sets"});
      state.strong = state.marked = true;
      continue;
    }
    // "Bench Press 65%/3/2", "Squat 70%/5": reps, then sets, joined to the percentage by slashes,
    // as Sheiko's programs write them.
    const auto at_slashed_count = [&cursor] {
      return cursor.is(TokenKind::kSlash) && !cursor.peek()->space_before &&
             cursor.is(TokenKind::kNumber, 1) && !cursor.peek(1)->space_before &&
             !cursor.is(TokenKind::kPercent, 2);
    };
    if (line.intensity.percent && !line.reps && !line.sets && mark > 0 &&
        cursor.line().tokens[mark - 1].kind == TokenKind::kPercent && at_slashed_count()) {
      cursor.advance();
      line.reps = read_count_range(cursor);
      if (at_slashed_count()) {
        cursor.advance();
        line.sets = read_count_range(cursor);
      }
      state.strong = state.marked = true;
      continue;
    }
    // "Snatch x 2 @ 75% x 3": sets after the reps and the percentage. "Deadlift 1x5 @ 80% x 3" is
    // three sets too, but after "2x5 @ 80%" a count could multiply the sets or repeat the line, so
    // it stays in the remark rather than replace the reps.
    if (line.intensity.percent && line.reps && cursor.is(TokenKind::kTimes) &&
        cursor.is(TokenKind::kNumber, 1) &&
        (cursor.remaining() == 2 || cursor.is(TokenKind::kComma, 2) ||
         cursor.is_word_in({"set", "sets"}, 2))) {
      if (line.sets && *line.sets != CountRange{1, 1}) {
        cursor.reset(mark);
        break;
      }
      cursor.advance();
      line.sets = read_count_range(cursor);
      cursor.accept_word_in({"set", "sets"});
      continue;
    }
    if (read_build_up(cursor, line, context)) {
      state.strong = state.marked = true;
      continue;
    }
    if (wave_possible && read_line_wave(cursor, context, line)) {
      state.strong = state.marked = true;
      continue;
    }
    // "Squat 65% x 5, 75% x 5, 85% x 5+ of TM": a training max after the last step is every step's.
    if (!line.steps.empty() && accept_training_max(cursor)) {
      for (IntensityStep& step : line.steps) {
        if (!step.intensity.of) {
          step.intensity.of = RmRef{.training_max = true};
        }
      }
      continue;
    }
    if (read_times_quantity(cursor, line) || read_sets_by_reps(cursor, line)) {
      state.strong = state.marked = true;
      continue;
    }
    // "Back Squat 3x5 @ 60% (3-1-1)": a bracketed sequence after the reps is a tempo, which
    // read_parenthetical keeps as a remark.
    const bool tempo = cursor.is(TokenKind::kOpen) && (line.reps || !line.rep_scheme.empty());
    if (auto sequence = tempo ? std::vector<int>{} : read_rep_sequence(cursor); !sequence.empty()) {
      // "x 3-2-1, 3-2-1": a second sequence after a comma continues the first.
      const bool continued = !line.rep_scheme.empty() && mark > 0 &&
                             cursor.line().tokens[mark - 1].kind == TokenKind::kComma;
      if (continued) {
        line.rep_scheme.insert(line.rep_scheme.end(), sequence.begin(), sequence.end());
      } else {
        line.rep_scheme = std::move(sequence);
      }
      const int count = static_cast<int>(line.rep_scheme.size());
      line.sets = CountRange{count, count};
      state.strong = true;
      // "Deadlift 5-3-1+ @ 65/75/85%": a "+" glued to the last count.
      if (cursor.is(TokenKind::kPlus) && !cursor.peek()->space_before &&
          !cursor.is(TokenKind::kNumber, 1)) {
        cursor.advance();
        state.last_at_least_end = cursor.position();
      }
      continue;
    }
    if (read_counted(cursor, line)) {
      state.strong = true;
      continue;
    }
    if (cursor.accept_word("for")) {
      if (const auto seconds = read_duration(cursor)) {
        line.duration_seconds = seconds;
        state.strong = true;
        continue;
      }
      // "Row 2000m for time": the work is raced, which the remark keeps.
      if (state.strong && cursor.accept_word("time")) {
        append_remark(line, written_text(cursor.line(), context.original, mark, cursor.position()));
        continue;
      }
      cursor.reset(mark);
      break;
    }
    if (const auto seconds = read_duration(cursor)) {
      // "60s rest", "4 second eccentric": the rest between sets or a tempo, not the work's length.
      const std::string_view next = cursor.word();
      if (next == "rest" || next == "eccentric" || next == "descent" || next == "negative" ||
          next == "lowering") {
        cursor.advance();
        append_remark(line, written_text(cursor.line(), context.original, mark, cursor.position()));
        continue;
      }
      line.duration_seconds = seconds;
      state.strong = true;
      cursor.accept_word("hold");
      continue;
    }
    if (cursor.accept(TokenKind::kAt)) {
      // "@ 24/20″" is a box height and "@ 1.5 x BW" a load; "@ 75%" is left to read_intensity.
      if (auto distance = read_distance(cursor)) {
        line.distance = distance;
        state.strong = true;
        continue;
      }
      // "@ 135/95" without a unit is the men's and the women's load, heavier first, unlike
      // percentages that climb from set to set. Figures above kMaxUnsignedPercent are loads in
      // either order: "@ 95/135".
      if (auto load = read_load(cursor, true);
          load && (!load->alt_value || *load->alt_value < load->value ||
                   load->value > kMaxUnsignedPercent || *load->alt_value > kMaxUnsignedPercent)) {
        take_load(cursor, line, state, std::move(*load));
        continue;
      }
      cursor.reset(mark);
    }
    if (auto distance = read_distance(cursor)) {
      line.distance = distance;
      state.strong = true;
      continue;
    }
    if (auto calories = read_calories(cursor)) {
      line.calories = calories;
      state.strong = true;
      continue;
    }
    if (auto load = read_load(cursor)) {
      take_load(cursor, line, state, std::move(*load));
      continue;
    }
    if (auto load = read_gendered_load(cursor)) {
      line.load = load;
      state.strong = true;
      continue;
    }
    if (read_side(cursor)) {
      line.per_side = true;
      continue;
    }
    // "Walking Lunges 10 e/s", "Step-ups 8 each leg": a count without "x" right before its side.
    if (!line.reps && cursor.is(TokenKind::kNumber) && cursor.is(TokenKind::kWord, 1)) {
      const std::size_t before = cursor.position();
      if (const auto count = read_count_range(cursor); count && read_side(cursor)) {
        line.reps = count;
        line.per_side = true;
        state.strong = true;
        continue;
      }
      cursor.reset(before);
    }
    // "Back Squat 5x70%": reps, then "x" where "@" would be.
    if (!line.reps && cursor.is(TokenKind::kNumber) && cursor.is(TokenKind::kTimes, 1) &&
        cursor.is(TokenKind::kNumber, 2) && cursor.is(TokenKind::kPercent, 3)) {
      line.reps = read_count_range(cursor);
    }
    const bool at_sequence =
        cursor.is(TokenKind::kAt) && cursor.is(TokenKind::kNumber, 1) &&
        (cursor.is(TokenKind::kDash, 2) || cursor.is(TokenKind::kSlash, 2) ||
         cursor.is(TokenKind::kComma, 2) ||
         (cursor.is(TokenKind::kPercent, 2) && cursor.is(TokenKind::kSlash, 3)));
    const bool dash_sequence = cursor.is_spaced_dash() && cursor.is(TokenKind::kNumber, 1) &&
                               cursor.is(TokenKind::kSlash, 2);
    if ((at_sequence || dash_sequence) && read_percent_sequence(cursor, context, line, groups)) {
      state.strong = state.marked = true;
      continue;
    }
    const bool lone_sequence =
        line.movements.empty() && !line.reps && !line.sets && line.steps.empty() &&
        !line.intensity.percent && cursor.is(TokenKind::kNumber) &&
        (cursor.is(TokenKind::kDash, 1) || cursor.is(TokenKind::kSlash, 1) ||
         (cursor.is(TokenKind::kPercent, 1) && cursor.is(TokenKind::kSlash, 2)));
    if (lone_sequence && read_percent_sequence(cursor, context, line, groups, true)) {
      state.strong = state.marked = true;
      continue;
    }
    if (read_drop_from_top(cursor, context, line.intensity)) {
      state.strong = state.marked = true;
      continue;
    }
    // "3 x 3 x 80%", "3x2 - 75%", "3x2 - 75-80%": an "x" or a spaced dash where "@" would be.
    const bool percent_next =
        cursor.is(TokenKind::kNumber, 1) &&
        (cursor.is(TokenKind::kPercent, 2) ||
         (cursor.is(TokenKind::kDash, 2) && cursor.is(TokenKind::kNumber, 3) &&
          cursor.is(TokenKind::kPercent, 4)));
    if ((cursor.is(TokenKind::kTimes) || cursor.is_spaced_dash()) && percent_next) {
      cursor.advance();
    }
    if (read_intensity(cursor, context, line.intensity)) {  // replaces only the parts it reads
      state.strong = state.marked = true;
      continue;
    }
    // "Back Squat 5 x 5 @ 75% (last set AMRAP)": a last set in brackets.
    if (cursor.is(TokenKind::kOpen) && (cursor.word(1) == "last" || cursor.word(1) == "final")) {
      if (const std::size_t close = matching_close(cursor); close != 0) {
        Cursor inner(cursor.line(), cursor.position() + 1, close);
        if (read_last_set(inner, context, line, groups)) {
          inner.accept(TokenKind::kComma);
          if (!inner.at_end()) {
            append_remark(line,
                          written_text(cursor.line(), context.original, inner.position(), close));
          }
          cursor.reset(close + 1);
          state.strong = state.marked = true;
          continue;
        }
      }
    }
    if (cursor.is(TokenKind::kOpen) && read_parenthetical(cursor, line, context)) {
      continue;
    }
    const bool quote = cursor.is(TokenKind::kInch) || cursor.is(TokenKind::kFoot);
    if (quote && read_quoted_remark(cursor, line, context)) {
      continue;
    }
    cursor.reset(mark);
    break;
  }
  finish_set_groups(line, groups);
  // Steps mark the last set; a rep sequence alone keeps the count and its "+" in the remark.
  if (state.last_at_least_end > 0) {
    if (!line.steps.empty()) {
      line.steps.back().reps_at_least = true;
    } else {
      append_remark(line, written_text(cursor.line(), context.original, state.last_at_least_end - 2,
                                       state.last_at_least_end));
    }
  }
}

// Ends a movement line: whatever the tail did not read becomes a remark when the line is clearly
// a prescription, and otherwise makes the line something else.
bool finish_line(Cursor& cursor, MovementLine& line, const GrammarContext& context,
                 const TailState& state) {
  if (cursor.at_end()) {
    return true;
  }
  const std::size_t position = cursor.position();
  const bool after_comma =
      position > 0 && cursor.line().tokens[position - 1].kind == TokenKind::kComma;
  if (!state.marked && !(state.strong && (after_comma || cursor.is(TokenKind::kAt)))) {
    return false;
  }
  // "Clean Pull 4 x 3 @ 95": a number after "@" without a sign or a unit gives no load. The
  // warning makes the missing load visible where the sets are shown.
  if (cursor.is(TokenKind::kAt) && cursor.is(TokenKind::kNumber, 1) && !line.intensity.percent &&
      !line.load) {
    warn_unread_number(line, written_text(cursor.line(), context.original, position, cursor.end()));
  }
  append_remark(line, written_text(cursor.line(), context.original, position, cursor.end()));
  cursor.reset(cursor.end());
  return true;
}

// A line of quantities only: "5x5 @ 75%", "21-15-9", "4-6 sets of 1-3 reps".
bool read_quantities_only(Cursor& cursor, const GrammarContext& context, MovementLine& line) {
  TailState state;
  read_tail(cursor, line, context, state);
  // "@ 70% of the weight used last week": the words of a reference no max gives stay in the
  // remark, as they do after a name.
  if (!cursor.at_end() && state.strong && line.intensity.of && line.intensity.of->unread &&
      cursor.is_word("of")) {
    append_remark(line,
                  written_text(cursor.line(), context.original, cursor.position(), cursor.end()));
    cursor.reset(cursor.end());
  }
  return cursor.at_end() && state.strong;
}

// "12 x Goblet Squat", "3x [ Deadlift + Row ]".
bool read_count_times_group(Cursor& cursor, const GrammarContext& context, MovementLine& line) {
  const auto count = read_count_range(cursor);
  if (!count || !cursor.accept(TokenKind::kTimes)) {
    return false;
  }
  auto group = read_group(cursor, context);
  if (!group) {
    return false;
  }
  line.movements = std::move(group->movements);
  line.grouping = line.movements.size() > 1 ? Grouping::kComplex : Grouping::kSingle;
  const bool counts_per_element =
      std::any_of(line.movements.begin() + 1, line.movements.end(),
                  [](const Movement& movement) { return movement.count.has_value(); });
  if (group->bracketed) {
    line.sets = count;
  } else if (counts_per_element && count->min == count->max) {
    line.movements.front().count = count->min;  // "3 x Snatch + 2 x OHS": 3 snatches, 2 squats
  } else {
    line.reps = count;
  }
  TailState state{.strong = true, .marked = true};
  read_tail(cursor, line, context, state);
  return finish_line(cursor, line, context, state);
}

// Quantities an item of a reps-first line may carry besides its movement's reps, distance and
// time. Only a line of one item keeps them all, and a list or complex keeps the first load.
struct ItemExtras {
  //! User-provided, because the implicit constructor clears the extras with one slow block store.
  //! So every member must have a default member initializer or a class type.
  ItemExtras() noexcept {}  // NOLINT(modernize-use-equals-default)

  bool reps_at_least = false;
  bool per_side = false;
  std::optional<Quantity> calories;
  std::optional<Quantity> load;
  //! Load tiers in brackets as written, "(Mx 75/55, Rx 95/65)", which gave load its Rx tier.
  std::string_view tiers;
};

// A load alone in brackets, "(95/65)" or "(24/16 kg)", or the "Rx" load of tiers in brackets,
// "(Rx 135/95)", "(Mx 75/55, Rx 95/65)", at the cursor. Returns nullopt, consuming nothing, for
// other text.
std::optional<Quantity> read_bracketed_load(Cursor& cursor) {
  const std::size_t close = matching_close(cursor);
  if (close == 0) {
    return std::nullopt;
  }
  Cursor inner(cursor.line(), cursor.position() + 1, close);
  auto load = read_load(inner, true);
  if (!load || !inner.at_end()) {
    inner.reset(cursor.position() + 1);
    load = read_tiered_load(inner);
  }
  if (!load) {
    return std::nullopt;
  }
  cursor.reset(close + 1);
  return load;
}

// Reads a load in brackets into extras (see read_bracketed_load), keeping tiers as written.
bool read_item_bracket(Cursor& cursor, const GrammarContext& context, ItemExtras& extras) {
  const std::size_t open = cursor.position();
  // A tier's name starts the bracket, where a load alone starts with its number.
  const bool tiers = cursor.is(TokenKind::kWord, 1);
  extras.load = read_bracketed_load(cursor);
  if (extras.load && tiers) {
    extras.tiers = written_text(cursor.line(), context.original, open, cursor.position());
  }
  return extras.load.has_value();
}

// One item of a reps-first line: "10 Air Squats", "400m run", "(95/65) Thrusters". Fills
// movement and extras; returns false, consuming nothing, when there is no item.
bool read_item(Cursor& cursor, const GrammarContext& context, bool quantity_required,
               Movement& movement, ItemExtras& extras) {
  const std::size_t start = cursor.position();
  bool quantity = true;
  if (cursor.is(TokenKind::kOpen)) {
    quantity = read_item_bracket(cursor, context, extras);
  } else if (cursor.is(TokenKind::kNumber) && !unit_may_follow_number(cursor)) {
    // "10 Air Squats": a count, as the unit rules below would all fail.
    if (const auto reps = read_count_range(cursor)) {
      movement.reps = reps;
      read_reps_suffix(cursor, extras.reps_at_least, extras.per_side);
      // "10 e/s Walking Lunges", "8 each leg Step-ups": the side before the name.
      if (read_side(cursor)) {
        extras.per_side = true;
      }
    } else {
      quantity = false;
    }
  } else if (const auto seconds = read_duration(cursor)) {
    movement.duration_seconds = seconds;
    cursor.accept_word("hold");  // ":30 hold Hollow Rock", as "Hollow Rock :30 hold"
  } else if (auto distance = read_distance(cursor)) {
    movement.distance = distance;
  } else if (auto calories = read_calories(cursor)) {
    extras.calories = calories;
  } else if (auto load = read_load(cursor)) {
    extras.load = load;
  } else if (const auto reps = read_count_range(cursor)) {
    movement.reps = reps;
    read_reps_suffix(cursor, extras.reps_at_least, extras.per_side);
  } else {
    quantity = false;
  }
  const auto name = quantity || !quantity_required ? read_name(cursor) : std::nullopt;
  if (!name) {
    cursor.reset(start);
    movement = Movement{};
    return false;
  }
  set_names(movement, cursor, *name, context);
  // "10 DB Rows e/s, 15 Sit-ups": a side after the name, so that the list goes on after it.
  if (read_side(cursor)) {
    extras.per_side = true;
  }
  // "21 KBS (24/16 kg)": a load in brackets after the name, when none came before it.
  if (cursor.is(TokenKind::kOpen) && !extras.load) {
    read_item_bracket(cursor, context, extras);
  } else if (!extras.load && (cursor.is(TokenKind::kNumber) ||
                              (cursor.is(TokenKind::kAt) && cursor.is(TokenKind::kNumber, 1)))) {
    // "10 Thrusters @ 95 lb", "10 DL 225/155 lb", "10 Box Jumps 24/20": a load without brackets.
    // Without a unit, as in brackets, only a pair that ends the item is a load.
    const std::size_t before_load = cursor.position();
    cursor.accept(TokenKind::kAt);
    std::optional<Quantity> load = read_load(cursor);
    if (!load && cursor.is(TokenKind::kSlash, 1)) {
      load = read_load(cursor, true);
      load =
          load && (cursor.at_end() || cursor.is(TokenKind::kComma) || cursor.is(TokenKind::kPlus))
              ? load
              : std::nullopt;
    }
    if (load && !cursor.is(TokenKind::kPercent)) {
      extras.load = load;
    } else {
      cursor.reset(before_load);
    }
  }
  return true;
}

// Moves the quantities of a lone item to the line: "4 Hip Snatch" has reps 4 like "Hip Snatch x 4".
void lift_single_item(MovementLine& line, ItemExtras& extras) {
  Movement& movement = line.movements.front();
  line.reps = std::exchange(movement.reps, std::nullopt);
  line.distance = std::exchange(movement.distance, std::nullopt);
  line.duration_seconds = std::exchange(movement.duration_seconds, std::nullopt);
  line.reps_at_least = extras.reps_at_least;
  line.per_side = extras.per_side;
  line.calories = std::move(extras.calories);
  line.load = std::move(extras.load);
  if (!extras.tiers.empty()) {
    append_remark(line, extras.tiers);
  }
}

// "10 Air Squats, 10 Pushups, 10 V-Ups", "1 Hang Clean + 2 Front Squats + 1 Jerk", "400m run".
bool read_items(Cursor& cursor, const GrammarContext& context, MovementLine& line) {
  Movement first;
  ItemExtras first_extras;
  if (!read_item(cursor, context, true, first, first_extras)) {
    return false;  // the common failure, before anything is allocated
  }
  line.movements.reserve(4);
  first.calories = std::optional<Quantity>(first_extras.calories);
  first.load = std::optional<Quantity>(first_extras.load);
  line.movements.push_back(std::move(first));
  bool listed = false;
  std::optional<Quantity> load = first_extras.load;
  // "3 Front Squats @ 80%, 5 Pull-ups": the intensities of items before a comma, one an item. The
  // last item's is left to read_tail, which gives it to the line as in "10 Burpees, 5 Deadlifts @
  // 60%", unless an item before it states one: "3 Front Squats @ 80%, 5 Deadlifts @ 70%".
  std::vector<std::optional<Intensity>> intensities;
  std::size_t last_intensity_start = 0;
  const auto read_item_intensity = [&] {
    // Most items with an intensity end the line; one before a comma needs a comma after it.
    if (!cursor.is(TokenKind::kAt) ||
        (intensities.empty() && !cursor.line().has_kind(TokenKind::kComma))) {
      return;
    }
    const std::size_t before = cursor.position();
    last_intensity_start = before;
    auto intensity = read_intensity(cursor, context);
    if (!intensity || !intensity->percent ||
        !(cursor.is(TokenKind::kComma) || (cursor.at_end() && !intensities.empty()))) {
      cursor.reset(before);
      return;
    }
    intensities.resize(line.movements.size());
    intensities.back() = std::move(intensity);
  };
  read_item_intensity();
  while (line.movements.size() < kMaxItems) {
    const std::size_t before_separator = cursor.position();
    // "Push-ups / Sit-ups": a slash with spaces around it separates the items of a list.
    const bool comma = cursor.accept(TokenKind::kComma) ||
                       (cursor.is_spaced_slash() && cursor.accept(TokenKind::kSlash));
    if (!comma && !cursor.accept(TokenKind::kPlus)) {
      break;
    }
    // "4 x 400m Run, rest 2:00": a rest after the items is no item, and stays in the remark.
    if (cursor.is_word("rest")) {
      cursor.reset(before_separator);
      break;
    }
    ItemExtras extras;
    if (!read_item(cursor, context, false, line.movements.emplace_back(), extras)) {
      line.movements.pop_back();
      cursor.reset(before_separator);
      break;
    }
    line.movements.back().calories = std::move(extras.calories);
    line.movements.back().load = std::optional<Quantity>(extras.load);
    line.movements.back().per_side = extras.per_side;
    listed = listed || comma;
    if (!load) {
      load = extras.load;
    }
    read_item_intensity();
  }
  if (!intensities.empty() && line.movements.size() > 1 && listed) {
    intensities.resize(line.movements.size());
    assign_movement_intensities(line, std::move(intensities));
  } else if (!intensities.empty()) {
    // A lone item, "3 Power Cleans @ 70%, rest 1 min": read_tail reads its intensity.
    cursor.reset(last_intensity_start);
  }

  bool any_known = false;
  for (const Movement& movement : line.movements) {
    any_known = any_known || context.vocabulary.names_movement(movement.canonical);
  }
  if (!any_known) {
    return false;
  }
  if (line.movements.size() == 1) {
    line.movements.front().calories.reset();
    line.movements.front().load.reset();
    lift_single_item(line, first_extras);
  } else {
    line.grouping = listed ? Grouping::kList : Grouping::kComplex;
    line.load = load;
    line.movements.front().per_side = first_extras.per_side;
    for (Movement& movement : line.movements) {
      if (!listed && movement.reps) {
        movement.count = movement.reps->min;
        movement.reps.reset();
      }
    }
  }
  TailState state{.strong = true};
  read_tail(cursor, line, context, state);
  return finish_line(cursor, line, context, state);
}

// One more movement of a line whose first movement has its own count: "OHS x 2", "Clean x 2 reps",
// "Row x 500m", "2 x OHS", "2 OHS". Fills movement, or returns false, consuming nothing, when the
// item has no count, as in "focus on speed".
bool read_counted_item(Cursor& cursor, const GrammarContext& context, Movement& movement) {
  const std::size_t start = cursor.position();
  if (const auto count = read_count_range(cursor)) {
    cursor.accept(TokenKind::kTimes);
    cursor.accept_word_in({"rep", "reps"});
    if (const auto name = read_name(cursor)) {
      set_names(movement, cursor, *name, context);
      movement.reps = count;
      return true;
    }
    cursor.reset(start);
    return false;
  }
  const auto name = read_name(cursor);
  if (!name || !cursor.accept(TokenKind::kTimes)) {
    cursor.reset(start);
    return false;
  }
  const TimesQuantity read = read_quantity_after_times(cursor, movement.duration_seconds,
                                                       movement.distance, movement.reps);
  if (read == TimesQuantity::kNone) {
    cursor.reset(start);
    return false;
  }
  if (read == TimesQuantity::kReps) {
    cursor.accept_word_in({"rep", "reps"});
  }
  set_names(movement, cursor, *name, context);
  return true;
}

// One more item of a list whose first item states sets: "Clean 3x2", "Jerk 3 x 2 reps". Fills
// movement with its sets and reps, or returns false, consuming nothing, for other items.
bool read_item_with_sets(Cursor& cursor, const GrammarContext& context, Movement& movement) {
  const std::size_t start = cursor.position();
  const auto name = read_name(cursor);
  const auto sets = name ? read_count_range(cursor) : std::nullopt;
  const auto reps =
      sets && cursor.accept(TokenKind::kTimes) ? read_count_range(cursor) : std::nullopt;
  if (!reps) {
    cursor.reset(start);
    return false;
  }
  cursor.accept_word_in({"rep", "reps"});
  set_names(movement, cursor, *name, context);
  movement.sets = sets;
  movement.reps = reps;
  return true;
}

// Moves a count in a complex from reps to count, where the contract keeps it.
void count_in_complex(Movement& movement) {
  if (movement.reps && movement.reps->min == movement.reps->max) {
    movement.count = movement.reps->min;
    movement.reps.reset();
  }
}

// "Snatch x 3, Clean x 2" and "Snatch x 3 + OHS x 2": after the first movement and its count, the
// other movements with theirs. Each movement keeps its own count: reps in a list, count in a
// complex. An intensity before the first comma of a list is the first movement's, and each
// other movement may then state its own: "Snatch x 2 @ 70%, Clean x 2 @ 80%". When the first
// movement of a list states sets, each other one must too: "Snatch 3x2 @ 75%, Clean 3x2 @ 80%".
// Returns false, consuming nothing, when no such item follows.
bool read_more_counted_items(Cursor& cursor, MovementLine& line, const GrammarContext& context) {
  const std::size_t start = cursor.position();
  const bool after_comma = start > 0 && cursor.line().tokens[start - 1].kind == TokenKind::kComma;
  const bool listed = after_comma || cursor.is(TokenKind::kComma);
  const TokenKind separator = listed ? TokenKind::kComma : TokenKind::kPlus;
  // Only a lone movement whose count went to the line. A complex is done as one set, so an
  // intensity before its "+" stays the line's and ends it.
  const bool first_counted = line.reps || line.duration_seconds || line.distance;
  const bool own_intensities = !line.intensity.empty();
  const bool sets_per_item = listed && line.sets && line.reps && line.steps.empty();
  if (line.movements.size() != 1 || !first_counted || (line.sets && !sets_per_item) ||
      !line.rep_scheme.empty() || (own_intensities && !listed) ||
      (!listed && !cursor.is(TokenKind::kPlus))) {
    return false;
  }

  std::vector<Movement> more;
  std::vector<std::optional<Intensity>> intensities;  // of the movements in more
  bool first_item = after_comma;
  while (line.movements.size() + more.size() < kMaxItems) {
    const std::size_t before = cursor.position();
    if (!first_item && !cursor.accept(separator)) {
      break;
    }
    first_item = false;
    Movement movement;
    const bool item_read = sets_per_item ? read_item_with_sets(cursor, context, movement)
                                         : read_counted_item(cursor, context, movement);
    if (!item_read) {
      cursor.reset(before);
      break;
    }
    more.push_back(std::move(movement));
    std::optional<Intensity>& intensity = intensities.emplace_back();
    if (own_intensities) {
      intensity = read_intensity(cursor, context);
    }
  }
  if (more.empty()) {
    cursor.reset(start);
    return false;
  }

  Movement& first = line.movements.front();
  first.reps = std::exchange(line.reps, std::nullopt);
  first.duration_seconds = std::exchange(line.duration_seconds, std::nullopt);
  first.distance = std::exchange(line.distance, std::nullopt);
  first.sets = std::exchange(line.sets, std::nullopt);
  for (Movement& movement : more) {
    line.movements.push_back(std::move(movement));
  }
  line.grouping = listed ? Grouping::kList : Grouping::kComplex;
  if (!listed) {
    for (Movement& movement : line.movements) {
      count_in_complex(movement);
    }
  }
  if (own_intensities) {
    intensities.insert(intensities.begin(), std::exchange(line.intensity, Intensity{}));
    assign_movement_intensities(line, std::move(intensities));
  }
  return true;
}

// "Thrusters, Pull-ups": more names after the first one's comma, none with a count of its own.
// Every name must be known to the vocabulary, so that "Back Squat, light" does not read "light"
// as a movement. Returns false, consuming nothing, when no such name follows.
bool read_more_names(Cursor& cursor, const GrammarContext& context, MovementLine& line) {
  // "Push-ups / Sit-ups": a slash with spaces around it separates names as a comma does.
  const auto at_separator = [&cursor] {
    return cursor.is(TokenKind::kComma) || cursor.is_spaced_slash();
  };
  if (!at_separator() || !cursor.is(TokenKind::kWord, 1) || line.movements.size() != 1 ||
      !context.vocabulary.names_movement(line.movements.front().canonical)) {
    return false;
  }
  while (line.movements.size() < kMaxItems && at_separator()) {
    const std::size_t before = cursor.position();
    cursor.advance();
    const auto name = read_name(cursor);
    if (!name) {
      cursor.reset(before);
      break;
    }
    Movement& movement = line.movements.emplace_back();
    set_names(movement, cursor, *name, context);
    if (!context.vocabulary.names_movement(movement.canonical)) {
      line.movements.pop_back();
      cursor.reset(before);
      break;
    }
  }
  if (line.movements.size() == 1) {
    return false;
  }
  line.grouping = Grouping::kList;
  return true;
}

// "(Snatch + Hip Snatch) x 1 rep", "Back Squat 5x5 @ 75%", "Slow Pull Power Snatch",
// "Deadlift: 5/3/1 week: 65%x5, …", "Deadlift – 5/3/1 Week 3: 75%x5, …", "Squat: Week 2: …": a
// label of the program's week or wave between the name and what it prescribes. Skips it when
// more follows. It also skips a label that names the 5/3/1 program and ends the line ("Deadlift
// 5/3/1", "Press 5/3/1 Week 3"). Returns whether the label names that program, and consumes
// nothing for other text.
bool skip_week_label(Cursor& cursor) {
  const std::size_t start = cursor.position();
  // "5/3/1": the program's name, numbers joined by slashes.
  constexpr std::array<double, 3> kFiveThreeOne = {5, 3, 1};
  std::size_t numbers = 0;
  bool five_three_one = true;
  const auto read_number = [&] {
    const double value = cursor.advance().value;
    five_three_one =
        five_three_one && numbers < kFiveThreeOne.size() && value == kFiveThreeOne[numbers];
    ++numbers;
  };
  if (cursor.is(TokenKind::kNumber) && cursor.is(TokenKind::kSlash, 1)) {
    while (cursor.is(TokenKind::kNumber) && cursor.is(TokenKind::kSlash, 1) &&
           cursor.is(TokenKind::kNumber, 2)) {
      read_number();
      cursor.advance();
    }
    read_number();
  }
  const bool program = five_three_one && numbers == kFiveThreeOne.size();
  // "Deadlift 5/3/1" above its sets, "Deadlift 5/3/1: 70% x 3, …": the program's name alone.
  if (program) {
    const std::size_t after_program = cursor.position();
    if (cursor.at_end() || ((cursor.accept(TokenKind::kColon) ||
                             (cursor.is_spaced_dash() && cursor.accept(TokenKind::kDash))) &&
                            !cursor.at_end())) {
      return true;
    }
    cursor.reset(after_program);
  }

  if (!cursor.accept_word_in({"week", "wave"})) {
    cursor.reset(start);
    return false;
  }
  cursor.accept(TokenKind::kNumber);
  // "Press 5/3/1 Week 3" above its sets.
  if (program && cursor.at_end()) {
    return true;
  }
  const bool separated = cursor.accept(TokenKind::kColon) ||
                         (cursor.is_spaced_dash() && cursor.accept(TokenKind::kDash));
  if (!separated || cursor.at_end()) {
    cursor.reset(start);
    return false;
  }
  return program;
}

// The percentages of a 5/3/1 week are of the training max, as that program defines them:
// "Deadlift: 5/3/1 week: 65%x5, 75%x5, 85%x5+". Those that name no reference get it.
void refer_to_training_max(MovementLine& line) {
  if (line.intensity.percent && !line.intensity.of) {
    line.intensity.of = RmRef{.training_max = true};
  }
  for (IntensityStep& step : line.steps) {
    if (step.intensity.percent && !step.intensity.of) {
      step.intensity.of = RmRef{.training_max = true};
    }
  }
}

// "Snatch x 3, Clean x 2", "Thrusters, Pull-ups".
bool read_named(Cursor& cursor, const GrammarContext& context, MovementLine& line) {
  auto group = read_group(cursor, context);
  if (!group) {
    return false;
  }
  line.movements = std::move(group->movements);
  line.grouping = line.movements.size() > 1 ? Grouping::kComplex : Grouping::kSingle;
  // "Thrusters (95/65), Pull-ups", "Thrusters 95/65, Pull-ups": the load of the first name comes
  // before the names after it.
  if ((cursor.is(TokenKind::kOpen) ||
       (cursor.is(TokenKind::kSlash, 1) && !at_fraction_step(cursor))) &&
      line.movements.size() == 1) {
    const std::size_t before = cursor.position();
    auto load = cursor.is(TokenKind::kOpen) ? read_bracketed_load(cursor) : read_load(cursor, true);
    if (load && cursor.is(TokenKind::kComma) && cursor.is(TokenKind::kWord, 1)) {
      line.load = load;
    } else {
      cursor.reset(before);
    }
  }
  read_more_names(cursor, context, line);
  // "Snatch: 5x3 @ 80%", "Snatch - 5 x 2 @ 75%"
  if (!cursor.accept(TokenKind::kColon) && cursor.is_spaced_dash()) {
    cursor.advance();
  }
  const bool five_three_one = skip_week_label(cursor);
  TailState state;
  read_tail(cursor, line, context, state);
  // "Row 500m, 10 Air Squats": a distance after the name counts the first item too.
  if (!cursor.at_end() && (state.marked || line.distance) &&
      read_more_counted_items(cursor, line, context)) {
    read_tail(cursor, line, context, state);
  }
  if (five_three_one) {
    refer_to_training_max(line);
    line.training_max_program = true;
  }
  if (!state.strong) {
    for (const Movement& movement : line.movements) {
      if (!context.vocabulary.names_movement(movement.canonical)) {
        return false;
      }
    }
  }
  return finish_line(cursor, line, context, state);
}

// "5 sets of", "4-6 sets of", "Three sets of", "4 sets x": a set count before the name.
std::optional<CountRange> read_sets_count(Cursor& cursor) {
  const std::size_t start = cursor.position();
  std::optional<CountRange> count = read_count_range(cursor);
  if (!count) {
    if (const auto word = read_count_or_number_word(cursor)) {
      count = CountRange{*word, *word};
    }
  }
  if (!count || !cursor.accept_word_in({"sets", "set"})) {
    cursor.reset(start);
    return std::nullopt;
  }
  if (!cursor.accept_word("of")) {
    cursor.accept(TokenKind::kTimes);
  }
  return count;
}

// Reps set by set before the names: "21-15-9 Thrusters, Pull-ups", "21-15-9: KB Swings, T2B",
// "5-4-3-2-1 reps Deadlift", "(4-4-4-4) Front Squat @ 75%". The rest of the line is a movement
// line of its own that names movements and states no sets. Returns false, consuming nothing and
// leaving line as it was, for other lines.
bool read_sequence_first(Cursor& cursor, const GrammarContext& context, MovementLine& line) {
  const std::size_t start = cursor.position();
  const bool bracketed = cursor.accept(TokenKind::kOpen);
  std::vector<int> sequence = read_rep_sequence(cursor);
  if (sequence.empty() || (bracketed && !cursor.accept(TokenKind::kClose))) {
    cursor.reset(start);
    return false;
  }
  cursor.accept_word_in({"rep", "reps"});
  cursor.accept(TokenKind::kColon);  // "21-15-9: KB Swings, T2B"
  if (cursor.at_end() || !cursor.is(TokenKind::kWord)) {
    cursor.reset(start);
    return false;
  }
  const bool named = parse_movement_line(cursor, context, line) && !line.movements.empty() &&
                     !line.sets && line.rep_scheme.empty();
  if (!named) {
    std::destroy_at(&line);
    std::construct_at(&line);
    cursor.reset(start);
    return false;
  }
  const int count = static_cast<int>(sequence.size());
  line.sets = CountRange{count, count};
  line.rep_scheme = std::move(sequence);
  return true;
}

// "10: Dips, Pull-ups" after the sets of "3 x 10: Dips, Pull-ups", "3 sets of 10 reps: Dips,
// Pull-ups" or "Superset 3x10: Dips, Pull-ups": reps that each movement named after the colon
// does, which name none of their own. Returns false, consuming nothing and leaving line as a new
// MovementLine, for other text.
bool read_reps_for_names(Cursor& cursor, const GrammarContext& context, MovementLine& line) {
  const std::size_t start = cursor.position();
  if (!at_reps_for_names(cursor)) {
    return false;
  }
  const std::optional<CountRange> reps = read_count_range(cursor);
  cursor.accept_word_in({"rep", "reps"});
  cursor.accept(TokenKind::kColon);
  const bool named =
      parse_movement_line(cursor, context, line) && !line.movements.empty() && !line.reps &&
      !line.sets && line.rep_scheme.empty() &&
      std::none_of(line.movements.begin(), line.movements.end(),
                   [](const Movement& movement) { return movement.reps.has_value(); });
  if (!named) {
    std::destroy_at(&line);
    std::construct_at(&line);
    cursor.reset(start);
    return false;
  }
  line.reps = reps;
  return true;
}

// Sets written before the name: "5x5 Back Squat", "5 x 5 Back Squat", "4 x 400m run",
// "4-6 sets of 1-3 reps Snatch", "Three sets of 10 Burpees". A number must follow "x": "12 x
// Goblet Squat" is reps. The rest of the line is a movement line of its own that names movements;
// the sets go to it.
bool read_sets_first(Cursor& cursor, const GrammarContext& context, MovementLine& line) {
  static constexpr KeywordSet kNumberWords = {
      "one",     "two",     "three",     "four",     "five",     "six",      "seven",
      "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen", "fourteen",
      "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
  if (cursor.is(TokenKind::kOpen) && cursor.is(TokenKind::kNumber, 1)) {
    return read_sequence_first(cursor, context, line);  // "(4-4-4-4) Front Squat @ 75%"
  }
  if (!cursor.is(TokenKind::kNumber) && !kNumberWords.contains(cursor.keyword())) {
    return false;  // the common case: a line of prose
  }
  const std::size_t start = cursor.position();
  if (read_sequence_first(cursor, context, line)) {
    return true;
  }
  // "10-12 reps of Goblet Squat": the reps, then the movement after "of".
  if (const auto reps = read_count_range(cursor);
      reps && cursor.accept_word_in({"rep", "reps"}) && cursor.accept_word("of")) {
    if (parse_movement_line(cursor, context, line) && line.movements.size() == 1 && !line.reps &&
        line.rep_scheme.empty()) {
      line.reps = reps;
      return true;
    }
    line = MovementLine{};
  }
  cursor.reset(start);
  std::optional<CountRange> sets = read_count_range(cursor);
  const bool times = sets && cursor.is(TokenKind::kTimes) &&
                     (cursor.is(TokenKind::kNumber, 1) || cursor.is(TokenKind::kTime, 1));
  if (times) {
    cursor.advance();
  } else {
    cursor.reset(start);
    sets = read_sets_count(cursor);
  }
  if (!sets || cursor.at_end()) {
    cursor.reset(start);
    return false;
  }
  if (read_reps_for_names(cursor, context, line)) {
    line.sets = sets;
    return true;
  }
  if (!parse_movement_line(cursor, context, line) || line.movements.empty()) {
    cursor.reset(start);
    return false;
  }
  if (!line.sets) {
    line.sets = sets;
  }
  return true;
}

// Whether the line opens with a qualifier that read_qualifier_first reads: a quote or "AHAP".
bool may_open_with_qualifier(const Cursor& cursor) {
  const Token* first = cursor.peek();
  return first != nullptr && (first->kind == TokenKind::kInch || first->kind == TokenKind::kFoot ||
                              first->keyword == Keyword("ahap").id);
}

// A qualifier before a movement line that names movements: a quote ('"Touch and go" Power Snatch
// x 3'), "AHAP" (as heavy as possible) or a bracket ("(Mx 75/55, Rx 95/65) Thrusters x 10"). The
// qualifier is kept as the first part of the remark, so the name stays the lift's. Returns false,
// consuming nothing, for other lines. Then line may hold part of a result.
bool read_qualifier_first(Cursor& cursor, const GrammarContext& context, MovementLine& line) {
  const std::size_t start = cursor.position();
  std::size_t end = start + 1;  // after "AHAP"
  if (!cursor.is_word("ahap")) {
    const std::size_t close =
        cursor.is(TokenKind::kOpen) ? matching_close(cursor) : closing_quote(cursor);
    if (close == 0) {
      return false;
    }
    end = close + 1;
  }
  if (end >= cursor.end()) {
    return false;
  }
  Cursor rest(cursor.line(), end, cursor.end());
  if (!parse_movement_line(rest, context, line) || line.movements.empty()) {
    return false;
  }
  std::string remark(written_text(cursor.line(), context.original, start, end));
  if (!line.remark.empty()) {
    remark += ' ';
    remark += line.remark;
  }
  line.remark = std::move(remark);
  cursor.reset(cursor.end());
  return true;
}

}  // namespace

void append_warning(MovementLine& line, std::string_view text) {
  if (!line.warning.empty()) {
    line.warning += "; ";
  }
  line.warning += text;
}

namespace {

// First tokens a rule can start with: a name or a complex opens with a word, a bracket or the
// number of "3- Position Snatch"; a count with a number; an item with a quantity, which is a
// number, a time or a bracketed load. A rule whose first token does not fit is not tried.
bool may_start_named(const Cursor& cursor) {
  return cursor.is(TokenKind::kWord) || cursor.is(TokenKind::kOpen) ||
         cursor.is(TokenKind::kNumber);
}
bool may_start_count(const Cursor& cursor) {
  return cursor.is(TokenKind::kNumber);
}
bool may_start_item(const Cursor& cursor) {
  return cursor.is(TokenKind::kNumber) || cursor.is(TokenKind::kTime) ||
         cursor.is(TokenKind::kOpen);
}
bool may_start_bracket(const Cursor& cursor) {
  return cursor.is(TokenKind::kOpen);
}
bool may_start_anything(const Cursor& /*cursor*/) {
  return true;
}

// A line of quantities only starts with a token that a rule of read_tail reads first, so a rule
// added to read_tail must be added here too. That token is a comma, "x", a number, a time, an
// opening bracket, "@", "/", a quote, or one of the words below ("for 30 seconds", "men 95",
// "each side", "at 75%", "up to 85%", "rpe 8", "single @ 80%", "top single @ 90%", "drop 10%"), or
// the dash of "-10%". Most notes start with another word.
bool may_start_quantities(const Cursor& cursor) {
  const Token* token = cursor.peek();
  if (token == nullptr) {
    return false;  // read_tail reads nothing, so read_quantities_only fails
  }
  switch (token->kind) {
    case TokenKind::kComma:
    case TokenKind::kTimes:
    case TokenKind::kNumber:
    case TokenKind::kTime:
    case TokenKind::kOpen:
    case TokenKind::kAt:
    case TokenKind::kSlash:
    case TokenKind::kInch:
    case TokenKind::kFoot:
      return true;
    case TokenKind::kDash:
      return at_drop_from_top(cursor);  // "-10% x 2 x 2"
    case TokenKind::kWord: {
      static constexpr KeywordSet kWords = {"for",    "men",    "male",   "each", "ea",
                                            "per",    "e",      "at",     "up",   "rpe",
                                            "single", "double", "triple", "heavy"};
      return kWords.contains(token->keyword) || cursor.word() == "men's" ||
             cursor.word() == "top" || at_drop_from_top(cursor);
    }
    default:
      return false;
  }
}

}  // namespace

bool at_reps_for_names(const Cursor& cursor) {
  if (!cursor.is(TokenKind::kNumber)) {
    return false;
  }
  Cursor ahead = cursor;
  if (!read_count_range(ahead)) {
    return false;
  }
  ahead.accept_word_in({"rep", "reps"});
  return ahead.accept(TokenKind::kColon) && ahead.is(TokenKind::kWord);
}

void keep_percent_to_lifts(MovementLine& line, const Vocabulary& vocabulary) {
  if (line.grouping != Grouping::kList || !line.intensity.percent) {
    return;
  }
  bool any_lift = false;
  bool any_other = false;
  for (const Movement& movement : line.movements) {
    if (movement.intensity || movement.without_intensity) {
      return;  // the movements state their own intensities
    }
    const bool lift = vocabulary.is_lift(movement.canonical);
    any_lift = any_lift || lift;
    any_other = any_other || !lift;
  }
  if (!any_lift || !any_other) {
    return;
  }
  for (Movement& movement : line.movements) {
    movement.without_intensity = !vocabulary.is_lift(movement.canonical);
  }
}

void assign_movement_intensities(MovementLine& line,
                                 std::vector<std::optional<Intensity>>&& intensities) {
  const std::optional<Intensity>* shared = nullptr;
  bool agree = true;
  for (const std::optional<Intensity>& intensity : intensities) {
    if (!intensity) {
      continue;
    }
    agree = agree && (shared == nullptr || **shared == *intensity);
    shared = shared == nullptr ? &intensity : shared;
  }
  if (shared == nullptr) {
    return;
  }
  const std::size_t count = std::min(intensities.size(), line.movements.size());
  if (agree) {
    line.intensity = **shared;
    for (std::size_t item = 0; item < count; ++item) {
      line.movements[item].without_intensity = !intensities[item].has_value();
    }
    return;
  }
  line.intensity = Intensity{};
  for (std::size_t item = 0; item < count; ++item) {
    if (intensities[item]) {
      line.movements[item].intensity = std::move(*intensities[item]);
    }
  }
}

bool parse_movement_line(Cursor& cursor, const GrammarContext& context, MovementLine& line) {
  const std::size_t start = cursor.position();
  // "Rx 135/95", "Rx: 95/65, Scaled: 65/45": the load of the movement above, in tiers. Without
  // this rule "Rx" would be read as a movement's name.
  const std::string_view first = cursor.word();
  if (first == "rx" || first == "mx") {
    if (auto load = read_tiered_load(cursor)) {
      line.load = std::move(load);
      return true;
    }
  }
  // "Scaled: 65/45 lb", "Beginner 45/35", "Scaled: 65/45 lb, Jumping Pull-ups": what another tier
  // than the prescribed one does is a note, where the rules below would read a movement named
  // "scaled". Short names such as "DB" name movements too, so only the longer tier names are
  // tested.
  constexpr std::size_t kShortName = 3;
  if (first.size() > kShortName && is_tier_name(first)) {
    Cursor tier(cursor.line(), cursor.position() + 1, cursor.end());
    if (tier.accept(TokenKind::kColon) || tier.is_spaced_dash() ||
        (read_load(tier, true) && tier.at_end())) {
      return false;
    }
  }
  const bool qualified = may_open_with_qualifier(cursor);
  if (qualified && read_qualifier_first(cursor, context, line)) {
    return true;
  }
  // Each rule fills line as it reads and returns whether it read the whole line. A rule that
  // fails may have filled part of it, so line is made new before the next rule that runs.
  struct Rule {
    bool (*may_start)(const Cursor&);
    bool (*read)(Cursor&, const GrammarContext&, MovementLine&);
  };
  // The last rule reads a bracket that no other rule reads before the name, "(Light) Snatch x 3".
  // It is a remark, as it is after the name.
  static constexpr Rule kRules[] = {{may_start_named, read_named},
                                    {may_start_count, read_count_times_group},
                                    {may_start_item, read_items},
                                    {may_start_anything, read_sets_first},
                                    {may_start_quantities, read_quantities_only},
                                    {may_start_bracket, read_qualifier_first}};
  bool line_used = qualified;  // whether a rule has run on line since it was made
  for (const Rule& rule : kRules) {
    if (!rule.may_start(cursor)) {
      continue;
    }
    if (line_used) {
      std::destroy_at(&line);
      std::construct_at(&line);
    }
    line_used = true;
    if (rule.read(cursor, context, line)) {
      keep_percent_to_lifts(line, context.vocabulary);
      return true;
    }
    cursor.reset(start);
  }
  cursor.reset(start);
  return false;
}

std::size_t back_off_lead(const Cursor& cursor) {
  const std::string_view first = cursor.word();
  // Most callers test a token that starts no back-off; the first letter turns them away before the
  // spelling compares.
  if (first.empty() || (first.front() != 'd' && first.front() != 'b' && first.front() != 'c')) {
    return 0;
  }
  if (first == "drop" || first == "drops") {
    const std::string_view second = cursor.word(1);
    const std::size_t to = second == "down" || second == "back" ? 2 : 1;
    return cursor.is_word("to", to) ? to + 1 : 0;
  }
  if (first == "back") {
    const std::size_t dash = cursor.is(TokenKind::kDash, 1) ? 1 : 0;
    if (cursor.is_word("off", 1 + dash)) {
      return cursor.is_word("to", 2 + dash) ? 3 + dash : 2 + dash;
    }
  }
  const bool down_to =
      (first == "back" || first == "come") && cursor.word(1) == "down" && cursor.is_word("to", 2);
  return down_to ? 3 : 0;
}

std::size_t back_off_words(const Cursor& cursor) {
  const std::size_t words = back_off_lead(cursor);
  return words > 0 && cursor.is(TokenKind::kColon, words) ? words + 1 : words;
}

}  // namespace wodetl::prescription
