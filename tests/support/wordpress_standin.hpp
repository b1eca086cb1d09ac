#pragma once
// Stand-in for the WordPress REST API, modelled on WP_REST_Posts_Controller and
// WP_REST_Terms_Controller of WordPress 6.1, served on 127.0.0.1 for tests. Its posts are
// made-up workout programs built by workout_post(). It shows the faults a real WordPress cannot
// be made to show on demand: 429 with Retry-After, 503, dropped connections, cut-off bodies,
// slow responses, login pages and 403 pages of security plugins.

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/json_codec.hpp"
#include "support/local_http_server.hpp"

namespace wodetl::testing {

//! A request as the stand-in received it.
struct RecordedRequest {
  std::string path;
  httplib::Params params;    //!< decoded query parameters
  httplib::Headers headers;  //!< request headers; names compare case-insensitively

  //! Returns the first value of the query parameter, or "" when absent.
  [[nodiscard]] std::string param(const std::string& key) const;
  //! Returns the first value of the header, or "" when absent.
  [[nodiscard]] std::string header(const std::string& name) const;
};

//! How a fault answers.
enum class FaultKind {
  kResponse,           //!< a complete response with the fault's status, body and content type
  kCutBody,            //!< sends Content-Length of the whole body, half the body, then closes
  kCutCloseDelimited,  //!< sends half the body without Content-Length, ending it by closing;
                       //!< the HTTP exchange looks complete, the JSON does not
};

//! Response that replaces the normal response to the next posts requests (the listing and
//! single posts).
struct Fault {
  int status = 503;
  int times = 1;            //!< number of requests it responds to; -1 for every request
  std::string retry_after;  //!< Retry-After header value; empty sends none
  std::string body =
      R"({"code":"standin_fault","message":"Fault injected by the test.","data":{"status":503}})";
  std::string content_type = "application/json; charset=UTF-8";
  FaultKind kind = FaultKind::kResponse;
};

//! A login page as WordPress's wp-login.php sends it, for faults.
[[nodiscard]] std::string login_page_html();
//! A 403 page as a security plugin sends it, for faults.
[[nodiscard]] std::string blocked_page_html();

//! Builds a WordPress post object with the fields the REST API returns, for a made-up
//! weightlifting program. `number` picks the date (one week apart from 2023-01-02), the slug
//! ("weightlifting-program-<number>") and small changes in the workout text. modified_gmt is
//! five minutes after date_gmt.
[[nodiscard]] Json workout_post(std::int64_t id, int number);

//! HTTP server on 127.0.0.1 that responds like the WordPress REST API. The site's time zone is
//! UTC-5, so `date` and `modified` are five hours behind `date_gmt` and `modified_gmt`.
//!  - GET /wp-json/wp/v2/posts and GET /?rest_route=/wp/v2/posts list posts with status
//!    "publish", filtered by `categories` and `tags` (comma lists), `after`/`before` (date) and
//!    `modified_after`/`modified_before` (ISO 8601; without an offset in the site's time zone),
//!    ordered by `orderby` (date, modified, id; default date) and `order` (asc, desc; default
//!    desc), paged by `per_page` (default 10, 1 to 100) and `page` (default 1), or by `offset`,
//!    which replaces page;
//!  - headers X-WP-Total and X-WP-TotalPages;
//!  - a page past the end: 400 rest_post_invalid_page_number; a bad parameter: 400
//!    rest_invalid_param; an unknown or empty category: 200 [] with X-WP-Total 0;
//!  - `include` (comma list of ids) keeps only those posts, and `_fields` keeps only the named
//!    top-level members of each post;
//!  - GET …/wp/v2/posts/ID returns one post: 404 rest_post_invalid_id for an unknown id, and
//!    401 rest_forbidden for a post that is not published, unless the request carries the
//!    credentials of require_basic_auth();
//!  - GET …/wp/v2/categories and …/wp/v2/tags with `slug` list the terms added with add_term;
//!  - GET …/wp/v2/categories/ID and …/wp/v2/tags/ID return the term for every id except those
//!    removed with delete_term, which get 404 rest_term_invalid. These requests are recorded in
//!    term_requests(), not in requests(), so that request counts of the listing stay as they are;
//!  - GET …/wp/v2/users/me returns the user for valid credentials, else 401;
//!  - with require_basic_auth(), a missing or wrong Authorization: 401 rest_not_logged_in, or
//!    401 incorrect_password for a known user with a wrong password.
//! Every request is recorded. Thread-safe: tests configure it while the server runs.
class WordPressStandin {
 public:
  WordPressStandin();
  //! Ends a pending response delay, then stops the server.
  ~WordPressStandin();

  WordPressStandin(const WordPressStandin&) = delete;
  WordPressStandin& operator=(const WordPressStandin&) = delete;

  //! Returns "http://127.0.0.1:PORT".
  [[nodiscard]] std::string root_url() const;
  //! Returns root_url() + "/wp-json/wp/v2/posts".
  [[nodiscard]] std::string posts_url() const;
  //! Returns root_url() + "/?rest_route=/wp/v2/posts".
  [[nodiscard]] std::string rest_route_url() const;

  //! Serves `post` as given, in the listing after the posts added before it.
  void add_post(Json post, std::vector<std::int64_t> categories,
                std::vector<std::int64_t> tags = {});
  //! Adds workout_post(first_id + i, i + 1) for i in 0 to count - 1, all in `category`.
  void add_workout_posts(int count, std::int64_t category, std::int64_t first_id = 1000);
  //! Changes the stored post with `id` by `edit` (e.g. its content, modified_gmt, status or
  //! categories), as an edit in WordPress does; returns false when there is no such post. The
  //! listing filters by the post's "categories" and "tags" after the edit.
  bool edit_post(std::int64_t id, const std::function<void(Json&)>& edit);
  //! Removes the post with `id`, as moving it to the trash does.
  bool remove_post(std::int64_t id);
  //! Adds a category or tag ("category" or "tag") for the terms routes.
  void add_term(const std::string& taxonomy, std::int64_t id, const std::string& slug,
                const std::string& name);

  //! Makes GET …/categories/ID (or …/tags/ID, with "tag") return 404 rest_term_invalid for `id`.
  void delete_term(const std::string& taxonomy, std::int64_t id);
  //! Returns the recorded requests for one category or tag by id.
  [[nodiscard]] std::vector<RecordedRequest> term_requests() const;

  //! Makes the site check basic authentication: on every route, or with `public_posts` only on
  //! users/me, as WordPress does, which ignores a wrong password when listing public posts.
  void require_basic_auth(std::string user, std::string password, bool public_posts = false);
  //! Answers users/me with 404 rest_no_route, as sites that hide their users do.
  void hide_users_route();
  //! Queues a fault. Queued faults respond to requests in the order they were added.
  void add_fault(Fault fault);
  //! Holds every posts response for `delay` before sending it.
  void set_response_delay(std::chrono::milliseconds delay);
  //! Sends `pages` as X-WP-TotalPages in place of the real number.
  void set_reported_total_pages(int pages);
  //! Makes the site ignore modified_after, modified_before, after and before, as WordPress
  //! before 5.7 ignores modified_after.
  void ignore_date_filters();
  //! Closes the next `count` connections unread.
  void drop_next_connections(int count);
  [[nodiscard]] int dropped_connections() const;

  [[nodiscard]] std::vector<RecordedRequest> requests() const;
  //! Returns the recorded requests for the posts listing only.
  [[nodiscard]] std::vector<RecordedRequest> posts_requests() const;

 private:
  struct StoredPost {
    Json post;
    std::vector<std::int64_t> categories;
    std::vector<std::int64_t> tags;
  };
  struct StoredTerm {
    std::string taxonomy;
    std::int64_t id;
    std::string slug;
    std::string name;
  };

  void serve_posts(const httplib::Request& request, httplib::Response& response);
  void serve_post(const std::string& id_text, const httplib::Request& request,
                  httplib::Response& response);
  void serve_term(const std::string& taxonomy, const std::string& id_text,
                  const httplib::Request& request, httplib::Response& response);
  void serve_terms(const std::string& taxonomy, const httplib::Request& request,
                   httplib::Response& response);
  void serve_current_user(const httplib::Request& request, httplib::Response& response);
  //! Answers with the next queued fault; returns false when none is queued.
  bool serve_fault(httplib::Response& response);
  //! Returns false when the request lacks the required authorization; then sets the 401.
  bool check_authorization(const httplib::Request& request, httplib::Response& response);
  //! Returns false when the server is shutting down.
  bool wait_for_delay();

  mutable std::mutex mutex_;
  std::condition_variable stop_signal_;
  bool stopping_ = false;
  std::vector<StoredPost> posts_;
  std::vector<StoredTerm> terms_;
  std::deque<Fault> faults_;
  std::optional<std::string> expected_user_;
  std::optional<std::string> expected_authorization_;
  bool public_posts_ = false;
  bool users_hidden_ = false;
  std::chrono::milliseconds delay_{0};
  std::optional<int> reported_total_pages_;
  bool ignore_date_filters_ = false;
  std::vector<RecordedRequest> requests_;
  std::vector<RecordedRequest> term_requests_;
  std::set<std::pair<std::string, std::int64_t>> deleted_terms_;
  std::unique_ptr<LocalHttpServer> server_;  // last, so it stops before the state above goes
};

}  // namespace wodetl::testing
