#pragma once
// Part-level structure: the parsed lines of one part grouped into blocks. A block is a clock
// (scheme) with the movements done on it, the per-set intensity table applied to its sets, its
// rests and its notes; a target line ("establish a 1-RM Back Squat") is a block of its own.
// "Followed by…" ends a block, and so does the next scheme.

#include <optional>
#include <string>
#include <vector>

#include "core/session.hpp"
#include "transform/prescription/parsed_line.hpp"

namespace wodetl::prescription {

//! What one set of a block asks for, after the intensity table is applied.
struct SetPrescription {
  int set = 0;  //!< 1-based
  std::optional<CountRange> reps;
  bool reps_at_least = false;
  Intensity intensity;
};

//! A scheme with what is done on it. Indices refer to PartPrescription::lines.
struct Block {
  std::optional<std::size_t> scheme_line;
  std::optional<std::size_t> target_line;
  std::vector<std::size_t> movement_lines;
  std::vector<std::size_t> intensity_lines;
  std::vector<std::size_t> rest_lines;
  std::vector<std::size_t> note_lines;
  std::vector<SetPrescription> sets;  //!< one entry per set when the set count is known
};

//! Prescription of one segment of a day: every line parsed, and the lines grouped into blocks.
//! Notes before the first block stay in lines only.
struct PartPrescription {
  std::string label;    //!< the segment's label: "A", "warm_up", "" for the day segment
  std::string heading;  //!< the segment's heading line as written
  std::vector<ParsedLine> lines;
  std::vector<Block> blocks;
};

//! Groups parsed lines into blocks and works out each block's sets.
[[nodiscard]] std::vector<Block> build_blocks(const std::vector<ParsedLine>& lines);

//! Parses the lines of a segment (the heading's text after its label counts as its first line)
//! and groups them into blocks.
[[nodiscard]] PartPrescription prescribe_segment(const Segment& segment);

//! The movement line that gives a block its lift: the first one that names movements.
[[nodiscard]] const MovementLine* main_movement(const Block& block, const std::vector<ParsedLine>& lines);

}  // namespace wodetl::prescription
