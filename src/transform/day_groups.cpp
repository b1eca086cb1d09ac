#include "transform/day_groups.hpp"

#include <optional>
#include <string_view>
#include <utility>

#include "transform/day_headers.hpp"
#include "transform/prescription/line_parser.hpp"

namespace wodetl {

namespace {

// Whether a line starts a day. A daily post holds one workout, so there "Day 3: Back Squat 8x4 @
// 80%" is the program's label before a prescription, a line of that workout and not a header of
// a day without lines. A bare label ("Day 3", "Week 1, Day 4") or one before text that is no
// prescription ("Session 5 - Tuesday") is still a header.
bool starts_day(const Line& line, ProgramProfile profile) {
  const std::optional<DayHeader> header = match_day_header(line.text);
  if (!header) {
    return false;
  }
  if (profile != ProgramProfile::kDaily || header->after_numbered_label.empty()) {
    return true;
  }
  const prescription::ParsedLine parsed =
      prescription::parse_prescription_line(std::string_view(header->after_numbered_label));
  return parsed.kind == prescription::LineKind::kNote;
}

}  // namespace

GroupedPost group_post_by_day(StrippedPost stripped, ProgramProfile profile) {
  GroupedPost grouped;
  grouped.source = std::move(stripped.source);
  grouped.post_date = std::move(stripped.post_date);

  for (Line& line : stripped.lines) {
    if (starts_day(line, profile)) {
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
