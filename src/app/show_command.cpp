#include "app/show_command.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "core/json_codec.hpp"
#include "core/prescription_json.hpp"
#include "transform/loads/set_loads.hpp"
#include "transform/prescription/blocks.hpp"
#include "transform/week_dates.hpp"

namespace wodetl {

namespace {

// "Loads (Snatch): Set 1: 60 kg; Sets 2-3: 65 kg; Limit: 55 kg" for each movement of a block of a
// part that prescribes an intensity or a ceiling. When every set misses the same max, the line
// names that max once.
std::string format_loads_text(const prescription::PartPrescription& part, const Maxes& maxes,
                              std::set<std::pair<int, std::string>>& missing) {
  std::string text;
  for (const BlockLoads& block : compute_loads(part, maxes)) {
    for (const SetLoad& load : block.sets) {
      if (load.missing_max) {
        missing.insert(*load.missing_max);
      }
    }
    for (const SetLoad& limit : block.limits) {
      if (limit.missing_max) {
        missing.insert(*limit.missing_max);
      }
    }
    const std::string& names = block.movement_names;
    text += "    Loads" + (names.empty() ? std::string() : " (" + names + ")") + ":";
    std::vector<std::string> items;
    const bool same_missing =
        !block.sets.empty() &&
        std::all_of(block.sets.begin(), block.sets.end(), [&](const SetLoad& load) {
          return !load.missing.empty() && load.missing == block.sets.front().missing;
        });
    if (same_missing) {
      items.push_back(block.sets.front().missing);
    } else {
      for (const SetLoad& load : block.sets) {
        items.push_back(format_set_load(load, maxes.unit));
      }
    }
    for (const SetLoad& limit : block.limits) {
      items.push_back(format_limit_load(limit, maxes.unit));
    }
    for (std::size_t index = 0; index < items.size(); ++index) {
      text += (index == 0 ? " " : "; ") + items[index];
    }
    text += "\n";
  }
  return text;
}

// "Warning: …" lines for what a part states inconsistently: per-set rows past the block's sets,
// or stated sets that disagree with duration ÷ interval.
std::string format_warnings_text(const prescription::PartPrescription& part) {
  std::string text;
  for (const std::string& warning : prescription::part_warnings(part)) {
    text += "    Warning: " + warning + "\n";
  }
  return text;
}

Json record_json_with_loads(const SessionRecord& record, const Maxes& maxes) {
  Json json = record;
  Json loads = Json::array();
  for (std::size_t index = 0; index < record.prescriptions.size(); ++index) {
    const auto& part = record.prescriptions[index];
    const std::vector<BlockLoads> part_loads = compute_loads(part, maxes);
    if (!part_loads.empty()) {
      loads.push_back(Json{{"segment", index},
                           {"label", prescription::part_label_json(part.label)},
                           {"blocks", loads_json(part_loads, maxes.unit)}});
    }
  }
  json["loads"] = std::move(loads);
  return json;
}

std::string format_record_text(const SessionRecord& record, const std::optional<Maxes>& maxes,
                               std::set<std::pair<int, std::string>>& missing_maxes) {
  // The header usually says "Rest Day" itself; the marker is for rest days it does not name.
  const bool header_says_rest = record.session.find("Rest") != std::string::npos ||
                                record.session.find("rest") != std::string::npos;
  std::string text = record.date + "  " + record.session +
                     (record.rest_day && !header_says_rest ? "  (rest day)" : "") + "\n";
  for (std::size_t index = 0; index < record.segments.size(); ++index) {
    const Segment& segment = record.segments[index];
    if (segment.kind != SegmentKind::kDay) {
      text += "  " + segment.heading.text + "\n";
    }
    for (const Line& line : segment.lines) {
      text += "    " + line.text + "\n";
    }
    if (index < record.prescriptions.size()) {
      text += format_warnings_text(record.prescriptions[index]);
      if (maxes) {
        text += format_loads_text(record.prescriptions[index], *maxes, missing_maxes);
      }
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

// Returns the introduction of the record's post, the lines before its first day, when states has
// one: coaches write notes for the whole week there. Empty otherwise. A state that cannot be read
// leaves it out with a logged warning, since the sessions can still be shown.
std::vector<Line> read_introduction(const SessionRecord& record, StateStore& states) {
  Result<std::optional<PostState>> state = states.find_post_state(record.source.post_id);
  if (!state) {
    spdlog::warn("Could not read the introduction of post {}: {}", record.source.post_id,
                 state.error().to_string());
    return {};
  }
  if (!*state) {
    return {};
  }
  return std::move((*state)->preamble);
}

// Formats the introduction of the record's post as a block of text; empty when it has none.
std::string format_introduction_text(const SessionRecord& record,
                                     const std::vector<Line>& introduction) {
  if (introduction.empty()) {
    return {};
  }
  std::string text = "From the introduction of \"" + record.source.title + "\":\n";
  for (const Line& line : introduction) {
    text += "    " + line.text + "\n";
  }
  return text;
}

}  // namespace

Result<ShowRange> show_range(const ShowOptions& options) {
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
  return ShowRange{format_iso_date(first), format_iso_date(last)};
}

Result<std::string> show_sessions(SessionStore& sessions, StateStore* states,
                                  const ShowOptions& options) {
  const Result<ShowRange> range = show_range(options);
  if (!range) {
    return range.error();
  }
  auto records = sessions.sessions_between(range->first, range->last);
  if (!records) {
    return records.error();
  }
  for (SessionRecord& record : *records) {
    prescription::add_prescriptions(record);
  }
  // Each post's introduction, read once for all its sessions.
  std::map<std::int64_t, std::vector<Line>> introductions;
  const auto introduction_of = [&](const SessionRecord& record) -> const std::vector<Line>& {
    auto [entry, added] = introductions.try_emplace(record.source.post_id);
    if (added && states != nullptr) {
      entry->second = read_introduction(record, *states);
    }
    return entry->second;
  };

  if (options.format == "json") {
    Json array = Json::array();
    for (const SessionRecord& record : *records) {
      Json json = options.maxes ? record_json_with_loads(record, *options.maxes) : Json(record);
      // Every session of a post repeats its introduction, so that one session read alone has it.
      // Its links are in introduction_links, as a record's are in links.
      if (states != nullptr) {
        Json lines = Json::array();
        Json links = Json::array();
        for (const Line& line : introduction_of(record)) {
          lines.push_back(line.text);
          for (const Link& link : line.links) {
            links.push_back(Json{{"text", link.text}, {"url", link.url}});
          }
        }
        json["introduction"] = std::move(lines);
        json["introduction_links"] = std::move(links);
      }
      array.push_back(std::move(json));
    }
    return array.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
  }
  if (records->empty()) {
    return range->first == range->last
               ? "No sessions stored on " + range->first + ".\n"
               : "No sessions stored from " + range->first + " to " + range->last + ".\n";
  }
  std::string text;
  std::set<std::pair<int, std::string>> missing_maxes;
  std::set<std::int64_t> introduced_posts;
  for (const SessionRecord& record : *records) {
    if (!text.empty()) {
      text += "\n";
    }
    if (introduced_posts.insert(record.source.post_id).second) {
      if (const std::string introduction =
              format_introduction_text(record, introduction_of(record));
          !introduction.empty()) {
        text += introduction + "\n";
      }
    }
    text += format_record_text(record, options.maxes, missing_maxes);
  }
  if (!missing_maxes.empty()) {
    text += "\n" + format_missing_maxes(missing_maxes, *options.maxes) + "\n";
  }
  return text;
}

}  // namespace wodetl
