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

//! How long a command may run before the harness stops it: below CTest's 300 s per test, so that
//! a hung command fails its test with the command's own output and stacks instead of a bare
//! CTest timeout.
inline constexpr std::chrono::seconds kCommandTimeLimit{240};

//! Runs `program` (a path, or a name looked up in PATH) with arguments, standard input and extra
//! environment variables through /bin/sh, in `working_dir` when it is not empty; waits for it.
//! A program still running after time_limit is killed: the result then has exit code -1, its
//! errors end with the program's thread stacks (from gdb, when installed), and the current test
//! fails.
[[nodiscard]] CommandResult run_program(const std::string& program,
                                        const std::vector<std::string>& arguments,
                                        const std::string& input = "",
                                        const std::map<std::string, std::string>& environment = {},
                                        const std::string& working_dir = "",
                                        std::chrono::seconds time_limit = kCommandTimeLimit);

//! Runs build/wodetl with arguments, standard input and extra environment variables, in
//! `working_dir` when it is not empty; waits for it.
[[nodiscard]] CommandResult run_wodetl(const std::vector<std::string>& arguments,
                                       const std::string& input = "",
                                       const std::map<std::string, std::string>& environment = {},
                                       const std::string& working_dir = "");

}  // namespace wodetl::testing
