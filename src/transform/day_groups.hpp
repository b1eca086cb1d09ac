#pragma once

#include "core/session.hpp"

namespace wodetl {

//! Stage group_post_by_day: splits the lines at each day header. Lines before the first header
//! become the post's preamble; no line is dropped.
[[nodiscard]] GroupedPost group_post_by_day(StrippedPost stripped);

}  // namespace wodetl
