#pragma once
// A real WordPress 6.1 (Debian 12's `wordpress` package with MariaDB and php-cli) on 127.0.0.1,
// for tests of wodetl against the real REST API.
//
// One site serves the whole test run. CTest starts it before the first test whose name starts
// with "RealWordPress" and stops it after the last one (the fixture RealWordPress in
// tests/CMakeLists.txt runs tests/support/wordpress/start.sh and stop.sh). start.sh writes an env
// file that RealWordPress::open reads: build/real-wordpress/env, or the file named by the
// environment variable WODETL_REAL_WORDPRESS_ENV.
//
// Writing a test:
//   class RealWordPressSyncTest : public testing::RealWordPressTest {};  // name: RealWordPress*
//
//   TEST_F(RealWordPressSyncTest, FirstSyncStoresEveryPost) {
//     testing::RealWordPress& site = wordpress();
//     const testing::WordPressTerm category = site.create_category("Weightlifting");
//     std::vector<testing::NewPost> posts;  // e.g. weekly_program_post() from program_posts.hpp
//     ...
//     const std::vector<testing::SeededPost> seeded = site.insert_posts(posts);  // fast path
//     // run wodetl against site.url() with category.id, then check the store
//   }
//
// Isolation: tests share the site and run in parallel, so each test creates its own categories
// (create_category makes the name unique) and reads only those. Slugs are unique site-wide, so a
// post may get "-2", "-3", … appended to the slug of its title. The site also has WordPress's
// "Hello world!" post in category 1.
//
// Behaviour of this WordPress worth knowing:
//  - title.rendered and content.rendered are texturized ("5x5" becomes 5&#215;5, "--" &#8212;,
//    quotes &#8220; &#8221; &#8217;, "&" &#038;) and content goes through wpautop.
//  - A new post's modified_gmt equals its date_gmt; an update sets it to the current time, with
//    whole seconds. insert_posts and set_modified can set it to any time.
//  - A wrong application password is ignored on public routes: GET /wp/v2/posts returns 200 with
//    the published posts, as to an anonymous client. Routes that need a user return 401
//    rest_not_logged_in (e.g. GET /wp/v2/users/me).
//  - A page past the end returns 400 rest_post_invalid_page_number, and per_page above 100
//    returns 400 rest_invalid_param.
//
// Errors: every method throws std::runtime_error naming the request and WordPress's answer.

#include <gtest/gtest.h>
#include <httplib.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/json_codec.hpp"

namespace wodetl::testing {

//! Category or tag as WordPress stored it.
struct WordPressTerm {
  std::int64_t id = 0;
  std::string name;
  std::string slug;
};

//! Post to create, with the fields an author sets.
struct NewPost {
  std::string title;
  std::string content;  //!< HTML as typed in the editor; WordPress adds <p> and <br /> on output
  std::string status = "publish";        //!< publish, draft, pending, private or future
  std::vector<std::int64_t> categories;  //!< category ids; none puts the post in category 1
  std::vector<std::int64_t> tags;        //!< tag ids
  std::string date_gmt;      //!< "2023-01-02T09:00:00"; empty means now. A later date than now
                             //!< makes a published post "future", which the listing leaves out
  std::string slug;          //!< empty lets WordPress derive it from the title
  std::string modified_gmt;  //!< insert_posts only: empty leaves it equal to date_gmt
};

//! Fields to change in an existing post; unset fields keep their value.
struct PostChange {
  std::optional<std::string> title;
  std::optional<std::string> content;
  std::optional<std::string> status;
  std::optional<std::vector<std::int64_t>> categories;
};

//! Post as WordPress stored it.
struct SeededPost {
  std::int64_t id = 0;
  std::string slug;
  std::string link;
  std::string status;
  std::string date_gmt;      //!< "2023-01-02T09:00:00"
  std::string modified_gmt;  //!< "2023-01-02T09:00:00"
};

//! Response of a REST API request.
struct RestResponse {
  int status = 0;
  httplib::Headers headers;  //!< names compare case-insensitively
  std::string body;

  //! Returns the first value of the header, or "" when absent.
  [[nodiscard]] std::string header(const std::string& name) const;
  //! Parses the body; throws std::runtime_error when it is not JSON.
  [[nodiscard]] Json json() const;
};

//! Client of the running test site: seeds it through the REST API with the administrator's
//! application password, or through php-cli for many posts at once. Thread-safe: each request
//! uses its own connection.
class RealWordPress {
 public:
  //! Path of the env file: $WODETL_REAL_WORDPRESS_ENV when set, else build/real-wordpress/env.
  [[nodiscard]] static std::filesystem::path env_file_path();

  //! Reads the env file and checks that the site's php server still runs. Returns nullopt and
  //! sets `unavailable_reason` when there is no env file or the site has stopped.
  [[nodiscard]] static std::optional<RealWordPress> open(std::string& unavailable_reason);

  //! Site root, "http://127.0.0.1:PORT".
  [[nodiscard]] const std::string& url() const { return url_; }
  //! Returns url() + "/wp-json/wp/v2/posts", the posts endpoint.
  [[nodiscard]] std::string posts_url() const;
  //! Administrator's login name.
  [[nodiscard]] const std::string& user() const { return user_; }
  //! Administrator's application password, for basic authentication.
  [[nodiscard]] const std::string& application_password() const { return application_password_; }
  //! Returns a client of the same site that sends `password` in place of the application
  //! password, e.g. to see how WordPress handles a wrong one.
  [[nodiscard]] RealWordPress with_password(std::string password) const;

  //! Creates a category named `name` plus a random suffix, so that every call gets a new one.
  WordPressTerm create_category(const std::string& name);
  //! Creates a tag named `name` plus a random suffix.
  WordPressTerm create_tag(const std::string& name);

  //! Creates a post through POST /wp/v2/posts. Throws when post.modified_gmt is set, which the
  //! REST API cannot set; use insert_posts.
  SeededPost create_post(const NewPost& post);
  //! Changes a post through POST /wp/v2/posts/ID; WordPress sets modified_gmt to now.
  SeededPost update_post(std::int64_t id, const PostChange& change);
  //! Deletes a post for good (force=true) or moves it to the trash.
  void delete_post(std::int64_t id, bool force = true);
  //! Returns every post of the category with the status (e.g. "publish", "draft", "any"), as the
  //! REST API returns them with context=edit (so with title.raw and content.raw), newest first.
  [[nodiscard]] std::vector<Json> list_posts(std::int64_t category,
                                             const std::string& status = "publish");

  //! Inserts posts with wp_insert_post in one php-cli process (about 2 s for 120 posts, against
  //! about 0.1 s per post through the REST API). Returns them in the order given.
  std::vector<SeededPost> insert_posts(const std::vector<NewPost>& posts);
  //! Sets the modified time of existing posts, given as (id, "2023-01-02T09:00:00") pairs,
  //! without changing anything else.
  std::vector<SeededPost> set_modified(
      const std::vector<std::pair<std::int64_t, std::string>>& changes);

  //! Sends a REST API request: `route` as after /wp-json, e.g. "/wp/v2/posts?categories=5".
  //! `body`, unless null, is sent as JSON. Returns any HTTP status; throws when no response came.
  [[nodiscard]] RestResponse rest(const std::string& method, const std::string& route,
                                  const Json& body = nullptr, bool authenticate = true) const;

 private:
  RealWordPress() = default;
  //! Like rest(), but throws unless the status is `expected_status`.
  Json rest_expect(const std::string& method, const std::string& route, const Json& body,
                   int expected_status) const;
  WordPressTerm create_term(const std::string& taxonomy_route, const std::string& name);
  std::vector<SeededPost> run_seed_script(const std::string& command, const Json& input) const;

  std::string url_;
  std::string host_;
  int port_ = 0;
  std::string user_;
  std::string application_password_;
  std::string php_prepend_;
  std::filesystem::path tools_dir_;
};

//! Base of the tests that need the real WordPress. Name the derived fixture RealWordPress… so
//! that CTest starts the site for it. SetUp skips the test when no site runs, or fails it when
//! WODETL_REQUIRE_REAL_WORDPRESS=1 (as in CI). A derived SetUp calls RealWordPressTest::SetUp()
//! first and returns when IsSkipped() or HasFatalFailure().
class RealWordPressTest : public ::testing::Test {
 protected:
  void SetUp() override;

  //! The site; valid after SetUp() succeeded.
  RealWordPress& wordpress() { return *wordpress_; }

 private:
  std::optional<RealWordPress> wordpress_;
};

}  // namespace wodetl::testing
