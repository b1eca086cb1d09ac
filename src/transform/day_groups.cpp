#include "transform/day_groups.hpp"

#include <utility>

#include "transform/day_headers.hpp"

namespace wodetl {

GroupedPost group_post_by_day(StrippedPost stripped, ProgramProfile profile) {
  GroupedPost grouped;
  grouped.source = std::move(stripped.source);
  grouped.post_date = std::move(stripped.post_date);

  for (Line& line : stripped.lines) {
    if (match_day_header(line.text)) {
      grouped.days.push_back(DayGroup{std::move(line), {}});
    } else if (grouped.days.empty()) {
      grouped.preamble.push_back(std::move(line));
    } else {
      grouped.days.back().lines.push_back(std::move(line));
    }
  }

  if (profile == ProgramProfile::kDaily && grouped.days.empty() && !grouped.preamble.empty()) {
    const std::string& title = grouped.source.title;
    grouped.days.push_back(
        DayGroup{Line{title.empty() ? kUntitledWorkout : title, {}}, std::move(grouped.preamble)});
    grouped.preamble.clear();
    grouped.dated_by_post = true;
  }
  return grouped;
}

}  // namespace wodetl
