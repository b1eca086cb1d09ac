#include "extract/retry_policy.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <ctime>
#include <string>

#include "core/ascii.hpp"

namespace wodetl {

std::optional<std::chrono::milliseconds> parse_retry_after(
    std::string_view value, std::chrono::system_clock::time_point now) {
  value = trim_ascii_whitespace(value);
  if (value.empty()) {
    return std::nullopt;
  }

  if (std::all_of(value.begin(), value.end(),
                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    // More than 9 digits is over 31 years; such a value only needs to compare as "too long".
    if (value.size() > 9) {
      return std::chrono::milliseconds::max();
    }
    return std::chrono::seconds(std::stol(std::string(value)));
  }

  // curl_getdate reads the three HTTP-date forms: IMF-fixdate, RFC 850 and asctime.
  std::time_t date = curl_getdate(std::string(value).c_str(), nullptr);
  if (date == -1) {
    return std::nullopt;
  }
  auto wait = std::chrono::system_clock::from_time_t(date) - now;
  return std::max(std::chrono::milliseconds(0),
                  std::chrono::duration_cast<std::chrono::milliseconds>(wait));
}

std::chrono::milliseconds backoff_ceiling(const RetryPolicy& policy, int retry) {
  std::chrono::milliseconds delay = std::max(policy.initial_backoff, std::chrono::milliseconds(0));
  for (int i = 0; i < retry && delay < policy.max_wait; ++i) {
    delay *= 2;
  }
  return std::min(delay, policy.max_wait);
}

std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int retry,
                                        double random_fraction) {
  const std::chrono::milliseconds ceiling = backoff_ceiling(policy, retry);
  if (policy.jitter == Jitter::kNone) {
    return ceiling;
  }
  const double fraction = std::clamp(random_fraction, 0.0, 1.0);
  const auto scaled = static_cast<std::chrono::milliseconds::rep>(
      std::floor(static_cast<double>(ceiling.count()) * fraction));
  return std::min(ceiling, std::chrono::milliseconds(scaled));
}

bool is_retryable_status(long status) {
  if (status == 408 || status == 429) {
    return true;
  }
  return status >= 500 && status <= 599 && status != 501 && status != 505;
}

}  // namespace wodetl
