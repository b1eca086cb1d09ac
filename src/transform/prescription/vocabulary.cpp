#include "transform/prescription/vocabulary.hpp"

#include <toml++/toml.h>

#include <atomic>
#include <cstring>
#include <sstream>

#include "transform/prescription/canonical.hpp"
#include "transform/text_normalize.hpp"

namespace wodetl::prescription {

namespace {

std::string describe_position(const toml::source_region& region) {
  std::ostringstream out;
  out << "line " << region.begin.line << ", column " << region.begin.column;
  return out.str();
}

Error vocabulary_error(const std::string& message) {
  return Error::invalid_input("invalid exercise vocabulary: " + message, {},
                              "fix data/exercises.toml and copy it into vocabulary_data.cpp");
}

// Reads an array of strings at key; a missing key is an empty list.
Result<std::vector<std::string>> read_strings(const toml::node_view<const toml::node>& node,
                                              const std::string& key) {
  std::vector<std::string> values;
  if (!node) {
    return values;
  }
  const toml::array* array = node.as_array();
  if (array == nullptr) {
    return vocabulary_error(key + " must be an array of strings");
  }
  for (const toml::node& element : *array) {
    const auto text = element.value<std::string>();
    if (!text) {
      return vocabulary_error(key + " must hold only strings (" + describe_position(element.source()) + ")");
    }
    values.push_back(*text);
  }
  return values;
}

// Canonical form of a name written in the vocabulary, before the alias table exists.
std::string vocabulary_key(std::string_view written, const Vocabulary& vocabulary) {
  return canonical_form(normalize_for_matching(written), vocabulary);
}

// Reads a table of word replacements such as [abbreviations] into vocabulary.words.
Status read_word_table(const toml::table& root, std::string_view section, Vocabulary& vocabulary) {
  const toml::table* table = root[section].as_table();
  if (table == nullptr) {
    return ok_status();
  }
  for (const auto& [key, value] : *table) {
    const auto replacement = value.value<std::string>();
    if (!replacement) {
      return vocabulary_error(std::string(section) + "." + std::string(key.str()) + " must be a string");
    }
    std::string word = normalize_for_matching(key.str());
    vocabulary.index_word(word);
    vocabulary.words.insert_or_assign(std::move(word), normalize_for_matching(*replacement));
  }
  return ok_status();
}

Status read_movements(const toml::table& root, Vocabulary& vocabulary) {
  const toml::node_view<const toml::node> movements = root["movement"];
  if (!movements) {
    return ok_status();
  }
  const toml::array* array = movements.as_array();
  if (array == nullptr) {
    return vocabulary_error("movement must be an array of tables ([[movement]])");
  }
  for (const toml::node& element : *array) {
    const toml::table* entry = element.as_table();
    const auto name = entry != nullptr ? (*entry)["name"].value<std::string>() : std::nullopt;
    if (!name) {
      return vocabulary_error("a [[movement]] entry has no name (" + describe_position(element.source()) + ")");
    }
    const std::string canonical = vocabulary_key(*name, vocabulary);
    vocabulary.names.insert_or_assign(canonical, canonical);
    if ((*entry)["lift"].value_or(false)) {
      vocabulary.lifts.insert(canonical);
    }
    auto aliases = read_strings((*entry)["aliases"], "aliases of '" + *name + "'");
    if (!aliases) {
      return aliases.error();
    }
    for (const std::string& alias : *aliases) {
      vocabulary.names.insert_or_assign(vocabulary_key(alias, vocabulary), canonical);
    }
  }
  return ok_status();
}

}  // namespace

namespace {

std::uint64_t load_bytes(const char* bytes, std::size_t count) {
  std::uint64_t value = 0;
  std::memcpy(&value, bytes, count);
  return value;
}

}  // namespace

std::uint64_t hash_key(std::string_view key) {
  constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ULL;
  const char* bytes = key.data();
  const std::size_t size = key.size();
  std::uint64_t hash = size * kMultiplier;
  const auto mix = [&](std::uint64_t word) {
    hash = (hash ^ word) * kMultiplier;
    hash ^= hash >> 29;
  };
  std::size_t at = 0;
  for (; at + 8 <= size; at += 8) {
    mix(load_bytes(bytes + at, 8));
  }
  if (size >= 8) {
    if (at < size) {
      mix(load_bytes(bytes + size - 8, 8));
    }
  } else if (size >= 4) {
    mix(load_bytes(bytes, 4) | load_bytes(bytes + size - 4, 4) << 32);
  } else if (size > 0) {
    const auto byte = [&](std::size_t index) {
      return std::uint64_t{static_cast<unsigned char>(bytes[index])};
    };
    mix(byte(0) | byte(size / 2) << 8 | byte(size - 1) << 16);
  }
  return hash;
}

FlatStringIndex::FlatStringIndex(const StringMap& map) {
  build({map.begin(), map.end()});
}

FlatStringIndex::FlatStringIndex(const StringSet& set) {
  std::vector<std::pair<std::string, std::string>> entries;
  entries.reserve(set.size());
  for (const std::string& key : set) {
    entries.emplace_back(key, key);
  }
  build(std::move(entries));
}

void FlatStringIndex::build(std::vector<std::pair<std::string, std::string>> entries) {
  std::size_t size = 8;
  while (size < entries.size() * 2) {
    size *= 2;
  }
  slots_.assign(size, Entry{});
  for (auto& [key, value] : entries) {
    const std::uint64_t hash = hash_key(key);
    std::size_t slot = hash & (size - 1);
    while (slots_[slot].used) {
      slot = (slot + 1) & (size - 1);
    }
    slots_[slot] = Entry{hash, std::move(key), std::move(value), true};
  }
}

const std::string* FlatStringIndex::find(std::string_view key) const {
  if (slots_.empty()) {
    return nullptr;
  }
  const std::uint64_t hash = hash_key(key);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    const Entry& entry = slots_[slot];
    if (!entry.used) {
      return nullptr;
    }
    if (entry.hash == hash && entry.key == key) {
      return &entry.value;
    }
  }
}

void Vocabulary::build_index() {
  static std::atomic<std::uint64_t> last_index_id{0};
  word_index = FlatStringIndex(words);
  head_index = FlatStringIndex(heads);
  name_index = FlatStringIndex(names);
  indexed = true;
  index_id = ++last_index_id;
}

void Vocabulary::index_word(std::string_view word) {
  if (!word.empty() && word.size() < 16) {
    word_lengths[static_cast<unsigned char>(word.front())] |= static_cast<std::uint16_t>(1U << word.size());
    word_end_lengths[static_cast<unsigned char>(word.back())] |=
        static_cast<std::uint16_t>(1U << word.size());
  }
}

const std::string* Vocabulary::word_replacement(std::string_view word) const {
  if (word.empty() || word.size() >= 16 ||
      (word_lengths[static_cast<unsigned char>(word.front())] & (1U << word.size())) == 0 ||
      (word_end_lengths[static_cast<unsigned char>(word.back())] & (1U << word.size())) == 0) {
    return nullptr;
  }
  if (indexed) {
    return word_index.find(word);
  }
  const auto found = words.find(word);
  return found != words.end() ? &found->second : nullptr;
}

std::string_view Vocabulary::movement_name(std::string_view canonical) const {
  if (indexed) {
    const std::string* name = name_index.find(canonical);
    return name != nullptr ? std::string_view(*name) : std::string_view();
  }
  const auto found = names.find(canonical);
  return found == names.end() ? std::string_view() : std::string_view(found->second);
}

bool Vocabulary::names_movement(std::string_view canonical) const {
  if (canonical.empty()) {
    return false;
  }
  // The head word decides for most names, and it is shorter to hash than the whole name.
  const std::size_t last_space = canonical.rfind(' ');
  const std::string_view last_word =
      last_space == std::string_view::npos ? canonical : canonical.substr(last_space + 1);
  const bool known =
      indexed ? head_index.find(last_word) != nullptr || name_index.find(canonical) != nullptr
              : heads.contains(last_word) || names.contains(canonical);
  if (known) {
    return true;
  }
  // "clean from the floor", "snatch off the blocks": a movement and where it starts.
  for (const std::string_view place : {" from ", " off "}) {
    if (const std::size_t at = canonical.find(place); at != std::string_view::npos && at > 0) {
      return names_movement(canonical.substr(0, at));
    }
  }
  return false;
}

Result<Vocabulary> parse_vocabulary(std::string_view toml_text) {
  toml::table parsed;
  try {
    parsed = toml::parse(toml_text);
  } catch (const toml::parse_error& error) {
    return vocabulary_error(std::string(error.description()) + " at " + describe_position(error.source()));
  }

  const toml::table& root = parsed;
  Vocabulary vocabulary;
  for (const std::string_view section : {"abbreviations", "spellings"}) {
    if (Status status = read_word_table(root, section, vocabulary); !status) {
      return status.error();
    }
  }
  auto keep = read_strings(root["singular"]["keep"], "singular.keep");
  if (!keep) {
    return keep.error();
  }
  for (const std::string& word : *keep) {
    vocabulary.keep_plural.push_back(normalize_for_matching(word));
  }
  auto heads = read_strings(root["heads"]["words"], "heads.words");
  if (!heads) {
    return heads.error();
  }
  for (const std::string& word : *heads) {
    vocabulary.heads.insert(normalize_for_matching(word));
  }
  if (Status status = read_movements(root, vocabulary); !status) {
    return status.error();
  }
  vocabulary.build_index();
  return vocabulary;
}

const Vocabulary& default_vocabulary() {
  static const Vocabulary vocabulary = [] {
    auto parsed = parse_vocabulary(embedded_vocabulary_toml());
    return parsed ? std::move(*parsed) : Vocabulary{};
  }();
  return vocabulary;
}

}  // namespace wodetl::prescription
