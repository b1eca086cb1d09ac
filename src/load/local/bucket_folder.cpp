#include "load/local/bucket_folder.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <functional>
#include <system_error>
#include <utility>

#include "core/json_codec.hpp"

namespace wodetl {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kMetadataFolder = ".metadata";
constexpr std::string_view kMetadataSuffix = ".json";
constexpr std::string_view kTempPrefix = ".tmp-wodetl-";

std::string errno_message(int error_number) {
  return std::generic_category().message(error_number);
}

bool is_temp_file_name(std::string_view name) {
  return name.starts_with(kTempPrefix);
}

// Closes a POSIX file descriptor when it goes out of scope.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) {
      ::close(fd_);
    }
  }

  [[nodiscard]] int get() const { return fd_; }

  // Closes now so that a close error can be reported; returns the errno value or 0.
  int close_now() {
    int result = ::close(fd_);
    fd_ = -1;
    return result == 0 ? 0 : errno;
  }

 private:
  int fd_;
};

// Reads a whole file; std::nullopt when it does not exist or is not a regular file.
Result<std::optional<std::string>> read_file(const fs::path& path) {
  std::error_code error;
  if (!fs::is_regular_file(path, error)) {
    return std::optional<std::string>{};
  }

  FileDescriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (file.get() < 0) {
    if (errno == ENOENT) {
      return std::optional<std::string>{};
    }
    return Error::store("failed to open " + path.string() + ": " + errno_message(errno));
  }

  std::string contents;
  char buffer[64 * 1024];
  while (true) {
    ssize_t count = ::read(file.get(), buffer, sizeof buffer);
    if (count < 0 && errno == EINTR) {
      continue;
    }
    if (count < 0) {
      return Error::store("failed to read " + path.string() + ": " + errno_message(errno));
    }
    if (count == 0) {
      break;
    }
    contents.append(buffer, static_cast<std::size_t>(count));
  }
  return std::optional<std::string>{std::move(contents)};
}

Status create_folders(const fs::path& folder) {
  std::error_code error;
  fs::create_directories(folder, error);
  // Another thread may have created the folder between the check and the mkdir.
  if (error && !fs::is_directory(folder)) {
    return Error::store("failed to create folder " + folder.string() + ": " + error.message());
  }
  return ok_status();
}

Status write_all(int fd, std::string_view bytes, const fs::path& path) {
  while (!bytes.empty()) {
    ssize_t count = ::write(fd, bytes.data(), bytes.size());
    if (count < 0 && errno == EINTR) {
      continue;
    }
    if (count < 0) {
      return Error::store("failed to write " + path.string() + ": " + errno_message(errno));
    }
    bytes.remove_prefix(static_cast<std::size_t>(count));
  }
  return ok_status();
}

// Flushes a folder so that a rename inside it survives a crash.
Status sync_folder(const fs::path& folder) {
  FileDescriptor handle(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (handle.get() < 0) {
    return Error::store("failed to open folder " + folder.string() + ": " + errno_message(errno));
  }
  // Some file systems reject fsync on a folder with EINVAL; the rename is then as durable as
  // that file system makes it.
  if (::fsync(handle.get()) != 0 && errno != EINVAL) {
    return Error::store("failed to flush folder " + folder.string() + ": " + errno_message(errno));
  }
  return ok_status();
}

// Opens a new temporary file next to target; returns its path in temp_path.
Result<int> create_temp_file(const fs::path& target, fs::path& temp_path) {
  static std::atomic<unsigned long> counter{0};
  const fs::path folder = target.parent_path();
  const std::string name_start = std::string(kTempPrefix) + std::to_string(::getpid()) + "-";
  // O_EXCL rejects a name that a crashed earlier run left behind, so try the next number.
  for (int attempt = 0; attempt < 100; ++attempt) {
    temp_path = folder / (name_start + std::to_string(counter.fetch_add(1)));
    int fd = ::open(temp_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd >= 0) {
      return fd;
    }
    if (errno != EEXIST) {
      return Error::store("failed to create " + temp_path.string() + ": " + errno_message(errno));
    }
  }
  return Error::store("failed to create a temporary file in " + folder.string() +
                      ": every name tried exists");
}

// Replaces target with bytes: writes a temporary file in the same folder, flushes it and renames
// it over target. The temporary file is removed on failure.
Status write_file_atomically(const fs::path& target, std::string_view bytes) {
  if (Status created = create_folders(target.parent_path()); !created) {
    return created;
  }

  fs::path temp_path;
  Result<int> opened = create_temp_file(target, temp_path);
  if (!opened) {
    return opened.error();
  }
  FileDescriptor temp_file(*opened);

  auto fail = [&](Error error) -> Status {
    ::unlink(temp_path.c_str());
    return error;
  };

  if (Status written = write_all(temp_file.get(), bytes, temp_path); !written) {
    return fail(written.error());
  }
  if (::fsync(temp_file.get()) != 0) {
    return fail(
        Error::store("failed to flush " + temp_path.string() + ": " + errno_message(errno)));
  }
  if (int close_error = temp_file.close_now(); close_error != 0) {
    return fail(
        Error::store("failed to close " + temp_path.string() + ": " + errno_message(close_error)));
  }
  if (::rename(temp_path.c_str(), target.c_str()) != 0) {
    return fail(Error::store("failed to rename " + temp_path.string() + " to " + target.string() +
                             ": " + errno_message(errno)));
  }
  return sync_folder(target.parent_path());
}

Status remove_file(const fs::path& path) {
  std::error_code error;
  fs::remove(path, error);
  if (error && error != std::errc::no_such_file_or_directory) {
    return Error::store("failed to delete " + path.string() + ": " + error.message());
  }
  return ok_status();
}

std::string encode_metadata(const ObjectMetadata& metadata) {
  Json json = Json::object();
  for (const auto& [name, value] : metadata) {
    json[name] = value;
  }
  return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

Result<ObjectMetadata> decode_metadata(const std::string& text, const fs::path& path) {
  Json json = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) {
    return Error::store("metadata file " + path.string() + " is not a JSON object");
  }
  ObjectMetadata metadata;
  for (const auto& [name, value] : json.items()) {
    if (!value.is_string()) {
      return Error::store("metadata file " + path.string() + " has a non-string value for '" +
                          name + "'");
    }
    metadata.emplace(name, value.get<std::string>());
  }
  return metadata;
}

// Reads the metadata side file; an absent file is empty metadata.
Result<ObjectMetadata> read_metadata_file(const fs::path& path) {
  Result<std::optional<std::string>> text = read_file(path);
  if (!text) {
    return text.error();
  }
  if (!text->has_value()) {
    return ObjectMetadata{};
  }
  return decode_metadata(**text, path);
}

Error with_key(Error error, const std::string& key) {
  error.message = "object '" + key + "': " + error.message;
  return error;
}

}  // namespace

Status validate_object_key(std::string_view key) {
  auto reject = [&](const std::string& reason) -> Status {
    std::string printable_key;
    for (char c : key) {
      // Control characters become '?' so the message stays one readable line.
      printable_key += static_cast<unsigned char>(c) < 0x20 || c == 0x7F ? '?' : c;
    }
    return Error::invalid_input("invalid object key '" + printable_key + "': " + reason, {},
                                "Use a relative key of '/'-separated names such as raw/x.json");
  };

  if (key.empty()) {
    return reject("the key is empty");
  }
  if (key.front() == '/') {
    return reject("the key is absolute");
  }
  if (key.back() == '/') {
    return reject("the key ends with '/'");
  }
  for (char c : key) {
    if (c == '\\') {
      return reject("the key contains a backslash");
    }
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      return reject("the key contains a control character");
    }
  }

  std::size_t start = 0;
  bool first_segment = true;
  while (start <= key.size()) {
    std::size_t end = key.find('/', start);
    if (end == std::string_view::npos) {
      end = key.size();
    }
    std::string_view segment = key.substr(start, end - start);
    if (segment.empty()) {
      return reject("the key contains an empty segment");
    }
    if (segment == "." || segment == "..") {
      return reject("the key contains a '" + std::string(segment) + "' segment");
    }
    if (first_segment && segment == kMetadataFolder) {
      return reject("the folder " + std::string(kMetadataFolder) + " is reserved for metadata");
    }
    if (is_temp_file_name(segment)) {
      return reject("names starting with " + std::string(kTempPrefix) +
                    " are reserved for temporary files");
    }
    first_segment = false;
    start = end + 1;
  }
  return ok_status();
}

BucketFolder::BucketFolder(fs::path root) : root_(std::move(root)) {}

fs::path BucketFolder::object_path(std::string_view key) const {
  return root_ / key;
}

fs::path BucketFolder::metadata_path(std::string_view key) const {
  return root_ / kMetadataFolder / (std::string(key) + std::string(kMetadataSuffix));
}

std::mutex& BucketFolder::mutex_for(const std::string& key) {
  return key_mutexes_[std::hash<std::string>{}(key) % kKeyMutexCount];
}

Result<WriteOutcome> BucketFolder::put_if_changed(const std::string& key, std::string_view body,
                                                  const ObjectMetadata& metadata) {
  if (Status valid = validate_object_key(key); !valid) {
    return valid.error();
  }
  std::lock_guard lock(mutex_for(key));
  const fs::path body_file = object_path(key);
  const fs::path metadata_file = metadata_path(key);

  Result<std::optional<std::string>> stored_body = read_file(body_file);
  if (!stored_body) {
    return with_key(stored_body.error(), key);
  }
  const bool body_changed = !stored_body->has_value() || **stored_body != body;

  // A side file that cannot be read or decoded counts as different, so the write repairs it.
  Result<ObjectMetadata> stored_metadata = read_metadata_file(metadata_file);
  const bool metadata_changed = !stored_metadata || *stored_metadata != metadata;

  if (!body_changed && !metadata_changed) {
    return WriteOutcome::kUnchanged;
  }

  if (body_changed) {
    if (Status written = write_file_atomically(body_file, body); !written) {
      return with_key(written.error(), key);
    }
  }
  if (metadata_changed) {
    Status written = metadata.empty()
                         ? remove_file(metadata_file)
                         : write_file_atomically(metadata_file, encode_metadata(metadata));
    if (!written) {
      return with_key(written.error(), key);
    }
  }
  return WriteOutcome::kWritten;
}

Result<std::optional<std::string>> BucketFolder::get(const std::string& key) {
  if (Status valid = validate_object_key(key); !valid) {
    return valid.error();
  }
  std::lock_guard lock(mutex_for(key));
  Result<std::optional<std::string>> body = read_file(object_path(key));
  if (!body) {
    return with_key(body.error(), key);
  }
  return body;
}

Result<std::optional<ObjectMetadata>> BucketFolder::metadata(const std::string& key) {
  if (Status valid = validate_object_key(key); !valid) {
    return valid.error();
  }
  std::lock_guard lock(mutex_for(key));
  std::error_code error;
  if (!fs::is_regular_file(object_path(key), error)) {
    return std::optional<ObjectMetadata>{};
  }
  Result<ObjectMetadata> metadata = read_metadata_file(metadata_path(key));
  if (!metadata) {
    return with_key(metadata.error(), key);
  }
  return std::optional<ObjectMetadata>{std::move(*metadata)};
}

Result<std::vector<std::string>> BucketFolder::list(const std::string& prefix) {
  // Walk only the folder named by the prefix's folder part, e.g. root/raw for "raw/2020-".
  fs::path start = root_;
  if (std::size_t slash = prefix.rfind('/'); slash != std::string::npos) {
    std::string folder = prefix.substr(0, slash);
    if (validate_object_key(folder)) {
      start = root_ / folder;
    }
  }

  std::vector<std::string> keys;
  std::error_code error;
  if (!fs::is_directory(start, error)) {
    return keys;
  }

  const fs::path metadata_root = root_ / kMetadataFolder;
  fs::recursive_directory_iterator entry(start, error);
  for (; !error && entry != fs::recursive_directory_iterator(); entry.increment(error)) {
    // A file that another thread removes during the walk fails these checks and is skipped.
    std::error_code entry_error;
    if (entry->is_directory(entry_error)) {
      if (entry->path() == metadata_root) {
        entry.disable_recursion_pending();
      }
      continue;
    }
    if (!entry->is_regular_file(entry_error) ||
        is_temp_file_name(entry->path().filename().string())) {
      continue;
    }
    std::string key = entry->path().lexically_relative(root_).generic_string();
    if (key.starts_with(prefix)) {
      keys.push_back(std::move(key));
    }
  }
  if (error) {
    return Error::store("failed to list " + start.string() + ": " + error.message());
  }

  std::sort(keys.begin(), keys.end());
  return keys;
}

Status BucketFolder::remove(const std::string& key) {
  if (Status valid = validate_object_key(key); !valid) {
    return valid.error();
  }
  std::lock_guard lock(mutex_for(key));
  if (Status removed = remove_file(object_path(key)); !removed) {
    return with_key(removed.error(), key);
  }
  if (Status removed = remove_file(metadata_path(key)); !removed) {
    return with_key(removed.error(), key);
  }
  return ok_status();
}

std::string BucketFolder::describe() const {
  return "bucket folder " + root_.string();
}

}  // namespace wodetl
