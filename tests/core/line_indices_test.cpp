#include "core/line_indices.hpp"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "core/prescription_json.hpp"

namespace wodetl::prescription {
namespace {

// Lists of each length up to past the inline capacity, so that both storages are covered.
std::vector<LineIndices> lists_of_each_length() {
  std::vector<LineIndices> lists;
  for (std::size_t length = 0; length <= 3 * LineIndices::kInlineCapacity; ++length) {
    LineIndices list;
    for (std::size_t index = 0; index < length; ++index) {
      list.push_back(10 + index);
    }
    lists.push_back(list);
  }
  return lists;
}

std::vector<std::size_t> expected_of_length(std::size_t length) {
  std::vector<std::size_t> expected;
  for (std::size_t index = 0; index < length; ++index) {
    expected.push_back(10 + index);
  }
  return expected;
}

TEST(LineIndices, KeepsEveryIndexInOrder) {
  const std::vector<LineIndices> lists = lists_of_each_length();
  for (std::size_t length = 0; length < lists.size(); ++length) {
    SCOPED_TRACE(length);
    EXPECT_EQ(lists[length].size(), length);
    EXPECT_EQ(lists[length].empty(), length == 0);
    EXPECT_EQ(lists[length].to_vector(), expected_of_length(length));
    EXPECT_EQ(lists[length], expected_of_length(length));
  }
}

TEST(LineIndices, CopiesAndMovesKeepTheIndices) {
  for (LineIndices& list : lists_of_each_length()) {
    SCOPED_TRACE(list.size());
    const std::vector<std::size_t> expected = list.to_vector();
    LineIndices copy(list);
    EXPECT_EQ(copy, list);
    LineIndices assigned{1, 2};
    assigned = list;
    EXPECT_EQ(assigned, expected);
    LineIndices moved(std::move(copy));
    EXPECT_EQ(moved, expected);
    EXPECT_TRUE(copy.empty());  // NOLINT(bugprone-use-after-move): moved-from lists are empty
    LineIndices move_assigned{7};
    move_assigned = std::move(moved);
    EXPECT_EQ(move_assigned, expected);
    move_assigned.push_back(99);
    EXPECT_EQ(move_assigned.back(), 99U);
    EXPECT_EQ(list, expected);  // the copies share nothing with the original
  }
}

TEST(LineIndices, ComparesByContent) {
  EXPECT_EQ((LineIndices{1, 2, 3}), (LineIndices{1, 2, 3}));
  EXPECT_FALSE((LineIndices{1, 2, 3}) == (LineIndices{1, 2}));
  EXPECT_FALSE((LineIndices{1, 2, 3}) == (std::vector<std::size_t>{1, 2, 4}));
}

TEST(LineIndices, IsAJsonArray) {
  EXPECT_EQ(Json(LineIndices{}).dump(), "[]");
  EXPECT_EQ(Json(LineIndices{1, 2, 3, 4, 5, 6, 7, 8}).dump(), "[1,2,3,4,5,6,7,8]");
}

}  // namespace
}  // namespace wodetl::prescription
