#pragma once
// Grammar of waves, sets that each have their own reps and percentage:
//
//   wave := step ([","] step)*      "4@70%, 3@76%, 2@82%", "4@70% 3@76%", "70% x 2, 75% x 2"
//   step := count ["+"] ["reps"] ("@" | "x") intensity-with-percent
//         | percent [of reference] "x" count ["+"] ["reps"] ["x" count ["sets"]]
//
// The second form puts the percentage first, as weightlifting programs often do: "75% x 2 x 3" is
// three sets of two reps at 75%, and so three steps. A wave is written on its own line (an
// intensity line) or after a movement's name ("Back Squat x 4@70%, 3@76%", "Snatch 70% x 2, 75% x
// 2"). Step i prescribes set i + 1.

#include <cstddef>
#include <vector>

#include "core/prescription.hpp"
#include "transform/prescription/grammar_cursor.hpp"

namespace wodetl::prescription {

//! Maximum number of steps read from one wave. Steps past it are not read as steps.
inline constexpr std::size_t kMaxWaveSteps = 20;

//! Reads "x 3" or "x 3 sets" after a step into sets, as in "1 @ 80% x 3 sets": three singles at
//! 80%, as "80% x 1 x 3" is. Leaves sets at 1, consuming nothing, for other text and for counts
//! past kMaxWaveSteps.
void read_step_sets(Cursor& cursor, int& sets);

//! Reads the steps of a wave at the cursor into steps, which must be empty. When only the last
//! step names its reference ("4@70%, 3@76% of 1-RM Snatch"), the earlier steps take it too.
//! Returns true when it read at least min_steps steps. Otherwise it returns false, with the cursor
//! where it was and steps empty.
bool read_wave(Cursor& cursor, const GrammarContext& context, std::size_t min_steps,
               std::vector<IntensityStep>& steps);

//! False when no wave can start at the cursor: a wave needs a count here, and an "@" in the line
//! or a percentage and an "x" or "/" in the line.
[[nodiscard]] inline bool may_start_wave(const Cursor& cursor) {
  return cursor.is(TokenKind::kNumber) &&
         (cursor.line().has_kind(TokenKind::kAt) ||
          (cursor.line().has_kind(TokenKind::kPercent) &&
           (cursor.line().has_kind(TokenKind::kTimes) || cursor.line().has_kind(TokenKind::kSlash))));
}

}  // namespace wodetl::prescription
