#include "transform/loads/maxes.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/edit_distance.hpp"
#include "transform/prescription/canonical.hpp"
#include "transform/prescription/vocabulary.hpp"

namespace wodetl {

namespace {

constexpr double kKilogramsPerPound = 0.45359237;

// Bounds that catch typing mistakes ("1e308 kg", a plate step of 1000) before they print as loads.
constexpr double kMaxWeight = 10000;
constexpr double kMaxRounding = 50;

std::string lower_ascii(std::string_view text) {
  std::string lowered(text);
  for (char& c : lowered) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return lowered;
}

// Reads the decimal number at the start of text, after any spaces: "100", "102.5", ".5". Returns
// the number of bytes read, 0 when none. std::from_chars in fixed format takes no sign, exponent,
// hexadecimal digits, "inf" or "nan", which sscanf's %lf would read ("0x7d kg" as 125 kg).
std::size_t read_decimal(std::string_view text, double& value) {
  std::size_t start = 0;
  while (start < text.size() && text[start] == ' ') {
    ++start;
  }
  // from_chars reads "inf" and "nan" in every format.
  if (start == text.size() ||
      (std::isdigit(static_cast<unsigned char>(text[start])) == 0 && text[start] != '.')) {
    return 0;
  }
  const char* first = text.data() + start;
  const auto [end, error] =
      std::from_chars(first, text.data() + text.size(), value, std::chars_format::fixed);
  if (error != std::errc() || end == first) {
    return 0;
  }
  return static_cast<std::size_t>(end - text.data());
}

std::optional<WeightUnit> parse_unit(std::string_view written) {
  const std::string text = lower_ascii(written);
  if (text == "kg" || text == "kgs" || text == "kilo" || text == "kilos" || text == "kilograms") {
    return WeightUnit::kKilogram;
  }
  if (text == "lb" || text == "lbs" || text == "pound" || text == "pounds" || text == "#") {
    return WeightUnit::kPound;
  }
  return std::nullopt;
}

constexpr const char* kFormatHint = "docs/prescriptions.md describes the maxes file";
constexpr const char* kWeightHint =
    "Write each max as a string with a positive number and a unit, e.g. snatch = \"100 kg\"";

Error entry_error(const std::string& origin, const std::string& key, const std::string& problem,
                  const std::string& hint) {
  return Error::invalid_input("maxes file " + origin + ": " + key + " " + problem, {}, hint);
}

// Keys of the maxes file that are settings rather than lifts.
constexpr std::array<std::string_view, 4> kSettings = {"unit", "rounding", "training_max",
                                                       "rep_maxes"};

// Keys that look like a misspelled setting rather than a lift, with the setting they mean: other
// words for it, another case ("Unit") and slips of up to two letters ("unti", "roundng") that name
// no movement.
std::optional<std::string_view> setting_meant_by(std::string_view key) {
  const std::string lowered = lower_ascii(key);
  if (lowered == "units" || lowered == "weight_unit" || lowered == "unit_of_weight") {
    return "unit";
  }
  if (lowered == "round" || lowered == "rounding_step" || lowered == "step" ||
      lowered == "plate_step" || lowered == "increment") {
    return "rounding";
  }
  constexpr std::size_t kMaxEdits = 2;
  for (const std::string_view setting : kSettings) {
    if (lowered != key && lowered == setting) {
      return setting;
    }
    if (lowered != setting && edit_distance(lowered, setting) <= kMaxEdits &&
        !prescription::default_vocabulary().names_movement(prescription::canonical_name(key))) {
      return setting;
    }
  }
  return std::nullopt;
}

// Reason text: why a max entry's value is not a weight, for the error message.
std::string weight_problem(const std::string& text) {
  double value = 0;
  const std::size_t read = read_decimal(text, value);
  if (read > 0 && value > kMaxWeight) {
    return "= \"" + text + "\" is above " + format_number(kMaxWeight) +
           ", the largest max accepted (a typing mistake?)";
  }
  // "102,5 kg": a decimal comma, as many countries write it.
  if (read > 0 && read + 1 < text.size() && text[read] == ',' &&
      std::isdigit(static_cast<unsigned char>(text[read + 1])) != 0) {
    return "= \"" + text + "\" has a decimal comma; write the number with a point, as in \"" +
           text.substr(0, read) + "." + text.substr(read + 1) + "\"";
  }
  return "= \"" + text + "\" is not a positive weight with a unit (kg or lb)";
}

// Key and line of the entry that gave each (rep max, canonical lift), so that an error about a
// second spelling can name both. toml++ hands a table's keys over in sorted order, not in the
// file's, so the line numbers show which came first.
struct EntrySpelling {
  std::string key;
  std::uint32_t line = 0;
};
using EntrySpellings = std::map<std::pair<int, std::string>, EntrySpelling>;

// A max given as a share of another lift's max of the same rep max: "85% of clean", "clean".
struct LiftReference {
  double percent = 100;
  std::string lift;     // canonical name of the lift referred to
  std::string key;      // the entry's key, with its table prefix, for errors
  std::string written;  // the entry's value as written, for errors
};
using LiftReferences = std::map<std::pair<int, std::string>, LiftReference>;

constexpr double kMaxReferencePercent = 200;

// Reads "85% of clean", "85 % of the clean" or "clean". Returns nothing for text that starts
// with a digit but is no percentage, so that "100" keeps its "not a weight" error.
std::optional<LiftReference> parse_lift_reference(const std::string& text) {
  std::string rest = text;
  rest.erase(0, rest.find_first_not_of(' '));
  if (!rest.empty() && (rest[0] == '-' || rest[0] == '+')) {
    return std::nullopt;  // a signed number, such as "-100 kg", is a wrong weight
  }
  LiftReference reference;
  if (!rest.empty() && (std::isdigit(static_cast<unsigned char>(rest[0])) != 0 || rest[0] == '.')) {
    double percent = 0;
    const std::size_t consumed = read_decimal(rest, percent);
    if (consumed == 0) {
      return std::nullopt;
    }
    std::string after = lower_ascii(rest.substr(consumed));
    after.erase(0, after.find_first_not_of(' '));
    if (!after.starts_with("%")) {
      return std::nullopt;
    }
    after.erase(0, 1);
    after.erase(0, after.find_first_not_of(' '));
    if (!after.starts_with("of ")) {
      return std::nullopt;
    }
    after.erase(0, 3);
    after.erase(0, after.find_first_not_of(' '));
    if (after.starts_with("the ") || after.starts_with("my ")) {
      after.erase(0, after.find(' ') + 1);
    }
    reference.percent = percent;
    rest = after;
  }
  // "NaN kg" and "heavy lb" end with a unit, so they were meant as weights, not lift names.
  const std::string trimmed_rest = rest.substr(0, rest.find_last_not_of(' ') + 1);
  const std::size_t last_space = trimmed_rest.find_last_of(' ');
  const std::string last_word = lower_ascii(
      last_space == std::string::npos ? trimmed_rest : trimmed_rest.substr(last_space + 1));
  if (parse_unit(last_word)) {
    return std::nullopt;
  }
  reference.lift = prescription::canonical_name(rest);
  if (reference.lift.empty()) {
    return std::nullopt;
  }
  return reference;
}

// Resolves each reference to a weight, following chains of references. Fails on a reference to a
// lift without a max, or on references that lead back to themselves.
Status resolve_references(const LiftReferences& references, const std::string& origin,
                          Maxes& maxes) {
  for (const auto& [target, first] : references) {
    double factor = 1;
    std::pair<int, std::string> current = target;
    std::vector<std::string> path{first.key};
    while (true) {
      const LiftReference& reference = references.at(current);
      factor *= reference.percent / 100;
      const std::pair<int, std::string> next{current.first, reference.lift};
      if (const std::optional<Weight> weight = maxes.find(next.first, next.second)) {
        maxes.entries.emplace(target, Weight{weight->value * factor, weight->unit});
        break;
      }
      const auto chained = references.find(next);
      if (chained == references.end()) {
        return entry_error(origin, reference.key,
                           "= \"" + reference.written +
                               "\" is neither a weight with a unit nor a lift with a " +
                               std::to_string(current.first) + "-RM in this file",
                           "Write a weight such as \"100 kg\", or give " + reference.lift +
                               " a max in the same table");
      }
      if (chained->first == target || path.size() > references.size()) {
        return entry_error(origin, first.key, "refers back to itself through " + reference.key,
                           "End the chain of references with a weight such as \"100 kg\"");
      }
      path.push_back(chained->second.key);
      current = next;
    }
    if (maxes.entries.at(target).value > kMaxWeight) {
      return entry_error(origin, first.key,
                         "= \"" + first.written + "\" comes to more than " +
                             format_number(kMaxWeight) + ", the largest max accepted",
                         kWeightHint);
    }
  }
  return ok_status();
}

// Reads the entries of one table ("lift" = "100 kg") as rep_max-RMs.
Status read_lift_table(const toml::table& table, int rep_max, const std::string& origin,
                       const std::string& prefix, Maxes& maxes, EntrySpellings& spellings,
                       LiftReferences& references) {
  for (const auto& [key, node] : table) {
    const std::string name(key.str());
    if (rep_max == 1 && std::find(kSettings.begin(), kSettings.end(), name) != kSettings.end()) {
      continue;
    }
    if (const std::optional<std::string_view> setting = setting_meant_by(name)) {
      return entry_error(origin, prefix + name, "is not a setting of the maxes file",
                         "Did you mean " + std::string(*setting) + "? " + kFormatHint);
    }
    if (node.is_table()) {
      return entry_error(origin, prefix + name, "is a table, which the maxes file does not read",
                         "Put the 1-RMs at the top level of the file, before any table, and other "
                         "rep maxes under a table such as [rep_maxes.3]. " +
                             std::string(kFormatHint));
    }
    const auto* text = node.as_string();
    if (text == nullptr) {
      return entry_error(
          origin, prefix + name, "is not a string such as \"100 kg\"",
          std::string(kWeightHint) +
              ". The settings are unit, rounding, training_max and [rep_maxes.N] tables");
    }
    const std::optional<Weight> weight = parse_weight(text->get());
    std::optional<LiftReference> reference;
    if (!weight) {
      reference = parse_lift_reference(text->get());
    }
    if (!weight && !reference) {
      return entry_error(origin, prefix + name, weight_problem(text->get()), kWeightHint);
    }
    if (reference && !(reference->percent > 0 && reference->percent <= kMaxReferencePercent)) {
      return entry_error(origin, prefix + name,
                         "= \"" + text->get() + "\" is not a percentage above 0 and at most " +
                             format_number(kMaxReferencePercent),
                         "Write a share of another lift's max as \"85% of clean\"");
    }
    // Two spellings of one lift ("Clean & Jerk" and "clean and jerk") would silently override
    // each other, so the second is rejected.
    const std::string lift = prescription::canonical_name(name);
    const EntrySpelling spelling{prefix + name, node.source().begin.line};
    const auto [other, inserted] = spellings.try_emplace({rep_max, lift}, spelling);
    if (!inserted) {
      const bool this_first = spelling.line < other->second.line;
      const EntrySpelling& earlier = this_first ? spelling : other->second;
      const EntrySpelling& later = this_first ? other->second : spelling;
      return entry_error(origin, later.key,
                         "(line " + std::to_string(later.line) + ") gives the " +
                             std::to_string(rep_max) + "-RM of " + lift + " a second time; " +
                             earlier.key + " (line " + std::to_string(earlier.line) +
                             ") gave it first",
                         "Keep one entry per lift and rep max");
    }
    if (reference) {
      reference->key = prefix + name;
      reference->written = text->get();
      references.emplace(std::make_pair(rep_max, lift), std::move(*reference));
    } else {
      maxes.entries.emplace(std::make_pair(rep_max, lift), *weight);
    }
  }
  return ok_status();
}

}  // namespace

std::optional<Weight> Maxes::find(int rep_max, const std::string& lift) const {
  auto it = entries.find({rep_max, lift});
  if (it == entries.end()) {
    return std::nullopt;
  }
  return it->second;
}

std::optional<Weight> parse_weight(std::string_view text) {
  double value = 0;
  const std::size_t consumed = read_decimal(text, value);
  if (consumed == 0 || !(value > 0) || value > kMaxWeight) {
    return std::nullopt;
  }
  std::string unit(text.substr(consumed));
  unit.erase(0, unit.find_first_not_of(' '));
  unit.erase(unit.find_last_not_of(' ') + 1);
  const std::optional<WeightUnit> parsed = parse_unit(unit);
  if (!parsed) {
    return std::nullopt;
  }
  return Weight{value, *parsed};
}

double convert_weight(Weight weight, WeightUnit unit) {
  if (weight.unit == unit) {
    return weight.value;
  }
  return unit == WeightUnit::kKilogram ? weight.value * kKilogramsPerPound
                                       : weight.value / kKilogramsPerPound;
}

double round_to_step(double value, double step, RoundingDirection direction) {
  if (!(step > 0)) {
    return value;
  }
  // A quotient within a millionth of a whole number counts as whole, so 100 kg at 55% with a
  // 2.5 step stays 55 instead of going to 57.5 or 52.5 on a floating-point remainder.
  const double steps = value / step;
  const double nearest = std::round(steps);
  if (std::fabs(steps - nearest) < 1e-6) {
    return nearest * step;
  }
  switch (direction) {
    case RoundingDirection::kUp:
      return std::ceil(steps) * step;
    case RoundingDirection::kDown:
      return std::floor(steps) * step;
    case RoundingDirection::kNearest:
      break;
  }
  return nearest * step;
}

const char* unit_symbol(WeightUnit unit) {
  return unit == WeightUnit::kKilogram ? "kg" : "lb";
}

std::string format_number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  std::string text = buffer;
  text.erase(text.find_last_not_of('0') + 1);
  if (!text.empty() && text.back() == '.') {
    text.pop_back();
  }
  return text;
}

Result<Maxes> parse_maxes(std::string_view toml_text, const std::string& origin) {
  toml::table table;
  try {
    table = toml::parse(toml_text, origin);
  } catch (const toml::parse_error& error) {
    const auto& begin = error.source().begin;
    // toml++ 3.3 garbles the quoted key it names in this message ("clclean and jerk"), so the
    // message states the problem without quoting it.
    std::string description(error.description());
    if (description.find("cannot redefine existing") != std::string::npos) {
      description = "the key here is already defined earlier in the file";
    }
    return Error::invalid_input("maxes file " + origin + " is not valid TOML at line " +
                                    std::to_string(begin.line) + ", column " +
                                    std::to_string(begin.column) + ": " + description,
                                {}, kFormatHint);
  }

  Maxes maxes;
  if (const auto* unit = table["unit"].as_string()) {
    const std::optional<WeightUnit> parsed = parse_unit(unit->get());
    if (!parsed) {
      return entry_error(origin, "unit", "must be \"kg\" or \"lb\", not \"" + unit->get() + "\"",
                         "Set unit to the unit loads are printed in");
    }
    maxes.unit = *parsed;
  } else if (table.contains("unit")) {
    return entry_error(origin, "unit", "must be the string \"kg\" or \"lb\"",
                       "Set unit to the unit loads are printed in");
  }
  const std::string rounding_hint =
      "Set rounding to the smallest plate step, e.g. 2.5, or 0 for no rounding";
  if (const auto rounding = table["rounding"].value<double>()) {
    if (!(*rounding >= 0) || *rounding > kMaxRounding) {
      return entry_error(origin, "rounding",
                         "= " + format_number(*rounding) + " is not a plate step from 0 to " +
                             format_number(kMaxRounding),
                         rounding_hint);
    }
    maxes.rounding = *rounding;
  } else if (table.contains("rounding")) {
    return entry_error(origin, "rounding", "must be a number such as 2.5", rounding_hint);
  }

  // "training_max = \"90%\"": the share of the 1-RM that "@ 75% TM" is a percentage of.
  if (table.contains("training_max")) {
    const std::string training_max_hint =
        "Set training_max to the share of the 1-RM the program's training maxes are, e.g. \"90%\"";
    const auto* text = table["training_max"].as_string();
    double percent = 0;
    const std::size_t read = text != nullptr ? read_decimal(text->get(), percent) : 0;
    std::string rest = read > 0 ? text->get().substr(read) : std::string();
    rest.erase(0, rest.find_first_not_of(' '));
    if (read == 0 || rest != "%" || !(percent >= 50 && percent <= 100)) {
      return entry_error(origin, "training_max",
                         "must be a percentage from 50% to 100% in a string, such as \"90%\"",
                         training_max_hint);
    }
    maxes.training_max_percent = percent;
  }

  EntrySpellings spellings;
  LiftReferences references;
  if (Status read = read_lift_table(table, 1, origin, "", maxes, spellings, references); !read) {
    return read.error();
  }
  if (const auto* rep_maxes = table["rep_maxes"].as_table()) {
    for (const auto& [key, node] : *rep_maxes) {
      const std::string name(key.str());
      int rep_max = 0;
      try {
        rep_max = std::stoi(name);
      } catch (const std::exception&) {
        rep_max = 0;
      }
      const auto* lifts = node.as_table();
      if (rep_max < 1 || rep_max > 100 || std::to_string(rep_max) != name || lifts == nullptr) {
        return entry_error(origin, "rep_maxes." + name,
                           "is not a table named by a rep count from 1 to 100",
                           "Write other rep maxes under a table such as [rep_maxes.10]");
      }
      if (Status read = read_lift_table(*lifts, rep_max, origin, "rep_maxes." + name + ".", maxes,
                                        spellings, references);
          !read) {
        return read.error();
      }
    }
  }
  if (Status resolved = resolve_references(references, origin, maxes); !resolved) {
    return resolved.error();
  }
  return maxes;
}

Result<Maxes> load_maxes_file(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    return Error::not_found("maxes file " + path.string() + " was not found",
                            "Check the path given to --maxes");
  }
  if (!std::filesystem::is_regular_file(path, error)) {
    return Error::invalid_input("maxes file " + path.string() + " is not a file", {},
                                "Give --maxes the path of a TOML file");
  }
  std::ifstream stream(path, std::ios::binary);
  if (!stream) {
    return Error::invalid_input("maxes file " + path.string() + " cannot be read", {},
                                "Check the file's permissions");
  }
  std::ostringstream text;
  text << stream.rdbuf();
  return parse_maxes(text.str(), path.string());
}

}  // namespace wodetl
