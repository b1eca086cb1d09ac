#pragma once
// Access to the test fixtures in tests/cases and to the real posts in ../shared/data.

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "core/environment.hpp"
#include "core/post.hpp"

namespace wodetl::testing {

//! Path of a file under tests/cases.
[[nodiscard]] std::filesystem::path case_path(const std::string& relative);

//! Reads a whole file; throws std::runtime_error when it cannot.
[[nodiscard]] std::string read_file(const std::filesystem::path& path);

//! Parses the post fixture tests/cases/posts/NAME; throws when it is not a valid post.
[[nodiscard]] Post load_post_case(const std::string& name);

//! The real Invictus week in ../shared/data, or nullopt when that folder is absent.
[[nodiscard]] std::optional<std::filesystem::path> real_week_post_path();

//! The original pipeline's stored records for the real week, or nullopt when absent.
[[nodiscard]] std::optional<std::filesystem::path> real_week_original_records_path();

//! Environment of fixed variables, so that a test never reads or changes the process environment.
[[nodiscard]] Environment fixed_environment(std::map<std::string, std::string> variables);

//! Fresh empty folder under the system temp folder, removed by the destructor.
class TempFolder {
 public:
  TempFolder();
  ~TempFolder();
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace wodetl::testing
