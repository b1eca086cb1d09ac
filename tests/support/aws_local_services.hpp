#pragma once
// dynalite (DynamoDB) and s3rver (S3) started on 127.0.0.1 for the AWS store tests.
//
// The tests find the npm packages in the folder WODETL_AWS_STANDINS_DIR names, prepared with
// `npm i dynalite@4 s3rver@3`, and run them with the `node` on PATH. Without that folder the
// AWS tests skip. Neither stand-in checks signatures, so these tests show what the stores write
// and read, not that the signing is right.
//
// TODO: move to the signature-checking stand-ins in tests/support/aws_standins.* once they are
// on main. Every AWS test reaches the stand-ins through this fixture, so only this file changes.

#include <sys/types.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "load/aws/aws_settings.hpp"

namespace wodetl::testing {

//! The two stand-in servers of one test process.
class AwsLocalServices {
 public:
  //! Access key and secret that s3rver accepts; dynalite accepts any.
  static constexpr const char* kAccessKeyId = "S3RVER";
  static constexpr const char* kSecretAccessKey = "S3RVER";

  //! The servers of this process, started on first use and stopped at exit; nullptr when they
  //! cannot run, with the reason in why_not.
  static AwsLocalServices* shared(std::string& why_not);

  AwsLocalServices(const AwsLocalServices&) = delete;
  AwsLocalServices& operator=(const AwsLocalServices&) = delete;
  //! Stops both servers by the process ids this object started and removes their folder.
  ~AwsLocalServices();

  [[nodiscard]] std::string dynamodb_endpoint() const;
  [[nodiscard]] std::string s3_endpoint() const;

  //! Settings for the stand-ins: their keys, region us-east-1 and both endpoints.
  [[nodiscard]] AwsSettings settings() const;

  //! Variables that point build/wodetl at the stand-ins, with HOME in an empty folder so that
  //! no real ~/.aws file is read.
  [[nodiscard]] std::map<std::string, std::string> environment() const;

  //! A name no other test of this process has used, valid for buckets and tables, e.g.
  //! "wodetl-test-4711-3".
  [[nodiscard]] static std::string unique_name(const std::string& prefix);

 private:
  AwsLocalServices() = default;
  void start(const std::filesystem::path& npm_folder);

  std::filesystem::path folder_;  //!< s3rver's data and an empty HOME; removed by the destructor
  pid_t dynamodb_pid_ = -1;
  pid_t s3_pid_ = -1;
  int dynamodb_port_ = 0;
  int s3_port_ = 0;
};

}  // namespace wodetl::testing

//! Skips the current test when the stand-ins cannot run, and otherwise declares `services`.
#define WODETL_REQUIRE_AWS_STANDINS(services)                            \
  std::string services##_why_not;                                        \
  ::wodetl::testing::AwsLocalServices* services =                        \
      ::wodetl::testing::AwsLocalServices::shared(services##_why_not);   \
  if (services == nullptr) {                                             \
    GTEST_SKIP() << "AWS stand-ins unavailable: " << services##_why_not; \
  }
