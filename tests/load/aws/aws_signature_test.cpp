// Every AWS client signs its requests so that the stand-ins' proxy, which recomputes the
// signature with AWS's own signer, accepts them; a wrong secret key is refused with an error
// that names the service.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "load/aws/dynamodb_client.hpp"
#include "load/aws/s3_object_store.hpp"
#include "load/aws/secrets_manager_client.hpp"
#include "load/aws/sns_publisher.hpp"
#include "support/aws_local_services.hpp"

namespace wodetl {
namespace {

using testing::AwsLocalServices;

class AwsSignatureTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WODETL_REQUIRE_AWS_STANDINS(services);
    services_ = services;
    AwsSettings right = services->settings();
    AwsSettings wrong = right;
    wrong.credentials.secret_access_key = "not-the-secret-key-of-this-access-key";
    right_ = std::make_shared<const AwsClient>(right, AwsClientOptions{.max_attempts = 1});
    wrong_ = std::make_shared<const AwsClient>(wrong, AwsClientOptions{.max_attempts = 1});
  }

  AwsLocalServices* services_ = nullptr;
  std::shared_ptr<const AwsClient> right_;
  std::shared_ptr<const AwsClient> wrong_;
};

TEST_F(AwsSignatureTest, WrongSecretKeyFailsOnS3) {
  const std::string bucket = AwsLocalServices::unique_name("signature");
  S3ObjectStore right_store(right_, bucket);
  ASSERT_TRUE(right_store.create_bucket_if_missing().ok());
  Result<WriteOutcome> signed_right = right_store.put_if_changed("raw/a=b c.json", "{}", {});
  ASSERT_TRUE(signed_right.ok()) << signed_right.error().to_string();

  S3ObjectStore wrong_store(wrong_, bucket);
  Result<WriteOutcome> signed_wrong = wrong_store.put_if_changed("raw/x.json", "{}", {});
  ASSERT_FALSE(signed_wrong.ok());
  const std::string message = signed_wrong.error().to_string();
  EXPECT_NE(message.find("S3"), std::string::npos) << message;
  // The store's first request is a HEAD, whose 403 has no body to name the cause.
  EXPECT_NE(message.find("HTTP 403"), std::string::npos) << message;
  EXPECT_NE(message.find("AWS_SECRET_ACCESS_KEY"), std::string::npos) << message;
  EXPECT_EQ(message.find("not-the-secret-key"), std::string::npos) << message;
}

TEST_F(AwsSignatureTest, WrongSecretKeyFailsOnDynamoDb) {
  Result<Json> signed_right = DynamoDbClient(right_).call("ListTables", Json::object(), "tables");
  ASSERT_TRUE(signed_right.ok()) << signed_right.error().to_string();

  Result<Json> signed_wrong = DynamoDbClient(wrong_).call("ListTables", Json::object(), "tables");
  ASSERT_FALSE(signed_wrong.ok());
  const std::string message = signed_wrong.error().to_string();
  EXPECT_NE(message.find("DynamoDB"), std::string::npos) << message;
  EXPECT_NE(message.find("InvalidSignatureException"), std::string::npos) << message;
}

TEST_F(AwsSignatureTest, WrongSecretKeyFailsOnSns) {
  const SnsTarget topic{SnsTarget::Kind::kTopic, services_->standins().create_topic("runs")};
  Result<std::string> signed_right = SnsPublisher(right_).publish(topic, "done", "wodetl");
  ASSERT_TRUE(signed_right.ok()) << signed_right.error().to_string();

  Result<std::string> signed_wrong = SnsPublisher(wrong_).publish(topic, "done", "wodetl");
  ASSERT_FALSE(signed_wrong.ok());
  const std::string message = signed_wrong.error().to_string();
  EXPECT_NE(message.find("SNS"), std::string::npos) << message;
  EXPECT_NE(message.find("SignatureDoesNotMatch"), std::string::npos) << message;
}

TEST_F(AwsSignatureTest, WrongSecretKeyFailsOnSecretsManager) {
  services_->standins().put_secret("wordpress", R"({"username":"coach","password":"p4ss"})");
  Result<std::string> signed_right = SecretsManagerClient(right_).get_secret_string("wordpress");
  ASSERT_TRUE(signed_right.ok()) << signed_right.error().to_string();

  Result<std::string> signed_wrong = SecretsManagerClient(wrong_).get_secret_string("wordpress");
  ASSERT_FALSE(signed_wrong.ok());
  const std::string message = signed_wrong.error().to_string();
  EXPECT_NE(message.find("Secrets Manager"), std::string::npos) << message;
  EXPECT_NE(message.find("InvalidSignatureException"), std::string::npos) << message;
  EXPECT_EQ(message.find("p4ss"), std::string::npos) << message;
}

}  // namespace
}  // namespace wodetl
