// HttpClient::send_once: methods other than GET, request bodies, redirects left alone and the
// libcurl AWS SigV4 wiring.

#include <gtest/gtest.h>

#include <memory>
#include <mutex>
#include <string>

#include "extract/http_client.hpp"
#include "support/local_http_server.hpp"

namespace wodetl {
namespace {

//! What the server saw of the last request.
struct SeenRequest {
  std::mutex mutex;
  std::string method;
  std::string body;
  std::string content_type;
  std::string authorization;
  std::string amz_date;

  void record(const httplib::Request& request) {
    std::lock_guard lock(mutex);
    method = request.method;
    body = request.body;
    content_type = request.get_header_value("Content-Type");
    authorization = request.get_header_value("Authorization");
    amz_date = request.get_header_value("X-Amz-Date");
  }
};

std::unique_ptr<testing::LocalHttpServer> start_echo_server(SeenRequest& seen) {
  return std::make_unique<testing::LocalHttpServer>([&seen](httplib::Server& server) {
    auto echo = [&seen](const httplib::Request& request, httplib::Response& response) {
      seen.record(request);
      response.set_header("X-Seen-Method", request.method);
      response.set_content(request.method + ":" + request.body, "text/plain");
    };
    server.Put("/object", echo);
    server.Post("/object", echo);
    server.Delete("/object", echo);
    server.Get("/object", echo);
    server.Get("/moved", [](const httplib::Request&, httplib::Response& response) {
      response.set_redirect("/object");
    });
  });
}

TEST(HttpSendOnce, PutSendsBodyAndContentType) {
  SeenRequest seen;
  auto server = start_echo_server(seen);
  HttpClient client;

  HttpAttempt attempt = client.send_once(HttpRequest{.method = "PUT",
                                                     .url = server->url("/object"),
                                                     .body = "a=b c",
                                                     .headers = {{"Content-Type", "text/plain"}}});

  ASSERT_TRUE(attempt.outcome.ok()) << attempt.outcome.error().to_string();
  EXPECT_EQ(attempt.outcome->status, 200);
  EXPECT_EQ(attempt.outcome->body, "PUT:a=b c");
  EXPECT_EQ(seen.content_type, "text/plain");
}

TEST(HttpSendOnce, PostWithEmptyBody) {
  SeenRequest seen;
  auto server = start_echo_server(seen);
  HttpClient client;

  HttpAttempt attempt =
      client.send_once(HttpRequest{.method = "POST", .url = server->url("/object")});

  ASSERT_TRUE(attempt.outcome.ok()) << attempt.outcome.error().to_string();
  EXPECT_EQ(attempt.outcome->body, "POST:");
}

TEST(HttpSendOnce, DeleteUsesMethod) {
  SeenRequest seen;
  auto server = start_echo_server(seen);
  HttpClient client;

  HttpAttempt attempt =
      client.send_once(HttpRequest{.method = "DELETE", .url = server->url("/object")});

  ASSERT_TRUE(attempt.outcome.ok()) << attempt.outcome.error().to_string();
  EXPECT_EQ(attempt.outcome->body, "DELETE:");
  EXPECT_EQ(seen.method, "DELETE");
}

TEST(HttpSendOnce, HeadReadsHeadersWithoutBody) {
  SeenRequest seen;
  auto server = start_echo_server(seen);
  HttpClient client;

  HttpAttempt attempt =
      client.send_once(HttpRequest{.method = "HEAD", .url = server->url("/object")});

  ASSERT_TRUE(attempt.outcome.ok()) << attempt.outcome.error().to_string();
  EXPECT_EQ(attempt.outcome->status, 200);
  EXPECT_TRUE(attempt.outcome->body.empty());
  ASSERT_NE(attempt.outcome->header("x-seen-method"), nullptr);
  EXPECT_EQ(*attempt.outcome->header("x-seen-method"), "HEAD");
}

TEST(HttpSendOnce, RedirectNotFollowedWhenOff) {
  SeenRequest seen;
  auto server = start_echo_server(seen);
  HttpClient client;

  HttpAttempt attempt =
      client.send_once(HttpRequest{.url = server->url("/moved"), .follow_redirects = false});

  ASSERT_TRUE(attempt.outcome.ok()) << attempt.outcome.error().to_string();
  EXPECT_EQ(attempt.outcome->status, 302);
}

TEST(HttpSendOnce, InvalidMethodRejected) {
  SeenRequest seen;
  auto server = start_echo_server(seen);
  HttpClient client;

  HttpAttempt attempt =
      client.send_once(HttpRequest{.method = "GET\r\nX", .url = server->url("/object")});

  ASSERT_FALSE(attempt.outcome.ok());
  EXPECT_FALSE(attempt.retryable_failure);
}

TEST(HttpSendOnce, SigV4SignsWithCredentialScope) {
  SeenRequest seen;
  auto server = start_echo_server(seen);
  HttpClient client;

  HttpAttempt attempt = client.send_once(HttpRequest{
      .method = "POST",
      .url = server->url("/object"),
      .body = "{}",
      .headers = {{"Content-Type", "application/x-amz-json-1.0"}},
      .sigv4 = AwsSigV4Signing{.provider = "aws:amz:eu-west-1:dynamodb",
                               .access_key_id = "AKIDEXAMPLE",
                               .secret_access_key = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"}});

  ASSERT_TRUE(attempt.outcome.ok()) << attempt.outcome.error().to_string();
  EXPECT_TRUE(seen.authorization.starts_with("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"))
      << seen.authorization;
  EXPECT_NE(seen.authorization.find("/eu-west-1/dynamodb/aws4_request"), std::string::npos)
      << seen.authorization;
  EXPECT_NE(seen.authorization.find("SignedHeaders="), std::string::npos);
  EXPECT_NE(seen.authorization.find("content-type"), std::string::npos) << seen.authorization;
  EXPECT_NE(seen.authorization.find("Signature="), std::string::npos);
  EXPECT_EQ(seen.authorization.find("wJalrXUtnFEMI"), std::string::npos);
  EXPECT_EQ(seen.amz_date.size(), 16U) << seen.amz_date;
}

}  // namespace
}  // namespace wodetl
