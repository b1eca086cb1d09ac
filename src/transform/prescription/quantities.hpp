#pragma once
// Grammar rules for the quantities that appear in every kind of line: counts and ranges, rep
// sequences, durations, distances, loads, percentages, rep-max references and sides. Each rule
// consumes what it recognized, or nothing.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/prescription.hpp"
#include "transform/prescription/grammar_cursor.hpp"

namespace wodetl::prescription {

//! Largest number read as a count or a duration; larger numbers are not quantities.
inline constexpr double kMaxQuantity = 100000;

// The rules that read out of line, called by the inline rules below once the first token allows.
// Most calls fail at the first token, and inline checks spare them a call and the return of an
// optional through memory.
namespace unchecked {
std::vector<int> read_rep_sequence(Cursor& cursor);
// Seconds, or kNoDuration. An int comes back in a register (see kNoCountRange).
inline constexpr int kNoDuration = -1;
int read_duration(Cursor& cursor, bool minutes_default);
std::optional<Quantity> read_distance(Cursor& cursor);
std::optional<Quantity> read_calories(Cursor& cursor);
std::optional<Quantity> read_load(Cursor& cursor, bool bare_allowed);
std::optional<Quantity> read_gendered_load(Cursor& cursor);
bool read_side(Cursor& cursor);
bool read_intensity(Cursor& cursor, const GrammarContext& context, Intensity& intensity);
bool read_rm_ref(Cursor& cursor, const GrammarContext& context, RmRef& reference);

// A count range as min | max << 32, or kNoCountRange. GCC 12 returns a small std::optional from a
// function that is not inlined through a stack slot, which it writes in parts and reads in one
// load. That load waits until the parts reach the cache, so these functions return an integer,
// which comes back in a register.
inline constexpr std::uint64_t kNoCountRange = ~std::uint64_t{0};
std::uint64_t read_count_range(Cursor& cursor);
}  // namespace unchecked

//! Accepts "TM", "training max", "of TM" or "of your training max" after a percentage. Returns
//! false, consuming nothing, for other text.
bool accept_training_max(Cursor& cursor);

//! Whole number: "5".
inline std::optional<int> read_count(Cursor& cursor) {
  const Token* token = cursor.peek();
  // The cast test replaces std::floor, a library call on baseline x86-64. Values up to
  // kMaxQuantity fit a long long.
  if (token == nullptr || token->kind != TokenKind::kNumber || token->value > kMaxQuantity ||
      token->value != static_cast<double>(static_cast<long long>(token->value))) {
    return std::nullopt;
  }
  cursor.advance();
  return static_cast<int>(token->value);
}

//! Number or number word up to twenty: "5", "three".
std::optional<int> read_count_or_number_word(Cursor& cursor);

//! "5", "5-6", "5 to 6", "5–6". A dash followed by a third number is a rep sequence, not a range,
//! and a descending pair ("21-15") is not a range either. A number before "%" is no count.
//! Always inlined: a copy that is not returns its optional through a stack slot (see above), and
//! the compiler left such a copy in the hot paths of the movement grammar.
[[gnu::always_inline]] inline std::optional<CountRange> read_count_range(Cursor& cursor) {
  if (!cursor.is(TokenKind::kNumber)) {
    return std::nullopt;
  }
  const std::uint64_t range = unchecked::read_count_range(cursor);
  if (range == unchecked::kNoCountRange) {
    return std::nullopt;
  }
  return CountRange{static_cast<int>(range & 0xFFFFFFFFU), static_cast<int>(range >> 32)};
}

//! Reps set by set: "5-4-3-2-1", "3,3,3,3", "2 2 2 2", "(4-4-4-4)", "21-15-9", and the ladder
//! "1-2-3-...-10" (expanded when its steps are even, at most 100 entries). Needs three numbers,
//! or two separated by a comma. Returns an empty vector when nothing was read.
inline std::vector<int> read_rep_sequence(Cursor& cursor) {
  if (!cursor.is(TokenKind::kNumber) && !cursor.is(TokenKind::kOpen)) {
    return {};
  }
  return unchecked::read_rep_sequence(cursor);
}

//! Seconds of "40 seconds", "3 minutes", "90 sec", "1 min", "2:30", ":30", "3-second".
//! With minutes_default, a bare number counts as minutes ("EMOM 14").
inline std::optional<int> read_duration(Cursor& cursor, bool minutes_default = false) {
  if (!cursor.is(TokenKind::kNumber) && !cursor.is(TokenKind::kTime)) {
    return std::nullopt;
  }
  const int seconds = unchecked::read_duration(cursor, minutes_default);
  return seconds != unchecked::kNoDuration ? std::optional<int>(seconds) : std::nullopt;
}

//! "400m", "400 meters", "100ft", "80'", "2 km", "24/20″".
inline std::optional<Quantity> read_distance(Cursor& cursor) {
  return cursor.is(TokenKind::kNumber) ? unchecked::read_distance(cursor) : std::nullopt;
}

//! "30/22 Calories", "15 cal".
inline std::optional<Quantity> read_calories(Cursor& cursor) {
  return cursor.is(TokenKind::kNumber) ? unchecked::read_calories(cursor) : std::nullopt;
}

//! "135/95 lbs", "60/40 kg", "115#", "1.5 x BW", and with bare_allowed a number pair without a
//! unit ("95/65", as inside "(95/65) Thrusters").
inline std::optional<Quantity> read_load(Cursor& cursor, bool bare_allowed = false) {
  return cursor.is(TokenKind::kNumber) ? unchecked::read_load(cursor, bare_allowed) : std::nullopt;
}

//! Loads for men and women: "Men 205, Women 145", "Men: 95 lb / Women: 65 lb". The women's load is
//! alt_value, as in "135/95 lbs"; the unit is the one either load names, or empty.
inline std::optional<Quantity> read_gendered_load(Cursor& cursor) {
  return cursor.is_word_in({"men", "male"}) || cursor.word() == "men's"
             ? unchecked::read_gendered_load(cursor)
             : std::nullopt;
}

//! Whether word names a scaling tier: a word of up to three letters ("rx", "mx", "l1"),
//! "scaled", "masters", "beginner", "intermediate" or "advanced".
[[nodiscard]] bool is_tier_name(std::string_view word);

//! The tier of a load that a bracket after it names, "(Rx)", "(Rx+)", "(Scaled)": true for the
//! "Rx" tier, which the workout prescribes, false for another tier, nullopt when the cursor is at
//! no such bracket. Consumes nothing.
[[nodiscard]] std::optional<bool> marked_tier(const Cursor& cursor);

//! Loads of scaling tiers, "Rx 135/95", "Mx 75/55, Rx 95/65, Rx+ 115/75", "Scaled: 95/65": every
//! token from the cursor to its end must be a tier's name and its load. Returns the load of the
//! "Rx" tier, which the workout prescribes, or nullopt, consuming nothing, for other text or tiers
//! without "Rx".
std::optional<Quantity> read_tiered_load(Cursor& cursor);

//! Sides: "each leg", "each arm", "each side", "per side", "/side", "e/s", "ea"; the "e" of "8e"
//! and "5 L / 5 R" are read by the count rules that see them.
inline bool read_side(Cursor& cursor) {
  return (cursor.is(TokenKind::kSlash) || cursor.is_word_in({"each", "ea", "per", "e"})) &&
         unchecked::read_side(cursor);
}

//! Percentages, rep-max weights and RPE in any order: "@ 75-80% of 1-RM Snatch", "at 75 percent",
//! "(up to) 85%", "@ 101%+", "@ 10-RM Back Squat weight", "of today's top set", "RPE 8".
//! Writes each part it reads into intensity and replaces that part only (a percentage with its
//! at_least, the reference, the RPE), so intensity may already hold parts read before. Returns
//! false, having written nothing, when it reads nothing. Writing in place spares moving the
//! reference's lift name, a std::string, out of every rule that reads it.
inline bool read_intensity(Cursor& cursor, const GrammarContext& context, Intensity& intensity) {
  // Every part of an intensity starts with one of these tokens.
  const bool may_start = cursor.is(TokenKind::kAt) || cursor.is(TokenKind::kNumber) ||
                         cursor.is(TokenKind::kOpen) || cursor.is_word_in({"at", "up", "rpe"});
  return may_start && unchecked::read_intensity(cursor, context, intensity);
}

//! Whether the cursor is at a drop from the day's top set: "-10%" (a dash joined to the number
//! only), "minus 10%" or "drop 10%", but not "drop to 70%".
[[nodiscard]] bool at_drop_from_top(const Cursor& cursor);

//! Reads a drop from the day's top set (see at_drop_from_top) as the percentage of that set it
//! leaves: "-10%" is 90% of today's top set, "-5-10%" is 90-95%. Returns false, consuming nothing
//! and leaving intensity as it was, for other text.
bool read_drop_from_top(Cursor& cursor, const GrammarContext& context, Intensity& intensity);

//! "of" and the reference after it, "of 1-RM Snatch", "of Back Squat", "of TM", into of. Returns
//! false, consuming nothing and leaving of as it was, when the cursor is at no such clause.
bool read_of_clause(Cursor& cursor, const GrammarContext& context, std::optional<RmRef>& of);

//! Same, as a new value, or nullopt when it read nothing.
inline std::optional<Intensity> read_intensity(Cursor& cursor, const GrammarContext& context) {
  std::optional<Intensity> intensity(std::in_place);
  if (!read_intensity(cursor, context, *intensity)) {
    intensity.reset();
  }
  return intensity;
}

//! Rep-max reference without "of": "1-RM Snatch", "3RM", "max Clean & Jerk", followed by the
//! lift's name when one is given. Trailing "weight" or "load" is consumed. Fills reference,
//! which must hold a default RmRef. Returns false, leaving it partly filled, when there is none.
inline bool read_rm_ref(Cursor& cursor, const GrammarContext& context, RmRef& reference) {
  // "one rep max", "three-rep max": a rep max whose count is a word.
  static constexpr KeywordSet kCountWords = {"one", "two",   "three", "four", "five",
                                             "six", "seven", "eight", "nine", "ten"};
  return (cursor.is(TokenKind::kNumber) || cursor.is_word("max") ||
          kCountWords.contains(cursor.keyword())) &&
         unchecked::read_rm_ref(cursor, context, reference);
}

//! Same, as a new value, or nullopt when there is none.
inline std::optional<RmRef> read_rm_ref(Cursor& cursor, const GrammarContext& context) {
  std::optional<RmRef> reference(std::in_place);
  if (!read_rm_ref(cursor, context, *reference)) {
    reference.reset();
  }
  return reference;
}

//! Reads a rep max written after a lift's name: "1RM", "1-RM", "3 rep max", "max". Returns its
//! reps, or 0, consuming nothing, when none follows.
int read_rm_suffix(Cursor& cursor);

//! Canonical lift named by the words at the cursor: the longest run of words that the vocabulary
//! knows as a movement, else the words up to a word that cannot be part of a name. Consumes what
//! it names and writes it into lift. Returns false, leaving lift as it was, when there is no word.
bool read_lift_name(Cursor& cursor, const GrammarContext& context, std::string& lift);

//! Kind of words read_lift_name_kind read: none, a name in the vocabulary, or other words.
enum class LiftName : std::uint8_t { kNone, kKnown, kUnknown };

//! Reads as read_lift_name does, and returns whether the name it read is in the vocabulary.
LiftName read_lift_name_kind(Cursor& cursor, const GrammarContext& context, std::string& lift);

//! Same, as a new value, or nullopt when there is no word.
inline std::optional<std::string> read_lift_name(Cursor& cursor, const GrammarContext& context) {
  std::optional<std::string> lift(std::in_place);
  if (!read_lift_name(cursor, context, *lift)) {
    lift.reset();
  }
  return lift;
}

//! False when read_duration, read_distance, read_calories and read_load would all fail at the
//! number at the cursor. They need the next token to be a time, distance, calorie or load word,
//! "/", "-", a foot or inch mark, "#" or "x".
bool unit_may_follow_number(const Cursor& cursor);

//! True for words that show a phrase is prose rather than a movement name ("the", "you", "take").
bool is_prose_word(KeywordId word);

}  // namespace wodetl::prescription
