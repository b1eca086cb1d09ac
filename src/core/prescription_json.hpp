#pragma once
// JSON form of parsed prescription lines, as `wodetl explain` and the stored blocks will show
// them. Every line is {"text", "kind", …}; the fields of each kind are listed in
// prescription_json.cpp above the function that writes them. Fields that the contract of a kind
// lists are always present (null when absent); the extra fields (warning, remark, load, …) appear
// only when they hold something.

#include <string>
#include <string_view>
#include <vector>

#include "core/json_codec.hpp"
#include "core/prescription.hpp"

namespace wodetl::prescription {

void to_json(Json& json, const ParsedLine& line);

//! Returns text with each no-break space (U+00A0, which WordPress writes for "&nbsp;", and the
//! narrow U+202F of French typography) as a plain space. Movement names are shown this way, so
//! that a name reads as the same words however it was spaced.
[[nodiscard]] std::string with_plain_spaces(std::string_view text);

//! An array of the line numbers.
void to_json(Json& json, const LineIndices& indices);

//! {"set", "reps", "percent", "of"} of one set of a block.
void to_json(Json& json, const SetPrescription& set);

//! A block with the indices of its lines in the part's "lines" and its sets.
void to_json(Json& json, const Block& block);

//! A part's label as JSON: null for the day segment, whose label is empty, as in "segments".
[[nodiscard]] Json part_label_json(const std::string& label);

//! {"label", "heading", "lines": [parsed lines], "blocks": [blocks]}.
void to_json(Json& json, const PartPrescription& part);

//! {"lines": [one object per line, in order]}.
[[nodiscard]] Json explain_json(const std::vector<ParsedLine>& lines);

}  // namespace wodetl::prescription
