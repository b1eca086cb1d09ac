#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/session.hpp"

namespace wodetl {

//! Inclusive range of dates a weekly post covers.
struct WeekRange {
  std::chrono::year_month_day first;
  std::chrono::year_month_day last;
};

//! Finds a week range such as "December 21-27, 2020", "December 28, 2020 – January 3, 2021" or
//! "November 30 - December 6, 2020" in a title or slug ("december-21-27-2020-…"). A range
//! without a year takes default_year; one whose end month is earlier than its start month ends
//! in the next year. Returns nullopt when there is no valid range of 1 to 14 days.
[[nodiscard]] std::optional<WeekRange> find_week_range(
    std::string_view text, std::optional<std::chrono::year> default_year);

//! Parses "2020-12-20" or the date of "2020-12-20T17:00:21"; any other form gives nullopt.
[[nodiscard]] std::optional<std::chrono::year_month_day> parse_iso_date(std::string_view text);

//! Formats a date as "2020-12-21".
[[nodiscard]] std::string format_iso_date(std::chrono::year_month_day date);

//! Finds a date written in a day header. It reads ISO dates ("2021-02-08"), and month-first
//! dates as US blogs write them ("02.08.21", "2/8/2021", "2-8-21"), which are read day first
//! when the first number is above 12. It also reads six digits as YYMMDD ("210208"), a month
//! name with a day ("February 8", "Feb. 8th, 2021") and a month and day with a slash ("4/13",
//! but not the "5/3" of "5/3/1").
//! A two-digit year is 20YY. A date without a year takes the year that puts it nearest to
//! `reference` (the post's date), so "December 28" in a post of January 2 is in the year
//! before. Returns nullopt when the header contains no valid date.
[[nodiscard]] std::optional<std::chrono::year_month_day> find_header_date(
    std::string_view header, std::chrono::year_month_day reference);

//! Stage sessions_to_date_records: gives every day its date. With a week range from the title
//! (or, failing that, the slug), a header naming a weekday gets that weekday's date in the range;
//! otherwise the first header takes the first date on or after the post's date with its weekday
//! and each later header the first date after the previous one with its weekday. A header without
//! a weekday takes the day after the previous one (the range start or the post date for the first).
//! A header that names a time of day or a numbered session and the weekday of the previous
//! header's date ("Monday PM" after "Monday AM") is another session of that date, unless its text
//! is the previous header's.
//! A post with dated_by_post set (a daily post without day headers) is one day on the post's
//! date, or on the date its title names when that is within a week of it (with a warning unless
//! it is the day after). Returns Error::invalid_input when the post's date is not an ISO date.
[[nodiscard]] Result<DatedPost> sessions_to_date_records(SegmentedPost segmented);

}  // namespace wodetl
