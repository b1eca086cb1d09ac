#pragma once
// Stand-in for the WordPress REST API posts listing, modelled on WP_REST_Posts_Controller, served
// on 127.0.0.1 for tests. Its posts are made-up workout programs built by workout_post().

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
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

//! Response that replaces the normal response to the next posts requests.
struct Fault {
  int status = 503;
  int times = 1;            //!< number of requests it responds to; -1 for every request
  std::string retry_after;  //!< Retry-After header value; empty sends none
  std::string body =
      R"({"code":"standin_fault","message":"Fault injected by the test.","data":{"status":503}})";
  std::string content_type = "application/json; charset=UTF-8";
};

//! Builds a WordPress post object with the fields the REST API returns, for a made-up
//! weightlifting program. `number` picks the date (one week apart from 2023-01-02), the slug
//! ("weightlifting-program-<number>") and small changes in the workout text.
[[nodiscard]] Json workout_post(std::int64_t id, int number);

//! HTTP server on 127.0.0.1 that responds like the WordPress REST API:
//!  - GET /wp-json/wp/v2/posts and GET /?rest_route=/wp/v2/posts with `categories` (comma
//!    list), `per_page` (default 10, 1 to 100) and `page` (default 1);
//!  - headers X-WP-Total and X-WP-TotalPages;
//!  - a page past the end: 400 rest_post_invalid_page_number; a bad per_page or page: 400
//!    rest_invalid_param; an unknown or empty category: 200 [] with X-WP-Total 0;
//!  - with require_basic_auth(), a missing or wrong Authorization: 401 rest_not_logged_in.
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
  void add_post(Json post, std::vector<std::int64_t> categories);
  //! Adds workout_post(first_id + i, i + 1) for i in 0 to count - 1, all in `category`.
  void add_workout_posts(int count, std::int64_t category, std::int64_t first_id = 1000);

  void require_basic_auth(std::string user, std::string password);
  //! Queues a fault. Queued faults respond to requests in the order they were added.
  void add_fault(Fault fault);
  //! Holds every posts response for `delay` before sending it.
  void set_response_delay(std::chrono::milliseconds delay);
  //! Sends `pages` as X-WP-TotalPages in place of the real number.
  void set_reported_total_pages(int pages);

  [[nodiscard]] std::vector<RecordedRequest> requests() const;

 private:
  struct StoredPost {
    Json post;
    std::vector<std::int64_t> categories;
  };

  void serve_posts(const httplib::Request& request, httplib::Response& response);
  //! Returns false when the server is shutting down.
  bool wait_for_delay();

  mutable std::mutex mutex_;
  std::condition_variable stop_signal_;
  bool stopping_ = false;
  std::vector<StoredPost> posts_;
  std::deque<Fault> faults_;
  std::optional<std::string> expected_authorization_;
  std::chrono::milliseconds delay_{0};
  std::optional<int> reported_total_pages_;
  std::vector<RecordedRequest> requests_;
  std::unique_ptr<LocalHttpServer> server_;  // last, so it stops before the state above goes
};

}  // namespace wodetl::testing
