#include "load/aws/session_item.hpp"

#include <algorithm>
#include <vector>

#include "load/aws/aws_error.hpp"
#include "load/aws/dynamodb_client.hpp"
#include "load/idempotency.hpp"

namespace wodetl {

namespace {

std::size_t value_size(const Json& value);

// Splits text at '\n'; an empty text gives no lines.
std::vector<std::string> split_text(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::size_t map_size(const Json& map) {
  std::size_t size = 3;
  for (const auto& [name, value] : map.items()) {
    size += name.size() + value_size(value) + 1;
  }
  return size;
}

std::size_t value_size(const Json& value) {
  if (!value.is_object() || value.empty()) {
    return 0;
  }
  const auto& [type, content] = *value.items().begin();
  if (type == "S" && content.is_string()) {
    return content.get_ref<const std::string&>().size();
  }
  if (type == "N" && content.is_string()) {
    return content.get_ref<const std::string&>().size() / 2 + 1;
  }
  if (type == "BOOL" || type == "NULL") {
    return 1;
  }
  if (type == "L" && content.is_array()) {
    std::size_t size = 3;
    for (const Json& element : content) {
      size += value_size(element) + 1;
    }
    return size;
  }
  if (type == "M" && content.is_object()) {
    return map_size(content);
  }
  // Sets and binary values: count their text, an upper bound.
  return content.dump().size();
}

}  // namespace

Json session_item(const SessionRecord& record, std::int64_t post_id, std::int64_t day_index,
                  const std::string& record_sha256, const std::string& updated_at) {
  Json item = Json::object();
  item["date"] = string_value(record.date);
  item["session"] = string_value(record.session);
  item["warm_up"] = string_value(record.warm_up);
  item["segment_a"] = string_value(record.segment_a);
  item["segment_b"] = string_value(record.segment_b);
  item["segment_c"] = string_value(record.segment_c);
  item["segment_d"] = string_value(record.segment_d);
  item["segment_e"] = string_value(record.segment_e);
  item["rest_day"] = bool_value(record.rest_day);
  item["post_id"] = number_value(post_id);
  item["day_index"] = number_value(day_index);
  item["source_slug"] = string_value(record.source.slug);
  item["source_link"] = string_value(record.source.link);
  item["source_modified_gmt"] = string_value(record.source.modified_gmt);
  item["source_title"] = string_value(record.source.title);
  item["record_sha256"] = string_value(record_sha256);
  item["updated_at"] = string_value(updated_at);
  return item;
}

Json session_key(const std::string& date, const std::string& session) {
  return Json{{"date", string_value(date)}, {"session", string_value(session)}};
}

std::string large_record_key(const std::string& date, const std::string& session) {
  return std::string(kLargeRecordsPrefix) + date + "/" + sha256_hex(session) + ".json";
}

std::size_t item_size(const Json& item) {
  std::size_t size = 0;
  for (const auto& [name, value] : item.items()) {
    size += name.size() + value_size(value);
  }
  return size;
}

Result<SessionRecord> record_from_item(const Json& item,
                                       const std::optional<std::string>& record_json) {
  const std::string date = string_attribute(item, "date").value_or("");
  const std::string session = string_attribute(item, "session").value_or("");
  std::optional<std::string> text =
      record_json ? record_json : string_attribute(item, "record_json");
  if (text) {
    try {
      return Json::parse(*text).get<SessionRecord>();
    } catch (const Json::exception& exception) {
      return aws_store_error("stored session " + date + " '" + session +
                                 "' has invalid record_json: " + exception.what(),
                             "Run `wodetl run --store aws --force` to write the record again");
    }
  }

  SessionRecord record;
  record.date = date;
  record.session = session;
  record.warm_up = string_attribute(item, "warm_up").value_or("");
  record.segment_a = string_attribute(item, "segment_a").value_or("");
  record.segment_b = string_attribute(item, "segment_b").value_or("");
  record.segment_c = string_attribute(item, "segment_c").value_or("");
  record.segment_d = string_attribute(item, "segment_d").value_or("");
  record.segment_e = string_attribute(item, "segment_e").value_or("");
  record.rest_day = bool_attribute(item, "rest_day").value_or(false);
  record.source.post_id = number_attribute(item, "post_id").value_or(0);
  record.source.slug = string_attribute(item, "source_slug").value_or("");
  record.source.link = string_attribute(item, "source_link").value_or("");
  record.source.modified_gmt = string_attribute(item, "source_modified_gmt").value_or("");
  record.source.title = string_attribute(item, "source_title").value_or("");

  // Rebuild the segments from the flat text, so `show` prints these records too: the day with
  // the warm-up lines, then one part per non-empty segment_x field, headed "A." to "E.".
  Segment day{.kind = SegmentKind::kDay, .heading = Line{session, {}}};
  for (const std::string& line : split_text(record.warm_up)) {
    day.lines.push_back(Line{line, {}});
  }
  record.segments.push_back(std::move(day));
  const std::string* parts[] = {&record.segment_a, &record.segment_b, &record.segment_c,
                                &record.segment_d, &record.segment_e};
  char label = 'A';
  for (const std::string* part_text : parts) {
    if (!part_text->empty()) {
      Segment part{.kind = SegmentKind::kPart,
                   .label = std::string(1, label),
                   .heading = Line{std::string(1, label) + ".", {}}};
      for (const std::string& line : split_text(*part_text)) {
        part.lines.push_back(Line{line, {}});
      }
      record.segments.push_back(std::move(part));
    }
    ++label;
  }
  return record;
}

}  // namespace wodetl
