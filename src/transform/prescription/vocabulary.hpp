#pragma once
// Exercise vocabulary of the prescription parser: abbreviations, singular forms, movement names
// with their aliases, and the words that end a movement name. The data lives in
// data/exercises.toml; the build embeds a copy (vocabulary_data.cpp), so the parser never reads a
// file at run time.

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/error.hpp"

namespace wodetl::prescription {

//! FNV-1a hash that lets the vocabulary's maps be searched with a std::string_view. Keys are a
//! few words long, where FNV-1a is faster than std::hash's Murmur-based _Hash_bytes.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    std::size_t hash = 14695981039346656037ULL;
    for (const char c : text) {
      hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
    return hash;
  }
};

using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;
using StringMap = std::unordered_map<std::string, std::string, StringHash, std::equal_to<>>;

//! Copy of a StringMap or StringSet in one open-addressing table, for the lookups the parser makes
//! for every movement name. A std::unordered_map lookup hashes byte by byte and divides by a
//! prime; this one hashes eight bytes at a time and masks.
class FlatStringIndex {
 public:
  FlatStringIndex() = default;
  explicit FlatStringIndex(const StringMap& map);
  explicit FlatStringIndex(const StringSet& set);

  //! Value stored for key (for a set, the key itself), or nullptr.
  [[nodiscard]] const std::string* find(std::string_view key) const;

 private:
  struct Entry {
    std::uint64_t hash = 0;
    std::string key;
    std::string value;
    bool used = false;
  };

  void build(std::vector<std::pair<std::string, std::string>> entries);

  std::vector<Entry> slots_;  // size 0 or a power of two, at most half full
};

//! Vocabulary read from TOML. Every key and name is in canonical form (see canonical.hpp).
struct Vocabulary {
  StringMap words;          //!< abbreviations and spellings: "db" → "dumbbell", "pushup" → "push up"
  //! Bit n of word_lengths[b] is set when words has a key of n bytes that starts with byte b, so
  //! that most words ("power", "clean") are known to be absent without hashing them.
  std::array<std::uint16_t, 256> word_lengths{};
  //! The same for the last byte of each key: a word must pass both to be looked up.
  std::array<std::uint16_t, 256> word_end_lengths{};
  std::vector<std::string> keep_plural;  //!< words never made singular: "abs"; a handful
  StringSet heads;          //!< last words of movement names: "squat", "up"
  StringMap names;          //!< canonical form of a name or alias → movement name
  StringSet lifts;          //!< movement names a rep max or percentage can refer to

  //! Copies of words, heads and names for fast lookups, made by build_index. Lookups use the
  //! maps above until it runs, so call it again after changing them.
  FlatStringIndex word_index;
  FlatStringIndex head_index;
  FlatStringIndex name_index;
  bool indexed = false;
  //! Number that build_index gives each state of the vocabulary, unique within the process (a
  //! copy keeps it). Caches of results derived from the vocabulary, such as the canonical form
  //! cache in canonical.cpp, use it as their key. It is 0 until build_index runs.
  std::uint64_t index_id = 0;

  //! Fills the indexes from words, heads and names and gives the vocabulary a new index_id.
  //! parse_vocabulary calls it. Call it again after changing any field.
  void build_index();

  //! Records a key of words in word_lengths and word_end_lengths; call it for every key inserted.
  void index_word(std::string_view word);
  //! Replacement of one canonical word ("db" → "dumbbell"), or nullptr.
  [[nodiscard]] const std::string* word_replacement(std::string_view word) const;

  //! Movement name for an already canonical phrase, or an empty view when it is unknown.
  [[nodiscard]] std::string_view movement_name(std::string_view canonical) const;
  //! True when canonical is a known movement or ends in a head word.
  [[nodiscard]] bool names_movement(std::string_view canonical) const;
  [[nodiscard]] bool is_lift(std::string_view canonical) const { return lifts.contains(canonical); }
};

//! Hash of a short string such as a word or a name: eight bytes at a time, and the last bytes with
//! one load that may overlap bytes already read, so that no loop runs byte by byte.
[[nodiscard]] std::uint64_t hash_key(std::string_view key);

//! Reads a vocabulary in the format of data/exercises.toml. Returns an invalid-input Error naming
//! the line and column of a TOML syntax error, or the entry with a missing or mistyped field.
[[nodiscard]] Result<Vocabulary> parse_vocabulary(std::string_view toml_text);

//! TOML text of data/exercises.toml as embedded at build time.
[[nodiscard]] std::string_view embedded_vocabulary_toml();

//! Vocabulary parsed once from the embedded text. An embedded text that fails to parse (a bug
//! that EmbeddedVocabulary tests catch) gives an empty vocabulary rather than an exception.
[[nodiscard]] const Vocabulary& default_vocabulary();

}  // namespace wodetl::prescription
