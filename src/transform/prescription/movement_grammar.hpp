#pragma once
// Grammar of movement lines:
//
//   movement_line := quantities                      "5x5 @ 75%", "21-15-9"
//                  | count "x" group tail            "12 x Goblet Squat", "3x [Deadlift + Row]"
//                  | item (("," | "+") item)* tail   "10 Air Squats, 10 Pushups", "400m run"
//                  | group ("," name)* tail          "(Snatch + Hip Snatch) x 1 rep",
//                                                    "Thrusters, Pull-ups"
//                  | sets movement_line              "5x5 Back Squat", "21-15-9 Thrusters"
//                  | quoted movement_line            '"Touch and go" Power Snatch x 3'
//   group         := "(" element ("+" element)+ ")" | element ("+" element)*
//   element       := [count] name
//   item          := quantity name     quantity: reps, distance, time, calories, load
//   tail          := reps, "x" quantity, sets x reps, rep sequence, wave, sides, intensity,
//                    remarks
//
// A name is a run of words (with hyphens, "&", "/" and numbers inside it, as in "Power Clean with
// 3 second pause at knee") that holds no prose word. A name standing without any quantity must
// be known to the vocabulary or end in one of its head words. A quoted phrase before or after the
// name is a remark, so that the name stays the lift's.

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "core/prescription.hpp"
#include "transform/prescription/grammar_cursor.hpp"

namespace wodetl::prescription {

//! Parses every token from the cursor to its end as a movement line into line, which must hold a
//! default MovementLine. Filling the caller's value in place spares moving a result of several
//! hundred bytes out of every rule. Returns false, with the cursor where it was and line holding
//! whatever the last rule left (the caller discards it), when the tokens do not form a movement
//! line.
bool parse_movement_line(Cursor& cursor, const GrammarContext& context, MovementLine& line);

//! Number of tokens of the words that lead a back-off group: "drop to", "drop down to", "drop
//! back to", "back off", "back-off", "back off to", "back down to", "come down to". Zero for other
//! text.
[[nodiscard]] std::size_t back_off_lead(const Cursor& cursor);

//! Number of tokens of back_off_lead, with the colon after them if there is one: "back-off:".
[[nodiscard]] std::size_t back_off_words(const Cursor& cursor);

//! Whether the cursor is at reps that a colon separates from the names of the movements that do
//! them, such as "10: Dips, Pull-ups" in "3 x 10: Dips, Pull-ups" or "10 reps: …" in "3 sets of
//! 10 reps: …".
[[nodiscard]] bool at_reps_for_names(const Cursor& cursor);

//! Adds text to the line's warning, after "; " when it has one already.
void append_warning(MovementLine& line, std::string_view text);

//! Gives the intensities that the movements of an alternating line or a list state to the line or
//! to the movements. intensities[i] is the one that movement i states, if any. When all that are
//! stated are equal, the line takes it and each movement that states none gets without_intensity.
//! When they differ, each movement that states one keeps it in Movement::intensity and the line
//! gets none. Nothing changes when no movement states one.
void assign_movement_intensities(MovementLine& line,
                                 std::vector<std::optional<Intensity>>&& intensities);

//! Keeps the percentage of a list to its lifts: in "10 Burpees, 5 Deadlifts @ 60%" the movements
//! that no rep max or percentage can refer to (see Vocabulary::is_lift), the burpees, get
//! without_intensity. Changes nothing unless the list has a percentage that no movement states on
//! its own, and both lifts and other movements.
void keep_percent_to_lifts(MovementLine& line, const Vocabulary& vocabulary);

}  // namespace wodetl::prescription
