#pragma once
// Prescription parser: classifies each line of a part (scheme, movement, intensity, target,
// rest or note; see core/prescription.hpp) and extracts its structure. A line is normalized and
// tokenized (tokens.hpp), then tried against small recursive-descent grammars in this order:
// per-set rows, rest, schemes, targets, waves, movements. A line that none of them reads whole is
// a note, so nothing is ever lost or rejected.
//
// NOTE: alternating minutes ("Odd: 5 Power Cleans", "Minute 3 = rest"), clock windows ("From
// 20:00 - 32:00"), split loads ("Men 205, Women 145") and lone "20 seconds on" or "10 seconds
// off" lines are not read yet, so they stay notes.

#include <string>
#include <string_view>
#include <vector>

#include "core/prescription.hpp"
#include "transform/prescription/vocabulary.hpp"

namespace wodetl::prescription {

//! Parses one line of a part with the given vocabulary. Lines longer than kMaxLineBytes, or with
//! more than kMaxTokens tokens, are notes without further reading. Every grammar loop is bounded
//! by a constant or by the number of tokens, and rules call each other without cycles, so parsing
//! always ends. Throws nothing but std::bad_alloc.
[[nodiscard]] ParsedLine parse_prescription_line(std::string_view text, const Vocabulary& vocabulary);

//! Same, with default_vocabulary().
[[nodiscard]] ParsedLine parse_prescription_line(std::string_view text);

//! Parses line.text into line.kind and line.detail, which must still hold their defaults (a note),
//! as parse_prescription_line does. Filling a line in place spares moving a result of several
//! hundred bytes.
void parse_prescription_text(ParsedLine& line, const Vocabulary& vocabulary);

//! One result per line, in order, where result[i].text == lines[i].
[[nodiscard]] std::vector<ParsedLine> parse_prescription_lines(const std::vector<std::string>& lines);

}  // namespace wodetl::prescription
