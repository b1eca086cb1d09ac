#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "extract/http_client.hpp"
#include "extract/post_source.hpp"
#include "extract/wordpress_endpoint.hpp"

namespace wodetl {

//! Settings of a WordPressSource; WordPressSource::create validates them.
struct WordPressConfig {
  std::string api_url;  //!< site root, posts endpoint, or "…/?rest_route=/wp/v2/posts"; see
                        //!< parse_posts_endpoint
  std::optional<std::int64_t>
      category_id;          //!< sent as categories=ID unless api_url already has categories=
  int per_page = 100;       //!< 1 to 100, the range the WordPress REST API accepts
  std::optional<int> page;  //!< fetch only this page (1-based) in place of every page
  std::optional<BasicAuth> auth;
  std::chrono::milliseconds min_request_interval{
      500};  //!< minimum time between the starts of two page requests
  std::chrono::milliseconds connect_timeout{10000};
  std::chrono::milliseconds total_timeout{60000};  //!< limit for one attempt at one page
  int max_pages = 10000;  //!< guard against a site that never reports its last page
  HttpClientOptions http;
};

//! One page of the posts listing.
struct WordPressPage {
  int page = 0;
  std::string url;  //!< request URL, without userinfo
  PostBatch posts;
  std::optional<std::int64_t> total;  //!< X-WP-Total: posts in the whole listing
  std::optional<int> total_pages;     //!< X-WP-TotalPages
  bool past_last_page = false;        //!< the site answered 400 rest_post_invalid_page_number
};

//! Listing totals the site reported, as of the last page read.
struct WordPressTotals {
  std::optional<std::int64_t> total;  //!< X-WP-Total
  std::optional<int> total_pages;     //!< X-WP-TotalPages
  int pages_fetched = 0;              //!< pages that delivered a batch
};

//! Posts read from the WordPress REST API, one batch per page.
//!
//! fetch() reads page 1, 2, … until the page number X-WP-TotalPages reports. Without that
//! header it stops at the first page with fewer than per_page posts. A 400 with code
//! rest_post_invalid_page_number (a page past the end) ends the listing normally, and so does
//! an empty category (200 with []). Any other HTTP error status, or a body that is not JSON,
//! ends the listing with an Error naming the request URL. Not thread-safe: one fetch at a time.
class WordPressSource : public PostSource {
 public:
  //! Validates `config` and returns the source, or an Error::invalid_input naming the setting.
  [[nodiscard]] static Result<std::unique_ptr<WordPressSource>> create(WordPressConfig config);

  Status fetch(const std::function<void(PostBatch&&)>& on_batch) override;

  //! Returns e.g. "WordPress https://site/wp-json/wp/v2/posts category 213".
  [[nodiscard]] std::string describe() const override;

  //! Fetches one page. A page past the end gives a WordPressPage with past_last_page set and no
  //! posts. Waits first when the previous request started less than min_request_interval ago.
  [[nodiscard]] Result<WordPressPage> fetch_page(int page);

  //! Returns the request URL of `page` as configured, including userinfo if api_url has one.
  [[nodiscard]] std::string page_url(int page) const;

  [[nodiscard]] const WordPressTotals& totals() const { return totals_; }
  [[nodiscard]] const WordPressConfig& config() const { return config_; }

 private:
  WordPressSource(WordPressConfig config, PostsEndpoint endpoint);
  void wait_for_request_slot();

  WordPressConfig config_;
  PostsEndpoint endpoint_;
  HttpClient client_;
  WordPressTotals totals_;
  std::optional<std::chrono::steady_clock::time_point> last_request_start_;
};

}  // namespace wodetl
