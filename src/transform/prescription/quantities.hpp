#pragma once
// Grammar rules for the quantities that appear in every kind of line: counts and ranges, rep
// sequences, durations, distances, loads, percentages, rep-max references and sides. Each rule
// consumes what it recognized, or nothing.

#include <optional>
#include <vector>

#include "transform/prescription/grammar_cursor.hpp"
#include "core/prescription.hpp"

namespace wodetl::prescription {

//! Largest number read as a count or a duration; larger numbers are not quantities.
inline constexpr double kMaxQuantity = 100000;

//! Whole number: "5".
std::optional<int> read_count(Cursor& cursor);

//! Number or number word up to twenty: "5", "three".
std::optional<int> read_count_or_number_word(Cursor& cursor);

//! "5", "5-6", "5 to 6", "5–6". A dash followed by a third number is a rep sequence, not a range,
//! and a descending pair ("21-15") is not a range either.
std::optional<CountRange> read_count_range(Cursor& cursor);

//! Reps set by set: "5-4-3-2-1", "3,3,3,3", "2 2 2 2", "(4-4-4-4)", "21-15-9", and the ladder
//! "1-2-3-...-10" (expanded when its steps are even, at most 100 entries). Needs three numbers,
//! or two separated by a comma. Returns an empty vector when nothing was read.
std::vector<int> read_rep_sequence(Cursor& cursor);

//! Seconds of "40 seconds", "3 minutes", "90 sec", "1 min", "2:30", ":30", "3-second".
//! With minutes_default, a bare number counts as minutes ("EMOM 14").
std::optional<int> read_duration(Cursor& cursor, bool minutes_default = false);

//! "400m", "400 meters", "100ft", "80'", "2 km", "24/20″".
std::optional<Quantity> read_distance(Cursor& cursor);

//! "30/22 Calories", "15 cal".
std::optional<Quantity> read_calories(Cursor& cursor);

//! "135/95 lbs", "60/40 kg", "115#", "1.5 x BW", and with bare_allowed a number pair without a
//! unit ("95/65", as inside "(95/65) Thrusters").
std::optional<Quantity> read_load(Cursor& cursor, bool bare_allowed = false);

//! Sides: "each leg", "each arm", "each side", "per side", "/side", "e/s", "ea"; the "e" of "8e"
//! and "5 L / 5 R" are read by the count rules that see them.
bool read_side(Cursor& cursor);

//! Percentages, rep-max weights and RPE in any order: "@ 75-80% of 1-RM Snatch", "at 75 percent",
//! "(up to) 85%", "@ 101%+", "@ 10-RM Back Squat weight", "of today's top set", "RPE 8".
//! Returns nullopt when it read nothing.
std::optional<Intensity> read_intensity(Cursor& cursor, const GrammarContext& context);

//! Rep-max reference without "of": "1-RM Snatch", "3RM", "max Clean & Jerk", followed by the
//! lift's name when one is given. Trailing "weight" or "load" is consumed.
std::optional<RmRef> read_rm_ref(Cursor& cursor, const GrammarContext& context);

//! Canonical lift named by the words at the cursor: the longest run of words that the vocabulary
//! knows as a movement, else the words up to a word that cannot be part of a name. Consumes what
//! it names.
std::optional<std::string> read_lift_name(Cursor& cursor, const GrammarContext& context);

//! True for words that show a phrase is prose rather than a movement name ("the", "you", "take").
bool is_prose_word(std::string_view word);

}  // namespace wodetl::prescription
