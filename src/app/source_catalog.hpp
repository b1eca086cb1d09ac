#pragma once
// The sources a command can read: the configured ones, or the built-in Invictus source, each
// resolved against the environment (credentials, data folder) and ready to create.

#include <filesystem>
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
  //! INVICTUS_PASS (the environment)"; "none" without credentials.
  std::string credentials;
  std::filesystem::path data_dir;
  //! Reason the source cannot be read (a variable that is not set, an invalid URL). The other
  //! sources stay usable.
  std::optional<Error> problem;
};

//! Sources and the configuration they came from.
struct SourceCatalog {
  std::optional<std::filesystem::path> config_path;
  std::optional<std::filesystem::path> store_data_dir;  //!< [store] data_dir of the file
  std::optional<std::string> store_kind;  //!< "local" or "aws", as the file chooses the store
  std::vector<CatalogSource> sources;
  std::vector<std::string> secrets;  //!< passwords, which no output may show
};

//! Command-line options that select the configuration and the data folder.
struct CatalogOptions {
  std::string config_option;    //!< --config
  std::string data_dir_option;  //!< --data-dir
  //! Folder of the .env file, wodetl.toml and ./wod-data; empty for the current folder, which
  //! keeps those paths relative.
  std::filesystem::path working_dir;
};

//! Reads the .env file of the working folder into `environment`, finds and reads the
//! configuration file (see find_config_file), reads the .env file beside it, and resolves each
//! source. Without a configuration file, or with one that defines no sources, the catalog contains
//! the built-in source that read_source_settings describes.
//!
//! A source's data folder is --data-dir, else its data_dir, else WODETL_DATA_DIR, else [store]
//! data_dir, else ./wod-data. Returns Error::invalid_input for an invalid .env or configuration
//! file, and when two sources would share a data folder, because their sessions would overwrite
//! each other (the sessions table is keyed by date and session).
[[nodiscard]] Result<SourceCatalog> load_source_catalog(LayeredEnvironment& environment,
                                                        const CatalogOptions& options);

//! Returns the source named `name`, or every source when `name` is empty. Error::not_found
//! lists the names when no source has that name.
[[nodiscard]] Result<std::vector<const CatalogSource*>> select_sources(const SourceCatalog& catalog,
                                                                       const std::string& name);

}  // namespace wodetl
