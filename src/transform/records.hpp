#pragma once

#include <vector>

#include "core/session.hpp"

namespace wodetl {

//! Builds the record of one dated day: the original's flat fields (session, warm_up,
//! segment_a … segment_e) next to the full segments, the day's links and the source post.
[[nodiscard]] SessionRecord make_session_record(DatedSession session, const SourceRef& source);

//! Stage clean_session_records: one record per dated day, in the post's order.
[[nodiscard]] std::vector<SessionRecord> clean_session_records(DatedPost dated);

}  // namespace wodetl
