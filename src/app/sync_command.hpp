#pragma once

#include <optional>
#include <string>

#include "app/logging.hpp"

namespace wodetl {

//! Options of `wodetl sync`.
struct SyncArguments {
  std::string source;      //!< one source by name; empty syncs every source
  std::string config;      //!< --config
  std::string store;       //!< --store, "local" or "aws"; empty reads WODETL_STORE, then the file
  std::string data_dir;    //!< --data-dir, for one source
  bool full = false;       //!< read every post, not only what changed
  std::string since;       //!< read the posts published from this date (YYYY-MM-DD or ISO 8601)
  bool prune = false;      //!< remove the records of the posts gone from the site's listing
  bool prune_all = false;  //!< let prune remove every stored post of a source
  bool quiet = false;      //!< no progress; the text summary only when the sync failed
  LogFormat log_format = LogFormat::kText;
  std::string format;  //!< summary format, "text" or "json"; empty follows log_format
  int jobs = 2;
  bool force = false;
  std::optional<std::string> log_level;  //!< --log-level when given
};

//! Runs `wodetl sync` and returns the exit code: 0 when every source synced, 1 when a post or a
//! source failed or the completion message was not sent, 2 for an invalid configuration or
//! invocation, or an AWS store without its settings.
[[nodiscard]] int run_sync_command(const SyncArguments& arguments);

}  // namespace wodetl
