#pragma once
// Matching form of post text. WordPress rewrites what coaches type (dashes, quotes, "x" between
// digits, non-breaking spaces); matching works on a normalized copy while records keep the text
// as written.

#include <cstdint>
#include <string>
#include <string_view>

namespace wodetl {

//! Returns text lower-cased (ASCII letters), with typographic characters mapped to their ASCII
//! forms (en dashes and minus to '-', em dashes to " - ", curly quotes to straight ones, U+00D7 to
//! 'x', U+2026 to "...", U+00A0 and other spaces to ' '), whitespace runs collapsed to one space
//! and the ends trimmed. Bytes that are not valid UTF-8 pass through unchanged.
[[nodiscard]] std::string normalize_for_matching(std::string_view text);

//! True when text is entirely valid UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
[[nodiscard]] bool is_valid_utf8(std::string_view text);

//! Returns text with invalid UTF-8 sequences replaced by U+FFFD, so every later stage and every
//! JSON writer sees valid UTF-8.
[[nodiscard]] std::string repair_utf8(std::string_view text);

//! Decodes the UTF-8 sequence that starts at text[index] into code_point and returns its length
//! in bytes, or 0 when it is invalid: truncated, overlong, a surrogate or past U+10FFFF.
[[nodiscard]] std::size_t decode_utf8(std::string_view text, std::size_t index, std::uint32_t& code_point);

//! Returns the ASCII letters that start text, lower-cased, up to the first other character and
//! at most 16 of them: enough to compare a line's first word with a keyword.
[[nodiscard]] std::string leading_word(std::string_view text);

//! Removes leading and trailing ASCII whitespace and U+00A0 from text.
[[nodiscard]] std::string_view trim_spaces(std::string_view text);

//! Returns text with every run of whitespace, ASCII or a Unicode space such as U+00A0, replaced by
//! one ASCII space, and the ends trimmed. Other characters are kept as written.
[[nodiscard]] std::string with_plain_spaces_collapsed(std::string_view text);

}  // namespace wodetl
