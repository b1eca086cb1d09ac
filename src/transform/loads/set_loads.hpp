#pragma once
// Weights on the bar for the sets of a part, from its prescription and the athlete's maxes.

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/json_codec.hpp"
#include "core/prescription.hpp"
#include "transform/loads/maxes.hpp"

namespace wodetl {

//! Load of a run of consecutive sets that ask for the same thing.
struct SetLoad {
  //! Sets the load is for, numbered from 1. Both are 0 when the block states no set count,
  //! because the load then holds for each set.
  int first_set = 0;
  int last_set = 0;
  //! Last of the optional sets after last_set that ask for the same load, 0 for none: "4-6
  //! sets" gives sets 1-4 and up to set 6.
  int up_to_set = 0;
  bool optional = false;  //!< the sets are optional ones of a range of sets, "4-6 sets"
  //! Reps of each set when the line gives a range ("1-3 reps"), which the text then shows.
  std::optional<prescription::CountRange> rep_range;
  //! Minimum reps of a set for as many reps as possible: 5 for "5+", 1 for "AMRAP".
  std::optional<int> reps_at_least;
  std::optional<double> min_weight;  //!< in Maxes::unit, rounded to the plate step
  std::optional<double> max_weight;
  bool at_least = false;  //!< a floor such as "101%+": the weight is the least to lift
  std::string missing;    //!< why there is no weight, e.g. "no 1-RM for snatch in the maxes file"
  std::string basis;      //!< what the weight comes from: "75-80% of 1-RM snatch"
  //! A load the line states, as written, "225/155 lb": the weight is its first figure in
  //! Maxes::unit (see stated_load). Empty for a load from a max.
  std::string written;
  //! The max that the maxes file lacks, as {rep max, canonical lift}, when that is why there is
  //! no weight.
  std::optional<std::pair<int, std::string>> missing_max;
};

//! Loads of one movement of a block of a part. A block has one for each movement with loads:
//! "Snatch x 2 @ 70%" and "Clean x 2 @ 80%" under "Three sets of:" have one each.
struct BlockLoads {
  std::size_t block = 0;  //!< index in PartPrescription::blocks
  //! Line that names the movement (see prescription::BlockMovement), and for a movement of an
  //! alternating line or a list its index in that line.
  std::optional<std::size_t> movement_line;
  std::optional<std::size_t> movement;
  //! Names as written, "Snatch + Hip Snatch". For the sets after a target, the target's lift as
  //! its line writes it. Empty when no line names one.
  std::string movement_names;
  std::vector<SetLoad> sets;
  //! Ceilings the movement's line or the block's notes set, rounded down; first_set and last_set
  //! are 0. A note's ceiling is for the block's first movement.
  std::vector<SetLoad> limits;
  std::vector<std::string> warnings;  //!< the block's warnings, such as table rows past its sets
};

//! Loads of every movement of every block of part that prescribes an intensity: a percentage of a
//! rep max, or a rep-max weight ("@ 10-RM Back Squat weight"). A movement whose lines state no set
//! count gets one load for each set, with set number 0. The reference lift is the one the line
//! names, else the movement's first lift. Each movement of a list has loads of its own, from its
//! own lift.
[[nodiscard]] std::vector<BlockLoads> compute_loads(const prescription::PartPrescription& part,
                                                    const Maxes& maxes);

//! The load a line states, "Deadlift 5 x 5 @ 225/155 lb", for a set without an intensity: its first
//! figure in the maxes' unit, rounded to the plate step when converted, with the figures as
//! written. Nullopt for a load
//! without a unit of weight ("95/65", "1.5 x BW").
[[nodiscard]] std::optional<SetLoad> stated_load(const prescription::Quantity& load,
                                                 const Maxes& maxes);

//! "Set 1: 60 kg", "Sets 4-5: 75 kg", "Sets 6-8: 75-80 kg", "Set 1: 102.5 kg or more" for a
//! floor such as "101%+", "Each set: 60 kg" for set number 0, "Sets 1-4 (up to 6), 1-3 reps:
//! 80-85 kg" for a range of sets and reps, or "Sets 1-2: 75% of 1-RM snatch (no 1-RM for snatch in
//! the maxes file)".
[[nodiscard]] std::string format_set_load(const SetLoad& load, WeightUnit unit);

//! Formats the maxes that loads lacked as the entries to add: "Add the missing maxes to the maxes
//! file: "power snatch" = "… kg" (or = "snatch" to use that max); [rep_maxes.3] "deadlift" =
//! "… kg"." A lift whose name ends with a lift of `maxes` ("slow pull power clean" and "power
//! clean") gets that lift as the other choice. Returns "" for none.
[[nodiscard]] std::string format_missing_maxes(const std::set<std::pair<int, std::string>>& missing,
                                               const Maxes& maxes);

//! Returns the longest ending of `lift`, after a space, that has a rep_max-RM in `maxes`: "power
//! clean" for "slow pull power clean" when the file gives the power clean. For a name with "with",
//! the lift before it or an ending of that: "snatch" for "snatch with 2 sec pause". Else the
//! longest beginning with a max: "snatch" for "snatch emom". Nothing when none has a max.
[[nodiscard]] std::optional<std::string> lift_with_max_ending(const std::string& lift, int rep_max,
                                                              const Maxes& maxes);

//! Formats a ceiling that a note sets: "Limit: 55 kg".
[[nodiscard]] std::string format_limit_load(const SetLoad& limit, WeightUnit unit);

//! Formats the weight of a load: "75 kg", "75-80 kg", or its basis and why there is no weight.
[[nodiscard]] std::string format_weight(const SetLoad& load, WeightUnit unit);

//! JSON of the loads: [{"block", "movement_line", "sets": [{"first_set", "last_set", "weight":
//! {"min", "max", "unit"} | null, "basis", "missing"}], "limits": [{"weight", "basis",
//! "missing"}]}], with "movement" for a movement of an alternating line or a list and
//! "warnings": [text, …]
//! on a block that has any. A stated load has "written", the figures as the line gives them, and
//! a set for as many reps as possible "reps_at_least", its least reps.
//! first_set and last_set are null for set 0. A set load has "floor": true for a floor ("101%+"),
//! "up_to_set" when optional sets follow and "optional": true for optional sets.
[[nodiscard]] Json loads_json(const std::vector<BlockLoads>& loads, WeightUnit unit);

}  // namespace wodetl
