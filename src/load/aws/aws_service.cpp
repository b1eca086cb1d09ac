#include "load/aws/aws_service.hpp"

namespace wodetl {

const AwsServiceNames& names_of(AwsService service) {
  // The variable and config names are the AWS SDKs' identifiers for service-specific endpoints:
  // the serviceId in capitals or lower case, spaces as '_' ("Secrets Manager" becomes
  // AWS_ENDPOINT_URL_SECRETS_MANAGER and "secrets_manager").
  static const AwsServiceNames kS3{"s3", "S3", "s3", "S3", "s3"};
  static const AwsServiceNames kDynamoDb{"dynamodb", "DynamoDB", "dynamodb", "DYNAMODB",
                                         "dynamodb"};
  static const AwsServiceNames kSns{"sns", "SNS", "sns", "SNS", "sns"};
  static const AwsServiceNames kSecretsManager{
      "secretsmanager", "Secrets Manager", "secretsmanager", "SECRETS_MANAGER", "secrets_manager"};
  switch (service) {
    case AwsService::kS3:
      return kS3;
    case AwsService::kDynamoDb:
      return kDynamoDb;
    case AwsService::kSns:
      return kSns;
    case AwsService::kSecretsManager:
      return kSecretsManager;
  }
  return kS3;
}

}  // namespace wodetl
