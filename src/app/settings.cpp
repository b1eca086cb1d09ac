#include "app/settings.hpp"

#include <utility>

namespace wodetl {

Result<LocalStoreSettings> local_store_settings(const std::string& data_dir_option,
                                                const Environment& environment) {
  LocalStoreSettings settings;
  if (!data_dir_option.empty()) {
    settings.data_dir = data_dir_option;
  } else if (auto from_environment = environment("WODETL_DATA_DIR");
             from_environment && !from_environment->empty()) {
    settings.data_dir = *from_environment;
  }
  if (auto bucket = environment("INVICTUS_BUCKET"); bucket && !bucket->empty()) {
    const bool valid = *bucket != "." && *bucket != ".." &&
                       bucket->find_first_not_of(
                           "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                           "0123456789._-") == std::string::npos;
    if (!valid) {
      return Error::invalid_input("INVICTUS_BUCKET '" + *bucket + "' is not a valid bucket name",
                                  {}, "Use letters, digits, '.', '_' and '-' only");
    }
    settings.bucket_name = *bucket;
  }

  const std::pair<const char*, std::string*> tables[] = {
      {"DYNAMODB_TABLE", &settings.tables.sessions},
      {"IDEMPOTENCY_TABLE", &settings.tables.idempotency}};
  for (const auto& [variable, name] : tables) {
    auto value = environment(variable);
    if (!value || value->empty()) {
      continue;
    }
    if (Status valid = validate_table_name(*value); !valid) {
      Error error = valid.error();
      error.message = std::string(variable) + ": " + error.message;
      return error;
    }
    *name = *value;
  }
  return settings;
}

}  // namespace wodetl
