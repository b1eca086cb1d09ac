#include "transform/day_groups.hpp"

#include <utility>

#include "transform/day_headers.hpp"

namespace wodetl {

GroupedPost group_post_by_day(StrippedPost stripped) {
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
  return grouped;
}

}  // namespace wodetl
