#pragma once
// An athlete's personal maxes, read from a TOML file:
//
//   unit = "kg"          # unit loads are shown in: "kg" or "lb"
//   rounding = 2.5       # plate step, in that unit: loads are rounded to a multiple of it
//   snatch = "100 kg"    # 1-RM of a lift, under its name as a coach writes it
//   "clean and jerk" = "275 lb"
//
//   "power clean" = "85% of clean"      # a share of another lift's max
//   "slow pull power clean" = "power clean"  # the same max as another lift
//
//   [rep_maxes.10]       # other rep maxes: the 10-RM of each lift
//   "back squat" = "140 kg"
//
// A reference names a lift of the same table (the same rep max) and may go through other
// references, but not in a circle.
//
// Lift names are canonicalized as the prescription parser does ("Clean & Jerk", "clean and
// jerk" and "C&J" name one lift).

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/error.hpp"

namespace wodetl {

enum class WeightUnit { kKilogram, kPound };

//! A weight with its unit.
struct Weight {
  double value = 0;
  WeightUnit unit = WeightUnit::kKilogram;
};

//! Personal maxes by (rep max, canonical lift name), with the display unit and plate step.
struct Maxes {
  WeightUnit unit = WeightUnit::kKilogram;
  double rounding = 1.0;
  //! Share of a lift's 1-RM that is its training max, in percent ("training_max = \"90%\""), for
  //! "@ 75% TM"; empty when the file does not set it.
  std::optional<double> training_max_percent;
  std::map<std::pair<int, std::string>, Weight> entries;

  //! The rep_max-RM of lift (canonical name), if the file gives it.
  [[nodiscard]] std::optional<Weight> find(int rep_max, const std::string& lift) const;
};

//! Parses the TOML text of a maxes file. origin names it in errors, which give the line and
//! column of a syntax error or the key of a wrong entry.
[[nodiscard]] Result<Maxes> parse_maxes(std::string_view toml_text, const std::string& origin);

//! Reads and parses a maxes file.
[[nodiscard]] Result<Maxes> load_maxes_file(const std::filesystem::path& path);

//! Parses "100 kg", "275 lb", "275 lbs", "100kg" or "82.5 kg".
[[nodiscard]] std::optional<Weight> parse_weight(std::string_view text);

//! Converts a weight to unit (1 lb = 0.45359237 kg exactly).
[[nodiscard]] double convert_weight(Weight weight, WeightUnit unit);

//! Direction of round_to_step: to the nearest multiple (halves up), or up or down to one.
enum class RoundingDirection { kNearest, kUp, kDown };

//! Rounds value to a multiple of step; step <= 0 leaves it unchanged.
[[nodiscard]] double round_to_step(double value, double step,
                                   RoundingDirection direction = RoundingDirection::kNearest);

//! "kg" or "lb".
[[nodiscard]] const char* unit_symbol(WeightUnit unit);

//! Formats a number with at most two decimals and no trailing zeros: 75, 82.5, 61.25.
[[nodiscard]] std::string format_number(double value);

}  // namespace wodetl
