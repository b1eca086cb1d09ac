#pragma once
// URLs of the WordPress REST API posts listing (GET /wp/v2/posts).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace wodetl {

//! Parameters of one request for the posts listing. Unset members are not sent.
struct ListingQuery {
  std::optional<std::int64_t> category_id;  //!< categories=ID, unless the URL sets categories
  std::optional<std::int64_t> tag_id;       //!< tags=ID, unless the URL sets tags
  int per_page = 100;
  std::optional<int> page;             //!< 1-based page number
  std::optional<std::int64_t> offset;  //!< items to skip; WordPress then ignores page
  std::string orderby;                 //!< "modified", "date", "id"; empty for the site default
  std::string order;                   //!< "asc" or "desc"; empty for the site default
  std::optional<std::string> modified_after;   //!< ISO 8601 timestamp, sent percent-encoded
  std::optional<std::string> after;            //!< ISO 8601 timestamp, sent percent-encoded
  std::optional<std::string> modified_before;  //!< ISO 8601 timestamp, sent percent-encoded
  std::optional<std::string> before;           //!< ISO 8601 timestamp, sent percent-encoded
  std::string include;  //!< include=: comma list of post ids to keep; empty sends none
  std::string fields;   //!< _fields=: comma list of the post members to return; empty for all
};

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

  //! Returns the URL of one listing request: the URL's own parameters, then categories and tags
  //! (unless the URL sets them), orderby, order, modified_after, after, modified_before, before,
  //! include, _fields, per_page, and offset or page. A parameter of the URL that the query also
  //! sets is replaced by the query's value.
  [[nodiscard]] std::string listing_url(const ListingQuery& query) const;

  //! Returns the URL of another collection of the same site's wp/v2 API, e.g. route
  //! "categories" with parameters {"slug=weightlifting"} gives
  //! "https://site/wp-json/wp/v2/categories?slug=weightlifting". The posts URL's own parameters
  //! other than rest_route are not carried over.
  [[nodiscard]] std::string collection_url(std::string_view route,
                                           const std::vector<std::string>& parameters) const;
};

//! Percent-encodes every byte outside RFC 3986's unreserved set (letters, digits, "-._~"), so
//! "2024-01-01T00:00:00Z" becomes "2024-01-01T00%3A00%3A00Z".
[[nodiscard]] std::string percent_encode(std::string_view text);

//! Parses the API URL a user gives into a posts endpoint. Accepted forms:
//!  - a site root, "https://site" or "https://site/blog/", which gets "/wp-json/wp/v2/posts";
//!  - a posts endpoint, "https://site/wp-json/wp/v2/posts", with or without a query such as
//!    "?categories=213";
//!  - the form for sites without pretty permalinks, "https://site/?rest_route=/wp/v2/posts".
//! A fragment is dropped, and per_page and page parameters are dropped because paging sets them.
//! Returns Error::invalid_input when the URL is not http(s) or has no host.
[[nodiscard]] Result<PostsEndpoint> parse_posts_endpoint(std::string_view api_url);

}  // namespace wodetl
