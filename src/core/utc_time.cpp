#include "core/utc_time.hpp"

#include <charconv>
#include <cstdio>

namespace wodetl {

namespace {

using namespace std::chrono;

// Reads exactly `width` digits at `position`; g++ 12 has no std::chrono::parse.
std::optional<int> read_digits(std::string_view text, std::size_t position, std::size_t width) {
  if (position + width > text.size()) {
    return std::nullopt;
  }
  int value = 0;
  const char* first = text.data() + position;
  auto [end, error] = std::from_chars(first, first + width, value);
  if (error != std::errc() || end != first + width) {
    return std::nullopt;
  }
  return value;
}

bool has_char(std::string_view text, std::size_t position, char expected) {
  return position < text.size() && text[position] == expected;
}

std::string format(UtcSeconds time, const char* suffix) {
  const sys_days day = floor<days>(time);
  const year_month_day date{day};
  const hh_mm_ss clock{time - day};
  char text[48];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d%s", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                static_cast<int>(clock.seconds().count()), suffix);
  return text;
}

// Formats time with `digits` (3 or 6) digits of its fraction of a second, then `suffix`.
std::string format_with_fraction(system_clock::time_point time, int digits, const char* suffix) {
  const auto whole = floor<seconds>(time);
  const auto fraction = duration_cast<microseconds>(time - whole).count();
  char text[24];
  std::snprintf(text, sizeof text, ".%0*d%s", digits,
                static_cast<int>(digits == 3 ? fraction / 1000 : fraction), suffix);
  return format(whole, text);
}

}  // namespace

std::optional<UtcSeconds> parse_utc_timestamp(std::string_view text) {
  const std::optional<int> year_value = read_digits(text, 0, 4);
  const std::optional<int> month_value = read_digits(text, 5, 2);
  const std::optional<int> day_value = read_digits(text, 8, 2);
  if (!year_value || !month_value || !day_value || !has_char(text, 4, '-') ||
      !has_char(text, 7, '-')) {
    return std::nullopt;
  }
  const year_month_day date{year{*year_value}, month{static_cast<unsigned>(*month_value)},
                            day{static_cast<unsigned>(*day_value)}};
  if (!date.ok()) {
    return std::nullopt;
  }
  if (text.size() == 10) {
    return UtcSeconds{sys_days{date}};
  }

  if (!has_char(text, 10, 'T') && !has_char(text, 10, 't') && !has_char(text, 10, ' ')) {
    return std::nullopt;
  }
  const std::optional<int> hour_value = read_digits(text, 11, 2);
  const std::optional<int> minute_value = read_digits(text, 14, 2);
  const std::optional<int> second_value = read_digits(text, 17, 2);
  if (!hour_value || !minute_value || !second_value || !has_char(text, 13, ':') ||
      !has_char(text, 16, ':') || *hour_value > 23 || *minute_value > 59 || *second_value > 60) {
    return std::nullopt;
  }
  UtcSeconds time = sys_days{date} + hours{*hour_value} + minutes{*minute_value} +
                    seconds{std::min(*second_value, 59)};

  std::size_t position = 19;
  if (has_char(text, position, '.')) {
    ++position;
    const std::size_t digits_start = position;
    while (position < text.size() && text[position] >= '0' && text[position] <= '9') {
      ++position;
    }
    if (position == digits_start) {
      return std::nullopt;
    }
  }
  std::string_view offset = text.substr(position);
  if (offset.empty() || offset == "Z" || offset == "z") {
    return time;
  }
  if (offset.size() != 6 || (offset[0] != '+' && offset[0] != '-') || offset[3] != ':') {
    return std::nullopt;
  }
  const std::optional<int> offset_hours = read_digits(offset, 1, 2);
  const std::optional<int> offset_minutes = read_digits(offset, 4, 2);
  if (!offset_hours || !offset_minutes || *offset_hours > 23 || *offset_minutes > 59) {
    return std::nullopt;
  }
  const seconds shift = hours{*offset_hours} + minutes{*offset_minutes};
  // Local time = UTC + offset, so UTC = local - offset.
  return offset[0] == '+' ? time - shift : time + shift;
}

std::string format_utc_timestamp(UtcSeconds time) {
  return format(time, "Z");
}

std::string format_wordpress_gmt(UtcSeconds time) {
  return format(time, "");
}

std::string format_utc_milliseconds(system_clock::time_point time) {
  return format_with_fraction(time, 3, "Z");
}

std::string format_utc_isoformat(system_clock::time_point time) {
  return format_with_fraction(time, 6, "+00:00");
}

std::int64_t epoch_seconds(system_clock::time_point time) {
  return floor<seconds>(time.time_since_epoch()).count();
}

UtcSeconds utc_now() {
  return floor<seconds>(system_clock::now());
}

}  // namespace wodetl
