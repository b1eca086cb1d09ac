#pragma once
// Checks of `wodetl sync` results, shared by the tests against the WordPress stand-in and those
// against the real WordPress.

#include <string>
#include <vector>

#include "core/json_codec.hpp"

namespace wodetl::testing {

//! True when `text` contains `part`.
[[nodiscard]] bool contains(const std::string& text, const std::string& part);

//! Expects `text` to contain each of `parts`; a failure names the missing part and shows `text`.
void expect_contains_all(const std::string& text, const std::vector<std::string>& parts);

//! Expects the JSON summary of one source to show a sync that wrote nothing: no new or changed
//! post, no record or object written, and no cursor saved.
void expect_wrote_nothing(const Json& source_summary);

}  // namespace wodetl::testing
