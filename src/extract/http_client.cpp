#include "extract/http_client.hpp"

#include <curl/curl.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#include "core/ascii.hpp"
#include "core/version.hpp"
#include "extract/body_excerpt.hpp"

namespace wodetl {

namespace {

//! Runs curl_global_init once per process; later calls return the first result.
bool init_curl_once() {
  static std::once_flag once;
  static CURLcode result = CURLE_OK;
  std::call_once(once, [] { result = curl_global_init(CURL_GLOBAL_DEFAULT); });
  return result == CURLE_OK;
}

//! State shared with the curl callbacks during one transfer.
struct Transfer {
  std::size_t max_body_bytes = 0;
  bool body_too_large = false;
  HttpResponse response;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  std::size_t bytes = size * count;
  if (transfer->response.body.size() + bytes > transfer->max_body_bytes) {
    transfer->body_too_large = true;
    return 0;  // curl then ends the transfer with CURLE_WRITE_ERROR
  }
  transfer->response.body.append(data, bytes);
  return bytes;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  std::size_t bytes = size * count;
  std::string_view line(data, bytes);

  // Each response of a redirect chain starts with a status line; keep the headers of the last.
  if (line.starts_with("HTTP/")) {
    transfer->response.headers.clear();
    return bytes;
  }
  std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) {
    return bytes;
  }

  std::string name(trim_ascii_whitespace(line.substr(0, colon)));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string value(trim_ascii_whitespace(line.substr(colon + 1)));
  auto [entry, inserted] = transfer->response.headers.emplace(name, value);
  if (!inserted) {
    entry->second += ", " + value;
  }
  return bytes;
}

template <typename T>
void set_option(CURL* handle, CURLoption option, T value, CURLcode& status) {
  if (status == CURLE_OK) {
    status = curl_easy_setopt(handle, option, value);
  }
}

bool is_retryable_failure(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_GOT_NOTHING:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return true;
    default:
      return false;
  }
}

bool has_line_break(const std::string& text) {
  return text.find_first_of("\r\n") != std::string::npos;
}

// Selects the request method. HEAD uses CURLOPT_NOBODY, because a HEAD sent as a custom method
// makes curl wait for a body that never comes. Methods with a body send request.body through
// CURLOPT_POSTFIELDS, which curl reads in place, so request must outlive the transfer.
void set_method(CURL* curl, const HttpRequest& request, CURLcode& status) {
  const std::string& method = request.method;
  if (method == "GET") {
    set_option(curl, CURLOPT_HTTPGET, 1L, status);
    return;
  }
  if (method == "HEAD") {
    set_option(curl, CURLOPT_NOBODY, 1L, status);
    return;
  }
  if (method == "POST" || method == "PUT" || method == "PATCH") {
    set_option(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()),
               status);
    set_option(curl, CURLOPT_POSTFIELDS, request.body.data(), status);
    if (method != "POST") {
      set_option(curl, CURLOPT_CUSTOMREQUEST, method.c_str(), status);
    }
    return;
  }
  set_option(curl, CURLOPT_HTTPGET, 1L, status);
  set_option(curl, CURLOPT_CUSTOMREQUEST, method.c_str(), status);
}

//! Describes a response that stopped before its end: what had arrived, for the error message.
std::string describe_cut_off_response(CURL* curl, const Transfer& transfer) {
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_off_t expected = -1;
  curl_easy_getinfo(curl, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &expected);
  const std::string* content_type = transfer.response.header("content-type");

  std::string text =
      "the response was cut off after " + std::to_string(transfer.response.body.size()) + " bytes";
  if (expected >= 0) {
    text += " of the " + std::to_string(expected) + " its Content-Length announced";
  }
  text += " (HTTP " + std::to_string(status) + ", content type " +
          (content_type != nullptr ? *content_type : std::string("not given")) + ")";
  if (!transfer.response.body.empty()) {
    text += ", starting: " + body_excerpt(transfer.response.body);
  }
  return text;
}

//! Rewrites "request failed: …" as "request failed after N attempts: …".
Error with_attempts(Error error, int attempts) {
  const std::string prefix = "request failed: ";
  const std::string counted = "request failed after " + std::to_string(attempts) + " attempts: ";
  if (error.message.starts_with(prefix)) {
    error.message = counted + error.message.substr(prefix.size());
  } else {
    error.message = counted + error.message;
  }
  return error;
}

}  // namespace

//! Easy handles kept between requests, so that a series of API calls to one host reuses its
//! connections. libcurl does not support sharing one connection cache between threads
//! (CURLSHOPT_SHARE with CURL_LOCK_DATA_CONNECT), so each idle handle keeps its own connections
//! and serves one request, on one thread, at a time. DNS answers and TLS sessions are shared
//! between the handles through a share handle, with the locks that libcurl requires.
class HttpClient::ConnectionPool {
 public:
  using Handle = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;

  ConnectionPool() : share_(curl_share_init()) {
    if (share_ == nullptr) {
      return;
    }
    curl_share_setopt(share_, CURLSHOPT_LOCKFUNC, &ConnectionPool::lock);
    curl_share_setopt(share_, CURLSHOPT_UNLOCKFUNC, &ConnectionPool::unlock);
    curl_share_setopt(share_, CURLSHOPT_USERDATA, static_cast<void*>(this));
    curl_share_setopt(share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
    curl_share_setopt(share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
  }
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;
  ~ConnectionPool() {
    // The handles go first: libcurl refuses to clean up a share that handles still use.
    idle_.clear();
    if (share_ != nullptr) {
      curl_share_cleanup(share_);
    }
  }

  //! Returns an idle handle with its connections, or a new one; its options are libcurl's
  //! defaults plus the share. Holds nullptr when curl_easy_init fails.
  Handle take() {
    Handle handle(nullptr, &curl_easy_cleanup);
    {
      std::lock_guard lock(idle_mutex_);
      if (!idle_.empty()) {
        handle = std::move(idle_.back());
        idle_.pop_back();
      }
    }
    if (!handle) {
      handle.reset(curl_easy_init());
    }
    if (handle && share_ != nullptr) {
      curl_easy_setopt(handle.get(), CURLOPT_SHARE, share_);
    }
    return handle;
  }

  //! Keeps `handle` for a later request. Its options are reset, because they point into the
  //! finished request's buffers; its connections stay open.
  void give_back(Handle handle) {
    curl_easy_reset(handle.get());
    std::lock_guard lock(idle_mutex_);
    if (idle_.size() < kMaxIdle) {
      idle_.push_back(std::move(handle));
    }
  }

 private:
  //! Idle handles kept; more requests in flight than this open new connections.
  static constexpr std::size_t kMaxIdle = 16;

  static void lock(CURL*, curl_lock_data data, curl_lock_access, void* user) {
    static_cast<ConnectionPool*>(user)->mutex_for(data).lock();
  }
  static void unlock(CURL*, curl_lock_data data, void* user) {
    static_cast<ConnectionPool*>(user)->mutex_for(data).unlock();
  }
  std::mutex& mutex_for(curl_lock_data data) {
    const auto index = static_cast<std::size_t>(data);
    return mutexes_[index < mutexes_.size() ? index : 0];
  }

  CURLSH* share_;
  std::array<std::mutex, CURL_LOCK_DATA_LAST> mutexes_;
  std::mutex idle_mutex_;
  std::vector<Handle> idle_;
};

const std::string* HttpResponse::header(const std::string& name) const {
  auto entry = headers.find(name);
  return entry == headers.end() ? nullptr : &entry->second;
}

HttpClient::HttpClient(HttpClientOptions options) : options_(std::move(options)) {
  if (options_.reuse_connections && init_curl_once()) {
    pool_ = std::make_shared<ConnectionPool>();
  }
}

HttpAttempt HttpClient::send_once(const HttpRequest& request) const {
  const std::string safe_url = redact_url(request.url);
  if (!init_curl_once()) {
    return {Error::internal("curl_global_init failed", PostRef{.url = safe_url}), false};
  }
  if (request.method.empty() ||
      request.method.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos) {
    return {
        Error::internal("invalid HTTP method '" + request.method + "'", PostRef{.url = safe_url}),
        false};
  }

  using HeaderList = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;
  HeaderList header_list(nullptr, &curl_slist_free_all);
  for (const auto& [name, value] : request.headers) {
    if (has_line_break(name) || has_line_break(value)) {
      return {Error::internal("request header '" + name + "' contains a line break",
                              PostRef{.url = safe_url}),
              false};
    }
    std::string line = name + ": " + value;
    curl_slist* extended = curl_slist_append(header_list.get(), line.c_str());
    if (extended == nullptr) {
      return {Error::internal("out of memory for request headers", PostRef{.url = safe_url}),
              false};
    }
    header_list.release();
    header_list.reset(extended);
  }

  ConnectionPool::Handle handle =
      pool_ ? pool_->take() : ConnectionPool::Handle(curl_easy_init(), &curl_easy_cleanup);
  if (!handle) {
    return {Error::internal("curl_easy_init failed", PostRef{.url = safe_url}), false};
  }
  // Hands the handle back to the pool when the attempt ends, however it ends.
  struct GiveBack {
    ConnectionPool* target;
    ConnectionPool::Handle& borrowed;
    ~GiveBack() {
      if (target != nullptr && borrowed) {
        target->give_back(std::move(borrowed));
      }
    }
  } give_back{pool_.get(), handle};

  Transfer transfer;
  transfer.max_body_bytes = options_.max_body_bytes;
  char error_text[CURL_ERROR_SIZE] = {};
  CURL* curl = handle.get();
  CURLcode setup = CURLE_OK;
  set_option(curl, CURLOPT_URL, request.url.c_str(), setup);
  set_method(curl, request, setup);
  set_option(curl, CURLOPT_USERAGENT, kUserAgent, setup);
  set_option(curl, CURLOPT_NOSIGNAL, 1L, setup);
  set_option(curl, CURLOPT_SSL_VERIFYPEER, 1L, setup);
  set_option(curl, CURLOPT_SSL_VERIFYHOST, 2L, setup);
  set_option(curl, CURLOPT_PROTOCOLS_STR, "http,https", setup);
  set_option(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https", setup);
  set_option(curl, CURLOPT_FOLLOWLOCATION, request.follow_redirects ? 1L : 0L, setup);
  set_option(curl, CURLOPT_MAXREDIRS, options_.max_redirects, setup);
  set_option(curl, CURLOPT_ACCEPT_ENCODING, "",
             setup);  // "" offers every encoding this libcurl decodes
  set_option(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.connect_timeout.count()),
             setup);
  set_option(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(request.total_timeout.count()), setup);
  // Rejects early when Content-Length is known; on_body enforces the limit on the decoded body.
  set_option(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options_.max_body_bytes),
             setup);
  set_option(curl, CURLOPT_ERRORBUFFER, error_text, setup);
  set_option(curl, CURLOPT_WRITEFUNCTION, &on_body, setup);
  set_option(curl, CURLOPT_WRITEDATA, static_cast<void*>(&transfer), setup);
  set_option(curl, CURLOPT_HEADERFUNCTION, &on_header, setup);
  set_option(curl, CURLOPT_HEADERDATA, static_cast<void*>(&transfer), setup);
  if (header_list) {
    set_option(curl, CURLOPT_HTTPHEADER, header_list.get(), setup);
  }
  if (request.sigv4) {
    // libcurl computes the Signature Version 4 over the method, path, query, the headers above
    // and the payload hash, so no signing code lives in wodetl.
    set_option(curl, CURLOPT_AWS_SIGV4, request.sigv4->provider.c_str(), setup);
    set_option(curl, CURLOPT_USERNAME, request.sigv4->access_key_id.c_str(), setup);
    set_option(curl, CURLOPT_PASSWORD, request.sigv4->secret_access_key.c_str(), setup);
  } else if (request.auth) {
    set_option(curl, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC), setup);
    set_option(curl, CURLOPT_USERNAME, request.auth->user.c_str(), setup);
    set_option(curl, CURLOPT_PASSWORD, request.auth->password.c_str(), setup);
  }
  if (setup != CURLE_OK) {
    return {
        Error::internal(std::string("setting up the request failed: ") + curl_easy_strerror(setup),
                        PostRef{.url = safe_url}),
        false};
  }

  std::optional<RequestGate::Permit> permit;
  if (options_.gate) {
    permit.emplace(options_.gate->acquire());
  }
  spdlog::debug("{} {}", request.method, safe_url);
  CURLcode code = curl_easy_perform(curl);
  permit.reset();
  if (transfer.body_too_large || code == CURLE_FILESIZE_EXCEEDED) {
    return {Error{ErrorCode::kNetwork,
                  "response body is larger than the maximum of " +
                      std::to_string(options_.max_body_bytes) + " bytes",
                  PostRef{.url = safe_url},
                  "Check that the URL points to the API and not to a large file"},
            false};
  }
  if (code == CURLE_PARTIAL_FILE) {
    return {Error::network(safe_url, describe_cut_off_response(curl, transfer)), true};
  }
  if (code != CURLE_OK) {
    std::string detail = error_text[0] != '\0' ? error_text : curl_easy_strerror(code);
    return {Error::network(safe_url, detail), is_retryable_failure(code)};
  }

  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &transfer.response.status);
  char* effective_url = nullptr;
  if (curl_easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, &effective_url) == CURLE_OK &&
      effective_url != nullptr) {
    transfer.response.effective_url = redact_url(effective_url);
  } else {
    transfer.response.effective_url = safe_url;
  }
  return {std::move(transfer.response), false};
}

void HttpClient::wait(std::chrono::milliseconds delay) const {
  if (options_.sleep) {
    options_.sleep(delay);
  } else {
    std::this_thread::sleep_for(delay);
  }
}

double HttpClient::next_random_fraction() const {
  if (options_.random_fraction) {
    return options_.random_fraction();
  }
  thread_local std::mt19937_64 generator{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(generator);
}

Result<HttpResponse> HttpClient::get(const HttpRequest& request) const {
  const RetryPolicy& policy = options_.retry;
  const int max_retries = std::max(0, policy.max_retries);
  const std::string safe_url = redact_url(request.url);

  for (int retry = 0;; ++retry) {
    HttpAttempt attempt = send_once(request);
    const int attempts = retry + 1;
    const bool last = retry >= max_retries;
    std::chrono::milliseconds delay{0};

    if (!attempt.outcome.ok()) {
      if (!attempt.retryable_failure || last) {
        if (attempts == 1) {
          return std::move(attempt.outcome);
        }
        return with_attempts(attempt.outcome.error(), attempts);
      }
      delay = backoff_delay(policy, retry, next_random_fraction());
      spdlog::warn("GET {} failed ({}); retry {} of {} in {} ms", safe_url,
                   attempt.outcome.error().message, retry + 1, max_retries, delay.count());
    } else {
      HttpResponse& response = attempt.outcome.value();
      response.attempts = attempts;
      if (!is_retryable_status(response.status) || last) {
        return std::move(attempt.outcome);
      }
      delay = backoff_delay(policy, retry, next_random_fraction());
      if (const std::string* retry_after = response.header("retry-after")) {
        std::optional<std::chrono::milliseconds> requested = parse_retry_after(*retry_after);
        if (requested && *requested > policy.max_wait) {
          spdlog::warn(
              "GET {} returned HTTP {} with Retry-After: {}, longer than the maximum wait of {} "
              "ms; not retrying",
              safe_url, response.status, *retry_after, policy.max_wait.count());
          response.retry_after_too_long = *requested;
          return std::move(attempt.outcome);
        }
        if (requested) {
          delay = *requested;
        }
      }
      spdlog::warn("GET {} returned HTTP {}; retry {} of {} in {} ms", safe_url, response.status,
                   retry + 1, max_retries, delay.count());
    }
    wait(delay);
  }
}

std::string redact_url(std::string_view url) {
  std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) {
    return std::string(url);
  }
  std::size_t authority_start = scheme_end + 3;
  std::size_t authority_end = url.find_first_of("/?#", authority_start);
  if (authority_end == std::string_view::npos) {
    authority_end = url.size();
  }
  std::size_t at = url.substr(authority_start, authority_end - authority_start).rfind('@');
  if (at == std::string_view::npos) {
    return std::string(url);
  }
  std::string redacted(url.substr(0, authority_start));
  redacted += url.substr(authority_start + at + 1);
  return redacted;
}

}  // namespace wodetl
