#include "extract/retry_policy.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <string>

namespace wodetl {

std::optional<std::chrono::milliseconds> parse_retry_after(
    std::string_view value, std::chrono::system_clock::time_point now) {
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front())))
    value.remove_prefix(1);
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back())))
    value.remove_suffix(1);
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

std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int retry) {
  std::chrono::milliseconds delay = std::max(policy.initial_backoff, std::chrono::milliseconds(0));
  for (int i = 0; i < retry && delay < policy.max_wait; ++i) {
    delay *= 2;
  }
  return std::min(delay, policy.max_wait);
}

}  // namespace wodetl
