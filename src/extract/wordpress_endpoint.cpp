#include "extract/wordpress_endpoint.hpp"

#include <algorithm>
#include <cctype>

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
  std::vector<std::string> parameters = query;
  if (category_id && !has_parameter("categories")) {
    parameters.push_back("categories=" + std::to_string(*category_id));
  }
  parameters.push_back("per_page=" + std::to_string(per_page));
  parameters.push_back("page=" + std::to_string(page));
  return PostsEndpoint{base, std::move(parameters)}.url();
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
