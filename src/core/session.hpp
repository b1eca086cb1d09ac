#pragma once
// Values passed between the transform stages. In-process runs hand these to the next stage
// directly; JSON appears only at the edges (see core/json_codec.hpp).

#include <optional>
#include <string>
#include <vector>

#include "core/post.hpp"
#include "core/prescription.hpp"

namespace wodetl {

//! Hyperlink found in a post line.
struct Link {
  std::string text;
  std::string url;

  bool operator==(const Link&) const = default;
};

//! One visible line of the post body: entities decoded, text as written, with its links.
struct Line {
  std::string text;
  std::vector<Link> links;

  bool operator==(const Line&) const = default;
};

//! Output of strip_post_html.
struct StrippedPost {
  SourceRef source;
  std::string post_date;  //!< Post::date, used to date posts without a week range
  std::vector<Line> lines;
};

//! Day header line with the lines that follow it up to the next header.
struct DayGroup {
  Line header;
  std::vector<Line> lines;
};

//! Output of group_post_by_day.
struct GroupedPost {
  SourceRef source;
  std::string post_date;
  std::vector<Line> preamble;  //!< lines before the first day header; they belong to the post
  std::vector<DayGroup> days;
  //! The daily profile made the whole post one day, headed by its title and dated by its date.
  bool dated_by_post = false;
};

//! Kind of a segment of a day.
enum class SegmentKind {
  kDay,     //!< the day header and the lines between it and the first labelled part
  kWarmUp,  //!< a warm-up part ("Suggested Warm-Up", "Warm-up:")
  kPart,    //!< a labelled part ("A.", "B)", "Strength", "METCON")
};

//! One part of a day. Every line of a day is either the heading or one of the lines of
//! exactly one segment.
struct Segment {
  SegmentKind kind = SegmentKind::kPart;
  std::string
      label;     //!< "A" for "A." or "A)", "warm_up", a name such as "Strength"; empty for kDay
  Line heading;  //!< the line that opened the segment, as written
  std::string
      heading_rest;  //!< text of the heading after its label ("Back Squat" in "A. Back Squat")
  std::vector<Line> lines;
};

//! A day split into segments; output of segment_days.
struct SegmentedDay {
  std::vector<Segment> segments;  //!< segments.front() is always the kDay segment
  bool rest_day = false;
};

//! Output of segment_days.
struct SegmentedPost {
  SourceRef source;
  std::string post_date;
  std::vector<Line> preamble;
  std::vector<SegmentedDay> days;
  bool dated_by_post = false;  //!< see GroupedPost::dated_by_post
};

//! A segmented day with its calendar date; output of sessions_to_date_records.
struct DatedSession {
  std::string date;  //!< ISO date, "2020-12-21"
  SegmentedDay day;
};

//! Output of sessions_to_date_records.
struct DatedPost {
  SourceRef source;
  std::string post_date;
  std::vector<Line> preamble;
  std::vector<DatedSession> sessions;
  std::vector<std::string> warnings;  //!< dating decisions a reader should check
};

//! Flat text fields of the original pipeline, kept for compatibility.
inline constexpr const char* kFlatPartFields[] = {"segment_a", "segment_b", "segment_c",
                                                  "segment_d", "segment_e"};

//! Final record of one training day, keyed by (date, session) in every store.
struct SessionRecord {
  std::string date;     //!< ISO date
  std::string session;  //!< the day header as written, e.g. "Monday (Session One)"
  std::string warm_up;  //!< flat text of the lines before part A, lines joined by '\n'
  std::string segment_a, segment_b, segment_c, segment_d, segment_e;
  bool rest_day = false;
  std::vector<Segment> segments;  //!< every line of the day, in order
  std::vector<Link> links;        //!< every hyperlink of the day's lines, in order
  SourceRef source;
  //! Parsed lines and blocks of each segment, in the order of segments. Derived from segments:
  //! written to JSON, and not read back from it (see core/json_codec.hpp).
  std::vector<prescription::PartPrescription> prescriptions;
};

}  // namespace wodetl
