#include "transform/loads/set_loads.hpp"

#include "transform/prescription/blocks.hpp"

namespace wodetl {

namespace {

using prescription::Block;
using prescription::Intensity;
using prescription::PartPrescription;
using prescription::RmRef;
using prescription::SetPrescription;

std::string rep_max_name(int rep_max) {
  return std::to_string(rep_max) + "-RM";
}

std::string percent_text(const prescription::Range& percent, bool at_least) {
  std::string text = percent.min == percent.max
                         ? format_number(percent.min) + "%"
                         : format_number(percent.min) + "-" + format_number(percent.max) + "%";
  return at_least ? text + "+" : text;
}

// The load one set requires, or nullopt when the set prescribes no intensity to load from.
// A floor ("101%+") rounds up and a ceiling ("stay under 55%") rounds down, so the weight on the
// bar stays on the side of the line the coach drew; other loads round to the nearest step.
std::optional<SetLoad> load_for(const Intensity& intensity, const std::string& fallback_lift,
                                const Maxes& maxes, RoundingDirection direction) {
  if (!intensity.percent && !(intensity.of && intensity.of->rm)) {
    return std::nullopt;
  }
  SetLoad load;
  if (intensity.of && intensity.of->top_set) {
    load.basis = (intensity.percent ? percent_text(*intensity.percent, intensity.at_least) + " of "
                                    : std::string()) +
                 "today's top set";
    load.missing = "it depends on today's top set";
    return load;
  }
  const int rep_max = intensity.of && intensity.of->rm ? *intensity.of->rm : 1;
  const std::string lift = intensity.of && intensity.of->lift ? *intensity.of->lift : fallback_lift;
  const prescription::Range percent = intensity.percent.value_or(prescription::Range{100, 100});
  load.basis =
      (intensity.percent ? percent_text(percent, intensity.at_least) + " of " : std::string()) +
      rep_max_name(rep_max) + (lift.empty() ? std::string() : " " + lift);
  if (lift.empty()) {
    load.missing = "the line names no lift";
    return load;
  }
  const std::optional<Weight> max = maxes.find(rep_max, lift);
  if (!max) {
    load.missing = "no " + rep_max_name(rep_max) + " for " + lift + " in the maxes file";
    load.missing_max = std::make_pair(rep_max, lift);
    return load;
  }
  const double base = convert_weight(*max, maxes.unit);
  if (intensity.at_least) {
    direction = RoundingDirection::kUp;
    load.at_least = true;
  }
  load.min_weight = round_to_step(base * percent.min / 100.0, maxes.rounding, direction);
  load.max_weight = round_to_step(base * percent.max / 100.0, maxes.rounding, direction);
  return load;
}

// Ceilings that the block's notes set ("Keep this under 55% of your 1-RM Snatch").
std::vector<SetLoad> limit_loads(const Block& block, const PartPrescription& part,
                                 const std::string& fallback_lift, const Maxes& maxes) {
  std::vector<SetLoad> limits;
  for (const std::size_t line : block.note_lines) {
    const prescription::NoteLine* note = part.lines[line].note();
    if (note == nullptr || !note->limit) {
      continue;
    }
    if (std::optional<SetLoad> load =
            load_for(*note->limit, fallback_lift, maxes, RoundingDirection::kDown)) {
      limits.push_back(std::move(*load));
    }
  }
  return limits;
}

Json weight_json(const SetLoad& load, WeightUnit unit) {
  Json weight = nullptr;
  if (load.min_weight && load.max_weight) {
    weight =
        Json{{"min", *load.min_weight}, {"max", *load.max_weight}, {"unit", unit_symbol(unit)}};
  }
  return Json{{"weight", weight},
              {"basis", load.basis},
              {"missing", load.missing.empty() ? Json(nullptr) : Json(load.missing)}};
}

bool same_load(const SetLoad& left, const SetLoad& right) {
  return left.min_weight == right.min_weight && left.max_weight == right.max_weight &&
         left.missing == right.missing && left.basis == right.basis;
}

}  // namespace

std::vector<BlockLoads> compute_loads(const PartPrescription& part, const Maxes& maxes) {
  std::vector<BlockLoads> loads;
  for (std::size_t index = 0; index < part.blocks.size(); ++index) {
    const Block& block = part.blocks[index];
    const prescription::MovementLine* movement = prescription::main_movement(block, part.lines);
    const std::string fallback_lift =
        movement != nullptr ? movement->movements.front().canonical : std::string();

    // A block whose lines state no set count ("Snatch x 2 @ 80%", "AMRAP 12") has no sets. The
    // movement's load then holds for each set, as set number 0.
    std::vector<SetPrescription> sets = block.sets;
    if (sets.empty() && movement != nullptr) {
      sets.push_back(
          SetPrescription{0, movement->reps, movement->reps_at_least, movement->intensity});
    }

    BlockLoads block_loads{
        index, {}, limit_loads(block, part, fallback_lift, maxes), block.warnings};
    for (const SetPrescription& set : sets) {
      std::optional<SetLoad> load =
          load_for(set.intensity, fallback_lift, maxes, RoundingDirection::kNearest);
      if (!load) {
        continue;
      }
      load->first_set = set.set;
      load->last_set = set.set;
      // Consecutive sets that ask for the same load read as one range: "Sets 4-5: 75 kg".
      if (!block_loads.sets.empty() && block_loads.sets.back().last_set + 1 == set.set &&
          same_load(block_loads.sets.back(), *load)) {
        block_loads.sets.back().last_set = set.set;
      } else {
        block_loads.sets.push_back(*load);
      }
    }
    if (!block_loads.sets.empty() || !block_loads.limits.empty()) {
      loads.push_back(std::move(block_loads));
    }
  }
  return loads;
}

std::string format_set_load(const SetLoad& load, WeightUnit unit) {
  if (load.first_set == 0) {
    return "Each set: " + format_weight(load, unit);
  }
  std::string text = load.first_set == load.last_set ? "Set " + std::to_string(load.first_set)
                                                     : "Sets " + std::to_string(load.first_set) +
                                                           "-" + std::to_string(load.last_set);
  return text + ": " + format_weight(load, unit);
}

std::string format_missing_maxes(const std::set<std::pair<int, std::string>>& missing,
                                 WeightUnit unit) {
  if (missing.empty()) {
    return {};
  }
  std::string text = "Add the missing maxes to the maxes file:";
  std::string separator = " ";
  for (const auto& [rep_max, lift] : missing) {
    text += separator;
    if (rep_max != 1) {
      text += "[rep_maxes." + std::to_string(rep_max) + "] ";
    }
    text += "\"" + lift + "\" = \"… " + unit_symbol(unit) + "\"";
    separator = "; ";
  }
  return text + ".";
}

std::string format_limit_load(const SetLoad& limit, WeightUnit unit) {
  return "Limit: " + format_weight(limit, unit);
}

std::string format_weight(const SetLoad& load, WeightUnit unit) {
  std::string text;
  if (!load.min_weight || !load.max_weight) {
    return text + load.basis + " (" + load.missing + ")";
  }
  text += format_number(*load.min_weight);
  if (*load.max_weight != *load.min_weight) {
    text += "-" + format_number(*load.max_weight);
  }
  return text + " " + unit_symbol(unit) + (load.at_least ? " or more" : "");
}

Json loads_json(const std::vector<BlockLoads>& loads, WeightUnit unit) {
  Json blocks = Json::array();
  for (const BlockLoads& block : loads) {
    Json sets = Json::array();
    for (const SetLoad& load : block.sets) {
      Json json = weight_json(load, unit);
      json["first_set"] = load.first_set > 0 ? Json(load.first_set) : Json(nullptr);
      json["last_set"] = load.last_set > 0 ? Json(load.last_set) : Json(nullptr);
      sets.push_back(std::move(json));
    }
    Json limits = Json::array();
    for (const SetLoad& limit : block.limits) {
      limits.push_back(weight_json(limit, unit));
    }
    Json json{{"block", block.block}, {"sets", std::move(sets)}, {"limits", std::move(limits)}};
    if (!block.warnings.empty()) {
      json["warnings"] = block.warnings;
    }
    blocks.push_back(std::move(json));
  }
  return blocks;
}

}  // namespace wodetl
