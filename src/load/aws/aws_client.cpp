#include "load/aws/aws_client.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "load/idempotency.hpp"

namespace wodetl {

const std::string* AwsResponse::header(const std::string& name) const {
  auto entry = headers.find(name);
  return entry == headers.end() ? nullptr : &entry->second;
}

AwsClient::AwsClient(AwsSettings settings, AwsClientOptions options)
    : settings_(std::move(settings)),
      options_(std::move(options)),
      http_(HttpClientOptions{.reuse_connections = true}) {}

std::string AwsClient::url_of(const AwsRequest& request) const {
  std::string url =
      request.base_url.empty() ? settings_.endpoint(request.service) : request.base_url;
  url += request.path.empty() ? "/" : request.path;
  const std::string query = canonical_query(request.query);
  if (!query.empty()) {
    url += "?" + query;
  }
  return url;
}

HttpRequest AwsClient::to_http_request(const AwsRequest& request) const {
  HttpRequest http;
  http.method = request.method;
  http.url = url_of(request);
  http.body = request.body;
  http.headers = request.headers;
  // curl signs a payload hash given in this header instead of computing one. S3 requires the
  // header on every request; the other services accept it.
  http.headers.emplace_back("x-amz-content-sha256", sha256_hex(request.body));
  if (!settings_.credentials.session_token.empty()) {
    http.headers.emplace_back("x-amz-security-token", settings_.credentials.session_token);
  }
  http.sigv4 = AwsSigV4Signing{
      .provider = "aws:amz:" + settings_.region + ":" + names_of(request.service).signing_name,
      .access_key_id = settings_.credentials.access_key_id,
      .secret_access_key = settings_.credentials.secret_access_key};
  http.follow_redirects = false;
  http.connect_timeout = options_.connect_timeout;
  http.total_timeout = options_.total_timeout;
  return http;
}

Result<AwsResponse> AwsClient::send(const AwsRequest& request) const {
  const HttpRequest http = to_http_request(request);
  const std::string display =
      std::string(names_of(request.service).display_name) + " " + request.operation;
  const int max_attempts = std::max(1, options_.max_attempts);

  for (int attempt = 1;; ++attempt) {
    HttpAttempt sent = http_.send_once(http);
    const bool last = attempt >= max_attempts;

    if (!sent.outcome) {
      Error error = sent.outcome.error();
      error.message = display + (request.resource.empty() ? "" : " on " + request.resource) + ": " +
                      error.message;
      error.hint = request.base_url.empty() && !settings_.has_endpoint_override(request.service)
                       ? "Check the network connection and AWS_REGION"
                       : "Check the network connection and the endpoint (AWS_ENDPOINT_URL or "
                         "AWS_ENDPOINT_URL_" +
                             std::string(names_of(request.service).variable_part) + ")";
      if (!sent.retryable_failure || last) {
        return error;
      }
      const auto delay =
          full_jitter_backoff(attempt - 1, options_.base_backoff, options_.max_backoff);
      spdlog::warn("{}; retry {} of {} in {} ms", error.message, attempt, max_attempts - 1,
                   delay.count());
      wait_for(options_.sleep, delay);
      continue;
    }

    HttpResponse& http_response = sent.outcome.value();
    AwsResponse response;
    response.status = http_response.status;
    response.request_id = request_id_of(http_response);
    if (response.status < 200 || response.status > 299) {
      AwsServiceError error = parse_aws_error(request.service, request.operation, http_response);
      error.resource = request.resource;
      error.region = settings_.region;
      if (error.is_retryable() && !last) {
        const auto delay =
            full_jitter_backoff(attempt - 1, options_.base_backoff, options_.max_backoff);
        spdlog::warn("{} returned HTTP {} {}; retry {} of {} in {} ms", display, error.status,
                     error.code, attempt, max_attempts - 1, delay.count());
        wait_for(options_.sleep, delay);
        continue;
      }
      response.error = std::move(error);
    }
    response.headers = std::move(http_response.headers);
    response.body = std::move(http_response.body);
    return response;
  }
}

Result<AwsResponse> AwsClient::call(const AwsRequest& request) const {
  Result<AwsResponse> response = send(request);
  if (response && response->error) {
    return response->error->to_error();
  }
  return response;
}

}  // namespace wodetl
