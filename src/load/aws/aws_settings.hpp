#pragma once
// Where the AWS clients connect and with which credentials, read the way the AWS SDKs and CLI
// read them, so one set of variables and files serves the CLI, the SDKs and wodetl:
//
// Credentials, first match wins:
//   1. AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, with AWS_SESSION_TOKEN when set. Lambda sets
//      these three for the function's role, so a Lambda run needs nothing else.
//   2. The profile AWS_PROFILE (else "default"): aws_access_key_id, aws_secret_access_key and
//      aws_session_token from its section in the credentials file (AWS_SHARED_CREDENTIALS_FILE,
//      else ~/.aws/credentials), else from "[profile NAME]" ("[default]") in the config file
//      (AWS_CONFIG_FILE, else ~/.aws/config).
//   Roles (role_arn), credential_process, SSO and the EC2/ECS metadata services are not
//   supported. A profile that uses them gets an error that shows how to export static keys.
//
// Region: AWS_REGION, else AWS_DEFAULT_REGION, else the profile's region, else us-east-1 (the
// original pipeline's default).
//
// Endpoint of each service, first match wins: AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, the
// service's endpoint_url in the profile's [services NAME] section, the profile's endpoint_url,
// else AWS's public endpoint. AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true (or
// ignore_configured_endpoint_urls = true in the profile) ignores all of them.

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "core/environment.hpp"
#include "core/error.hpp"
#include "load/aws/aws_service.hpp"

namespace wodetl {

//! AWS access key pair and optional session token. Never log the secret key or the token.
struct AwsCredentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;  //!< empty for long-term keys
  std::string origin;         //!< where they were read, e.g. "the environment"
};

//! Addressing style of S3 requests: where the bucket name goes in the URL.
enum class S3AddressingStyle {
  kAuto,     //!< virtual-hosted on AWS's endpoint when the bucket name allows, else path-style
  kPath,     //!< https://host/BUCKET/KEY
  kVirtual,  //!< https://BUCKET.host/KEY
};

//! Everything the AWS clients need to reach AWS or a stand-in.
struct AwsSettings {
  std::string region = "us-east-1";
  std::string profile = "default";
  AwsCredentials credentials;
  //! Endpoint overrides by service, without a trailing '/'; absent means AWS's endpoint.
  std::map<AwsService, std::string> endpoint_overrides;
  //! From the profile's s3 sub-section ("addressing_style = path"); kAuto when absent.
  S3AddressingStyle s3_addressing_style = S3AddressingStyle::kAuto;

  //! Base URL of the service: the override, else https://HOST.REGION.amazonaws.com
  //! (amazonaws.com.cn for the China regions).
  [[nodiscard]] std::string endpoint(AwsService service) const;

  [[nodiscard]] bool has_endpoint_override(AwsService service) const {
    return endpoint_overrides.contains(service);
  }
};

//! Reads the settings from the environment and the shared files. Returns Error::invalid_input
//! when only one of AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY is set, or AWS_PROFILE names a
//! profile that neither file has, or no credentials are found. It also rejects a profile with a
//! credential source this build does not support, an endpoint that is not an http(s) URL, and
//! a file that is not valid INI. Messages never contain a secret.
[[nodiscard]] Result<AwsSettings> read_aws_settings(const Environment& environment);

}  // namespace wodetl
