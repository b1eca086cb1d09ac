#include "load/aws/aws_settings.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "support/fixtures.hpp"

namespace wodetl {
namespace {

using testing::TempFolder;

//! Environment of fixed variables, with HOME in a temporary folder.
class AwsSettingsTest : public ::testing::Test {
 protected:
  void SetUp() override { variables_["HOME"] = home_.path().string(); }

  Environment environment() const {
    return [this](const std::string& name) -> std::optional<std::string> {
      auto found = variables_.find(name);
      if (found == variables_.end()) {
        return std::nullopt;
      }
      return found->second;
    };
  }

  void write_home_file(const std::string& name, const std::string& text) {
    std::filesystem::create_directories(home_.path() / ".aws");
    std::ofstream(home_.path() / ".aws" / name) << text;
  }

  Result<AwsSettings> read() const { return read_aws_settings(environment()); }

  TempFolder home_;
  std::map<std::string, std::string> variables_;
};

TEST_F(AwsSettingsTest, CredentialsFromEnvironment) {
  variables_["AWS_ACCESS_KEY_ID"] = "AKIDENV";
  variables_["AWS_SECRET_ACCESS_KEY"] = "secret-env";
  variables_["AWS_SESSION_TOKEN"] = "token-env";
  write_home_file("credentials",
                  "[default]\naws_access_key_id = AKIDFILE\n"
                  "aws_secret_access_key = secret-file\n");

  Result<AwsSettings> settings = read();
  ASSERT_TRUE(settings.ok()) << settings.error().to_string();
  EXPECT_EQ(settings->credentials.access_key_id, "AKIDENV");
  EXPECT_EQ(settings->credentials.secret_access_key, "secret-env");
  EXPECT_EQ(settings->credentials.session_token, "token-env");
  EXPECT_EQ(settings->region, "us-east-1");
}

TEST_F(AwsSettingsTest, OnlyKeyIdIsError) {
  variables_["AWS_ACCESS_KEY_ID"] = "AKIDENV";
  Result<AwsSettings> settings = read();
  ASSERT_FALSE(settings.ok());
  EXPECT_NE(settings.error().message.find("AWS_SECRET_ACCESS_KEY is not"), std::string::npos);
}

TEST_F(AwsSettingsTest, DefaultProfileFromCredentialsFile) {
  write_home_file("credentials",
                  "[default]\naws_access_key_id = AKIDFILE\n"
                  "aws_secret_access_key = secret-file\n"
                  "aws_session_token = token-file\n");
  write_home_file("config", "[default]\nregion = eu-central-1\n");

  Result<AwsSettings> settings = read();
  ASSERT_TRUE(settings.ok()) << settings.error().to_string();
  EXPECT_EQ(settings->credentials.access_key_id, "AKIDFILE");
  EXPECT_EQ(settings->credentials.session_token, "token-file");
  EXPECT_EQ(settings->region, "eu-central-1");
  EXPECT_NE(settings->credentials.origin.find("profile default"), std::string::npos);
}

TEST_F(AwsSettingsTest, NamedProfileFromFileVariables) {
  const auto credentials = home_.path() / "other-credentials";
  const auto config = home_.path() / "other-config";
  std::ofstream(credentials) << "[dev]\naws_access_key_id = AKIDDEV\n"
                                "aws_secret_access_key = secret-dev\n";
  std::ofstream(config) << "[profile dev]\nregion = ap-northeast-1\n";
  variables_["AWS_PROFILE"] = "dev";
  variables_["AWS_SHARED_CREDENTIALS_FILE"] = credentials.string();
  variables_["AWS_CONFIG_FILE"] = config.string();

  Result<AwsSettings> settings = read();
  ASSERT_TRUE(settings.ok()) << settings.error().to_string();
  EXPECT_EQ(settings->profile, "dev");
  EXPECT_EQ(settings->credentials.access_key_id, "AKIDDEV");
  EXPECT_EQ(settings->region, "ap-northeast-1");
}

TEST_F(AwsSettingsTest, KeysInConfigFileProfile) {
  write_home_file("config",
                  "[profile ci]\naws_access_key_id = AKIDCI\n"
                  "aws_secret_access_key = secret-ci\n");
  variables_["AWS_PROFILE"] = "ci";

  Result<AwsSettings> settings = read();
  ASSERT_TRUE(settings.ok()) << settings.error().to_string();
  EXPECT_EQ(settings->credentials.access_key_id, "AKIDCI");
}

TEST_F(AwsSettingsTest, RegionPrecedence) {
  variables_["AWS_ACCESS_KEY_ID"] = "AKID";
  variables_["AWS_SECRET_ACCESS_KEY"] = "secret";
  write_home_file("config", "[default]\nregion = eu-west-3\n");
  EXPECT_EQ(read()->region, "eu-west-3");
  variables_["AWS_DEFAULT_REGION"] = "eu-west-2";
  EXPECT_EQ(read()->region, "eu-west-2");
  variables_["AWS_REGION"] = "eu-west-1";
  EXPECT_EQ(read()->region, "eu-west-1");
}

TEST_F(AwsSettingsTest, UnknownProfileIsError) {
  variables_["AWS_PROFILE"] = "missing";
  Result<AwsSettings> settings = read();
  ASSERT_FALSE(settings.ok());
  EXPECT_NE(settings.error().message.find("profile missing"), std::string::npos);
}

TEST_F(AwsSettingsTest, NoCredentialsIsError) {
  Result<AwsSettings> settings = read();
  ASSERT_FALSE(settings.ok());
  EXPECT_NE(settings.error().message.find("no AWS credentials"), std::string::npos);
}

TEST_F(AwsSettingsTest, RoleProfileNotSupported) {
  write_home_file("config",
                  "[profile admin]\nrole_arn = arn:aws:iam::1:role/a\n"
                  "source_profile = default\n");
  variables_["AWS_PROFILE"] = "admin";
  Result<AwsSettings> settings = read();
  ASSERT_FALSE(settings.ok());
  EXPECT_NE(settings.error().message.find("role_arn"), std::string::npos);
  EXPECT_NE(settings.error().hint.find("export-credentials"), std::string::npos);
}

TEST_F(AwsSettingsTest, SecretNeverInErrors) {
  write_home_file("credentials", "[default]\naws_secret_access_key = very-secret-value\n");
  Result<AwsSettings> settings = read();
  ASSERT_FALSE(settings.ok());
  EXPECT_EQ(settings.error().to_string().find("very-secret-value"), std::string::npos);
}

TEST_F(AwsSettingsTest, EndpointPrecedence) {
  variables_["AWS_ACCESS_KEY_ID"] = "AKID";
  variables_["AWS_SECRET_ACCESS_KEY"] = "secret";
  write_home_file("config",
                  "[default]\nendpoint_url = http://127.0.0.1:1000\nservices = local\n"
                  "[services local]\nsns =\n  endpoint_url = http://127.0.0.1:2000\n");
  variables_["AWS_ENDPOINT_URL"] = "http://127.0.0.1:3000/";
  variables_["AWS_ENDPOINT_URL_DYNAMODB"] = "http://127.0.0.1:4000";

  Result<AwsSettings> settings = read();
  ASSERT_TRUE(settings.ok()) << settings.error().to_string();
  EXPECT_EQ(settings->endpoint(AwsService::kDynamoDb), "http://127.0.0.1:4000");
  EXPECT_EQ(settings->endpoint(AwsService::kS3), "http://127.0.0.1:3000");
  EXPECT_EQ(settings->endpoint(AwsService::kSecretsManager), "http://127.0.0.1:3000");

  variables_.erase("AWS_ENDPOINT_URL");
  settings = read();
  ASSERT_TRUE(settings.ok()) << settings.error().to_string();
  EXPECT_EQ(settings->endpoint(AwsService::kSns), "http://127.0.0.1:2000");
  EXPECT_EQ(settings->endpoint(AwsService::kS3), "http://127.0.0.1:1000");
}

TEST_F(AwsSettingsTest, SecretsManagerEndpointVariable) {
  variables_["AWS_ACCESS_KEY_ID"] = "AKID";
  variables_["AWS_SECRET_ACCESS_KEY"] = "secret";
  variables_["AWS_ENDPOINT_URL_SECRETS_MANAGER"] = "http://127.0.0.1:5000";
  Result<AwsSettings> settings = read();
  ASSERT_TRUE(settings.ok()) << settings.error().to_string();
  EXPECT_EQ(settings->endpoint(AwsService::kSecretsManager), "http://127.0.0.1:5000");
  EXPECT_FALSE(settings->has_endpoint_override(AwsService::kS3));
}

TEST_F(AwsSettingsTest, IgnoreConfiguredEndpoints) {
  variables_["AWS_ACCESS_KEY_ID"] = "AKID";
  variables_["AWS_SECRET_ACCESS_KEY"] = "secret";
  variables_["AWS_REGION"] = "eu-west-1";
  variables_["AWS_ENDPOINT_URL"] = "http://127.0.0.1:3000";
  variables_["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true";
  Result<AwsSettings> settings = read();
  ASSERT_TRUE(settings.ok()) << settings.error().to_string();
  EXPECT_EQ(settings->endpoint(AwsService::kDynamoDb), "https://dynamodb.eu-west-1.amazonaws.com");
}

TEST_F(AwsSettingsTest, DefaultEndpoints) {
  variables_["AWS_ACCESS_KEY_ID"] = "AKID";
  variables_["AWS_SECRET_ACCESS_KEY"] = "secret";
  variables_["AWS_REGION"] = "cn-north-1";
  Result<AwsSettings> settings = read();
  ASSERT_TRUE(settings.ok()) << settings.error().to_string();
  EXPECT_EQ(settings->endpoint(AwsService::kSecretsManager),
            "https://secretsmanager.cn-north-1.amazonaws.com.cn");
}

TEST_F(AwsSettingsTest, InvalidEndpointIsError) {
  variables_["AWS_ACCESS_KEY_ID"] = "AKID";
  variables_["AWS_SECRET_ACCESS_KEY"] = "secret";
  variables_["AWS_ENDPOINT_URL_S3"] = "127.0.0.1:9000";
  Result<AwsSettings> settings = read();
  ASSERT_FALSE(settings.ok());
  EXPECT_NE(settings.error().message.find("AWS_ENDPOINT_URL_S3"), std::string::npos);
}

TEST_F(AwsSettingsTest, AddressingStyleFromProfile) {
  variables_["AWS_ACCESS_KEY_ID"] = "AKID";
  variables_["AWS_SECRET_ACCESS_KEY"] = "secret";
  write_home_file("config", "[default]\ns3 =\n  addressing_style = path\n");
  Result<AwsSettings> settings = read();
  ASSERT_TRUE(settings.ok()) << settings.error().to_string();
  EXPECT_EQ(settings->s3_addressing_style, S3AddressingStyle::kPath);
}

}  // namespace
}  // namespace wodetl
