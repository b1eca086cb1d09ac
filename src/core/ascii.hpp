#pragma once

#include <cctype>
#include <string_view>

namespace wodetl {

//! Removes leading and trailing ASCII whitespace, as HTTP headers and URLs are trimmed.
[[nodiscard]] inline std::string_view trim_ascii_whitespace(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
    text.remove_suffix(1);
  }
  return text;
}

}  // namespace wodetl
