#pragma once
// Checks that a transformed post kept every line of its body.

#include <string>
#include <vector>

#include "core/session.hpp"

namespace wodetl::testing {

//! Texts of the preamble, then of every record's segments (heading, then lines), in order.
[[nodiscard]] std::vector<std::string> stored_line_texts(const std::vector<Line>& preamble,
                                                         const std::vector<SessionRecord>& records);

//! Texts of lines.
[[nodiscard]] std::vector<std::string> line_texts(const std::vector<Line>& lines);

}  // namespace wodetl::testing
