#include "support/fixtures.hpp"

#include <atomic>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "core/json_codec.hpp"
#include "extract/post_parser.hpp"

namespace wodetl::testing {

std::filesystem::path case_path(const std::string& relative) {
  return std::filesystem::path(WODETL_TEST_CASES_DIR) / relative;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream stream(path, std::ios::binary);
  if (!stream) {
    throw std::runtime_error("cannot read " + path.string());
  }
  std::ostringstream content;
  content << stream.rdbuf();
  return content.str();
}

Post load_post_case(const std::string& name) {
  const std::filesystem::path path = case_path("posts/" + name);
  auto post = parse_post(Json::parse(read_file(path)), path.string());
  if (!post) {
    throw std::runtime_error(post.error().to_string());
  }
  return *post;
}

std::optional<std::filesystem::path> real_week_post_path() {
  const auto path = std::filesystem::path(WODETL_SHARED_DATA_DIR) / "invictus" /
                    "december-21-27-2020-5-day-weightlifting-program.json";
  if (!std::filesystem::exists(path)) {
    return std::nullopt;
  }
  return path;
}

std::optional<std::filesystem::path> real_week_original_records_path() {
  const auto path = std::filesystem::path(WODETL_SHARED_DATA_DIR) / "invictus" /
                    "original-pipeline-output" /
                    "december-21-27-2020-5-day-weightlifting-program.records.json";
  if (!std::filesystem::exists(path)) {
    return std::nullopt;
  }
  return path;
}

Environment fixed_environment(std::map<std::string, std::string> variables) {
  return [variables = std::move(variables)](const std::string& name) -> std::optional<std::string> {
    auto found = variables.find(name);
    if (found == variables.end()) {
      return std::nullopt;
    }
    return found->second;
  };
}

TempFolder::TempFolder() {
  static std::atomic<int> counter{0};
  std::random_device random;
  path_ = std::filesystem::temp_directory_path() /
          ("wodetl-test-" + std::to_string(random()) + "-" + std::to_string(counter++));
  std::filesystem::create_directories(path_);
}

TempFolder::~TempFolder() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace wodetl::testing
