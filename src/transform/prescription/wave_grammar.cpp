#include "transform/prescription/wave_grammar.hpp"

#include <utility>

#include "transform/prescription/quantities.hpp"

namespace wodetl::prescription {

namespace {

// Reads "+" for at least and "reps" after the reps of a step.
void read_step_reps_suffix(Cursor& cursor, IntensityStep& step) {
  if (cursor.is(TokenKind::kPlus) && !cursor.peek()->space_before) {
    cursor.advance();
    step.reps_at_least = true;
  }
  cursor.accept_word_in({"rep", "reps"});
}

// A step with its percentage first: "70% x 2", "70%x5", "65%/3", "75% of 1-RM Snatch x 2", "75% x
// 2 x 3" (three sets), "70%/3/2" (two sets, as Sheiko's programs write them). Sets the number of
// sets it states into sets, else 1. Returns false, consuming nothing, for other steps.
bool read_percent_step(Cursor& cursor, const GrammarContext& context, IntensityStep& step,
                       int& sets) {
  const std::size_t start = cursor.position();
  const auto accept_slash = [&cursor] {
    return cursor.is(TokenKind::kSlash) && !cursor.peek()->space_before &&
           cursor.accept(TokenKind::kSlash);
  };
  if (!cursor.is(TokenKind::kPercent, 1) || !read_intensity(cursor, context, step.intensity) ||
      !step.intensity.percent) {
    cursor.reset(start);
    return false;
  }
  const bool slashed = accept_slash();
  if (!slashed && !cursor.accept(TokenKind::kTimes)) {
    cursor.reset(start);
    return false;
  }
  step.reps = read_count_range(cursor);
  if (!step.reps) {
    cursor.reset(start);
    return false;
  }
  read_step_reps_suffix(cursor, step);
  sets = 1;
  const std::size_t after_reps = cursor.position();
  if (cursor.accept(TokenKind::kTimes) || (slashed && accept_slash())) {
    const auto count = read_count(cursor);
    if (count && *count >= 1) {
      sets = *count;
      cursor.accept_word_in({"set", "sets"});
    } else {
      cursor.reset(after_reps);
    }
  }
  return true;
}

}  // namespace

void read_step_sets(Cursor& cursor, int& sets) {
  sets = 1;
  const std::size_t start = cursor.position();
  if (!cursor.accept(TokenKind::kTimes)) {
    return;
  }
  const auto count = read_count(cursor);
  if (!count || *count < 1 || *count > static_cast<int>(kMaxWaveSteps) ||
      cursor.is(TokenKind::kPercent)) {
    cursor.reset(start);
    return;
  }
  sets = *count;
  cursor.accept_word_in({"set", "sets"});
}

namespace {

// One step, "3@76%", "3+ reps @ 85% of 1-RM Snatch", "5x70%", "1 @ 80% x 3 sets", with the sets
// it states in sets, else 1. Returns false, consuming nothing, when the step has no reps, no "@"
// or "x", or no percentage.
bool read_step(Cursor& cursor, const GrammarContext& context, IntensityStep& step, int& sets) {
  const std::size_t start = cursor.position();
  step.reps = read_count_range(cursor);
  if (!step.reps) {
    return false;
  }
  read_step_reps_suffix(cursor, step);
  // "5x70%": the reps, then "x" where "@" would be.
  if (cursor.is(TokenKind::kTimes) && cursor.is(TokenKind::kNumber, 1) &&
      cursor.is(TokenKind::kPercent, 2)) {
    cursor.advance();
    if (!read_intensity(cursor, context, step.intensity) || !step.intensity.percent) {
      cursor.reset(start);
      return false;
    }
    read_step_sets(cursor, sets);
    return true;
  }
  if (!cursor.is(TokenKind::kAt) || !read_intensity(cursor, context, step.intensity) ||
      !step.intensity.percent) {
    cursor.reset(start);
    return false;
  }
  read_step_sets(cursor, sets);
  return true;
}

}  // namespace

bool read_wave(Cursor& cursor, const GrammarContext& context, std::size_t min_steps,
               std::vector<IntensityStep>& steps) {
  if (!may_start_wave(cursor)) {
    return false;  // checked before anything is allocated
  }
  // Every step states a percentage, so a line with fewer than min_steps of them is no wave. The
  // count spares reading a whole step, "x 7 reps @ 60-65% of 1-RM Front Squat", only to drop it.
  std::size_t percentages = 0;
  for (std::size_t ahead = 0; ahead < cursor.remaining() && percentages < min_steps; ++ahead) {
    percentages += cursor.is(TokenKind::kPercent, ahead) ? 1 : 0;
  }
  if (percentages < min_steps) {
    return false;
  }
  const std::size_t start = cursor.position();
  while (steps.size() < kMaxWaveSteps) {
    const std::size_t before_step = cursor.position();
    // Steps after the first are separated by a comma or only by a space: "4@70% 3@76%".
    if (!steps.empty() && !cursor.accept(TokenKind::kComma) && !cursor.is(TokenKind::kNumber)) {
      break;
    }
    IntensityStep step;
    int sets = 1;
    if (!read_percent_step(cursor, context, step, sets) &&
        !read_step(cursor, context, step, sets)) {
      cursor.reset(before_step);
      break;
    }
    // "75% x 2 x 3" is three steps of two reps.
    for (int set = 1; set < sets && steps.size() + 1 < kMaxWaveSteps; ++set) {
      steps.push_back(step);
    }
    steps.push_back(std::move(step));
  }
  if (steps.empty() || steps.size() < min_steps) {
    steps.clear();
    cursor.reset(start);
    return false;
  }

  const std::optional<RmRef>& last_reference = steps.back().intensity.of;
  if (last_reference) {
    for (std::size_t index = 0; index + 1 < steps.size(); ++index) {
      if (steps[index].intensity.of) {
        return true;  // the steps name their own references
      }
    }
    for (std::size_t index = 0; index + 1 < steps.size(); ++index) {
      steps[index].intensity.of = last_reference;
    }
  }
  return true;
}

}  // namespace wodetl::prescription
