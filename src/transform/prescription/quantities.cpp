#include "transform/prescription/quantities.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "transform/prescription/canonical.hpp"
#include "transform/prescription/keywords.hpp"

namespace wodetl::prescription {

namespace {

constexpr std::size_t kMaxSequenceLength = 100;
constexpr std::size_t kMaxLiftWords = 8;

// Integral test without std::floor, which is a library call on baseline x86-64. Only for values of
// at most kMaxQuantity, which fit a long long.
bool is_whole(double value) {
  return value == static_cast<double>(static_cast<long long>(value));
}

std::optional<double> read_number(Cursor& cursor) {
  if (!cursor.is(TokenKind::kNumber) || cursor.peek()->value > kMaxQuantity) {
    return std::nullopt;
  }
  return cursor.advance().value;
}

// Seconds per unit of a time word, or 0 when the word is not a time unit.
int seconds_per_unit(KeywordId word) {
  static constexpr KeywordMap<int> kUnits = {
      {"s", 1},     {"sec", 1},    {"secs", 1},    {"second", 1},   {"seconds", 1},
      {"min", 60},  {"mins", 60},  {"minute", 60}, {"minutes", 60}, {"h", 3600},
      {"hr", 3600}, {"hrs", 3600}, {"hour", 3600}, {"hours", 3600},
  };
  return kUnits[word];
}

std::string_view distance_unit(KeywordId word) {
  static constexpr KeywordMap<std::string_view> kUnits = {
      {"m", "m"},      {"meter", "m"},   {"meters", "m"}, {"metre", "m"}, {"metres", "m"},
      {"km", "km"},    {"ft", "ft"},     {"feet", "ft"},  {"foot", "ft"}, {"yd", "yd"},
      {"yds", "yd"},   {"yard", "yd"},   {"yards", "yd"}, {"mi", "mi"},   {"mile", "mi"},
      {"miles", "mi"}, {"inches", "in"},
  };
  return kUnits[word];
}

std::string_view load_unit(KeywordId word) {
  static constexpr KeywordMap<std::string_view> kUnits = {
      {"lb", "lb"},  {"lbs", "lb"},  {"pound", "lb"}, {"pounds", "lb"}, {"kg", "kg"},
      {"kgs", "kg"}, {"kilo", "kg"}, {"kilos", "kg"}, {"pood", "pood"}, {"pd", "pood"},
  };
  return kUnits[word];
}

bool is_calorie_word(KeywordId word) {
  static constexpr KeywordSet kWords = {"cal", "cals", "calorie", "calories"};
  return kWords.contains(word);
}

// Whether the token at the cursor makes the number before it a measure rather than a count: a
// unit of time, distance, load or calories, or a pound sign, foot or inch mark.
bool is_unit_after_count(const Cursor& cursor) {
  const KeywordId word = cursor.keyword();
  return seconds_per_unit(word) != 0 || !distance_unit(word).empty() || !load_unit(word).empty() ||
         is_calorie_word(word) || cursor.is(TokenKind::kHash) || cursor.is(TokenKind::kFoot) ||
         cursor.is(TokenKind::kInch);
}

bool accept_calorie_word(Cursor& cursor) {
  if (!is_calorie_word(cursor.keyword())) {
    return false;
  }
  cursor.advance();
  return true;
}

// "N" or "N/M" before a unit; alt_value holds M.
bool read_number_pair(Cursor& cursor, Quantity& quantity) {
  const std::size_t start = cursor.position();
  const auto value = read_number(cursor);
  if (!value) {
    return false;
  }
  quantity.value = *value;
  const std::size_t after_value = cursor.position();
  if (cursor.accept(TokenKind::kSlash)) {
    const auto alternative = read_number(cursor);
    if (alternative) {
      quantity.alt_value = *alternative;
    } else {
      cursor.reset(after_value);
    }
  }
  return cursor.position() > start;
}

// "%" or "percent".
bool accept_percent_sign(Cursor& cursor) {
  return cursor.accept(TokenKind::kPercent) || cursor.accept_word("percent");
}

std::optional<std::pair<Range, bool>> read_percent(Cursor& cursor) {
  const std::size_t start = cursor.position();
  const auto low = read_number(cursor);
  if (!low || *low > 1000) {
    cursor.reset(start);
    return std::nullopt;
  }
  // "85+%" is "85%+": at least 85%.
  const bool plus_first = cursor.is(TokenKind::kPlus) && !cursor.peek()->space_before &&
                          cursor.is(TokenKind::kPercent, 1) && !cursor.peek(1)->space_before;
  if (plus_first) {
    cursor.advance();
    cursor.advance();
    return std::make_pair(Range{*low, *low}, true);
  }
  const bool low_marked = accept_percent_sign(cursor);
  Range range{*low, *low};
  const std::size_t after_low = cursor.position();
  if (cursor.accept(TokenKind::kDash) || cursor.accept_word("to")) {
    const auto high = read_number(cursor);
    if (high && *high >= *low && *high <= 1000 && accept_percent_sign(cursor)) {
      range.max = *high;
    } else if (low_marked) {
      cursor.reset(after_low);
    } else {
      cursor.reset(start);
      return std::nullopt;
    }
  } else if (!low_marked) {
    cursor.reset(start);
    return std::nullopt;
  }
  const bool at_least = cursor.is(TokenKind::kPlus) && !cursor.peek()->space_before;
  if (at_least) {
    cursor.advance();
  }
  return std::make_pair(range, at_least);
}

// "up to" or "(up to)" before a percentage.
void skip_up_to(Cursor& cursor) {
  if (cursor.is(TokenKind::kOpen) && cursor.is_word("up", 1) && cursor.is_word("to", 2) &&
      cursor.is(TokenKind::kClose, 3)) {
    for (int skipped = 0; skipped < 4; ++skipped) {
      cursor.advance();
    }
    return;
  }
  cursor.accept_words({"up", "to"});
}

// "top set", "best set", "heaviest single": the heaviest set done earlier in the session.
bool accept_top_set(Cursor& cursor) {
  if (cursor.is_word_in({"top", "best", "heaviest"}) &&
      cursor.is_word_in({"set", "single", "double", "triple"}, 1)) {
    cursor.advance();
    cursor.advance();
    return true;
  }
  return false;
}

}  // namespace

// Accepts "TM", "training max", "of TM" or "of your training max" after a percentage.
bool accept_training_max(Cursor& cursor) {
  const std::size_t start = cursor.position();
  if (cursor.accept_word("of")) {
    cursor.accept_word_in({"your", "the"});
  }
  if (cursor.word() == "tm") {
    cursor.advance();
    return true;
  }
  if (cursor.word() == "training" && cursor.is_word("max", 1)) {
    cursor.advance();
    cursor.advance();
    return true;
  }
  cursor.reset(start);
  return false;
}

int read_rm_suffix(Cursor& cursor) {
  if (cursor.accept_word("max")) {
    return 1;
  }
  const std::size_t start = cursor.position();
  const auto reps = read_count(cursor);
  if (reps && *reps >= 1 && *reps <= 100) {
    cursor.accept(TokenKind::kDash);
    if (cursor.accept_word("rm") || cursor.accept_words({"rep", "max"})) {
      return *reps;
    }
  }
  cursor.reset(start);
  return 0;
}

namespace {

// Lift named after "of" without a rep max before it: "Back Squat", "Clean & Jerk", "back squat
// 1RM", "snatch max". Without a rep max after it, the name is the lift's 1-RM, so it must be a
// lift in the vocabulary: "of the weight" and "of what you did" name no lift. Fills reference,
// which must hold a default RmRef, or returns false, consuming nothing and clearing its lift.
bool read_named_reference(Cursor& cursor, const GrammarContext& context, RmRef& reference) {
  const std::size_t start = cursor.position();
  const LiftName name = read_lift_name_kind(cursor, context, reference.lift.emplace());
  const int rm = name == LiftName::kNone ? 0 : read_rm_suffix(cursor);
  if (name == LiftName::kNone || (name == LiftName::kUnknown && rm == 0)) {
    reference.lift.reset();
    cursor.reset(start);
    return false;
  }
  reference.rm = rm == 0 ? 1 : rm;
  cursor.accept_word_in({"weight", "weights", "load"});
  return true;
}

// Skips the "e" of "e1RM", an estimated 1-RM, which is read as the 1-RM of the line's movement.
void skip_estimated_mark(Cursor& cursor) {
  if (cursor.is_word("e") && cursor.is(TokenKind::kNumber, 1) && !cursor.peek(1)->space_before) {
    cursor.advance();
  }
}

// Reference after "of": "1-RM Snatch", "your 1-RM Deadlift", "3RM", "today's top set", "max",
// "your best Jerk" (the 1-RM of the jerk), "your best" (the 1-RM of the line's movement), "your
// Back Squat", "back squat 1RM" (see read_named_reference).
// Fills reference, which must hold a default RmRef. A failed read may leave it partly filled.
bool read_of_reference(Cursor& cursor, const GrammarContext& context, RmRef& reference) {
  const std::size_t start = cursor.position();
  const bool today = cursor.accept_word_in({"today's", "todays"});
  if (!today) {
    cursor.accept_word_in({"your", "the", "a", "an"});
  }
  const bool session = today || cursor.accept_word_in({"today's", "todays"});
  skip_estimated_mark(cursor);  // "of e1RM"
  // "of today's max", "of today's heavy single": the heaviest set of this session, not the 1-RM.
  if (session && (cursor.accept_word("max") || cursor.accept_words({"heavy", "single"}) ||
                  cursor.accept_words({"heavy", "double"}) ||
                  cursor.accept_words({"heavy", "triple"}) || cursor.accept_word("single"))) {
    reference = RmRef{.top_set = true};
    return true;
  }
  if (read_rm_ref(cursor, context, reference)) {
    return true;
  }
  if (accept_top_set(cursor) || (session && cursor.accept_word_in({"best", "top", "heaviest"}))) {
    reference = RmRef{.top_set = true};
    return true;
  }
  // "of your best Snatch", "of your PR Snatch": the 1-RM.
  const bool personal_record = cursor.word() == "pr" && !session;
  if (personal_record) {
    cursor.advance();
  }
  if (personal_record || cursor.accept_word("best")) {
    reference = RmRef{.rm = 1};
    reference.lift = read_lift_name(cursor, context);
    cursor.accept_word_in({"weight", "weights", "load"});
    return true;
  }
  if (!session && read_named_reference(cursor, context, reference)) {
    return true;
  }
  cursor.reset(start);
  return false;
}

// RPE, from 1 to 10, alone or as a range: "8", "8.5", "7-8", "7 to 8".
std::optional<Range> read_rpe_value(Cursor& cursor) {
  const Token* low = cursor.peek();
  if (low == nullptr || low->kind != TokenKind::kNumber || low->value < 1 || low->value > 10) {
    return std::nullopt;
  }
  Range range{low->value, low->value};
  cursor.advance();
  const std::size_t after_low = cursor.position();
  if (cursor.accept(TokenKind::kDash) || cursor.accept_word("to")) {
    const Token* high = cursor.peek();
    if (high != nullptr && high->kind == TokenKind::kNumber && high->value > range.min &&
        high->value <= 10) {
      range.max = cursor.advance().value;
    } else {
      cursor.reset(after_low);
    }
  }
  return range;
}

// Calls read(reference) with a default RmRef and stores the result in of when read returns true.
// The reference is built in of itself unless of holds one already, which a failed read must keep.
template <typename Read>
bool read_reference_into(std::optional<RmRef>& of, Read&& read) {
  if (of) {
    RmRef reference;
    if (!read(reference)) {
      return false;
    }
    of = std::move(reference);
    return true;
  }
  if (read(of.emplace())) {
    return true;
  }
  of.reset();
  return false;
}

// Words that end a lift name that is not in the vocabulary.
bool ends_lift_name(KeywordId word) {
  static constexpr KeywordSet kStops = {"weight", "weights", "load",  "for", "in", "on",
                                        "it",     "is",      "at",    "of",  "to", "with",
                                        "from",   "then",    "today", "or"};
  return is_prose_word(word) || kStops.contains(word);
}

}  // namespace

bool unit_may_follow_number(const Cursor& cursor) {
  const Token* next = cursor.peek(1);
  if (next == nullptr) {
    return false;
  }
  switch (next->kind) {
    case TokenKind::kSlash:  // "30/22 Calories"
    case TokenKind::kDash:   // "3-second"
    case TokenKind::kFoot:
    case TokenKind::kInch:
    case TokenKind::kHash:
    case TokenKind::kTimes:  // "1.5 x BW"
      return true;
    case TokenKind::kWord:
      return seconds_per_unit(next->keyword) > 0 || !distance_unit(next->keyword).empty() ||
             !load_unit(next->keyword).empty() || is_calorie_word(next->keyword) ||
             next->keyword == Keyword("in").id ||
             (!next->space_before && cursor.word(1) == "k");  // "1k Row"
    default:
      return false;
  }
}

bool is_prose_word(KeywordId word) {
  static constexpr KeywordSet kWords = {
      "the",      "this", "that",  "these",  "those", "your",     "you",   "you're", "yours",
      "is",       "are",  "was",   "were",   "be",    "been",     "it",    "it's",   "its",
      "should",   "will", "would", "can",    "could", "if",       "but",   "then",   "so",
      "as",       "we",   "i",     "my",     "our",   "they",     "not",   "don't",  "do",
      "does",     "take", "try",   "use",    "start", "aim",      "focus", "make",   "keep",
      "meant",    "note", "today", "go",     "going", "every",    "means", "before", "after",
      "total",    "want", "need",  "please", "also",  "more",     "less",  "than",   "until",
      "when",     "how",  "what",  "why",    "all",   "any",      "there", "here",   "add",
      "possible", "stay", "first", "last",   "next",  "remaining"};
  return kWords.contains(word);
}

std::optional<int> read_count_or_number_word(Cursor& cursor) {
  static constexpr KeywordMap<int> kWords = {
      {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},      {"five", 5},
      {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},      {"ten", 10},
      {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
      {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20}};
  if (const int value = kWords[cursor.keyword()]; value > 0) {
    cursor.advance();
    return value;
  }
  return read_count(cursor);
}

std::uint64_t unchecked::read_count_range(Cursor& cursor) {
  const auto pack = [](int low, int high) {
    return static_cast<std::uint64_t>(static_cast<std::uint32_t>(low)) |
           static_cast<std::uint64_t>(static_cast<std::uint32_t>(high)) << 32;
  };
  const std::size_t start = cursor.position();
  const auto low = read_count(cursor);
  if (!low) {
    return kNoCountRange;
  }
  const std::size_t after_low = cursor.position();
  std::uint64_t range = pack(*low, *low);
  // "3x2 - 75%", "3x2 - 75-80%", "4 x 2 - 75/80%": the numbers after a spaced dash are a
  // percentage, so the count is 2. In "70-75%" the dash is glued, and the whole is a percentage.
  std::size_t ahead = 0;
  while (
      (cursor.is(TokenKind::kDash, ahead) || (ahead > 0 && cursor.is(TokenKind::kSlash, ahead))) &&
      cursor.is(TokenKind::kNumber, ahead + 1)) {
    ahead += 2;
  }
  if (ahead > 0 && cursor.peek()->space_before && cursor.is(TokenKind::kPercent, ahead)) {
    return range;
  }
  if (cursor.accept(TokenKind::kDash) || cursor.accept_word("to")) {
    const auto high = read_count(cursor);
    const bool sequence_follows = cursor.is(TokenKind::kDash) && cursor.is(TokenKind::kNumber, 1);
    if (high && cursor.is(TokenKind::kPercent)) {
      cursor.reset(start);  // "70-75%": a range of percentages
      return kNoCountRange;
    }
    if (high && !sequence_follows && *high >= *low) {
      range = pack(*low, *high);
    } else if (high) {
      cursor.reset(start);  // "21-15" or "5-4-3": a sequence, read by read_rep_sequence
      return kNoCountRange;
    } else {
      cursor.reset(after_low);
    }
  }
  // "70%", "70-75%": a percentage, never a count of reps or sets ("Back Squat 5x70%").
  if (cursor.is(TokenKind::kPercent)) {
    cursor.reset(start);
    return kNoCountRange;
  }
  return range;
}

std::vector<int> unchecked::read_rep_sequence(Cursor& cursor) {
  enum class Separator { kNone, kDash, kComma, kSlash, kSpace };
  const std::size_t start = cursor.position();
  const bool opened = cursor.accept(TokenKind::kOpen);
  const auto first = read_count(cursor);
  if (!first) {
    cursor.reset(start);
    return {};
  }
  // Most calls fail after the first number; the vector is only made for a sequence.
  const bool continues = cursor.is(TokenKind::kDash) || cursor.is(TokenKind::kComma) ||
                         cursor.is(TokenKind::kSlash) ||
                         (cursor.is(TokenKind::kNumber) && cursor.peek()->space_before);
  if (!continues) {
    cursor.reset(start);
    return {};
  }
  std::vector<int> values;
  values.push_back(*first);

  Separator separator = Separator::kNone;
  while (values.size() < kMaxSequenceLength) {
    const std::size_t mark = cursor.position();
    Separator found = Separator::kNone;
    if (cursor.accept(TokenKind::kDash)) {
      found = Separator::kDash;
    } else if (cursor.accept(TokenKind::kComma)) {
      found = Separator::kComma;
    } else if (cursor.accept(TokenKind::kSlash)) {
      found = Separator::kSlash;
    } else if (cursor.is(TokenKind::kNumber) && cursor.peek()->space_before) {
      found = Separator::kSpace;
    } else {
      break;
    }
    if (separator != Separator::kNone && found != separator) {
      cursor.reset(mark);
      break;
    }
    separator = found;

    // Ladder "1-2-3-...-10": continue the even steps up to the last number.
    if (cursor.is(TokenKind::kPeriod) && cursor.is(TokenKind::kPeriod, 1) &&
        cursor.is(TokenKind::kPeriod, 2)) {
      for (int skipped = 0; skipped < 3; ++skipped) {
        cursor.advance();
      }
      if (found == Separator::kDash) {
        cursor.accept(TokenKind::kDash);
      } else if (found == Separator::kComma) {
        cursor.accept(TokenKind::kComma);
      }
      const auto last = read_count(cursor);
      const int step = values.size() >= 2 ? values.back() - values[values.size() - 2] : 0;
      if (!last || step == 0 || (*last - values.back()) % step != 0 ||
          (*last - values.back()) / step <= 0) {
        cursor.reset(mark);
        break;
      }
      for (int next = values.back() + step; values.size() < kMaxSequenceLength; next += step) {
        values.push_back(next);
        if (next == *last) {
          break;
        }
      }
      break;
    }

    const auto next = read_count(cursor);
    // "x 2, 75%" and "x 2, 3 sets": a percentage or a count of sets ends the sequence. So does a
    // count before a name after a comma: in "Snatch x 2, 10 Air Squats" the squats are an item.
    const bool counts_item = found == Separator::kComma && cursor.is(TokenKind::kWord) &&
                             !cursor.is_word_in({"rep", "reps"});
    if (!next || cursor.is(TokenKind::kPercent) || cursor.is_word_in({"set", "sets"}) ||
        counts_item) {
      cursor.reset(mark);
      break;
    }
    values.push_back(*next);
  }

  const bool closed = !opened || cursor.accept(TokenKind::kClose);
  // "2020-03-09" is a date: no count of reps reaches a year.
  constexpr int kMaxSequenceReps = 999;
  if (std::any_of(values.begin(), values.end(),
                  [](int value) { return value > kMaxSequenceReps; })) {
    cursor.reset(start);
    return {};
  }
  const bool long_enough =
      values.size() >= 3 ||
      (values.size() == 2 && (opened || separator == Separator::kComma ||
                              (separator == Separator::kDash && values[0] > values[1])));
  // Slashes also separate loads ("135/95/65 lb") and heights, so a slash sequence is reps only
  // when it has three or more counts of at most kMaxSlashedReps and no unit follows it.
  constexpr int kMaxSlashedReps = 30;
  const bool slashed_loads = separator == Separator::kSlash &&
                             (values.size() < 3 ||
                              std::any_of(values.begin(), values.end(),
                                          [](int value) { return value > kMaxSlashedReps; }) ||
                              is_unit_after_count(cursor));
  if (!closed || !long_enough || slashed_loads) {
    cursor.reset(start);
    return {};
  }
  return values;
}

int unchecked::read_duration(Cursor& cursor, bool minutes_default) {
  const std::size_t start = cursor.position();
  if (cursor.is(TokenKind::kTime)) {
    const double seconds = cursor.advance().value;
    cursor.accept_word_in({"min", "mins", "minute", "minutes"});  // "4:30 minutes" is still 4:30
    return static_cast<int>(seconds);
  }
  const auto value = read_number(cursor);
  if (!value) {
    return kNoDuration;
  }
  const std::size_t after_value = cursor.position();
  // "AMRAP 20'", "Cap 15'": where a bare number counts minutes, a prime marks minutes and a double
  // prime seconds. Elsewhere a prime after a number is feet ("80' Walking Lunge").
  if (minutes_default && (cursor.is(TokenKind::kFoot) || cursor.is(TokenKind::kInch)) &&
      !cursor.peek()->space_before) {
    const bool minutes = cursor.advance().kind == TokenKind::kFoot;
    return static_cast<int>(std::lround(*value * (minutes ? 60 : 1)));
  }
  if (cursor.is(TokenKind::kDash) && !cursor.peek()->space_before) {
    cursor.advance();  // "3-second pause"
  }
  const int per_unit = seconds_per_unit(cursor.keyword());
  if (per_unit > 0) {
    cursor.advance();
    return static_cast<int>(std::lround(*value * per_unit));
  }
  cursor.reset(after_value);
  if (minutes_default && is_whole(*value)) {
    return static_cast<int>(*value) * 60;
  }
  cursor.reset(start);
  return kNoDuration;
}

std::optional<Quantity> unchecked::read_distance(Cursor& cursor) {
  const std::size_t start = cursor.position();
  Quantity quantity;
  if (!read_number_pair(cursor, quantity)) {
    return std::nullopt;
  }
  const Token* unit = cursor.peek();
  if (unit != nullptr && unit->kind == TokenKind::kFoot && !unit->space_before) {
    cursor.advance();
    quantity.unit = "ft";
    return quantity;
  }
  if (unit != nullptr && unit->kind == TokenKind::kInch && !unit->space_before) {
    cursor.advance();
    quantity.unit = "in";
    return quantity;
  }
  std::string_view spelled = distance_unit(cursor.keyword());
  if (spelled.empty() && cursor.is_word("in") && !unit->space_before) {
    spelled = "in";  // "24in", but not "10 in 5 minutes"
  }
  // "1k Row", "Run 5k": kilometers, as rowers and runners write them. A marathon is the longest
  // distance a workout names, and a load such as "24 kg" is never written "24k" in the posts.
  constexpr double kMaxKilometers = 42.2;
  if (spelled.empty() && cursor.word() == "k" && !unit->space_before && !quantity.alt_value &&
      quantity.value <= kMaxKilometers) {
    spelled = "km";
  }
  if (spelled.empty()) {
    cursor.reset(start);
    return std::nullopt;
  }
  cursor.advance();
  quantity.unit = spelled;
  return quantity;
}

std::optional<Quantity> unchecked::read_calories(Cursor& cursor) {
  const std::size_t start = cursor.position();
  Quantity quantity;
  if (!read_number_pair(cursor, quantity) || !accept_calorie_word(cursor)) {
    cursor.reset(start);
    return std::nullopt;
  }
  quantity.unit = "cal";
  return quantity;
}

std::optional<Quantity> unchecked::read_load(Cursor& cursor, bool bare_allowed) {
  const std::size_t start = cursor.position();
  Quantity quantity;
  if (!read_number_pair(cursor, quantity)) {
    return std::nullopt;
  }
  if (cursor.accept(TokenKind::kHash)) {
    quantity.unit = "lb";
    // "135# / 95#": the women's load after a slash, with its own pound sign.
    if (!quantity.alt_value && cursor.is(TokenKind::kSlash) && cursor.is(TokenKind::kNumber, 1) &&
        cursor.is(TokenKind::kHash, 2)) {
      cursor.advance();
      quantity.alt_value = cursor.advance().value;
      cursor.advance();
    }
    return quantity;
  }
  if (const std::string_view unit = load_unit(cursor.keyword()); !unit.empty()) {
    cursor.advance();
    quantity.unit = unit;
    // "225 lbs / 155 lbs", "24 kg/16 kg": the women's load after a slash, with its own unit.
    if (!quantity.alt_value && cursor.is(TokenKind::kSlash) && cursor.is(TokenKind::kNumber, 1) &&
        load_unit(cursor.keyword(2)) == unit) {
      cursor.advance();
      quantity.alt_value = cursor.advance().value;
      cursor.advance();
    }
    return quantity;
  }
  if (!quantity.alt_value && cursor.is(TokenKind::kTimes) &&
      cursor.is_word_in({"bw", "bodyweight"}, 1)) {
    cursor.advance();
    cursor.advance();
    quantity.unit = "bodyweight";
    return quantity;
  }
  if (bare_allowed && quantity.alt_value) {
    return quantity;
  }
  cursor.reset(start);
  return std::nullopt;
}

bool at_drop_from_top(const Cursor& cursor) {
  // Every form has a number second: most calls stop here.
  if (!cursor.is(TokenKind::kNumber, 1)) {
    return false;
  }
  const bool joined_dash = cursor.is(TokenKind::kDash) && !cursor.peek(1)->space_before;
  const bool worded = !joined_dash && (cursor.word() == "minus" || cursor.word() == "drop");
  if (!joined_dash && !worded) {
    return false;
  }
  // The percentage of "-10%" or of a range "-5-10%".
  return cursor.is(TokenKind::kPercent, 2) ||
         (cursor.is(TokenKind::kDash, 2) && cursor.is(TokenKind::kNumber, 3) &&
          cursor.is(TokenKind::kPercent, 4));
}

bool read_drop_from_top(Cursor& cursor, const GrammarContext& context, Intensity& intensity) {
  if (!at_drop_from_top(cursor)) {
    return false;
  }
  const std::size_t start = cursor.position();
  cursor.advance();
  Intensity drop;
  if (!read_intensity(cursor, context, drop) || !drop.percent || drop.of ||
      drop.percent->max >= 100) {
    cursor.reset(start);
    return false;
  }
  constexpr double kWhole = 100;
  intensity.percent = Range{kWhole - drop.percent->max, kWhole - drop.percent->min};
  intensity.at_least = false;
  intensity.of = RmRef{.top_set = true};
  return true;
}

bool is_tier_name(std::string_view word) {
  constexpr std::size_t kShortName = 3;
  return (!word.empty() && word.size() <= kShortName) || word == "scaled" || word == "masters" ||
         word == "beginner" || word == "intermediate" || word == "advanced";
}

std::optional<bool> marked_tier(const Cursor& cursor) {
  if (!cursor.is(TokenKind::kOpen) || !is_tier_name(cursor.word(1))) {
    return std::nullopt;
  }
  const bool harder = cursor.is(TokenKind::kPlus, 2);
  if (!cursor.is(TokenKind::kClose, harder ? 3 : 2)) {
    return std::nullopt;
  }
  return cursor.word(1) == "rx" && !harder;
}

std::optional<Quantity> read_tiered_load(Cursor& cursor) {
  const std::size_t start = cursor.position();
  std::optional<Quantity> prescribed;
  do {
    // A tier's name, with a "+" for a harder one.
    const std::string_view name = cursor.word();
    if (!is_tier_name(name)) {
      cursor.reset(start);
      return std::nullopt;
    }
    cursor.advance();
    const bool harder = cursor.accept(TokenKind::kPlus);
    if (!cursor.accept(TokenKind::kColon) && cursor.is_spaced_dash()) {
      cursor.advance();  // "Rx – 95/65 lb"
    }
    std::optional<Quantity> load = read_load(cursor, true);
    if (!load) {
      cursor.reset(start);
      return std::nullopt;
    }
    if (name == "rx" && !harder) {
      prescribed = std::move(load);
    }
  } while (cursor.accept(TokenKind::kComma) ||
           (cursor.is_spaced_slash() && cursor.accept(TokenKind::kSlash)));
  if (!cursor.at_end() || !prescribed) {
    cursor.reset(start);
    return std::nullopt;
  }
  return prescribed;
}

std::optional<Quantity> unchecked::read_gendered_load(Cursor& cursor) {
  const std::size_t start = cursor.position();
  // One load after its label: "Men 205", "Women: 145 lb", "Women 65#", "Men's 135 lb".
  const auto read_one = [&](std::initializer_list<Keyword> labels, std::string_view possessive,
                            std::string_view& unit) -> std::optional<double> {
    if (!cursor.accept_word_in(labels)) {
      if (cursor.word() != possessive) {
        return std::nullopt;
      }
      cursor.advance();
    }
    cursor.accept(TokenKind::kColon);
    const auto value = read_number(cursor);
    if (!value) {
      return std::nullopt;
    }
    if (cursor.accept(TokenKind::kHash)) {
      unit = "lb";
    } else if (const std::string_view named = load_unit(cursor.keyword()); !named.empty()) {
      cursor.advance();
      unit = named;
    }
    return value;
  };

  std::string_view men_unit;
  std::string_view women_unit;
  const auto men = read_one({"men", "male"}, "men's", men_unit);
  const bool separated =
      men && (cursor.accept(TokenKind::kComma) || cursor.accept(TokenKind::kSlash));
  const auto women =
      separated ? read_one({"women", "female"}, "women's", women_unit) : std::nullopt;
  if (!women) {
    cursor.reset(start);
    return std::nullopt;
  }

  Quantity quantity;
  quantity.value = *men;
  quantity.alt_value = *women;
  quantity.unit = men_unit.empty() ? women_unit : men_unit;
  return quantity;
}

bool unchecked::read_side(Cursor& cursor) {
  const std::size_t start = cursor.position();
  if (cursor.is_word_in({"each", "ea", "per"})) {
    const bool per = cursor.is_word("per");
    const bool abbreviated = cursor.is_word("ea");
    cursor.advance();
    if (abbreviated) {
      cursor.accept(TokenKind::kPeriod);  // "12 ea. side"
    }
    const bool named = cursor.accept_word_in(
        {"leg", "legs", "arm", "arms", "side", "sides", "way", "hand", "hands"});
    if (named || !per) {
      return true;
    }
    cursor.reset(start);
    return false;
  }
  if (cursor.is(TokenKind::kSlash) && cursor.is_word_in({"side", "leg", "arm"}, 1)) {
    cursor.advance();
    cursor.advance();
    return true;
  }
  // "e/s" and "e.s.": each side.
  if (cursor.is_word("e") &&
      (cursor.is(TokenKind::kSlash, 1) || cursor.is(TokenKind::kPeriod, 1)) &&
      cursor.is_word("s", 2)) {
    const bool dotted = cursor.is(TokenKind::kPeriod, 1);
    for (int skipped = 0; skipped < 3; ++skipped) {
      cursor.advance();
    }
    if (dotted) {
      cursor.accept(TokenKind::kPeriod);
    }
    return true;
  }
  return false;
}

namespace {

// Whether tokens [first, last) can only continue a lift's name: plain words, none of them a verb
// or particle that starts other text ("Clean & Jerk - work up to…", "Snatch build to…").
bool extends_name(const TokenizedLine& line, std::size_t first, std::size_t last) {
  static constexpr KeywordSet kOtherText = {"build", "work", "up", "to", "and", "or", "with"};
  for (std::size_t index = first; index < last; ++index) {
    const Token& token = line.tokens[index];
    if (token.kind != TokenKind::kWord || kOtherText.contains(token.keyword)) {
      return false;
    }
  }
  return true;
}

}  // namespace

LiftName read_lift_name_kind(Cursor& cursor, const GrammarContext& context, std::string& lift) {
  const std::size_t start = cursor.position();
  const TokenizedLine& line = cursor.line();

  // Walk the longest run that could be a name.
  std::size_t run_end = start;
  std::size_t words = 0;
  std::size_t ahead = 0;
  while (words < kMaxLiftWords) {
    const Token* token = cursor.peek(ahead);
    if (token == nullptr) {
      break;
    }
    if (token->kind == TokenKind::kWord) {
      if (ends_lift_name(token->keyword) && token->keyword != Keyword("and").id) {
        break;
      }
      ++words;
      run_end = start + ahead + 1;
    } else if (token->kind != TokenKind::kAmpersand && token->kind != TokenKind::kDash) {
      break;
    }
    ++ahead;
  }
  if (run_end == start) {
    return LiftName::kNone;
  }

  // The longest prefix the vocabulary contains wins, so "Snatch for the day" names the snatch. A
  // longer run whose last word ends movement names wins over it: "Snatch Grip Deadlift" is no
  // snatch.
  for (std::size_t end = run_end; end > start; --end) {
    if (line.tokens[end - 1].kind != TokenKind::kWord) {
      continue;
    }
    if (assign_known_movement_name(lift, normalized_text(line, start, end), context.vocabulary)) {
      if (end < run_end && extends_name(line, end, run_end)) {
        std::string whole =
            canonical_name_normalized(normalized_text(line, start, run_end), context.vocabulary);
        if (context.vocabulary.names_movement(whole)) {
          lift = std::move(whole);
          end = run_end;
        }
      }
      cursor.reset(end);
      return LiftName::kKnown;
    }
  }
  cursor.reset(run_end);
  lift = canonical_name_normalized(normalized_text(line, start, run_end), context.vocabulary);
  return LiftName::kUnknown;
}

bool read_lift_name(Cursor& cursor, const GrammarContext& context, std::string& lift) {
  return read_lift_name_kind(cursor, context, lift) != LiftName::kNone;
}

bool unchecked::read_rm_ref(Cursor& cursor, const GrammarContext& context, RmRef& reference) {
  const std::size_t start = cursor.position();
  if (cursor.is_word("max") && cursor.is_word_in({"rep", "reps"}, 1)) {
    return false;  // "max reps": as many reps as possible, not a rep max
  }
  if (cursor.accept_word("max")) {
    reference.rm = 1;
  } else {
    // "1RM", "3-RM", "1 rep max", "one rep max", "one-rep max".
    auto reps = read_count(cursor);
    if (!reps && cursor.is(TokenKind::kWord)) {
      reps = read_count_or_number_word(cursor);
    }
    if (!reps || *reps < 1 || *reps > 100) {
      cursor.reset(start);
      return false;
    }
    cursor.accept(TokenKind::kDash);
    if (!cursor.accept_word("rm") && !cursor.accept_words({"rep", "max"})) {
      cursor.reset(start);
      return false;
    }
    reference.rm = *reps;
  }
  if (!read_lift_name(cursor, context, reference.lift.emplace())) {
    reference.lift.reset();
  }
  cursor.accept_word_in({"weight", "weights", "load"});
  return true;
}

bool read_of_clause(Cursor& cursor, const GrammarContext& context, std::optional<RmRef>& of) {
  const std::size_t start = cursor.position();
  if (!cursor.is_word("of")) {
    return false;
  }
  if (accept_training_max(cursor)) {
    of = RmRef{.training_max = true};
    return true;
  }
  cursor.advance();
  const bool read = read_reference_into(
      of, [&](RmRef& reference) { return read_of_reference(cursor, context, reference); });
  if (!read) {
    cursor.reset(start);
  }
  return read;
}

bool unchecked::read_intensity(Cursor& cursor, const GrammarContext& context,
                               Intensity& intensity) {
  bool found = false;
  for (int part = 0; part < 6 && !cursor.at_end(); ++part) {
    const std::size_t mark = cursor.position();
    const bool marked = cursor.accept(TokenKind::kAt) || cursor.accept_word("at");
    skip_up_to(cursor);
    if (const auto percent = read_percent(cursor)) {
      intensity.percent = percent->first;
      intensity.at_least = percent->second;
      found = true;
      if (accept_training_max(cursor)) {
        intensity.of = RmRef{.training_max = true};
      } else if (cursor.is_word("of")) {
        if (!read_of_clause(cursor, context, intensity.of) && !intensity.of &&
            cursor.is(TokenKind::kWord, 1)) {
          intensity.of = RmRef{.unread = true};  // "of the weight used last week"
        }
      } else if (const std::string_view word = cursor.word();
                 word == "effort" || word == "intensity" || word == "pace") {
        // "@ 90% effort": no max in the maxes file gives the load.
        cursor.advance();
        intensity.of = RmRef{.unread = true};
      } else {
        // "@ 80% 1RM Back Squat", "@ 90% Clean", "@ 85% e1RM": the reference without "of".
        const std::size_t before_reference = cursor.position();
        skip_estimated_mark(cursor);
        const bool read = read_reference_into(intensity.of, [&](RmRef& reference) {
          return prescription::read_rm_ref(cursor, context, reference) ||
                 (cursor.is(TokenKind::kWord) && read_named_reference(cursor, context, reference));
        });
        if (!read) {
          cursor.reset(before_reference);
        }
      }
      continue;
    }
    if (marked) {
      const bool read = read_reference_into(intensity.of, [&](RmRef& reference) {
        return prescription::read_rm_ref(cursor, context, reference);
      });
      if (read) {
        found = true;
        continue;
      }
    }
    if (cursor.accept_word("rpe")) {
      if (const auto rpe = read_rpe_value(cursor)) {
        intensity.rpe = rpe;
        found = true;
        continue;
      }
    } else if (marked) {
      // "@ 7 RPE", "@ 7-8 RPE"
      if (const auto rpe = read_rpe_value(cursor); rpe && cursor.accept_word("rpe")) {
        intensity.rpe = rpe;
        found = true;
        continue;
      }
    }
    cursor.reset(mark);
    break;
  }
  return found;
}

}  // namespace wodetl::prescription
