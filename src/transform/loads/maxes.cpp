#include "transform/loads/maxes.hpp"

#include <toml++/toml.h>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "transform/prescription/canonical.hpp"

namespace wodetl {

namespace {

constexpr double kKilogramsPerPound = 0.45359237;

std::optional<WeightUnit> parse_unit(std::string_view text) {
  if (text == "kg" || text == "kgs" || text == "kilo" || text == "kilos" || text == "kilograms") {
    return WeightUnit::kKilogram;
  }
  if (text == "lb" || text == "lbs" || text == "pound" || text == "pounds" || text == "#") {
    return WeightUnit::kPound;
  }
  return std::nullopt;
}

Error entry_error(const std::string& origin, const std::string& key, const std::string& problem) {
  return Error::invalid_input("maxes file " + origin + ": " + key + " " + problem, {},
                              "Write each max as a string with a unit, e.g. snatch = \"100 kg\"");
}

// Reads the entries of one table ("lift" = "100 kg") as rep_max-RMs.
Status read_lift_table(const toml::table& table, int rep_max, const std::string& origin,
                       const std::string& prefix, Maxes& maxes) {
  for (const auto& [key, node] : table) {
    const std::string name(key.str());
    if (rep_max == 1 && (name == "unit" || name == "rounding" || name == "rep_maxes")) {
      continue;
    }
    const auto* text = node.as_string();
    if (text == nullptr) {
      return entry_error(origin, prefix + name, "is not a string such as \"100 kg\"");
    }
    const std::optional<Weight> weight = parse_weight(text->get());
    if (!weight) {
      return entry_error(origin, prefix + name,
                         "= \"" + text->get() + "\" is not a weight with a unit (kg or lb)");
    }
    maxes.entries[{rep_max, prescription::canonical_name(name)}] = *weight;
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
  std::string trimmed(text);
  double value = 0;
  int consumed = 0;
  // NOLINTNEXTLINE(cert-err34-c): consumed and the unit check reject what sscanf cannot read
  if (std::sscanf(trimmed.c_str(), " %lf%n", &value, &consumed) != 1 || !(value > 0) ||
      !std::isfinite(value)) {
    return std::nullopt;
  }
  std::string unit = trimmed.substr(static_cast<std::size_t>(consumed));
  unit.erase(0, unit.find_first_not_of(' '));
  unit.erase(unit.find_last_not_of(' ') + 1);
  for (char& c : unit) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
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

double round_to_step(double value, double step) {
  if (!(step > 0)) {
    return value;
  }
  return std::round(value / step) * step;
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
    return Error::invalid_input(
        "maxes file " + origin + " is not valid TOML at line " + std::to_string(begin.line) +
            ", column " + std::to_string(begin.column) + ": " + std::string(error.description()),
        {}, "See the format in the README");
  }

  Maxes maxes;
  if (const auto* unit = table["unit"].as_string()) {
    const std::optional<WeightUnit> parsed = parse_unit(unit->get());
    if (!parsed) {
      return entry_error(origin, "unit", "must be \"kg\" or \"lb\", not \"" + unit->get() + "\"");
    }
    maxes.unit = *parsed;
  } else if (table.contains("unit")) {
    return entry_error(origin, "unit", "must be the string \"kg\" or \"lb\"");
  }
  if (const auto rounding = table["rounding"].value<double>()) {
    if (!(*rounding >= 0) || !std::isfinite(*rounding)) {
      return entry_error(origin, "rounding", "must be a plate step of 0 or more");
    }
    maxes.rounding = *rounding;
  } else if (table.contains("rounding")) {
    return entry_error(origin, "rounding", "must be a number such as 2.5");
  }

  if (Status read = read_lift_table(table, 1, origin, "", maxes); !read) {
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
                           "must be a table named by a rep count, e.g. [rep_maxes.10]");
      }
      if (Status read = read_lift_table(*lifts, rep_max, origin, "rep_maxes." + name + ".", maxes);
          !read) {
        return read.error();
      }
    }
  }
  return maxes;
}

Result<Maxes> load_maxes_file(const std::filesystem::path& path) {
  std::ifstream stream(path, std::ios::binary);
  if (!stream) {
    return Error::not_found("maxes file " + path.string() + " cannot be read",
                            "Check the path given to --maxes");
  }
  std::ostringstream text;
  text << stream.rdbuf();
  return parse_maxes(text.str(), path.string());
}

}  // namespace wodetl
