#pragma once
// Small HTTP client over libcurl with the politeness rules every request of wodetl follows.
// The WordPress source uses get(), which retries. The AWS clients (load/aws) use send_once()
// with a method, a body and libcurl's AWS Signature Version 4, and retry by AWS's rules.

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "extract/request_gate.hpp"
#include "extract/retry_policy.hpp"

namespace wodetl {

//! Credentials for HTTP basic authentication. The password is never logged or put in an Error.
struct BasicAuth {
  std::string user;
  std::string password;
};

//! Signing of a request with libcurl's CURLOPT_AWS_SIGV4. The secret key is never logged or put
//! in an Error.
struct AwsSigV4Signing {
  std::string provider;  //!< CURLOPT_AWS_SIGV4 value, "aws:amz:REGION:SERVICE"
  std::string access_key_id;
  std::string secret_access_key;
};

struct HttpRequest {
  std::string method = "GET";  //!< "HEAD" is sent with CURLOPT_NOBODY, so no body is awaited
  std::string url;
  std::string body;  //!< sent with POST, PUT and PATCH, also when empty
  std::vector<std::pair<std::string, std::string>>
      headers;  //!< extra request headers, name and value
  std::optional<BasicAuth> auth;
  std::optional<AwsSigV4Signing> sigv4;  //!< replaces auth when set
  bool follow_redirects = true;
  std::chrono::milliseconds connect_timeout{10000};
  std::chrono::milliseconds total_timeout{60000};  //!< limit for the whole transfer of one attempt
};

struct HttpResponse {
  long status = 0;
  std::map<std::string, std::string>
      headers;                //!< names lower-cased; repeated headers joined with ", "
  std::string body;           //!< decoded when the server compressed it
  std::string effective_url;  //!< URL after redirects, without userinfo
  int attempts = 1;           //!< requests sent, the first one included
  //! Set when the client stopped retrying because the Retry-After header asked for a longer
  //! wait than RetryPolicy::max_wait; the requested wait.
  std::optional<std::chrono::milliseconds> retry_after_too_long;

  //! Returns the value of the header with the lower-case `name`, or nullptr.
  [[nodiscard]] const std::string* header(const std::string& name) const;
};

struct HttpClientOptions {
  std::size_t max_body_bytes = 64 * 1024 * 1024;  //!< a larger response body fails the request
  long max_redirects = 5;
  RetryPolicy retry;
  //! Waits between attempts; empty means std::this_thread::sleep_for. Tests replace it to
  //! record the delays without waiting.
  std::function<void(std::chrono::milliseconds)> sleep;
  //! Keeps connections for later requests of this client (and its copies), and shares DNS
  //! answers and TLS sessions between them, so a series of API calls to one host does not pay a
  //! TCP and TLS handshake each time. Each connection serves one request at a time.
  bool reuse_connections = false;
  //! Rate and concurrency limits that every attempt waits for; none means no limit. Share one
  //! gate between the clients that talk to the same site.
  std::shared_ptr<RequestGate> gate;
  //! Returns a number in [0, 1) for the backoff jitter; empty means a thread-safe generator
  //! seeded from std::random_device.
  std::function<double()> random_fraction;
};

//! Result of one attempt, and whether a failure is worth repeating.
struct HttpAttempt {
  Result<HttpResponse> outcome;
  bool retryable_failure = false;  //!< connection failure, time-out or broken transfer
};

//! HTTP client over libcurl.
//!
//! Every request sends the wodetl User-Agent, verifies the TLS peer and host name, accepts
//! every content encoding curl supports, follows at most `max_redirects` redirects over http
//! and https only (unless the request turns redirects off), and honours the connect and total
//! time-outs.
//!
//! Retries: a response with a status that is_retryable_status accepts (408, 429, transient 5xx)
//! is repeated after the delay in its Retry-After header, or after an exponential backoff with
//! full jitter when it has none. When Retry-After is longer than `retry.max_wait`, the client
//! returns the response without retrying and sets retry_after_too_long, so that it never comes
//! back earlier than the server requested. A connection failure, a dropped connection, a body
//! shorter than its Content-Length or a time-out is repeated after the backoff. At most
//! `retry.max_retries` retries follow the first attempt; every attempt waits for `gate`.
//!
//! Thread safety: each attempt uses its own curl easy handle, so one client may serve
//! concurrent get() calls, provided the `sleep` hook is thread-safe.
class HttpClient {
 public:
  explicit HttpClient(HttpClientOptions options = {});

  //! Sends a GET request. Returns the response for any HTTP status, including 4xx and 5xx
  //! after the last retry. Returns Error::network naming the URL and the number of attempts
  //! when no complete response arrived (connection failure, time-out, too many redirects, a
  //! body cut off before its end), and when the body exceeds max_body_bytes. The error of a
  //! cut-off body says what had arrived: status, content type, byte counts and the first bytes.
  [[nodiscard]] Result<HttpResponse> get(const HttpRequest& request) const;

  //! Sends the request once with its method, body and signing, without retries. Returns the
  //! response for any HTTP status; Error::network when no response arrived.
  [[nodiscard]] HttpAttempt send_once(const HttpRequest& request) const;

  [[nodiscard]] const HttpClientOptions& options() const { return options_; }

 private:
  void wait(std::chrono::milliseconds delay) const;
  [[nodiscard]] double next_random_fraction() const;

  class ConnectionPool;

  HttpClientOptions options_;
  std::shared_ptr<ConnectionPool> pool_;  //!< set when options_.reuse_connections
};

//! Returns the URL without its userinfo ("https://user:password@host/" becomes
//! "https://host/"), so it can be logged or put in an Error.
[[nodiscard]] std::string redact_url(std::string_view url);

}  // namespace wodetl
