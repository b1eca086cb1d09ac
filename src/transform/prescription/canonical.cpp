#include "transform/prescription/canonical.hpp"

#include <array>
#include <cstdint>
#include <cstring>

#include "transform/text_normalize.hpp"

namespace wodetl::prescription {

namespace {

// Bytes kept of one word; longer runs are prose or noise, and no name has one.
constexpr std::size_t kMaxWordBytes = 48;

enum class FormByte : std::uint8_t { kSeparator, kWord, kApostrophe, kAmpersand };

// Role of every byte in canonical_form: letters, digits and bytes of 0x80 or more make words.
constexpr std::array<FormByte, 256> kFormBytes = [] {
  std::array<FormByte, 256> roles{};
  for (std::size_t byte = 0; byte < 256; ++byte) {
    const bool word = (byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9') || byte >= 0x80;
    roles[byte] = word ? FormByte::kWord : FormByte::kSeparator;
  }
  roles['\''] = FormByte::kApostrophe;
  roles['&'] = FormByte::kAmpersand;
  return roles;
}();

bool is_kept_plural(std::string_view word, const Vocabulary& vocabulary) {
  for (const std::string& kept : vocabulary.keep_plural) {
    if (kept == word) {
      return true;
    }
  }
  return false;
}

// Output buffer of build_form: a fixed capacity, the bytes written, and a flag set when a write
// does not fit.
struct FormBuffer {
  char* bytes;
  std::size_t capacity;
  std::size_t size = 0;
  bool overflow = false;

  void append(std::string_view text) {
    if (text.size() > capacity - size) {
      overflow = true;
      return;
    }
    char* out = bytes + size;
    for (std::size_t index = 0; index < text.size(); ++index) {
      out[index] = text[index];
    }
    size += text.size();
  }
  [[nodiscard]] std::string_view view() const { return {bytes, size}; }
};

// Makes the word that starts at out.bytes[start] and runs to the end singular, in place. Never
// lengthens the word.
void make_singular(FormBuffer& out, std::size_t start, const Vocabulary& vocabulary) {
  const std::string_view word = out.view().substr(start);
  if (word.size() <= 2 || !word.ends_with('s') || word.ends_with("ss") || word.ends_with("us") ||
      word.ends_with("is") || is_kept_plural(word, vocabulary)) {
    return;
  }
  if (word.size() > 4 && word.ends_with("ies")) {
    out.size -= 3;
    out.bytes[out.size++] = 'y';
    return;
  }
  const bool sibilant_es = word.ends_with("ches") || word.ends_with("shes") ||
                           word.ends_with("sses") || word.ends_with("xes") || word.ends_with("zes");
  out.size -= sibilant_es ? 2 : 1;
}

// Writes the canonical form of normalized to out (see canonical_form), or sets out.overflow when
// it does not fit. One pass: each word is written, then replaced when the vocabulary lists it. The
// last word is made singular afterwards, and only when it was not replaced ("dbs" is listed as it
// is, "pushups" is found as "pushup").
void build_form(std::string_view normalized, const Vocabulary& vocabulary, FormBuffer& out) {
  // Locals rather than members of out, which the byte stores could alias.
  char* const bytes = out.bytes;
  const std::size_t capacity = out.capacity;
  std::size_t size = 0;
  bool overflow = false;
  const auto append = [&](std::string_view text) {
    if (text.size() > capacity - size) {
      overflow = true;
      return;
    }
    for (const char c : text) {
      bytes[size++] = c;
    }
  };

  std::size_t word_start = 0;  // offset of the word being read
  std::size_t word_size = 0;   // bytes of it read so far, counting those past kMaxWordBytes
  std::size_t last_start = std::string::npos;
  bool last_replaced = false;
  const auto finish_word = [&]() {
    if (word_size == 0) {
      return;
    }
    last_start = word_start;
    const std::string* replacement =
        vocabulary.word_replacement(std::string_view(bytes + word_start, size - word_start));
    if (replacement != nullptr) {
      size = word_start;
      append(*replacement);
    }
    last_replaced = replacement != nullptr;
    word_size = 0;
  };
  const auto start_word = [&]() {
    if (size > 0) {
      append(" ");
    }
    word_start = size;
  };
  for (const char c : normalized) {
    switch (kFormBytes[static_cast<unsigned char>(c)]) {
      case FormByte::kWord:
        if (word_size == 0) {
          start_word();
        }
        if (word_size < kMaxWordBytes) {  // longer words are cut; no name has one
          if (size == capacity) {
            overflow = true;
          } else {
            bytes[size++] = c;
          }
        }
        ++word_size;
        break;
      case FormByte::kApostrophe:
        break;  // "farmer's" reads as "farmers"
      case FormByte::kAmpersand:
        finish_word();
        start_word();
        append("and");
        last_start = word_start;
        last_replaced = false;
        break;
      case FormByte::kSeparator:
        finish_word();
        break;
    }
    if (overflow) {
      out.overflow = true;
      return;
    }
  }
  finish_word();
  out.size = size;
  out.overflow = overflow;
  if (overflow || last_start == std::string::npos || last_replaced) {
    return;
  }

  make_singular(out, last_start, vocabulary);
  if (out.size == size) {
    return;  // a word that stayed as it was has been looked up already, and was not replaced
  }
  if (const std::string* replacement = vocabulary.word_replacement(out.view().substr(last_start))) {
    out.size = last_start;
    out.append(*replacement);
  }
}

// Calls use(form) with the canonical form of normalized, built on the stack when it fits.
template <typename Use>
auto with_form(std::string_view normalized, const Vocabulary& vocabulary, Use&& use) {
  std::array<char, 128> stack_bytes;  // uninitialized: build_form writes before it reads
  FormBuffer stack{stack_bytes.data(), stack_bytes.size()};
  build_form(normalized, vocabulary, stack);
  if (!stack.overflow) {
    return use(stack.view());
  }
  // Replacements can make the form longer than the text: grow until it fits.
  std::string heap;
  for (std::size_t capacity = 2 * stack_bytes.size();; capacity *= 2) {
    heap.resize(capacity);
    FormBuffer buffer{heap.data(), heap.size()};
    build_form(normalized, vocabulary, buffer);
    if (!buffer.overflow) {
      return use(buffer.view());
    }
  }
}

// Canonical name of a phrase: the movement name the vocabulary gives its canonical form, else
// that form. known tells which.
struct ResolvedName {
  std::string_view name;
  bool known = false;
};

// Per-thread cache of resolved names: a movement name recurs in a post and from post to post,
// and building its form costs a vocabulary lookup per word, and resolving it one more. Direct-
// mapped, so a lookup reads one entry and a new name replaces the one in its slot. An entry
// belongs to the vocabulary state whose index_id it holds, so a changed or another vocabulary
// never reads a name made with an earlier one. Fixed-size and trivially constructible: the cache
// allocates nothing and needs no initialization guard. Longer phrases and names are not cached.
struct CachedName {
  std::uint64_t index_id;  // Vocabulary::index_id of the vocabulary that made the name, 0 if unused
  std::uint8_t key_size;
  std::uint8_t name_size;
  bool known;
  std::array<char, 53> key;   // the normalized phrase
  std::array<char, 64> name;  // a copy: a vocabulary's copy keeps its index_id, not its strings
};
static_assert(sizeof(CachedName) == 128);

constexpr std::size_t kCachedNames = 256;
thread_local std::array<CachedName, kCachedNames> cached_names;

// Calls use(resolved) with the resolved name of normalized, taken from the cache when it is there.
template <typename Use>
auto with_resolved_name(std::string_view normalized, const Vocabulary& vocabulary, Use&& use) {
  const auto resolve = [&vocabulary](std::string_view form) {
    const std::string_view known = vocabulary.movement_name(form);
    return known.empty() ? ResolvedName{form, false} : ResolvedName{known, true};
  };
  if (!vocabulary.indexed || vocabulary.index_id == 0 ||
      normalized.size() > sizeof CachedName::key) {
    return with_form(normalized, vocabulary,
                     [&](std::string_view form) { return use(resolve(form)); });
  }
  CachedName& entry = cached_names[hash_key(normalized) % kCachedNames];
  if (entry.index_id == vocabulary.index_id && entry.key_size == normalized.size() &&
      std::memcmp(entry.key.data(), normalized.data(), normalized.size()) == 0) {
    return use(ResolvedName{std::string_view(entry.name.data(), entry.name_size), entry.known});
  }
  return with_form(normalized, vocabulary, [&](std::string_view form) {
    const ResolvedName resolved = resolve(form);
    if (resolved.name.size() <= entry.name.size()) {
      entry.index_id = vocabulary.index_id;
      entry.key_size = static_cast<std::uint8_t>(normalized.size());
      entry.name_size = static_cast<std::uint8_t>(resolved.name.size());
      entry.known = resolved.known;
      std::memcpy(entry.key.data(), normalized.data(), normalized.size());
      std::memcpy(entry.name.data(), resolved.name.data(), resolved.name.size());
    }
    return use(resolved);
  });
}

}  // namespace

std::string singular_word(std::string_view word, const Vocabulary& vocabulary) {
  std::string out(word);
  FormBuffer buffer{out.data(), out.size(), out.size()};
  make_singular(buffer, 0, vocabulary);
  out.resize(buffer.size);
  return out;
}

std::string canonical_form(std::string_view normalized, const Vocabulary& vocabulary) {
  return with_form(normalized, vocabulary, [](std::string_view form) { return std::string(form); });
}

std::string known_movement_name(std::string_view normalized, const Vocabulary& vocabulary) {
  std::string name;
  assign_known_movement_name(name, normalized, vocabulary);
  return name;
}

bool assign_known_movement_name(std::string& out, std::string_view normalized,
                                const Vocabulary& vocabulary) {
  return with_resolved_name(normalized, vocabulary, [&](const ResolvedName& resolved) {
    if (resolved.known) {
      out.assign(resolved.name);
    }
    return resolved.known;
  });
}

std::string canonical_name_normalized(std::string_view normalized, const Vocabulary& vocabulary) {
  return with_resolved_name(normalized, vocabulary, [](const ResolvedName& resolved) {
    return std::string(resolved.name);
  });
}

void assign_canonical_name(std::string& out, std::string_view normalized,
                           const Vocabulary& vocabulary) {
  with_resolved_name(normalized, vocabulary,
                     [&](const ResolvedName& resolved) { out.assign(resolved.name); });
}

std::string canonical_name(std::string_view written, const Vocabulary& vocabulary) {
  return canonical_name_normalized(normalize_for_matching(written), vocabulary);
}

}  // namespace wodetl::prescription
