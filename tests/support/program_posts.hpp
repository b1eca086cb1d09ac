#pragma once
// Made-up weekly weightlifting programs, typed the way a coach types them into the WordPress
// editor, for seeding the real WordPress.

#include <cstdint>
#include <string>
#include <vector>

#include "support/real_wordpress.hpp"

namespace wodetl::testing {

//! Returns the program of week `number`: week 1 runs from Monday 2021-01-04 to Sunday
//! 2021-01-10, and each later number is one week later. The title names the week's range
//! ("January 4-10, 2021 - 3 Day Weightlifting Program", across months "January 25 - February
//! 1, 2021 - …"). The body has a line before the first day, then Monday, Wednesday and Friday
//! with parts A. to C., and text that WordPress texturizes: "5x5", " - ", "--", double quotes,
//! "don't", "&" and "..." (it leaves "2-3" alone). The post is published in `category`, dated the
//! Saturday before the week at 17:00:00 GMT.
[[nodiscard]] NewPost weekly_program_post(int number, std::int64_t category);

//! Dates of the training days of weekly_program_post(number): Monday, Wednesday and Friday, as
//! "2021-01-04".
[[nodiscard]] std::vector<std::string> weekly_program_dates(int number);

//! Posts that seed_program inserted.
struct SeededProgram {
  WordPressTerm category;               //!< category of the program
  WordPressTerm other;                  //!< another category
  std::vector<SeededPost> published;    //!< weeks 1 to N, published in `category`, in order
  SeededPost draft;                     //!< week N + 1, a draft in `category`
  std::vector<SeededPost> other_posts;  //!< weeks 1 to M, published in `other`
};

//! Creates the categories `category_name` and `other_name` (made unique by create_category) and
//! inserts weekly_program_post 1 to `weeks` published in the first, week `weeks` + 1 as a draft
//! in it, and weeks 1 to `other_posts` in the second.
[[nodiscard]] SeededProgram seed_program(RealWordPress& site, const std::string& category_name,
                                         int weeks, const std::string& other_name, int other_posts);

}  // namespace wodetl::testing
