#include "transform/prescription/tokens.hpp"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "transform/text_normalize.hpp"

namespace wodetl::prescription {

namespace {

enum class ByteClass : std::uint8_t { kPlain, kSpace, kMultiByte };

// Class of every byte value: ASCII whitespace, a byte of 0x80 or more (the start or the middle of
// a multi-byte character, or an invalid byte), or any other ASCII byte.
constexpr std::array<ByteClass, 256> kByteClasses = [] {
  std::array<ByteClass, 256> classes{};
  for (std::size_t byte = 0x80; byte < 256; ++byte) {
    classes[byte] = ByteClass::kMultiByte;
  }
  for (const char space : {' ', '\t', '\n', '\r', '\f', '\v'}) {
    classes[static_cast<unsigned char>(space)] = ByteClass::kSpace;
  }
  return classes;
}();

// ASCII letters lower-cased; every other byte maps to itself.
constexpr std::array<char, 256> kLowerCase = [] {
  std::array<char, 256> lower{};
  for (std::size_t byte = 0; byte < 256; ++byte) {
    lower[byte] = static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte - 'A' + 'a' : byte);
  }
  return lower;
}();

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_letter(char c) {
  return c >= 'a' && c <= 'z';
}

// Whether text[at] starts a three-byte letter-digit-letter word such as "t2b", "c2b" or "k2e",
// which is then one token so that the vocabulary can expand it. An 'x' on either side is a times
// sign, as in "x5x5", and a longer word after the digit may be a keyword: "e2mom" stays "e", "2",
// "mom".
bool starts_glued_abbreviation(std::string_view text, std::size_t at) {
  if (at + 3 > text.size() || !is_letter(text[at]) || !is_digit(text[at + 1]) ||
      !is_letter(text[at + 2]) || text[at] == 'x' || text[at + 2] == 'x') {
    return false;
  }
  const std::size_t end = at + 3;
  return end == text.size() || (!is_letter(text[end]) && !is_digit(text[end]) && text[end] != '\'');
}

// ASCII form used for matching, or nullptr to keep the character. It must stay equal to the table
// in text_normalize.cpp, which NormalizeLine.MatchesNormalizeForMatching checks.
const char* ascii_form(std::uint32_t code_point) {
  switch (code_point) {
    case 0x00A0:
    case 0x2002:
    case 0x2003:
    case 0x2009:
    case 0x202F:
      return " ";
    case 0x200B:
    case 0xFEFF:
      return "";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2212:
      return "-";
    case 0x2014:
    case 0x2015:
      return " - ";
    case 0x2018:
    case 0x2019:
    case 0x2032:
      return "'";
    case 0x201C:
    case 0x201D:
    case 0x2033:
      return "\"";
    case 0x00D7:
      return "x";
    case 0x2026:
      return "...";
    default:
      return nullptr;
  }
}

// Calls emit(byte, source_offset) for every byte of the normalized form of line:
// typographic characters mapped by ascii_form, ASCII letters lower-cased, whitespace runs
// collapsed to one ' ' and trimmed at both ends. Invalid bytes pass through unchanged.
template <typename Emit>
void for_each_normalized_byte(std::string_view line, Emit&& emit) {
  bool pending_space = false;
  bool any_output = false;
  std::size_t pending_space_offset = 0;
  const auto append = [&](unsigned char byte, std::size_t offset) {
    if (kByteClasses[byte] == ByteClass::kSpace) {
      if (!pending_space && any_output) {
        pending_space = true;
        pending_space_offset = offset;
      }
      return;
    }
    if (pending_space) {
      emit(' ', pending_space_offset);
      pending_space = false;
    }
    emit(kLowerCase[byte], offset);
    any_output = true;
  };

  for (std::size_t i = 0; i < line.size();) {
    const auto byte = static_cast<unsigned char>(line[i]);
    if (kByteClasses[byte] != ByteClass::kMultiByte) {
      append(byte, i);
      ++i;
      continue;
    }
    std::uint32_t code_point = 0;
    const std::size_t length = decode_utf8(line, i, code_point);
    if (length == 0) {
      append(byte, i);  // an invalid byte passes through unchanged
      ++i;
      continue;
    }
    const char* replacement = ascii_form(code_point);
    const std::string_view piece =
        replacement != nullptr ? std::string_view(replacement) : line.substr(i, length);
    for (const char c : piece) {
      append(static_cast<unsigned char>(c), i);
    }
    i += length;
  }
}

constexpr TokenKind punctuation_kind(char c) {
  switch (c) {
    case '-':
      return TokenKind::kDash;
    case '%':
      return TokenKind::kPercent;
    case '@':
      return TokenKind::kAt;
    case '+':
      return TokenKind::kPlus;
    case '(':
    case '[':
    case '{':
      return TokenKind::kOpen;
    case ')':
    case ']':
    case '}':
      return TokenKind::kClose;
    case ',':
    case ';':
      return TokenKind::kComma;
    case ':':
      return TokenKind::kColon;
    case '/':
      return TokenKind::kSlash;
    case '=':
      return TokenKind::kEquals;
    case '*':
      return TokenKind::kStar;
    case '.':
      return TokenKind::kPeriod;
    case '&':
      return TokenKind::kAmpersand;
    case '#':
      return TokenKind::kHash;
    case '\'':
      return TokenKind::kFoot;
    case '"':
      return TokenKind::kInch;
    default:
      return TokenKind::kOther;
  }
}

// Reads the digits at text[at] as an integer; returns the index after them.
std::size_t read_digits(std::string_view text, std::size_t at, double& value) {
  value = 0;
  while (at < text.size() && is_digit(text[at])) {
    value = value * 10 + (text[at] - '0');
    ++at;
  }
  return at;
}

// True when text[at] starts ":SS" (two digits not followed by a third).
bool is_seconds_suffix(std::string_view text, std::size_t at) {
  return at + 2 < text.size() && text[at] == ':' && is_digit(text[at + 1]) &&
         is_digit(text[at + 2]) && (at + 3 >= text.size() || !is_digit(text[at + 3]));
}

// Reads the number or time that starts at text[at], a digit or a ':' for which is_seconds_suffix
// holds, into token's kind and value: "5", "1.5", "2:30", ":30". Returns the index after it. Both
// tokenizer loops read numbers with it, on the line or on its normalized text, which agree on
// digits, '.' and ':'.
std::size_t read_number_token(std::string_view text, std::size_t at, Token& token) {
  if (text[at] == ':') {
    token.kind = TokenKind::kTime;
    token.value = (text[at + 1] - '0') * 10 + (text[at + 2] - '0');
    return at + 3;
  }
  double whole = 0;
  at = read_digits(text, at, whole);
  token.kind = TokenKind::kNumber;
  token.value = whole;
  if (is_seconds_suffix(text, at)) {
    token.kind = TokenKind::kTime;
    token.value = whole * 60 + (text[at + 1] - '0') * 10 + (text[at + 2] - '0');
    return at + 3;
  }
  if (at + 1 < text.size() && text[at] == '.' && is_digit(text[at + 1])) {
    double scale = 0.1;
    ++at;
    while (at < text.size() && is_digit(text[at])) {
      token.value += (text[at] - '0') * scale;
      scale /= 10;
      ++at;
    }
  }
  return at;
}

// Normalizes an ASCII line the way for_each_normalized_byte does, in one loop over plain locals.
// Returns false, having written an unspecified prefix, at the first byte of 0x80 or more.
bool normalize_ascii(std::string_view line, TokenizedLine& out) {
  char* text = out.text.data();
  std::size_t size = 0;
  bool same_offsets = true;
  bool pending_space = false;
  std::size_t pending_space_offset = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const auto byte = static_cast<unsigned char>(line[i]);
    const ByteClass byte_class = kByteClasses[byte];
    if (byte_class == ByteClass::kMultiByte) {
      return false;
    }
    if (byte_class == ByteClass::kSpace) {
      if (!pending_space && size > 0) {
        pending_space = true;
        pending_space_offset = i;
      }
      continue;
    }
    if (pending_space) {
      same_offsets = same_offsets && pending_space_offset == size;
      text[size++] = ' ';
      pending_space = false;
    }
    same_offsets = same_offsets && i == size;
    text[size++] = kLowerCase[byte];
  }
  out.size = size;
  out.same_offsets = same_offsets;
  return true;
}

// Class of a byte of lower-case ASCII text for tokenize_ascii.
enum class AsciiClass : std::uint8_t { kLetter, kDigit, kSpace, kColon, kPunctuation };

constexpr std::array<AsciiClass, 256> kAsciiClasses = [] {
  std::array<AsciiClass, 256> classes{};
  for (std::size_t byte = 0; byte < 256; ++byte) {
    classes[byte] = kByteClasses[byte] == ByteClass::kSpace ? AsciiClass::kSpace
                    : byte >= 'a' && byte <= 'z'            ? AsciiClass::kLetter
                    : byte >= '0' && byte <= '9'            ? AsciiClass::kDigit
                    : byte == ':'                           ? AsciiClass::kColon
                                                            : AsciiClass::kPunctuation;
  }
  return classes;
}();

// Kind of the one-byte token of every byte that is not a letter, a digit or a space.
constexpr std::array<TokenKind, 256> kPunctuationKinds = [] {
  std::array<TokenKind, 256> kinds{};
  for (std::size_t byte = 0; byte < 256; ++byte) {
    kinds[byte] = punctuation_kind(static_cast<char>(byte));
  }
  return kinds;
}();

AsciiClass ascii_class(char c) {
  return kAsciiClasses[static_cast<unsigned char>(c)];
}

// Copies line into text with ASCII letters lower-cased, eight bytes at a time, and returns false
// when a byte is 0x80 or more. Then writes kTextPadding zero bytes after it, so that the loops of
// tokenize_ascii stop at the end of the line without testing their index.
bool copy_lower_case_ascii(std::string_view line, char* text) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHighBits = kOnes * 0x80;
  std::uint64_t seen = 0;
  std::size_t at = 0;
  for (; at + 8 <= line.size(); at += 8) {
    std::uint64_t chunk = 0;
    std::memcpy(&chunk, line.data() + at, 8);
    seen |= chunk;
    // For bytes below 0x80 no sum carries into the next byte: the high bit of a byte of from_a is
    // set when the byte is 'A' or more, of past_z when it is past 'Z'.
    const std::uint64_t from_a = chunk + kOnes * (0x80 - 'A');
    const std::uint64_t past_z = chunk + kOnes * (0x80 - 'Z' - 1);
    const std::uint64_t upper = from_a & ~past_z & kHighBits;
    chunk |= upper >> 2;  // 'A' + 0x20 == 'a'
    std::memcpy(text + at, &chunk, 8);
  }
  for (; at < line.size(); ++at) {
    const auto byte = static_cast<unsigned char>(line[at]);
    seen |= byte;
    text[at] = kLowerCase[byte];
  }
  std::memset(text + line.size(), 0, kTextPadding);
  return (seen & kHighBits) == 0;
}

// Index of the first byte at or after text[at] that is not a lower-case ASCII letter, in text
// copied by copy_lower_case_ascii. It tests eight bytes at a time: a loop over bytes mispredicts
// its exit at the end of nearly every word, since word lengths vary, and this loop mostly runs
// once. The zero bytes of the padding stop it at the end of the line, within the padding.
std::size_t skip_letters(const char* text, std::size_t at) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHighBits = kOnes * 0x80;
  for (;;) {
    std::uint64_t chunk = 0;
    std::memcpy(&chunk, text + at, 8);
    // Bytes are below 0x80, so no sum carries into the next byte: the high bit of a byte of
    // from_a is set when the byte is 'a' or more, of past_z when it is past 'z'.
    const std::uint64_t from_a = chunk + kOnes * (0x80 - 'a');
    const std::uint64_t past_z = chunk + kOnes * (0x80 - 'z' - 1);
    const std::uint64_t not_letter = ~(from_a & ~past_z) & kHighBits;
    if (not_letter != 0) {
      return at + static_cast<std::size_t>(std::countr_zero(not_letter) / 8);
    }
    at += 8;
  }
}

// Normalizes and tokenizes an ASCII line in one pass, giving the same text, tokens and
// same_offsets as normalize_line followed by the token loop of tokenize. On an ASCII line
// normalization only lower-cases letters and collapses whitespace, so the line is first copied
// lower-cased into out.text and then tokenized there, each token moved down over the whitespace
// that was collapsed before it. Returns false, leaving out in an unspecified state, at a byte of
// 0x80 or more or at the (kMaxTokens + 1)th token; the caller then takes the general path.
bool tokenize_ascii(std::string_view line, TokenizedLine& out) {
  const std::size_t length = line.size();
  char* const text = out.text.data();
  if (!copy_lower_case_ascii(line, text)) {
    return false;
  }
  const std::string_view padded(text, length);
  Token* const tokens = out.tokens.data();
  std::size_t at = 0;
  while (ascii_class(text[at]) == AsciiClass::kSpace) {
    ++at;
  }
  // Normalized and line offsets stay equal until leading whitespace or a whitespace run longer
  // than one byte. Trailing whitespace emits nothing, so it changes no offset.
  bool same_offsets = at == 0 || at == length;
  std::size_t size = 0;
  std::size_t count = 0;
  bool space_before = false;
  std::uint64_t keyword_filter = 0;
  std::uint32_t kinds = 0;
  while (at < length) {
    const char c = text[at];
    const AsciiClass first_class = ascii_class(c);
    if (first_class == AsciiClass::kSpace) {
      do {
        ++at;
      } while (ascii_class(text[at]) == AsciiClass::kSpace);
      if (at < length) {
        text[size++] = ' ';  // size <= at: it overwrites what was read
        space_before = true;
        same_offsets = same_offsets && at == size;
      }
      continue;
    }
    if (count == kMaxTokens) {
      return false;
    }
    // Filled in place: a Token built in a local and then copied is written in parts and read
    // whole, and that load waits for the stores (a store-forwarding stall on every token).
    Token& token = tokens[count++];
    token.space_before = space_before;
    token.value = 0;
    space_before = false;
    // The kind and keyword stay in locals until the end, where the masks read them: reading them
    // back from the token would wait for the stores.
    TokenKind kind = TokenKind::kWord;
    KeywordId keyword = kNoKeyword;
    const std::size_t start = at;
    if (first_class == AsciiClass::kLetter) {
      at = skip_letters(text, at + 1);
      // Inner apostrophes ("today's") are rare, so they are tested once the letters end.
      while (text[at] == '\'' && ascii_class(text[at + 1]) == AsciiClass::kLetter) {
        at = skip_letters(text, at + 2);
      }
      // Only a one-letter word can start a glued abbreviation: its second byte is a digit.
      if (at - start == 1 && ascii_class(text[at]) == AsciiClass::kDigit &&
          starts_glued_abbreviation(padded, start)) {
        at = start + 3;
      }
      if (at - start == 1 && c == 'x') {
        kind = TokenKind::kTimes;
      } else {
        keyword = find_padded_keyword(text + start, at - start);
      }
    } else if (first_class == AsciiClass::kDigit) {
      // Most numbers are a few digits with no '.' or ':' after them; the rest take the path that
      // reads decimals and times.
      double whole = 0;
      do {
        whole = whole * 10 + (text[at] - '0');
        ++at;
      } while (ascii_class(text[at]) == AsciiClass::kDigit);
      if (text[at] == '.' || text[at] == ':') {
        at = read_number_token(padded, start, token);
        kind = token.kind;
      } else {
        kind = TokenKind::kNumber;
        token.value = whole;
      }
    } else if (first_class == AsciiClass::kColon && is_seconds_suffix(padded, at)) {
      at = read_number_token(padded, at, token);
      kind = token.kind;
    } else {
      kind = kPunctuationKinds[static_cast<unsigned char>(c)];
      ++at;
    }
    token.kind = kind;
    token.keyword = keyword;
    const std::size_t token_size = at - start;
    if (size != start) {
      std::memmove(text + size, text + start, token_size);
    }
    token.begin = static_cast<std::uint16_t>(size);
    size += token_size;
    token.end = static_cast<std::uint16_t>(size);
    keyword_filter |= keyword_filter_bit(keyword);
    kinds |= 1U << static_cast<unsigned>(kind);
  }
  out.size = size;
  out.same_offsets = same_offsets;
  out.token_count = count;
  out.complete = true;
  out.keyword_filter = keyword_filter;
  out.kinds = kinds;
  return true;
}

}  // namespace

bool normalize_line(std::string_view line, TokenizedLine& out) {
  out.size = 0;
  out.same_offsets = true;
  if (line.size() > kMaxLineBytes) {
    return false;
  }
  if (normalize_ascii(line, out)) {
    return true;
  }
  char* text = out.text.data();
  std::size_t size = 0;
  bool same_offsets = true;
  for_each_normalized_byte(line, [&](char c, std::size_t offset) {
    same_offsets = same_offsets && offset == size;
    text[size++] = c;
  });
  out.size = size;
  out.same_offsets = same_offsets;
  return true;
}

std::size_t source_offset(const TokenizedLine& tokenized, std::string_view line,
                          std::size_t normalized_offset) {
  if (normalized_offset >= tokenized.size) {
    return line.size();
  }
  if (tokenized.same_offsets) {
    return normalized_offset;
  }
  std::size_t produced = 0;
  std::size_t found = line.size();
  for_each_normalized_byte(line, [&](char, std::size_t offset) {
    if (produced++ == normalized_offset) {
      found = offset;
    }
  });
  return found;
}

void tokenize(std::string_view line, TokenizedLine& out) {
  if (line.size() <= kMaxLineBytes && tokenize_ascii(line, out)) {
    return;
  }
  out.token_count = 0;
  out.keyword_filter = 0;
  out.kinds = 0;
  out.complete = normalize_line(line, out);
  if (!out.complete) {
    return;
  }
  // Locals rather than members of out: stores through out.tokens could alias them.
  const std::string_view text = out.normalized();
  Token* tokens = out.tokens.data();
  std::size_t count = 0;
  bool space_before = false;
  std::size_t at = 0;
  while (at < text.size()) {
    const char c = text[at];
    if (c == ' ') {
      space_before = true;
      ++at;
      continue;
    }
    if (count == kMaxTokens) {
      out.token_count = count;
      out.complete = false;
      return;
    }
    Token token{};
    token.space_before = space_before;
    token.begin = static_cast<std::uint16_t>(at);
    space_before = false;

    if (is_digit(c) || (c == ':' && is_seconds_suffix(text, at))) {
      at = read_number_token(text, at, token);
    } else if (is_letter(c)) {
      if (starts_glued_abbreviation(text, at)) {
        at += 3;
      }
      while (at < text.size() &&
             (is_letter(text[at]) ||
              (text[at] == '\'' && at + 1 < text.size() && is_letter(text[at + 1])))) {
        ++at;
      }
      if (at - token.begin == 1 && c == 'x') {
        token.kind = TokenKind::kTimes;
      } else {
        token.kind = TokenKind::kWord;
        token.keyword = find_keyword(text.substr(token.begin, at - token.begin));
      }
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      while (at < text.size() && static_cast<unsigned char>(text[at]) >= 0x80) {
        ++at;
      }
      token.kind = TokenKind::kOther;
    } else {
      token.kind = punctuation_kind(c);
      ++at;
    }
    token.end = static_cast<std::uint16_t>(at);
    tokens[count++] = token;
    out.keyword_filter |= keyword_filter_bit(token.keyword);
    out.kinds |= 1U << static_cast<unsigned>(token.kind);
  }
  out.token_count = count;
}

const char* to_string(TokenKind kind) {
  switch (kind) {
    case TokenKind::kNumber:
      return "number";
    case TokenKind::kTime:
      return "time";
    case TokenKind::kWord:
      return "word";
    case TokenKind::kTimes:
      return "times";
    case TokenKind::kDash:
      return "dash";
    case TokenKind::kPercent:
      return "percent";
    case TokenKind::kAt:
      return "at";
    case TokenKind::kPlus:
      return "plus";
    case TokenKind::kOpen:
      return "open";
    case TokenKind::kClose:
      return "close";
    case TokenKind::kComma:
      return "comma";
    case TokenKind::kColon:
      return "colon";
    case TokenKind::kSlash:
      return "slash";
    case TokenKind::kEquals:
      return "equals";
    case TokenKind::kStar:
      return "star";
    case TokenKind::kPeriod:
      return "period";
    case TokenKind::kAmpersand:
      return "ampersand";
    case TokenKind::kHash:
      return "hash";
    case TokenKind::kFoot:
      return "foot";
    case TokenKind::kInch:
      return "inch";
    case TokenKind::kOther:
      return "other";
  }
  return "other";
}

}  // namespace wodetl::prescription
