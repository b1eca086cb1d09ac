#include "core/json_codec.hpp"

#include <stdexcept>
#include <string>

#include "core/prescription_json.hpp"

namespace wodetl {

namespace {

SegmentKind segment_kind_from(const std::string& name) {
  if (name == "day") {
    return SegmentKind::kDay;
  }
  if (name == "warm_up") {
    return SegmentKind::kWarmUp;
  }
  if (name == "part") {
    return SegmentKind::kPart;
  }
  throw Json::other_error::create(501, "unknown segment kind '" + name + "'", nullptr);
}

// Reads a string member that may be absent or null.
std::string string_or_empty(const Json& json, const char* key) {
  auto it = json.find(key);
  if (it == json.end() || it->is_null()) {
    return {};
  }
  return it->get<std::string>();
}

}  // namespace

const char* to_string(SegmentKind kind) {
  switch (kind) {
    case SegmentKind::kDay:
      return "day";
    case SegmentKind::kWarmUp:
      return "warm_up";
    case SegmentKind::kPart:
      return "part";
  }
  return "part";
}

void to_json(Json& json, const Link& link) {
  json = Json{{"text", link.text}, {"url", link.url}};
}

void from_json(const Json& json, Link& link) {
  link.text = string_or_empty(json, "text");
  link.url = json.at("url").get<std::string>();
}

void to_json(Json& json, const Line& line) {
  json = Json{{"text", line.text}, {"links", line.links}};
}

// A line may be given as an object or, for hand-written events, as a bare string.
void from_json(const Json& json, Line& line) {
  if (json.is_string()) {
    line.text = json.get<std::string>();
    line.links.clear();
    return;
  }
  line.text = json.at("text").get<std::string>();
  line.links = json.value("links", std::vector<Link>{});
}

void to_json(Json& json, const SourceRef& source) {
  json = Json{{"post_id", source.post_id},
              {"slug", source.slug},
              {"link", source.link},
              {"modified_gmt", source.modified_gmt},
              {"title", source.title}};
}

void from_json(const Json& json, SourceRef& source) {
  source.post_id = json.value("post_id", std::int64_t{0});
  source.slug = string_or_empty(json, "slug");
  source.link = string_or_empty(json, "link");
  source.modified_gmt = string_or_empty(json, "modified_gmt");
  source.title = string_or_empty(json, "title");
}

void to_json(Json& json, const Segment& segment) {
  json = Json{{"kind", to_string(segment.kind)},
              {"label", segment.kind == SegmentKind::kDay ? Json(nullptr) : Json(segment.label)},
              {"heading", segment.heading.text}};
  Json lines = Json::array();
  for (const Line& line : segment.lines) {
    lines.push_back(line.text);
  }
  json["lines"] = std::move(lines);
}

void from_json(const Json& json, Segment& segment) {
  segment.kind = segment_kind_from(json.at("kind").get<std::string>());
  segment.label = string_or_empty(json, "label");
  segment.heading = Line{json.at("heading").get<std::string>(), {}};
  segment.heading_rest.clear();
  segment.lines = json.at("lines").get<std::vector<Line>>();
}

void to_json(Json& json, const SegmentedDay& day) {
  json = Json{{"rest_day", day.rest_day}, {"segments", Json::array()}};
  // Segments inside stage events keep each line's links, unlike the record form.
  for (const Segment& segment : day.segments) {
    Json item;
    to_json(item, segment);
    item["heading"] = segment.heading;
    item["heading_rest"] = segment.heading_rest;
    item["lines"] = segment.lines;
    json["segments"].push_back(std::move(item));
  }
}

void from_json(const Json& json, SegmentedDay& day) {
  day.rest_day = json.value("rest_day", false);
  day.segments.clear();
  for (const Json& item : json.at("segments")) {
    Segment segment;
    segment.kind = segment_kind_from(item.at("kind").get<std::string>());
    segment.label = string_or_empty(item, "label");
    segment.heading = item.at("heading").get<Line>();
    segment.heading_rest = string_or_empty(item, "heading_rest");
    segment.lines = item.at("lines").get<std::vector<Line>>();
    day.segments.push_back(std::move(segment));
  }
}

void to_json(Json& json, const SessionRecord& record) {
  json = Json{{"date", record.date},           {"session", record.session},
              {"warm_up", record.warm_up},     {"segment_a", record.segment_a},
              {"segment_b", record.segment_b}, {"segment_c", record.segment_c},
              {"segment_d", record.segment_d}, {"segment_e", record.segment_e},
              {"rest_day", record.rest_day},   {"segments", record.segments},
              {"links", record.links},         {"source", record.source}};
  json["prescriptions"] = record.prescriptions;
}

void from_json(const Json& json, SessionRecord& record) {
  record.date = json.at("date").get<std::string>();
  record.session = json.at("session").get<std::string>();
  record.warm_up = string_or_empty(json, "warm_up");
  record.segment_a = string_or_empty(json, "segment_a");
  record.segment_b = string_or_empty(json, "segment_b");
  record.segment_c = string_or_empty(json, "segment_c");
  record.segment_d = string_or_empty(json, "segment_d");
  record.segment_e = string_or_empty(json, "segment_e");
  record.rest_day = json.value("rest_day", false);
  record.segments = json.value("segments", std::vector<Segment>{});
  record.links = json.value("links", std::vector<Link>{});
  record.source = json.value("source", SourceRef{});
}

std::string join_text(const std::vector<Line>& lines) {
  std::string text;
  for (const Line& line : lines) {
    if (!text.empty()) {
      text += '\n';
    }
    text += line.text;
  }
  return text;
}

std::string flat_text(const Segment& segment) {
  std::string text = segment.heading_rest;
  for (const Line& line : segment.lines) {
    if (!text.empty()) {
      text += '\n';
    }
    text += line.text;
  }
  return text;
}

}  // namespace wodetl
