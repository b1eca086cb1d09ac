#include "transform/week_dates.hpp"

#include <re2/re2.h>

#include <array>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "transform/day_headers.hpp"
#include "transform/text_normalize.hpp"

namespace wodetl {

namespace {

using std::chrono::day;
using std::chrono::days;
using std::chrono::month;
using std::chrono::sys_days;
using std::chrono::weekday;
using std::chrono::year;
using std::chrono::year_month_day;

constexpr int kMaxRangeDays = 14;

const std::string kMonthAlternation =
    "(january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";

std::optional<unsigned> month_number(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kPrefixes = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  for (unsigned index = 0; index < kPrefixes.size(); ++index) {
    if (name.starts_with(kPrefixes[index])) {
      return index + 1;
    }
  }
  return std::nullopt;
}

// Text reduced to lower-case words and numbers separated by single spaces, so a title
// ("December 21-27, 2020 – 5 Day…") and a slug ("december-21-27-2020-5-day…") read alike.
std::string words_and_numbers(std::string_view text) {
  std::string normalized = normalize_for_matching(text);
  std::string out;
  out.reserve(normalized.size());
  for (const char c : normalized) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) {
      out += c;
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  if (!out.empty() && out.back() == ' ') {
    out.pop_back();
  }
  return out;
}

std::optional<year_month_day> make_date(int year_value, unsigned month_value, unsigned day_value) {
  const year_month_day date{year{year_value}, month{month_value}, day{day_value}};
  if (!date.ok()) {
    return std::nullopt;
  }
  return date;
}

std::optional<WeekRange> checked_range(std::optional<year_month_day> first,
                                       std::optional<year_month_day> last) {
  if (!first || !last) {
    return std::nullopt;
  }
  const auto span = (sys_days{*last} - sys_days{*first}).count();
  if (span < 0 || span >= kMaxRangeDays) {
    return std::nullopt;
  }
  return WeekRange{*first, *last};
}

int to_int(const std::string& digits) {
  return std::stoi(digits);
}
unsigned to_unsigned(const std::string& digits) {
  return static_cast<unsigned>(std::stoul(digits));
}

int full_year(const std::string& digits) {
  const int value = std::stoi(digits);
  return digits.size() == 2 ? 2000 + value : value;
}

//! The date of month and day in the year before, of or after `reference` nearest to it.
std::optional<year_month_day> nearest_date(unsigned month_value, unsigned day_value,
                                           year_month_day reference) {
  std::optional<year_month_day> best;
  const int reference_year = static_cast<int>(reference.year());
  for (int year_value = reference_year - 1; year_value <= reference_year + 1; ++year_value) {
    const std::optional<year_month_day> candidate = make_date(year_value, month_value, day_value);
    if (!candidate) {
      continue;
    }
    const auto distance = [&](year_month_day date) {
      const auto difference = (sys_days{date} - sys_days{reference}).count();
      return difference < 0 ? -difference : difference;
    };
    if (!best || distance(*candidate) < distance(*best)) {
      best = candidate;
    }
  }
  return best;
}

// First date on or after from that falls on wanted.
year_month_day next_weekday_on_or_after(year_month_day from, weekday wanted) {
  const sys_days start{from};
  const days ahead = wanted - weekday{start};
  return year_month_day{start + ahead};
}

//! Returns the date written in a header when it may replace the date the rules gave (`ruled`).
//! Its weekday must be the one the header names, and it must come after the previous header's
//! date, so that dates keep increasing through the post. A header of another session of the
//! previous header's day (`shares_previous_date`) may also name that same date. Adds a warning
//! when the written date is ignored, or when it differs from the ruled date of a post whose title
//! gives the week.
year_month_day choose_header_date(const std::string& header, year_month_day written,
                                  year_month_day ruled, std::optional<weekday> named,
                                  std::optional<year_month_day> previous, bool shares_previous_date,
                                  bool week_from_title, std::vector<std::string>& warnings) {
  static constexpr std::array<std::string_view, 7> kWeekdayNames = {
      "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
  const weekday written_weekday{sys_days{written}};
  if (named && written_weekday != *named) {
    warnings.push_back("the header '" + header + "' names " + format_iso_date(written) +
                       ", which is a " + std::string(kWeekdayNames[written_weekday.c_encoding()]) +
                       ", not a " + std::string(kWeekdayNames[named->c_encoding()]) +
                       ", so the day is dated " + format_iso_date(ruled) + " by its weekday");
    return ruled;
  }
  const bool before_previous =
      previous && (shares_previous_date ? sys_days{written} < sys_days{*previous}
                                        : sys_days{written} <= sys_days{*previous});
  if (before_previous) {
    warnings.push_back("the header '" + header + "' names " + format_iso_date(written) +
                       ", which is " + (shares_previous_date ? "before" : "not after") +
                       " the previous day (" + format_iso_date(*previous) +
                       "), so the day is dated " + format_iso_date(ruled) + " by its weekday");
    return ruled;
  }
  if (week_from_title && sys_days{written} != sys_days{ruled}) {
    warnings.push_back("the header '" + header + "' names " + format_iso_date(written) +
                       ", but the week in the title gives " + format_iso_date(ruled) +
                       "; the header's date is used");
  }
  return written;
}

// Returns the weekday a heading or title names, given its reading as a day header. The header's
// reading also recognizes abbreviations ("Tue 4/2"). For other text, such as a heading in the
// original pipeline's events, it is the first full weekday name in the text.
std::optional<weekday> named_weekday(std::string_view text,
                                     const std::optional<DayHeader>& header) {
  return header ? header->weekday : find_weekday(normalize_for_matching(text));
}

// Returns the weekday a heading or title names (see the overload above).
std::optional<weekday> named_weekday(std::string_view text) {
  return named_weekday(text, match_day_header(text));
}

// Whether `heading` opens another session of the previous day's date rather than a day of its
// own: "Monday PM" after "Monday AM" or "Monday", "Monday (Session Two)" after "Monday (Session
// One)". It must name a time of day or a numbered session, name the weekday of the previous
// date, and differ from the previous heading, so that the two sessions keep different keys.
bool is_session_of_previous_day(std::string_view heading, const std::optional<DayHeader>& header,
                                std::string_view previous_heading,
                                std::optional<year_month_day> previous) {
  if (!previous) {
    return false;
  }
  return header && header->names_session_of_day && header->weekday &&
         *header->weekday == weekday{sys_days{*previous}} &&
         normalize_for_matching(heading) != normalize_for_matching(previous_heading);
}

// Returns the date of a daily post without day headers: the date its title names, "Saturday
// 3.9.24 – Team Day", when that is within a week of the publication date and falls on the weekday
// the title names, if any. Otherwise the publication date. Gyms often publish the evening
// before, so a title's date one day after publication is used without a warning. Any other
// difference adds one.
year_month_day daily_post_date(const std::string& title, year_month_day published,
                               std::vector<std::string>& warnings) {
  const std::optional<year_month_day> written = find_header_date(title, published);
  if (!written || sys_days{*written} == sys_days{published}) {
    return published;
  }
  constexpr std::chrono::days kMaxDistance{7};
  const std::chrono::days distance = sys_days{*written} - sys_days{published};
  const std::optional<weekday> named = named_weekday(title);
  if (distance > kMaxDistance || distance < -kMaxDistance ||
      (named && weekday{sys_days{*written}} != *named)) {
    return published;
  }
  if (distance != std::chrono::days{1}) {
    warnings.push_back("the title '" + title + "' names " + format_iso_date(*written) +
                       ", but the post was published on " + format_iso_date(published) +
                       "; the title's date is used");
  }
  return *written;
}

}  // namespace

std::optional<year_month_day> parse_iso_date(std::string_view text) {
  // Exactly "YYYY-MM-DD", optionally followed by "T…": "21-12-2020" must not pass as year 21.
  if (text.size() < 10 || (text.size() > 10 && text[10] != 'T')) {
    return std::nullopt;
  }
  auto digits = [text](std::size_t from, std::size_t count) -> std::optional<unsigned> {
    unsigned value = 0;
    for (std::size_t index = from; index < from + count; ++index) {
      if (text[index] < '0' || text[index] > '9') {
        return std::nullopt;
      }
      value = value * 10 + static_cast<unsigned>(text[index] - '0');
    }
    return value;
  };
  const auto year_value = digits(0, 4);
  const auto month_value = digits(5, 2);
  const auto day_value = digits(8, 2);
  if (!year_value || !month_value || !day_value || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  return make_date(static_cast<int>(*year_value), *month_value, *day_value);
}

std::string format_iso_date(year_month_day date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

std::optional<year_month_day> find_header_date(std::string_view header, year_month_day reference) {
  const std::string text = normalize_for_matching(header);
  static const RE2 iso(R"(\b(\d{4})-(\d{1,2})-(\d{1,2})\b)");
  static const RE2 numeric(R"(\b(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})\b)");
  // "4/13" without a year, but not the "5/3" of "5/3/1".
  static const RE2 month_day(R"((?:^|[^\d./-])(\d{1,2})/(\d{1,2})(?:$|[^\d./]|\.(?:$|\D)))");
  static const RE2 compact(R"(\b(\d{2})(\d{2})(\d{2})\b)");
  static const RE2 named(
      R"(\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?)");

  std::string first;
  std::string second;
  std::string third;
  if (RE2::PartialMatch(text, iso, &first, &second, &third)) {
    return make_date(std::stoi(first), to_unsigned(second), to_unsigned(third));
  }
  if (RE2::PartialMatch(text, numeric, &first, &second, &third)) {
    unsigned month_value = to_unsigned(first);
    unsigned day_value = to_unsigned(second);
    if (month_value > 12 && day_value <= 12) {
      std::swap(month_value, day_value);
    }
    return make_date(full_year(third), month_value, day_value);
  }
  if (RE2::PartialMatch(text, compact, &first, &second, &third)) {
    return make_date(full_year(first), to_unsigned(second), to_unsigned(third));
  }
  if (RE2::PartialMatch(text, named, &first, &second, &third)) {
    const unsigned month_value = *month_number(first);
    if (!third.empty()) {
      return make_date(std::stoi(third), month_value, to_unsigned(second));
    }
    return nearest_date(month_value, to_unsigned(second), reference);
  }
  if (RE2::PartialMatch(text, month_day, &first, &second)) {
    unsigned month_value = to_unsigned(first);
    unsigned day_value = to_unsigned(second);
    if (month_value > 12 && day_value <= 12) {
      std::swap(month_value, day_value);
    }
    return nearest_date(month_value, day_value, reference);
  }
  return std::nullopt;
}

std::optional<WeekRange> find_week_range(std::string_view text, std::optional<year> default_year) {
  const std::string words = words_and_numbers(text);
  const std::string m = kMonthAlternation;
  const std::string d = R"((\d{1,2}))";
  const std::string y = R"((\d{4}))";
  // "december 28 2020 january 3 2021"
  static const RE2 two_years("\\b" + m + " " + d + " " + y + " " + m + " " + d + " " + y + "\\b");
  // "november 30 december 6 2020" and, without a year, "november 30 december 6"
  static const RE2 two_months("\\b" + m + " " + d + " " + m + " " + d + "(?: " + y + ")?\\b");
  // "december 21 27 2020" and "april 1 7"
  static const RE2 one_month("\\b" + m + " " + d + " " + d + "(?: " + y + ")?\\b");

  std::string month1;
  std::string month2;
  std::string day1;
  std::string day2;
  std::string year1;
  std::string year2;
  if (RE2::PartialMatch(words, two_years, &month1, &day1, &year1, &month2, &day2, &year2)) {
    return checked_range(make_date(to_int(year1), *month_number(month1), to_unsigned(day1)),
                         make_date(to_int(year2), *month_number(month2), to_unsigned(day2)));
  }

  auto resolve_year = [&](const std::string& digits) -> std::optional<int> {
    if (!digits.empty()) {
      return to_int(digits);
    }
    if (default_year) {
      return static_cast<int>(*default_year);
    }
    return std::nullopt;
  };

  if (RE2::PartialMatch(words, two_months, &month1, &day1, &month2, &day2, &year2)) {
    const std::optional<int> end_year = resolve_year(year2);
    if (!end_year) {
      return std::nullopt;
    }
    const unsigned first_month = *month_number(month1);
    const unsigned last_month = *month_number(month2);
    // "December 28 - January 3, 2021" starts in the year before the one written.
    const int start_year = first_month > last_month ? *end_year - 1 : *end_year;
    return checked_range(make_date(start_year, first_month, to_unsigned(day1)),
                         make_date(*end_year, last_month, to_unsigned(day2)));
  }

  if (RE2::PartialMatch(words, one_month, &month1, &day1, &day2, &year1)) {
    const std::optional<int> range_year = resolve_year(year1);
    if (!range_year) {
      return std::nullopt;
    }
    const unsigned month_value = *month_number(month1);
    return checked_range(make_date(*range_year, month_value, to_unsigned(day1)),
                         make_date(*range_year, month_value, to_unsigned(day2)));
  }
  return std::nullopt;
}

Result<DatedPost> sessions_to_date_records(SegmentedPost segmented) {
  DatedPost dated;
  dated.source = std::move(segmented.source);
  dated.post_date = std::move(segmented.post_date);
  dated.preamble = std::move(segmented.preamble);

  const std::optional<year_month_day> post_date = parse_iso_date(dated.post_date);

  // A daily post without day headers is one session on the day the site published it.
  if (segmented.dated_by_post) {
    if (!post_date) {
      return Error::invalid_input(
          "cannot date the daily post: its date '" + dated.post_date + "' is not an ISO date",
          PostRef{.id = dated.source.post_id, .slug = dated.source.slug, .url = dated.source.link},
          "Check the post's date field");
    }
    const year_month_day date = daily_post_date(dated.source.title, *post_date, dated.warnings);
    for (SegmentedDay& day : segmented.days) {
      dated.sessions.push_back(DatedSession{format_iso_date(date), std::move(day)});
    }
    return dated;
  }

  const std::optional<year> default_year =
      post_date ? std::optional<year>(post_date->year()) : std::nullopt;

  std::optional<WeekRange> range = find_week_range(dated.source.title, default_year);
  const std::optional<WeekRange> slug_range = find_week_range(dated.source.slug, default_year);
  if (!range) {
    range = slug_range;
  } else if (slug_range && (sys_days{slug_range->first} != sys_days{range->first} ||
                            sys_days{slug_range->last} != sys_days{range->last})) {
    dated.warnings.push_back("the title's week (" + format_iso_date(range->first) + " to " +
                             format_iso_date(range->last) + ") differs from the slug's (" +
                             format_iso_date(slug_range->first) + " to " +
                             format_iso_date(slug_range->last) + "); the title's week is used");
  }

  if (!range && !post_date && !segmented.days.empty()) {
    return Error::invalid_input(
        "cannot date the sessions: the title and slug name no week and the post date '" +
            dated.post_date + "' is not an ISO date",
        PostRef{.id = dated.source.post_id, .slug = dated.source.slug, .url = dated.source.link},
        "Check the post's date field");
  }

  std::optional<year_month_day> previous;
  std::string previous_heading;
  for (SegmentedDay& day : segmented.days) {
    const std::string& heading = day.segments.front().heading.text;
    // The header's reading gives the weekday, so "Tue 4/2 – Wednesday's make-up" is a Tuesday. It
    // also marks a second session of the previous day ("Monday PM" after "Monday AM").
    const std::optional<DayHeader> header = match_day_header(heading);
    const std::optional<weekday> named = named_weekday(heading, header);
    const bool shares_previous_date =
        is_session_of_previous_day(heading, header, previous_heading, previous);

    year_month_day date{};
    if (shares_previous_date) {
      date = *previous;
    } else if (!previous) {
      year_month_day start = range ? range->first : *post_date;
      // "Day 1" in a post of a Saturday or a Sunday: weekly programs are often posted at the
      // weekend for the week ahead, so the first day is the next Monday.
      const weekday posted{sys_days{start}};
      if (!range && !named && (posted == std::chrono::Saturday || posted == std::chrono::Sunday)) {
        start = next_weekday_on_or_after(start, std::chrono::Monday);
      }
      date = named ? next_weekday_on_or_after(start, *named) : start;
    } else {
      const year_month_day after{sys_days{*previous} + days{1}};
      date = named ? next_weekday_on_or_after(after, *named) : after;
    }
    if (const std::optional<year_month_day> written =
            find_header_date(heading, range ? range->first : *post_date)) {
      date = choose_header_date(heading, *written, date, named, previous, shares_previous_date,
                                range.has_value(), dated.warnings);
    }
    if (range && sys_days{date} > sys_days{range->last}) {
      dated.warnings.push_back("'" + heading + "' falls on " + format_iso_date(date) +
                               ", after the post's week ending " + format_iso_date(range->last));
    }
    previous = date;
    previous_heading = heading;
    dated.sessions.push_back(DatedSession{format_iso_date(date), std::move(day)});
  }
  return dated;
}

}  // namespace wodetl
