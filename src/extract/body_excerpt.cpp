#include "extract/body_excerpt.hpp"

namespace wodetl {
namespace {

//! Returns the length of the last UTF-8 sequence of `text` when it is cut short, else 0.
std::size_t incomplete_utf8_tail(const std::string& text) {
  std::size_t continuation = 0;
  while (continuation < text.size() && continuation < 3 &&
         (static_cast<unsigned char>(text[text.size() - 1 - continuation]) & 0xC0) == 0x80) {
    ++continuation;
  }
  if (continuation == text.size()) {
    return 0;
  }
  auto lead = static_cast<unsigned char>(text[text.size() - 1 - continuation]);
  std::size_t expected = 1;
  if (lead >= 0xF0) {
    expected = 4;
  } else if (lead >= 0xE0) {
    expected = 3;
  } else if (lead >= 0xC0) {
    expected = 2;
  }
  return continuation + 1 < expected ? continuation + 1 : 0;
}

}  // namespace

std::string body_excerpt(std::string_view body, std::size_t max_bytes) {
  std::string text;
  bool pending_space = false;
  std::size_t index = 0;
  for (; index < body.size() && text.size() < max_bytes; ++index) {
    auto byte = static_cast<unsigned char>(body[index]);
    if (byte <= 0x20 || byte == 0x7F) {
      pending_space = !text.empty();
      continue;
    }
    if (pending_space) {
      text += ' ';
      pending_space = false;
    }
    text += body[index];
  }
  text.resize(text.size() - incomplete_utf8_tail(text));
  if (body.substr(index).find_first_not_of(" \t\r\n") != std::string_view::npos) {
    text += "…";
  }
  return text;
}

}  // namespace wodetl
