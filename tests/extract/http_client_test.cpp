#include "extract/http_client.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/version.hpp"
#include "support/local_http_server.hpp"
#include "support/wordpress_standin.hpp"

namespace wodetl {
namespace {

using std::chrono::milliseconds;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

//! Sleep hook that records each requested delay and returns at once.
struct RecordedSleeps {
  std::mutex mutex;
  std::vector<milliseconds> delays;

  std::function<void(milliseconds)> hook() {
    return [this](milliseconds delay) {
      std::lock_guard lock(mutex);
      delays.push_back(delay);
    };
  }
};

HttpClientOptions fast_options(RecordedSleeps& sleeps) {
  HttpClientOptions options;
  options.retry = RetryPolicy{.max_retries = 2,
                              .initial_backoff = milliseconds(100),
                              .max_wait = milliseconds(5000),
                              .jitter = Jitter::kNone};
  options.sleep = sleeps.hook();
  return options;
}

//! Server with the plain routes the client tests need.
std::unique_ptr<testing::LocalHttpServer> start_plain_server() {
  return std::make_unique<testing::LocalHttpServer>([](httplib::Server& server) {
    server.Get("/hello", [](const httplib::Request& request, httplib::Response& response) {
      response.set_header("X-Custom-Header", "one");
      response.set_content("agent=" + request.get_header_value("User-Agent"), "text/plain");
    });
    server.Get("/old", [](const httplib::Request&, httplib::Response& response) {
      response.set_redirect("/hello");
    });
    server.Get("/loop", [](const httplib::Request&, httplib::Response& response) {
      response.set_redirect("/loop");
    });
    server.Get("/large", [](const httplib::Request&, httplib::Response& response) {
      response.set_content(std::string(5000, 'x'), "text/plain");
    });
    server.Get("/large-chunked", [](const httplib::Request&, httplib::Response& response) {
      response.set_chunked_content_provider("text/plain", [](std::size_t, httplib::DataSink& sink) {
        std::string chunk(1000, 'y');
        for (int i = 0; i < 5; ++i) {
          sink.write(chunk.data(), chunk.size());
        }
        sink.done();
        return true;
      });
    });
  });
}

//! Returns a 127.0.0.1 URL on which nothing listens: the port of a test server that has stopped.
std::string closed_port_url(const std::string& userinfo = "") {
  int port = testing::LocalHttpServer([](httplib::Server&) {}).port();
  return "http://" + userinfo + "127.0.0.1:" + std::to_string(port) + "/wp-json/wp/v2/posts";
}

TEST(HttpClient, SendsUserAgentAndReadsResponse) {
  auto server = start_plain_server();
  HttpClient client;

  Result<HttpResponse> response = client.get(HttpRequest{.url = server->url("/hello")});

  ASSERT_TRUE(response.ok()) << response.error().to_string();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, std::string("agent=") + kUserAgent);
  EXPECT_TRUE(contains(response->body, std::string("wodetl/") + kVersion)) << response->body;
  ASSERT_NE(response->header("x-custom-header"), nullptr);
  EXPECT_EQ(*response->header("x-custom-header"), "one");
  EXPECT_EQ(response->effective_url, server->url("/hello"));
}

TEST(HttpClient, FollowsRedirect) {
  auto server = start_plain_server();
  HttpClient client;

  Result<HttpResponse> response = client.get(HttpRequest{.url = server->url("/old")});

  ASSERT_TRUE(response.ok()) << response.error().to_string();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->effective_url, server->url("/hello"));
  EXPECT_EQ(response->headers.count("location"), 0u);
}

TEST(HttpClient, StopsAfterMaxRedirects) {
  auto server = start_plain_server();
  HttpClient client;

  Result<HttpResponse> response = client.get(HttpRequest{.url = server->url("/loop")});

  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().code, ErrorCode::kNetwork);
  EXPECT_TRUE(contains(response.error().message, "redirects")) << response.error().message;
}

TEST(HttpClient, RejectsBodyOverMaximum) {
  auto server = start_plain_server();
  HttpClientOptions options;
  options.max_body_bytes = 1000;
  HttpClient client(options);

  for (const char* path : {"/large", "/large-chunked"}) {
    Result<HttpResponse> response = client.get(HttpRequest{.url = server->url(path)});

    ASSERT_FALSE(response.ok()) << path;
    EXPECT_EQ(response.error().code, ErrorCode::kNetwork) << path;
    EXPECT_TRUE(contains(response.error().message, "larger than the maximum of 1000 bytes"))
        << path << ": " << response.error().message;
  }
}

TEST(HttpClient, RejectsHeaderWithLineBreak) {
  auto server = start_plain_server();
  HttpClient client;

  Result<HttpResponse> response = client.get(
      HttpRequest{.url = server->url("/hello"), .headers = {{"X-Note", "one\r\nX-Injected: two"}}});

  ASSERT_FALSE(response.ok());
  EXPECT_TRUE(contains(response.error().message, "line break")) << response.error().message;
}

TEST(HttpClient, RetriesAfterRetryAfterZero) {
  testing::WordPressStandin standin;
  standin.add_fault(testing::Fault{.status = 503, .times = 1, .retry_after = "0"});
  RecordedSleeps sleeps;
  HttpClient client(fast_options(sleeps));

  Result<HttpResponse> response = client.get(HttpRequest{.url = standin.posts_url()});

  ASSERT_TRUE(response.ok()) << response.error().to_string();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(standin.requests().size(), 2u);
  EXPECT_EQ(sleeps.delays, std::vector<milliseconds>{milliseconds(0)});
}

TEST(HttpClient, HonoursRetryAfterSeconds) {
  testing::WordPressStandin standin;
  standin.add_fault(testing::Fault{.status = 429, .times = 1, .retry_after = "2"});
  RecordedSleeps sleeps;
  HttpClient client(fast_options(sleeps));

  Result<HttpResponse> response = client.get(HttpRequest{.url = standin.posts_url()});

  ASSERT_TRUE(response.ok()) << response.error().to_string();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(sleeps.delays, std::vector<milliseconds>{milliseconds(2000)});
}

TEST(HttpClient, RetryAfterOverMaxWaitNotRetried) {
  testing::WordPressStandin standin;
  standin.add_fault(testing::Fault{.status = 503, .times = 1, .retry_after = "120"});
  RecordedSleeps sleeps;
  HttpClient client(fast_options(sleeps));

  Result<HttpResponse> response = client.get(HttpRequest{.url = standin.posts_url()});

  ASSERT_TRUE(response.ok()) << response.error().to_string();
  EXPECT_EQ(response->status, 503);
  EXPECT_EQ(standin.requests().size(), 1u);
  EXPECT_TRUE(sleeps.delays.empty());
}

TEST(HttpClient, ServerErrorRetriedWithBackoff) {
  testing::WordPressStandin standin;
  standin.add_fault(testing::Fault{.status = 500, .times = -1});
  RecordedSleeps sleeps;
  HttpClient client(fast_options(sleeps));

  Result<HttpResponse> response = client.get(HttpRequest{.url = standin.posts_url()});

  ASSERT_TRUE(response.ok()) << response.error().to_string();
  EXPECT_EQ(response->status, 500);
  EXPECT_EQ(standin.requests().size(), 3u);
  EXPECT_EQ(sleeps.delays, (std::vector<milliseconds>{milliseconds(100), milliseconds(200)}));
}

TEST(HttpClient, FullJitterScalesBackoff) {
  testing::WordPressStandin standin;
  standin.add_fault(testing::Fault{.status = 503, .times = 2});
  RecordedSleeps sleeps;
  HttpClientOptions options = fast_options(sleeps);
  options.retry.jitter = Jitter::kFull;
  options.random_fraction = [] { return 0.5; };
  HttpClient client(options);

  Result<HttpResponse> response = client.get(HttpRequest{.url = standin.posts_url()});

  ASSERT_TRUE(response.ok()) << response.error().to_string();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->attempts, 3);
  EXPECT_EQ(sleeps.delays, (std::vector<milliseconds>{milliseconds(50), milliseconds(100)}));
}

TEST(HttpClient, RetryAfterHttpDateHonoured) {
  testing::WordPressStandin standin;
  // An HTTP-date in the past asks for no wait at all.
  standin.add_fault(
      testing::Fault{.status = 503, .times = 1, .retry_after = "Wed, 21 Oct 2015 07:28:00 GMT"});
  RecordedSleeps sleeps;
  HttpClient client(fast_options(sleeps));

  Result<HttpResponse> response = client.get(HttpRequest{.url = standin.posts_url()});

  ASSERT_TRUE(response.ok()) << response.error().to_string();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(sleeps.delays, std::vector<milliseconds>{milliseconds(0)});
}

TEST(HttpClient, RetriesWaitForGate) {
  testing::WordPressStandin standin;
  standin.add_fault(testing::Fault{.status = 503, .times = 2, .retry_after = "0"});
  RecordedSleeps sleeps;
  std::vector<milliseconds> gate_waits;
  HttpClientOptions options = fast_options(sleeps);
  options.gate = std::make_shared<RequestGate>(
      RequestLimits{.requests_per_second = 2, .concurrency = 1},
      [&gate_waits](milliseconds delay) { gate_waits.push_back(delay); });
  HttpClient client(options);

  Result<HttpResponse> response = client.get(HttpRequest{.url = standin.posts_url()});

  ASSERT_TRUE(response.ok()) << response.error().to_string();
  EXPECT_EQ(response->status, 200);
  // The retries after Retry-After: 0 still start at most two per second.
  ASSERT_EQ(gate_waits.size(), 2u);
  EXPECT_GT(gate_waits[1], milliseconds(400));
}

TEST(HttpClient, ClientErrorNotRetried) {
  testing::WordPressStandin standin;
  standin.add_fault(testing::Fault{.status = 404, .times = -1});
  RecordedSleeps sleeps;
  HttpClient client(fast_options(sleeps));

  Result<HttpResponse> response = client.get(HttpRequest{.url = standin.posts_url()});

  ASSERT_TRUE(response.ok()) << response.error().to_string();
  EXPECT_EQ(response->status, 404);
  EXPECT_EQ(standin.requests().size(), 1u);
}

TEST(HttpClient, ConnectionRefusedIsNetworkError) {
  const std::string url = closed_port_url();
  RecordedSleeps sleeps;
  HttpClient client(fast_options(sleeps));

  Result<HttpResponse> response = client.get(HttpRequest{.url = url});

  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().code, ErrorCode::kNetwork);
  EXPECT_EQ(response.error().post.url, url);
  EXPECT_TRUE(contains(response.error().message, "request failed after 3 attempts: "))
      << response.error().message;
  EXPECT_EQ(sleeps.delays.size(), 2u);
}

TEST(HttpClient, SlowResponseTimesOut) {
  testing::WordPressStandin standin;
  standin.set_response_delay(milliseconds(3000));
  HttpClientOptions options;
  options.retry.max_retries = 0;
  HttpClient client(options);

  auto start = std::chrono::steady_clock::now();
  Result<HttpResponse> response =
      client.get(HttpRequest{.url = standin.posts_url(), .total_timeout = milliseconds(200)});
  auto elapsed = std::chrono::steady_clock::now() - start;

  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().code, ErrorCode::kNetwork);
  EXPECT_TRUE(contains(response.error().message, "timed out")) << response.error().message;
  EXPECT_LT(elapsed, milliseconds(2000));
}

TEST(HttpClient, SendsBasicAuth) {
  testing::WordPressStandin standin;
  standin.require_basic_auth("coach", "s3cret-pass");
  HttpClient client;

  Result<HttpResponse> accepted = client.get(
      HttpRequest{.url = standin.posts_url(), .auth = BasicAuth{"coach", "s3cret-pass"}});
  Result<HttpResponse> rejected =
      client.get(HttpRequest{.url = standin.posts_url(), .auth = BasicAuth{"coach", "wrong"}});

  ASSERT_TRUE(accepted.ok()) << accepted.error().to_string();
  EXPECT_EQ(accepted->status, 200);
  ASSERT_TRUE(rejected.ok()) << rejected.error().to_string();
  EXPECT_EQ(rejected->status, 401);
  ASSERT_EQ(standin.requests().size(), 2u);
  EXPECT_EQ(standin.requests()[0].header("Authorization"), "Basic Y29hY2g6czNjcmV0LXBhc3M=");
}

TEST(HttpClient, PasswordNotInNetworkError) {
  const std::string url = closed_port_url("coach:url-secret@");
  HttpClientOptions options;
  options.retry.max_retries = 0;
  HttpClient client(options);

  Result<HttpResponse> response =
      client.get(HttpRequest{.url = url, .auth = BasicAuth{"coach", "auth-secret"}});

  ASSERT_FALSE(response.ok());
  const std::string text = response.error().to_string();
  EXPECT_FALSE(contains(text, "secret")) << text;
  EXPECT_FALSE(contains(text, "coach")) << text;
  EXPECT_TRUE(contains(text, "127.0.0.1")) << text;
}

TEST(RedactUrl, RemovesUserinfo) {
  EXPECT_EQ(redact_url("https://coach:pass@site.test/wp-json/wp/v2/posts"),
            "https://site.test/wp-json/wp/v2/posts");
  EXPECT_EQ(redact_url("https://coach@site.test"), "https://site.test");
  EXPECT_EQ(redact_url("https://site.test/a@b?c=d@e"), "https://site.test/a@b?c=d@e");
  EXPECT_EQ(redact_url("not a url"), "not a url");
}

}  // namespace
}  // namespace wodetl
