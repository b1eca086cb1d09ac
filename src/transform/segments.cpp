#include "transform/segments.hpp"

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>

#include "transform/day_headers.hpp"
#include "transform/part_labels.hpp"
#include "transform/text_normalize.hpp"

namespace wodetl {

namespace {

// Whether a day's first line marks the day as a rest day: "Off", "Rest", "Rest Day!", "Day off",
// "Active recovery".
bool is_rest_day_line(const Line& line) {
  std::string text = normalize_for_matching(line.text);
  while (!text.empty() && (text.back() == '.' || text.back() == '!' || text.back() == ':')) {
    text.pop_back();
  }
  static constexpr std::string_view kRestLines[] = {"off",
                                                    "rest",
                                                    "rest day",
                                                    "day off",
                                                    "off day",
                                                    "recovery",
                                                    "recovery day",
                                                    "active recovery",
                                                    "active recovery day",
                                                    "rest and recovery"};
  return std::find(std::begin(kRestLines), std::end(kRestLines), text) != std::end(kRestLines);
}

}  // namespace

SegmentedDay segment_day(DayGroup day) {
  SegmentedDay segmented;
  const std::optional<DayHeader> header = match_day_header(day.header.text);

  Segment day_segment;
  day_segment.kind = SegmentKind::kDay;
  day_segment.heading = std::move(day.header);
  segmented.segments.push_back(std::move(day_segment));

  // A day is a rest day when its header or its first line marks it so and it prescribes no part,
  // or when it has no lines at all.
  const bool marked_rest = (header.has_value() && header->mentions_rest) ||
                           (!day.lines.empty() && is_rest_day_line(day.lines.front()));
  const bool no_lines = day.lines.empty();
  bool has_part = false;
  for (Line& line : day.lines) {
    if (std::optional<PartLabel> label = match_part_label(line.text)) {
      Segment segment;
      segment.kind = label->kind;
      segment.label = std::move(label->label);
      segment.heading_rest = std::move(label->heading_rest);
      segment.heading = std::move(line);
      has_part = has_part || segment.kind == SegmentKind::kPart;
      segmented.segments.push_back(std::move(segment));
      continue;
    }
    segmented.segments.back().lines.push_back(std::move(line));
  }

  segmented.rest_day = (marked_rest && !has_part) || no_lines;
  return segmented;
}

SegmentedPost segment_days(GroupedPost grouped) {
  SegmentedPost segmented;
  segmented.source = std::move(grouped.source);
  segmented.post_date = std::move(grouped.post_date);
  segmented.preamble = std::move(grouped.preamble);
  segmented.dated_by_post = grouped.dated_by_post;
  segmented.days.reserve(grouped.days.size());
  for (DayGroup& day : grouped.days) {
    segmented.days.push_back(segment_day(std::move(day)));
  }
  return segmented;
}

}  // namespace wodetl
