#pragma once
// Canonical movement names: the key under which the same movement, however a coach spells it,
// is stored and compared.

#include <string>
#include <string_view>

#include "transform/prescription/vocabulary.hpp"

namespace wodetl::prescription {

//! Canonical form of a phrase that is already normalized for matching (lower case, ASCII
//! punctuation): its words joined by single spaces, where a word is a run of letters and digits,
//! apostrophes are dropped, "&" becomes "and", every other character separates words,
//! abbreviations and one-word spellings are replaced ("db" → "dumbbell", "pushup" → "push up")
//! and the last word is made singular. Does not look up aliases.
[[nodiscard]] std::string canonical_form(std::string_view normalized, const Vocabulary& vocabulary);

//! Canonical name of a movement as written ("Clean & Jerk", "Pull-Ups", "DB Shoulder Lateral
//! Raises"): normalizes the text, takes its canonical_form and replaces a known alias with its
//! movement name ("sots press" → "press in clean").
[[nodiscard]] std::string canonical_name(std::string_view written,
                                         const Vocabulary& vocabulary = default_vocabulary());

//! Same as canonical_name for text that is already normalized for matching.
[[nodiscard]] std::string canonical_name_normalized(std::string_view normalized,
                                                    const Vocabulary& vocabulary);

//! Writes canonical_name_normalized(normalized) into out, reusing out's buffer rather than moving
//! a new string into it.
void assign_canonical_name(std::string& out, std::string_view normalized,
                           const Vocabulary& vocabulary);

//! Movement name that the vocabulary gives canonical_form(normalized), or an empty string when the
//! phrase is unknown.
[[nodiscard]] std::string known_movement_name(std::string_view normalized,
                                              const Vocabulary& vocabulary);

//! Writes known_movement_name(normalized) into out and returns true, or returns false, leaving out
//! as it was, when the phrase is unknown.
bool assign_known_movement_name(std::string& out, std::string_view normalized,
                                const Vocabulary& vocabulary);

//! Singular form of one lower-case word: "squats" → "squat", "snatches" → "snatch",
//! "flies" → "fly". Words ending in "ss", "us" or "is", words of two letters or fewer and the
//! vocabulary's keep list are returned unchanged.
[[nodiscard]] std::string singular_word(std::string_view word, const Vocabulary& vocabulary);

}  // namespace wodetl::prescription
