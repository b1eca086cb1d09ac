#pragma once
// How a source publishes its program, which decides how its posts become dated sessions.

#include <optional>
#include <string_view>

namespace wodetl {

enum class ProgramProfile {
  kWeekly,  //!< one post per week with day headers ("Monday", "Day 2"), dated by week range
  kDaily,   //!< one workout per post; a post without day headers is one session on its date
};

//! Returns "weekly" or "daily".
[[nodiscard]] const char* to_string(ProgramProfile profile);

//! Parses "weekly" or "daily"; nothing for any other text.
[[nodiscard]] std::optional<ProgramProfile> parse_program_profile(std::string_view text);

}  // namespace wodetl
