#include "transform/day_headers.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <string>
#include <utility>

#include "transform/text_normalize.hpp"

namespace wodetl {

namespace {

// Headers are short; a longer line that starts with a weekday is prose.
constexpr std::size_t kMaxHeaderLength = 70;

constexpr std::array<std::string_view, 7> kWeekdayNames = {
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};

struct WeekdayAbbreviation {
  std::string_view text;
  unsigned day;  // as std::chrono::weekday counts, Sunday = 0
};

constexpr WeekdayAbbreviation kWeekdayAbbreviations[] = {
    {"sun", 0}, {"mon", 1},  {"tue", 2},   {"tues", 2}, {"wed", 3}, {"weds", 3},
    {"thu", 4}, {"thur", 4}, {"thurs", 4}, {"fri", 5},  {"sat", 6}};

// Decoration a coach may put around a header: bullets, asterisks, hashes, dashes before it and
// asterisks after it.
std::string_view skip_decoration(std::string_view text) {
  while (!text.empty() && (text.back() == '*' || text.back() == ' ')) {
    text.remove_suffix(1);
  }
  while (!text.empty() && (text.front() == '*' || text.front() == '#' || text.front() == '-' ||
                           text.front() == ' ' || text.front() == '>')) {
    text.remove_prefix(1);
  }
  if (text.starts_with("\xE2\x80\xA2")) {  // bullet U+2022
    text.remove_prefix(3);
    while (!text.empty() && text.front() == ' ') {
      text.remove_prefix(1);
    }
  }
  return text;
}

const RE2& weekday_header_pattern() {
  // A weekday, then the end of the line or a separator and a short remainder.
  static const RE2 pattern(
      R"(^(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday)(?:$|\s*[:,.(/|-]\s*(.*)$|\s+([^'\s].*)$))");
  return pattern;
}

const RE2& possessive_header_pattern() {
  // "Wednesday's WOD", "Thursday's workout: Fran", after normalization made curly apostrophes
  // straight.
  static const RE2 pattern(
      R"(^(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday)'s\s+(?:wod|workout)(?:$|\s*[:,.(/|-]\s*(.*)$))");
  return pattern;
}

const RE2& abbreviated_header_pattern() {
  // "Tue 4/2", "Sat. 4/13 - Partner WOD", "Thu 12.24.20", "Fri, Apr. 5". A month and day
  // without a year take a slash, so "Mon 3-5 reps" is no date.
  static const RE2 pattern(
      R"(^(sun|mon|tues?|weds?|thu|thurs?|fri|sat)\.?,?\s+(?:\d{1,2}/\d{1,2}(?:/\d{4}|/\d{2})?|\d{1,2}[.-]\d{1,2}[.-](?:\d{4}|\d{2})|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?)(?:$|\s*[:,.(|-]\s*(.*)$|\s+(.*)$))");
  return pattern;
}

const RE2& numbered_header_pattern() {
  // "day 2", "session five - tuesday", "week 3, session 2", "day two/tuesday".
  static const RE2 pattern(
      R"(^(?:week\s+\d{1,2}\s*[,:-]?\s*)?(?:day|session)\s+(?:\d{1,2}|one|two|three|four|five|six|seven)(?:$|\s*[:,.(/|-]\s*(.*)$))");
  return pattern;
}

// "am", "p.m.", "evening", "session two", "2nd session": which session of the day a header names,
// as in "Monday PM" or "Monday (Session Two)".
const RE2& session_of_day_pattern() {
  static const RE2 pattern(
      R"((?:^|[^a-z0-9])(?:am|pm|a\.m|p\.m|morning|afternoon|evening|night|noon|midday|session\s+(?:\d{1,2}|one|two|three|four|five|six|seven)|(?:1st|2nd|3rd|first|second|third)\s+session)(?:$|[^a-z0-9]))");
  return pattern;
}

const RE2& rest_pattern() {
  static const RE2 pattern(R"(\b(?:rest|off|closed|recovery)\b)");
  return pattern;
}

// Cheap test run before any normalization or regular expression, because most lines are not
// headers: the first word, after decoration, must be a weekday or "day", "session" or "week".
bool starts_like_header(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size() &&
         (text[start] == '*' || text[start] == '#' || text[start] == '-' || text[start] == ' ' ||
          text[start] == '>' || static_cast<unsigned char>(text[start]) >= 0x80)) {
    ++start;
  }
  const std::string word = leading_word(text.substr(start));
  if (word == "day" || word == "session" || word == "week") {
    return true;
  }
  if (std::find(kWeekdayNames.begin(), kWeekdayNames.end(), word) != kWeekdayNames.end()) {
    return true;
  }
  return std::any_of(std::begin(kWeekdayAbbreviations), std::end(kWeekdayAbbreviations),
                     [&word](const WeekdayAbbreviation& entry) { return entry.text == word; });
}

// Whether the normalized, undecorated text starts with a weekday's abbreviation as a word: "tue
// 4/2", "sat. 4/13".
bool starts_with_abbreviation(std::string_view text) {
  const std::size_t end = text.find_first_of(" .,");
  const std::string_view word = text.substr(0, end);
  return std::any_of(std::begin(kWeekdayAbbreviations), std::end(kWeekdayAbbreviations),
                     [word](const WeekdayAbbreviation& entry) { return entry.text == word; });
}

std::optional<std::chrono::weekday> abbreviated_weekday(std::string_view abbreviation) {
  for (const WeekdayAbbreviation& entry : kWeekdayAbbreviations) {
    if (entry.text == abbreviation) {
      return std::chrono::weekday{entry.day};
    }
  }
  return std::nullopt;
}

std::size_t word_count(std::string_view text) {
  std::size_t count = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = c == ' ';
    if (!space && !in_word) {
      ++count;
    }
    in_word = !space;
  }
  return count;
}

}  // namespace

std::optional<std::chrono::weekday> find_weekday(std::string_view normalized) {
  std::optional<std::chrono::weekday> found;
  std::size_t found_at = std::string_view::npos;
  for (unsigned day = 0; day < kWeekdayNames.size(); ++day) {
    const std::size_t at = normalized.find(kWeekdayNames[day]);
    if (at != std::string_view::npos && at < found_at) {
      found_at = at;
      found = std::chrono::weekday{day};
    }
  }
  return found;
}

std::optional<DayHeader> match_day_header(std::string_view line_text) {
  if (line_text.size() > kMaxHeaderLength * 2 || !starts_like_header(line_text)) {
    return std::nullopt;
  }
  const std::string normalized = normalize_for_matching(line_text);
  const std::string_view text = skip_decoration(normalized);
  if (text.size() > kMaxHeaderLength || text.empty()) {
    return std::nullopt;
  }

  std::string remainder;
  std::string prose;
  std::string abbreviation;
  bool matched = false;
  bool numbered = false;
  if (RE2::FullMatch(text, weekday_header_pattern(), &remainder, &prose)) {
    // After a separator a few words may follow ("Monday - Heavy Squat Day"); without one only a
    // date ("Tuesday 190305") or two words, so "Monday and Wednesday are heavy" stays prose.
    const bool date_follows = !prose.empty() && prose.front() >= '0' && prose.front() <= '9';
    matched = prose.empty() ? word_count(remainder) <= 6 : date_follows || word_count(prose) <= 2;
  } else if (text.find("'s ") != std::string_view::npos &&
             RE2::FullMatch(text, possessive_header_pattern(), &remainder)) {
    // A possessive weekday starts prose ("Tuesday's session was hard") unless "WOD" or "workout"
    // follows it. Then only a separator and a few words may come next, so "Wednesday's workout
    // was brutal" stays prose too.
    matched = word_count(remainder) <= 6;
  } else if (starts_with_abbreviation(text) && RE2::FullMatch(text, abbreviated_header_pattern(),
                                                              &abbreviation, &remainder, &prose)) {
    // An abbreviation is a header only before a date, because "Sun", "Wed" and "Sat" are words too.
    matched = word_count(remainder) + word_count(prose) <= 6;
  } else if (RE2::FullMatch(text, numbered_header_pattern(), &remainder)) {
    matched = word_count(remainder) <= 6;
    numbered = true;
  }
  if (!matched) {
    return std::nullopt;
  }

  DayHeader header;
  header.weekday = abbreviation.empty() ? find_weekday(text) : abbreviated_weekday(abbreviation);
  header.mentions_rest = RE2::PartialMatch(text, rest_pattern());
  if (numbered) {
    header.after_numbered_label = std::move(remainder);
  } else {
    // Every form of session_of_day_pattern contains one of these: most headers skip the expression.
    constexpr std::string_view kSessionHints[] = {"am",   "pm",      "a.m",   "p.m",    "morning",
                                                  "noon", "evening", "night", "midday", "session"};
    const bool hinted = std::any_of(
        std::begin(kSessionHints), std::end(kSessionHints),
        [text](std::string_view hint) { return text.find(hint) != std::string_view::npos; });
    header.names_session_of_day = hinted && RE2::PartialMatch(text, session_of_day_pattern());
  }
  return header;
}

}  // namespace wodetl
