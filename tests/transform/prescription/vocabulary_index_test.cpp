#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "transform/prescription/canonical.hpp"
#include "transform/prescription/vocabulary.hpp"

namespace wodetl::prescription {
namespace {

// Phrases looked up in both the flat indexes and the maps they copy: every key, and near misses.
std::vector<std::string> probe_phrases(const Vocabulary& vocabulary) {
  std::vector<std::string> phrases = {"",
                                      "a",
                                      "back squat",
                                      "squat",
                                      "with empty bar",
                                      "clean and jer",
                                      "clean and jerks",
                                      "power snatch balance",
                                      "db",
                                      "dbs",
                                      "pushup"};
  for (const auto& [key, value] : vocabulary.names) {
    phrases.push_back(key);
    phrases.push_back("slow " + key);
  }
  for (const auto& [key, value] : vocabulary.words) {
    phrases.push_back(key);
    phrases.push_back(key + "x");
  }
  for (const std::string& head : vocabulary.heads) {
    phrases.push_back(head);
    phrases.push_back("overhead " + head);
  }
  return phrases;
}

TEST(VocabularyIndex, AgreesWithMaps) {
  const Vocabulary& indexed = default_vocabulary();
  ASSERT_TRUE(indexed.indexed);
  Vocabulary plain = indexed;
  plain.indexed = false;  // lookups read the maps
  for (const std::string& phrase : probe_phrases(indexed)) {
    SCOPED_TRACE(phrase);
    EXPECT_EQ(indexed.movement_name(phrase), plain.movement_name(phrase));
    EXPECT_EQ(indexed.names_movement(phrase), plain.names_movement(phrase));
    const std::string* indexed_word = indexed.word_replacement(phrase);
    const std::string* plain_word = plain.word_replacement(phrase);
    ASSERT_EQ(indexed_word == nullptr, plain_word == nullptr);
    if (indexed_word != nullptr) {
      EXPECT_EQ(*indexed_word, *plain_word);
    }
  }
}

TEST(VocabularyIndex, EmptyVocabularyKnowsNothing) {
  const Vocabulary empty;
  EXPECT_EQ(empty.movement_name("back squat"), "");
  EXPECT_FALSE(empty.names_movement("back squat"));
  EXPECT_EQ(empty.word_replacement("db"), nullptr);
}

// Forms longer than the stack buffer that canonical_form builds in are built again on the heap.
TEST(CanonicalForm, LongerThanStackBuffer) {
  std::string written;
  std::string expected;
  for (int word = 0; word < 30; ++word) {
    written += word == 0 ? "DB" : " db";
    expected += word == 0 ? "dumbbell" : " dumbbell";
  }
  EXPECT_EQ(canonical_name(written), expected);

  const std::string long_word(60, 'a');
  EXPECT_EQ(canonical_form(long_word + "s " + long_word, default_vocabulary()),
            std::string(48, 'a') + " " + std::string(48, 'a'));
}

}  // namespace
}  // namespace wodetl::prescription
