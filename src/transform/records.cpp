#include "transform/records.hpp"

#include <cstring>
#include <string>
#include <utility>

#include "core/json_codec.hpp"
#include "transform/part_labels.hpp"
#include "transform/prescription/blocks.hpp"
#include "transform/text_normalize.hpp"

namespace wodetl {

namespace {

void append_paragraph(std::string& field, const std::string& text) {
  if (text.empty()) {
    return;
  }
  if (!field.empty()) {
    field += '\n';
  }
  field += text;
}

std::string* flat_field(SessionRecord& record, const char* name) {
  if (std::strcmp(name, "warm_up") == 0) {
    return &record.warm_up;
  }
  std::string* fields[] = {&record.segment_a, &record.segment_b, &record.segment_c,
                           &record.segment_d, &record.segment_e};
  for (std::size_t index = 0; index < std::size(kFlatPartFields); ++index) {
    if (std::strcmp(name, kFlatPartFields[index]) == 0) {
      return fields[index];
    }
  }
  return nullptr;
}

// Returns the text of a part in its flat field. "A1. Bench Press x 8" and "A2. Pendlay Row x 8"
// share segment_a, so each keeps its label there, which gives their order within the superset.
std::string flat_part_text(const Segment& segment) {
  std::string text = flat_text(segment);
  if (text.empty() || numbered_part_letter(segment.label) == 0) {
    return text;
  }
  return segment.label + ". " + text;
}

void append_links(std::vector<Link>& links, const Line& line) {
  links.insert(links.end(), line.links.begin(), line.links.end());
}

}  // namespace

SessionRecord make_session_record(DatedSession session, const SourceRef& source) {
  SessionRecord record;
  record.date = session.date;
  record.rest_day = session.day.rest_day;
  record.source = source;

  for (const Segment& segment : session.day.segments) {
    append_links(record.links, segment.heading);
    for (const Line& line : segment.lines) {
      append_links(record.links, line);
    }

    if (segment.kind == SegmentKind::kDay) {
      // The key must not depend on how the post spaced the header: "Monday&nbsp;(Session One)"
      // and "Monday (Session One)" are one session.
      record.session = with_plain_spaces_collapsed(segment.heading.text);
      // Lines between the day header and its first part are the day's opening work; the
      // original pipeline dropped them, so they lead the warm-up text.
      append_paragraph(record.warm_up, flat_text(segment));
      continue;
    }
    if (const char* name = flat_field_for(segment)) {
      append_paragraph(*flat_field(record, name), flat_part_text(segment));
    }
  }
  record.segments = std::move(session.day.segments);
  record.prescriptions = prescription::prescribe_segments(record.segments);
  return record;
}

std::vector<SessionRecord> clean_session_records(DatedPost dated) {
  std::vector<SessionRecord> records;
  records.reserve(dated.sessions.size());
  for (DatedSession& session : dated.sessions) {
    records.push_back(make_session_record(std::move(session), dated.source));
  }
  return records;
}

}  // namespace wodetl
