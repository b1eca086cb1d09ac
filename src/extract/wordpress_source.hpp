#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/json_codec.hpp"
#include "extract/http_client.hpp"
#include "extract/listing_inventory.hpp"
#include "extract/listing_walker.hpp"
#include "extract/post_source.hpp"
#include "extract/request_gate.hpp"
#include "extract/wordpress_endpoint.hpp"
#include "extract/wordpress_terms.hpp"

namespace wodetl {

//! Hint of an authentication error when the caller gives none.
inline constexpr const char* kDefaultCredentialsHint =
    "Check the user name and the application password, and that the site allows REST API access";

//! Settings of a WordPressSource; WordPressSource::create validates them.
struct WordPressConfig {
  std::string api_url;  //!< site root, posts endpoint, or "…/?rest_route=/wp/v2/posts"; see
                        //!< parse_posts_endpoint
  std::optional<std::int64_t>
      category_id;            //!< sent as categories=ID unless api_url already has categories=
  std::string category_slug;  //!< looked up through wp/v2/categories when category_id is unset
  std::optional<std::int64_t> tag_id;  //!< sent as tags=ID unless api_url already has tags=
  std::string tag_slug;                //!< looked up through wp/v2/tags when tag_id is unset
  int per_page = 100;                  //!< 1 to 100, the range the WordPress REST API accepts
  std::optional<int> page;  //!< fetch only this page (1-based, site order) in place of a walk
  std::optional<BasicAuth> auth;
  //! Hint of an authentication error, e.g. naming where the credentials came from.
  std::string credentials_hint = kDefaultCredentialsHint;
  RequestLimits limits;  //!< rate and concurrency of the requests to the site
  std::chrono::milliseconds connect_timeout{10000};
  std::chrono::milliseconds total_timeout{60000};  //!< limit for one attempt at one page
  int max_pages = 10000;     //!< maximum requests of one walk: guard against a listing without end
  int max_restarts = 10;     //!< see WalkSettings::max_restarts
  AfterPageHook after_page;  //!< test hook; see AfterPageHook
  HttpClientOptions http;    //!< retries and test hooks; a gate is made from `limits` when unset
};

//! One page of the posts listing in the site's own order.
struct WordPressPage {
  int page = 0;
  std::string url;  //!< request URL, without userinfo
  PostBatch posts;
  std::optional<std::int64_t> total;  //!< X-WP-Total: posts in the whole listing
  std::optional<int> total_pages;     //!< X-WP-TotalPages
  bool past_last_page = false;        //!< the site answered 400 rest_post_invalid_page_number
};

//! Listing totals as of the last walk.
struct WordPressTotals {
  std::optional<std::int64_t> total;  //!< X-WP-Total of the first request
  int requests = 0;                   //!< listing requests sent
  int shifts = 0;                     //!< shifts the walks detected and recovered from
  bool filter_ignored = false;        //!< the site ignored modified_after/after; see WalkStats
};

//! Part of the listing that a walk reads.
struct ListingPlan {
  ListingKey key = ListingKey::kModified;
  std::optional<UtcSeconds> after;  //!< exclusive lower bound; none reads the whole listing
};

//! Posts read from the WordPress REST API.
//!
//! fetch() walks the whole listing ordered by modification time with a ListingWalker, so posts
//! published or edited meanwhile are neither lost nor delivered twice. walk() reads the part of
//! the listing after a bound. Before the first listing request, the credentials are checked and
//! a category or tag given by slug is looked up. An
//! empty listing (200 with []) is not an error. Any other HTTP error status, and a body that is
//! not the API's JSON, ends the walk with an Error naming the request URL (see
//! read_wordpress_json). Not thread-safe: one fetch or walk at a time.
class WordPressSource : public PostSource {
 public:
  //! Validates `config` and returns the source, or an Error::invalid_input naming the setting.
  [[nodiscard]] static Result<std::unique_ptr<WordPressSource>> create(WordPressConfig config);

  //! Delivers every post of the listing; with `page` set, only that page in the site's order.
  Status fetch(const std::function<void(PostBatch&&)>& on_batch) override;

  //! Reads the listing part that `plan` selects and calls `on_page` with the posts not in
  //! `seen`. Returns the walker's Error, or the Error of a failed category or tag lookup.
  Status walk(const ListingPlan& plan, SeenPosts& seen,
              const std::function<void(ListingPage&&)>& on_page);

  //! Returns e.g. "WordPress https://site/wp-json/wp/v2/posts category 213".
  [[nodiscard]] std::string describe() const override;

  //! Fetches one page in the site's default order (newest first). A page past the end gives a
  //! WordPressPage with past_last_page set and no posts.
  [[nodiscard]] Result<WordPressPage> fetch_page(int page);

  //! Returns the request URL of `page` in the site's order, including userinfo if api_url has
  //! one.
  [[nodiscard]] std::string page_url(int page) const;

  //! Checks the credentials, when there are any (see check_login), and looks up the category and
  //! tag given by slug. Later calls return the first result.
  Status prepare_listing();

  //! Prepares the listing (see prepare_listing) and returns the inventory of the whole listing,
  //! which sends its requests through this source's client. The source must outlive it.
  [[nodiscard]] Result<ListingInventory> inventory();

  [[nodiscard]] const WordPressTotals& totals() const { return totals_; }
  [[nodiscard]] const WordPressConfig& config() const { return config_; }

 private:
  WordPressSource(WordPressConfig config, PostsEndpoint endpoint);
  [[nodiscard]] HttpRequest request_for(std::string url) const;
  [[nodiscard]] Result<WindowResponse> fetch_window(const ListingPlan& plan,
                                                    const WindowRequest& window) const;
  [[nodiscard]] Result<Json> get_json(const std::string& url, HttpResponse* raw) const;

  WordPressConfig config_;
  PostsEndpoint endpoint_;
  HttpClient client_;
  WordPressTotals totals_;
  std::optional<Status> prepared_;
};

}  // namespace wodetl
