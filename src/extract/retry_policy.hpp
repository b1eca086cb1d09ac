#pragma once
// When and how long the HTTP client waits before it repeats a failed request.

#include <chrono>
#include <optional>
#include <string_view>

namespace wodetl {

//! How the backoff before a retry is spread out.
enum class Jitter {
  kFull,  //!< a uniformly random wait between 0 and the exponential ceiling ("full jitter")
  kNone,  //!< exactly the exponential ceiling; for tests that check the waits
};

//! Bounds on repeating a request after HTTP 408, 429 or a transient 5xx status, a connection
//! failure, a dropped connection or a time-out.
struct RetryPolicy {
  int max_retries = 3;  //!< attempts after the first one; 0 disables retries
  std::chrono::milliseconds initial_backoff{
      1000};  //!< ceiling of the wait before the first retry when the server gives no Retry-After
  std::chrono::milliseconds max_wait{30000};  //!< maximum wait between attempts
  Jitter jitter = Jitter::kFull;
};

//! Parses a Retry-After header value, either delay seconds ("120") or an HTTP-date
//! ("Wed, 21 Oct 2015 07:28:00 GMT"), into the wait from `now`. A date in the past gives 0.
//! Returns nothing for a value that is neither.
[[nodiscard]] std::optional<std::chrono::milliseconds> parse_retry_after(
    std::string_view value,
    std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

//! Returns the exponential ceiling before retry number `retry` (0 for the first retry):
//! initial_backoff * 2^retry, at most max_wait.
[[nodiscard]] std::chrono::milliseconds backoff_ceiling(const RetryPolicy& policy, int retry);

//! Returns the wait before retry number `retry`. With Jitter::kFull it is
//! `random_fraction` (in [0, 1)) times backoff_ceiling, so that clients that failed together do
//! not retry together; with Jitter::kNone it is backoff_ceiling.
[[nodiscard]] std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int retry,
                                                      double random_fraction);

//! True for the statuses worth repeating: 408 Request Timeout, 429 Too Many Requests, and every
//! 5xx except 501 Not Implemented and 505 HTTP Version Not Supported, which do not go away.
[[nodiscard]] bool is_retryable_status(long status);

}  // namespace wodetl
