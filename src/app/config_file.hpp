#pragma once
// The configuration file (TOML, e.g. wodetl.toml): the sources to sync and the store.
//
//   [store]
//   kind = "local"                     # or "aws": S3 and DynamoDB; `store = "aws"` says the same
//   data_dir = "wod-data"              # relative paths are relative to the file's folder
//
//   [[sources]]
//   name = "invictus"
//   site = "https://www.crossfitinvictus.com"
//   category = 213                     # an id, or a slug such as "weightlifting"
//   tag = "snatch"                     # optional, an id or a slug
//   profile = "weekly"                 # or "daily"
//   rate = 2.0                         # requests per second
//   concurrency = 1                    # requests in flight
//   credentials = { user = "coach", password_env = "INVICTUS_APP_PASSWORD" }

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/environment.hpp"
#include "core/error.hpp"
#include "core/program_profile.hpp"

namespace wodetl {

//! Name of the file read from the working folder when neither --config nor WODETL_CONFIG is set.
inline constexpr const char* kDefaultConfigFile = "wodetl.toml";
//! Environment variable that names the configuration file.
inline constexpr const char* kConfigVariable = "WODETL_CONFIG";

//! Where a source's basic-authentication credentials come from. Each value is given either
//! literally or as the name of an environment variable (also read from .env files).
struct CredentialsConfig {
  std::string user;
  std::string user_env;
  std::string password;  //!< literal; password_env keeps the secret out of the file
  std::string password_env;
};

//! A category or tag given by numeric id or by slug.
struct TermConfig {
  std::optional<std::int64_t> id;
  std::string slug;

  //! Returns the id, or the slug when no id is given.
  [[nodiscard]] std::string text() const;
};

//! One WordPress source of workout posts.
struct SourceConfig {
  std::string name;  //!< letters, digits, '-', '_' and '.'; names the sync cursor
  std::string site;  //!< site root or posts API URL
  std::optional<TermConfig> category;
  std::optional<TermConfig> tag;
  ProgramProfile profile = ProgramProfile::kWeekly;
  std::optional<CredentialsConfig> credentials;
  double rate = 2.0;                              //!< requests per second; 0.1 to 20
  int concurrency = 1;                            //!< requests in flight; 1 to 8
  int timeout_seconds = 30;                       //!< limit of one HTTP request
  int retries = 3;                                //!< retries after a failed request; 0 to 10
  int overlap_seconds = 600;                      //!< see SyncRequest::overlap
  std::optional<std::filesystem::path> data_dir;  //!< absolute, or relative to the file's folder
  int line = 0;  //!< line of its [[sources]] table in the file, for messages
};

//! Contents of a configuration file.
struct ConfigFile {
  std::filesystem::path path;
  std::optional<std::filesystem::path> data_dir;  //!< [store] data_dir, made absolute
  //! Store backend, "local" or "aws": [store] kind, or store = "…" when store is not a table.
  std::optional<std::string> store_kind;
  std::vector<SourceConfig> sources;
};

//! Parses the TOML text of a configuration file. Relative paths become relative to the folder
//! of `path`. Returns Error::invalid_input naming the file, the line, the key and the problem for
//! invalid TOML, an unknown key, a value of the wrong type or out of range, a missing name or
//! site, and two sources with one name.
[[nodiscard]] Result<ConfigFile> parse_config(std::string_view text,
                                              const std::filesystem::path& path);

//! Reads and parses a configuration file; Error::not_found when it does not exist.
[[nodiscard]] Result<ConfigFile> read_config_file(const std::filesystem::path& path);

//! Finds the configuration file: `option` (--config) when given, else WODETL_CONFIG, else
//! wodetl.toml in `working_dir` when it exists. A file named by --config or WODETL_CONFIG must
//! exist; Error::not_found otherwise. Returns nothing when no file applies.
[[nodiscard]] Result<std::optional<std::filesystem::path>> find_config_file(
    const std::string& option, const Environment& environment,
    const std::filesystem::path& working_dir);

}  // namespace wodetl
