// Smoke tests of the AWS stand-ins with libcurl's SigV4 signing. Correctly signed requests reach
// dynalite, s3rver and the SNS and Secrets Manager stand-ins. The proxy rejects a wrong secret key
// or a body changed after signing, so a signing bug in a client fails its test.

#include <curl/curl.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/json_codec.hpp"
#include "load/idempotency.hpp"
#include "support/aws_standins_fixture.hpp"
#include "support/sigv4_request.hpp"

namespace wodetl::testing {
namespace {

const std::string kEmptySha256 = sha256_hex("");

class AwsStandIns : public AwsStandinsTest {
 protected:
  SigV4Request dynamodb(const std::string& operation, const std::string& body) {
    return {.method = "POST",
            .url = standins().endpoint(AwsService::dynamodb) + "/",
            .region = standins().region(),
            .service = "dynamodb",
            .credentials = standins().credentials(),
            .headers = {"Content-Type: application/x-amz-json-1.0",
                        "X-Amz-Target: DynamoDB_20120810." + operation},
            .body = body};
  }

  SigV4Request secrets_manager(const std::string& operation, const std::string& body) {
    return {.method = "POST",
            .url = standins().endpoint(AwsService::secrets_manager) + "/",
            .region = standins().region(),
            .service = "secretsmanager",
            .credentials = standins().credentials(),
            .headers = {"Content-Type: application/x-amz-json-1.1",
                        "X-Amz-Target: secretsmanager." + operation},
            .body = body};
  }

  SigV4Request sns(const std::string& form_body) {
    return {.method = "POST",
            .url = standins().endpoint(AwsService::sns) + "/",
            .region = standins().region(),
            .service = "sns",
            .credentials = standins().credentials(),
            .headers = {"Content-Type: application/x-www-form-urlencoded; charset=utf-8"},
            .body = form_body};
  }

  // `path_and_query` is written URI-encoded, with the query parameters sorted.
  SigV4Request s3(const std::string& method, const std::string& path_and_query,
                  const std::string& body = "") {
    return {
        .method = method,
        .url = standins().endpoint(AwsService::s3) + path_and_query,
        .region = standins().region(),
        .service = "s3",
        .credentials = standins().credentials(),
        .headers = {"x-amz-content-sha256: " + sha256_hex(body), "Content-Type: application/json"},
        .body = body};
  }

  // Returns the proxy's last decision, to tell a proxy rejection from a backend error.
  StandinRequest last_request() {
    const std::vector<StandinRequest> requests = standins().requests();
    return requests.empty() ? StandinRequest{} : requests.back();
  }
};

TEST_F(AwsStandIns, DynamoDbListTablesSigned) {
  const HttpReply reply = send_signed(dynamodb("ListTables", "{}"));

  ASSERT_EQ(reply.status, 200) << reply.error << reply.body;
  EXPECT_EQ(Json::parse(reply.body), Json::parse(R"({"TableNames":[]})"));
  EXPECT_EQ(last_request().decision, "forwarded");
  EXPECT_EQ(last_request().operation, "ListTables");
}

TEST_F(AwsStandIns, S3KeyWithEqualsAndSpaceRoundTrips) {
  standins().create_bucket("wod-bucket");
  const std::string body = R"({"date":"2024-01-01"})";

  const HttpReply put = send_signed(s3("PUT", "/wod-bucket/raw/a%3Db%20c.json", body));
  ASSERT_EQ(put.status, 200) << put.error << put.body;

  const HttpReply get = send_signed(s3("GET", "/wod-bucket/raw/a%3Db%20c.json"));
  ASSERT_EQ(get.status, 200) << get.body;
  EXPECT_EQ(get.body, body);

  const HttpReply head = send_signed(s3("HEAD", "/wod-bucket/raw/a%3Db%20c.json"));
  EXPECT_EQ(head.status, 200) << head.error;

  const HttpReply list = send_signed(s3("GET", "/wod-bucket?list-type=2&prefix=raw%2F"));
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_NE(list.body.find("<Key>raw/a=b c.json</Key>"), std::string::npos) << list.body;
}

TEST_F(AwsStandIns, S3ListObjectsV2Paging) {
  standins().create_bucket("wod-bucket");
  for (const char* key : {"raw/1.json", "raw/2.json", "raw/3.json"}) {
    ASSERT_EQ(send_signed(s3("PUT", std::string("/wod-bucket/") + key, "{}")).status, 200);
  }

  const HttpReply first =
      send_signed(s3("GET", "/wod-bucket?list-type=2&max-keys=2&prefix=raw%2F"));
  ASSERT_EQ(first.status, 200) << first.body;
  const std::string open_tag = "<NextContinuationToken>";
  const auto start = first.body.find(open_tag);
  ASSERT_NE(start, std::string::npos) << first.body;
  const auto end = first.body.find('<', start + open_tag.size());
  const std::string token =
      first.body.substr(start + open_tag.size(), end - start - open_tag.size());

  // A token may contain '+', '/' and '=', so it is sent and signed RFC 3986-encoded.
  const std::unique_ptr<char, decltype(&curl_free)> encoded(
      curl_easy_escape(nullptr, token.data(), static_cast<int>(token.size())), curl_free);
  const HttpReply second =
      send_signed(s3("GET", "/wod-bucket?continuation-token=" + std::string(encoded.get()) +
                                "&list-type=2&max-keys=2&prefix=raw%2F"));
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_NE(second.body.find("<Key>raw/3.json</Key>"), std::string::npos) << second.body;
  EXPECT_EQ(second.body.find("<Key>raw/1.json</Key>"), std::string::npos) << second.body;
}

TEST_F(AwsStandIns, S3LargePutWithExpectContinue) {
  standins().create_bucket("wod-bucket");
  // Over 1 MiB, libcurl sends "Expect: 100-continue", which it does not sign.
  const std::string body(2 * 1024 * 1024, 'x');

  const HttpReply put = send_signed(s3("PUT", "/wod-bucket/weekly/large.jsonl", body));
  ASSERT_EQ(put.status, 200) << put.error << put.body;

  const HttpReply get = send_signed(s3("GET", "/wod-bucket/weekly/large.jsonl"));
  EXPECT_EQ(get.body.size(), body.size());
}

TEST_F(AwsStandIns, SnsPublishIsRecorded) {
  const std::string topic = standins().create_topic("wodetl-runs");

  const HttpReply topic_reply =
      send_signed(sns("Action=Publish&Message=posts%3A%203&Subject=wodetl%20run&TopicArn=" +
                      std::string("arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3Awodetl-runs") +
                      "&Version=2010-03-31"));
  ASSERT_EQ(topic_reply.status, 200) << topic_reply.error << topic_reply.body;
  EXPECT_NE(topic_reply.body.find("<MessageId>"), std::string::npos) << topic_reply.body;

  const HttpReply phone_reply =
      send_signed(sns("Action=Publish&Message=done&PhoneNumber=%2B15555550100&Version=2010-03-31"));
  ASSERT_EQ(phone_reply.status, 200) << phone_reply.body;

  const std::vector<SnsMessage> messages = standins().sns_messages();
  ASSERT_EQ(messages.size(), 2U);
  EXPECT_EQ(messages[0].topic_arn, topic);
  EXPECT_EQ(messages[0].message, "posts: 3");
  EXPECT_EQ(messages[0].subject, "wodetl run");
  EXPECT_EQ(messages[1].phone_number, "+15555550100");
}

TEST_F(AwsStandIns, SecretsManagerGetSecretValue) {
  const std::string value = R"({"username":"coach","password":"app password"})";
  const std::string arn = standins().put_secret("wodetl/wordpress", value);

  const HttpReply reply =
      send_signed(secrets_manager("GetSecretValue", R"({"SecretId":"wodetl/wordpress"})"));
  ASSERT_EQ(reply.status, 200) << reply.error << reply.body;
  const Json output = Json::parse(reply.body);
  EXPECT_EQ(output.at("SecretString"), value);
  EXPECT_EQ(output.at("ARN"), arn);

  const HttpReply missing =
      send_signed(secrets_manager("GetSecretValue", R"({"SecretId":"no-such-secret"})"));
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(Json::parse(missing.body).at("__type"), "ResourceNotFoundException");
}

TEST_F(AwsStandIns, WrongSecretKeyRejected) {
  standins().create_bucket("wod-bucket");
  standins().put_secret("s", "v");
  const AwsCredentials wrong{standins().credentials().access_key_id, "not-the-secret-key", ""};

  struct Case {
    SigV4Request request;
    long status;
    std::string error_code;
  };
  std::vector<Case> cases = {
      {dynamodb("ListTables", "{}"), 400, "InvalidSignatureException"},
      {s3("GET", "/wod-bucket?list-type=2"), 403, "SignatureDoesNotMatch"},
      {sns("Action=ListTopics&Version=2010-03-31"), 403, "SignatureDoesNotMatch"},
      {secrets_manager("GetSecretValue", R"({"SecretId":"s"})"), 400, "InvalidSignatureException"},
  };
  for (Case& item : cases) {
    SCOPED_TRACE(item.request.service);
    ASSERT_EQ(send_signed(item.request).status, 200) << "the correctly signed request must pass";

    item.request.credentials = wrong;
    const HttpReply reply = send_signed(item.request);
    EXPECT_EQ(reply.status, item.status) << reply.body;
    const StandinRequest decision = last_request();
    EXPECT_EQ(decision.decision, "rejected");
    EXPECT_EQ(decision.error_code, item.error_code);
  }
}

TEST_F(AwsStandIns, UnknownAccessKeyRejected) {
  SigV4Request request = dynamodb("ListTables", "{}");
  request.credentials = {"AKIAUNKNOWNKEY000000", "whatever", ""};

  const HttpReply reply = send_signed(request);

  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(last_request().error_code, "UnrecognizedClientException");
}

TEST_F(AwsStandIns, BodyChangedAfterSigningRejected) {
  standins().create_bucket("wod-bucket");

  // DynamoDB: replaying the signed headers with the same body passes, with another body fails.
  const SigV4Request list = dynamodb("ListTables", R"({"Limit":10})");
  const HttpReply signed_reply = send_signed(list);
  ASSERT_EQ(signed_reply.status, 200) << signed_reply.body;
  const HttpReply replayed = send_unsigned("POST", list.url, signed_reply.sent_headers, list.body);
  ASSERT_EQ(replayed.status, 200) << replayed.body;
  const HttpReply changed =
      send_unsigned("POST", list.url, signed_reply.sent_headers, R"({"Limit":11})");
  EXPECT_EQ(changed.status, 400) << changed.body;
  EXPECT_EQ(last_request().error_code, "InvalidSignatureException");

  // S3: the body no longer matches the signed x-amz-content-sha256.
  const SigV4Request put = s3("PUT", "/wod-bucket/weekly/x.jsonl", "signed body");
  const HttpReply put_reply = send_signed(put);
  ASSERT_EQ(put_reply.status, 200) << put_reply.body;
  const HttpReply changed_put =
      send_unsigned("PUT", put.url, put_reply.sent_headers, "other body!");
  EXPECT_EQ(changed_put.status, 400) << changed_put.body;
  EXPECT_EQ(last_request().error_code, "XAmzContentSHA256Mismatch");
}

TEST_F(AwsStandIns, UnsignedRequestRejected) {
  standins().create_bucket("wod-bucket");

  const HttpReply reply = send_unsigned("GET", standins().endpoint(AwsService::s3) + "/wod-bucket",
                                        {"x-amz-content-sha256: " + kEmptySha256}, "");

  EXPECT_EQ(reply.status, 403);
  EXPECT_EQ(last_request().error_code, "AccessDenied");
}

TEST_F(AwsStandIns, TemporaryCredentialsNeedSessionToken) {
  SigV4Request request = dynamodb("ListTables", "{}");
  request.credentials = standins().temporary_credentials();
  ASSERT_FALSE(request.credentials.session_token.empty());

  const HttpReply with_token = send_signed(request);
  EXPECT_EQ(with_token.status, 200) << with_token.body;

  request.credentials.session_token.clear();
  const HttpReply without_token = send_signed(request);
  EXPECT_EQ(without_token.status, 400);
  EXPECT_EQ(last_request().error_code, "UnrecognizedClientException");
}

TEST_F(AwsStandIns, SharedEndpointRoutesByScope) {
  SigV4Request request = dynamodb("ListTables", "{}");
  request.url = standins().shared_endpoint() + "/";

  const HttpReply reply = send_signed(request);

  EXPECT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(last_request().service, "dynamodb");
}

TEST_F(AwsStandIns, UnprocessedItemsFault) {
  const HttpReply created = send_signed(dynamodb("CreateTable", R"({
    "TableName": "sessions", "BillingMode": "PAY_PER_REQUEST",
    "AttributeDefinitions": [{"AttributeName": "date", "AttributeType": "S"},
                             {"AttributeName": "session", "AttributeType": "S"}],
    "KeySchema": [{"AttributeName": "date", "KeyType": "HASH"},
                  {"AttributeName": "session", "KeyType": "RANGE"}]})"));
  ASSERT_EQ(created.status, 200) << created.body;
  standins().add_fault(
      {.service = AwsService::dynamodb, .operation = "BatchWriteItem", .unprocessed_items = 2});

  Json batch = {{"RequestItems", {{"sessions", Json::array()}}}};
  for (int day = 1; day <= 5; ++day) {
    batch["RequestItems"]["sessions"].push_back(
        {{"PutRequest",
          {{"Item",
            {{"date", {{"S", "2024-01-0" + std::to_string(day)}}}, {"session", {{"S", "1"}}}}}}}});
  }
  const HttpReply reply = send_signed(dynamodb("BatchWriteItem", batch.dump()));

  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(Json::parse(reply.body).at("UnprocessedItems").at("sessions").size(), 2U);
  const HttpReply scan = send_signed(dynamodb("Scan", R"({"TableName":"sessions"})"));
  EXPECT_EQ(Json::parse(scan.body).at("Count"), 3);
}

TEST_F(AwsStandIns, EnvironmentPointsAtProxy) {
  const auto environment = standins().environment();

  EXPECT_EQ(environment.at("AWS_ENDPOINT_URL_S3"), standins().endpoint(AwsService::s3));
  EXPECT_EQ(environment.at("AWS_ENDPOINT_URL_SECRETS_MANAGER"),
            standins().endpoint(AwsService::secrets_manager));
  EXPECT_EQ(environment.at("AWS_ACCESS_KEY_ID"), standins().credentials().access_key_id);
  EXPECT_EQ(environment.at("AWS_REGION"), "us-east-1");
}

}  // namespace
}  // namespace wodetl::testing
