#pragma once
// Helpers shared by the load layer tests: a temporary folder per test and made-up records.

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <random>
#include <string>
#include <system_error>
#include <vector>

#include "core/session.hpp"
#include "load/bucket_keys.hpp"
#include "load/session_store.hpp"
#include "load/state_store.hpp"
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

//! Every record of the store, as the compact JSON lines of its weekly objects, in the store's
//! order.
inline std::vector<std::string> record_lines(SessionStore& sessions) {
  Result<std::vector<SessionRecord>> all = sessions.all_sessions();
  EXPECT_TRUE(all.ok()) << all.error().to_string();
  std::vector<std::string> lines;
  if (all.ok()) {
    for (const SessionRecord& record : *all) {
      lines.push_back(compact_record_json(record));
    }
  }
  return lines;
}

//! State of post 101 "week-one", skipped, with a preamble, two dates and a process key.
inline PostState make_post_state() {
  PostState state;
  state.source = make_source(101, "week-one");
  state.content_sha256 = "ab12";
  state.status = PostStatus::kSkipped;
  state.reason = "no day headers found";
  state.preamble = {Line{"Coach's note: deload week", {Link{"video", "https://example.test/v"}}},
                    Line{"Scale loads as needed", {}}};
  state.session_dates = {"2020-12-21", "2020-12-22"};
  state.process_key = "5f1e0c";
  state.sources = {"invictus", "olympic"};
  return state;
}

inline void expect_same_state(const PostState& actual, const PostState& expected) {
  EXPECT_EQ(actual.source, expected.source);
  EXPECT_EQ(actual.content_sha256, expected.content_sha256);
  EXPECT_EQ(actual.status, expected.status);
  EXPECT_EQ(actual.reason, expected.reason);
  EXPECT_EQ(actual.preamble, expected.preamble);
  EXPECT_EQ(actual.session_dates, expected.session_dates);
  EXPECT_EQ(actual.process_key, expected.process_key);
  EXPECT_EQ(actual.sources, expected.sources);
}

}  // namespace wodetl::testing
