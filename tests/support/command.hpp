#pragma once
// Runs the wodetl executable the way a user does, for end-to-end tests of the CLI.

#include <map>
#include <string>
#include <vector>

namespace wodetl::testing {

//! What a finished command left behind.
struct CommandResult {
  int exit_code = -1;
  std::string output;  //!< standard output
  std::string errors;  //!< standard error
};

//! Runs build/wodetl with arguments, standard input and extra environment variables; waits for it.
[[nodiscard]] CommandResult run_wodetl(const std::vector<std::string>& arguments,
                                       const std::string& input = "",
                                       const std::map<std::string, std::string>& environment = {});

}  // namespace wodetl::testing
