#include "transform/prescription/blocks.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <memory>

#include "transform/part_labels.hpp"
#include "transform/prescription/line_parser.hpp"
#include "transform/prescription/tokens.hpp"
#include "transform/text_normalize.hpp"

namespace wodetl::prescription {

namespace {

// Stores the movements of a block in movements (see block_movements), reusing its capacity.
void collect_block_movements(const Block& block, const std::vector<ParsedLine>& lines,
                             std::vector<BlockMovement>& movements);

// True when the normalized form of text may start with 'f', 't' or 'a'. Normalization drops
// leading whitespace and maps no character of two or more bytes to one of these letters, so any
// other first byte rules the line out without normalizing it.
bool may_start_with_f_t_or_a(std::string_view text) {
  for (const char c : text) {
    switch (c) {
      case ' ':
      case '\t':
      case '\n':
      case '\r':
      case '\f':
      case '\v':
        continue;
      case 'f':
      case 'F':
      case 't':
      case 'T':
      case 'a':
      case 'A':
        return true;
      default:
        return static_cast<unsigned char>(c) >= 0x80;  // a multi-byte space may come first
    }
  }
  return false;
}

// "Followed by…", "and then,", "Then:" separate two pieces of work within a part, and so does a
// clock window on its own line, "From 20:00 - 32:00".
bool ends_block(const ParsedLine& line) {
  if (line.kind != LineKind::kNote) {
    return false;
  }
  if (const NoteLine* note = line.note(); note->window && note->window->to_seconds) {
    return true;
  }
  if (!may_start_with_f_t_or_a(line.text)) {
    return false;
  }
  // The tokenizer's buffer normalizes lines of up to kMaxLineBytes without allocating.
  TokenizedLine buffer;
  std::string long_line;
  std::string_view normalized;
  if (normalize_line(line.text, buffer)) {
    normalized = buffer.normalized();
  } else {
    long_line = normalize_for_matching(line.text);
    normalized = long_line;
  }
  return normalized.starts_with("followed by") || normalized.starts_with("then") ||
         normalized.starts_with("and then");
}

// Number of sets a block has, and the line kind that states it: "scheme", "movement line", or
// nullptr when only the per-set table gives it.
struct SetCount {
  int count = 0;
  const char* stated_by = nullptr;
};

// Maximum number of sets of a movement. A larger count is taken for a typing mistake, and the
// sets are left open.
constexpr int kMaxSets = 100;

// Number of sets the block's scheme states, or the count it takes from the clock it runs within
// (inherited_sets: "Odd:" under "EMOM 12" has 6 sets).
std::optional<SetCount> scheme_count(const Block& block, const std::vector<ParsedLine>& lines,
                                     std::optional<int> inherited_sets) {
  if (!block.scheme_line) {
    // A count carried from a scheme in an earlier part (see build_blocks).
    return inherited_sets ? std::optional<SetCount>(SetCount{*inherited_sets, "scheme"})
                          : std::nullopt;
  }
  const Scheme& scheme = lines[*block.scheme_line].scheme()->scheme;
  // "Tabata x 2": each of the two Tabatas has its eight rounds.
  if (scheme.type == SchemeType::kTabata && scheme.rounds) {
    return SetCount{*scheme.rounds * (scheme.sets ? scheme.sets->max : 1), "scheme"};
  }
  if (scheme.sets) {
    return SetCount{scheme.sets->max, "scheme"};
  }
  if (scheme.rounds) {
    return SetCount{*scheme.rounds, "scheme"};
  }
  if (!scheme.rep_scheme.empty()) {
    return SetCount{static_cast<int>(scheme.rep_scheme.size()), "scheme"};  // "21-15-9 for time"
  }
  if (inherited_sets) {
    return SetCount{*inherited_sets, "scheme"};
  }
  return std::nullopt;
}

// Number of sets a per-set table names: its last set number, or its wave's steps.
std::optional<SetCount> table_count(const Block& block, const std::vector<ParsedLine>& lines) {
  int last_row = 0;
  for (const std::size_t index : block.intensity_lines) {
    const IntensityLine& row = *lines[index].intensity();
    last_row = std::max(last_row, row.sets ? row.sets->last : static_cast<int>(row.steps.size()));
  }
  if (last_row > 0) {
    return SetCount{last_row, nullptr};
  }
  return std::nullopt;
}

// "set 4" or "sets 4-5".
std::string set_span(int first, int last) {
  return first == last ? "set " + std::to_string(first)
                       : "sets " + std::to_string(first) + "-" + std::to_string(last);
}

std::string sets_noun(int count) {
  return std::to_string(count) + (count == 1 ? " set" : " sets");
}

// Warns about each per-set row that names set 0, which does not exist since sets are numbered
// from 1: "*Sets 0-2 = @ 75%" then applies to sets 1-2 only.
void check_set_numbers(Block& block, const std::vector<ParsedLine>& lines) {
  for (const std::size_t index : block.intensity_lines) {
    const IntensityLine& row = *lines[index].intensity();
    if (row.sets && row.sets->first < 1) {
      block.warnings.push_back(
          "\"" + std::string(lines[index].text) + "\" names set 0, but sets are numbered from 1: " +
          (row.sets->last < 1 ? "the row applies to no set"
                              : "it applies to " + set_span(1, row.sets->last)));
    }
  }
}

// Warns when the line at index, which names sets first to last, names sets past count.count, and
// lists the sets left out.
void warn_past_count(Block& block, const std::vector<ParsedLine>& lines, std::size_t index,
                     int first, int last, const SetCount& count) {
  if (last <= count.count) {
    return;
  }
  const int first_left_out = std::max(first, count.count + 1);
  block.warnings.push_back("\"" + std::string(lines[index].text) + "\" names " +
                           set_span(first, last) + ", but the " + count.stated_by + " states " +
                           sets_noun(count.count) + ": " + set_span(first_left_out, last) +
                           " left out");
}

// Warns when a rep sequence ("5-4-3-2-1") has another length than the sets the scheme states:
// the block keeps the stated count, so sets are left out or have no rep count.
void warn_sequence_length(Block& block, const std::vector<ParsedLine>& lines, std::size_t index,
                          std::size_t length, const SetCount& count) {
  const int steps = static_cast<int>(length);
  if (steps == count.count) {
    return;
  }
  std::string warning = "\"" + std::string(lines[index].text) + "\" gives reps for " +
                        sets_noun(steps) + ", but the " + count.stated_by + " states " +
                        sets_noun(count.count) + ": ";
  warning += steps > count.count ? set_span(count.count + 1, steps) + " left out"
                                 : set_span(steps + 1, count.count) + " without a rep count";
  block.warnings.push_back(std::move(warning));
}

// Warns about each per-set row or wave that names sets past the count the block states, since
// those sets are left out: "*Sets 4-5" under "Three sets of:", or a wave of four steps on the
// movement line under it.
void check_table_against_count(Block& block, const std::vector<ParsedLine>& lines,
                               const SetCount& count) {
  if (count.stated_by == nullptr) {
    return;
  }
  for (const std::size_t index : block.intensity_lines) {
    const IntensityLine& row = *lines[index].intensity();
    const int first = row.sets ? row.sets->first : 1;
    const int last = row.sets ? row.sets->last : static_cast<int>(row.steps.size());
    warn_past_count(block, lines, index, first, last, count);
  }
  for (const std::size_t index : block.movement_lines) {
    const MovementLine& movement = *movement_line_at(lines, index);
    if (!movement.steps.empty()) {
      warn_past_count(block, lines, index, 1, static_cast<int>(movement.steps.size()), count);
    }
  }
}

// Whether a movement line states how many, how much or how heavy, beyond naming movements.
bool states_quantities(const MovementLine& line) {
  return line.reps || line.sets || !line.rep_scheme.empty() || !line.steps.empty() ||
         !line.intensity.empty() || line.duration_seconds || line.distance || line.calories ||
         line.load || line.limit;
}

// Reps and intensity of one row of a per-set table or one step of a wave.
struct RowView {
  const std::optional<CountRange>* reps = nullptr;
  bool reps_at_least = false;
  const Intensity* intensity = nullptr;
};

// The table row, or wave step, that covers set number `set`. A wave on the movement's line
// (line_steps) counts only for the sets that no row of the table covers. table is false for a
// movement whose sets the block's table does not set.
std::optional<RowView> row_for_set(const Block& block, const std::vector<ParsedLine>& lines,
                                   std::span<const IntensityStep> line_steps, int set, bool table) {
  const LineIndices no_rows;
  for (const std::size_t index : table ? block.intensity_lines : no_rows) {
    const IntensityLine& row = *lines[index].intensity();
    if (!row.steps.empty()) {
      // A wave's steps are sets 1 to N; rows on one line start at their first set.
      const int first = row.sets ? row.sets->first : 1;
      if (set >= first && set < first + static_cast<int>(row.steps.size())) {
        const IntensityStep& step = row.steps[static_cast<std::size_t>(set - first)];
        return RowView{&step.reps, step.reps_at_least, &step.intensity};
      }
      continue;
    }
    if (row.sets && set >= row.sets->first && set <= row.sets->last) {
      return RowView{&row.reps, row.reps_at_least, &row.intensity};
    }
  }
  if (set >= 1 && set <= static_cast<int>(line_steps.size())) {
    const IntensityStep& step = line_steps[static_cast<std::size_t>(set - 1)];
    return RowView{&step.reps, step.reps_at_least, &step.intensity};
  }
  return std::nullopt;
}

// Reps of set number `set` from a rep sequence, "5-4-3-2-1" or "21-15-9 for time".
std::optional<CountRange> sequence_reps(std::span<const int> sequence, int set) {
  const auto index = static_cast<std::size_t>(set - 1);
  if (index >= sequence.size()) {
    return std::nullopt;
  }
  return CountRange{sequence[index], sequence[index]};
}

// Whether the movements of a line have counts of their own, "10 Air Squats, 10 Pushups".
bool counts_items(const MovementLine* movement) {
  if (movement == nullptr) {
    return false;
  }
  return std::any_of(movement->movements.begin(), movement->movements.end(),
                     [](const Movement& item) {
                       return item.reps || item.count || item.duration_seconds || item.distance;
                     });
}

// Minutes of a clock that runs minute by minute, "EMOM 12", for the minute selections under it.
std::optional<int> minute_clock_length(const Scheme& scheme) {
  if (scheme.type != SchemeType::kInterval || scheme.every_seconds != 60 ||
      !scheme.duration_seconds || *scheme.duration_seconds % 60 != 0) {
    return std::nullopt;
  }
  return *scheme.duration_seconds / 60;
}

// Inputs that the sets of one movement of a block are filled from.
struct SetSource {
  const Block& block;
  const std::vector<ParsedLine>& lines;
  std::optional<SetCount> scheme_count;
  const std::vector<int>* scheme_sequence = nullptr;  // "21-15-9 reps of:"
  std::optional<int> clock_minutes;                   // minutes of the clock, "EMOM 12"
  // Quantities the scheme line states for the movements below it: the reps and 80% of "5 sets of
  // 3 reps @ 80%:", the 70% of "EMOM 8 @ 70%".
  const MovementLine* scheme_quantities = nullptr;
};

// Makes room in block.sets for `more` sets at once. A SetPrescription is large and contains the
// lift name of its intensity, so growing one set at a time would move every earlier set several
// times per block. The capacity at least doubles, as push_back's would, for the next movements.
void reserve_sets(Block& block, std::size_t more) {
  const std::size_t needed = block.sets.size() + more;
  if (needed > block.sets.capacity()) {
    block.sets.reserve(std::max(needed, 2 * block.sets.capacity()));
  }
}

// Appends a set of the movement to block.sets.
// reps is taken by reference: passed by value, the optional would be packed into a register from
// memory just written byte by byte, and that load waits for the stores.
SetPrescription& add_set(Block& block, const BlockMovement& movement, int set,
                         const std::optional<CountRange>& reps, bool reps_at_least,
                         const Intensity& intensity) {
  SetPrescription& added = block.sets.emplace_back();
  added.set = set;
  added.reps = reps;
  added.reps_at_least = reps_at_least;
  added.intensity = intensity;
  added.movement_line = movement.line;
  added.movement = movement.movement;
  return added;
}

// Sum of the set counts that the block's movement lines state as "N x M", or -1 when a line
// states none or a range.
int stated_sets_total(const Block& block, const std::vector<ParsedLine>& lines) {
  int total = 0;
  for (const std::size_t index : block.movement_lines) {
    const MovementLine* line = lines[index].movement();
    if (line == nullptr || !line->sets || line->sets->min != line->sets->max ||
        !line->rep_scheme.empty() || !line->steps.empty()) {
      return -1;
    }
    total += line->sets->max;
  }
  return total;
}

// Fills the sets of a movement whose reps and intensity come from one line. The block's per-set
// table applies to its first movement, and to a later one when `apply_table` is set.
void fill_line_sets(Block& block, const SetSource& source, const BlockMovement& movement,
                    bool first_movement, bool apply_table) {
  const std::size_t line_index = movement.quantity_lines.front();
  const LineQuantities line = *quantities_at(source.lines, line_index);
  // A movement of a list with intensities of their own has its own reps and intensity, and only
  // movement lines have movements.
  const std::optional<CountRange>& line_reps =
      movement.movement ? line.line->movements[*movement.movement].reps : line.reps;
  Intensity line_intensity =
      line.line != nullptr ? movement_intensity(*line.line, movement.movement) : *line.intensity;
  const MovementLine* scheme_quantities = source.scheme_quantities;
  if (line_intensity.empty() && scheme_quantities != nullptr) {
    line_intensity = scheme_quantities->intensity;
  }
  // A list item with sets of its own ("Clean 3x2" after "Snatch 3x2, ") counts them itself.
  const std::optional<CountRange>& line_sets =
      movement.movement && line.line->movements[*movement.movement].sets
          ? line.line->movements[*movement.movement].sets
          : line.sets;
  std::optional<SetCount> count = source.scheme_count;
  if (!count && line_sets) {
    count = SetCount{line_sets->max, "movement line"};
  }
  // "Snatch Balance 4 x 3" under "EMOM 8:": a set count the line states, not the length of its
  // rep sequence or wave, is the movement's own, and the block warns that it differs from the
  // scheme's. Lines whose counts add up to the scheme's share its sets without a warning, as
  // "Snatch 5 x 2" and "Clean & Jerk 5 x 1" under "E2MOM x 10" do.
  // "(Clean + 2 Front Squats + Jerk) x 1" under "Every 2 minutes, for 10 minutes (5 sets):" is one
  // complex in each of the scheme's sets, not a single set.
  const bool one_complex = line_sets && line_sets->max == 1 && line.line != nullptr &&
                           line.line->grouping == Grouping::kComplex;
  if (source.scheme_count && line_sets && line.rep_scheme.empty() && line.steps.empty() &&
      line_sets->min == line_sets->max && line_sets->max != source.scheme_count->count &&
      !one_complex) {
    if (stated_sets_total(block, source.lines) != source.scheme_count->count) {
      block.warnings.push_back("\"" + std::string(source.lines[line_index].text) + "\" states " +
                               sets_noun(line_sets->max) + ", but the scheme states " +
                               sets_noun(source.scheme_count->count) +
                               ": the line's count is used");
    }
    count = SetCount{line_sets->max, "movement line"};
  }
  if (!count && apply_table) {
    count = table_count(block, source.lines);
  }
  if (!count || count->count <= 0 || count->count > kMaxSets) {
    return;
  }
  if (first_movement) {
    check_table_against_count(block, source.lines, *count);
  }
  if (source.scheme_count && !line.rep_scheme.empty()) {
    warn_sequence_length(block, source.lines, line_index, line.rep_scheme.size(), *count);
  }
  const std::vector<int>* scheme_sequence = source.scheme_sequence;
  if (scheme_sequence != nullptr && (scheme_sequence->empty() || counts_items(line.line))) {
    scheme_sequence = nullptr;
  }
  // "4-6 sets": the sets past the least count are optional, unless the scheme sets the count.
  const int least_count =
      !source.scheme_count && line_sets ? line_sets->min : std::numeric_limits<int>::max();
  reserve_sets(block, static_cast<std::size_t>(count->count));
  // The reference the last row named: "Set 1 - @ 68% of 1-RM Snatch", "Set 2 - @ 72%" is 72% of
  // the snatch too, even under a complex whose first lift is another.
  const std::optional<RmRef>* table_reference = &line_intensity.of;
  for (int set = 1; set <= count->count; ++set) {
    const std::optional<RowView> row =
        row_for_set(block, source.lines, line.steps, set, apply_table);
    std::optional<CountRange> reps = line_reps;
    bool reps_at_least = line.reps_at_least;
    if (!reps && scheme_quantities != nullptr) {
      reps = scheme_quantities->reps;
      reps_at_least = scheme_quantities->reps_at_least;
    }
    if (auto sequence = sequence_reps(line.rep_scheme, set)) {
      reps = sequence;
    }
    if (!reps && scheme_sequence != nullptr) {
      reps = sequence_reps(*scheme_sequence, set);
    }
    if (row && *row->reps) {
      reps = *row->reps;
      reps_at_least = row->reps_at_least;
    }
    SetPrescription& prescription =
        add_set(block, movement, set, reps, reps_at_least, row ? *row->intensity : line_intensity);
    // A row without its own reference lift ("*Sets 1-2 = @ 75%") refers to the one an earlier row
    // named, else to the movement's.
    if (row && !row->intensity->of) {
      prescription.intensity.of = *table_reference;
    } else if (row) {
      table_reference = &row->intensity->of;
    }
    prescription.optional = set > least_count;
  }
}

// Whether the movement's one quantity line comes below the block's per-set table and counts sets
// of its own with reps or an intensity, without a scheme count: "Deadlift", "Set 1: 5 @ 65%", …,
// "Set 3: 5+ @ 85%", then "Back off: 2 x 5 @ 65%". Those sets follow the table's.
bool follows_table(const SetSource& source, const BlockMovement& movement) {
  const Block& block = source.block;
  if (source.scheme_count || movement.movement || movement.quantity_lines.size() != 1 ||
      block.intensity_lines.empty() ||
      movement.quantity_lines.front() < block.intensity_lines.back()) {
    return false;
  }
  const std::optional<LineQuantities> line =
      quantities_at(source.lines, movement.quantity_lines.front());
  return line && line->line != nullptr && line->sets && line->sets->min == line->sets->max &&
         line->rep_scheme.empty() && line->steps.empty() &&
         (line->reps || !line->intensity->empty()) && table_count(block, source.lines);
}

// Fills the sets of a movement for which follows_table holds: the table's sets, then the line's.
void fill_table_then_line_sets(Block& block, const SetSource& source,
                               const BlockMovement& movement) {
  const int table_sets = table_count(block, source.lines)->count;
  const LineQuantities line = *quantities_at(source.lines, movement.quantity_lines.front());
  const int line_sets = line.sets->max;
  if (table_sets > kMaxSets || line_sets > kMaxSets - table_sets) {
    return;
  }
  reserve_sets(block, static_cast<std::size_t>(table_sets + line_sets));
  const std::optional<CountRange> no_reps;
  const Intensity no_intensity;
  for (int set = 1; set <= table_sets; ++set) {
    const std::optional<RowView> row = row_for_set(block, source.lines, {}, set, true);
    add_set(block, movement, set, row ? *row->reps : no_reps, row && row->reps_at_least,
            row ? *row->intensity : no_intensity);
  }
  for (int set = table_sets + 1; set <= table_sets + line_sets; ++set) {
    add_set(block, movement, set, line.reps, line.reps_at_least, *line.intensity);
  }
}

// Whether a line states only intensities for sets that another line counts: "@ 75%", or
// "70%, 75%, 80%" and "@ 70-75-80-85-90-92%", one percentage a set, without reps.
bool states_only_intensity(const LineQuantities& line) {
  if (line.reps || !line.rep_scheme.empty()) {
    return false;
  }
  if (line.steps.empty()) {
    return !line.sets && !line.intensity->empty();
  }
  if (line.sets &&
      (line.sets->min != line.sets->max || line.sets->max != static_cast<int>(line.steps.size()))) {
    return false;
  }
  return std::all_of(line.steps.begin(), line.steps.end(), [](const IntensityStep& step) {
    return !step.reps && !step.intensity.empty();
  });
}

// Gives the intensities of a line that states only them (see states_only_intensity) to the sets
// of the line before it, block.sets[begin, end), which state none. "Bench Press 5x5" then "@ 75%"
// is five sets at 75%. "Back Squat 5-5-3-3-1-1" then "@ 70-75-80-85-90-92%" is six sets, each
// with its own percentage. Warns when the percentages are fewer or more than the sets, unless the
// sets' reps repeat with the percentages' period.
void load_sets_above(Block& block, std::size_t begin, std::size_t end, const LineQuantities& line,
                     std::string_view text) {
  const std::size_t count = end - begin;
  if (line.steps.empty()) {
    for (std::size_t index = begin; index < end; ++index) {
      block.sets[index].intensity = *line.intensity;
    }
    return;
  }
  // "Snatch 3-2-1-3-2-1" then "@ 75-80-85%": sets whose reps vary and repeat with as many sets as
  // there are percentages repeat the percentages with them, as on one line.
  const std::size_t period = line.steps.size();
  bool cycles =
      count > period && count % period == 0 &&
      std::any_of(block.sets.begin() + static_cast<std::ptrdiff_t>(begin),
                  block.sets.begin() + static_cast<std::ptrdiff_t>(begin + period),
                  [&](const SetPrescription& set) { return set.reps != block.sets[begin].reps; });
  for (std::size_t index = begin + period; cycles && index < end; ++index) {
    cycles = block.sets[index].reps == block.sets[index - period].reps;
  }
  const std::size_t loaded = cycles ? count : std::min(count, period);
  for (std::size_t index = 0; index < loaded; ++index) {
    block.sets[begin + index].intensity = line.steps[index % period].intensity;
  }
  if (period == count || cycles) {
    return;
  }
  const int first_set = block.sets[begin].set;
  const int sets = static_cast<int>(count);
  const int percentages = static_cast<int>(line.steps.size());
  std::string outcome;
  if (percentages < sets) {
    outcome = set_span(first_set + percentages, first_set + sets - 1) + " without load";
  } else if (percentages - sets == 1) {
    outcome = "the last percentage left out";
  } else {
    outcome = "the last " + std::to_string(percentages - sets) + " percentages left out";
  }
  block.warnings.push_back("\"" + std::string(text) + "\" states " + std::to_string(percentages) +
                           " percentages for the " + sets_noun(sets) + " above it: " + outcome);
}

// Fills the sets of a movement whose lines follow one another, each with its own sets: "Back Squat
// x 3+ @ 85%" then "5x5 @ 75%" is a top set and then five sets, six in all. A line that states no
// count is one set, so "Back Squat", "5 reps @ 70%", "5 reps @ 75%", "3x5 @ 80%" is five sets.
// When the scheme states a count, that count is kept, so extra sets are left out and missing
// ones have neither reps nor intensity.
void fill_sequence_sets(Block& block, const SetSource& source, const BlockMovement& movement) {
  // Number of sets a line of the sequence gives: one unless it states a count.
  const auto line_count = [](const LineQuantities& line) {
    if (line.sets) {
      return line.sets->max;
    }
    if (!line.rep_scheme.empty()) {
      return static_cast<int>(line.rep_scheme.size());
    }
    if (!line.steps.empty()) {
      return static_cast<int>(line.steps.size());
    }
    return 1;
  };
  // "Snatch x 2" then "3 sets @ 80%": a first line with reps but neither a count nor an intensity
  // gives its reps to the lines after it instead of a set of its own.
  const LineQuantities first = *quantities_at(source.lines, movement.quantity_lines.front());
  const bool reps_only_first = movement.quantity_lines.size() > 1 && !first.sets &&
                               first.rep_scheme.empty() && first.steps.empty() &&
                               first.intensity->empty() && first.reps;
  // "Three sets of:", "Snatch x 2 reps", "@ 75%": the only line that gives sets, when it states no
  // count, has one set for each of the scheme's.
  const std::size_t giving_lines = movement.quantity_lines.size() - (reps_only_first ? 1 : 0);
  const auto states_count = [](const LineQuantities& line) {
    return line.sets || !line.rep_scheme.empty() || !line.steps.empty();
  };
  const int uncounted_sets = giving_lines == 1 && source.scheme_count &&
                                     source.scheme_count->count > 0 &&
                                     source.scheme_count->count <= kMaxSets
                                 ? source.scheme_count->count
                                 : 1;
  const auto sets_of = [&](const LineQuantities& line) {
    return states_count(line) ? line_count(line) : uncounted_sets;
  };
  int total = 0;
  for (const std::size_t index : movement.quantity_lines) {
    total += std::clamp(sets_of(*quantities_at(source.lines, index)), 0, kMaxSets);
  }
  reserve_sets(block, static_cast<std::size_t>(std::min(total, kMaxSets)));

  int set = 0;
  const std::size_t first_set = block.sets.size();
  // The sets of the line before, and whether any of them states an intensity: a line that states
  // only intensities loads them when none does (see load_sets_above).
  std::size_t above_begin = first_set;
  bool above_loaded = true;
  for (const std::size_t index : movement.quantity_lines) {
    const LineQuantities line = *quantities_at(source.lines, index);
    if (!above_loaded && states_only_intensity(line)) {
      load_sets_above(block, above_begin, block.sets.size(), line, source.lines[index].text);
      above_loaded = true;
      continue;
    }
    // "Front Squat 3x3", "@ 80%", "@ 85%": the second percentage has no sets left to load.
    if (block.sets.size() > first_set && states_only_intensity(line) && line.steps.empty()) {
      block.warnings.push_back("\"" + std::string(source.lines[index].text) +
                               "\" states only an intensity after sets that state one, so it is "
                               "read as one more set, without reps");
    }
    above_begin = block.sets.size();
    const bool skipped = reps_only_first && index == movement.quantity_lines.front();
    const int count = skipped ? 0 : sets_of(line);
    for (int step = 1; step <= count && set < kMaxSets; ++step) {
      const std::optional<RowView> row = row_for_set(block, source.lines, line.steps, step, false);
      std::optional<CountRange> reps = line.reps;
      bool line_reps_at_least = line.reps_at_least;
      if (!reps && reps_only_first) {
        reps = first.reps;
        line_reps_at_least = first.reps_at_least;
      }
      if (auto sequence = sequence_reps(line.rep_scheme, step)) {
        reps = sequence;
      }
      const bool reps_at_least = row ? row->reps_at_least : line_reps_at_least;
      if (row && *row->reps) {
        reps = *row->reps;
      }
      SetPrescription& added = add_set(block, movement, ++set, reps, reps_at_least,
                                       row ? *row->intensity : *line.intensity);
      added.optional = line.sets && step > line.sets->min;
    }
    above_loaded =
        std::any_of(block.sets.begin() + static_cast<std::ptrdiff_t>(above_begin), block.sets.end(),
                    [](const SetPrescription& added) { return !added.intensity.empty(); });
    above_loaded = above_loaded || block.sets.size() == above_begin;
  }
  if (!source.scheme_count || source.scheme_count->count == set ||
      source.scheme_count->count > kMaxSets) {
    return;
  }
  const int stated = source.scheme_count->count;
  const std::size_t named_line = movement.line.value_or(movement.quantity_lines.front());
  block.warnings.push_back("\"" + std::string(source.lines[named_line].text) +
                           "\" and the lines after it give " + sets_noun(set) +
                           ", but the scheme states " + sets_noun(stated) + ": " +
                           (set > stated ? set_span(stated + 1, set) + " left out"
                                         : set_span(set + 1, stated) + " without reps or load"));
  if (set > stated) {
    block.sets.resize(first_set + static_cast<std::size_t>(stated));
  }
  for (int missing = set + 1; missing <= stated; ++missing) {
    add_set(block, movement, missing, std::nullopt, false, Intensity{});
  }
}

// Whether minute `minute` of a clock is one of the selected minutes. Numbered minutes repeat
// every `cycle` minutes when the line numbers fewer minutes than the clock has: "Min 1: … / Min
// 2: … / Min 3: …" under "EMOM 12" covers minutes 1-3, then 4-6, and so on.
bool selects_minute(const MinuteSelection& minutes, int minute, int cycle) {
  switch (minutes.parity) {
    case MinuteParity::kOdd:
      return minute % 2 == 1;
    case MinuteParity::kEven:
      return minute % 2 == 0;
    case MinuteParity::kAny:
      break;
  }
  const int numbered = cycle > 0 ? (minute - 1) % cycle + 1 : minute;
  return minutes.first && minutes.last && numbered >= *minutes.first && numbered <= *minutes.last;
}

// Fills the sets of one movement of an alternating line ("Odd: 3 Power Cleans @ 75%, Even: 10
// Burpees"): one for each of its minutes in the clock before it, with the intensity its minutes
// state (see movement_intensity).
void fill_alternating_sets(Block& block, const SetSource& source, const BlockMovement& movement) {
  if (!source.clock_minutes || *source.clock_minutes > kMaxSets) {
    return;
  }
  const MovementLine& line = *movement.named;
  const Movement& item = line.movements[*movement.movement];
  int cycle = 0;
  for (const Movement& other : line.movements) {
    if (!other.minutes || other.minutes->parity != MinuteParity::kAny) {
      continue;
    }
    cycle = other.minutes->last ? std::max(cycle, *other.minutes->last) : cycle;
  }
  const Intensity intensity = movement_intensity(line, movement.movement);
  // At most one set a minute.
  reserve_sets(block, static_cast<std::size_t>(std::max(*source.clock_minutes, 0)));
  int set = 0;
  for (int minute = 1; minute <= *source.clock_minutes; ++minute) {
    if (item.minutes && selects_minute(*item.minutes, minute, cycle)) {
      add_set(block, movement, ++set, item.reps, false, intensity);
    }
  }
}

// The minutes that a numbered minute line of a clock's block selects ("Min 1: 3 Power Snatch" under
// "EMOM 9"), or null for the other movements. The block's own scheme line is not one of them.
const MinuteSelection* numbered_minutes(const Block& block, const BlockMovement& movement,
                                        const std::vector<ParsedLine>& lines) {
  if (!movement.line || movement.line == block.scheme_line) {
    return nullptr;
  }
  const SchemeLine* scheme = lines[*movement.line].scheme();
  if (scheme == nullptr || !scheme->scheme.minutes ||
      scheme->scheme.minutes->parity != MinuteParity::kAny) {
    return nullptr;
  }
  return &*scheme->scheme.minutes;
}

// Last minute that the numbered minute lines and rest lines of a clock's block name: "Min 1: …",
// "Min 2: …", "Min 3: Rest" repeat every 3 minutes.
int minute_cycle(const Block& block, const std::vector<ParsedLine>& lines) {
  int cycle = 0;
  const auto extend = [&cycle](const std::optional<MinuteSelection>& minutes) {
    if (minutes && minutes->parity == MinuteParity::kAny && minutes->last) {
      cycle = std::max(cycle, *minutes->last);
    }
  };
  for (const std::size_t index : block.movement_lines) {
    if (const SchemeLine* scheme = lines[index].scheme()) {
      extend(scheme->scheme.minutes);
    }
  }
  for (const std::size_t index : block.rest_lines) {
    extend(lines[index].rest()->minutes);
  }
  return cycle;
}

// Fills the sets of a numbered minute line in the block of its clock ("Min 1: 3 Power Snatch @
// 70%" under "EMOM 9"), or of one movement of its list. Each minute the line selects is one set,
// with the reps and intensity of the line or of that movement. The minutes repeat as in
// selects_minute.
void fill_minute_sets(Block& block, const SetSource& source, const BlockMovement& movement,
                      const MinuteSelection& minutes) {
  const std::optional<int> clock =
      minute_clock_length(source.lines[*block.scheme_line].scheme()->scheme);
  if (!clock || *clock > kMaxSets) {
    return;
  }
  const MovementLine& line = *movement.named;
  const std::optional<CountRange>& reps =
      movement.movement ? line.movements[*movement.movement].reps : line.reps;
  const Intensity intensity = movement_intensity(line, movement.movement);
  const int cycle = minute_cycle(block, source.lines);
  reserve_sets(block, static_cast<std::size_t>(std::max(*clock, 0)));
  int set = 0;
  for (int minute = 1; minute <= *clock; ++minute) {
    if (selects_minute(minutes, minute, cycle)) {
      add_set(block, movement, ++set, reps, line.reps_at_least, intensity);
    }
  }
}

// Whether the block has a per-set table and every row of it leaves the lift to the movement
// ("*Sets 1-2 = @ 70%"), so that the table can apply to each movement of the block, each with its
// own max. Intensity lines without set numbers ("5 reps @ 75%") are no rows of the table.
bool table_names_no_lift(const Block& block, const std::vector<ParsedLine>& lines) {
  bool has_rows = false;
  for (const std::size_t index : block.intensity_lines) {
    const IntensityLine& row = *lines[index].intensity();
    if (!row.sets) {
      continue;
    }
    if (row.intensity.of ||
        std::any_of(row.steps.begin(), row.steps.end(),
                    [](const IntensityStep& step) { return step.intensity.of.has_value(); })) {
      return false;
    }
    has_rows = true;
  }
  return has_rows;
}

// Whether a movement other than the block's first has its own intensity, and so sets of its own.
bool has_own_intensity(const Block& block, const BlockMovement& movement,
                       const std::vector<ParsedLine>& lines) {
  // Each movement of an alternating line, and each numbered minute line, has its own minutes.
  // Each movement of a list whose movements state intensities has its own.
  if (movement.movement || numbered_minutes(block, movement, lines) != nullptr) {
    return true;
  }
  return std::any_of(movement.quantity_lines.begin(), movement.quantity_lines.end(),
                     [&](std::size_t index) {
                       const LineQuantities line = *quantities_at(lines, index);
                       return !line.intensity->empty() || !line.steps.empty();
                     });
}

// Fills the sets of a block that names no movement, "Three sets of:" with a per-set table: the
// count comes from the scheme, else from the table.
void fill_unnamed_sets(Block& block, const SetSource& source) {
  std::optional<SetCount> count = source.scheme_count;
  if (!count) {
    count = table_count(block, source.lines);
  }
  if (!count || count->count <= 0 || count->count > kMaxSets) {
    return;
  }
  check_table_against_count(block, source.lines, *count);
  reserve_sets(block, static_cast<std::size_t>(count->count));
  for (int set = 1; set <= count->count; ++set) {
    const std::optional<RowView> row = row_for_set(block, source.lines, {}, set, true);
    std::optional<CountRange> reps = row ? *row->reps : std::nullopt;
    if (!reps && source.scheme_sequence != nullptr) {
      reps = sequence_reps(*source.scheme_sequence, set);
    }
    add_set(block, BlockMovement{}, set, reps, row ? row->reps_at_least : false,
            row ? *row->intensity : Intensity{});
  }
}

// Fills block.sets. movements is scratch space, reused from block to block so that a part's
// blocks allocate it once.
void fill_sets(Block& block, const std::vector<ParsedLine>& lines,
               std::optional<int> inherited_sets, std::optional<int> clock_minutes,
               std::vector<BlockMovement>& movements) {
  SetSource source{block, lines, scheme_count(block, lines, inherited_sets), nullptr,
                   clock_minutes};
  if (block.scheme_line) {
    const SchemeLine& scheme = *lines[*block.scheme_line].scheme();
    source.scheme_sequence = &scheme.scheme.rep_scheme;
    if (scheme.movement && scheme.movement->movements.empty()) {
      source.scheme_quantities = &*scheme.movement;
    }
  }
  collect_block_movements(block, lines, movements);
  // A table whose rows name no lift sets the sets of every movement of one line that states no
  // intensity of its own: "Snatch x 1", "Clean Pull x 2", "*Sets 1-2 = @ 70%".
  const bool shared_table = table_names_no_lift(block, lines);
  for (std::size_t index = 0; index < movements.size(); ++index) {
    const BlockMovement& movement = movements[index];
    const bool own_intensity = index == 0 || has_own_intensity(block, movement, lines);
    const bool table_only =
        !own_intensity && shared_table && !movement.movement && movement.quantity_lines.size() == 1;
    if (!own_intensity && !table_only) {
      continue;
    }
    if (movement.movement && movement.named->grouping == Grouping::kAlternating) {
      fill_alternating_sets(block, source, movement);
    } else if (const MinuteSelection* minutes = numbered_minutes(block, movement, lines)) {
      fill_minute_sets(block, source, movement, *minutes);
    } else if (movement.quantity_lines.size() > 1) {
      fill_sequence_sets(block, source, movement);
    } else if (index == 0 && follows_table(source, movement)) {
      fill_table_then_line_sets(block, source, movement);
    } else if (!movement.quantity_lines.empty()) {
      fill_line_sets(block, source, movement, index == 0, index == 0 || table_only);
    }
  }
  if (movements.empty()) {
    fill_unnamed_sets(block, source);
  }
}

// "Deadlift 5/3/1" then "65% x 5", "75% x 5", "85% x 5+": the percentages of the sets of a
// movement line that names the program, on its line or below it, are of the training max unless
// they name another reference.
void refer_program_sets_to_training_max(Block& block, const std::vector<ParsedLine>& lines) {
  for (SetPrescription& set : block.sets) {
    if (!set.movement_line || !set.intensity.percent || set.intensity.of) {
      continue;
    }
    const MovementLine* line = movement_line_at(lines, *set.movement_line);
    if (line != nullptr && line->training_max_program) {
      set.intensity.of = RmRef{.training_max = true};
    }
  }
}

// A scheme line that states only a time cap: "Time cap: 14 minutes".
bool is_lone_time_cap(const ParsedLine& line) {
  const SchemeLine& scheme = *line.scheme();
  return scheme.scheme.type == SchemeType::kForTime && scheme.scheme.time_cap_seconds &&
         !scheme.scheme.rounds && scheme.scheme.rep_scheme.empty() && !scheme.movement;
}

// Whether a time cap line can join the block: its scheme is a clock that has no cap yet.
bool caps_time(const Block& block, const std::vector<ParsedLine>& lines) {
  if (!block.scheme_line) {
    // "21-15-9: Thrusters, Pull-ups" then "TC: 12 min": a rep sequence of several movements is
    // raced, and the cap after it is its cap.
    const MovementLine* named = block.movement_lines.size() == 1
                                    ? movement_line_at(lines, block.movement_lines.front())
                                    : nullptr;
    return named != nullptr && named->grouping == Grouping::kList && !named->rep_scheme.empty();
  }
  const Scheme& scheme = lines[*block.scheme_line].scheme()->scheme;
  return !scheme.time_cap_seconds && scheme.type != SchemeType::kSets;
}

// Whether the block's scheme is a clock whose own line alternates movements over all its minutes:
// "EMOM 10: Odd: 3 Power Cleans @ 75%, Even: 10 Burpees".
bool names_every_minute(const Block& block, const std::vector<ParsedLine>& lines) {
  if (!block.scheme_line) {
    return false;
  }
  const SchemeLine& scheme = *lines[*block.scheme_line].scheme();
  return scheme.movement && scheme.movement->grouping == Grouping::kAlternating &&
         !scheme.scheme.minutes && minute_clock_length(scheme.scheme);
}

// Whether line, a movement line that states sets of its own, is other work than the block's
// scheme line, which names movements that take all of the scheme's sets: "Pendlay Row 4 x 8"
// after "EMOM 10: 3 Power Cleans @ 70%". Under "E2MOM x 10: Snatch 5 x 2" the snatch states its
// count, and "Clean & Jerk 5 x 1" below it shares the clock.
bool fills_scheme_sets(const Block& block, const MovementLine& line,
                       const std::vector<ParsedLine>& lines) {
  if (!block.scheme_line || !line.sets || !block.movement_lines.empty()) {
    return false;
  }
  const SchemeLine& scheme = *lines[*block.scheme_line].scheme();
  return scheme.movement && !scheme.movement->movements.empty() && !scheme.movement->sets &&
         scheme.movement->rep_scheme.empty() && scheme.movement->steps.empty();
}

// A scheme that selects minutes of the clock before it: "Odd: …", "Odd: …, Even: …".
bool runs_within_clock(const SchemeLine& scheme) {
  return (scheme.scheme.minutes && scheme.scheme.minutes->parity != MinuteParity::kAny) ||
         (scheme.movement && scheme.movement->grouping == Grouping::kAlternating);
}

// Sets of such a scheme within a clock of clock_minutes: the odd or even minutes, or every minute
// for alternating movements.
std::optional<int> sets_within(const SchemeLine& scheme, std::optional<int> clock_minutes) {
  if (!clock_minutes) {
    return std::nullopt;
  }
  if (!scheme.scheme.minutes) {
    return clock_minutes;
  }
  return scheme.scheme.minutes->parity == MinuteParity::kOdd ? (*clock_minutes + 1) / 2
                                                             : *clock_minutes / 2;
}

// Whether a scheme line that numbers minutes and names their movements ("Min 1: 3 Power Snatch @
// 70%") is one of the movement lines of the block's clock ("EMOM 9"), so that the minutes of all
// such lines share that clock. Its minutes must lie within the clock.
bool joins_minute_clock(const Block& block, const ParsedLine& line,
                        const std::vector<ParsedLine>& lines) {
  const SchemeLine& scheme = *line.scheme();
  const std::optional<MinuteSelection>& minutes = scheme.scheme.minutes;
  if (!block.scheme_line || !minutes || minutes->parity != MinuteParity::kAny || !minutes->last ||
      !scheme.movement || scheme.movement->movements.empty() ||
      scheme.movement->grouping == Grouping::kAlternating) {
    return false;
  }
  const Scheme& clock = lines[*block.scheme_line].scheme()->scheme;
  const std::optional<int> clock_minutes = minute_clock_length(clock);
  return !clock.minutes && clock_minutes && *minutes->last <= *clock_minutes;
}

// Whether the text, as written, ends in a colon: "With empty bar:". A plain loop, because
// find_last_not_of calls memchr for every character.
bool ends_with_colon(std::string_view text) {
  for (std::size_t index = text.size(); index > 0; --index) {
    const char c = text[index - 1];
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v') {
      return c == ':';
    }
  }
  return false;
}

// Whether a scheme line is only a count of sets or rounds, "5 sets", that counts the sets of the
// movement lines above it in the open block: they state no sets, and no scheme or heading opened
// the block. A count that ends in a colon ("3 Rounds:") opens a block of its own instead.
bool counts_sets_above(const Block& block, const ParsedLine& line,
                       const std::vector<ParsedLine>& lines) {
  const SchemeLine& scheme = *line.scheme();
  const bool bare_count =
      (scheme.scheme.type == SchemeType::kSets || scheme.scheme.type == SchemeType::kRounds) &&
      !scheme.movement && !scheme.scheme.minutes && !scheme.scheme.every_seconds &&
      !scheme.scheme.duration_seconds && (scheme.scheme.sets || scheme.scheme.rounds);
  if (!bare_count || ends_with_colon(line.text) || block.scheme_line || block.heading_line ||
      block.target_line || block.movement_lines.empty() || !block.intensity_lines.empty()) {
    return false;
  }
  return std::all_of(block.movement_lines.begin(), block.movement_lines.end(),
                     [&lines](std::size_t index) {
                       const MovementLine* movement = lines[index].movement();
                       return movement != nullptr && !movement->sets && movement->steps.empty();
                     });
}

// Whether the block already has the movements it is done with, in its own lines or after its
// scheme's colon ("1 Round: Hold bottom of Air Squat for 1 minute"), so that a heading after it
// introduces other work.
bool has_movements(const Block& block, const std::vector<ParsedLine>& lines) {
  if (!block.movement_lines.empty() || !block.intensity_lines.empty()) {
    return true;
  }
  if (!block.scheme_line) {
    return false;
  }
  const SchemeLine& scheme = *lines[*block.scheme_line].scheme();
  return scheme.movement && !scheme.movement->movements.empty();
}

// Whether the note at index heads a block of its own. It does when it ends in a colon, a line
// naming movements follows it, and the open block, if any, already has its movements. Under a
// scheme still waiting for its movements ("Every 2 minutes x 5:", "Complete the following:") such a
// note stays one of the scheme's notes.
bool opens_group(const std::vector<ParsedLine>& lines, std::size_t index, const Block* open_block) {
  if (!ends_with_colon(lines[index].text) || index + 1 >= lines.size()) {
    return false;
  }
  const MovementLine* next = lines[index + 1].movement();
  if (next == nullptr || next->movements.empty()) {
    return false;
  }
  return open_block == nullptr || has_movements(*open_block, lines);
}

// Appends index to one of a block's lists of lines.
void append_line(LineIndices& list, std::size_t index) {
  list.push_back(index);
}

}  // namespace

const MovementLine* movement_line_at(const std::vector<ParsedLine>& lines, std::size_t index) {
  if (const MovementLine* movement = lines[index].movement()) {
    return movement;
  }
  const SchemeLine* scheme = lines[index].scheme();
  return scheme != nullptr && scheme->movement ? &*scheme->movement : nullptr;
}

std::optional<LineQuantities> quantities_at(const std::vector<ParsedLine>& lines,
                                            std::size_t index) {
  if (const MovementLine* movement = movement_line_at(lines, index)) {
    return LineQuantities{movement,
                          movement->sets,
                          movement->reps,
                          movement->reps_at_least,
                          movement->rep_scheme,
                          movement->steps,
                          &movement->intensity};
  }
  if (const IntensityLine* row = lines[index].intensity()) {
    return LineQuantities{nullptr, std::nullopt, row->reps,      row->reps_at_least,
                          {},      row->steps,   &row->intensity};
  }
  return std::nullopt;
}

Intensity movement_intensity(const MovementLine& line, std::optional<std::size_t> movement) {
  if (!movement) {
    return line.intensity;
  }
  const Movement& item = line.movements[*movement];
  if (item.intensity) {
    return *item.intensity;
  }
  return item.without_intensity ? Intensity{} : line.intensity;
}

std::vector<BlockMovement> block_movements(const Block& block,
                                           const std::vector<ParsedLine>& lines) {
  std::vector<BlockMovement> movements;
  collect_block_movements(block, lines, movements);
  return movements;
}

namespace {

// Whether each movement of the line has sets of its own: those of an alternating line, and those
// of a list whose movements state intensities ("Snatch x 2 @ 70%, Clean x 2 @ 80%") or sets
// ("Snatch 3x2, Clean 3x2").
bool splits_by_movement(const MovementLine& line) {
  if (line.grouping == Grouping::kAlternating) {
    return true;
  }
  return line.grouping == Grouping::kList &&
         std::any_of(line.movements.begin(), line.movements.end(), [](const Movement& item) {
           return item.intensity.has_value() || item.without_intensity || item.sets;
         });
}

// Whether an intensity line continues the sequence of the movement before it rather than being a
// row of the block's per-set table: it names no set numbers, as "5 reps @ 75%" and "5 @ 75%".
bool continues_sequence(const IntensityLine& row) {
  return !row.sets;
}

void collect_block_movements(const Block& block, const std::vector<ParsedLine>& lines,
                             std::vector<BlockMovement>& movements) {
  movements.clear();
  if (block.scheme_line) {
    const SchemeLine& scheme = *lines[*block.scheme_line].scheme();
    if (scheme.movement && !scheme.movement->movements.empty()) {
      if (splits_by_movement(*scheme.movement)) {
        for (std::size_t item = 0; item < scheme.movement->movements.size(); ++item) {
          movements.push_back(
              BlockMovement{block.scheme_line, item, &*scheme.movement, {*block.scheme_line}});
        }
      } else {
        movements.push_back(BlockMovement{block.scheme_line, std::nullopt, &*scheme.movement, {}});
        if (states_quantities(*scheme.movement)) {
          movements.back().quantity_lines.push_back(*block.scheme_line);
        }
      }
    }
  }
  // Intensity lines without set numbers join the movement before them, in line order with its
  // lines of quantities only. One before any movement, or after a movement of an alternating line
  // or of a list with intensities of their own, joins no movement.
  std::size_t next_row = 0;
  const auto add_rows_before = [&](std::size_t end) {
    for (; next_row < block.intensity_lines.size() && block.intensity_lines[next_row] < end;
         ++next_row) {
      const std::size_t row = block.intensity_lines[next_row];
      if (!movements.empty() && !movements.back().movement &&
          continues_sequence(*lines[row].intensity())) {
        movements.back().quantity_lines.push_back(row);
      }
    }
  };
  // A named line that states quantities gives the first of its movement's lines. Without them
  // ("Back Squat" then "5x5 @ 75%"), the lines of quantities after it give all of them, and the
  // named line counts only when none follows.
  for (const std::size_t index : block.movement_lines) {
    add_rows_before(index);
    const MovementLine& line = *movement_line_at(lines, index);
    if (splits_by_movement(line)) {
      for (std::size_t item = 0; item < line.movements.size(); ++item) {
        movements.push_back(BlockMovement{index, item, &line, {index}});
      }
    } else if (!line.movements.empty()) {
      movements.push_back(BlockMovement{index, std::nullopt, &line, {}});
      BlockMovement& movement = movements.back();
      if (states_quantities(line)) {
        movement.quantity_lines.push_back(index);
      }
    } else if (movements.empty() || movements.back().movement) {
      movements.push_back(BlockMovement{std::nullopt, std::nullopt, nullptr, {index}});
    } else {
      movements.back().quantity_lines.push_back(index);
    }
  }
  add_rows_before(lines.size());
  for (BlockMovement& movement : movements) {
    if (movement.quantity_lines.empty()) {
      movement.quantity_lines = LineIndices{*movement.line};
    }
  }
}

}  // namespace

std::vector<Block> build_blocks(const std::vector<ParsedLine>& lines,
                                std::optional<int> carried_sets) {
  std::vector<Block> blocks;
  std::size_t block_starts = 0;  // lines that may start a block: at most that many blocks
  for (const ParsedLine& line : lines) {
    block_starts += line.kind != LineKind::kNote && line.kind != LineKind::kRest ? 1 : 0;
    block_starts += line.kind == LineKind::kNote && ends_with_colon(line.text) ? 1 : 0;
  }
  blocks.reserve(block_starts);
  bool open = false;  // whether the last block still takes lines
  auto start_block = [&]() -> Block& {
    blocks.emplace_back();
    open = true;
    return blocks.back();
  };

  for (std::size_t index = 0; index < lines.size(); ++index) {
    const ParsedLine& line = lines[index];
    switch (line.kind) {
      case LineKind::kScheme:
        if (open && is_lone_time_cap(line) && caps_time(blocks.back(), lines)) {
          append_line(blocks.back().note_lines, index);  // "Time cap: 14 minutes" under "For time:"
          break;
        }
        if (open && joins_minute_clock(blocks.back(), line, lines)) {
          append_line(blocks.back().movement_lines, index);  // "Min 1: …" under "EMOM 9"
          break;
        }
        // "5 sets" under "Back Squat x 5 reps @ 80%" counts the squat's sets and ends its block,
        // so that a movement on the next line is other work.
        if (open && counts_sets_above(blocks.back(), line, lines)) {
          blocks.back().scheme_line = index;
          open = false;
          break;
        }
        start_block().scheme_line = index;
        break;
      case LineKind::kTarget:
        start_block().target_line = index;
        open = false;
        break;
      case LineKind::kMovement: {
        const bool names_movements = !line.movement()->movements.empty();
        // Without a scheme or a heading, each named movement line is its own piece of work. A
        // line of quantities only ("5x5 @ 75%") belongs to the movement before it. A clock whose
        // line names the movements of all its minutes takes no more.
        const bool closed_clock = open && names_movements &&
                                  (names_every_minute(blocks.back(), lines) ||
                                   fills_scheme_sets(blocks.back(), *line.movement(), lines));
        // "Snatch – build to a heavy single" then "Then 3 x 2 @ 80%": sets of the target's lift.
        const bool after_target =
            !open && !names_movements && !blocks.empty() && blocks.back().target_line == index - 1;
        const bool joins =
            after_target || (open && !closed_clock &&
                             (blocks.back().scheme_line || blocks.back().heading_line ||
                              !names_movements || blocks.back().movement_lines.empty()));
        append_line((joins ? blocks.back() : start_block()).movement_lines, index);
        open = open || after_target;
        break;
      }
      case LineKind::kIntensity:
        append_line((open ? blocks.back() : start_block()).intensity_lines, index);
        break;
      case LineKind::kRest:
        if (open) {
          append_line(blocks.back().rest_lines, index);
        }
        break;
      case LineKind::kNote:
        if (ends_block(line)) {
          open = false;
        } else if (opens_group(lines, index, open ? &blocks.back() : nullptr)) {
          start_block().heading_line = index;  // "With empty bar:" and the lines after it
        } else if (!blocks.empty()) {
          append_line(blocks.back().note_lines, index);
        }
        break;
    }
  }
  std::optional<int> clock_minutes;  // minutes of the last whole-minute clock, "EMOM 12"
  Block* clock_block = nullptr;      // the block of that clock
  std::vector<BlockMovement> movements;
  if (!blocks.empty()) {
    // Growing from one movement at a time would move the earlier ones, each with its inline line
    // list, on every growth. Eight is an estimate of a large block, and more still fit.
    constexpr std::size_t kTypicalBlockMovements = 8;
    movements.reserve(kTypicalBlockMovements);
  }
  for (Block& block : blocks) {
    // A count carried from an earlier part is for the part's first block only: "A1. Bench Press
    // x 8" under "3 Rounds:", and not the lines after it that no label split from it.
    std::optional<int> inherited_sets =
        block.scheme_line || &block != &blocks.front() ? std::nullopt : carried_sets;
    std::optional<int> within_minutes;  // minutes of the clock the block runs within
    if (block.scheme_line) {
      const SchemeLine& scheme = *lines[*block.scheme_line].scheme();
      // "EMOM 10: Odd: 3 Power Cleans, Even: 10 Burpees" is a clock of its own, and the minutes
      // after its colon run on it.
      const std::optional<int> length = minute_clock_length(scheme.scheme);
      const bool own_clock = length && !scheme.scheme.minutes;
      if (runs_within_clock(scheme) && !own_clock) {
        inherited_sets = sets_within(scheme, clock_minutes);
        within_minutes = clock_minutes;
        // "EMOM 12:" alone, then "Odd: 3 Power Cleans" and "Even: 12 Cal Row": the minutes'
        // blocks hold the clock's sets, which the clock's own block would count a second time.
        if (clock_minutes && clock_block != nullptr && clock_block->movement_lines.empty() &&
            clock_block->intensity_lines.empty()) {
          clock_block->sets.clear();
        }
      } else {
        clock_minutes = length;
        clock_block = &block;
        if (scheme.movement && scheme.movement->grouping == Grouping::kAlternating) {
          within_minutes = clock_minutes;
        }
      }
    }
    check_set_numbers(block, lines);
    fill_sets(block, lines, inherited_sets, within_minutes, movements);
    refer_program_sets_to_training_max(block, lines);
    for (const std::size_t index : block.movement_lines) {
      const MovementLine* line = movement_line_at(lines, index);
      if (line != nullptr && !line->warning.empty()) {
        block.warnings.push_back("\"" + std::string(lines[index].text) + "\" " + line->warning);
      }
    }
  }
  return blocks;
}

namespace {

// Bytes of the texts a segment's part parses: the heading's remainder and every line.
std::size_t text_size(const Segment& segment) {
  std::size_t size = segment.heading_rest.size();
  for (const Line& line : segment.lines) {
    size += line.text.size();
  }
  return size;
}

// Buffer for the texts of segments, which fill_part copies in, shared by their parts.
std::shared_ptr<char[]> make_text_storage(const std::vector<Segment>& segments) {
  std::size_t size = 0;
  for (const Segment& segment : segments) {
    size += text_size(segment);
  }
  return std::make_shared_for_overwrite<char[]>(size);
}

// Returns the set count of the scheme that ends part alone, with no movement after it and a colon
// after its count: "3 Rounds:" before the parts "A1." and "A2.", which it is for. Nothing
// otherwise.
std::optional<int> trailing_scheme_count(const PartPrescription& part) {
  if (part.blocks.empty()) {
    return std::nullopt;
  }
  const Block& last = part.blocks.back();
  if (!last.scheme_line || !last.movement_lines.empty() || !last.intensity_lines.empty() ||
      *last.scheme_line + 1 != part.lines.size() || !ends_with_colon(part.lines.back().text)) {
    return std::nullopt;
  }
  const SchemeLine& scheme = *part.lines[*last.scheme_line].scheme();
  if (scheme.movement) {
    return std::nullopt;
  }
  if (scheme.scheme.sets && scheme.scheme.sets->min == scheme.scheme.sets->max) {
    return scheme.scheme.sets->max;
  }
  return scheme.scheme.rounds;
}

// Fills part, a new PartPrescription, from segment: building it in place spares moving its label
// and heading strings into the caller's vector. The texts are copied into storage from offset
// used on, which is advanced past them, and the lines view those copies. carried_sets goes to
// build_blocks.
void fill_part(PartPrescription& part, const Segment& segment,
               const std::shared_ptr<char[]>& storage, std::size_t& used,
               std::optional<int> carried_sets = std::nullopt) {
  const Vocabulary& vocabulary = default_vocabulary();
  part.label = segment.label;
  part.heading = segment.heading.text;
  part.text_storage = storage;
  part.lines.reserve(segment.lines.size() + 1);
  const auto parse = [&](const std::string& text) {
    char* const copy = storage.get() + used;
    if (!text.empty()) {
      std::memcpy(copy, text.data(), text.size());
    }
    used += text.size();
    ParsedLine& line = part.lines.emplace_back();
    line.text = std::string_view(copy, text.size());
    parse_prescription_text(line, vocabulary);
  };
  if (!segment.heading_rest.empty()) {
    parse(segment.heading_rest);
  }
  for (const Line& line : segment.lines) {
    parse(line.text);
  }
  part.blocks = build_blocks(part.lines, carried_sets);
}

}  // namespace

PartPrescription prescribe_segment(const Segment& segment) {
  PartPrescription part;
  std::size_t used = 0;
  fill_part(part, segment, std::make_shared_for_overwrite<char[]>(text_size(segment)), used);
  return part;
}

std::vector<PartPrescription> prescribe_segments(const std::vector<Segment>& segments) {
  std::vector<PartPrescription> parts;
  parts.reserve(segments.size());
  const std::shared_ptr<char[]> storage = make_text_storage(segments);
  std::size_t used = 0;
  // "3 Rounds:" ending a part, then "A1. Bench Press x 8" and "A2. Pendlay Row x 8": the parts
  // numbered under one letter right after it take its count.
  std::optional<std::size_t> scheme_part;
  std::optional<int> carried_sets;
  char carried_letter = 0;
  for (const Segment& segment : segments) {
    const char letter = numbered_part_letter(segment.label);
    const bool carries =
        carried_sets && letter != 0 && (carried_letter == 0 || carried_letter == letter);
    PartPrescription& part = parts.emplace_back();
    fill_part(part, segment, storage, used, carries ? carried_sets : std::nullopt);
    if (carries) {
      part.scheme_part = scheme_part;
      // The scheme's own sets, which name no movement, are the numbered parts' sets instead.
      if (carried_letter == 0) {
        parts[*scheme_part].blocks.back().sets.clear();
      }
      carried_letter = letter;
      continue;
    }
    carried_sets = trailing_scheme_count(part);
    scheme_part = parts.size() - 1;
    carried_letter = 0;
  }
  return parts;
}

std::vector<std::string> part_warnings(const PartPrescription& part) {
  std::vector<std::string> warnings;
  for (const ParsedLine& line : part.lines) {
    if (const SchemeLine* scheme = line.scheme(); scheme != nullptr && !scheme->warning.empty()) {
      warnings.push_back("\"" + std::string(line.text) + "\": " + scheme->warning);
    }
  }
  for (const Block& block : part.blocks) {
    warnings.insert(warnings.end(), block.warnings.begin(), block.warnings.end());
  }
  return warnings;
}

void add_prescriptions(SessionRecord& record) {
  if (!record.prescriptions.empty()) {
    return;
  }
  // The stored form of a segment keeps its heading but not the text after the label, so a record
  // read back takes it from the heading again: "B. 5x5 Back Squat @ 75%" keeps its prescription.
  for (Segment& segment : record.segments) {
    if (segment.kind != SegmentKind::kDay && segment.heading_rest.empty()) {
      if (std::optional<PartLabel> label = match_part_label(segment.heading.text)) {
        segment.heading_rest = std::move(label->heading_rest);
      }
    }
  }
  record.prescriptions = prescribe_segments(record.segments);
}

}  // namespace wodetl::prescription
