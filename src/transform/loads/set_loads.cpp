#include "transform/loads/set_loads.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/edit_distance.hpp"
#include "core/prescription_json.hpp"
#include "transform/prescription/blocks.hpp"
#include "transform/prescription/canonical.hpp"
#include "transform/prescription/vocabulary.hpp"

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
  // A reference that no max gives: the load names what it is a percentage of and why it has no
  // weight.
  const auto without_max = [&](const char* reference, const char* reason) {
    load.basis = (intensity.percent ? percent_text(*intensity.percent, intensity.at_least) + " of "
                                    : std::string()) +
                 reference;
    load.missing = reason;
    return load;
  };
  if (intensity.of && intensity.of->unread) {
    return without_max("what the line names",
                       "no max gives it: the words after the percentage name no lift or rep max");
  }
  if (intensity.of && intensity.of->top_set) {
    return without_max("today's top set", "it depends on today's top set");
  }
  const bool training_max = intensity.of && intensity.of->training_max;
  if (training_max && !maxes.training_max_percent) {
    return without_max("the training max",
                       "the maxes file has no training_max, the training max's share of the 1-RM");
  }
  const int rep_max = intensity.of && intensity.of->rm ? *intensity.of->rm : 1;
  const std::string lift = intensity.of && intensity.of->lift ? *intensity.of->lift : fallback_lift;
  prescription::Range percent = intensity.percent.value_or(prescription::Range{100, 100});
  // "75% of 1-RM deadlift", "75% of the training max (90% of 1-RM deadlift)".
  const std::string reference = rep_max_name(rep_max) + (lift.empty() ? "" : " " + lift);
  load.basis =
      (intensity.percent ? percent_text(percent, intensity.at_least) + " of " : std::string()) +
      (training_max ? "the training max (" + format_number(*maxes.training_max_percent) + "% of " +
                          reference + ")"
                    : reference);
  // "@ 75% TM" with a training max of 90%: 67.5% of the 1-RM.
  if (training_max) {
    percent.min *= *maxes.training_max_percent / 100.0;
    percent.max *= *maxes.training_max_percent / 100.0;
  }
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

// Adds the ceilings that intensities set ("stay below 70% of your 1-RM Power Clean") to limits.
void add_limits(std::vector<SetLoad>& limits, const std::optional<Intensity>& limit,
                const std::string& fallback_lift, const Maxes& maxes) {
  if (!limit) {
    return;
  }
  if (std::optional<SetLoad> load =
          load_for(*limit, fallback_lift, maxes, RoundingDirection::kDown)) {
    limits.push_back(std::move(*load));
  }
}

// Whether a set belongs to the movement: the set names the movement's line and its index there.
bool is_set_of(const SetPrescription& set, const prescription::BlockMovement& movement) {
  return set.movement_line == movement.line && set.movement == movement.movement;
}

// Lift whose max loads a complex: the first of its movements that is a snatch, a clean or a clean
// and jerk, since that lift limits the weight ("Clean Pull + Clean + Jerk" is loaded from the
// clean), then the first variant of one ("Snatch Pull + Hang Snatch" from the hang snatch), else
// its first movement ("Power Clean + Front Squat" from the power clean).
const std::string& complex_lift(const std::vector<prescription::Movement>& items) {
  static constexpr std::string_view kFullLifts[] = {"snatch", "clean", "clean and jerk"};
  for (const prescription::Movement& item : items) {
    if (std::find(std::begin(kFullLifts), std::end(kFullLifts), item.canonical) !=
        std::end(kFullLifts)) {
      return item.canonical;
    }
  }
  // "Snatch Pull + Hang Snatch": a variant of a full lift ("hang snatch", "power clean") limits
  // the weight too, where a pull does not.
  for (const prescription::Movement& item : items) {
    for (const std::string_view lift : kFullLifts) {
      if (item.canonical.size() > lift.size() &&
          item.canonical.ends_with(std::string(" ") + std::string(lift))) {
        return item.canonical;
      }
    }
  }
  return items.front().canonical;
}

// Whether the count of a movement of a complex is written before its name in line_text, the text
// of its line: the 2 of "Clean + 2 Front Squats + Jerk", and not the counts of "(1+1+1)" after
// the names.
bool count_written_before(const prescription::Movement& item, std::string_view line_text) {
  const char* const begin = line_text.data();
  if (!item.count || item.name.data() < begin || item.name.data() > begin + line_text.size()) {
    return false;
  }
  std::string_view before(begin, static_cast<std::size_t>(item.name.data() - begin));
  while (!before.empty() && before.back() == ' ') {
    before.remove_suffix(1);
  }
  return before.ends_with(std::to_string(*item.count));
}

// The movement's names as written, "Snatch + Hip Snatch", "Clean + 2 Front Squats + Jerk", and
// its lift for a percentage that names none: that of its line (see complex_lift), or the movement
// at index item of the line. line_text is the text of the movement's line.
std::pair<std::string, std::string> names_and_lift(const prescription::BlockMovement& movement,
                                                   std::optional<std::size_t> item_index,
                                                   std::string_view line_text) {
  if (movement.named == nullptr || movement.named->movements.empty()) {
    return {};
  }
  const std::vector<prescription::Movement>& items = movement.named->movements;
  if (item_index) {
    const prescription::Movement& item = items[*item_index];
    return {prescription::with_plain_spaces(item.name), item.canonical};
  }
  std::string names;
  for (const prescription::Movement& item : items) {
    names += names.empty() ? "" : " + ";
    if (count_written_before(item, line_text)) {
      names += std::to_string(*item.count) + " ";
    }
    names += prescription::with_plain_spaces(item.name);
  }
  const bool complex = movement.named->grouping == prescription::Grouping::kComplex;
  return {names, complex ? complex_lift(items) : items.front().canonical};
}

// Returns the lift's name as the target's line writes it: "Snatch" in "Snatch – build to a heavy
// single", found by its canonical name or as the name before the line's separator. Without either,
// returns the canonical name with a capital first letter.
std::string written_lift_name(std::string_view line_text, const std::string& lift) {
  const auto same = [](char left, char right) {
    return std::tolower(static_cast<unsigned char>(left)) == static_cast<unsigned char>(right);
  };
  const auto found =
      std::search(line_text.begin(), line_text.end(), lift.begin(), lift.end(), same);
  if (found != line_text.end()) {
    return std::string(found, found + static_cast<std::ptrdiff_t>(lift.size()));
  }
  // "Clean & Jerk – build to a heavy single": the name before the line's first colon or spaced
  // dash, when it is the lift's.
  for (const std::string_view separator : {":", " – ", " — ", " - "}) {
    const std::size_t at = line_text.find(separator);
    if (at != std::string_view::npos && at > 0 &&
        prescription::canonical_name(line_text.substr(0, at)) == lift) {
      return std::string(line_text.substr(0, at));
    }
  }
  std::string name = lift;
  if (!name.empty()) {
    name.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(name.front())));
  }
  return name;
}

// The load of each set for a movement whose lines state no set count ("Snatch x 2 @ 80%" alone,
// "AMRAP 12:"), as set number 0; nothing for a movement whose sets follow several lines. The
// reps are those of the line's movement at item_index, if given.
std::optional<SetPrescription> each_set(const prescription::BlockMovement& movement,
                                        std::optional<std::size_t> item_index,
                                        const std::vector<prescription::ParsedLine>& lines) {
  if (movement.quantity_lines.size() != 1) {
    return std::nullopt;
  }
  const std::optional<prescription::LineQuantities> line =
      prescription::quantities_at(lines, movement.quantity_lines.front());
  if (!line) {
    return std::nullopt;
  }
  // An intensity line ("Back Squat" then "5 reps @ 75%") has no movements of its own.
  SetPrescription set;
  set.reps = line->reps;
  set.reps_at_least = line->reps_at_least;
  set.intensity = line->line != nullptr
                      ? prescription::movement_intensity(*line->line, movement.movement)
                      : *line->intensity;
  if (item_index && line->line != nullptr) {
    set.reps = line->line->movements[*item_index].reps;
  }
  return set;
}

Json weight_json(const SetLoad& load, WeightUnit unit) {
  Json weight = nullptr;
  if (load.min_weight && load.max_weight) {
    weight =
        Json{{"min", *load.min_weight}, {"max", *load.max_weight}, {"unit", unit_symbol(unit)}};
  }
  Json json{{"weight", weight},
            {"basis", load.basis},
            {"missing", load.missing.empty() ? Json(nullptr) : Json(load.missing)}};
  if (!load.written.empty()) {
    json["written"] = load.written;
  }
  return json;
}

bool same_load(const SetLoad& left, const SetLoad& right) {
  return left.min_weight == right.min_weight && left.max_weight == right.max_weight &&
         left.missing == right.missing && left.basis == right.basis &&
         left.rep_range == right.rep_range && left.written == right.written &&
         left.reps_at_least == right.reps_at_least;
}

// Adds the load of one set to loads. A set that follows the last entry and requires the same load
// extends it: "Sets 4-5: 75 kg", or sets 5-6 of "4-6 sets" as "Sets 1-4 (up to 6)".
void add_set_load(std::vector<SetLoad>& loads, SetLoad load) {
  if (!loads.empty() && same_load(loads.back(), load) && load.first_set > 0) {
    SetLoad& last = loads.back();
    const int last_set = last.up_to_set > 0 ? last.up_to_set : last.last_set;
    if (last_set + 1 == load.first_set) {
      if (load.optional && !last.optional) {
        last.up_to_set = load.first_set;
        return;
      }
      if (load.optional == last.optional && last.up_to_set == 0) {
        last.last_set = load.first_set;
        return;
      }
    }
  }
  loads.push_back(std::move(load));
}

// Loads of one movement of a block. item_index, when given, picks one movement of the line whose
// sets these are, and that movement's names, lift and reps replace the line's.
BlockLoads movement_loads(std::size_t block_index, const Block& block,
                          const prescription::BlockMovement& movement,
                          std::optional<std::size_t> item_index, bool first_movement,
                          const PartPrescription& part, const Maxes& maxes) {
  auto [names, fallback_lift] = names_and_lift(
      movement, item_index, movement.line ? part.lines[*movement.line].text : std::string_view());
  // "Snatch – build to a heavy single" then "Then 3 x 2 @ 80%": the sets after a target are of its
  // lift.
  if (fallback_lift.empty() && block.target_line) {
    if (const prescription::TargetLine* target = part.lines[*block.target_line].target();
        target != nullptr && target->target.lift) {
      fallback_lift = *target->target.lift;
      names = written_lift_name(part.lines[*block.target_line].text, fallback_lift);
    }
  }
  BlockLoads loads{block_index, movement.line, item_index, std::move(names), {}, {}, {}};
  std::vector<SetPrescription> sets;
  for (const SetPrescription& set : block.sets) {
    if (is_set_of(set, movement)) {
      sets.push_back(set);
    }
  }
  if (sets.empty()) {
    if (std::optional<SetPrescription> set = each_set(movement, item_index, part.lines)) {
      sets.push_back(std::move(*set));
    }
  }
  // "Deadlift 5 x 5 @ 225/155 lb": a load the movement's line states, for its sets without an
  // intensity.
  const prescription::Quantity* line_load = nullptr;
  if (movement.named != nullptr && item_index && *item_index < movement.named->movements.size()) {
    const auto& stated = movement.named->movements[*item_index].load;
    line_load = stated ? &*stated : nullptr;
  } else if (movement.named != nullptr && movement.named->load) {
    line_load = &*movement.named->load;
  }
  std::vector<std::optional<SetLoad>> set_loads;
  set_loads.reserve(sets.size());
  bool any_load = false;
  for (const SetPrescription& set : sets) {
    std::optional<SetLoad> load =
        load_for(set.intensity, fallback_lift, maxes, RoundingDirection::kNearest);
    if (!load && set.intensity.empty() && line_load != nullptr) {
      load = stated_load(*line_load, maxes);
    }
    any_load = any_load || load.has_value();
    set_loads.push_back(std::move(load));
  }
  for (std::size_t index = 0; index < sets.size() && any_load; ++index) {
    const SetPrescription& set = sets[index];
    std::optional<SetLoad>& load = set_loads[index];
    // "Deadlift 3 x 5, last set 5+ @ 80%": the sets before the loaded one are listed too, so that
    // the text does not leave them out.
    if (!load) {
      if (set.set == 0) {
        continue;
      }
      load.emplace().missing = "no intensity or load given";
    }
    load->first_set = set.set;
    load->last_set = set.set;
    load->optional = set.optional;
    if (set.reps && set.reps->min != set.reps->max) {
      load->rep_range = set.reps;
    }
    if (set.reps_at_least && set.reps) {
      load->reps_at_least = set.reps->min;
    }
    add_set_load(loads.sets, std::move(*load));
  }

  for (const std::size_t index : movement.quantity_lines) {
    const prescription::MovementLine* line = prescription::movement_line_at(part.lines, index);
    if (line != nullptr && !movement.movement) {
      add_limits(loads.limits, line->limit, fallback_lift, maxes);
    }
  }
  if (first_movement) {
    for (const std::size_t index : block.note_lines) {
      if (const prescription::NoteLine* note = part.lines[index].note()) {
        add_limits(loads.limits, note->limit, fallback_lift, maxes);
      }
    }
  }
  return loads;
}

// Returns the movements of the line that get loads of their own, as indices into its movements.
// A movement with sets of its own (alternating line, list with own intensities) is one index. A
// list whose sets are the line's ("Snatch x 1 rep, Clean Pull x 2 reps" under "*Sets 1-2 = @
// 70%") gives every index, because each movement is lifted from its own max. Any other line is
// one lift, returned as nullopt: a complex ("Snatch + Hip Snatch") uses one max (complex_lift).
std::vector<std::optional<std::size_t>> loaded_items(const prescription::BlockMovement& movement) {
  if (movement.movement) {
    return {movement.movement};
  }
  const prescription::MovementLine* line = movement.named;
  if (line == nullptr || line->grouping != prescription::Grouping::kList ||
      line->movements.size() < 2) {
    return {std::nullopt};
  }
  std::vector<std::optional<std::size_t>> items;
  for (std::size_t item = 0; item < line->movements.size(); ++item) {
    items.emplace_back(item);
  }
  return items;
}

}  // namespace

std::optional<std::string> lift_with_max_ending(const std::string& lift, int rep_max,
                                                const Maxes& maxes) {
  // A complex ("power clean and power jerk") names several lifts, and the ending names only the
  // last of them, so it is no fair stand-in.
  if (lift.find(" and ") != std::string::npos) {
    return std::nullopt;
  }
  // "snatch with 2 sec pause": the lift before "with", or an ending of it.
  if (const std::size_t with = lift.find(" with "); with != std::string::npos) {
    const std::string base = lift.substr(0, with);
    if (maxes.find(rep_max, base)) {
      return base;
    }
    return lift_with_max_ending(base, rep_max, maxes);
  }
  // Each shorter ending that starts after a space, longest first: "pull power clean", then
  // "power clean", then "clean".
  for (std::size_t space = lift.find(' '); space != std::string::npos;
       space = lift.find(' ', space + 1)) {
    const std::string ending = lift.substr(space + 1);
    if (maxes.find(rep_max, ending)) {
      return ending;
    }
  }
  // "snatch emom": the longest beginning that has a max.
  for (std::size_t space = lift.rfind(' '); space != std::string::npos && space > 0;
       space = lift.rfind(' ', space - 1)) {
    const std::string beginning = lift.substr(0, space);
    if (maxes.find(rep_max, beginning)) {
      return beginning;
    }
  }
  return std::nullopt;
}

std::vector<BlockLoads> compute_loads(const PartPrescription& part, const Maxes& maxes) {
  std::vector<BlockLoads> loads;
  for (std::size_t index = 0; index < part.blocks.size(); ++index) {
    const Block& block = part.blocks[index];
    std::vector<prescription::BlockMovement> movements =
        prescription::block_movements(block, part.lines);
    if (movements.empty()) {
      movements.emplace_back();  // the sets of a block that names no movement
    }
    bool warned = false;
    for (std::size_t movement = 0; movement < movements.size(); ++movement) {
      for (const std::optional<std::size_t> item : loaded_items(movements[movement])) {
        BlockLoads movement_load =
            movement_loads(index, block, movements[movement], item,
                           movement == 0 && item.value_or(0) == 0, part, maxes);
        if (movement_load.sets.empty() && movement_load.limits.empty()) {
          continue;
        }
        if (!warned) {
          movement_load.warnings = block.warnings;  // once for the block
          warned = true;
        }
        loads.push_back(std::move(movement_load));
      }
    }
  }
  return loads;
}

std::optional<SetLoad> stated_load(const prescription::Quantity& load, const Maxes& maxes) {
  WeightUnit unit = WeightUnit::kKilogram;
  if (load.unit == "lb") {
    unit = WeightUnit::kPound;
  } else if (load.unit != "kg") {
    return std::nullopt;
  }
  // A load in the printed unit stays as written: a kettlebell of 24 kg is not rounded to plates.
  SetLoad set_load;
  set_load.min_weight = unit == maxes.unit
                            ? load.value
                            : round_to_step(convert_weight(Weight{load.value, unit}, maxes.unit),
                                            maxes.rounding, RoundingDirection::kNearest);
  set_load.max_weight = set_load.min_weight;
  set_load.basis = "the load the line states";
  set_load.written = format_number(load.value) +
                     (load.alt_value ? "/" + format_number(*load.alt_value) : std::string()) + " " +
                     std::string(load.unit);
  return set_load;
}

std::string format_set_load(const SetLoad& load, WeightUnit unit) {
  std::string text;
  if (load.first_set == 0) {
    text = "Each set";
  } else if (load.first_set == load.last_set) {
    text = "Set " + std::to_string(load.first_set);
  } else {
    text = "Sets " + std::to_string(load.first_set) + "-" + std::to_string(load.last_set);
  }
  if (load.up_to_set > 0) {
    text += " (up to " + std::to_string(load.up_to_set) + ")";
  }
  if (load.optional) {
    text += " (optional)";
  }
  if (load.rep_range) {
    text += ", " + std::to_string(load.rep_range->min) + "-" + std::to_string(load.rep_range->max) +
            " reps";
  }
  // "Set 3, 5+ reps", "Set 4, max reps": sets for as many reps as possible.
  if (load.reps_at_least) {
    text += *load.reps_at_least > 1 ? ", " + std::to_string(*load.reps_at_least) + "+ reps"
                                    : std::string(", max reps");
  }
  return text + ": " + format_weight(load, unit);
}

namespace {

// Lifts of the maxes file whose names end with lift after another word ("back squat" and "front
// squat" for "squat"), at most kMaxHints of them in name order.
std::vector<std::string> lifts_with_max_ending_in(const std::string& lift, int rep_max,
                                                  const Maxes& maxes) {
  constexpr std::size_t kMaxHints = 2;
  std::vector<std::string> lifts;
  const std::string ending = " " + lift;
  for (const auto& [key, weight] : maxes.entries) {
    if (key.first == rep_max && key.second.ends_with(ending) && lifts.size() < kMaxHints) {
      lifts.push_back(key.second);
    }
  }
  return lifts;
}

// A key of the maxes file that is likely a misspelling of lift: within two edits of it and no
// known movement of the vocabulary ("snach" for "snatch").
std::optional<std::string> misspelled_key(const std::string& lift, int rep_max,
                                          const Maxes& maxes) {
  constexpr std::size_t kMaxEdits = 2;
  const prescription::Vocabulary& vocabulary = prescription::default_vocabulary();
  for (const auto& [key, weight] : maxes.entries) {
    if (key.first == rep_max && key.second != lift && !vocabulary.names_movement(key.second) &&
        edit_distance(key.second, lift) <= kMaxEdits) {
      return key.second;
    }
  }
  return std::nullopt;
}

}  // namespace

std::string format_missing_maxes(const std::set<std::pair<int, std::string>>& missing,
                                 const Maxes& maxes) {
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
    text += "\"" + lift + "\" = \"… " + unit_symbol(maxes.unit) + "\"";
    if (const std::optional<std::string> parent = lift_with_max_ending(lift, rep_max, maxes)) {
      text += " (or = \"" + *parent + "\" to use that max)";
    } else if (const std::vector<std::string> longer =
                   lifts_with_max_ending_in(lift, rep_max, maxes);
               !longer.empty()) {
      // "Squat 3 x 5 @ 72.5%": strength programs often mean the back squat, which the file names.
      text += " (or";
      for (std::size_t index = 0; index < longer.size(); ++index) {
        text += (index == 0 ? " = \"" : " or = \"") + longer[index] + "\"";
      }
      text += " to use that max)";
    }
    if (const std::optional<std::string> typo = misspelled_key(lift, rep_max, maxes)) {
      text += " (the file's \"" + *typo + "\" may be a misspelling of it)";
    }
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
    return load.basis.empty() ? load.missing : load.basis + " (" + load.missing + ")";
  }
  text += format_number(*load.min_weight);
  if (*load.max_weight != *load.min_weight) {
    text += "-" + format_number(*load.max_weight);
  }
  text += std::string(" ") + unit_symbol(unit) + (load.at_least ? " or more" : "");
  // "102.5 kg (225/155 lb as written)": the figures, when the weight shows only part of them.
  if (!load.written.empty() && load.written != text) {
    text += " (" + load.written + " as written)";
  }
  return text;
}

Json loads_json(const std::vector<BlockLoads>& loads, WeightUnit unit) {
  Json blocks = Json::array();
  for (const BlockLoads& block : loads) {
    Json sets = Json::array();
    for (const SetLoad& load : block.sets) {
      Json json = weight_json(load, unit);
      json["first_set"] = load.first_set > 0 ? Json(load.first_set) : Json(nullptr);
      json["last_set"] = load.last_set > 0 ? Json(load.last_set) : Json(nullptr);
      if (load.up_to_set > 0) {
        json["up_to_set"] = load.up_to_set;
      }
      if (load.optional) {
        json["optional"] = true;
      }
      if (load.at_least) {
        json["floor"] = true;
      }
      if (load.reps_at_least) {
        json["reps_at_least"] = *load.reps_at_least;
      }
      sets.push_back(std::move(json));
    }
    Json limits = Json::array();
    for (const SetLoad& limit : block.limits) {
      limits.push_back(weight_json(limit, unit));
    }
    Json json{{"block", block.block},
              {"movement_line", block.movement_line ? Json(*block.movement_line) : Json(nullptr)},
              {"sets", std::move(sets)},
              {"limits", std::move(limits)}};
    if (block.movement) {
      json["movement"] = *block.movement;
    }
    if (!block.warnings.empty()) {
      json["warnings"] = block.warnings;
    }
    blocks.push_back(std::move(json));
  }
  return blocks;
}

}  // namespace wodetl
