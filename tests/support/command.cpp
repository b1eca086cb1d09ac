#include "support/command.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

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

// Returns the stacks of every thread of a running process, from gdb when it is installed.
std::string thread_stacks(pid_t pid, const TempFolder& folder) {
  const auto stacks_path = folder.path() / "stacks";
  const std::string command = "command -v gdb >/dev/null 2>&1 && timeout 60 gdb -p " +
                              std::to_string(pid) + " -batch -ex 'thread apply all bt' >" +
                              quoted(stacks_path.string()) + " 2>&1";
  if (std::system(command.c_str()) != 0) {  // NOLINT(cert-env33-c): the path is quoted
    return "(no stacks: gdb is not installed or could not attach)";
  }
  return read_file(stacks_path);
}

// Runs command with /bin/sh and waits for it, at most time_limit. A command that runs longer is
// killed after its thread stacks are stored in stacks. Returns the wait status, or -1 when the
// command was killed or could not start.
int run_shell_bounded(const std::string& command, std::chrono::seconds time_limit,
                      const TempFolder& folder, std::string& stacks) {
  const char* arguments[] = {"sh", "-c", command.c_str(), nullptr};
  pid_t pid = 0;
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-const-cast): posix_spawn takes char* const[]
  if (posix_spawn(&pid, "/bin/sh", nullptr, nullptr, const_cast<char* const*>(arguments),
                  environ) != 0) {
    return -1;
  }
  const auto deadline = std::chrono::steady_clock::now() + time_limit;
  int status = 0;
  while (true) {
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) {
      return status;
    }
    if (done < 0) {
      return -1;
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  stacks = "command did not finish within " + std::to_string(time_limit.count()) +
           " s and was killed; its threads were at:\n" + thread_stacks(pid, folder);
  kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  return -1;
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

  // exec replaces the shell at each step, so the process the harness waits on is the program.
  std::string command =
      working_dir.empty() ? "exec env" : "cd " + quoted(working_dir) + " && exec env";
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
  std::string stacks;
  const int status = run_shell_bounded(command, time_limit, folder, stacks);
  result.exit_code = status >= 0 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.output = read_file(output_path);
  result.errors = read_file(errors_path);
  if (!stacks.empty()) {
    result.errors += "\n" + stacks;
    ADD_FAILURE() << "command " << program << " timed out:\n" << result.errors;
  }
  return result;
}

CommandResult run_wodetl(const std::vector<std::string>& arguments, const std::string& input,
                         const std::map<std::string, std::string>& environment,
                         const std::string& working_dir) {
  return run_program(WODETL_BINARY, arguments, input, environment, working_dir);
}

}  // namespace wodetl::testing
