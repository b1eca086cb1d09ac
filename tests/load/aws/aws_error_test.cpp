#include "load/aws/aws_error.hpp"

#include <gtest/gtest.h>

namespace wodetl {
namespace {

HttpResponse response(long status, std::string body, std::map<std::string, std::string> headers) {
  HttpResponse result;
  result.status = status;
  result.body = std::move(body);
  result.headers = std::move(headers);
  return result;
}

TEST(AwsError, ReadsDynamoDbJson) {
  const AwsServiceError error = parse_aws_error(
      AwsService::kDynamoDb, "PutItem",
      response(400,
               R"({"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException",)"
               R"("message":"The conditional request failed"})",
               {{"x-amzn-requestid", "REQ123"}}));
  EXPECT_EQ(error.code, "ConditionalCheckFailedException");
  EXPECT_EQ(error.message, "The conditional request failed");
  EXPECT_EQ(error.request_id, "REQ123");
  EXPECT_FALSE(error.is_retryable());
}

TEST(AwsError, ReadsS3Xml) {
  const AwsServiceError error = parse_aws_error(
      AwsService::kS3, "GetObject",
      response(403,
               "<?xml version=\"1.0\"?><Error><Code>SignatureDoesNotMatch</Code>"
               "<Message>The request signature we calculated does not match</Message>"
               "<RequestId>S3REQ</RequestId></Error>",
               {}));
  EXPECT_EQ(error.code, "SignatureDoesNotMatch");
  EXPECT_EQ(error.request_id, "S3REQ");
  const Error user_error = error.to_error();
  EXPECT_EQ(user_error.code, ErrorCode::kStore);
  EXPECT_NE(user_error.message.find("S3 GetObject failed: HTTP 403 SignatureDoesNotMatch"),
            std::string::npos)
      << user_error.message;
  EXPECT_NE(user_error.message.find("request id S3REQ"), std::string::npos);
  EXPECT_NE(user_error.hint.find("AWS_SECRET_ACCESS_KEY"), std::string::npos);
}

TEST(AwsError, ReadsSnsXml) {
  const AwsServiceError error = parse_aws_error(
      AwsService::kSns, "Publish",
      response(400,
               "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error>"
               "<Type>Sender</Type><Code>InvalidParameter</Code><Message>bad</Message></Error>"
               "<RequestId>SNSREQ</RequestId></ErrorResponse>",
               {}));
  EXPECT_EQ(error.code, "InvalidParameter");
  EXPECT_EQ(error.request_id, "SNSREQ");
  EXPECT_EQ(error.to_error().code, ErrorCode::kHttpStatus);
}

TEST(AwsError, HeadWithoutBodyUsesStatus) {
  const AwsServiceError error = parse_aws_error(AwsService::kS3, "HeadObject",
                                                response(404, "", {{"x-amz-request-id", "R"}}));
  EXPECT_EQ(error.code, "NotFound");
  EXPECT_EQ(error.request_id, "R");
}

TEST(AwsError, ErrorTypeHeader) {
  const AwsServiceError error = parse_aws_error(
      AwsService::kDynamoDb, "Query",
      response(400, "not json", {{"x-amzn-errortype", "ValidationException:http://internal"}}));
  EXPECT_EQ(error.code, "ValidationException");
}

TEST(AwsError, ThrottlingAndServerErrorsRetry) {
  AwsServiceError error;
  error.status = 400;
  error.code = "ProvisionedThroughputExceededException";
  EXPECT_TRUE(error.is_throttling());
  EXPECT_TRUE(error.is_retryable());
  error.code = "ValidationException";
  EXPECT_FALSE(error.is_retryable());
  error.status = 503;
  error.code = "SlowDown";
  EXPECT_TRUE(error.is_retryable());
  error.status = 500;
  error.code = "InternalServerError";
  EXPECT_TRUE(error.is_retryable());
}

TEST(AwsError, MessageNamesServiceOperationResource) {
  AwsServiceError error;
  error.service = AwsService::kDynamoDb;
  error.operation = "BatchWriteItem";
  error.resource = "table sessions";
  error.status = 400;
  error.code = "ResourceNotFoundException";
  error.request_id = "ABC";
  const Error user_error = error.to_error();
  EXPECT_EQ(user_error.message,
            "DynamoDB BatchWriteItem on table sessions failed: HTTP 400 ResourceNotFoundException "
            "(request id ABC)");
  EXPECT_NE(user_error.hint.find("wodetl init --store aws"), std::string::npos);
}

TEST(AwsError, AccessDeniedHintNamesIamAction) {
  AwsServiceError error;
  error.service = AwsService::kS3;
  error.operation = "HeadObject";
  error.status = 403;
  error.code = "Forbidden";
  EXPECT_NE(error.to_error().hint.find("s3:GetObject"), std::string::npos);
  error.service = AwsService::kDynamoDb;
  error.operation = "BatchWriteItem";
  error.code = "AccessDeniedException";
  EXPECT_NE(error.to_error().hint.find("dynamodb:BatchWriteItem"), std::string::npos);
}

TEST(AwsError, RedirectHintNamesBucketRegion) {
  const AwsServiceError error =
      parse_aws_error(AwsService::kS3, "PutObject",
                      response(301, "<Error><Code>PermanentRedirect</Code></Error>",
                               {{"x-amz-bucket-region", "eu-west-1"}}));
  EXPECT_NE(error.to_error().hint.find("AWS_REGION=eu-west-1"), std::string::npos);
}

// AWS appends the whole canonical request to SignatureDoesNotMatch; users see the first line.
TEST(AwsError, LongMessageKeepsFirstLine) {
  AwsServiceError error;
  error.service = AwsService::kSns;
  error.operation = "Publish";
  error.status = 403;
  error.code = "SignatureDoesNotMatch";
  error.request_id = "REQ9";
  error.message =
      "The request signature we calculated does not match the signature you provided.\n\n"
      "The Canonical String for this request should have been\n'POST\n/\n\nhost:sns'";

  const Error user_error = error.to_error();

  EXPECT_EQ(user_error.message,
            "SNS Publish failed: HTTP 403 SignatureDoesNotMatch (request id REQ9): The request "
            "signature we calculated does not match the signature you provided [...]");
}

TEST(AwsError, MessageBoundedInLength) {
  AwsServiceError error;
  error.operation = "GetObject";
  error.status = 400;
  error.code = "InvalidRequest";
  error.message = std::string(2000, 'x');

  const std::string message = error.to_error().message;

  EXPECT_LT(message.size(), 400U) << message;
  EXPECT_TRUE(message.ends_with(" [...]")) << message;
}

TEST(AwsError, NoDoubledPeriodBeforeHint) {
  AwsServiceError error;
  error.service = AwsService::kSecretsManager;
  error.operation = "GetSecretValue";
  error.status = 400;
  error.code = "ResourceNotFoundException";
  error.message = "Secrets Manager can't find the specified secret.";

  const std::string text = error.to_error().to_string();

  EXPECT_EQ(text.find(".."), std::string::npos) << text;
  EXPECT_NE(text.find("can't find the specified secret. Check INVICTUS_SECRET_NAME"),
            std::string::npos)
      << text;
}

TEST(AwsError, WrongRegionHintNamesRegion) {
  AwsServiceError error;
  error.service = AwsService::kDynamoDb;
  error.operation = "GetItem";
  error.status = 400;
  error.code = "InvalidSignatureException";
  error.region = "us-east-1";
  error.message = "Credential should be scoped to a valid region, not 'us-east-1'. ";

  const Error user_error = error.to_error();

  EXPECT_EQ(user_error.to_string().find(".."), std::string::npos) << user_error.to_string();
  EXPECT_NE(user_error.hint.find("AWS_REGION"), std::string::npos) << user_error.hint;
  EXPECT_NE(user_error.hint.find("profile's region"), std::string::npos) << user_error.hint;
  EXPECT_NE(user_error.hint.find("signed for us-east-1"), std::string::npos) << user_error.hint;
}

}  // namespace
}  // namespace wodetl
