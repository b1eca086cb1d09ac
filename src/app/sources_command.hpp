#pragma once

#include <string>

#include "app/source_catalog.hpp"
#include "core/json_codec.hpp"

namespace wodetl {

//! Options of `wodetl sources`.
struct SourcesArguments {
  std::string config;           //!< --config
  std::string format = "text";  //!< "text" or "json"
};

//! Describes every source of the catalog, with its saved sync cursor when its data folder has
//! one, as text. Never contains a password.
[[nodiscard]] std::string format_sources_text(const SourceCatalog& catalog);

//! Describes the catalog as JSON: {"config": path or null, "sources": [...]}.
[[nodiscard]] Json sources_to_json(const SourceCatalog& catalog);

//! Runs `wodetl sources` and returns the exit code: 0, or 2 for an invalid configuration.
[[nodiscard]] int run_sources_command(const SourcesArguments& arguments);

}  // namespace wodetl
