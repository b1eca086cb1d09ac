#include "support/aws_standins_fixture.hpp"

#include <cstdlib>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

namespace wodetl::testing {

namespace {

bool standins_required() {
  const char* value = std::getenv("WODETL_REQUIRE_AWS_STANDINS");
  return value != nullptr && std::string(value) == "1";
}

// The process-wide stand-ins, or the reason they could not start. A failed start is not retried,
// so one broken setup costs one start timeout, not one per test.
struct SharedStandins {
  std::unique_ptr<AwsStandins> standins;
  std::optional<std::string> error;
};

SharedStandins& shared_standins() {
  static SharedStandins shared = [] {
    SharedStandins result;
    try {
      result.standins = std::make_unique<AwsStandins>();
    } catch (const std::exception& error) {
      result.error = error.what();
    }
    return result;
  }();
  return shared;
}

}  // namespace

void AwsStandinsTest::SetUp() {
  if (const auto reason = AwsStandins::unavailable_reason()) {
    if (standins_required()) {
      GTEST_FAIL() << "AWS stand-ins required (WODETL_REQUIRE_AWS_STANDINS=1) but " << *reason;
    }
    GTEST_SKIP() << "AWS stand-ins unavailable: " << *reason;
  }

  SharedStandins& shared = shared_standins();
  if (shared.error) {
    GTEST_FAIL() << *shared.error;
  }
  standins_ = shared.standins.get();
  standins_->reset();
}

}  // namespace wodetl::testing
