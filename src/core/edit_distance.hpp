#pragma once

#include <cstddef>
#include <string_view>

namespace wodetl {

//! Levenshtein distance between two short names: the fewest inserted, deleted or replaced bytes
//! that turn from into to. It backs "did you mean" hints, so it is written here rather than taken
//! from a fuzzy-matching library.
[[nodiscard]] std::size_t edit_distance(std::string_view from, std::string_view to);

}  // namespace wodetl
