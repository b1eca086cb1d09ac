#include "extract/wordpress_source.hpp"

#include <spdlog/spdlog.h>

#include <charconv>
#include <limits>
#include <string_view>
#include <thread>
#include <utility>

#include "core/json_codec.hpp"
#include "extract/post_parser.hpp"
#include "extract/wordpress_login.hpp"
#include "extract/wordpress_response.hpp"

namespace wodetl {
namespace {

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

//! Maps a listing response body to posts: each element of the array becomes a post or an
//! error item.
Result<PostBatch> posts_of(const Json& document, const std::string& url) {
  if (!document.is_array()) {
    return Error::invalid_input(
        std::string("the response is not a JSON list of posts but a JSON ") + document.type_name(),
        PostRef{.url = url},
        "Check that the URL is the WordPress REST API posts endpoint "
        "(…/wp-json/wp/v2/posts)");
  }
  PostBatch batch;
  batch.reserve(document.size());
  for (const Json& item : document) {
    batch.push_back(parse_post(item, url));
  }
  return batch;
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
  if (config.tag_id && *config.tag_id < 1) {
    return invalid_setting(
        "tag id must be a positive integer, got " + std::to_string(*config.tag_id), config.api_url);
  }
  if (config.limits.concurrency < 1 || config.limits.concurrency > 16) {
    return invalid_setting(
        "concurrency must be between 1 and 16, got " + std::to_string(config.limits.concurrency),
        config.api_url, "Most sites expect one request at a time");
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
    : config_(std::move(config)), endpoint_(std::move(endpoint)), client_([this] {
        HttpClientOptions options = config_.http;
        if (!options.gate) {
          options.gate = std::make_shared<RequestGate>(config_.limits, options.sleep);
        }
        return options;
      }()) {}

std::string WordPressSource::page_url(int page) const {
  return endpoint_.listing_url(ListingQuery{.category_id = config_.category_id,
                                            .tag_id = config_.tag_id,
                                            .per_page = config_.per_page,
                                            .page = page});
}

std::string WordPressSource::describe() const {
  std::string text = "WordPress " + redact_url(endpoint_.url());
  if (!endpoint_.has_parameter("categories")) {
    if (config_.category_id && !config_.category_slug.empty()) {
      text +=
          " category " + config_.category_slug + " (" + std::to_string(*config_.category_id) + ")";
    } else if (config_.category_id) {
      text += " category " + std::to_string(*config_.category_id);
    } else if (!config_.category_slug.empty()) {
      text += " category " + config_.category_slug;
    }
  }
  if (!endpoint_.has_parameter("tags")) {
    if (config_.tag_id && !config_.tag_slug.empty()) {
      text += " tag " + config_.tag_slug + " (" + std::to_string(*config_.tag_id) + ")";
    } else if (config_.tag_id) {
      text += " tag " + std::to_string(*config_.tag_id);
    } else if (!config_.tag_slug.empty()) {
      text += " tag " + config_.tag_slug;
    }
  }
  if (config_.page) {
    text += " page " + std::to_string(*config_.page);
  }
  return text;
}

HttpRequest WordPressSource::request_for(std::string url) const {
  return HttpRequest{.url = std::move(url),
                     .headers = {{"Accept", "application/json"}},
                     .auth = config_.auth,
                     .connect_timeout = config_.connect_timeout,
                     .total_timeout = config_.total_timeout};
}

Status WordPressSource::prepare_listing() {
  if (prepared_) {
    return *prepared_;
  }
  prepared_ = ok_status();
  if (config_.auth) {
    if (Status login = check_login(client_, endpoint_, request_for(""), config_.credentials_hint);
        !login.ok()) {
      prepared_ = login.error();
      return login.error();
    }
  }
  const std::pair<Taxonomy, std::pair<std::optional<std::int64_t>*, const std::string*>> terms[] = {
      {Taxonomy::kCategory, {&config_.category_id, &config_.category_slug}},
      {Taxonomy::kTag, {&config_.tag_id, &config_.tag_slug}}};
  for (const auto& [taxonomy, fields] : terms) {
    auto& [id, slug] = fields;
    if (id->has_value()) {
      // The query of api_url overrides the configured id, so only a configured id is checked.
      const bool in_url =
          endpoint_.has_parameter(taxonomy == Taxonomy::kCategory ? "categories" : "tags");
      Status exists = in_url ? ok_status()
                             : check_term_id(client_, endpoint_, request_for(""), taxonomy, **id,
                                             config_.credentials_hint);
      if (!exists.ok()) {
        prepared_ = exists.error();
        return exists.error();
      }
      continue;
    }
    if (slug->empty()) {
      continue;
    }
    Result<std::int64_t> found = find_term_id(client_, endpoint_, request_for(""), taxonomy, *slug,
                                              config_.credentials_hint);
    if (!found.ok()) {
      prepared_ = found.error();
      return found.error();
    }
    *id = *found;
    spdlog::info("{}: {} '{}' is id {}", redact_url(endpoint_.url()), to_string(taxonomy), *slug,
                 *found);
  }
  return *prepared_;
}

Result<ListingInventory> WordPressSource::inventory() {
  if (Status resolved = prepare_listing(); !resolved.ok()) {
    return resolved.error();
  }
  return ListingInventory(client_, endpoint_, request_for(""),
                          ListingFilter{config_.category_id, config_.tag_id},
                          config_.credentials_hint);
}

Result<Json> WordPressSource::get_json(const std::string& url, HttpResponse* raw) const {
  const std::string safe_url = redact_url(url);
  const RetryPolicy& policy = config_.http.retry;
  // A body cut off without a Content-Length to tell curl is only found by the JSON parser, so
  // this loop retries it as the client retries a cut-off body it can detect.
  for (int retry = 0;; ++retry) {
    Result<HttpResponse> response = client_.get(request_for(url));
    if (!response.ok()) {
      return response.error();
    }
    if (is_past_last_page(*response)) {
      *raw = std::move(response).value();
      return Json::array();
    }
    Result<Json> document = read_wordpress_json(*response, safe_url, config_.credentials_hint);
    if (document.ok() || document.error().code != ErrorCode::kNetwork ||
        retry >= policy.max_retries) {
      *raw = std::move(response).value();
      return document;
    }
    const auto delay = backoff_ceiling(policy, retry);
    spdlog::warn("GET {}: {}; retry {} of {} in {} ms", safe_url, document.error().message,
                 retry + 1, policy.max_retries, delay.count());
    if (config_.http.sleep) {
      config_.http.sleep(delay);
    } else {
      std::this_thread::sleep_for(delay);
    }
  }
}

Result<WordPressPage> WordPressSource::fetch_page(int page) {
  if (Status resolved = prepare_listing(); !resolved.ok()) {
    return resolved.error();
  }
  WordPressPage result;
  result.page = page;
  result.url = redact_url(page_url(page));

  HttpResponse response;
  Result<Json> document = get_json(page_url(page), &response);
  if (!document.ok()) {
    return document.error();
  }
  if (is_past_last_page(response)) {
    result.past_last_page = true;
    return result;
  }
  Result<PostBatch> batch = posts_of(*document, result.url);
  if (!batch.ok()) {
    return batch.error();
  }
  result.posts = std::move(batch).value();
  result.total = header_count(response, "x-wp-total");
  std::optional<std::int64_t> total_pages = header_count(response, "x-wp-totalpages");
  if (total_pages && *total_pages <= std::numeric_limits<int>::max()) {
    result.total_pages = static_cast<int>(*total_pages);
  }
  return result;
}

Result<WindowResponse> WordPressSource::fetch_window(const ListingPlan& plan,
                                                     const WindowRequest& window) const {
  ListingQuery query{.category_id = config_.category_id,
                     .tag_id = config_.tag_id,
                     .per_page = std::max(2, config_.per_page),
                     .orderby = window.by_id                        ? "id"
                                : plan.key == ListingKey::kModified ? "modified"
                                                                    : "date",
                     .order = "asc"};
  if (window.offset > 0) {
    query.offset = window.offset;
  } else {
    query.page = 1;
  }
  if (window.after) {
    // WordPress converts a timestamp with an offset to the site's time zone before it compares.
    (plan.key == ListingKey::kModified ? query.modified_after : query.after) =
        format_utc_timestamp(*window.after);
  }
  if (window.before) {
    (plan.key == ListingKey::kModified ? query.modified_before : query.before) =
        format_utc_timestamp(*window.before);
  }
  const std::string url = endpoint_.listing_url(query);

  WindowResponse result;
  result.url = redact_url(url);
  HttpResponse response;
  Result<Json> document = get_json(url, &response);
  if (!document.ok()) {
    return document.error();
  }
  Result<PostBatch> batch = posts_of(*document, result.url);
  if (!batch.ok()) {
    return batch.error();
  }
  result.items = std::move(batch).value();
  result.total = header_count(response, "x-wp-total");
  spdlog::debug("{}: {} posts (X-WP-Total {})", result.url, result.items.size(),
                result.total ? std::to_string(*result.total) : std::string("not sent"));
  return result;
}

Status WordPressSource::walk(const ListingPlan& plan, SeenPosts& seen,
                             const std::function<void(ListingPage&&)>& on_page) {
  if (Status resolved = prepare_listing(); !resolved.ok()) {
    return resolved;
  }
  WalkSettings settings{.key = plan.key,
                        .after = plan.after,
                        .per_page = config_.per_page,
                        .concurrency = config_.limits.concurrency,
                        .max_requests = config_.max_pages,
                        .max_restarts = config_.max_restarts,
                        .after_page = config_.after_page};
  ListingWalker walker(
      settings, [this, plan](const WindowRequest& window) { return fetch_window(plan, window); },
      seen);
  bool first = true;
  Status status = walker.walk([&](ListingPage&& page) {
    if (first) {
      totals_.total = page.estimated_total;
      first = false;
    }
    on_page(std::move(page));
  });
  totals_.requests += walker.stats().requests;
  totals_.shifts += walker.stats().shifts;
  totals_.filter_ignored = totals_.filter_ignored || walker.stats().filter_ignored;
  if (!status.ok()) {
    Error error = status.error();
    if (error.post.url.empty()) {
      error.post.url = redact_url(endpoint_.url());
    }
    return error;
  }
  return status;
}

Status WordPressSource::fetch(const std::function<void(PostBatch&&)>& on_batch) {
  totals_ = WordPressTotals{};
  if (config_.page) {
    Result<WordPressPage> page = fetch_page(*config_.page);
    if (!page.ok()) {
      return page.error();
    }
    totals_.total = page->total;
    totals_.requests = 1;
    if (!page->posts.empty()) {
      on_batch(std::move(page->posts));
    }
    return ok_status();
  }

  SeenPosts seen;
  return walk(ListingPlan{}, seen, [&](ListingPage&& page) {
    spdlog::debug("{}: {} new posts from {}", describe(), page.posts.size(), page.url);
    if (!page.posts.empty()) {
      on_batch(std::move(page.posts));
    }
  });
}

}  // namespace wodetl
