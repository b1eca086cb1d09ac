#pragma once
// ObjectStore in a local folder, the embedded stand-in for the original pipeline's S3 bucket.
//
// Layout under the root folder:
//   {key}                  the object body, e.g. raw/2020-12-20__week-one__raw.json
//   .metadata/{key}.json   the object's metadata as a JSON object of strings; absent when the
//                          metadata is empty
//   .tmp-wodetl-*          files being written, renamed over their target when complete
// so raw/ and weekly/ contain only objects.

#include <array>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>

#include "load/object_store.hpp"

namespace wodetl {

//! Checks that key can name an object in a BucketFolder, and returns Error::invalid_input naming
//! the key otherwise. A valid key is a relative path of '/'-separated segments. It rejects
//!  - an empty key, a leading or trailing '/', and empty, "." or ".." segments
//!  - backslashes and control characters, NUL included
//!  - ".metadata" as the first segment, and segments starting with ".tmp-wodetl-", because
//!    those names are reserved for metadata and temporary files
[[nodiscard]] Status validate_object_key(std::string_view key);

//! Bucket of objects stored as files under a root folder, which is created by the first write.
//!
//! put_if_changed compares the stored bytes and metadata with the new ones and touches nothing
//! when both are equal. Otherwise it writes each part that differs atomically: a temporary file
//! in the target's folder is written, flushed with fsync and renamed over the target, so a
//! reader sees the old or the new file and never a partial one.
//!
//! Thread safety: calls for the same key are serialized by one of kKeyMutexCount mutexes chosen
//! by the key's hash, so calls for distinct keys run concurrently unless their hashes collide.
//! Another process writing the same folder is not coordinated with, but its renames are still
//! atomic.
class BucketFolder : public ObjectStore {
 public:
  explicit BucketFolder(std::filesystem::path root);

  Result<WriteOutcome> put_if_changed(const std::string& key, std::string_view body,
                                      const ObjectMetadata& metadata) override;
  Result<std::optional<std::string>> get(const std::string& key) override;
  Result<std::optional<ObjectMetadata>> metadata(const std::string& key) override;
  Result<std::vector<std::string>> list(const std::string& prefix) override;
  Status remove(const std::string& key) override;
  [[nodiscard]] std::string describe() const override;

  [[nodiscard]] const std::filesystem::path& root() const { return root_; }

  //! Path of the file that contains the body of key; key must be valid.
  [[nodiscard]] std::filesystem::path object_path(std::string_view key) const;

  //! Path of the side file that contains the metadata of key; key must be valid.
  [[nodiscard]] std::filesystem::path metadata_path(std::string_view key) const;

 private:
  static constexpr std::size_t kKeyMutexCount = 64;

  std::mutex& mutex_for(const std::string& key);

  std::filesystem::path root_;
  std::array<std::mutex, kKeyMutexCount> key_mutexes_;
};

}  // namespace wodetl
