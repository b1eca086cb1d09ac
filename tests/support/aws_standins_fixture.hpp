#pragma once
// GoogleTest fixture for tests against the local AWS stand-ins (support/aws_standins.hpp).

#include <gtest/gtest.h>

#include "support/aws_standins.hpp"

namespace wodetl::testing {

//! Base of tests that talk to the AWS stand-ins. The tests of one process share one set of
//! stand-ins, started by the first test that needs it (about 0.4 s) and stopped at exit. SetUp()
//! resets it, so every test starts with no tables, buckets, topics, secrets or faults.
//! When node or the npm modules are missing, SetUp() skips the test and names what is missing;
//! with WODETL_REQUIRE_AWS_STANDINS=1 (set by CI) it fails the test instead.
class AwsStandinsTest : public ::testing::Test {
 protected:
  void SetUp() override;

  [[nodiscard]] AwsStandins& standins() { return *standins_; }

 private:
  AwsStandins* standins_ = nullptr;
};

}  // namespace wodetl::testing
