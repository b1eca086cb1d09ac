#pragma once

#include <filesystem>
#include <string>

#include "core/environment.hpp"
#include "core/error.hpp"
#include "pipeline/stores.hpp"

namespace wodetl {

//! Settings of the embedded store: the data folder from --data-dir, else WODETL_DATA_DIR, else
//! ./wod-data; the bucket folder named by INVICTUS_BUCKET, else "bucket". A bucket name other
//! than letters, digits, '.', '_' and '-' is rejected, so it cannot point outside the data folder.
//! DYNAMODB_TABLE and IDEMPOTENCY_TABLE name the SQLite tables that mirror the original's
//! DynamoDB tables; an invalid name is rejected.
[[nodiscard]] Result<LocalStoreSettings> local_store_settings(const std::string& data_dir_option,
                                                              const Environment& environment);

}  // namespace wodetl
