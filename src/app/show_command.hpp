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

//! First and last ISO date of the days that `wodetl show` prints.
struct ShowRange {
  std::string first;
  std::string last;
};

//! Returns the day, or the Monday to Sunday week, that the options name, or an invalid_input
//! error when the date is not a YYYY-MM-DD date.
[[nodiscard]] Result<ShowRange> show_range(const ShowOptions& options);

//! Reads the stored sessions of one day or one week and formats them. Returns the text to print.
//! When states is given, the text output starts each post's sessions with the lines of its
//! introduction, the text before its first day, and the JSON output gives each session of the post
//! an "introduction" array of those lines (empty when the post has none) and an
//! "introduction_links" array of their links.
[[nodiscard]] Result<std::string> show_sessions(SessionStore& sessions, StateStore* states,
                                                const ShowOptions& options);

}  // namespace wodetl
