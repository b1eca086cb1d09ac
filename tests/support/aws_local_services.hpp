#pragma once
// The local AWS stand-ins (support/aws_standins.hpp) as the AWS store tests use them: one set per
// test process, reached through the signature-checking proxy, with the product's AwsSettings.
//
// Every request of the stores under test goes through the proxy, so a signing error fails the
// test as it would on AWS. Tests use unique bucket and table names instead of resetting the
// stand-ins, so that a test can keep what an earlier step of it wrote.

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "load/aws/aws_settings.hpp"
#include "support/aws_standins.hpp"
#include "support/fixtures.hpp"

namespace wodetl::testing {

//! The stand-ins of one test process.
class AwsLocalServices {
 public:
  //! The stand-ins of this process, started on first use and stopped at exit; nullptr when they
  //! cannot run, with the reason in why_not.
  static AwsLocalServices* shared(std::string& why_not);

  //! True when WODETL_REQUIRE_AWS_STANDINS=1 asks that missing stand-ins fail the tests.
  [[nodiscard]] static bool required();

  AwsLocalServices(const AwsLocalServices&) = delete;
  AwsLocalServices& operator=(const AwsLocalServices&) = delete;
  ~AwsLocalServices();

  [[nodiscard]] std::string dynamodb_endpoint() const;
  [[nodiscard]] std::string s3_endpoint() const;

  //! Settings for the stand-ins: their long-term key, their region and the proxy endpoints of
  //! S3, DynamoDB, SNS and Secrets Manager.
  [[nodiscard]] AwsSettings settings() const;

  //! Variables that point build/wodetl at the stand-ins, with HOME in an empty folder so that
  //! no real ~/.aws file is read.
  [[nodiscard]] std::map<std::string, std::string> environment() const;

  //! The stand-ins themselves, for topics, secrets, faults and the proxy's decisions.
  [[nodiscard]] AwsStandins& standins() { return *standins_; }

  //! A name no other test of this process has used, valid for buckets and tables, e.g.
  //! "wodetl-test-4711-3".
  [[nodiscard]] static std::string unique_name(const std::string& prefix);

 private:
  AwsLocalServices();

  std::unique_ptr<AwsStandins> standins_;
  TempFolder home_;  //!< an empty HOME for the processes under test
};

}  // namespace wodetl::testing

//! Skips the current test when the stand-ins cannot run (fails it when they are required), and
//! otherwise declares `services`.
#define WODETL_REQUIRE_AWS_STANDINS(services)                                           \
  std::string services##_why_not;                                                       \
  ::wodetl::testing::AwsLocalServices* services =                                       \
      ::wodetl::testing::AwsLocalServices::shared(services##_why_not);                  \
  if (services == nullptr) {                                                            \
    if (::wodetl::testing::AwsLocalServices::required()) {                              \
      GTEST_FAIL() << "AWS stand-ins required but unavailable: " << services##_why_not; \
    }                                                                                   \
    GTEST_SKIP() << "AWS stand-ins unavailable: " << services##_why_not;                \
  }
