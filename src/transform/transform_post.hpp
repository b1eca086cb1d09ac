#pragma once

#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/post.hpp"
#include "core/program_profile.hpp"
#include "core/session.hpp"

namespace wodetl {

//! Counts a transform reports to the summary, the logs and the state machine.
struct TransformCounts {
  int lines = 0;     //!< non-empty lines in the body
  int days = 0;      //!< day headers found
  int segments = 0;  //!< segments over all days, day segments included
  int preamble_lines = 0;
};

//! Everything the transform stages make of one post.
struct TransformedPost {
  std::vector<SessionRecord> records;
  std::vector<Line> preamble;
  std::vector<std::string> warnings;
  TransformCounts counts;
};

//! Runs strip_post_html, group_post_by_day, segment_days, sessions_to_date_records and
//! clean_session_records on one post, passing values in memory. Pure: no I/O. `profile` decides
//! what a post without day headers becomes (see group_post_by_day).
[[nodiscard]] Result<TransformedPost> transform_post(
    const Post& post, ProgramProfile profile = ProgramProfile::kWeekly);

}  // namespace wodetl
