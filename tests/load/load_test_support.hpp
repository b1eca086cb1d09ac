#pragma once
// Helpers shared by the load layer tests: a temporary folder per test and made-up records.

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <random>
#include <string>
#include <system_error>
#include <vector>

#include "core/session.hpp"
#include "support/fixtures.hpp"

namespace wodetl::testing {

inline SourceRef make_source(std::int64_t post_id, const std::string& slug) {
  return SourceRef{post_id, slug, "https://example.test/" + slug + "/", "2020-12-20T17:00:21",
                   "Week of " + slug};
}

//! Record with a day segment and one part A, e.g. make_record(source, "2020-12-21", "Monday",
//! "Back Squat 5x5").
inline SessionRecord make_record(const SourceRef& source, const std::string& date,
                                 const std::string& session, const std::string& part_a) {
  SessionRecord record;
  record.date = date;
  record.session = session;
  record.warm_up = "Row 500 m easy";
  record.segment_a = part_a;
  record.segments = {
      Segment{SegmentKind::kDay, "", Line{session, {}}, "", {Line{"Row 500 m easy", {}}}},
      Segment{SegmentKind::kPart, "A", Line{"A. " + part_a, {}}, "", {}},
  };
  record.source = source;
  return record;
}

}  // namespace wodetl::testing
