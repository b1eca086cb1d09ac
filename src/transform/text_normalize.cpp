#include "transform/text_normalize.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

namespace wodetl {

namespace {

bool is_ascii_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// ASCII replacement used for matching, or nullptr to keep the character as it is.
const char* ascii_form(std::uint32_t code_point) {
  switch (code_point) {
    case 0x00A0:  // no-break space
    case 0x2002:
    case 0x2003:
    case 0x2009:  // thin space
    case 0x202F:  // narrow no-break space
      return " ";
    case 0x200B:  // zero-width space
    case 0xFEFF:  // byte order mark
      return "";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:  // en dash
    case 0x2212:  // minus sign
      return "-";
    // An em dash sets words apart even when no spaces surround it ("Snatch—build to a heavy
    // single"), where an ASCII hyphen between words joins them ("Pull-Ups").
    case 0x2014:  // em dash
    case 0x2015:  // horizontal bar
      return " - ";
    case 0x2018:
    case 0x2019:
    case 0x2032:  // prime, used for feet
      return "'";
    case 0x201C:
    case 0x201D:
    case 0x2033:  // double prime, used for inches
      return "\"";
    case 0x00D7:  // multiplication sign, WordPress's rewrite of "x" between digits
      return "x";
    case 0x2026:
      return "...";
    default:
      return nullptr;
  }
}

}  // namespace

std::size_t decode_utf8(std::string_view text, std::size_t index, std::uint32_t& code_point) {
  const auto lead = static_cast<unsigned char>(text[index]);
  if (lead < 0x80) {
    code_point = lead;
    return 1;
  }

  std::size_t length = 0;
  std::uint32_t minimum = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    minimum = 0x10000;
  } else {
    return 0;
  }
  if (index + length > text.size()) {
    return 0;
  }

  std::uint32_t value = lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    const auto next = static_cast<unsigned char>(text[index + k]);
    if ((next & 0xC0) != 0x80) {
      return 0;
    }
    value = (value << 6) | (next & 0x3F);
  }

  const bool surrogate = value >= 0xD800 && value <= 0xDFFF;
  if (value < minimum || value > 0x10FFFF || surrogate) {
    return 0;
  }
  code_point = value;
  return length;
}

std::string leading_word(std::string_view text) {
  constexpr std::size_t kMaxLetters = 16;
  std::string word;
  for (const char c : text) {
    if (word.size() >= kMaxLetters) {
      break;
    }
    if (c >= 'A' && c <= 'Z') {
      word += static_cast<char>(c - 'A' + 'a');
    } else if (c >= 'a' && c <= 'z') {
      word += c;
    } else {
      break;
    }
  }
  return word;
}

std::string normalize_for_matching(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  auto append = [&](std::string_view piece) {
    for (const char c : piece) {
      if (is_ascii_space(static_cast<unsigned char>(c))) {
        pending_space = !out.empty();
        continue;
      }
      if (pending_space) {
        out += ' ';
        pending_space = false;
      }
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
  };
  for (std::size_t i = 0; i < text.size();) {
    std::uint32_t code_point = 0;
    const std::size_t length = decode_utf8(text, i, code_point);
    if (length <= 1) {
      append(text.substr(i, 1));
      i += 1;
      continue;
    }
    const char* replacement = ascii_form(code_point);
    append(replacement != nullptr ? std::string_view(replacement) : text.substr(i, length));
    i += length;
  }
  return out;
}

bool is_valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    std::uint32_t code_point = 0;
    const std::size_t length = decode_utf8(text, i, code_point);
    if (length == 0) {
      return false;
    }
    i += length;
  }
  return true;
}

std::string repair_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::uint32_t code_point = 0;
    const std::size_t length = decode_utf8(text, i, code_point);
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      i += 1;
      continue;
    }
    out.append(text.substr(i, length));
    i += length;
  }
  return out;
}

std::string with_plain_spaces_collapsed(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t index = 0; index < text.size();) {
    const auto byte = static_cast<unsigned char>(text[index]);
    std::size_t length = 1;
    bool space = is_ascii_space(byte);
    if (byte >= 0x80) {
      std::uint32_t code_point = 0;
      length = std::max<std::size_t>(decode_utf8(text, index, code_point), 1);
      const char* form = length > 1 ? ascii_form(code_point) : nullptr;
      space = form != nullptr && std::string_view(form) == " ";
    }
    if (space) {
      pending_space = !out.empty();
    } else {
      if (pending_space) {
        out += ' ';
        pending_space = false;
      }
      out.append(text.substr(index, length));
    }
    index += length;
  }
  return out;
}

std::string_view trim_spaces(std::string_view text) {
  while (true) {
    if (!text.empty() && is_ascii_space(static_cast<unsigned char>(text.front()))) {
      text.remove_prefix(1);
    } else if (text.starts_with("\xC2\xA0")) {
      text.remove_prefix(2);
    } else {
      break;
    }
  }
  while (true) {
    if (!text.empty() && is_ascii_space(static_cast<unsigned char>(text.back()))) {
      text.remove_suffix(1);
    } else if (text.ends_with("\xC2\xA0")) {
      text.remove_suffix(2);
    } else {
      break;
    }
  }
  return text;
}

}  // namespace wodetl
