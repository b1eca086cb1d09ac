// AwsClient against a local server: the headers it adds, the URL it signs, and its retries.

#include "load/aws/aws_client.hpp"

#include <gtest/gtest.h>

#include <deque>
#include <memory>
#include <mutex>

#include "load/idempotency.hpp"
#include "support/local_http_server.hpp"

namespace wodetl {
namespace {

using std::chrono::milliseconds;

//! Canned response of the test server.
struct Reply {
  int status = 200;
  std::string body = "{}";
};

//! Server that records each request and sends the queued replies, then 200 {}.
class RecordingServer {
 public:
  RecordingServer()
      : server_([this](httplib::Server& server) {
          auto handle = [this](const httplib::Request& request, httplib::Response& response) {
            std::lock_guard lock(mutex_);
            requests_.push_back(request);
            Reply reply;
            if (!replies_.empty()) {
              reply = replies_.front();
              replies_.pop_front();
            }
            response.status = reply.status;
            response.set_header("x-amzn-RequestId", "req-" + std::to_string(requests_.size()));
            response.set_content(reply.body, "application/x-amz-json-1.0");
          };
          server.Post(".*", handle);
          server.Get(".*", handle);
        }) {}

  void queue(Reply reply) {
    std::lock_guard lock(mutex_);
    replies_.push_back(std::move(reply));
  }

  std::vector<httplib::Request> requests() {
    std::lock_guard lock(mutex_);
    return requests_;
  }

  std::string url() const { return server_.url(); }

 private:
  std::mutex mutex_;
  std::deque<Reply> replies_;
  std::vector<httplib::Request> requests_;
  testing::LocalHttpServer server_;
};

AwsSettings settings_for(const RecordingServer& server, std::string session_token = "") {
  AwsSettings settings;
  settings.region = "eu-west-1";
  settings.credentials = AwsCredentials{.access_key_id = "AKIDTEST",
                                        .secret_access_key = "secret-key",
                                        .session_token = std::move(session_token)};
  settings.endpoint_overrides[AwsService::kDynamoDb] = server.url();
  return settings;
}

AwsClientOptions recording(std::vector<milliseconds>& delays) {
  AwsClientOptions options;
  options.sleep = [&delays](milliseconds delay) { delays.push_back(delay); };
  return options;
}

AwsRequest put_item() {
  return AwsRequest{.service = AwsService::kDynamoDb,
                    .operation = "PutItem",
                    .resource = "table sessions",
                    .headers = {{"X-Amz-Target", "DynamoDB_20120810.PutItem"}},
                    .body = R"({"TableName":"sessions"})"};
}

TEST(AwsClient, AddsPayloadHashTokenAndSignature) {
  RecordingServer server;
  AwsClient client(settings_for(server, "session-token-1"));

  Result<AwsResponse> response = client.call(put_item());
  ASSERT_TRUE(response.ok()) << response.error().to_string();
  EXPECT_EQ(response->request_id, "req-1");

  const httplib::Request request = server.requests().at(0);
  EXPECT_EQ(request.get_header_value("x-amz-content-sha256"),
            sha256_hex(R"({"TableName":"sessions"})"));
  EXPECT_EQ(request.get_header_value("x-amz-security-token"), "session-token-1");
  const std::string authorization = request.get_header_value("Authorization");
  EXPECT_NE(authorization.find("Credential=AKIDTEST/"), std::string::npos) << authorization;
  EXPECT_NE(authorization.find("/eu-west-1/dynamodb/aws4_request"), std::string::npos);
  EXPECT_NE(authorization.find("x-amz-content-sha256"), std::string::npos) << authorization;
  EXPECT_NE(authorization.find("x-amz-security-token"), std::string::npos) << authorization;
  EXPECT_EQ(authorization.find("secret-key"), std::string::npos);
}

TEST(AwsClient, NoTokenHeaderWithoutSessionToken) {
  RecordingServer server;
  AwsClient client(settings_for(server));
  ASSERT_TRUE(client.call(put_item()).ok());
  EXPECT_FALSE(server.requests().at(0).has_header("x-amz-security-token"));
}

TEST(AwsClient, QuerySortedAndEncoded) {
  RecordingServer server;
  AwsClient client(settings_for(server));
  AwsRequest request = put_item();
  request.method = "GET";
  request.path = "/bucket/raw/a%3Db%20c.json";
  request.query = {{"prefix", "raw/a b"}, {"list-type", "2"}};

  EXPECT_EQ(client.url_of(request),
            server.url() + "/bucket/raw/a%3Db%20c.json?list-type=2&prefix=raw%2Fa%20b");
  ASSERT_TRUE(client.call(request).ok());
  const httplib::Request seen = server.requests().at(0);
  EXPECT_EQ(seen.path, "/bucket/raw/a=b c.json");
  EXPECT_EQ(seen.get_param_value("prefix"), "raw/a b");
}

TEST(AwsClient, RetriesServerErrorsAndThrottling) {
  RecordingServer server;
  server.queue(Reply{.status = 500, .body = R"({"__type":"InternalServerError"})"});
  server.queue(Reply{.status = 400, .body = R"({"__type":"x#ThrottlingException"})"});
  std::vector<milliseconds> delays;
  AwsClient client(settings_for(server), recording(delays));

  Result<AwsResponse> response = client.call(put_item());
  ASSERT_TRUE(response.ok()) << response.error().to_string();
  EXPECT_EQ(server.requests().size(), 3U);
  ASSERT_EQ(delays.size(), 2U);
  EXPECT_LE(delays[0].count(), 200);
  EXPECT_LE(delays[1].count(), 400);
}

TEST(AwsClient, GivesUpAfterMaxAttempts) {
  RecordingServer server;
  for (int i = 0; i < 5; ++i) {
    server.queue(Reply{.status = 503, .body = R"({"__type":"ServiceUnavailable"})"});
  }
  std::vector<milliseconds> delays;
  AwsClient client(settings_for(server), recording(delays));

  Result<AwsResponse> response = client.call(put_item());
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(server.requests().size(), 4U);
  EXPECT_NE(response.error().message.find("HTTP 503 ServiceUnavailable"), std::string::npos)
      << response.error().message;
  EXPECT_NE(response.error().message.find("request id req-4"), std::string::npos);
}

TEST(AwsClient, ClientErrorNotRetried) {
  RecordingServer server;
  server.queue(
      Reply{.status = 400, .body = R"({"__type":"x#ValidationException","message":"bad key"})"});
  std::vector<milliseconds> delays;
  AwsClient client(settings_for(server), recording(delays));

  Result<AwsResponse> sent = client.send(put_item());
  ASSERT_TRUE(sent.ok()) << sent.error().to_string();
  ASSERT_TRUE(sent->error.has_value());
  EXPECT_EQ(sent->error->code, "ValidationException");
  EXPECT_EQ(sent->error->resource, "table sessions");
  EXPECT_TRUE(delays.empty());

  server.queue(Reply{.status = 400, .body = R"({"__type":"x#ValidationException"})"});
  Result<AwsResponse> called = client.call(put_item());
  ASSERT_FALSE(called.ok());
  EXPECT_NE(called.error().message.find("DynamoDB PutItem on table sessions failed"),
            std::string::npos);
}

TEST(AwsClient, UnreachableEndpointRetriedThenNetworkError) {
  AwsSettings settings;
  settings.credentials = AwsCredentials{.access_key_id = "AKID", .secret_access_key = "s"};
  settings.endpoint_overrides[AwsService::kDynamoDb] = "http://127.0.0.1:9";
  std::vector<milliseconds> delays;
  AwsClient client(settings, recording(delays));

  Result<AwsResponse> response = client.call(put_item());
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().code, ErrorCode::kNetwork);
  EXPECT_EQ(delays.size(), 3U);
  EXPECT_NE(response.error().message.find("DynamoDB PutItem on table sessions"), std::string::npos);
  EXPECT_NE(response.error().hint.find("AWS_ENDPOINT_URL_DYNAMODB"), std::string::npos);
}

}  // namespace
}  // namespace wodetl
