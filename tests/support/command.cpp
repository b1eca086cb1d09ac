#include "support/command.hpp"

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>

#include "support/fixtures.hpp"

namespace wodetl::testing {

namespace {

// Quotes a word for /bin/sh.
std::string quoted(const std::string& word) {
  std::string out = "'";
  for (const char c : word) {
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out + "'";
}

}  // namespace

CommandResult run_program(const std::string& program, const std::vector<std::string>& arguments,
                          const std::string& input,
                          const std::map<std::string, std::string>& environment,
                          const std::string& working_dir, std::chrono::seconds time_limit) {
  const TempFolder folder;
  const auto input_path = folder.path() / "stdin";
  const auto output_path = folder.path() / "stdout";
  const auto errors_path = folder.path() / "stderr";
  std::ofstream(input_path) << input;

  // coreutils `timeout` exits with 124 after stopping the program, or 137 after killing it.
  const std::string limited =
      "timeout --kill-after=5 " + std::to_string(time_limit.count()) + " env";
  std::string command =
      working_dir.empty() ? limited : "cd " + quoted(working_dir) + " && " + limited;
  for (const auto& [name, value] : environment) {
    command += " " + quoted(name + "=" + value);
  }
  command += " " + quoted(program);
  for (const std::string& argument : arguments) {
    command += " " + quoted(argument);
  }
  command += " <" + quoted(input_path.string()) + " >" + quoted(output_path.string()) + " 2>" +
             quoted(errors_path.string());

  CommandResult result;
  const int status = std::system(command.c_str());  // NOLINT(cert-env33-c): arguments are quoted
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.output = read_file(output_path);
  result.errors = read_file(errors_path);
  return result;
}

CommandResult run_wodetl(const std::vector<std::string>& arguments, const std::string& input,
                         const std::map<std::string, std::string>& environment,
                         const std::string& working_dir) {
  return run_program(WODETL_BINARY, arguments, input, environment, working_dir);
}

}  // namespace wodetl::testing
