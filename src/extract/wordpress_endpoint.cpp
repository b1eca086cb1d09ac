#include "extract/wordpress_endpoint.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <new>

#include "core/ascii.hpp"
#include "extract/http_client.hpp"

namespace wodetl {
namespace {

const char* const kPostsRoute = "wp/v2/posts";

std::string_view key_of(std::string_view parameter) {
  return parameter.substr(0, parameter.find('='));
}

std::string lower(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return result;
}

}  // namespace

bool PostsEndpoint::has_parameter(std::string_view key) const {
  return std::any_of(query.begin(), query.end(),
                     [key](const std::string& parameter) { return key_of(parameter) == key; });
}

std::string PostsEndpoint::url() const {
  std::string text = base;
  for (std::size_t i = 0; i < query.size(); ++i) {
    text += (i == 0 ? "?" : "&") + query[i];
  }
  return text;
}

std::string PostsEndpoint::page_url(std::optional<std::int64_t> category_id, int per_page,
                                    int page) const {
  return listing_url(ListingQuery{.category_id = category_id, .per_page = per_page, .page = page});
}

std::string PostsEndpoint::listing_url(const ListingQuery& listing) const {
  std::vector<std::pair<std::string, std::string>> added;
  if (listing.category_id && !has_parameter("categories")) {
    added.emplace_back("categories", std::to_string(*listing.category_id));
  }
  if (listing.tag_id && !has_parameter("tags")) {
    added.emplace_back("tags", std::to_string(*listing.tag_id));
  }
  if (!listing.orderby.empty()) {
    added.emplace_back("orderby", percent_encode(listing.orderby));
  }
  if (!listing.order.empty()) {
    added.emplace_back("order", percent_encode(listing.order));
  }
  if (listing.modified_after) {
    added.emplace_back("modified_after", percent_encode(*listing.modified_after));
  }
  if (listing.after) {
    added.emplace_back("after", percent_encode(*listing.after));
  }
  if (listing.modified_before) {
    added.emplace_back("modified_before", percent_encode(*listing.modified_before));
  }
  if (listing.before) {
    added.emplace_back("before", percent_encode(*listing.before));
  }
  if (!listing.include.empty()) {
    added.emplace_back("include", percent_encode(listing.include));
  }
  if (!listing.fields.empty()) {
    added.emplace_back("_fields", percent_encode(listing.fields));
  }
  added.emplace_back("per_page", std::to_string(listing.per_page));
  if (listing.offset) {
    added.emplace_back("offset", std::to_string(*listing.offset));
  } else if (listing.page) {
    added.emplace_back("page", std::to_string(*listing.page));
  }

  std::vector<std::string> parameters;
  for (const std::string& parameter : query) {
    const std::string_view key = key_of(parameter);
    const bool replaced = std::any_of(added.begin(), added.end(),
                                      [key](const auto& entry) { return entry.first == key; });
    if (!replaced) {
      parameters.push_back(parameter);
    }
  }
  for (const auto& [key, value] : added) {
    parameters.push_back(key + "=" + value);
  }
  return PostsEndpoint{base, std::move(parameters)}.url();
}

std::string PostsEndpoint::collection_url(std::string_view route,
                                          const std::vector<std::string>& parameters) const {
  PostsEndpoint collection;
  collection.base = base;
  for (const std::string& parameter : query) {
    if (key_of(parameter) == "rest_route") {
      collection.query.push_back("rest_route=/wp/v2/" + std::string(route));
    }
  }
  if (collection.query.empty()) {
    std::string& path = collection.base;
    const std::size_t posts = path.rfind("/posts");
    if (posts != std::string::npos && posts + 6 == path.size()) {
      path.replace(posts + 1, std::string::npos, route);
    } else {
      path += (path.ends_with("/") ? "" : "/") + std::string(route);
    }
  }
  collection.query.insert(collection.query.end(), parameters.begin(), parameters.end());
  return collection.url();
}

std::string percent_encode(std::string_view text) {
  // curl_easy_escape ignores its handle since libcurl 7.82; Debian 12 ships 7.88.
  char* escaped = curl_easy_escape(nullptr, text.data(), static_cast<int>(text.size()));
  if (escaped == nullptr) {
    throw std::bad_alloc();
  }
  std::string encoded(escaped);
  curl_free(escaped);
  return encoded;
}

Result<PostsEndpoint> parse_posts_endpoint(std::string_view api_url) {
  std::string_view url = trim_ascii_whitespace(api_url);
  const std::string scheme =
      lower(url.substr(0, url.find("://") == std::string_view::npos ? 0 : url.find("://")));
  const std::string hint =
      "Give the site root (https://site) or the posts endpoint (https://site/wp-json/wp/v2/posts)";
  if (scheme != "http" && scheme != "https") {
    return Error::invalid_input("the API URL must start with http:// or https://",
                                PostRef{.url = redact_url(url)}, hint);
  }
  std::size_t host_start = scheme.size() + 3;
  std::size_t host_end = url.find_first_of("/?#", host_start);
  if (host_end == host_start || host_start >= url.size()) {
    return Error::invalid_input("the API URL has no host", PostRef{.url = redact_url(url)}, hint);
  }

  url = url.substr(0, url.find('#'));
  std::size_t query_start = url.find('?');
  PostsEndpoint endpoint;
  endpoint.base = std::string(url.substr(0, query_start));
  if (query_start != std::string_view::npos) {
    std::string_view rest = url.substr(query_start + 1);
    while (!rest.empty()) {
      std::size_t end = rest.find('&');
      std::string_view parameter = rest.substr(0, end);
      if (!parameter.empty() && key_of(parameter) != "per_page" && key_of(parameter) != "page") {
        endpoint.query.emplace_back(parameter);
      }
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    }
  }

  if (endpoint.has_parameter("rest_route")) {
    return endpoint;
  }
  // Without "/wp-json/" in the path the URL is a site root, or the REST API prefix alone.
  std::string& base = endpoint.base;
  std::size_t path_start = base.find('/', host_start);
  std::string_view path = path_start == std::string::npos
                              ? std::string_view()
                              : std::string_view(base).substr(path_start);
  const bool is_api_prefix = path.ends_with("/wp-json") || path.ends_with("/wp-json/");
  if (!is_api_prefix && path.find("/wp-json/") != std::string_view::npos) {
    return endpoint;
  }
  if (!base.ends_with("/")) {
    base += "/";
  }
  if (!is_api_prefix) {
    base += "wp-json/";
  }
  base += kPostsRoute;
  return endpoint;
}

}  // namespace wodetl
