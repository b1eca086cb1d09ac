#pragma once
// Part-level structure: the parsed lines of one part grouped into blocks. A block is a clock
// (scheme) with the movements done on it, the per-set intensity table applied to its sets, its
// rests and its notes; a target line ("establish a 1-RM Back Squat") is a block of its own.
// "Followed by…" ends a block, and so does the next scheme, except numbered minutes that name
// their movements ("Min 1: 3 Power Snatch"), which are movement lines of the clock before them. A
// note ending in a colon ("With empty bar:") heads a block of the movement lines after it once the
// open block has its movements.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/prescription.hpp"
#include "core/session.hpp"

namespace wodetl::prescription {

//! Groups parsed lines into blocks and works out each block's sets. carried_sets, when given, is
//! the set count of a scheme in an earlier part ("3 Rounds:" before "A1. …"): the first block
//! takes it as its scheme's when it has no scheme of its own.
[[nodiscard]] std::vector<Block> build_blocks(const std::vector<ParsedLine>& lines,
                                              std::optional<int> carried_sets = std::nullopt);

//! Parses the lines of a segment (the heading's text after its label counts as its first line)
//! and groups them into blocks.
[[nodiscard]] PartPrescription prescribe_segment(const Segment& segment);

//! Returns the problems that a part states, in order: each scheme line whose stated sets disagree
//! with duration ÷ interval, as "\"text\": warning", then the warnings of its blocks.
[[nodiscard]] std::vector<std::string> part_warnings(const PartPrescription& part);

//! prescribe_segment for each segment with lines or a heading remainder; the day segment of a
//! rest day gives a part with no lines.
[[nodiscard]] std::vector<PartPrescription> prescribe_segments(
    const std::vector<Segment>& segments);

//! Fills record.prescriptions from record.segments when it is empty, as after reading a stored
//! record back. A part segment without heading_rest, as read back, first gets it from its heading.
void add_prescriptions(SessionRecord& record);

//! One movement of a block and the lines that prescribe its sets.
struct BlockMovement {
  //! Line that names the movement: a movement line, or the scheme line that names it after its
  //! colon. Empty when the block's lines of quantities ("5x5 @ 75%") follow no name.
  std::optional<std::size_t> line;
  //! Index of the movement in an alternating line's movements ("Odd: 3 Power Cleans, Even: 10
  //! Burpees"), or in a list whose movements state intensities ("Snatch x 2 @ 70%, Clean x 2 @
  //! 80%"); each of them has its own sets.
  std::optional<std::size_t> movement;
  const MovementLine* named = nullptr;  //!< the movement line at line, or null
  //! Lines that give the reps and intensity of the sets, in order: the naming line unless only
  //! lines after it state quantities ("Back Squat" then "5x5 @ 75%"), then the lines of
  //! quantities only after it. Those are movement lines without names and intensity lines without
  //! set numbers ("5 reps @ 75%"). Several lines follow one another: "Back Squat x 3+ @ 85%" then
  //! "5x5 @ 75%" is one set and then five. See quantities_at.
  LineIndices quantity_lines;
};

//! The set count, reps and intensity that one of a movement's quantity lines states. Spans and
//! pointers view the parsed line.
struct LineQuantities {
  const MovementLine* line = nullptr;  //!< the movement line, or null for an intensity line
  std::optional<CountRange> sets;      //!< "5x5", "4-6 sets of"; empty for an intensity line
  std::optional<CountRange> reps;
  bool reps_at_least = false;
  std::span<const int> rep_scheme;       //!< reps set by set, "5-4-3-2-1"
  std::span<const IntensityStep> steps;  //!< a wave: step i is set i + 1
  const Intensity* intensity = nullptr;  //!< the line's intensity; never null
};

//! The quantities of the line at index: a movement line, a scheme line with movements after its
//! colon, or an intensity line. nullopt for other lines.
[[nodiscard]] std::optional<LineQuantities> quantities_at(const std::vector<ParsedLine>& lines,
                                                          std::size_t index);

//! The movements of a block in the order of their lines. A line that names movements starts one
//! (each movement of an alternating line is one), and a line of quantities only joins the one
//! before it.
[[nodiscard]] std::vector<BlockMovement> block_movements(const Block& block,
                                                         const std::vector<ParsedLine>& lines);

//! Intensity of the line's movement at index movement: its own, none when it has
//! without_intensity, else the line's. The line's when movement is empty.
[[nodiscard]] Intensity movement_intensity(const MovementLine& line,
                                           std::optional<std::size_t> movement);

//! The movement line at index: a movement line, or the movements after a scheme line's colon;
//! null for other lines.
[[nodiscard]] const MovementLine* movement_line_at(const std::vector<ParsedLine>& lines,
                                                   std::size_t index);

}  // namespace wodetl::prescription
