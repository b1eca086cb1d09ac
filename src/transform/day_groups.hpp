#pragma once

#include "core/program_profile.hpp"
#include "core/session.hpp"

namespace wodetl {

//! Session name of a daily post whose title is empty.
inline constexpr const char* kUntitledWorkout = "Workout";

//! Stage group_post_by_day: splits the lines at each day header. Lines before the first header
//! become the post's preamble; no line is dropped. With ProgramProfile::kDaily, a "Day N:" label
//! before a prescription ("Day 3: Back Squat 8x4 @ 80%") is a line, not a header. There a post
//! that has lines but no day header becomes one day headed by its title (kUntitledWorkout when
//! the title is empty), and dated_by_post is set so that the post's own date dates it.
[[nodiscard]] GroupedPost group_post_by_day(StrippedPost stripped,
                                            ProgramProfile profile = ProgramProfile::kWeekly);

}  // namespace wodetl
