#pragma once
// Words that the grammar of the prescription parser compares tokens with. The tokenizer gives
// every word token the id of its spelling in kKeywordSpellings (kNoKeyword for any other word), so
// that the grammar compares small integers instead of strings. Grammar code names a keyword by its
// spelling, Keyword{"reps"} or a bare "reps" where a Keyword is expected; the lookup runs at
// compile time, and a spelling missing from the list fails to compile.

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <string_view>
#include <type_traits>

namespace wodetl::prescription {

//! Index of a word in kKeywordSpellings; kNoKeyword for a word that is not listed.
using KeywordId = std::uint16_t;
inline constexpr KeywordId kNoKeyword = 0;

//! Every word the grammar compares with, in normalized form (lower case, ASCII apostrophe), in
//! alphabetical order. Entry 0 stands for "no keyword".
// clang-format off
inline constexpr std::string_view kKeywordSpellings[] = {
    "",
    "a", "above", "add", "after", "ahap", "aim", "all", "also", "amrap", "an", "and", "any", "are",
    "arm", "arms", "as", "at", "be", "been", "before", "below", "best", "between", "bodyweight",
    "build", "but", "bw", "by", "cal", "calorie", "calories", "cals", "can", "cap", "complex",
    "could", "do", "does", "don't", "double", "doubles", "e", "ea", "each", "efforts", "eight",
    "eighteen", "eleven", "emom", "establish", "even", "every", "exceed", "exercises", "feet",
    "female", "fifteen", "find", "first", "five", "focus", "followed", "foot", "for", "four",
    "fourteen", "friday", "from", "ft", "go", "going", "h", "hand", "hands", "heaviest", "heavy",
    "here", "hold", "hour", "hours", "how", "hr", "hrs", "i", "if", "in", "inches", "interval",
    "intervals", "is", "it", "it's", "its", "keep", "kg", "kgs", "kilo", "kilos", "km", "l", "ladder", "last",
    "lb", "lbs", "left", "leg", "legs", "less", "load", "m", "make", "male", "many", "mark", "max",
    "means", "meant", "men", "meter", "meters", "metre", "metres", "mi", "mile", "miles", "min",
    "mins", "minute", "minutes", "mom", "monday", "more", "movements", "my", "need", "needed",
    "new", "next", "nine", "nineteen", "not", "note", "odd", "of", "off", "on", "one", "or",
    "other", "our", "over", "part", "pd", "per", "percent", "please", "pood", "possible", "pound",
    "pounds", "r", "remaining", "rep", "reps", "rest", "rft", "right", "rm", "round", "rounds",
    "rpe", "s", "saturday", "sec", "second", "seconds", "secs", "set", "sets", "seven", "seventeen",
    "should", "side", "sides", "single", "singles", "six", "sixteen", "so", "start", "stay",
    "sunday", "superset", "tabata", "take", "ten", "than", "that", "the", "then", "there", "these",
    "they", "thirteen", "this", "those", "three", "through", "thursday", "time", "to", "today",
    "today's", "todays", "top", "total", "triple", "triples", "try", "tuesday", "twelve", "twenty",
    "two", "under", "until", "up", "use", "want", "was", "wave", "way", "we", "wednesday", "week",
    "weight", "weights", "were", "what", "when", "why", "will", "with", "within", "women", "work",
    "would", "yard", "yards", "yd", "yds", "you", "you're", "your", "yours",
};
// clang-format on

inline constexpr std::size_t kKeywordCount = std::size(kKeywordSpellings);

//! Size of a KeywordSet in bits; every keyword id must be smaller.
inline constexpr std::size_t kMaxKeywords = 256;
static_assert(kKeywordCount <= kMaxKeywords);

namespace keyword_table {

inline constexpr std::size_t kMaxSpellingSize = [] {
  std::size_t size = 0;
  for (const std::string_view spelling : kKeywordSpellings) {
    size = spelling.size() > size ? spelling.size() : size;
  }
  return size;
}();

// Bytes of a word in two integers, so that comparing two words takes two integer comparisons
// instead of a loop whose exit the processor mispredicts. low contains bytes 0 to 7 and high bytes
// 8 to 14, little-endian, with zeros past the word. The top byte of high is the word's size, which
// keeps two words apart even when one has zero bytes. A word of kMaxSpellingSize bytes or fewer
// leaves that byte free.
struct PackedWord {
  std::uint64_t low = 0;
  std::uint64_t high = 0;
  constexpr bool operator==(const PackedWord&) const = default;
};

static_assert(kMaxSpellingSize <= 15, "the top byte of PackedWord::high is the word's size");
static_assert(std::endian::native == std::endian::little,
              "packed words contain bytes in memory order");

constexpr std::uint64_t size_byte(std::size_t size) {
  return static_cast<std::uint64_t>(size) << 56;
}

// Packs a word of 1 to kMaxSpellingSize bytes, byte by byte: at compile time, and for words that
// cannot be read past their end (see pack_padded_word).
constexpr PackedWord pack_word(std::string_view word) {
  PackedWord packed;
  for (std::size_t index = word.size(); index-- > 0;) {
    const std::uint64_t byte = static_cast<unsigned char>(word[index]);
    if (index < 8) {
      packed.low |= byte << (8 * index);
    } else {
      packed.high |= byte << (8 * (index - 8));
    }
  }
  packed.high |= size_byte(word.size());
  return packed;
}

// Masks that keep the first size bytes of a word: kLowMasks[size] for bytes 0 to 7 and
// kHighMasks[size] for bytes 8 to 15.
inline constexpr std::array<std::uint64_t, kMaxSpellingSize + 1> kLowMasks = [] {
  std::array<std::uint64_t, kMaxSpellingSize + 1> masks{};
  for (std::size_t size = 0; size <= kMaxSpellingSize; ++size) {
    masks[size] = size >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * size)) - 1;
  }
  return masks;
}();
inline constexpr std::array<std::uint64_t, kMaxSpellingSize + 1> kHighMasks = [] {
  std::array<std::uint64_t, kMaxSpellingSize + 1> masks{};
  for (std::size_t size = 9; size <= kMaxSpellingSize; ++size) {
    masks[size] = (std::uint64_t{1} << (8 * (size - 8))) - 1;
  }
  return masks;
}();

// Same as pack_word for a word of 1 to kMaxSpellingSize bytes after which 8 more bytes can be
// read: two loads and two masks instead of a loop.
inline PackedWord pack_padded_word(const char* word, std::size_t size) {
  std::uint64_t low = 0;
  std::uint64_t high = 0;
  std::memcpy(&low, word, 8);
  // A word of 8 bytes or fewer has no high part, and reading at word + 8 could pass the padding.
  std::memcpy(&high, size > 8 ? word + 8 : word, 8);
  PackedWord packed;
  packed.low = low & kLowMasks[size];
  packed.high = (high & kHighMasks[size]) | size_byte(size);
  return packed;
}

inline constexpr std::array<PackedWord, kKeywordCount> kPackedSpellings = [] {
  std::array<PackedWord, kKeywordCount> packed{};
  for (std::size_t id = 1; id < kKeywordCount; ++id) {
    packed[id] = pack_word(kKeywordSpellings[id]);
  }
  return packed;
}();

// Collision-free table from the hash of a packed spelling to its id, built at compile time: the
// seed of the hash is the first one under which no two keywords share a slot. A lookup then reads
// one slot and compares one spelling, with no probing loop and no branch on whether the word is a
// keyword, which the processor could not predict. Each entry is one byte, so the 8 KiB table stays
// in the first-level cache.
inline constexpr unsigned kSlotBits = 13;
inline constexpr std::size_t kSlots = std::size_t{1} << kSlotBits;

// The seed is spread over all 64 bits and mixed in before the multiplication, so that every seed
// moves the high bits of the product even for the small integers of short words.
constexpr std::size_t slot_of(const PackedWord& word, std::uint64_t seed) {
  const std::uint64_t mixed_seed = seed * 0x9E3779B97F4A7C15ULL;
  const std::uint64_t hash =
      (word.low ^ mixed_seed) * 0xD6E8FEB86659FD93ULL ^ word.high * 0xC2B2AE3D27D4EB4FULL;
  return static_cast<std::size_t>(hash >> (64 - kSlotBits));
}

// First seed under which slot_of is injective over the keywords, or kMaxSeeds when there is none.
inline constexpr std::uint64_t kMaxSeeds = 100000;
inline constexpr std::uint64_t kSeed = [] {
  // A slot is taken under a seed when it contains seed + 1, so the table is not cleared per seed.
  std::array<std::uint64_t, kSlots> taken{};
  for (std::uint64_t seed = 0; seed < kMaxSeeds; ++seed) {
    bool injective = true;
    for (std::size_t id = 1; id < kKeywordCount && injective; ++id) {
      const std::size_t slot = slot_of(kPackedSpellings[id], seed);
      injective = taken[slot] != seed + 1;
      taken[slot] = seed + 1;
    }
    if (injective) {
      return seed;
    }
  }
  return kMaxSeeds;
}();
static_assert(kSeed < kMaxSeeds, "no seed separates the keywords: raise kSlotBits");

static_assert(kKeywordCount <= 256, "slots hold ids in one byte");
inline constexpr std::array<std::uint8_t, kSlots> kSlotIds = [] {
  std::array<std::uint8_t, kSlots> table{};
  for (std::size_t id = 1; id < kKeywordCount; ++id) {
    table[slot_of(kPackedSpellings[id], kSeed)] = static_cast<std::uint8_t>(id);
  }
  return table;
}();

// Id of the keyword packed, or kNoKeyword. Entry 0 of kPackedSpellings has size 0, which no packed
// word has, so an empty slot gives kNoKeyword too.
inline KeywordId find_packed(const PackedWord& packed) {
  const std::uint8_t id = kSlotIds[slot_of(packed, kSeed)];
  const PackedWord& spelling = kPackedSpellings[id];
  const std::uint64_t differs = (spelling.low ^ packed.low) | (spelling.high ^ packed.high);
  return differs == 0 ? id : kNoKeyword;
}

}  // namespace keyword_table

//! Id of the keyword spelled word, or kNoKeyword.
[[nodiscard]] inline KeywordId find_keyword(std::string_view word) {
  using namespace keyword_table;
  if (word.empty() || word.size() > kMaxSpellingSize) {
    return kNoKeyword;
  }
  return find_packed(pack_word(word));
}

//! Same for a word of ASCII letters and apostrophes in any case, as written in a line.
[[nodiscard]] inline KeywordId find_ascii_keyword(std::string_view word) {
  using namespace keyword_table;
  if (word.empty() || word.size() > kMaxSpellingSize) {
    return kNoKeyword;
  }
  // Setting bit 5 of every byte lower-cases ASCII letters and keeps the apostrophe (0x27).
  PackedWord packed = pack_word(word);
  constexpr std::uint64_t kCaseBits = 0x2020202020202020ULL;
  packed.low |= kCaseBits & kLowMasks[word.size()];
  packed.high |= kCaseBits & kHighMasks[word.size()];
  return find_packed(packed);
}

//! Same as find_keyword for a word of 1 to kMaxSpellingSize bytes in normalized text after which
//! 8 more bytes can be read, as in a TokenizedLine's padded text.
[[nodiscard]] inline KeywordId find_padded_keyword(const char* word, std::size_t size) {
  using namespace keyword_table;
  if (size > kMaxSpellingSize) {
    return kNoKeyword;
  }
  return find_packed(pack_padded_word(word, size));
}

//! A keyword named by its spelling, checked at compile time.
struct Keyword {
  KeywordId id;

  // Implicit on purpose, so that grammar code writes cursor.accept_word("reps").
  // NOLINTNEXTLINE(google-explicit-constructor)
  consteval Keyword(const char* spelling) : id(id_of(spelling)) {}

 private:
  static consteval KeywordId id_of(std::string_view spelling) {
    for (std::size_t index = 1; index < kKeywordCount; ++index) {
      if (kKeywordSpellings[index] == spelling) {
        return static_cast<KeywordId>(index);
      }
    }
    throw "the word is missing from kKeywordSpellings";  // fails the constant evaluation
  }
};

//! Bit of a keyword in a keyword filter: a 64-bit word in which a line sets the bit of each of
//! its keywords. Keywords whose ids differ by a multiple of 64 share a bit, so a set bit means that
//! a keyword may occur and a clear bit means that it does not. Rules use the filter only to skip
//! lines that cannot match.
[[nodiscard]] constexpr std::uint64_t keyword_filter_bit(KeywordId id) {
  return std::uint64_t{1} << (id % 64);
}

//! Set of keywords, built at compile time; membership is one bit test.
class KeywordSet {
 public:
  consteval KeywordSet(std::initializer_list<Keyword> keywords) {
    for (const Keyword keyword : keywords) {
      bits_[keyword.id / 64] |= std::uint64_t{1} << (keyword.id % 64);
    }
  }

  [[nodiscard]] constexpr bool contains(KeywordId id) const {
    return id != kNoKeyword && ((bits_[id / 64] >> (id % 64)) & 1U) != 0;
  }
  //! Keyword filter bits of the set's keywords (see keyword_filter_bit).
  [[nodiscard]] constexpr std::uint64_t filter() const {
    return bits_[0] | bits_[1] | bits_[2] | bits_[3];
  }

 private:
  std::array<std::uint64_t, kMaxKeywords / 64> bits_{};
};

//! A value for some keywords, built at compile time; other keywords map to Value{}.
template <typename Value>
class KeywordMap {
 public:
  struct Entry {
    Keyword keyword;
    Value value;
  };

  consteval KeywordMap(std::initializer_list<Entry> entries) {
    for (const Entry& entry : entries) {
      values_[entry.keyword.id] = entry.value;
    }
  }

  [[nodiscard]] constexpr Value operator[](KeywordId id) const { return values_[id]; }

 private:
  std::array<Value, kKeywordCount> values_{};
};

}  // namespace wodetl::prescription
