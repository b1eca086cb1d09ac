#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "extract/post_source.hpp"

namespace wodetl {

//! Posts read from a JSON file, or from every `*.json` file of a folder.
//!
//! Each file contains one post object or an array of them, as the WordPress REST API returns
//! them, and becomes one batch. A folder is read non-recursively, in file-name order, and its
//! other files and subfolders are skipped. A file that cannot be read or parsed becomes an
//! error item naming the file, and the remaining files are still delivered.
class FileSource : public PostSource {
 public:
  explicit FileSource(std::filesystem::path path);

  //! Returns an Error (kNotFound) when the path does not exist or is neither a file nor a
  //! folder, or when the folder cannot be listed.
  Status fetch(const std::function<void(PostBatch&&)>& on_batch) override;

  //! Returns e.g. "file posts/week-1.json" or "folder posts/".
  [[nodiscard]] std::string describe() const override;

 private:
  std::filesystem::path path_;
};

//! Reads one JSON file into a batch. A read or parse failure becomes the batch's one error item.
[[nodiscard]] PostBatch read_post_file(const std::filesystem::path& file);

}  // namespace wodetl
