#pragma once
// Runs programs for end-to-end tests: the wodetl executable the way a user does, and helper
// programs such as php-cli.

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace wodetl::testing {

//! What a finished command left behind.
struct CommandResult {
  int exit_code = -1;  //!< -1 when the program did not exit normally (e.g. a signal ended it)
  std::string output;  //!< standard output
  std::string errors;  //!< standard error
};

//! Default time limit of a command: far above what any test command takes, and far below the
//! 300 s after which CTest stops a test, so that a hung program fails its test quickly.
inline constexpr std::chrono::seconds kCommandTimeLimit{120};

//! Runs `program` (a path, or a name looked up in PATH) with arguments, standard input and extra
//! environment variables through /bin/sh, in `working_dir` when it is not empty; waits for it,
//! at most `time_limit`. A program still running then is stopped (coreutils `timeout`: SIGTERM,
//! then SIGKILL 5 s later), and its exit code is 124, or 137 when it had to be killed.
[[nodiscard]] CommandResult run_program(const std::string& program,
                                        const std::vector<std::string>& arguments,
                                        const std::string& input = "",
                                        const std::map<std::string, std::string>& environment = {},
                                        const std::string& working_dir = "",
                                        std::chrono::seconds time_limit = kCommandTimeLimit);

//! Runs build/wodetl with arguments, standard input and extra environment variables, in
//! `working_dir` when it is not empty; waits for it, at most kCommandTimeLimit.
[[nodiscard]] CommandResult run_wodetl(const std::vector<std::string>& arguments,
                                       const std::string& input = "",
                                       const std::map<std::string, std::string>& environment = {},
                                       const std::string& working_dir = "");

}  // namespace wodetl::testing
