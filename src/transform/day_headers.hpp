#pragma once
// Recognition of the lines that start a training day in a weekly post.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace wodetl {

//! Day header read from a line.
struct DayHeader {
  std::optional<std::chrono::weekday> weekday;  //!< the weekday it names, if any
  bool mentions_rest = false;                   //!< it says rest, off, closed or recovery
  //! It names a time of day or a numbered session after its weekday: "Monday AM", "Monday - PM",
  //! "Monday Evening", "Monday (Session Two)". False for "Day N" and "Session N" headers.
  bool names_session_of_day = false;
  //! Normalized text after a "Day N", "Session N" or "Week N, Day N" label and its separator:
  //! "back squat 8x4 @ 80%" of "Day 3: Back Squat 8x4 @ 80%". Empty after a weekday or a bare
  //! label.
  std::string after_numbered_label;
};

//! Recognizes a day header such as "Monday (Session One)", "Thursday (Rest Day)", "Day 2",
//! "Session 5 - Tuesday", "DAY TWO/TUESDAY", "Week 3, Session 2", "Tue 4/2" or "Wednesday's
//! WOD". A header is a short line that starts with a weekday or with "Day N" / "Session N" /
//! "Week N, Day N", followed by nothing or by a separator; a sentence that merely starts with a
//! weekday ("Monday's squats go heavy") is not one. An abbreviated weekday must come before a
//! date, and a possessive one ("Wednesday's") before "WOD" or "workout".
[[nodiscard]] std::optional<DayHeader> match_day_header(std::string_view line_text);

//! First weekday named in already normalized text (see normalize_for_matching), if any.
[[nodiscard]] std::optional<std::chrono::weekday> find_weekday(std::string_view normalized);

}  // namespace wodetl
