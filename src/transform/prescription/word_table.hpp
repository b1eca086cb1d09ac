#pragma once
// Small fixed tables of words (units, prose words, stop words) that the grammar looks up for
// nearly every token. Entries are bucketed by first byte and length, so a lookup compares about
// one candidate instead of scanning the whole list.

#include <array>
#include <initializer_list>
#include <string_view>
#include <utility>
#include <vector>

#include "transform/prescription/grammar_cursor.hpp"

namespace wodetl::prescription {

//! Words with a value each. The words must outlive the table: use string literals.
template <typename Value>
class WordTable {
 public:
  WordTable(std::initializer_list<std::pair<std::string_view, Value>> entries) {
    for (const auto& entry : entries) {
      add(entry.first, entry.second);
    }
  }

  //! Value of word, or nullptr when the table does not hold it.
  [[nodiscard]] const Value* find(std::string_view word) const {
    if (word.empty()) {
      return nullptr;
    }
    for (const auto& entry : buckets_[bucket_of(word)]) {
      if (same_word(entry.first, word)) {
        return &entry.second;
      }
    }
    return nullptr;
  }

 protected:
  WordTable() = default;

  void add(std::string_view word, Value value) {
    if (!word.empty()) {
      buckets_[bucket_of(word)].emplace_back(word, value);
    }
  }

 private:
  static constexpr std::size_t kBuckets = 64;

  static std::size_t bucket_of(std::string_view word) {
    return (static_cast<unsigned char>(word.front()) * 31U + word.size()) % kBuckets;
  }

  std::array<std::vector<std::pair<std::string_view, Value>>, kBuckets> buckets_;
};

//! Set of words.
class WordSet : private WordTable<bool> {
 public:
  WordSet(std::initializer_list<std::string_view> words) {
    for (const std::string_view word : words) {
      add(word, true);
    }
  }

  [[nodiscard]] bool contains(std::string_view word) const { return find(word) != nullptr; }
};

}  // namespace wodetl::prescription
