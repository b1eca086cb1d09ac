#include "extract/file_source.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <memory>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "extract/post_parser.hpp"

namespace fs = std::filesystem;

namespace wodetl {
namespace {

const char* const kPathHint = "Give a JSON file or a folder that contains .json files";

//! Reads the whole file into `text`. Returns the error number of the failed call, or 0.
int read_whole_file(const fs::path& file, std::string& text) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> stream(std::fopen(file.c_str(), "rb"),
                                                         &std::fclose);
  if (!stream) {
    return errno;
  }
  char buffer[64 * 1024];
  std::size_t count = 0;
  while ((count = std::fread(buffer, 1, sizeof buffer, stream.get())) > 0) {
    text.append(buffer, count);
  }
  if (std::ferror(stream.get()) != 0) {
    // glibc's fread sets errno, e.g. EISDIR for a folder. EIO is the fallback when it does not.
    return errno != 0 ? errno : EIO;
  }
  return 0;
}

//! The `*.json` regular files directly inside `folder`, sorted by file name.
Result<std::vector<fs::path>> list_json_files(const fs::path& folder) {
  std::error_code error;
  fs::directory_iterator entries(folder, error);
  if (error) {
    return Error::not_found("failed to list folder " + folder.string() + ": " + error.message(),
                            kPathHint);
  }

  std::vector<fs::path> files;
  // increment(error) in place of range-for, whose operator++ throws on a failed read.
  for (; entries != fs::directory_iterator(); entries.increment(error)) {
    std::error_code status_error;
    if (entries->path().extension() == ".json" && entries->is_regular_file(status_error)) {
      files.push_back(entries->path());
    }
  }
  if (error) {
    return Error::not_found("failed to list folder " + folder.string() + ": " + error.message(),
                            kPathHint);
  }
  std::sort(files.begin(), files.end(), [](const fs::path& left, const fs::path& right) {
    return left.filename() < right.filename();
  });
  return files;
}

}  // namespace

PostBatch read_post_file(const fs::path& file) {
  std::string origin = file.string();
  std::string text;
  errno = 0;
  if (int error_number = read_whole_file(file, text); error_number != 0) {
    ErrorCode code = error_number == ENOENT ? ErrorCode::kNotFound : ErrorCode::kInvalidInput;
    PostBatch batch;
    batch.push_back(
        Error{code, "failed to read the file: " + std::generic_category().message(error_number),
              PostRef{.file = origin}, "Check that the file exists and is readable"});
    return batch;
  }

  Result<PostBatch> parsed = parse_posts_document(text, origin);
  if (!parsed.ok()) {
    PostBatch batch;
    batch.push_back(parsed.error());
    return batch;
  }
  return std::move(parsed).value();
}

FileSource::FileSource(fs::path path) : path_(std::move(path)) {}

Status FileSource::fetch(const std::function<void(PostBatch&&)>& on_batch) {
  std::error_code error;
  fs::file_status status = fs::status(path_, error);
  if (status.type() == fs::file_type::not_found) {
    return Error::not_found("path not found: " + path_.string(), kPathHint);
  }
  if (error) {
    return Error::not_found("failed to access " + path_.string() + ": " + error.message(),
                            kPathHint);
  }

  if (fs::is_regular_file(status)) {
    on_batch(read_post_file(path_));
    return ok_status();
  }
  if (!fs::is_directory(status)) {
    return Error::not_found(path_.string() + " is neither a file nor a folder", kPathHint);
  }

  Result<std::vector<fs::path>> files = list_json_files(path_);
  if (!files.ok()) {
    return files.error();
  }
  if (files->empty()) {
    spdlog::warn("folder {} contains no .json files", path_.string());
  }
  for (const fs::path& file : *files) {
    on_batch(read_post_file(file));
  }
  return ok_status();
}

std::string FileSource::describe() const {
  std::error_code error;
  if (fs::is_directory(path_, error)) {
    return "folder " + path_.string();
  }
  return "file " + path_.string();
}

}  // namespace wodetl
