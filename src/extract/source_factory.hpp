#pragma once
// Choice of the post source from the command-line argument and the environment.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/environment.hpp"
#include "core/error.hpp"
#include "extract/post_source.hpp"
#include "extract/wordpress_source.hpp"

namespace wodetl {

//! Posts API read when neither the argument nor INVICTUS_WEIGHTLIFTING_API names one.
inline constexpr const char* kDefaultApiUrl =
    "https://www.crossfitinvictus.com/wp-json/wp/v2/posts";
//! Weightlifting category of the default site.
inline constexpr std::int64_t kDefaultCategoryId = 213;

//! Environment variables read by read_source_settings.
inline constexpr const char* kApiUrlVariable = "INVICTUS_WEIGHTLIFTING_API";
inline constexpr const char* kCategoryVariable = "INVICTUS_WEIGHTLIFTING_API_CAT_ID";
inline constexpr const char* kUserVariable = "INVICTUS_USER";
inline constexpr const char* kPasswordVariable = "INVICTUS_PASS";

//! Kind and settings of the post source, before the source is created.
struct SourceSettings {
  enum class Kind { kWordPress, kFiles };
  Kind kind = Kind::kWordPress;
  std::filesystem::path path;  //!< JSON file or folder, for kFiles
  WordPressConfig wordpress;   //!< for kWordPress; callers may change per_page, page and time-outs
};

//! Reads the source settings from `source_arg` and the environment.
//!
//! An empty `source_arg` selects the default API: INVICTUS_WEIGHTLIFTING_API when set, else
//! kDefaultApiUrl. An argument starting with http:// or https:// is a WordPress site root or
//! posts API URL. Any other argument is a JSON file or a folder of JSON files.
//!
//! The default site is the scheme, host and port of the default API. The category is
//! INVICTUS_WEIGHTLIFTING_API_CAT_ID when set, else kDefaultCategoryId for the default site and
//! none for another site, where category 213 would mean something else. INVICTUS_USER and
//! INVICTUS_PASS become basic authentication for the default site only, so that the password
//! is never sent to a site the user did not configure it for. Empty variables count as unset.
//!
//! Returns Error::invalid_input when the category is not a positive integer or only one of
//! INVICTUS_USER and INVICTUS_PASS is set.
[[nodiscard]] Result<SourceSettings> read_source_settings(const std::string& source_arg,
                                                          const Environment& env);

//! Creates the source the settings describe; returns the Error of WordPressSource::create.
[[nodiscard]] Result<std::unique_ptr<PostSource>> make_source(const SourceSettings& settings);

//! Reads the settings with read_source_settings and creates the source.
[[nodiscard]] Result<std::unique_ptr<PostSource>> make_source(
    const std::string& source_arg, const Environment& env = read_environment_variable);

//! Fetches one page of `per_page` posts (page 1 is the first) from the source that
//! read_source_settings selects. A WordPress source requests exactly that page, and a page
//! past the end gives an empty batch. A file source reads every file and returns that slice of
//! the items in file order. Returns an Error for invalid settings, a per_page outside 1 to 100
//! or a page below 1, and for a failed request or a missing path.
[[nodiscard]] Result<PostBatch> fetch_source_page(
    const std::string& source_arg, int per_page, int page,
    const Environment& env = read_environment_variable);

}  // namespace wodetl
