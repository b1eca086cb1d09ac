#pragma once

#include "core/session.hpp"

namespace wodetl {

//! Splits one day into segments: the day segment (header and the lines before the first label),
//! then one segment per warm-up or part label. Every line lands in exactly one segment.
[[nodiscard]] SegmentedDay segment_day(DayGroup day);

//! Stage segment_days: segment_day for every day of the post.
[[nodiscard]] SegmentedPost segment_days(GroupedPost grouped);

}  // namespace wodetl
