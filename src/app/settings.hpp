#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "pipeline/stores.hpp"

namespace wodetl {

//! Reads an environment variable; injectable so tests need not change the process environment.
using EnvironmentLookup = std::function<std::optional<std::string>(const std::string&)>;

//! Reads the process environment; empty values count as unset.
[[nodiscard]] std::optional<std::string> process_environment(const std::string& name);

//! Settings of the embedded store: the data folder from --data-dir, else WODETL_DATA_DIR, else
//! ./wod-data; the bucket folder named by INVICTUS_BUCKET, else "bucket". A bucket name other
//! than letters, digits, '.', '_' and '-' is rejected, so it cannot point outside the data folder.
[[nodiscard]] Result<LocalStoreSettings> local_store_settings(const std::string& data_dir_option,
                                                      const EnvironmentLookup& environment);

}  // namespace wodetl
