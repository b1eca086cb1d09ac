#pragma once
// The sources a command can read: the configured ones, or the built-in Invictus source, each
// resolved against the environment (credentials, data folder) and ready to create.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/config_file.hpp"
#include "app/dotenv.hpp"
#include "core/error.hpp"
#include "extract/wordpress_source.hpp"

namespace wodetl {

//! Name of the source built in for when no configuration file defines sources.
inline constexpr const char* kBuiltInSourceName = "invictus";
//! Environment variable that names the data folder.
inline constexpr const char* kDataDirVariable = "WODETL_DATA_DIR";
//! Data folder when nothing else names one.
inline constexpr const char* kDefaultDataDir = "wod-data";

//! A source with everything resolved from the configuration and the environment.
struct CatalogSource {
  SourceConfig config;
  bool built_in = false;      //!< the Invictus default, configured by INVICTUS_* variables
  WordPressConfig wordpress;  //!< ready for WordPressSource::create
  //! Listing the source reads: the posts endpoint, category and tag. Names the sync cursor's
  //! listing, so a cursor is ignored once the source points elsewhere.
  std::string listing;
  //! Origin of the credentials, without secrets, e.g. "user coach, password from
  //! INVICTUS_PASS (the environment)" or "Secrets Manager secret wp"; "none" without credentials.
  std::string credentials;
  //! Problem with the credentials that leaves the source usable, such as a Secrets Manager secret
  //! that could not be read. Commands add it to the summary, where the default log level does
  //! not hide it.
  std::optional<Error> credentials_warning;
  //! Warning that the configuration file contains this source's password and other users can
  //! read it. Commands show it like credentials_warning.
  std::optional<Error> config_file_warning;
  std::filesystem::path data_dir;
  //! Reason the source cannot be read (a variable that is not set, an invalid URL). The other
  //! sources stay usable.
  std::optional<Error> problem;
};

//! The Secrets Manager secret that INVICTUS_SECRET_NAME names. Its username and password
//! replace INVICTUS_USER and INVICTUS_PASS, as in the original pipeline.
struct CredentialsSecret {
  std::string name;            //!< name or ARN of the secret
  bool read = false;           //!< the secret was read and is valid
  std::optional<Error> error;  //!< why it could not be read; unset when it was not tried
};

//! Sources and the configuration they came from.
struct SourceCatalog {
  std::optional<std::filesystem::path> config_path;
  std::optional<std::filesystem::path> store_data_dir;  //!< [store] data_dir of the file
  std::optional<std::string> store_kind;  //!< "local" or "aws", as the file chooses the store
  std::vector<CatalogSource> sources;
  std::vector<std::string> secrets;                     //!< passwords, which no output may show
  std::optional<CredentialsSecret> credentials_secret;  //!< set when INVICTUS_SECRET_NAME is set
};

//! Reader of a Secrets Manager secret's text by name, with the AWS settings of `environment`.
using CatalogSecretReader = std::function<Result<std::string>(const std::string& secret_name,
                                                              const Environment& environment)>;

//! Command-line options that select the configuration and the data folder.
struct CatalogOptions {
  std::string config_option;    //!< --config
  std::string data_dir_option;  //!< --data-dir
  //! Folder of the .env file, wodetl.toml and ./wod-data; empty for the current folder, which
  //! keeps those paths relative.
  std::filesystem::path working_dir;
  //! Reads the secret that INVICTUS_SECRET_NAME names, for the commands that send the WordPress
  //! credentials. When empty, the secret is named in CatalogSource::credentials but not read.
  CatalogSecretReader read_secret;
};

//! Reads the .env file of the working folder into `environment`, finds and reads the
//! configuration file (see find_config_file), reads the .env file beside it, reads the Secrets
//! Manager secret INVICTUS_SECRET_NAME with options.read_secret when both are set (its username
//! and password override INVICTUS_USER and INVICTUS_PASS in `environment`), and resolves each
//! source. Without a configuration file, or with one that defines no sources, the catalog contains
//! the built-in source that read_source_settings describes.
//!
//! A source's data folder is --data-dir, else its data_dir, else WODETL_DATA_DIR, else [store]
//! data_dir, else ./wod-data. Returns Error::invalid_input for an invalid .env or configuration
//! file, and when two sources would share a data folder, because their sessions would overwrite
//! each other (the sessions table is keyed by date and session).
[[nodiscard]] Result<SourceCatalog> load_source_catalog(LayeredEnvironment& environment,
                                                        const CatalogOptions& options);

//! Describes where INVICTUS_USER and INVICTUS_PASS come from, without their values: "Secrets
//! Manager secret NAME" when `secret` was read, else each variable with its origin (see
//! LayeredEnvironment::origin), else "none". A secret that was not tried is named first.
[[nodiscard]] std::string environment_credentials_origin(
    const LayeredEnvironment& environment, const std::optional<CredentialsSecret>& secret);

//! Returns the source named `name`, or every source when `name` is empty. Error::not_found
//! lists the names when no source has that name.
[[nodiscard]] Result<std::vector<const CatalogSource*>> select_sources(const SourceCatalog& catalog,
                                                                       const std::string& name);

}  // namespace wodetl
