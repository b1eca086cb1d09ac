#include "extract/wordpress_source.hpp"

#include <spdlog/spdlog.h>

#include <charconv>
#include <limits>
#include <string_view>
#include <thread>
#include <utility>

#include "core/json_codec.hpp"
#include "extract/post_parser.hpp"

namespace wodetl {
namespace {

const char* const kEndpointHint =
    "Check that the URL is the WordPress REST API posts endpoint (…/wp-json/wp/v2/posts) and "
    "whether the site "
    "requires a login";

//! Error object of the WordPress REST API: {"code": "...", "message": "...", "data": {...}}.
struct WordPressError {
  std::string code;
  std::string message;
};

std::optional<WordPressError> parse_wordpress_error(const std::string& body) {
  Json document = Json::parse(body, nullptr, false);
  if (document.is_discarded() || !document.is_object()) {
    return std::nullopt;
  }
  auto code = document.find("code");
  if (code == document.end() || !code->is_string()) {
    return std::nullopt;
  }
  WordPressError error{code->get<std::string>(), {}};
  auto message = document.find("message");
  if (message != document.end() && message->is_string()) {
    error.message = message->get<std::string>();
  }
  return error;
}

//! Returns the length of the last UTF-8 sequence of `text` when it is cut short, else 0.
std::size_t incomplete_utf8_tail(const std::string& text) {
  std::size_t continuation = 0;
  while (continuation < text.size() && continuation < 3 &&
         (static_cast<unsigned char>(text[text.size() - 1 - continuation]) & 0xC0) == 0x80) {
    ++continuation;
  }
  if (continuation == text.size()) {
    return 0;
  }
  auto lead = static_cast<unsigned char>(text[text.size() - 1 - continuation]);
  std::size_t expected = 1;
  if (lead >= 0xF0) {
    expected = 4;
  } else if (lead >= 0xE0) {
    expected = 3;
  } else if (lead >= 0xC0) {
    expected = 2;
  }
  return continuation + 1 < expected ? continuation + 1 : 0;
}

//! Returns the start of a response body for an error message: at most `max_bytes`, control
//! characters and runs of white space replaced by one space, cut on a UTF-8 boundary.
std::string body_excerpt(std::string_view body, std::size_t max_bytes = 100) {
  std::string text;
  bool pending_space = false;
  std::size_t index = 0;
  for (; index < body.size() && text.size() < max_bytes; ++index) {
    auto byte = static_cast<unsigned char>(body[index]);
    if (byte <= 0x20 || byte == 0x7F) {
      pending_space = !text.empty();
      continue;
    }
    if (pending_space) {
      text += ' ';
      pending_space = false;
    }
    text += body[index];
  }
  text.resize(text.size() - incomplete_utf8_tail(text));
  if (body.substr(index).find_first_not_of(" \t\r\n") != std::string_view::npos) {
    text += "…";
  }
  return text;
}

bool looks_like_html(const HttpResponse& response) {
  const std::string* content_type = response.header("content-type");
  if (content_type != nullptr && content_type->find("html") != std::string::npos) {
    return true;
  }
  std::size_t first = response.body.find_first_not_of(" \t\r\n");
  return first != std::string::npos && response.body[first] == '<';
}

//! Parses a non-negative integer header such as X-WP-Total; nothing when absent or malformed.
std::optional<std::int64_t> header_count(const HttpResponse& response, const std::string& name) {
  const std::string* value = response.header(name);
  if (value == nullptr) {
    return std::nullopt;
  }
  std::int64_t number = 0;
  auto [end, error] = std::from_chars(value->data(), value->data() + value->size(), number);
  if (error != std::errc() || end != value->data() + value->size() || number < 0) {
    spdlog::debug("ignoring header {}: {} that is not a count", name, *value);
    return std::nullopt;
  }
  return number;
}

//! Returns the host of an http(s) URL, without userinfo and port.
std::string_view host_of(std::string_view url) {
  std::size_t start = url.find("://");
  start = start == std::string_view::npos ? 0 : start + 3;
  std::string_view authority = url.substr(start, url.find_first_of("/?#", start) - start);
  authority = authority.substr(
      authority.rfind('@') == std::string_view::npos ? 0 : authority.rfind('@') + 1);
  if (authority.starts_with('[')) {
    return authority.substr(0, authority.find(']') + 1);
  }
  return authority.substr(0, authority.find(':'));
}

bool is_loopback(std::string_view host) {
  return host == "localhost" || host.starts_with("127.") || host == "[::1]";
}

Error invalid_setting(const std::string& message, const std::string& api_url,
                      std::string hint = {}) {
  return Error::invalid_input(message, PostRef{.url = redact_url(api_url)}, std::move(hint));
}

}  // namespace

Result<std::unique_ptr<WordPressSource>> WordPressSource::create(WordPressConfig config) {
  Result<PostsEndpoint> endpoint = parse_posts_endpoint(config.api_url);
  if (!endpoint.ok()) {
    return endpoint.error();
  }
  if (config.per_page < 1 || config.per_page > 100) {
    return invalid_setting(
        "per_page must be between 1 and 100, got " + std::to_string(config.per_page),
        config.api_url, "The WordPress REST API returns at most 100 posts per page");
  }
  if (config.page && *config.page < 1) {
    return invalid_setting("page must be 1 or more, got " + std::to_string(*config.page),
                           config.api_url);
  }
  if (config.category_id && *config.category_id < 1) {
    return invalid_setting(
        "category id must be a positive integer, got " + std::to_string(*config.category_id),
        config.api_url);
  }
  if (config.max_pages < 1) {
    return invalid_setting("max_pages must be 1 or more, got " + std::to_string(config.max_pages),
                           config.api_url);
  }
  if (config.min_request_interval.count() < 0) {
    return invalid_setting("min_request_interval must not be negative", config.api_url);
  }
  if (config.auth && config.auth->user.empty()) {
    return invalid_setting("the user name for basic authentication is empty", config.api_url,
                           "Set both the user name and the password, or neither");
  }
  if (config.auth && endpoint->base.starts_with("http://") &&
      !is_loopback(host_of(endpoint->base))) {
    spdlog::warn(
        "basic authentication to {} goes over plain http, so the password is sent unencrypted; use "
        "https",
        host_of(endpoint->base));
  }
  PostsEndpoint parsed = std::move(endpoint).value();
  return std::unique_ptr<WordPressSource>(
      new WordPressSource(std::move(config), std::move(parsed)));
}

WordPressSource::WordPressSource(WordPressConfig config, PostsEndpoint endpoint)
    : config_(std::move(config)), endpoint_(std::move(endpoint)), client_(config_.http) {}

std::string WordPressSource::page_url(int page) const {
  return endpoint_.page_url(config_.category_id, config_.per_page, page);
}

std::string WordPressSource::describe() const {
  std::string text = "WordPress " + redact_url(endpoint_.url());
  if (config_.category_id && !endpoint_.has_parameter("categories")) {
    text += " category " + std::to_string(*config_.category_id);
  }
  if (config_.page) {
    text += " page " + std::to_string(*config_.page);
  }
  return text;
}

void WordPressSource::wait_for_request_slot() {
  auto now = std::chrono::steady_clock::now();
  if (last_request_start_ && config_.min_request_interval.count() > 0) {
    auto next_start = *last_request_start_ + config_.min_request_interval;
    if (now < next_start) {
      auto delay = std::chrono::ceil<std::chrono::milliseconds>(next_start - now);
      if (config_.http.sleep) {
        config_.http.sleep(delay);
      } else {
        std::this_thread::sleep_for(delay);
      }
      now = std::chrono::steady_clock::now();
    }
  }
  last_request_start_ = now;
}

Result<WordPressPage> WordPressSource::fetch_page(int page) {
  WordPressPage result;
  result.page = page;
  result.url = redact_url(page_url(page));

  wait_for_request_slot();
  HttpRequest request{.url = page_url(page),
                      .headers = {{"Accept", "application/json"}},
                      .auth = config_.auth,
                      .connect_timeout = config_.connect_timeout,
                      .total_timeout = config_.total_timeout};
  Result<HttpResponse> response = client_.get(request);
  if (!response.ok()) {
    return response.error();
  }

  if (response->status < 200 || response->status >= 300) {
    std::optional<WordPressError> wordpress_error = parse_wordpress_error(response->body);
    if (response->status == 400 && wordpress_error &&
        wordpress_error->code == "rest_post_invalid_page_number") {
      result.past_last_page = true;
      return result;
    }
    std::string detail;
    if (wordpress_error) {
      detail = wordpress_error->code;
      if (!wordpress_error->message.empty()) {
        detail += ": " + wordpress_error->message;
      }
    } else if (!response->body.empty()) {
      detail = "response body: " + body_excerpt(response->body);
    }
    return Error::http_status(response->status, result.url, detail);
  }

  if (looks_like_html(*response)) {
    return Error::invalid_input("the site returned HTML, not JSON: " + body_excerpt(response->body),
                                PostRef{.url = result.url}, kEndpointHint);
  }
  if (!Json::accept(response->body)) {
    return Error::invalid_input(
        "the site returned a body that is not JSON: " + body_excerpt(response->body),
        PostRef{.url = result.url}, kEndpointHint);
  }
  Result<PostBatch> batch = parse_posts_document(response->body, result.url);
  if (!batch.ok()) {
    Error error = batch.error();
    error.message = "the response is not a JSON list of posts: " + error.message;
    error.hint = kEndpointHint;
    return error;
  }
  result.posts = std::move(batch).value();

  result.total = header_count(*response, "x-wp-total");
  std::optional<std::int64_t> total_pages = header_count(*response, "x-wp-totalpages");
  if (total_pages && *total_pages <= std::numeric_limits<int>::max()) {
    result.total_pages = static_cast<int>(*total_pages);
  }
  return result;
}

Status WordPressSource::fetch(const std::function<void(PostBatch&&)>& on_batch) {
  totals_ = WordPressTotals{};
  const int first_page = config_.page.value_or(1);
  const int last_page = config_.page.value_or(config_.max_pages);

  for (int page = first_page; page <= last_page; ++page) {
    Result<WordPressPage> result = fetch_page(page);
    if (!result.ok()) {
      return result.error();
    }
    if (result->past_last_page) {
      spdlog::info("{}: page {} is past the last page; listing complete", describe(), page);
      return ok_status();
    }

    totals_.total = result->total;
    totals_.total_pages = result->total_pages;
    ++totals_.pages_fetched;
    const std::size_t count = result->posts.size();
    if (result->total == 0) {
      spdlog::info("{}: the listing is empty", describe());
    } else {
      spdlog::info(
          "{}: read page {} of {} ({} items)", describe(), page,
          result->total_pages ? std::to_string(*result->total_pages) : std::string("unknown"),
          count);
    }
    on_batch(std::move(result->posts));

    const bool last = result->total_pages ? page >= *result->total_pages
                                          : count < static_cast<std::size_t>(config_.per_page);
    if (last || config_.page) {
      return ok_status();
    }
  }

  return Error::invalid_input("stopped after max_pages (" + std::to_string(config_.max_pages) +
                                  ") pages without reaching the last page",
                              PostRef{.url = redact_url(endpoint_.url())},
                              "Check that the API URL is the posts endpoint of a WordPress site");
}

}  // namespace wodetl
