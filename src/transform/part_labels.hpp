#pragma once
// Recognition of the lines that open a part of a training day.

#include <optional>
#include <string>
#include <string_view>

#include "core/session.hpp"

namespace wodetl {

//! Part label read from a line.
struct PartLabel {
  SegmentKind kind = SegmentKind::kPart;
  std::string label;         //!< "A", "A1", "2", "warm_up", or a lower-case name such as "metcon"
  std::string heading_rest;  //!< text after the label on the same line, as written
};

//! Recognizes a part label. The forms are:
//! - a capital letter with an optional digit and '.', ')' or ':' ("A.", "B)", "C: Back Squat",
//!   "A1."), or before a spaced dash ("B – Snatch Pull 3 x 3"), but not "P" and a digit ("P1:",
//!   "P2 – Max Cal Row"), which name partner one or two;
//! - a number alone ("2)");
//! - a warm-up heading ("Suggested Warm-Up", "Warm-up: 400m run");
//! - a named part alone on its line or before a colon or a spaced dash ("Strength", "METCON",
//!   "Option A", "Event 4:", "Cash-out", "Strength – Deadlift 4x3");
//! - "Part" and a letter or number ("Part B", "Part A – Complex:"), labelled "B" and "A" as "B."
//!   and "A." are.
//! Numbered lines with text ("1. Take 5 minutes…") are not labels, except a number closed by a
//! parenthesis before a prescription ("2) Deadlift 3x5 @ 70%").
[[nodiscard]] std::optional<PartLabel> match_part_label(std::string_view line_text);

//! Returns the letter of a label that numbers a part under a letter, 'A' for "A1" and "A2", or 0
//! for other labels.
[[nodiscard]] char numbered_part_letter(std::string_view label);

//! Flat field of the original pipeline that a label fills: "segment_a" … "segment_e" for labels
//! A–E (A1, A2 included) and 1–5, "warm_up" for a warm-up; nullptr for the rest.
[[nodiscard]] const char* flat_field_for(const Segment& segment);

}  // namespace wodetl
