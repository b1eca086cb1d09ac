#include "transform/transform_post.hpp"

#include <utility>

#include "transform/day_groups.hpp"
#include "transform/html_lines.hpp"
#include "transform/records.hpp"
#include "transform/segments.hpp"
#include "transform/week_dates.hpp"

namespace wodetl {

Result<TransformedPost> transform_post(const Post& post, ProgramProfile profile) {
  auto stripped = strip_post_html(post);
  if (!stripped) {
    return stripped.error();
  }
  TransformedPost transformed;
  transformed.counts.lines = static_cast<int>(stripped->lines.size());

  SegmentedPost segmented = segment_days(group_post_by_day(std::move(*stripped), profile));
  transformed.counts.days = static_cast<int>(segmented.days.size());
  for (const SegmentedDay& day : segmented.days) {
    transformed.counts.segments += static_cast<int>(day.segments.size());
  }

  auto dated = sessions_to_date_records(std::move(segmented));
  if (!dated) {
    return dated.error();
  }
  transformed.preamble = std::move(dated->preamble);
  transformed.counts.preamble_lines = static_cast<int>(transformed.preamble.size());
  transformed.warnings = std::move(dated->warnings);
  transformed.records = clean_session_records(std::move(*dated));
  return transformed;
}

}  // namespace wodetl
