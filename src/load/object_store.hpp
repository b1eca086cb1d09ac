#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace wodetl {

//! User metadata stored with an object (S3 "x-amz-meta-*" headers; a side file locally).
using ObjectMetadata = std::map<std::string, std::string>;

//! Whether a write changed the store.
enum class WriteOutcome { kWritten, kUnchanged };

//! Bucket of objects addressed by keys such as "raw/2020-12-20__slug__raw.json".
//! Implementations: a local folder (load/local/bucket_folder.hpp) and S3.
//! Implementations are safe to call from several threads at once.
class ObjectStore {
 public:
  virtual ~ObjectStore() = default;

  //! Stores body under key unless an object with the same bytes is already there, so that
  //! repeating a run leaves the bucket untouched. Metadata is replaced along with the body.
  virtual Result<WriteOutcome> put_if_changed(const std::string& key, std::string_view body,
                                              const ObjectMetadata& metadata) = 0;

  //! Reads an object; std::nullopt when the key does not exist.
  virtual Result<std::optional<std::string>> get(const std::string& key) = 0;

  //! Reads the metadata stored with an object; std::nullopt when the key does not exist.
  virtual Result<std::optional<ObjectMetadata>> metadata(const std::string& key) = 0;

  //! True when key exists. Reads the object's metadata, so it fails when metadata() fails.
  [[nodiscard]] Result<bool> exists(const std::string& key) {
    Result<std::optional<ObjectMetadata>> stored = metadata(key);
    if (!stored) {
      return stored.error();
    }
    return stored->has_value();
  }

  //! Lists keys starting with prefix, sorted.
  virtual Result<std::vector<std::string>> list(const std::string& prefix) = 0;

  //! Deletes an object; deleting a missing key succeeds.
  virtual Status remove(const std::string& key) = 0;

  //! Human-readable location, e.g. "bucket folder ./wod-data/bucket".
  [[nodiscard]] virtual std::string describe() const = 0;
};

}  // namespace wodetl
