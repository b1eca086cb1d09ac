#pragma once
// Values the prescription parser makes of one line of a part. Each line gets one kind:
//
//   scheme     how the sets are clocked or counted: "Every 2 minutes, for 16 minutes (8 sets):",
//              "Three sets of:", "AMRAP 12", "5 Rounds for time of:", "Tabata". A scheme line
//              may also name movements after a colon ("3 Rounds: 3 Pull-Ups, 6 Burpees").
//   movement   what to do: "(Snatch + Hip Snatch) x 1 rep", "Back Squat 5x5 @ 75%",
//              "10 Air Squats, 10 Pushups, 10 V-Ups". A line of quantities without a name
//              ("5x5 @ 75%", "21-15-9") is a movement line with no movements; it applies to
//              the movement named before it.
//   intensity  one row of a per-set table: "*Sets 4-5 = @ 75% of 1-RM Snatch", or a wave
//              "4@70%, 3@76%".
//   target     a rep max to reach: "In 24 minutes, establish a 1-RM Back Squat".
//   rest       "Rest 60 seconds", "Rest as needed": a kind of its own so that a block can
//              place the rest between its movements.
//   note       everything else, kept as written.
//
// The values are built so that a part's lines can later be grouped into blocks: a scheme, the
// movement lines under it and the intensity rows that apply to its sets.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/line_indices.hpp"

namespace wodetl::prescription {

//! Inclusive range of counts (reps, sets); min == max for one value.
struct CountRange {
  int min = 0;
  int max = 0;
  bool operator==(const CountRange&) const = default;
};

//! Inclusive range of a measured value such as a percentage.
struct Range {
  double min = 0;
  double max = 0;
  bool operator==(const Range&) const = default;
};

//! Inclusive range of set numbers in a per-set table: "Sets 4-5" is {4, 5}.
struct SetNumbers {
  int first = 0;
  int last = 0;
  bool operator==(const SetNumbers&) const = default;
};

//! Reference load a percentage or a weight is taken from: "1-RM Snatch", "3RM", "today's top
//! set".
struct RmRef {
  std::optional<int> rm;            //!< 1 for "1-RM"; empty for "top set"
  std::optional<std::string> lift;  //!< canonical lift name; empty when the line names none
  bool top_set = false;             //!< "of today's top set"
  //! "of" followed by words that name no lift and no rep max, "of the weight used last week": the
  //! percentage is of something no maxes file gives. The words stay in the line's remark.
  bool unread = false;
  //! "@ 75% TM", "of training max": of the lift's training max, a share of its 1-RM that the
  //! maxes file's training_max setting gives.
  bool training_max = false;
  bool operator==(const RmRef&) const = default;
};

//! Measured amount: a distance, a height, calories or a load. "30/22 Calories" has
//! alt_value 22, the second (usually women's) figure.
struct Quantity {
  double value = 0;
  std::optional<double> alt_value;
  std::string_view unit;  //!< "m", "km", "ft", "yd", "mi", "in", "cal", "lb", "kg", "bodyweight",
                          //!< or empty for a bare load "(95/65)"; always a string literal
  bool operator==(const Quantity&) const = default;
};

//! How heavy or hard: "@ 75-80% of 1-RM Snatch", "@ 10-RM Back Squat weight", "RPE 8".
struct Intensity {
  std::optional<Range> percent;
  bool at_least = false;  //!< "101%+"
  std::optional<RmRef> of;
  std::optional<Range> rpe;  //!< "RPE 8" is {8, 8}, "RPE 7-8" {7, 8}
  bool operator==(const Intensity&) const = default;
  [[nodiscard]] bool empty() const { return !percent && !of && !rpe; }
};

//! Minutes of a running clock that a line applies to, numbered from 1 as coaches count them:
//! "Minute 3" is {3, 3}, "Minutes 5 to 9" {5, 9}, "Odd" every odd minute.
enum class MinuteParity : std::uint8_t { kAny, kOdd, kEven };

struct MinuteSelection {
  std::optional<int> first;
  std::optional<int> last;
  MinuteParity parity = MinuteParity::kAny;
  bool operator==(const MinuteSelection&) const = default;
};

//! Span of a running clock in seconds from its start: "From 20:00 - 32:00" is {1200, 1920}, and
//! "At the 11 minute mark" is {660, none}.
struct ClockWindow {
  int from_seconds = 0;
  std::optional<int> to_seconds;
  bool operator==(const ClockWindow&) const = default;
};

//! Optional value kept on the heap, for a large member that few values have. It takes one
//! pointer in its owner, where std::optional would take the whole value. Copies copy the value,
//! and == compares values, as std::optional's do.
template <typename T>
class HeapOptional {
 public:
  HeapOptional() noexcept = default;
  HeapOptional(const HeapOptional& other)
      : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
  HeapOptional(HeapOptional&&) noexcept = default;
  HeapOptional& operator=(const HeapOptional& other) {
    if (this != &other) {
      value_ = other.value_ ? std::make_unique<T>(*other.value_) : nullptr;
    }
    return *this;
  }
  HeapOptional& operator=(HeapOptional&&) noexcept = default;
  HeapOptional& operator=(T&& value) {
    value_ = std::make_unique<T>(std::move(value));
    return *this;
  }
  HeapOptional& operator=(std::optional<T>&& value) {
    value_ = value ? std::make_unique<T>(std::move(*value)) : nullptr;
    return *this;
  }
  ~HeapOptional() = default;

  //! Replaces the value with a default one and returns it.
  T& emplace() {
    value_ = std::make_unique<T>();
    return *value_;
  }
  void reset() noexcept { value_.reset(); }

  [[nodiscard]] bool has_value() const noexcept { return value_ != nullptr; }
  explicit operator bool() const noexcept { return has_value(); }
  T& operator*() noexcept { return *value_; }
  const T& operator*() const noexcept { return *value_; }
  T* operator->() noexcept { return value_.get(); }
  const T* operator->() const noexcept { return value_.get(); }

  friend bool operator==(const HeapOptional& left, const HeapOptional& right) {
    return left.has_value() ? right.has_value() && *left == *right : !right.has_value();
  }

 private:
  std::unique_ptr<T> value_;
};

//! One movement of a movement line.
struct Movement {
  //! Skips the zero-fill of value-initialization, as MovementLine's constructor does, so every
  //! member must have a default member initializer or a class type.
  Movement() noexcept {}  // NOLINT(modernize-use-equals-default): = default would zero-fill

  //! As written: "Hip Snatch", "Pull-Ups". A view into the text of its line (see ParsedLine::text).
  std::string_view name;
  std::string canonical;           //!< see canonical_name: "hip snatch", "pull up"
  std::optional<int> count;        //!< reps inside a complex: the 2 of "Clean + 2 Front Squats"
  std::optional<CountRange> reps;  //!< reps of one item of a list: "10 Air Squats, 10 Pushups"
  //! Sets of one item of a list whose items each state sets: "Snatch 3x2 @ 75%, Clean 3x2 @ 80%".
  std::optional<CountRange> sets;
  std::optional<Quantity> distance;        //!< distance of one list item: "400m run, 10 squats"
  //! Calories and load of one list item: "20 Cal Row, 15 KBS", "10 Thrusters (95/65)". On the
  //! heap, because few movements have them.
  HeapOptional<Quantity> calories;
  HeapOptional<Quantity> load;
  std::optional<int> duration_seconds;     //!< duration of one list item
  std::optional<MinuteSelection> minutes;  //!< "Odd: 5 Power Cleans, Even: 10 Burpees"
  //! Reps or time of one item of a list are for each side: the rows of "10 DB Rows e/s, 15
  //! Sit-ups".
  bool per_side = false;
  //! In an alternating line or a list, a movement that states no intensity while the others
  //! state the same one, so the line's intensity is not for it: the burpees of "Odd: 3 Power
  //! Cleans @ 75%, Even: 10 Burpees", the pull-ups of "Snatch x 2 @ 70%, Pull-ups x 5".
  bool without_intensity = false;
  //! The movement's own intensity, set only when the movements of an alternating line or a list
  //! state different ones ("Odd: 2 Snatch @ 70%, Even: 2 Clean @ 80%"). The line's intensity is
  //! then empty. On the heap, because few movements have one.
  HeapOptional<Intensity> intensity;
  bool operator==(const Movement&) const = default;
};

//! Way the movements of a line are joined.
enum class Grouping {
  kSingle,       //!< one movement
  kComplex,      //!< joined by "+": done back to back as one set
  kList,         //!< separated by commas: done one after the other, each with its own count
  kAlternating,  //!< "Odd: …, Even: …": each on its own minutes of the clock
};

//! One reps-and-percent step of a wave: the "3@76%" of "4@70%, 3@76%".
struct IntensityStep {
  std::optional<CountRange> reps;
  bool reps_at_least = false;
  Intensity intensity;
  bool operator==(const IntensityStep&) const = default;
};

//! A line that names what to do, or only how much of it.
struct MovementLine {
  //! Every member must have a default member initializer or a class type, because this
  //! user-provided constructor leaves any other member uninitialized. It keeps
  //! value-initialization, as in std::variant::emplace<MovementLine>(), from zero-filling the
  //! line's several hundred bytes before initializing the members.
  MovementLine() noexcept {}  // NOLINT(modernize-use-equals-default): = default would zero-fill

  std::vector<Movement> movements;  //!< empty for a line of quantities only ("5x5 @ 75%")
  Grouping grouping = Grouping::kSingle;
  std::optional<CountRange> reps;       //!< reps of the whole line ("x 5-6 reps"); empty for lists
  bool reps_at_least = false;           //!< "3+ reps": as many as possible, at least min
  std::optional<CountRange> sets;       //!< "5x5", "4-6 sets of", the length of a rep scheme
  std::vector<int> rep_scheme;          //!< reps set by set: "5-4-3-2-1", "3,3,3,3"
  bool per_side = false;                //!< "each leg", "per side", "8e", "5 L / 5 R"
  //! The line names 5/3/1 after the lift, "Deadlift 5/3/1", "Press 5/3/1 Week 3": percentages of
  //! its sets that name no reference, on the lines below it too, are of the training max.
  bool training_max_program = false;
  std::optional<int> duration_seconds;  //!< "x 40 seconds", ":30 hold", "for 1 minute"
  std::optional<Quantity> distance;     //!< "x 400 meters", "400m run", "x 100ft", "24/20″"
  std::optional<Quantity> calories;     //!< "30/22 Calories"
  std::optional<Quantity> load;         //!< "135/95 lbs", "(95/65)", "115#", "1.5 x BW"
  Intensity intensity;
  //! A ceiling written on the line: "Hang Snatch x 2, stay below 70%", "Clean x 1 (up to) 85%".
  //! The percentage of a ceiling is not in intensity.
  std::optional<Intensity> limit;
  //! A wave written after the name, "Back Squat x 4@70%, 3@76%": step i is set i + 1, and sets
  //! counts the steps unless the line states another count. reps and intensity are then empty.
  std::vector<IntensityStep> steps;
  std::string remark;  //!< text the grammar kept aside, as written: "(Light)", "(Sots Press)"
  //! Set when the line lists more or fewer percentages than its sets: "3 x 5 @ 70%, 75%, 80%, 85%".
  std::string warning;
  bool operator==(const MovementLine&) const = default;
};

//! Clock or count of the sets of a block.
enum class SchemeType {
  kInterval,   //!< every N seconds: EMOM, "Every 2:30"
  kSets,       //!< "Three sets of:"
  kRounds,     //!< "3 Rounds:"
  kAmrap,      //!< as many rounds as possible in a duration
  kForTime,    //!< "For time:", "5 Rounds for time of:", "Time cap: 14 minutes"
  kEstablish,  //!< reserved for blocks built around a target line; no line is parsed as it
  kTabata,     //!< 8 rounds of 20 seconds on, 10 seconds off
};

//! A scheme line's clock and counts. For kInterval, sets counts the intervals whether the post
//! says sets or rounds; two of every_seconds, duration_seconds and sets give the third.
struct Scheme {
  SchemeType type = SchemeType::kSets;
  std::optional<int> every_seconds;
  std::optional<int> duration_seconds;
  std::optional<CountRange> sets;
  std::optional<int> rounds;
  std::optional<CountRange> reps;       //!< "4-6 sets of 1-3 reps" without a movement name
  std::vector<int> rep_scheme;          //!< "21-15-9 for time"
  std::optional<int> time_cap_seconds;  //!< "Time cap: 14 minutes"
  std::optional<int> work_seconds;      //!< "20 seconds on, 10 seconds off"
  std::optional<int> rest_seconds;
  std::optional<MinuteSelection> minutes;  //!< "Minutes 5 to 9:", "Odd:"
  std::optional<ClockWindow> window;       //!< "From 20:00 - 32:00: AMRAP"
  bool operator==(const Scheme&) const = default;
};

struct SchemeLine {
  //! Skips the zero-fill of value-initialization, as MovementLine's constructor does, so every
  //! member must have a default member initializer or a class type.
  SchemeLine() noexcept {}  // NOLINT(modernize-use-equals-default): = default would zero-fill

  Scheme scheme;
  //! Movements after the colon, if any. On the heap, because few lines are schemes with
  //! movements, and inline it would make every ParsedLine larger by a MovementLine.
  HeapOptional<MovementLine> movement;
  std::string warning;  //!< set when the stated sets disagree with duration ÷ interval
  bool operator==(const SchemeLine&) const = default;
};

//! A row of a per-set table ("*Sets 1-2 = 8 reps @ 65-70%") or a wave. For a wave, sets runs
//! from 1 to the number of steps and each step holds its own reps and percentage.
struct IntensityLine {
  //! Skips the zero-fill of value-initialization, as MovementLine's constructor does, so every
  //! member must have a default member initializer or a class type.
  IntensityLine() noexcept {}  // NOLINT(modernize-use-equals-default): = default would zero-fill

  std::optional<SetNumbers> sets;
  std::optional<CountRange> reps;
  bool reps_at_least = false;
  Intensity intensity;
  std::vector<IntensityStep> steps;
  std::string remark;  //!< a comment after the row, as written: "(smooth)", "focus on speed"
  bool operator==(const IntensityLine&) const = default;
};

//! A rep max to reach. "find a heavy single" has rm 1 and no lift; a heavy double and triple
//! are 2 and 3.
struct TargetLine {
  RmRef target;
  std::optional<int> duration_seconds;  //!< "In 24 minutes, …"
  //! Text after the target, as written: "then 2x1 @ 90%" after "Build to a heavy single,".
  std::string remark;
  bool operator==(const TargetLine&) const = default;
};

struct RestLine {
  std::optional<int> rest_seconds;  //!< empty for "Rest as needed"; the shorter of a range
  //! The longer rest of a range, "Rest 2-3 minutes": 180, with rest_seconds 120.
  std::optional<int> rest_max_seconds;
  std::optional<MinuteSelection> minutes;  //!< "Minute 3 = rest"
  bool operator==(const RestLine&) const = default;
};

struct NoteLine {
  //! Skips the zero-fill of value-initialization, as MovementLine's constructor does, so every
  //! member must have a default member initializer or a class type. Every ParsedLine starts as a
  //! note, so without it each line would zero the note's bytes first.
  NoteLine() noexcept {}  // NOLINT(modernize-use-equals-default): = default would zero-fill

  //! A ceiling the note sets, as in "stay below 70% of your 1-RM Power Clean".
  std::optional<Intensity> limit;
  //! Clock window the note names: "From 20:00 - 32:00" on its own line, "At the 11 minute mark…".
  std::optional<ClockWindow> window;
  bool operator==(const NoteLine&) const = default;
};

enum class LineKind { kNote, kScheme, kMovement, kIntensity, kTarget, kRest };

//! Result for one input line. kind names the alternative detail holds; the parser keeps the
//! two in step, and detail.index() equals the enumerator's value.
struct ParsedLine {
  //! The line exactly as given. A view, as are the names of its movements: into the text the
  //! caller gave the parser, or for a PartPrescription into its text_storage. Keep that text
  //! alive as long as the line.
  std::string_view text;
  LineKind kind = LineKind::kNote;
  std::variant<NoteLine, SchemeLine, MovementLine, IntensityLine, TargetLine, RestLine> detail;

  //! A note with no text. User-provided so that value-initialization, as in
  //! std::vector::emplace_back(), runs it instead of zero-filling the line's several hundred
  //! bytes first.
  ParsedLine() noexcept {}  // NOLINT(modernize-use-equals-default): = default would zero-fill

  [[nodiscard]] const SchemeLine* scheme() const { return std::get_if<SchemeLine>(&detail); }
  [[nodiscard]] const MovementLine* movement() const { return std::get_if<MovementLine>(&detail); }
  [[nodiscard]] const IntensityLine* intensity() const {
    return std::get_if<IntensityLine>(&detail);
  }
  [[nodiscard]] const TargetLine* target() const { return std::get_if<TargetLine>(&detail); }
  [[nodiscard]] const RestLine* rest() const { return std::get_if<RestLine>(&detail); }
  [[nodiscard]] const NoteLine* note() const { return std::get_if<NoteLine>(&detail); }
};

//! Reps and intensity of one set of a block, after the intensity table is applied.
struct SetPrescription {
  //! Every member must have a default member initializer or a class type: as for MovementLine,
  //! this user-provided constructor keeps emplace_back() from zero-filling the set first.
  SetPrescription() noexcept {}  // NOLINT(modernize-use-equals-default): = default would zero-fill

  int set = 0;  //!< 1-based, counted for each movement of the block
  std::optional<CountRange> reps;
  bool reps_at_least = false;
  Intensity intensity;
  //! Line that names the set's movement: a movement line, or the scheme line that names it after
  //! its colon. Empty when no line of the block names a movement ("5x5 @ 75%" alone).
  std::optional<std::size_t> movement_line;
  //! Index of the movement in that line's movements, for the movements of an alternating line
  //! ("Odd: 3 Power Cleans, Even: 10 Burpees") or of a list whose movements state intensities,
  //! which each have their own sets.
  std::optional<std::size_t> movement;
  //! A set past the least count of a range of sets: sets 5 and 6 of "4-6 sets".
  bool optional = false;
};

//! A scheme with what is done on it: a clock, the movements done on it, the per-set intensity
//! table applied to its sets, its rests and its notes. Indices refer to PartPrescription::lines.
struct Block {
  //! Skips the zero-fill of value-initialization (see MovementLine's constructor).
  Block() noexcept {}  // NOLINT(modernize-use-equals-default): = default would zero-fill

  std::optional<std::size_t> scheme_line;
  //! A note ending in a colon that introduces the movement lines after it, "With empty bar:". It
  //! heads a block of its own when no scheme is open, or the open block already has its movements.
  std::optional<std::size_t> heading_line;
  std::optional<std::size_t> target_line;
  //! Movement lines, and the numbered minute lines (schemes) that name movements under the block's
  //! clock: "Min 1: 3 Power Snatch" under "EMOM 9".
  LineIndices movement_lines;
  LineIndices intensity_lines;
  LineIndices rest_lines;
  LineIndices note_lines;
  //! One entry per set when a line states the set count, else empty: "Front Squat x 3 reps" alone
  //! or under "AMRAP 12" states none. The sets of the block's first movement come first. Another
  //! movement has sets of its own when its line states an intensity ("Clean x 2 @ 80%" under
  //! "Three sets of:"), it is one of an alternating line's movements or of a list whose movements
  //! state intensities, or it is a numbered minute line ("Min 2: 5 Front Squat" under "EMOM 9").
  std::vector<SetPrescription> sets;
  //! Problems found while applying the lines, such as a per-set table naming sets past the
  //! stated set count.
  std::vector<std::string> warnings;
};

//! Prescription of one segment of a day: every line parsed, and the lines grouped into blocks.
//! Notes before the first block are in lines only.
struct PartPrescription {
  //! Skips the zero-fill of value-initialization (see MovementLine's constructor).
  PartPrescription() noexcept {}  // NOLINT(modernize-use-equals-default): = default would zero-fill

  std::string label;    //!< the segment's label: "A", "warm_up", "" for the day segment
  std::string heading;  //!< the segment's heading line as written
  std::vector<ParsedLine> lines;
  std::vector<Block> blocks;
  //! Index, in the session's parts, of an earlier part that ends with a scheme of its own and
  //! whose count gives this part's blocks their sets: "3 Rounds:" before "A1. Bench Press x 8" and
  //! "A2. Pendlay Row x 8". Empty for other parts.
  std::optional<std::size_t> scheme_part;
  //! Copy of the texts that lines and their movement names view, shared by the parts made
  //! together and by every copy of them, so that a copied or moved part stays valid. One buffer
  //! for all the texts of a session costs one allocation, where a std::string per line and per
  //! name cost one each.
  std::shared_ptr<const char[]> text_storage;
};

[[nodiscard]] const char* to_string(LineKind kind);
[[nodiscard]] const char* to_string(SchemeType type);
[[nodiscard]] const char* to_string(Grouping grouping);
[[nodiscard]] const char* to_string(MinuteParity parity);

}  // namespace wodetl::prescription
