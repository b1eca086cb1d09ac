#include "app/settings.hpp"

#include <cstdlib>

namespace wodetl {

std::optional<std::string> process_environment(const std::string& name) {
  const char* value = std::getenv(name.c_str());  // NOLINT(concurrency-mt-unsafe): read at start-up
  if (value == nullptr || *value == '\0') {
    return std::nullopt;
  }
  return std::string(value);
}

Result<LocalStoreSettings> local_store_settings(const std::string& data_dir_option,
                                        const EnvironmentLookup& environment) {
  LocalStoreSettings settings;
  if (!data_dir_option.empty()) {
    settings.data_dir = data_dir_option;
  } else if (auto from_environment = environment("WODETL_DATA_DIR")) {
    settings.data_dir = *from_environment;
  }
  if (auto bucket = environment("INVICTUS_BUCKET")) {
    const bool valid = *bucket != "." && *bucket != ".." &&
                       bucket->find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                 "0123456789._-") == std::string::npos;
    if (!valid) {
      return Error::invalid_input("INVICTUS_BUCKET '" + *bucket + "' is not a valid bucket name", {},
                                  "Use letters, digits, '.', '_' and '-' only");
    }
    settings.bucket_name = *bucket;
  }
  return settings;
}

}  // namespace wodetl
