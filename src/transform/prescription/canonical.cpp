#include "transform/prescription/canonical.hpp"

#include <array>

#include "transform/text_normalize.hpp"

namespace wodetl::prescription {

namespace {

// Bytes kept of one word; longer runs are prose or noise, and no name has one.
constexpr std::size_t kMaxWordBytes = 48;

bool is_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}

void append_word(std::string& out, std::string_view word) {
  if (!out.empty()) {
    out += ' ';
  }
  out += word;
}

}  // namespace

namespace {

bool is_kept_plural(std::string_view word, const Vocabulary& vocabulary) {
  for (const std::string& kept : vocabulary.keep_plural) {
    if (kept == word) {
      return true;
    }
  }
  return false;
}

// Makes the word that starts at out[start] and runs to the end singular, in place.
void make_singular(std::string& out, std::size_t start, const Vocabulary& vocabulary) {
  const std::string_view word = std::string_view(out).substr(start);
  if (word.size() <= 2 || !word.ends_with('s') || word.ends_with("ss") || word.ends_with("us") ||
      word.ends_with("is") || is_kept_plural(word, vocabulary)) {
    return;
  }
  if (word.size() > 4 && word.ends_with("ies")) {
    out.resize(out.size() - 3);
    out += 'y';
    return;
  }
  const bool sibilant_es = word.ends_with("ches") || word.ends_with("shes") || word.ends_with("sses") ||
                           word.ends_with("xes") || word.ends_with("zes");
  out.resize(out.size() - (sibilant_es ? 2 : 1));
}

}  // namespace

std::string singular_word(std::string_view word, const Vocabulary& vocabulary) {
  std::string out(word);
  make_singular(out, 0, vocabulary);
  return out;
}

std::string canonical_form(std::string_view normalized, const Vocabulary& vocabulary) {
  // One pass: each word is appended, replaced when the vocabulary lists it. The last word is made
  // singular afterwards, and only when it was not replaced ("dbs" is listed as it is, "pushups"
  // is found as "pushup").
  std::string out;
  if (normalized.size() > out.capacity()) {
    out.reserve(normalized.size() + 8);  // short names stay in the string's own buffer
  }
  std::array<char, kMaxWordBytes> word_bytes;
  std::size_t word_size = 0;
  std::size_t last_start = std::string::npos;
  bool last_replaced = false;
  const auto flush = [&]() {
    if (word_size == 0) {
      return;
    }
    const std::string_view word(word_bytes.data(), word_size);
    if (!out.empty()) {
      out += ' ';
    }
    last_start = out.size();
    const std::string* replacement = vocabulary.word_replacement(word);
    out += replacement != nullptr ? std::string_view(*replacement) : word;
    last_replaced = replacement != nullptr;
    word_size = 0;
  };
  for (const char c : normalized) {
    if (is_word_byte(c)) {
      if (word_size < word_bytes.size()) {
        word_bytes[word_size++] = c;  // longer words are cut; no name has one
      }
    } else if (c == '\'') {
      continue;  // "farmer's" reads as "farmers"
    } else if (c == '&') {
      flush();
      append_word(out, "and");
      last_start = out.size() - 3;
      last_replaced = false;
    } else {
      flush();
    }
  }
  flush();

  if (last_start == std::string::npos || last_replaced) {
    return out;
  }
  make_singular(out, last_start, vocabulary);
  if (const std::string* replacement = vocabulary.word_replacement(std::string_view(out).substr(last_start))) {
    const std::string expansion = *replacement;
    out.replace(last_start, std::string::npos, expansion);
  }
  return out;
}

std::string canonical_name_normalized(std::string_view normalized, const Vocabulary& vocabulary) {
  std::string form = canonical_form(normalized, vocabulary);
  const std::string_view known = vocabulary.movement_name(form);
  if (!known.empty() && known != form) {
    return std::string(known);
  }
  return form;
}

std::string canonical_name(std::string_view written, const Vocabulary& vocabulary) {
  return canonical_name_normalized(normalize_for_matching(written), vocabulary);
}

}  // namespace wodetl::prescription
