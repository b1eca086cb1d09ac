#include "app/settings.hpp"

namespace wodetl {

Result<LocalStoreSettings> local_store_settings(const std::string& data_dir_option,
                                        const Environment& environment) {
  LocalStoreSettings settings;
  if (!data_dir_option.empty()) {
    settings.data_dir = data_dir_option;
  } else if (auto from_environment = environment("WODETL_DATA_DIR"); from_environment && !from_environment->empty()) {
    settings.data_dir = *from_environment;
  }
  if (auto bucket = environment("INVICTUS_BUCKET"); bucket && !bucket->empty()) {
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
