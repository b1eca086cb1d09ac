#include "pipeline/stages.hpp"

#include <string>
#include <utility>

#include "extract/post_parser.hpp"
#include "pipeline/persist.hpp"
#include "transform/day_groups.hpp"
#include "transform/html_lines.hpp"
#include "transform/prescription/blocks.hpp"
#include "transform/records.hpp"
#include "transform/segments.hpp"
#include "transform/text_normalize.hpp"
#include "transform/week_dates.hpp"

namespace wodetl {

namespace {

// Returns the member key of event, or of event["result"] when the event is wrapped the way the
// original's Lambda decorator wrapped results; nullptr when neither has it.
const Json* find_member(const Json& event, const char* key) {
  if (!event.is_object()) {
    return nullptr;
  }
  if (auto it = event.find(key); it != event.end()) {
    return &*it;
  }
  if (auto wrapped = event.find("result"); wrapped != event.end() && wrapped->is_object()) {
    if (auto it = wrapped->find(key); it != wrapped->end()) {
      return &*it;
    }
  }
  return nullptr;
}

Error missing(std::string_view stage, std::string_view what) {
  return Error::invalid_input(std::string(stage) + " needs " + std::string(what) + " in its event",
                              {}, "Pass the result of the previous stage; see docs/stages.md");
}

// The post identity carried along the stages: "source", or the original's loose fields.
SourceRef source_from(const Json& event) {
  SourceRef source;
  if (const Json* object = find_member(event, "source"); object != nullptr && object->is_object()) {
    source = object->get<SourceRef>();
  }
  if (const Json* slug = find_member(event, "slug");
      slug != nullptr && slug->is_string() && source.slug.empty()) {
    source.slug = slug->get<std::string>();
  }
  if (const Json* title = find_member(event, "title");
      title != nullptr && title->is_string() && source.title.empty()) {
    source.title = title->get<std::string>();
  }
  return source;
}

std::string post_date_from(const Json& event) {
  const Json* date = find_member(event, "post_date");
  return date != nullptr && date->is_string() ? date->get<std::string>() : std::string();
}

bool dated_by_post_from(const Json& event) {
  const Json* flag = find_member(event, "dated_by_post");
  return flag != nullptr && flag->is_boolean() && flag->get<bool>();
}

std::vector<Line> preamble_from(const Json& event) {
  const Json* preamble = find_member(event, "preamble");
  return preamble != nullptr ? preamble->get<std::vector<Line>>() : std::vector<Line>{};
}

// A post object, given alone or wrapped as {"result": post}.
Result<Post> post_from(const Json& event, std::string_view stage) {
  const Json* post = &event;
  if (event.is_object() && !event.contains("content") && event.contains("result")) {
    post = &event["result"];
  }
  if (!post->is_object()) {
    return missing(stage, "a WordPress post object");
  }
  return parse_post(*post, "");
}

Json lines_json(const std::vector<Line>& lines) {
  return Json(lines);
}

Result<Json> get_invictus_post(const Json& event, StageContext& context) {
  // The original read posts_per_page and page, as numbers or numeric strings, defaulting to 1.
  auto read_number = [&](const char* key) -> Result<int> {
    const Json* value = find_member(event, key);
    if (value == nullptr || value->is_null()) {
      return 1;
    }
    try {
      const long number =
          value->is_string() ? std::stol(value->get<std::string>()) : value->get<long>();
      if (number < 1) {
        throw std::out_of_range(key);
      }
      return static_cast<int>(number);
    } catch (const std::exception&) {
      return Error::invalid_input(std::string(key) + " must be a whole number of at least 1, got " +
                                  value->dump());
    }
  };
  auto per_page = read_number("posts_per_page");
  if (!per_page) {
    return per_page.error();
  }
  auto page = read_number("page");
  if (!page) {
    return page.error();
  }
  if (!context.fetch_page) {
    return Error::internal("get_invictus_post has no source configured");
  }
  auto batch = context.fetch_page(*per_page, *page);
  if (!batch) {
    return batch.error();
  }
  Json posts = Json::array();
  Json errors = Json::array();
  for (const Result<Post>& item : *batch) {
    if (item) {
      posts.push_back(Json::parse(item->raw_json));
    } else {
      errors.push_back(item.error().to_string());
    }
  }
  return Json{{"result", std::move(posts)},
              {"metadata",
               {{"posts_per_page", *per_page}, {"page", *page}, {"errors", std::move(errors)}}}};
}

Result<Json> dump_post_stage(const Json& event, StageContext& context) {
  auto post = post_from(event, "dump_post_to_bucket");
  if (!post) {
    return post.error();
  }
  auto stores = context.open_stores();
  if (!stores) {
    return stores.error();
  }
  auto write = dump_post_to_bucket(*post, *stores->objects);
  if (!write) {
    return write.error();
  }
  Json result = Json::parse(post->raw_json);
  result["metadata"] = Json{{"bucket_key", write->key},
                            {"idempotency_key", write->idempotency_key},
                            {"written", write->outcome == WriteOutcome::kWritten}};
  return result;
}

Result<Json> strip_post_stage(const Json& event, StageContext& /*context*/) {
  auto post = post_from(event, "strip_post_html");
  if (!post) {
    return post.error();
  }
  auto stripped = strip_post_html(*post);
  if (!stripped) {
    return stripped.error();
  }
  return Json{{"text", join_text(stripped->lines)},   {"post_date", stripped->post_date},
              {"slug", stripped->source.slug},        {"title", stripped->source.title},
              {"lines", lines_json(stripped->lines)}, {"source", stripped->source}};
}

// Lines from "lines", or from the original's "text" split at newlines.
Result<std::vector<Line>> lines_from(const Json& event) {
  if (const Json* lines = find_member(event, "lines"); lines != nullptr) {
    return lines->get<std::vector<Line>>();
  }
  const Json* text = find_member(event, "text");
  if (text == nullptr && event.is_string()) {
    text = &event;
  }
  if (text == nullptr || !text->is_string()) {
    return missing("group_post_by_day", "\"lines\" or \"text\"");
  }
  std::vector<Line> lines;
  const std::string content = text->get<std::string>();
  std::size_t start = 0;
  while (start <= content.size()) {
    const std::size_t end = std::min(content.find('\n', start), content.size());
    const std::string_view piece =
        trim_spaces(std::string_view(content).substr(start, end - start));
    if (!piece.empty()) {
      lines.push_back(Line{std::string(piece), {}});
    }
    start = end + 1;
  }
  return lines;
}

Result<Json> group_stage(const Json& event, StageContext& /*context*/) {
  auto lines = lines_from(event);
  if (!lines) {
    return lines.error();
  }
  ProgramProfile profile = ProgramProfile::kWeekly;
  if (const Json* name = find_member(event, "profile"); name != nullptr) {
    std::optional<ProgramProfile> parsed =
        name->is_string() ? parse_program_profile(name->get<std::string>()) : std::nullopt;
    if (!parsed) {
      return Error::invalid_input("group_post_by_day: \"profile\" must be \"weekly\" or \"daily\"",
                                  {}, "Leave it out for weekly programs");
    }
    profile = *parsed;
  }
  StrippedPost stripped{source_from(event), post_date_from(event), std::move(*lines)};
  GroupedPost grouped = group_post_by_day(std::move(stripped), profile);

  Json sessions = Json::array();
  Json days = Json::array();
  for (const DayGroup& day : grouped.days) {
    Json texts = Json::array({day.header.text});
    for (const Line& line : day.lines) {
      texts.push_back(line.text);
    }
    sessions.push_back(std::move(texts));
    days.push_back(Json{{"header", day.header}, {"lines", day.lines}});
  }
  return Json{{"sessions", std::move(sessions)}, {"days", std::move(days)},
              {"preamble", grouped.preamble},    {"post_date", grouped.post_date},
              {"slug", grouped.source.slug},     {"title", grouped.source.title},
              {"source", grouped.source},        {"dated_by_post", grouped.dated_by_post}};
}

// Day groups from "days", or from the original's "sessions" lists of strings.
Result<std::vector<DayGroup>> day_groups_from(const Json& event) {
  std::vector<DayGroup> groups;
  if (const Json* days = find_member(event, "days"); days != nullptr) {
    for (const Json& day : *days) {
      groups.push_back(
          DayGroup{day.at("header").get<Line>(), day.at("lines").get<std::vector<Line>>()});
    }
    return groups;
  }
  const Json* sessions = find_member(event, "sessions");
  if (sessions == nullptr || !sessions->is_array()) {
    return missing("segment_days", "\"days\" or \"sessions\"");
  }
  for (const Json& session : *sessions) {
    std::vector<Line> lines = session.get<std::vector<Line>>();
    if (lines.empty()) {
      continue;
    }
    DayGroup group{std::move(lines.front()), {}};
    group.lines.assign(std::make_move_iterator(lines.begin() + 1),
                       std::make_move_iterator(lines.end()));
    groups.push_back(std::move(group));
  }
  return groups;
}

// The original's shape of a segmented day: ["session", header, …] then [heading, line, …].
Json original_segmented_day(const SegmentedDay& day) {
  Json lists = Json::array();
  for (const Segment& segment : day.segments) {
    Json list = segment.kind == SegmentKind::kDay ? Json::array({"session", segment.heading.text})
                                                  : Json::array({segment.heading.text});
    for (const Line& line : segment.lines) {
      list.push_back(line.text);
    }
    lists.push_back(std::move(list));
  }
  return lists;
}

Result<Json> segment_stage(const Json& event, StageContext& /*context*/) {
  auto groups = day_groups_from(event);
  if (!groups) {
    return groups.error();
  }
  GroupedPost grouped{source_from(event), post_date_from(event), preamble_from(event),
                      std::move(*groups), dated_by_post_from(event)};
  SegmentedPost segmented = segment_days(std::move(grouped));

  Json original = Json::array();
  for (const SegmentedDay& day : segmented.days) {
    original.push_back(original_segmented_day(day));
  }
  return Json{{"segmented_sessions", std::move(original)},
              {"days", segmented.days},
              {"preamble", segmented.preamble},
              {"post_date", segmented.post_date},
              {"slug", segmented.source.slug},
              {"title", segmented.source.title},
              {"source", segmented.source},
              {"dated_by_post", segmented.dated_by_post}};
}

// Segmented days from "days", or rebuilt from the original's "segmented_sessions".
Result<std::vector<SegmentedDay>> segmented_days_from(const Json& event) {
  if (const Json* days = find_member(event, "days"); days != nullptr) {
    return days->get<std::vector<SegmentedDay>>();
  }
  const Json* sessions = find_member(event, "segmented_sessions");
  if (sessions == nullptr || !sessions->is_array()) {
    return missing("sessions_to_date_records", "\"days\" or \"segmented_sessions\"");
  }
  std::vector<SegmentedDay> days;
  for (const Json& session : *sessions) {
    std::vector<Line> lines;
    for (const Json& list : session) {
      for (std::size_t index = 0; index < list.size(); ++index) {
        // The first list starts with the marker "session"; the header follows it.
        if (lines.empty() && index == 0 && list[index] == "session") {
          continue;
        }
        lines.push_back(list[index].get<Line>());
      }
    }
    if (lines.empty()) {
      continue;
    }
    DayGroup group{std::move(lines.front()), {}};
    group.lines.assign(std::make_move_iterator(lines.begin() + 1),
                       std::make_move_iterator(lines.end()));
    days.push_back(segment_day(std::move(group)));
  }
  return days;
}

Result<Json> date_stage(const Json& event, StageContext& /*context*/) {
  auto days = segmented_days_from(event);
  if (!days) {
    return days.error();
  }
  SegmentedPost segmented{source_from(event), post_date_from(event), preamble_from(event),
                          std::move(*days), dated_by_post_from(event)};
  auto dated = sessions_to_date_records(std::move(segmented));
  if (!dated) {
    return dated.error();
  }

  Json original = Json::array();
  Json sessions = Json::array();
  for (const DatedSession& session : dated->sessions) {
    Json record{{"date", session.date}};
    for (const Segment& segment : session.day.segments) {
      const std::string key = segment.kind == SegmentKind::kDay ? "session" : segment.heading.text;
      record[key] = segment.kind == SegmentKind::kDay ? segment.heading.text : flat_text(segment);
    }
    original.push_back(std::move(record));
    sessions.push_back(Json{{"date", session.date}, {"day", session.day}});
  }
  return Json{{"result", std::move(original)}, {"sessions", std::move(sessions)},
              {"preamble", dated->preamble},   {"post_date", dated->post_date},
              {"source", dated->source},       {"warnings", dated->warnings}};
}

// Dated days rebuilt from the original's flat records, as sessions_to_date_records returned them:
// {"date", "session", heading: text, …}. Each heading becomes a line, and its text the lines
// after it, so segmenting finds the parts again.
std::vector<DatedSession> dated_sessions_from_original(const Json& records) {
  std::vector<DatedSession> sessions;
  for (const Json& record : records) {
    const std::string session = record.value("session", std::string());
    DayGroup group{Line{session.empty() ? std::string("Rest Day") : session, {}}, {}};
    for (const auto& [key, value] : record.items()) {
      if (key == "date" || key == "session" || !value.is_string()) {
        continue;
      }
      group.lines.push_back(Line{key, {}});
      const std::string text = value.get<std::string>();
      std::size_t start = 0;
      while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view piece =
            trim_spaces(std::string_view(text).substr(start, end - start));
        if (!piece.empty()) {
          group.lines.push_back(Line{std::string(piece), {}});
        }
        start = end + 1;
      }
    }
    sessions.push_back(
        DatedSession{record.at("date").get<std::string>(), segment_day(std::move(group))});
  }
  return sessions;
}

Result<Json> clean_stage(const Json& event, StageContext& /*context*/) {
  DatedPost dated;
  dated.source = source_from(event);
  dated.post_date = post_date_from(event);
  dated.preamble = preamble_from(event);
  if (const Json* warnings = find_member(event, "warnings"); warnings != nullptr) {
    dated.warnings = warnings->get<std::vector<std::string>>();
  }

  const Json* sessions = find_member(event, "sessions");
  const Json* original = event.is_array() ? &event : find_member(event, "result");
  if (sessions == nullptr && original == nullptr && event.is_object() && event.contains("result") &&
      event["result"].is_array()) {
    original = &event["result"];
  }
  if (sessions != nullptr && sessions->is_array()) {
    for (const Json& session : *sessions) {
      dated.sessions.push_back(DatedSession{session.at("date").get<std::string>(),
                                            session.at("day").get<SegmentedDay>()});
    }
  } else if (original != nullptr && original->is_array()) {
    dated.sessions = dated_sessions_from_original(*original);
  } else {
    return missing(
        "clean_session_records",
        "\"sessions\" or the original's list of records (the result of sessions_to_date_records)");
  }
  return Json{{"result", clean_session_records(dated)},
              {"preamble", dated.preamble},
              {"source", dated.source},
              {"warnings", dated.warnings}};
}

Result<Json> save_stage(const Json& event, StageContext& context) {
  const Json* records = &event;
  if (event.is_object()) {
    records = find_member(event, "records");
    if (records == nullptr) {
      records = find_member(event, "result");
      if (records == nullptr && event.contains("result")) {
        records = &event["result"];
      }
    }
  }
  if (records == nullptr || !records->is_array()) {
    return missing("save_sessions_to_bucket", "a list of session records");
  }
  auto parsed = records->get<std::vector<SessionRecord>>();
  for (SessionRecord& record : parsed) {
    prescription::add_prescriptions(record);
  }
  auto stores = context.open_stores();
  if (!stores) {
    return stores.error();
  }
  auto write = save_sessions_to_bucket(parsed, *stores->objects);
  if (!write) {
    return write.error();
  }
  return Json{{"records", parsed},
              {"metadata",
               {{"bucket_key", write->key},
                {"idempotency_key", write->idempotency_key},
                {"written", write->outcome == WriteOutcome::kWritten}}}};
}

// Runs a stage and turns a wrong event shape, which the JSON library reports by throwing,
// into an Error.
StageFunction guarded(Result<Json> (*function)(const Json&, StageContext&), std::string_view name) {
  return [function, name](const Json& event, StageContext& context) -> Result<Json> {
    try {
      return function(event, context);
    } catch (const Json::exception& exception) {
      // what() reads "[json.exception.type_error.302] type must be string…"; the bracketed id
      // means nothing to a user, the sentence after it does.
      std::string detail = exception.what();
      if (detail.starts_with("[json.exception.")) {
        detail.erase(0, detail.find("] ") == std::string::npos ? 0 : detail.find("] ") + 2);
      }
      return Error::invalid_input(std::string(name) + " could not read its event: " + detail, {},
                                  "Check the event against docs/stages.md");
    }
  };
}

}  // namespace

const std::vector<Stage>& all_stages() {
  static const std::vector<Stage> stages = {
      {"get_invictus_post", "fetch one page of posts: {\"posts_per_page\", \"page\"}",
       guarded(get_invictus_post, "get_invictus_post")},
      {"dump_post_to_bucket", "store a post as received under raw/",
       guarded(dump_post_stage, "dump_post_to_bucket")},
      {"strip_post_html", "turn a post's HTML into lines with their links",
       guarded(strip_post_stage, "strip_post_html")},
      {"group_post_by_day", "split the lines at each day header",
       guarded(group_stage, "group_post_by_day")},
      {"segment_days", "split each day into its warm-up and parts",
       guarded(segment_stage, "segment_days")},
      {"sessions_to_date_records", "give each day its date",
       guarded(date_stage, "sessions_to_date_records")},
      {"clean_session_records", "build the session records",
       guarded(clean_stage, "clean_session_records")},
      {"save_sessions_to_bucket", "store the records under weekly/ as JSON Lines",
       guarded(save_stage, "save_sessions_to_bucket")},
  };
  return stages;
}

const Stage* find_stage(std::string_view name) {
  for (const Stage& stage : all_stages()) {
    if (stage.name == name) {
      return &stage;
    }
  }
  return nullptr;
}

}  // namespace wodetl
