#pragma once
// Signed requests to AWS APIs over libcurl's CURLOPT_AWS_SIGV4, with AWS's retry rules. The
// service clients (S3, DynamoDB, SNS, Secrets Manager) build requests; this layer signs, sends,
// retries and reads errors.

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "extract/http_client.hpp"
#include "load/aws/aws_backoff.hpp"
#include "load/aws/aws_error.hpp"
#include "load/aws/aws_settings.hpp"
#include "load/aws/aws_uri.hpp"

namespace wodetl {

//! One AWS API request before signing.
struct AwsRequest {
  AwsService service = AwsService::kDynamoDb;
  std::string operation;  //!< API name for messages and logs, e.g. "PutObject"
  std::string resource;   //!< what it addresses, for messages, e.g. "table sessions"
  std::string method = "POST";
  //! Base URL; empty means the settings' endpoint of the service. S3 sets it for
  //! virtual-hosted buckets.
  std::string base_url;
  std::string path = "/";             //!< already URI-encoded (see s3_key_path), starting with '/'
  std::vector<QueryParameter> query;  //!< not encoded; sent sorted and encoded
  std::vector<std::pair<std::string, std::string>> headers;  //!< Content-Type and the like
  std::string body;
};

//! Response of a request that reached AWS.
struct AwsResponse {
  long status = 0;
  std::map<std::string, std::string> headers;  //!< names lower-cased
  std::string body;
  std::string request_id;
  std::optional<AwsServiceError> error;  //!< set when status is outside 2xx

  //! Returns the value of the header with the lower-case name, or nullptr.
  [[nodiscard]] const std::string* header(const std::string& name) const;
};

//! Retry and time-out settings of an AwsClient.
struct AwsClientOptions {
  //! Attempts per request, the first included. A retry follows a network failure, HTTP 429 or
  //! 5xx, or a throttling or transient AWS error code.
  int max_attempts = 4;
  //! Backoff before retry n (0-based) is a random time up to min(max_backoff, base * 2^n):
  //! "full jitter", so that many workers throttled at once do not retry in step.
  std::chrono::milliseconds base_backoff{200};
  std::chrono::milliseconds max_backoff{20000};
  std::chrono::milliseconds connect_timeout{10000};
  std::chrono::milliseconds total_timeout{120000};
  //! Waits between attempts; empty means std::this_thread::sleep_for. Tests record the delays.
  SleepFunction sleep;
};

//! Sends signed requests to AWS.
//!
//! Every request carries x-amz-content-sha256 (the SHA-256 of the body), x-amz-security-token
//! when the credentials have a session token, and the wodetl User-Agent. libcurl adds
//! x-amz-date and the Authorization header, and it signs every header set here. Redirects are not
//! followed, because a redirected request would need a new signature.
//!
//! Thread safety: const methods may be called from several threads at once, provided the
//! sleep hook is thread-safe.
class AwsClient {
 public:
  explicit AwsClient(AwsSettings settings, AwsClientOptions options = {});

  //! Sends the request, retrying as AwsClientOptions describes. Returns the last response, with
  //! its parsed error when the status is outside 2xx; Error::network when no response came.
  [[nodiscard]] Result<AwsResponse> send(const AwsRequest& request) const;

  //! Sends the request like send(); a response with an AWS error becomes that error's Error.
  [[nodiscard]] Result<AwsResponse> call(const AwsRequest& request) const;

  [[nodiscard]] const AwsSettings& settings() const { return settings_; }

  //! The full URL the request is sent to: base URL, path and canonical query string.
  [[nodiscard]] std::string url_of(const AwsRequest& request) const;

 private:
  [[nodiscard]] HttpRequest to_http_request(const AwsRequest& request) const;

  AwsSettings settings_;
  AwsClientOptions options_;
  HttpClient http_;
};

}  // namespace wodetl
