#pragma once
// UTC timestamps as WordPress sends them ("2020-12-20T22:05:00" in *_gmt fields) and as wodetl
// sends them back in modified_after and after ("2020-12-20T22:05:00Z").

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wodetl {

//! A point in time with whole seconds, in UTC.
using UtcSeconds = std::chrono::sys_seconds;

//! Parses an ISO 8601 date-time: "YYYY-MM-DDTHH:MM:SS" with an optional fraction (dropped) and
//! an optional "Z" or "+HH:MM"/"-HH:MM" offset. A value without an offset is taken as UTC, as
//! WordPress's *_gmt fields are. A space may stand for the "T". A date alone ("2024-01-31")
//! is midnight UTC. Returns nothing for any other text or an invalid date or time.
[[nodiscard]] std::optional<UtcSeconds> parse_utc_timestamp(std::string_view text);

//! Formats as "2020-12-20T22:05:00Z".
[[nodiscard]] std::string format_utc_timestamp(UtcSeconds time);

//! Formats as WordPress's *_gmt fields do, without an offset: "2020-12-20T22:05:00".
[[nodiscard]] std::string format_wordpress_gmt(UtcSeconds time);

//! Formats with milliseconds: "2024-05-01T12:00:00.123Z".
[[nodiscard]] std::string format_utc_milliseconds(std::chrono::system_clock::time_point time);

//! Formats with microseconds and an offset, as Python's datetime.isoformat() writes a UTC time:
//! "2024-05-01T12:00:00.123456+00:00".
[[nodiscard]] std::string format_utc_isoformat(std::chrono::system_clock::time_point time);

//! Returns the whole seconds since the Unix epoch, rounded down, as DynamoDB's Time to Live
//! reads them.
[[nodiscard]] std::int64_t epoch_seconds(std::chrono::system_clock::time_point time);

//! Returns the current time, rounded down to whole seconds.
[[nodiscard]] UtcSeconds utc_now();

}  // namespace wodetl
