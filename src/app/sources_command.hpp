#pragma once

#include <memory>
#include <optional>
#include <string>

#include "app/source_catalog.hpp"
#include "core/json_codec.hpp"
#include "load/state_store.hpp"

namespace wodetl {

//! Options of `wodetl sources`.
struct SourcesArguments {
  std::string config;           //!< --config
  std::string store;            //!< --store; empty reads WODETL_STORE, then the file
  std::string format = "text";  //!< "text" or "json"
};

//! Where the sync cursors are read: each source's SQLite file in its data folder, or the state
//! store of the AWS store, which every source shares.
struct CursorStore {
  std::shared_ptr<StateStore> aws;  //!< null for the local store
  std::string description;          //!< the AWS store's description, or why it cannot be opened
  std::optional<Error> problem;     //!< set when the AWS store cannot be opened
};

//! Describes every source of the catalog, with its saved sync cursor, as text. Never contains a
//! password.
[[nodiscard]] std::string format_sources_text(const SourceCatalog& catalog,
                                              const CursorStore& cursors = {});

//! Describes the catalog as JSON: {"config": path or null, "sources": [...]}.
[[nodiscard]] Json sources_to_json(const SourceCatalog& catalog, const CursorStore& cursors = {});

//! Runs `wodetl sources` and returns the exit code: 0, or 2 for an invalid configuration.
[[nodiscard]] int run_sources_command(const SourcesArguments& arguments);

}  // namespace wodetl
