#pragma once
// The AWS services wodetl calls, with the names each one goes by: in SigV4 signing, in
// messages, in default endpoint host names and in the endpoint settings the AWS SDKs read.

#include <array>
#include <string>

namespace wodetl {

enum class AwsService { kS3, kDynamoDb, kSns, kSecretsManager };

//! Names of one service.
struct AwsServiceNames {
  const char* signing_name;   //!< SERVICE in "aws:amz:REGION:SERVICE", e.g. "dynamodb"
  const char* display_name;   //!< name in messages, e.g. "DynamoDB"
  const char* host_prefix;    //!< first label of the default endpoint, e.g. "dynamodb"
  const char* variable_part;  //!< suffix of AWS_ENDPOINT_URL_<…>, e.g. "DYNAMODB"
  //! Sub-section name in a [services …] section of ~/.aws/config, e.g. "secrets_manager"
  const char* config_key;
};

[[nodiscard]] const AwsServiceNames& names_of(AwsService service);

//! Every service, for loops over the endpoint settings.
inline constexpr std::array<AwsService, 4> kAwsServices = {
    AwsService::kS3, AwsService::kDynamoDb, AwsService::kSns, AwsService::kSecretsManager};

}  // namespace wodetl
