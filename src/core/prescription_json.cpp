#include "core/prescription_json.hpp"

#include <cmath>

namespace wodetl::prescription {

namespace {

// Whole numbers print as integers ("75", not "75.0").
Json number(double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15) {
    return static_cast<long long>(value);
  }
  return value;
}

template <typename T>
Json optional_value(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json count_range(const std::optional<CountRange>& range) {
  if (!range) {
    return nullptr;
  }
  return Json{{"min", range->min}, {"max", range->max}};
}

Json range(const std::optional<Range>& value) {
  if (!value) {
    return nullptr;
  }
  return Json{{"min", number(value->min)}, {"max", number(value->max)}};
}

// {"rm", "lift"}, plus "top_set": true for "of today's top set", "unread": true for words that
// name no max, and "training_max": true for "@ 75% TM".
Json rm_ref(const std::optional<RmRef>& reference) {
  if (!reference) {
    return nullptr;
  }
  Json json{{"rm", optional_value(reference->rm)}, {"lift", optional_value(reference->lift)}};
  if (reference->top_set) {
    json["top_set"] = true;
  }
  if (reference->unread) {
    json["unread"] = true;
  }
  if (reference->training_max) {
    json["training_max"] = true;
  }
  return json;
}

// {"value", "unit"}, plus "alt_value" for "30/22".
Json quantity(const std::optional<Quantity>& value) {
  if (!value) {
    return nullptr;
  }
  Json json{{"value", number(value->value)},
            {"unit", value->unit.empty() ? Json(nullptr) : Json(std::string(value->unit))}};
  if (value->alt_value) {
    json["alt_value"] = number(*value->alt_value);
  }
  return json;
}

// A sets count as the contract shows it: N when fixed, null otherwise, with "sets_range" added by
// add_sets_range for "4-6 sets".
Json fixed_sets(const std::optional<CountRange>& sets) {
  return sets && sets->min == sets->max ? Json(sets->min) : Json(nullptr);
}

void add_sets_range(Json& json, const std::optional<CountRange>& sets) {
  if (sets && sets->min != sets->max) {
    json["sets_range"] = count_range(sets);
  }
}

// {"first", "last", "parity"}: minute numbers, and "odd" or "even" (null for any minute).
Json minute_selection(const MinuteSelection& minutes) {
  return Json{{"first", optional_value(minutes.first)},
              {"last", optional_value(minutes.last)},
              {"parity", minutes.parity == MinuteParity::kAny ? Json(nullptr)
                                                              : Json(to_string(minutes.parity))}};
}

// {"from_seconds", "to_seconds"}: seconds from the start of the clock.
Json clock_window(const ClockWindow& window) {
  return Json{{"from_seconds", window.from_seconds},
              {"to_seconds", optional_value(window.to_seconds)}};
}

void add_intensity_extras(Json& json, const Intensity& intensity) {
  if (intensity.at_least) {
    json["at_least"] = true;
  }
  if (intensity.rpe) {
    json["rpe"] = range(intensity.rpe);
  }
}

}  // namespace

std::string with_plain_spaces(std::string_view text) {
  std::string plain;
  plain.reserve(text.size());
  std::size_t start = 0;
  for (std::size_t found = text.find_first_of("\xC2\xE2"); found != std::string_view::npos;
       found = text.find_first_of("\xC2\xE2", found + 1)) {
    std::size_t length = 0;
    if (text.compare(found, 2, "\xC2\xA0") == 0) {
      length = 2;
    } else if (text.compare(found, 3, "\xE2\x80\xAF") == 0) {
      length = 3;
    }
    if (length > 0) {
      plain.append(text, start, found - start);
      plain += ' ';
      start = found + length;
      found += length - 1;
    }
  }
  plain.append(text, start);
  return plain;
}

namespace {

// {"name", "canonical"}, plus "count" in a complex, "reps", "sets", "distance", "duration_seconds"
// and "per_side" for an item of a list, and "minutes" for an item of an alternating line. An item
// that states no intensity while the others state the same one gets "without_intensity". An item
// with an intensity of its own gets "percent" and "of", with the intensity's extras.
Json movement_json(const Movement& movement) {
  Json json{{"name", with_plain_spaces(movement.name)}, {"canonical", movement.canonical}};
  if (movement.count) {
    json["count"] = *movement.count;
  }
  if (movement.reps) {
    json["reps"] = count_range(movement.reps);
  }
  if (movement.sets) {
    json["sets"] = fixed_sets(movement.sets);
    add_sets_range(json, movement.sets);
  }
  if (movement.distance) {
    json["distance"] = quantity(movement.distance);
  }
  if (movement.duration_seconds) {
    json["duration_seconds"] = *movement.duration_seconds;
  }
  if (movement.calories) {
    json["calories"] = quantity(*movement.calories);
  }
  if (movement.load) {
    json["load"] = quantity(*movement.load);
  }
  if (movement.minutes) {
    json["minutes"] = minute_selection(*movement.minutes);
  }
  if (movement.per_side) {
    json["per_side"] = true;
  }
  if (movement.without_intensity) {
    json["without_intensity"] = true;
  }
  if (movement.intensity) {
    json["percent"] = range(movement.intensity->percent);
    json["of"] = rm_ref(movement.intensity->of);
    add_intensity_extras(json, *movement.intensity);
  }
  return json;
}

// Steps of a wave: [{"reps", "percent", "of"}, …], with the extras of each intensity.
Json steps_json(const std::vector<IntensityStep>& steps) {
  Json items = Json::array();
  for (const IntensityStep& step : steps) {
    Json item{{"reps", count_range(step.reps)},
              {"percent", range(step.intensity.percent)},
              {"of", rm_ref(step.intensity.of)}};
    if (step.reps_at_least) {
      item["reps_at_least"] = true;
    }
    add_intensity_extras(item, step.intensity);
    items.push_back(std::move(item));
  }
  return items;
}

// Movement fields: "movements", "reps", "per_side", "duration_seconds", "distance", "percent",
// "of", "sets"; extras "grouping" (for several movements), "reps_at_least", "at_least",
// "rep_scheme", "sets_range", "calories", "load", "rpe", "steps" (a wave), "remark", "limit" (a
// ceiling: "stay below 70%").
void add_movement_fields(Json& json, const MovementLine& line) {
  Json movements = Json::array();
  for (const Movement& movement : line.movements) {
    movements.push_back(movement_json(movement));
  }
  json["movements"] = std::move(movements);
  json["reps"] = count_range(line.reps);
  json["per_side"] = line.per_side;
  json["duration_seconds"] = optional_value(line.duration_seconds);
  json["distance"] = quantity(line.distance);
  json["percent"] = range(line.intensity.percent);
  json["of"] = rm_ref(line.intensity.of);
  json["sets"] = fixed_sets(line.sets);

  if (line.movements.size() > 1) {
    json["grouping"] = to_string(line.grouping);
  }
  if (line.reps_at_least) {
    json["reps_at_least"] = true;
  }
  add_intensity_extras(json, line.intensity);
  if (!line.rep_scheme.empty()) {
    json["rep_scheme"] = line.rep_scheme;
  }
  add_sets_range(json, line.sets);
  if (line.calories) {
    json["calories"] = quantity(line.calories);
  }
  if (line.load) {
    json["load"] = quantity(line.load);
  }
  if (!line.steps.empty()) {
    json["steps"] = steps_json(line.steps);
  }
  if (!line.remark.empty()) {
    json["remark"] = line.remark;
  }
  if (!line.warning.empty()) {
    json["warning"] = line.warning;
  }
  if (line.limit) {
    json["limit"] = Json{{"percent", range(line.limit->percent)}, {"of", rm_ref(line.limit->of)}};
  }
}

// "scheme": {"type", "every_seconds", "duration_seconds", "sets", "rounds"}, extras
// "sets_range", "rep_scheme", "time_cap_seconds", "work_seconds", "rest_seconds", "minutes",
// "window"; then "warning"
// and "movement" (the movement fields of the text after the colon) on the line.
void add_scheme_fields(Json& json, const SchemeLine& line) {
  const Scheme& scheme = line.scheme;
  Json body{{"type", to_string(scheme.type)},
            {"every_seconds", optional_value(scheme.every_seconds)},
            {"duration_seconds", optional_value(scheme.duration_seconds)},
            {"sets", fixed_sets(scheme.sets)},
            {"rounds", optional_value(scheme.rounds)}};
  add_sets_range(body, scheme.sets);
  if (!scheme.rep_scheme.empty()) {
    body["rep_scheme"] = scheme.rep_scheme;
  }
  if (scheme.time_cap_seconds) {
    body["time_cap_seconds"] = *scheme.time_cap_seconds;
  }
  if (scheme.work_seconds) {
    body["work_seconds"] = *scheme.work_seconds;
  }
  if (scheme.rest_seconds) {
    body["rest_seconds"] = *scheme.rest_seconds;
  }
  if (scheme.minutes) {
    body["minutes"] = minute_selection(*scheme.minutes);
  }
  if (scheme.window) {
    body["window"] = clock_window(*scheme.window);
  }
  json["scheme"] = std::move(body);
  if (!line.warning.empty()) {
    json["warning"] = line.warning;
  }
  if (line.movement) {
    Json movement = Json::object();
    add_movement_fields(movement, *line.movement);
    json["movement"] = std::move(movement);
  }
}

// "sets": {"first", "last"} | null, "reps", "percent", "of"; extras "at_least", "reps_at_least",
// "rpe" and, for a wave, "steps": [{"reps", "percent", "of"}, …].
void add_intensity_fields(Json& json, const IntensityLine& line) {
  json["sets"] =
      line.sets ? Json{{"first", line.sets->first}, {"last", line.sets->last}} : Json(nullptr);
  json["reps"] = count_range(line.reps);
  json["percent"] = range(line.intensity.percent);
  json["of"] = rm_ref(line.intensity.of);
  add_intensity_extras(json, line.intensity);
  if (line.reps_at_least) {
    json["reps_at_least"] = true;
  }
  if (!line.steps.empty()) {
    json["steps"] = steps_json(line.steps);
  }
  if (!line.remark.empty()) {
    json["remark"] = line.remark;
  }
}

}  // namespace

void to_json(Json& json, const ParsedLine& line) {
  json = Json{{"text", line.text}, {"kind", to_string(line.kind)}};
  if (const SchemeLine* scheme = line.scheme()) {
    add_scheme_fields(json, *scheme);
  } else if (const MovementLine* movement = line.movement()) {
    add_movement_fields(json, *movement);
  } else if (const IntensityLine* intensity = line.intensity()) {
    add_intensity_fields(json, *intensity);
  } else if (const TargetLine* target = line.target()) {
    json["target"] = rm_ref(target->target);
    json["duration_seconds"] = optional_value(target->duration_seconds);
    if (!target->remark.empty()) {
      json["remark"] = target->remark;
    }
  } else if (const RestLine* rest = line.rest()) {
    json["rest_seconds"] = optional_value(rest->rest_seconds);
    if (rest->rest_max_seconds) {
      json["rest_max_seconds"] = *rest->rest_max_seconds;
    }
    if (rest->minutes) {
      json["minutes"] = minute_selection(*rest->minutes);
    }
  } else if (const NoteLine* note = line.note()) {
    if (note->limit) {
      json["limit"] =
          Json{{"percent", range(note->limit->percent)}, {"of", rm_ref(note->limit->of)}};
    }
    if (note->window) {
      json["window"] = clock_window(*note->window);
    }
  }
}

Json explain_json(const std::vector<ParsedLine>& lines) {
  Json array = Json::array();
  for (const ParsedLine& line : lines) {
    array.push_back(Json(line));
  }
  return Json{{"lines", std::move(array)}};
}

void to_json(Json& json, const SetPrescription& set) {
  json = Json{{"set", set.set},
              {"reps", count_range(set.reps)},
              {"percent", range(set.intensity.percent)},
              {"of", rm_ref(set.intensity.of)},
              {"movement_line", optional_value(set.movement_line)}};
  if (set.movement) {
    json["movement"] = *set.movement;
  }
  if (set.reps_at_least) {
    json["reps_at_least"] = true;
  }
  if (set.optional) {
    json["optional"] = true;
  }
  add_intensity_extras(json, set.intensity);
}

void to_json(Json& json, const LineIndices& indices) {
  json = Json::array();
  for (const std::size_t index : indices) {
    json.push_back(index);
  }
}

void to_json(Json& json, const Block& block) {
  json = Json{{"scheme_line", optional_value(block.scheme_line)},
              {"heading_line", optional_value(block.heading_line)},
              {"target_line", optional_value(block.target_line)},
              {"movement_lines", block.movement_lines},
              {"intensity_lines", block.intensity_lines},
              {"rest_lines", block.rest_lines},
              {"note_lines", block.note_lines},
              {"sets", block.sets}};
  if (!block.warnings.empty()) {
    json["warnings"] = block.warnings;
  }
}

Json part_label_json(const std::string& label) {
  return label.empty() ? Json(nullptr) : Json(label);
}

void to_json(Json& json, const PartPrescription& part) {
  json = Json{{"label", part_label_json(part.label)},
              {"heading", part.heading},
              {"lines", part.lines},
              {"blocks", part.blocks}};
  if (part.scheme_part) {
    json["scheme_part"] = *part.scheme_part;
  }
}

}  // namespace wodetl::prescription
