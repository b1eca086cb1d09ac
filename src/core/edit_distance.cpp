#include "core/edit_distance.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace wodetl {

// The two-row dynamic program: row i contains the distances from the first i bytes of from.
std::size_t edit_distance(std::string_view from, std::string_view to) {
  std::vector<std::size_t> previous(to.size() + 1);
  std::vector<std::size_t> current(to.size() + 1);
  for (std::size_t column = 0; column <= to.size(); ++column) {
    previous[column] = column;
  }
  for (std::size_t row = 1; row <= from.size(); ++row) {
    current[0] = row;
    for (std::size_t column = 1; column <= to.size(); ++column) {
      const std::size_t substitution =
          previous[column - 1] + (from[row - 1] == to[column - 1] ? 0 : 1);
      current[column] = std::min({previous[column] + 1, current[column - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[to.size()];
}

}  // namespace wodetl
