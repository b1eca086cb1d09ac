#pragma once
// Short, printable excerpts of response bodies for error messages.

#include <cstddef>
#include <string>
#include <string_view>

namespace wodetl {

//! Returns the start of a response body for an error message: at most `max_bytes`, control
//! characters and runs of white space replaced by one space, cut on a UTF-8 boundary, with "…"
//! when more followed.
[[nodiscard]] std::string body_excerpt(std::string_view body, std::size_t max_bytes = 100);

}  // namespace wodetl
