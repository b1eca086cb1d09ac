#pragma once
// When and how long the HTTP client waits before it repeats a failed request.

#include <chrono>
#include <optional>
#include <string_view>

namespace wodetl {

//! Bounds on repeating a request after HTTP 429, a 5xx status or a connection failure.
struct RetryPolicy {
  int max_retries = 2;  //!< attempts after the first one; 0 disables retries
  std::chrono::milliseconds initial_backoff{
      1000};  //!< wait before the first retry when the server gives no Retry-After
  std::chrono::milliseconds max_wait{30000};  //!< maximum wait between attempts
};

//! Parses a Retry-After header value, either delay seconds ("120") or an HTTP-date
//! ("Wed, 21 Oct 2015 07:28:00 GMT"), into the wait from `now`. A date in the past gives 0.
//! Returns nothing for a value that is neither.
[[nodiscard]] std::optional<std::chrono::milliseconds> parse_retry_after(
    std::string_view value,
    std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

//! Returns the exponential backoff before retry number `retry` (0 for the first retry):
//! initial_backoff * 2^retry, at most max_wait.
[[nodiscard]] std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int retry);

}  // namespace wodetl
