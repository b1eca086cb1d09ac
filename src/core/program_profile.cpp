#include "core/program_profile.hpp"

namespace wodetl {

const char* to_string(ProgramProfile profile) {
  return profile == ProgramProfile::kDaily ? "daily" : "weekly";
}

std::optional<ProgramProfile> parse_program_profile(std::string_view text) {
  if (text == "weekly") {
    return ProgramProfile::kWeekly;
  }
  if (text == "daily") {
    return ProgramProfile::kDaily;
  }
  return std::nullopt;
}

}  // namespace wodetl
