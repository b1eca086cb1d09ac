#include "transform/part_labels.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <iterator>

#include "transform/prescription/line_parser.hpp"
#include "transform/text_normalize.hpp"

namespace wodetl {

namespace {

constexpr std::size_t kMaxLabelOnlyLength = 40;

// Returns the length of a dash with a space on each side at text[at], " - ", " – " or " — ", or 0.
std::size_t spaced_dash_length(std::string_view text, std::size_t at) {
  for (const std::string_view dash : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
    if (text.substr(at).starts_with(dash)) {
      return dash.size();
    }
  }
  return 0;
}

// Returns the text after the first spaced dash of text (see spaced_dash_length), or after an em
// dash without spaces, which normalize_for_matching spaces too ("Strength—Deadlift 4x3"), trimmed.
// Returns an empty string when there is none.
std::string text_after_spaced_dash(std::string_view text) {
  for (std::size_t at = 0; at < text.size(); ++at) {
    std::size_t dash = text[at] == ' ' ? spaced_dash_length(text, at) : 0;
    if (text.substr(at).starts_with("\xE2\x80\x94") ||
        text.substr(at).starts_with("\xE2\x80\x95")) {
      dash = 3;
    }
    if (dash > 0) {
      return std::string(trim_spaces(text.substr(at + dash)));
    }
  }
  return {};
}

// Reads a letter label: "A.", "(B)", "C)", "D: text", "A1. text", "B – text". The label must be
// followed by a space or the end, so "E.g." stays text. Written by hand because it runs on every
// line that starts with a capital letter and needs no more than a few character comparisons.
std::optional<PartLabel> read_letter_label(std::string_view text) {
  std::size_t at = 0;
  const bool opened = text.size() > at && text[at] == '(';
  at += opened ? 1 : 0;
  if (at >= text.size() || text[at] < 'A' || text[at] > 'Z') {
    return std::nullopt;
  }
  std::string label(1, text[at++]);
  if (at < text.size() && text[at] >= '1' && text[at] <= '9') {
    label += text[at++];
  }
  // "P1: 400m Run" under a partner workout is what partner one does. A part P1 would come after
  // fifteen lettered parts, so P and a digit is taken for a partner and is never a part label.
  if (label.size() == 2 && label.front() == 'P') {
    return std::nullopt;
  }
  const bool closed = at < text.size() && text[at] == ')';
  if (opened && !closed) {
    return std::nullopt;
  }
  at += closed ? 1 : 0;
  const bool punctuated =
      at < text.size() && (text[at] == '.' || text[at] == ':' || text[at] == ')');
  if (punctuated) {
    ++at;
  } else if (!closed) {
    // "B – Snatch Pull 3 x 3": a spaced dash after the letter, then text. "I – " is more often
    // prose than part I.
    const std::size_t dash = spaced_dash_length(text, at);
    const std::string rest = dash > 0 ? std::string(trim_spaces(text.substr(at + dash))) : "";
    if (rest.empty() || label == "I") {
      return std::nullopt;
    }
    return PartLabel{SegmentKind::kPart, std::move(label), rest};
  }
  if (at < text.size() && text[at] != ' ' && text[at] != '\t' &&
      !text.substr(at).starts_with("\xC2\xA0")) {
    return std::nullopt;
  }
  return PartLabel{SegmentKind::kPart, std::move(label), std::string(trim_spaces(text.substr(at)))};
}

const RE2& number_label_pattern() {
  static const RE2 pattern(R"(^\(?(\d{1,2})[.)]$)");
  return pattern;
}

// "2) Deadlift 3x5 @ 70%": a number closed by a parenthesis, then text.
const RE2& numbered_text_pattern() {
  static const RE2 pattern(R"(^\(?(\d{1,2})\)\s+(\S.*)$)");
  return pattern;
}

const RE2& warm_up_pattern() {
  // Normalized text: "suggested warm-up", "warm up:", "general warmup (10 min)"; a sentence
  // such as "warm up the shoulders" is not a label.
  static const RE2 pattern(
      R"(^(?:suggested\s+|general\s+|specific\s+)?warm\s?-?\s?ups?(?:\s*\([^)]*\))?\s*(?::\s*(.*))?$)");
  return pattern;
}

const RE2& named_part_pattern() {
  static const RE2 pattern(
      R"(^(strength\s*/\s*skill|skill\s*/\s*strength|strength|skill|metcon|conditioning|intervals?|accessory|accessories|cash\s?-?\s?out|cool\s?-?\s?down|mobility|finisher|core|gymnastics|weightlifting|wod|(?:partner|team)\s+wod|workout\s+of\s+the\s+day|buy\s?-?\s?in|option\s+[a-z0-9]|event\s+\d{1,2})(?:\s*\([a-z0-9 ]{1,20}\))?(?:\s+(\d{1,2}))?\s*(?::\s*(.*))?$)");
  return pattern;
}

// "Part A", "Part B:", "Part A - Complex:", "Part 2 – Back Squat 5x5": the part's letter or number,
// with the text after a colon or a dash.
const RE2& part_word_pattern() {
  static const RE2 pattern(R"(^part\s+([a-z]\d?|\d{1,2})(?:\s*[:-]\s*(.*)|\s*)$)");
  return pattern;
}

// Text after the first ':' or dash ('-', U+2013, U+2014) of the original line, trimmed; empty when
// there is none.
std::string text_after_separator(std::string_view text) {
  const std::size_t separator = text.find_first_of(":-\xE2");
  if (separator == std::string_view::npos) {
    return {};
  }
  std::size_t after = separator + 1;
  if (text[separator] == '\xE2') {
    if (!text.substr(separator).starts_with("\xE2\x80\x93") &&
        !text.substr(separator).starts_with("\xE2\x80\x94")) {
      return {};
    }
    after = separator + 3;
  }
  return std::string(trim_spaces(text.substr(after)));
}

// Text after the first ':' of the original line, trimmed; empty when there is none.
std::string text_after_colon(std::string_view text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos) {
    return {};
  }
  return std::string(trim_spaces(text.substr(colon + 1)));
}

std::string canonical_name(std::string_view name) {
  std::string out;
  for (const char c : name) {
    const char mapped = c == '-' ? ' ' : c;
    if (mapped == ' ' && (out.empty() || out.back() == ' ')) {
      continue;
    }
    out += mapped;
  }
  while (!out.empty() && out.back() == ' ') {
    out.pop_back();
  }
  // "cashout" and "cash out" name the same part.
  if (out == "cashout") {
    return "cash out";
  }
  if (out == "cooldown") {
    return "cool down";
  }
  if (out == "buyin") {
    return "buy in";
  }
  return out;
}

// First words that can open a warm-up or named part; other lines skip the regular expressions.
bool may_open_named_part(const std::string& word) {
  static constexpr std::string_view kWords[] = {
      "suggested", "general",    "specific",      "warm",         "warmup",    "warmups",
      "strength",  "skill",      "metcon",        "conditioning", "accessory", "accessories",
      "cash",      "cashout",    "cool",          "cooldown",     "mobility",  "finisher",
      "core",      "gymnastics", "wod",           "buy",          "buyin",     "option",
      "event",     "part",       "weightlifting", "partner",      "team",      "workout",
      "interval",  "intervals"};
  return std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords);
}

}  // namespace

std::optional<PartLabel> match_part_label(std::string_view line_text) {
  const std::string_view text = trim_spaces(line_text);
  if (text.empty()) {
    return std::nullopt;
  }

  const char first = text.front();
  if ((first >= 'A' && first <= 'Z') || first == '(') {
    if (std::optional<PartLabel> label = read_letter_label(text)) {
      return label;
    }
  }
  if ((first >= '0' && first <= '9') || first == '(') {
    std::string number;
    if (RE2::FullMatch(text, number_label_pattern(), &number)) {
      return PartLabel{SegmentKind::kPart, number, {}};
    }
    // A numbered line that prescribes work opens a part: "2) Deadlift 3x5 @ 70%". One of prose,
    // "1) Take 5 minutes to work on your mobility", stays a line, as do lines numbered with a
    // period, which number lists of instructions more often than parts.
    std::string rest;
    if (RE2::FullMatch(text, numbered_text_pattern(), &number, &rest) &&
        prescription::parse_prescription_line(rest).kind != prescription::LineKind::kNote) {
      return PartLabel{SegmentKind::kPart, number, std::move(rest)};
    }
  }

  if (!may_open_named_part(leading_word(text))) {
    return std::nullopt;
  }
  const std::string normalized = normalize_for_matching(text);
  const bool has_colon = normalized.find(':') != std::string::npos;
  const std::size_t spaced_dash = normalized.find(" - ");
  if (!has_colon && spaced_dash == std::string::npos && normalized.size() > kMaxLabelOnlyLength) {
    return std::nullopt;
  }
  const char lead = normalized.empty() ? '\0' : normalized.front();
  if (lead == 's' || lead == 'g' || lead == 'w') {
    std::string rest;
    if (RE2::FullMatch(normalized, warm_up_pattern(), &rest)) {
      return PartLabel{SegmentKind::kWarmUp, "warm_up", text_after_colon(text)};
    }
  }
  std::string name;
  std::string number;
  std::string rest;
  // "Part B" is part B, which fills segment_b as "B." does.
  if (lead == 'p' && RE2::FullMatch(normalized, part_word_pattern(), &name, &rest)) {
    for (char& c : name) {
      c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    }
    return PartLabel{SegmentKind::kPart, std::move(name), text_after_separator(text)};
  }
  // "Strength – Deadlift 4x3 @ 80%": a part's name before a spaced dash, then text.
  const bool before_dash = spaced_dash != std::string::npos && !has_colon &&
                           RE2::FullMatch(std::string_view(normalized).substr(0, spaced_dash),
                                          named_part_pattern(), &name, &number, &rest);
  if (before_dash || RE2::FullMatch(normalized, named_part_pattern(), &name, &number, &rest)) {
    std::string label = canonical_name(name);
    if (!number.empty()) {
      label += " " + number;
    }
    return PartLabel{SegmentKind::kPart, std::move(label),
                     before_dash ? text_after_spaced_dash(text) : text_after_colon(text)};
  }
  return std::nullopt;
}

char numbered_part_letter(std::string_view label) {
  if (label.size() < 2 || label.front() < 'A' || label.front() > 'Z') {
    return 0;
  }
  for (const char c : label.substr(1)) {
    if (c < '0' || c > '9') {
      return 0;
    }
  }
  return label.front();
}

const char* flat_field_for(const Segment& segment) {
  if (segment.kind == SegmentKind::kWarmUp) {
    return "warm_up";
  }
  if (segment.kind != SegmentKind::kPart || segment.label.empty()) {
    return nullptr;
  }
  const char first = segment.label.front();
  const bool letter =
      first >= 'A' && first <= 'E' &&
      (segment.label.size() == 1 ||
       (segment.label.size() == 2 && segment.label[1] >= '1' && segment.label[1] <= '9'));
  if (letter) {
    return kFlatPartFields[first - 'A'];
  }
  if (segment.label.size() == 1 && first >= '1' && first <= '5') {
    return kFlatPartFields[first - '1'];
  }
  return nullptr;
}

}  // namespace wodetl
