#include "core/environment.hpp"

#include <cstdlib>

namespace wodetl {

std::optional<std::string> read_environment_variable(const std::string& name) {
  const char* value =
      std::getenv(name.c_str());  // NOLINT(concurrency-mt-unsafe): nothing calls setenv
  if (value == nullptr) {
    return std::nullopt;
  }
  return std::string(value);
}

}  // namespace wodetl
