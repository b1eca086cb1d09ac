#include "support/program_posts.hpp"

#include <array>
#include <chrono>
#include <cstdio>

namespace wodetl::testing {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

constexpr std::array<const char*, 12> kMonths = {"January",   "February", "March",    "April",
                                                 "May",       "June",     "July",     "August",
                                                 "September", "October",  "November", "December"};

year_month_day week_monday(int number) {
  using namespace std::chrono_literals;
  return year_month_day{sys_days{2021y / 1 / 4} + days{7 * (number - 1)}};
}

std::string month_name(const year_month_day& date) {
  return kMonths[static_cast<unsigned>(date.month()) - 1];
}

std::string iso_date(const year_month_day& date) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

//! "January 4-10, 2021", "January 25 - February 1, 2021" or "December 27, 2021 - January 2, 2022".
std::string week_range(const year_month_day& first, const year_month_day& last) {
  const std::string first_day = std::to_string(static_cast<unsigned>(first.day()));
  const std::string last_day = std::to_string(static_cast<unsigned>(last.day()));
  const std::string last_year = std::to_string(static_cast<int>(last.year()));
  if (first.year() != last.year()) {
    return month_name(first) + " " + first_day + ", " +
           std::to_string(static_cast<int>(first.year())) + " - " + month_name(last) + " " +
           last_day + ", " + last_year;
  }
  if (first.month() != last.month()) {
    return month_name(first) + " " + first_day + " - " + month_name(last) + " " + last_day + ", " +
           last_year;
  }
  return month_name(first) + " " + first_day + "-" + last_day + ", " + last_year;
}

}  // namespace

NewPost weekly_program_post(int number, std::int64_t category) {
  const year_month_day monday = week_monday(number);
  const year_month_day sunday{sys_days{monday} + days{6}};
  const year_month_day saturday_before{sys_days{monday} - days{2}};
  const std::string percent = std::to_string(70 + number % 4 * 5);
  const std::string week = std::to_string(number);

  NewPost post;
  post.title = week_range(monday, sunday) + " - 3 Day Weightlifting Program";
  // Typed as in the editor: WordPress adds <p> and <br /> (wpautop) and texturizes on output.
  const std::vector<std::string> lines = {
      "Week " + week + " of the cycle -- read the notes before you start.",
      "",
      "<strong>Monday</strong>",
      "A. Snatch 5x2 @ " + percent + "%",
      "B. Back Squat 5x5 @ 75% -- rest 2-3 minutes",
      "C. \"Stay tall\" in the catch & don't rush...",
      "",
      "<strong>Wednesday</strong>",
      "A. Clean & Jerk 4x1 @ " + percent + "%",
      "B. Front Squat 3x3",
      "",
      "<strong>Friday</strong>",
      "A. Power Snatch 6x2",
      "B. Deadlift 5-4-3-2-1",
      "C. Farmer's Carry x 40m",
  };
  for (std::size_t index = 0; index < lines.size(); ++index) {
    post.content += (index == 0 ? "" : "\n") + lines[index];
  }
  post.categories = {category};
  post.date_gmt = iso_date(saturday_before) + "T17:00:00";
  return post;
}

std::vector<std::string> weekly_program_dates(int number) {
  const year_month_day monday = week_monday(number);
  return {iso_date(monday), iso_date(year_month_day{sys_days{monday} + days{2}}),
          iso_date(year_month_day{sys_days{monday} + days{4}})};
}

SeededProgram seed_program(RealWordPress& site, const std::string& category_name, int weeks,
                           const std::string& other_name, int other_posts) {
  SeededProgram program;
  program.category = site.create_category(category_name);
  program.other = site.create_category(other_name);
  std::vector<NewPost> posts;
  for (int week = 1; week <= weeks; ++week) {
    posts.push_back(weekly_program_post(week, program.category.id));
  }
  NewPost draft = weekly_program_post(weeks + 1, program.category.id);
  draft.status = "draft";
  posts.push_back(draft);
  for (int week = 1; week <= other_posts; ++week) {
    posts.push_back(weekly_program_post(week, program.other.id));
  }

  std::vector<SeededPost> seeded = site.insert_posts(posts);
  const auto draft_at = seeded.begin() + weeks;
  program.published.assign(seeded.begin(), draft_at);
  program.draft = *draft_at;
  program.other_posts.assign(draft_at + 1, seeded.end());
  return program;
}

}  // namespace wodetl::testing
