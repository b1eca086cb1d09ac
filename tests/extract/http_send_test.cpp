// HttpClient::send_once: methods other than GET, request bodies, redirects left alone, the
// libcurl AWS SigV4 wiring and connections kept for later requests.

#include <gtest/gtest.h>

#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

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

class HttpSendOnce : public ::testing::Test {
 protected:
  //! Sends `request` once to `path` of the echo server with a client of default options.
  HttpAttempt send(HttpRequest request, const std::string& path = "/object") {
    request.url = server_->url(path);
    return client_.send_once(request);
  }

  SeenRequest seen_;
  std::unique_ptr<testing::LocalHttpServer> server_ = start_echo_server(seen_);
  HttpClient client_;
};

TEST_F(HttpSendOnce, PutSendsBodyAndContentType) {
  HttpAttempt attempt = send(
      HttpRequest{.method = "PUT", .body = "a=b c", .headers = {{"Content-Type", "text/plain"}}});

  ASSERT_TRUE(attempt.outcome.ok()) << attempt.outcome.error().to_string();
  EXPECT_EQ(attempt.outcome->status, 200);
  EXPECT_EQ(attempt.outcome->body, "PUT:a=b c");
  EXPECT_EQ(seen_.content_type, "text/plain");
}

TEST_F(HttpSendOnce, PostWithEmptyBody) {
  HttpAttempt attempt = send(HttpRequest{.method = "POST"});

  ASSERT_TRUE(attempt.outcome.ok()) << attempt.outcome.error().to_string();
  EXPECT_EQ(attempt.outcome->body, "POST:");
}

TEST_F(HttpSendOnce, DeleteUsesMethod) {
  HttpAttempt attempt = send(HttpRequest{.method = "DELETE"});

  ASSERT_TRUE(attempt.outcome.ok()) << attempt.outcome.error().to_string();
  EXPECT_EQ(attempt.outcome->body, "DELETE:");
  EXPECT_EQ(seen_.method, "DELETE");
}

TEST_F(HttpSendOnce, HeadReadsHeadersWithoutBody) {
  HttpAttempt attempt = send(HttpRequest{.method = "HEAD"});

  ASSERT_TRUE(attempt.outcome.ok()) << attempt.outcome.error().to_string();
  EXPECT_EQ(attempt.outcome->status, 200);
  EXPECT_TRUE(attempt.outcome->body.empty());
  ASSERT_NE(attempt.outcome->header("x-seen-method"), nullptr);
  EXPECT_EQ(*attempt.outcome->header("x-seen-method"), "HEAD");
}

TEST_F(HttpSendOnce, RedirectNotFollowedWhenOff) {
  HttpAttempt attempt = send(HttpRequest{.follow_redirects = false}, "/moved");

  ASSERT_TRUE(attempt.outcome.ok()) << attempt.outcome.error().to_string();
  EXPECT_EQ(attempt.outcome->status, 302);
}

TEST_F(HttpSendOnce, InvalidMethodRejected) {
  HttpAttempt attempt = send(HttpRequest{.method = "GET\r\nX"});

  ASSERT_FALSE(attempt.outcome.ok());
  EXPECT_FALSE(attempt.retryable_failure);
}

TEST_F(HttpSendOnce, SigV4SignsWithCredentialScope) {
  HttpAttempt attempt = send(HttpRequest{
      .method = "POST",
      .body = "{}",
      .headers = {{"Content-Type", "application/x-amz-json-1.0"}},
      .sigv4 = AwsSigV4Signing{.provider = "aws:amz:eu-west-1:dynamodb",
                               .access_key_id = "AKIDEXAMPLE",
                               .secret_access_key = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"}});

  ASSERT_TRUE(attempt.outcome.ok()) << attempt.outcome.error().to_string();
  EXPECT_TRUE(seen_.authorization.starts_with("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"))
      << seen_.authorization;
  EXPECT_NE(seen_.authorization.find("/eu-west-1/dynamodb/aws4_request"), std::string::npos)
      << seen_.authorization;
  EXPECT_NE(seen_.authorization.find("SignedHeaders="), std::string::npos);
  EXPECT_NE(seen_.authorization.find("content-type"), std::string::npos) << seen_.authorization;
  EXPECT_NE(seen_.authorization.find("Signature="), std::string::npos);
  EXPECT_EQ(seen_.authorization.find("wJalrXUtnFEMI"), std::string::npos);
  EXPECT_EQ(seen_.amz_date.size(), 16U) << seen_.amz_date;
}

TEST_F(HttpSendOnce, KeptConnectionServesSeries) {
  HttpClient reusing(HttpClientOptions{.reuse_connections = true});

  for (int request = 0; request < 4; ++request) {
    HttpAttempt attempt = reusing.send_once(HttpRequest{.url = server_->url("/object")});
    ASSERT_TRUE(attempt.outcome.ok()) << attempt.outcome.error().to_string();
  }
  for (int request = 0; request < 2; ++request) {
    ASSERT_TRUE(send(HttpRequest{}).outcome.ok());
  }

  // One connection for the four requests that reuse it, then one each for the other two.
  EXPECT_EQ(server_->accepted_connections(), 3);
}

TEST_F(HttpSendOnce, KeptConnectionsServeThreads) {
  const HttpClient reusing(HttpClientOptions{.reuse_connections = true});
  constexpr int kThreads = 4;
  constexpr int kRequestsPerThread = 12;
  std::vector<int> succeeded(kThreads, 0);

  std::vector<std::thread> threads;
  for (int thread = 0; thread < kThreads; ++thread) {
    threads.emplace_back([&reusing, &succeeded, thread, this] {
      for (int request = 0; request < kRequestsPerThread; ++request) {
        HttpAttempt attempt = reusing.send_once(
            HttpRequest{.method = "PUT", .url = server_->url("/object"), .body = "x"});
        succeeded[static_cast<std::size_t>(thread)] +=
            attempt.outcome.ok() && attempt.outcome->body == "PUT:x" ? 1 : 0;
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }

  for (int thread = 0; thread < kThreads; ++thread) {
    EXPECT_EQ(succeeded[static_cast<std::size_t>(thread)], kRequestsPerThread) << thread;
  }
  // Each connection serves one request at a time, and requests reuse connections.
  EXPECT_GE(server_->accepted_connections(), 1);
  EXPECT_LT(server_->accepted_connections(), kThreads * kRequestsPerThread);
}

}  // namespace
}  // namespace wodetl
