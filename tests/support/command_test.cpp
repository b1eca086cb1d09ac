#include "support/command.hpp"

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

namespace wodetl::testing {
namespace {

TEST(RunProgram, ReturnsOutputAndExitCode) {
  const CommandResult result = run_program("sh", {"-c", "echo out; echo err >&2; exit 3"});
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_EQ(result.output, "out\n");
  EXPECT_EQ(result.errors, "err\n");
}

TEST(RunProgram, HungProgramIsKilled) {
  CommandResult result;
  EXPECT_NONFATAL_FAILURE(
      result = run_program("sleep", {"60"}, "", {}, "", std::chrono::seconds{1}), "timed out");
  EXPECT_EQ(result.exit_code, -1);
  EXPECT_NE(result.errors.find("did not finish within 1 s"), std::string::npos) << result.errors;
}

}  // namespace
}  // namespace wodetl::testing
