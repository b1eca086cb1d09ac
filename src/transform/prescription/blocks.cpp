#include "transform/prescription/blocks.hpp"

#include <algorithm>

#include "transform/prescription/line_parser.hpp"
#include "transform/text_normalize.hpp"

namespace wodetl::prescription {

namespace {

// "Followed by…", "and then,", "Then:" separate two pieces of work within a part.
bool ends_block(const ParsedLine& line) {
  if (line.kind != LineKind::kNote) {
    return false;
  }
  const std::string normalized = normalize_for_matching(line.text);
  return normalized.starts_with("followed by") || normalized.starts_with("then") ||
         normalized.starts_with("and then");
}

// Number of sets a block has, when something states it.
std::optional<int> set_count(const Block& block, const std::vector<ParsedLine>& lines) {
  if (block.scheme_line) {
    const Scheme& scheme = lines[*block.scheme_line].scheme()->scheme;
    if (scheme.sets) {
      return scheme.sets->max;
    }
    if (scheme.rounds) {
      return scheme.rounds;
    }
  }
  for (const std::size_t index : block.movement_lines) {
    const MovementLine& movement = *lines[index].movement();
    if (movement.sets) {
      return movement.sets->max;
    }
  }
  int last_row = 0;
  for (const std::size_t index : block.intensity_lines) {
    const IntensityLine& row = *lines[index].intensity();
    last_row = std::max(last_row, row.sets ? row.sets->last : static_cast<int>(row.steps.size()));
  }
  if (last_row > 0) {
    return last_row;
  }
  return std::nullopt;
}

// The table row, or wave step, that covers set number `set`.
std::optional<SetPrescription> row_for_set(const Block& block, const std::vector<ParsedLine>& lines, int set) {
  for (const std::size_t index : block.intensity_lines) {
    const IntensityLine& row = *lines[index].intensity();
    if (!row.steps.empty()) {
      if (set >= 1 && set <= static_cast<int>(row.steps.size())) {
        const IntensityStep& step = row.steps[static_cast<std::size_t>(set - 1)];
        return SetPrescription{set, step.reps, step.reps_at_least, step.intensity};
      }
      continue;
    }
    if (row.sets && set >= row.sets->first && set <= row.sets->last) {
      return SetPrescription{set, row.reps, row.reps_at_least, row.intensity};
    }
  }
  return std::nullopt;
}

void fill_sets(Block& block, const std::vector<ParsedLine>& lines) {
  const std::optional<int> count = set_count(block, lines);
  if (!count || *count <= 0 || *count > 100) {
    return;
  }
  const MovementLine* movement = main_movement(block, lines);
  for (int set = 1; set <= *count; ++set) {
    SetPrescription prescription{set, std::nullopt, false, {}};
    if (movement != nullptr) {
      prescription.reps = movement->reps;
      prescription.reps_at_least = movement->reps_at_least;
      prescription.intensity = movement->intensity;
      const std::size_t scheme_index = static_cast<std::size_t>(set - 1);
      if (scheme_index < movement->rep_scheme.size()) {
        prescription.reps = CountRange{movement->rep_scheme[scheme_index], movement->rep_scheme[scheme_index]};
      }
    }
    if (std::optional<SetPrescription> row = row_for_set(block, lines, set)) {
      if (row->reps) {
        prescription.reps = row->reps;
        prescription.reps_at_least = row->reps_at_least;
      }
      // A row without its own reference lift ("*Sets 1-2 = @ 75%") refers to the movement's.
      if (!row->intensity.of && movement != nullptr) {
        row->intensity.of = movement->intensity.of;
      }
      prescription.intensity = row->intensity;
    }
    block.sets.push_back(prescription);
  }
}

}  // namespace

const MovementLine* main_movement(const Block& block, const std::vector<ParsedLine>& lines) {
  for (const std::size_t index : block.movement_lines) {
    const MovementLine* movement = lines[index].movement();
    if (movement != nullptr && !movement->movements.empty()) {
      return movement;
    }
  }
  if (block.scheme_line) {
    const SchemeLine& scheme = *lines[*block.scheme_line].scheme();
    if (scheme.movement && !scheme.movement->movements.empty()) {
      return &*scheme.movement;
    }
  }
  return nullptr;
}

std::vector<Block> build_blocks(const std::vector<ParsedLine>& lines) {
  std::vector<Block> blocks;
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
        start_block().scheme_line = index;
        break;
      case LineKind::kTarget:
        start_block().target_line = index;
        open = false;
        break;
      case LineKind::kMovement: {
        const bool names_movements = !line.movement()->movements.empty();
        // Without a scheme, each named movement line is its own piece of work; a line of
        // quantities only ("5x5 @ 75%") belongs to the movement before it.
        const bool joins = open && (blocks.back().scheme_line || !names_movements ||
                                    blocks.back().movement_lines.empty());
        (joins ? blocks.back() : start_block()).movement_lines.push_back(index);
        break;
      }
      case LineKind::kIntensity:
        (open ? blocks.back() : start_block()).intensity_lines.push_back(index);
        break;
      case LineKind::kRest:
        if (open) {
          blocks.back().rest_lines.push_back(index);
        }
        break;
      case LineKind::kNote:
        if (ends_block(line)) {
          open = false;
        } else if (!blocks.empty()) {
          blocks.back().note_lines.push_back(index);
        }
        break;
    }
  }
  for (Block& block : blocks) {
    fill_sets(block, lines);
  }
  return blocks;
}

PartPrescription prescribe_segment(const Segment& segment) {
  PartPrescription part;
  part.label = segment.label;
  part.heading = segment.heading.text;
  std::vector<std::string> texts;
  texts.reserve(segment.lines.size() + 1);
  if (!segment.heading_rest.empty()) {
    texts.push_back(segment.heading_rest);
  }
  for (const Line& line : segment.lines) {
    texts.push_back(line.text);
  }
  part.lines = parse_prescription_lines(texts);
  part.blocks = build_blocks(part.lines);
  return part;
}

std::vector<PartPrescription> prescribe_segments(const std::vector<Segment>& segments) {
  std::vector<PartPrescription> parts;
  parts.reserve(segments.size());
  for (const Segment& segment : segments) {
    parts.push_back(prescribe_segment(segment));
  }
  return parts;
}

void add_prescriptions(SessionRecord& record) {
  if (record.prescriptions.empty()) {
    record.prescriptions = prescribe_segments(record.segments);
  }
}

}  // namespace wodetl::prescription
