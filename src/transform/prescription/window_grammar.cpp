#include "transform/prescription/window_grammar.hpp"

#include <utility>
#include <vector>

#include "transform/prescription/movement_grammar.hpp"
#include "transform/prescription/quantities.hpp"

namespace wodetl::prescription {

namespace {

constexpr std::size_t kMaxPieces = 8;
constexpr int kSecondsPerMinute = 60;

// ":", "=", "," or a dash after a window: "Minute 3 = rest", "Odd - 5 Power Cleans".
bool accept_separator(Cursor& cursor) {
  return cursor.accept(TokenKind::kColon) || cursor.accept(TokenKind::kEquals) ||
         cursor.accept(TokenKind::kComma) || cursor.accept(TokenKind::kDash);
}

bool accept_range_word(Cursor& cursor) {
  return cursor.accept(TokenKind::kDash) || cursor.accept(TokenKind::kAmpersand) ||
         cursor.accept_word_in({"to", "through", "and"});
}

// "Odd:", "Even minutes -", and "odd 5 Power Snatches": a count right after the word.
std::optional<LineWindow> read_parity(Cursor& cursor) {
  const std::size_t start = cursor.position();
  const MinuteParity parity = cursor.is_word("odd") ? MinuteParity::kOdd : MinuteParity::kEven;
  cursor.advance();
  const bool minutes_word = cursor.accept_word_in({"minute", "minutes", "min", "mins"});
  const bool separated = accept_separator(cursor);
  if (!minutes_word && !separated && !cursor.at_end() && !cursor.is(TokenKind::kNumber)) {
    cursor.reset(start);  // "Odd as it seems, …"
    return std::nullopt;
  }
  return LineWindow{.minutes = MinuteSelection{.parity = parity}};
}

// "Minute 3 =", "Min 1-4:", "Minutes 5 to 9", and "Minutes 0-12", which can only be a clock
// window because minutes are numbered from 1.
std::optional<LineWindow> read_minute_numbers(Cursor& cursor) {
  const std::size_t start = cursor.position();
  const bool plural = cursor.is_word_in({"minutes", "mins"});
  cursor.advance();
  // "Min. 2:": a period after the abbreviation.
  if (cursor.is(TokenKind::kPeriod) && cursor.is(TokenKind::kNumber, 1)) {
    cursor.advance();
  }
  const auto first = read_count(cursor);
  std::optional<int> last = plural ? std::nullopt : first;  // "Minutes 5" names no range
  const std::size_t after_first = cursor.position();
  // "Min 1 - 15 Cal Row": after one minute, a spaced dash before a count and a word separates
  // the minute from its work, where "Min 1-4:" and "Minutes 1 - 4 Snatch" name a range.
  const bool work_follows = !plural && cursor.is_spaced_dash() &&
                            cursor.is(TokenKind::kNumber, 1) && cursor.is(TokenKind::kWord, 2) &&
                            !cursor.is_word_in({"minute", "minutes", "min", "mins"}, 2);
  if (first && !work_follows && accept_range_word(cursor)) {
    if (const auto range_end = read_count(cursor)) {
      last = range_end;
    } else {
      cursor.reset(after_first);  // "Minute 3 - rest": the dash separates
    }
  }
  if (!first || !last || *last < *first) {
    cursor.reset(start);
    return std::nullopt;
  }
  accept_separator(cursor);
  if (*first == 0) {
    return LineWindow{.window = ClockWindow{0, *last * kSecondsPerMinute}};
  }
  return LineWindow{.minutes = MinuteSelection{.first = first, .last = last}};
}

// One end of a clock window: "20:00", or after "from" a number of minutes.
std::optional<int> read_clock(Cursor& cursor, bool numbers_allowed) {
  if (cursor.is(TokenKind::kTime)) {
    return static_cast<int>(cursor.advance().value);
  }
  if (numbers_allowed) {
    if (const auto minutes = read_count(cursor)) {
      return *minutes * kSecondsPerMinute;
    }
  }
  return std::nullopt;
}

// "From 20:00 - 32:00", "20:00-32:00", "From 12 to 20 minutes".
std::optional<LineWindow> read_clock_window(Cursor& cursor) {
  const std::size_t start = cursor.position();
  const bool from = cursor.accept_word("from");
  const auto begin = read_clock(cursor, from);
  const bool ranged = begin && accept_range_word(cursor);
  const auto end = ranged ? read_clock(cursor, from) : std::nullopt;
  if (!end || *end <= *begin) {
    cursor.reset(start);
    return std::nullopt;
  }
  cursor.accept_word_in({"minutes", "minute", "mins", "min"});
  accept_separator(cursor);
  return LineWindow{.window = ClockWindow{*begin, end}};
}

// "At the 11 minute mark", "At the 8:00 mark".
std::optional<LineWindow> read_mark(Cursor& cursor) {
  const std::size_t start = cursor.position();
  cursor.advance();
  cursor.accept_word("the");
  const auto seconds = read_duration(cursor);
  if (!seconds || !cursor.accept_word("mark")) {
    cursor.reset(start);
    return std::nullopt;
  }
  accept_separator(cursor);
  return LineWindow{.window = ClockWindow{*seconds, std::nullopt}};
}

// Index of the next "," or "/" at or after from that starts a new minute selection, with the
// window read after it, or nullopt when there is none.
std::optional<std::pair<std::size_t, LineWindow>> find_next_piece(const Cursor& cursor,
                                                                  std::size_t from) {
  const TokenizedLine& line = cursor.line();
  for (std::size_t index = from; index < cursor.end(); ++index) {
    const TokenKind kind = line.tokens[index].kind;
    if (kind != TokenKind::kComma && kind != TokenKind::kSlash) {
      continue;
    }
    Cursor probe(line, index + 1, cursor.end());
    if (!may_start_window(probe)) {
      continue;
    }
    if (auto window = read_line_window(probe); window && window->minutes) {
      return std::make_pair(index, std::move(*window));
    }
  }
  return std::nullopt;
}

// Moves the counts of a piece of one movement to that movement, where an alternating line keeps
// them: "Odd: 5 Power Cleans" has reps 5 on its line.
void move_counts_to_movement(MovementLine& piece) {
  if (piece.movements.size() != 1) {
    return;
  }
  Movement& movement = piece.movements.front();
  if (!movement.reps) {
    movement.reps = std::exchange(piece.reps, std::nullopt);
  }
  if (!movement.duration_seconds) {
    movement.duration_seconds = std::exchange(piece.duration_seconds, std::nullopt);
  }
  if (!movement.distance) {
    movement.distance = std::exchange(piece.distance, std::nullopt);
  }
}

// A piece that rests: "Min 3: rest", "Even: Rest 30 seconds". It becomes a movement named as
// written with canonical "rest", so that the line still lists what each minute holds.
std::optional<Movement> read_rest_piece(Cursor& body, const GrammarContext& context) {
  const std::size_t start = body.position();
  if (!body.accept_word("rest")) {
    return std::nullopt;
  }
  Movement movement;
  movement.name = written_text(body.line(), context.original, start, start + 1);
  movement.canonical = "rest";
  movement.duration_seconds = read_duration(body);
  if (!body.at_end()) {
    body.reset(start);
    return std::nullopt;
  }
  return movement;
}

}  // namespace

std::optional<LineWindow> read_line_window(Cursor& cursor) {
  if (starts_ordinal_minute(cursor)) {
    // "1st min:", "2nd minute -": minute N.
    const int minute = static_cast<int>(cursor.advance().value);
    cursor.advance();
    cursor.advance();
    accept_separator(cursor);
    return LineWindow{.minutes = MinuteSelection{.first = minute, .last = minute}};
  }
  if (cursor.is_word_in({"odd", "even"})) {
    return read_parity(cursor);
  }
  if (cursor.is_word_in({"minute", "minutes", "min", "mins"})) {
    return read_minute_numbers(cursor);
  }
  if (cursor.is_word("at")) {
    return read_mark(cursor);
  }
  if (cursor.is_word("from") || cursor.is(TokenKind::kTime)) {
    return read_clock_window(cursor);
  }
  return std::nullopt;
}

std::optional<MovementLine> parse_alternating_line(Cursor& cursor, const GrammarContext& context) {
  const std::size_t start = cursor.position();
  auto first = read_line_window(cursor);
  if (!first || !first->minutes) {
    cursor.reset(start);
    return std::nullopt;
  }

  // Pieces: the minutes and the token range of the movements done on them.
  struct Piece {
    MinuteSelection minutes;
    std::size_t begin = 0;
    std::size_t end = 0;
  };
  std::vector<Piece> pieces;
  pieces.push_back(Piece{*first->minutes, cursor.position(), cursor.end()});
  std::size_t search_from = cursor.position();
  while (pieces.size() < kMaxPieces) {
    auto next = find_next_piece(cursor, search_from);
    if (!next) {
      break;
    }
    pieces.back().end = next->first;
    // Skip the separator and the window to find where the piece's movements begin.
    Cursor probe(cursor.line(), next->first + 1, cursor.end());
    (void)read_line_window(probe);
    pieces.push_back(Piece{*next->second.minutes, probe.position(), cursor.end()});
    search_from = probe.position();
  }
  if (pieces.size() < 2) {
    cursor.reset(start);
    return std::nullopt;
  }

  MovementLine line;
  line.grouping = Grouping::kAlternating;
  // The intensity that each movement's minutes state, in the order of line.movements.
  std::vector<std::optional<Intensity>> intensities;
  for (const Piece& piece : pieces) {
    Cursor body(cursor.line(), piece.begin, piece.end);
    if (auto rest = read_rest_piece(body, context)) {
      rest->minutes = piece.minutes;
      line.movements.push_back(std::move(*rest));
      intensities.emplace_back();
      continue;
    }
    MovementLine parsed;
    if (!parse_movement_line(body, context, parsed) || parsed.movements.empty()) {
      cursor.reset(start);
      return std::nullopt;
    }
    move_counts_to_movement(parsed);
    for (Movement& movement : parsed.movements) {
      movement.minutes = piece.minutes;
      line.movements.push_back(std::move(movement));
      intensities.push_back(parsed.intensity.empty() ? std::nullopt
                                                     : std::optional<Intensity>(parsed.intensity));
    }
    // Quantities the movements cannot hold go to the line from the first piece that has them.
    line.per_side = line.per_side || parsed.per_side;
    if (!line.load) {
      line.load = parsed.load;
    }
    if (!line.calories) {
      line.calories = parsed.calories;
    }
    if (!parsed.remark.empty()) {
      line.remark += (line.remark.empty() ? "" : " ") + parsed.remark;
    }
  }
  // "Odd: 3 Power Cleans @ 75%, Even: 10 Burpees": the 75% is the line's but not for the burpees.
  // "Odd: … @ 70%, Even: … @ 80%": each movement keeps its own.
  assign_movement_intensities(line, std::move(intensities));
  cursor.reset(cursor.end());
  return line;
}

std::optional<int> minute_count(const MinuteSelection& minutes) {
  if (minutes.parity != MinuteParity::kAny || !minutes.first || !minutes.last) {
    return std::nullopt;
  }
  return *minutes.last - *minutes.first + 1;
}

}  // namespace wodetl::prescription
