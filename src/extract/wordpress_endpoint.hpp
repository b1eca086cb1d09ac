#pragma once
// URLs of the WordPress REST API posts listing (GET /wp/v2/posts).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace wodetl {

//! Posts endpoint of a WordPress site, kept apart from its query so paging parameters can be added.
struct PostsEndpoint {
  std::string base;  //!< URL without query and fragment, e.g. "https://site/wp-json/wp/v2/posts" or
                     //!< "https://site/"
  std::vector<std::string>
      query;  //!< "key=value" parameters of the given URL as written, minus per_page and page

  //! Returns whether the query has a parameter named `key`.
  [[nodiscard]] bool has_parameter(std::string_view key) const;

  //! Returns the endpoint URL without paging, e.g.
  //! "https://site/wp-json/wp/v2/posts?categories=213".
  [[nodiscard]] std::string url() const;

  //! Returns the URL of one page of posts. Adds categories=`category_id` unless the query
  //! already has a categories parameter, then per_page and page.
  [[nodiscard]] std::string page_url(std::optional<std::int64_t> category_id, int per_page,
                                     int page) const;
};

//! Parses the API URL a user gives into a posts endpoint. Accepted forms:
//!  - a site root, "https://site" or "https://site/blog/", which gets "/wp-json/wp/v2/posts";
//!  - a posts endpoint, "https://site/wp-json/wp/v2/posts", with or without a query such as
//!    "?categories=213";
//!  - the form for sites without pretty permalinks, "https://site/?rest_route=/wp/v2/posts".
//! A fragment is dropped, and per_page and page parameters are dropped because paging sets them.
//! Returns Error::invalid_input when the URL is not http(s) or has no host.
[[nodiscard]] Result<PostsEndpoint> parse_posts_endpoint(std::string_view api_url);

}  // namespace wodetl
