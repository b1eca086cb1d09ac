#include "core/edit_distance.hpp"

#include <gtest/gtest.h>

#include <cstddef>
#include <string_view>

namespace wodetl {
namespace {

struct DistanceCase {
  std::string_view from;
  std::string_view to;
  std::size_t distance;
};

TEST(EditDistance, CountsInsertionsDeletionsAndReplacements) {
  const DistanceCase cases[] = {
      {"", "", 0},
      {"unit", "unit", 0},
      {"", "unit", 4},
      {"unit", "", 4},
      {"unti", "unit", 2},
      {"roundng", "rounding", 1},
      {"snach", "snatch", 1},
      {"units", "unit", 1},
      {"clean", "jerk", 4},
  };
  for (const DistanceCase& item : cases) {
    EXPECT_EQ(edit_distance(item.from, item.to), item.distance) << item.from << " -> " << item.to;
    EXPECT_EQ(edit_distance(item.to, item.from), item.distance) << item.to << " -> " << item.from;
  }
}

}  // namespace
}  // namespace wodetl
