#pragma once
// Part-level structure: the parsed lines of one part grouped into blocks. A block is a clock
// (scheme) with the movements done on it, the per-set intensity table applied to its sets, its
// rests and its notes; a target line ("establish a 1-RM Back Squat") is a block of its own.
// "Followed by…" ends a block, and so does the next scheme. A note ending in a colon ("With empty
// bar:") heads a block of the movement lines after it once the open block has its movements.

#include <optional>
#include <string>
#include <vector>

#include "core/session.hpp"
#include "core/prescription.hpp"

namespace wodetl::prescription {

//! Groups parsed lines into blocks and works out each block's sets.
[[nodiscard]] std::vector<Block> build_blocks(const std::vector<ParsedLine>& lines);

//! Parses the lines of a segment (the heading's text after its label counts as its first line)
//! and groups them into blocks.
[[nodiscard]] PartPrescription prescribe_segment(const Segment& segment);

//! prescribe_segment for each segment with lines or a heading remainder; the day segment of a
//! rest day gives a part with no lines.
[[nodiscard]] std::vector<PartPrescription> prescribe_segments(const std::vector<Segment>& segments);

//! Fills record.prescriptions from record.segments when it is empty, as after reading a stored
//! record back. A part segment without heading_rest, as read back, first gets it from its heading.
void add_prescriptions(SessionRecord& record);

//! The movement line that gives a block its lift: the first one that names movements.
[[nodiscard]] const MovementLine* main_movement(const Block& block, const std::vector<ParsedLine>& lines);

}  // namespace wodetl::prescription
