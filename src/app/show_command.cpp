#include "app/show_command.hpp"

#include <chrono>

#include "core/json_codec.hpp"
#include "transform/prescription/blocks.hpp"
#include "transform/week_dates.hpp"

namespace wodetl {

namespace {

std::string format_record_text(const SessionRecord& record) {
  // The header usually says "Rest Day" itself; the marker is for rest days it does not name.
  const bool header_says_rest = record.session.find("Rest") != std::string::npos ||
                                record.session.find("rest") != std::string::npos;
  std::string text = record.date + "  " + record.session +
                     (record.rest_day && !header_says_rest ? "  (rest day)" : "") + "\n";
  for (const Segment& segment : record.segments) {
    if (segment.kind != SegmentKind::kDay) {
      text += "  " + segment.heading.text + "\n";
    }
    for (const Line& line : segment.lines) {
      text += "    " + line.text + "\n";
    }
  }
  if (!record.links.empty()) {
    text += "  Links:\n";
    for (const Link& link : record.links) {
      text += "    " + link.text + " <" + link.url + ">\n";
    }
  }
  text += "  Source: " + record.source.link + "\n";
  return text;
}

}  // namespace

Result<std::string> show_sessions(SessionStore& sessions, const ShowOptions& options) {
  const bool by_week = !options.week.empty();
  const std::string& given = by_week ? options.week : options.date;
  const auto date = parse_iso_date(given);
  if (!date || given.size() != 10) {
    return Error::invalid_input("'" + given + "' is not a date", {}, "Give the date as YYYY-MM-DD");
  }

  std::chrono::year_month_day first = *date;
  std::chrono::year_month_day last = *date;
  if (by_week) {
    // Weeks run Monday to Sunday, as the weekly programs do.
    const std::chrono::sys_days day{*date};
    const std::chrono::days since_monday = std::chrono::weekday{day} - std::chrono::Monday;
    first = std::chrono::year_month_day{day - since_monday};
    last = std::chrono::year_month_day{day - since_monday + std::chrono::days{6}};
  }

  auto records = sessions.sessions_between(format_iso_date(first), format_iso_date(last));
  if (!records) {
    return records.error();
  }
  for (SessionRecord& record : *records) {
    prescription::add_prescriptions(record);
  }
  if (options.format == "json") {
    return Json(*records).dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
  }
  if (records->empty()) {
    return by_week ? "No sessions stored from " + format_iso_date(first) + " to " + format_iso_date(last) + ".\n"
                   : "No sessions stored on " + format_iso_date(first) + ".\n";
  }
  std::string text;
  for (const SessionRecord& record : *records) {
    if (!text.empty()) {
      text += "\n";
    }
    text += format_record_text(record);
  }
  return text;
}

}  // namespace wodetl
