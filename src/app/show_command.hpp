#pragma once

#include <optional>
#include <string>

#include "core/error.hpp"
#include "pipeline/stores.hpp"
#include "transform/loads/maxes.hpp"

namespace wodetl {

//! Options of `wodetl show`.
struct ShowOptions {
  std::string date;             //!< one day, ISO date
  std::string week;             //!< any ISO date of the Monday–Sunday week to show
  std::string format = "text";  //!< "text" or "json"
  std::optional<Maxes> maxes;   //!< when given, each part shows the weight of its sets
};

//! Reads the stored sessions of one day or one week and formats them. Returns the text to print.
[[nodiscard]] Result<std::string> show_sessions(SessionStore& sessions, const ShowOptions& options);

}  // namespace wodetl
