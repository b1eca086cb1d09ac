#pragma once
// Prescription parser: classifies each line of a part (scheme, movement, intensity, target,
// rest or note; see core/prescription.hpp) and extracts its structure. A line is normalized and
// tokenized (tokens.hpp), then tried against small recursive-descent grammars in this order:
// minutes and clock windows that open the line (whose rest is then read by the other grammars),
// per-set rows, rest, schemes, targets, waves, movements. A line that none of them reads whole is
// a note, so nothing is ever lost or rejected.
//
// NOTE: lone "20 seconds on" or "10 seconds off" lines, load tiers ("Rx 95/65, Rx+ 115/75") and
// movements after a clock window ("From 0:00 - 5:00: 500m Row") are not read into fields; the
// first two stay notes or remarks, and the last a note that keeps its window.

#include <string>
#include <string_view>
#include <vector>

#include "core/prescription.hpp"
#include "transform/prescription/vocabulary.hpp"

namespace wodetl::prescription {

//! Parses one line of a part with the given vocabulary. The result's text and movement names view
//! text, which must outlive it (see ParsedLine::text). Lines longer than kMaxLineBytes, or with
//! more than kMaxTokens tokens, are notes without further reading. Every grammar loop is bounded
//! by a constant or by the number of tokens, and a rule calls back into a grammar that called it
//! only on fewer tokens (sets before a name, then the movement line after them), so parsing
//! always ends. Throws nothing but std::bad_alloc.
[[nodiscard]] ParsedLine parse_prescription_line(std::string_view text,
                                                 const Vocabulary& vocabulary);

//! Same, with default_vocabulary().
[[nodiscard]] ParsedLine parse_prescription_line(std::string_view text);
[[nodiscard]] inline ParsedLine parse_prescription_line(const char* text) {
  return parse_prescription_line(std::string_view(text));
}
//! A temporary string would be gone before its result is read.
ParsedLine parse_prescription_line(std::string&& text) = delete;

//! Parses line.text into line.kind and line.detail, which must still hold their defaults (a note),
//! as parse_prescription_line does. Filling a line in place spares moving a result of several
//! hundred bytes. Names of movements view line.text, as it does.
void parse_prescription_text(ParsedLine& line, const Vocabulary& vocabulary);

//! One result per line, in order, where result[i].text == lines[i]. The results view lines, which
//! must outlive them.
[[nodiscard]] std::vector<ParsedLine> parse_prescription_lines(
    const std::vector<std::string>& lines);
//! Temporary lines would be gone before the results are read.
std::vector<ParsedLine> parse_prescription_lines(std::vector<std::string>&& lines) = delete;

}  // namespace wodetl::prescription
