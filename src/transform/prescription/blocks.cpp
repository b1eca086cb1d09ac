#include "transform/prescription/blocks.hpp"

#include <algorithm>
#include <cstring>
#include <memory>

#include "transform/part_labels.hpp"
#include "transform/prescription/line_parser.hpp"
#include "transform/prescription/tokens.hpp"
#include "transform/text_normalize.hpp"

namespace wodetl::prescription {

namespace {

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

// Number of sets a block has, when something states it. inherited_sets is the count the block
// takes from the clock it runs within ("Odd:" under "EMOM 12" has 6 sets).
std::optional<SetCount> set_count(const Block& block, const std::vector<ParsedLine>& lines,
                                  std::optional<int> inherited_sets) {
  if (block.scheme_line) {
    const Scheme& scheme = lines[*block.scheme_line].scheme()->scheme;
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
  }
  for (const std::size_t index : block.movement_lines) {
    const MovementLine& movement = *lines[index].movement();
    if (movement.sets) {
      return SetCount{movement.sets->max, "movement line"};
    }
  }
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
// says which sets are left out.
void warn_past_count(Block& block, const std::vector<ParsedLine>& lines, std::size_t index,
                     int first, int last, const SetCount& count) {
  if (last <= count.count) {
    return;
  }
  const int first_left_out = std::max(first, count.count + 1);
  block.warnings.push_back("\"" + std::string(lines[index].text) + "\" names " +
                           set_span(first, last) + ", but the " + count.stated_by + " states " +
                           std::to_string(count.count) + (count.count == 1 ? " set" : " sets") +
                           ": " + set_span(first_left_out, last) + " left out");
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
    const MovementLine& movement = *lines[index].movement();
    if (!movement.steps.empty()) {
      warn_past_count(block, lines, index, 1, static_cast<int>(movement.steps.size()), count);
    }
  }
}

// Reps and intensity of one row of a per-set table or one step of a wave.
struct RowView {
  const std::optional<CountRange>* reps = nullptr;
  bool reps_at_least = false;
  const Intensity* intensity = nullptr;
};

// The table row, or wave step, that covers set number `set`. A wave on the movement line counts
// only for the sets that no row of the table covers.
std::optional<RowView> row_for_set(const Block& block, const std::vector<ParsedLine>& lines,
                                   const MovementLine* movement, int set) {
  for (const std::size_t index : block.intensity_lines) {
    const IntensityLine& row = *lines[index].intensity();
    if (!row.steps.empty()) {
      if (set >= 1 && set <= static_cast<int>(row.steps.size())) {
        const IntensityStep& step = row.steps[static_cast<std::size_t>(set - 1)];
        return RowView{&step.reps, step.reps_at_least, &step.intensity};
      }
      continue;
    }
    if (row.sets && set >= row.sets->first && set <= row.sets->last) {
      return RowView{&row.reps, row.reps_at_least, &row.intensity};
    }
  }
  if (movement != nullptr && set >= 1 && set <= static_cast<int>(movement->steps.size())) {
    const IntensityStep& step = movement->steps[static_cast<std::size_t>(set - 1)];
    return RowView{&step.reps, step.reps_at_least, &step.intensity};
  }
  return std::nullopt;
}

// Reps of set number `set` from a rep sequence, "5-4-3-2-1" or "21-15-9 for time".
std::optional<CountRange> sequence_reps(const std::vector<int>& sequence, int set) {
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

void fill_sets(Block& block, const std::vector<ParsedLine>& lines,
               std::optional<int> inherited_sets) {
  const std::optional<SetCount> stated = set_count(block, lines, inherited_sets);
  if (!stated || stated->count <= 0 || stated->count > 100) {
    return;
  }
  check_table_against_count(block, lines, *stated);
  const std::optional<int> count = stated->count;
  const MovementLine* movement = main_movement(block, lines);
  // "21-15-9 for time" gives the reps of each round to movement lines that state none.
  const std::vector<int>* scheme_sequence =
      block.scheme_line ? &lines[*block.scheme_line].scheme()->scheme.rep_scheme : nullptr;
  if (scheme_sequence != nullptr && (scheme_sequence->empty() || counts_items(movement))) {
    scheme_sequence = nullptr;
  }
  block.sets.reserve(static_cast<std::size_t>(*count));
  for (int set = 1; set <= *count; ++set) {
    const std::optional<RowView> row = row_for_set(block, lines, movement, set);
    std::optional<CountRange> reps;
    bool reps_at_least = false;
    if (movement != nullptr) {
      reps = movement->reps;
      reps_at_least = movement->reps_at_least;
      if (auto sequence = sequence_reps(movement->rep_scheme, set)) {
        reps = sequence;
      }
    }
    if (!reps && scheme_sequence != nullptr) {
      reps = sequence_reps(*scheme_sequence, set);
    }
    if (row && *row->reps) {
      reps = *row->reps;
      reps_at_least = row->reps_at_least;
    }
    // The set's intensity is copied in once, from the row or else from the movement.
    const Intensity* intensity = row                   ? row->intensity
                                 : movement != nullptr ? &movement->intensity
                                                       : nullptr;
    SetPrescription& prescription =
        intensity != nullptr ? block.sets.emplace_back(set, reps, reps_at_least, *intensity)
                             : block.sets.emplace_back(set, reps, reps_at_least, Intensity{});
    // A row without its own reference lift ("*Sets 1-2 = @ 75%") refers to the movement's.
    if (row && !row->intensity->of && movement != nullptr) {
      prescription.intensity.of = movement->intensity.of;
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
    return false;
  }
  const Scheme& scheme = lines[*block.scheme_line].scheme()->scheme;
  return !scheme.time_cap_seconds && scheme.type != SchemeType::kSets;
}

// Minutes of a clock that runs minute by minute, "EMOM 12", for the minute selections under it.
std::optional<int> minute_clock_length(const Scheme& scheme) {
  if (scheme.type != SchemeType::kInterval || scheme.every_seconds != 60 ||
      !scheme.duration_seconds || *scheme.duration_seconds % 60 != 0) {
    return std::nullopt;
  }
  return *scheme.duration_seconds / 60;
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

// Whether the note at index heads a block of its own: it ends in a colon, a line naming
// movements follows it, and the open block, if any, already has its movements. Under a scheme
// still waiting for its movements ("Every 2 minutes x 5:", "Complete the following:") such a note
// stays one of the scheme's notes.
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
  std::size_t block_starts = 0;  // lines that may start a block: at most that many blocks
  for (const ParsedLine& line : lines) {
    block_starts += line.kind != LineKind::kNote && line.kind != LineKind::kRest ? 1 : 0;
    block_starts += line.kind == LineKind::kNote && ends_with_colon(line.text) ? 1 : 0;
  }
  blocks.reserve(block_starts);
  bool open = false;  // whether the last block still takes lines
  auto start_block = [&]() -> Block& {
    blocks.push_back(Block{});  // not emplace_back(), which would zero the whole block first
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
        start_block().scheme_line = index;
        break;
      case LineKind::kTarget:
        start_block().target_line = index;
        open = false;
        break;
      case LineKind::kMovement: {
        const bool names_movements = !line.movement()->movements.empty();
        // Without a scheme or a heading, each named movement line is its own piece of work. A
        // line of quantities only ("5x5 @ 75%") belongs to the movement before it.
        const bool joins = open && (blocks.back().scheme_line || blocks.back().heading_line ||
                                    !names_movements || blocks.back().movement_lines.empty());
        append_line((joins ? blocks.back() : start_block()).movement_lines, index);
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
  for (Block& block : blocks) {
    std::optional<int> inherited_sets;
    if (block.scheme_line) {
      const SchemeLine& scheme = *lines[*block.scheme_line].scheme();
      if (runs_within_clock(scheme)) {
        inherited_sets = sets_within(scheme, clock_minutes);
      } else {
        clock_minutes = minute_clock_length(scheme.scheme);
      }
    }
    check_set_numbers(block, lines);
    fill_sets(block, lines, inherited_sets);
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

// Fills part, a new PartPrescription, from segment: building it in place spares moving its label
// and heading strings into the caller's vector. The texts are copied into storage from offset
// used on, which is advanced past them, and the lines view those copies.
void fill_part(PartPrescription& part, const Segment& segment,
               const std::shared_ptr<char[]>& storage, std::size_t& used) {
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
  part.blocks = build_blocks(part.lines);
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
  for (const Segment& segment : segments) {
    fill_part(parts.emplace_back(), segment, storage, used);
  }
  return parts;
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
