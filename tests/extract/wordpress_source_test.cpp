#include "extract/wordpress_source.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/version.hpp"
#include "support/wordpress_standin.hpp"

namespace wodetl {
namespace {

using std::chrono::milliseconds;

constexpr std::int64_t kCategory = 213;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

//! Settings for tests: no pause between requests, tiny retry waits, short time-outs.
WordPressConfig test_config(const std::string& api_url) {
  WordPressConfig config;
  config.api_url = api_url;
  config.category_id = kCategory;
  config.limits = RequestLimits{.requests_per_second = 0, .concurrency = 1};
  config.connect_timeout = milliseconds(2000);
  config.total_timeout = milliseconds(5000);
  config.http.retry = RetryPolicy{
      .max_retries = 2, .initial_backoff = milliseconds(1), .max_wait = milliseconds(50)};
  return config;
}

struct FetchOutcome {
  Status status = ok_status();
  std::vector<PostBatch> batches;

  //! Returns how often each post id was delivered.
  [[nodiscard]] std::map<std::int64_t, int> id_counts() const {
    std::map<std::int64_t, int> counts;
    for (const PostBatch& batch : batches) {
      for (const Result<Post>& post : batch) {
        if (post.ok()) {
          ++counts[post->id];
        }
      }
    }
    return counts;
  }

  [[nodiscard]] std::size_t post_count() const {
    std::size_t count = 0;
    for (const PostBatch& batch : batches) {
      count += batch.size();
    }
    return count;
  }
};

void expect_each_id_once(const FetchOutcome& outcome, std::int64_t first, std::int64_t last) {
  const std::map<std::int64_t, int> counts = outcome.id_counts();
  for (std::int64_t id = first; id <= last; ++id) {
    auto found = counts.find(id);
    ASSERT_NE(found, counts.end()) << "post " << id << " was lost";
    EXPECT_EQ(found->second, 1) << "post " << id << " was delivered " << found->second << " times";
  }
}

//! Fixture with a stand-in site; each test creates one source of it and reads it.
class WordPressSourceTest : public ::testing::Test {
 protected:
  //! test_config for the stand-in's posts URL.
  WordPressConfig default_config() const { return test_config(site_.posts_url()); }

  //! Creates source_ from `settings`, or from default_config() when none are given; fails the
  //! test when the settings are rejected.
  WordPressSource* create(const std::optional<WordPressConfig>& settings = std::nullopt) {
    Result<std::unique_ptr<WordPressSource>> created =
        WordPressSource::create(settings.value_or(default_config()));
    if (!created.ok()) {
      ADD_FAILURE() << created.error().to_string();
      return nullptr;
    }
    source_ = std::move(created).value();
    return source_.get();
  }

  //! Creates the source (see create) and fetches every post.
  FetchOutcome fetch(const std::optional<WordPressConfig>& settings = std::nullopt) {
    FetchOutcome outcome;
    if (create(settings) == nullptr) {
      outcome.status = Error::internal("the test's settings were rejected");
      return outcome;
    }
    outcome.status = source_->fetch(
        [&outcome](PostBatch&& batch) { outcome.batches.push_back(std::move(batch)); });
    return outcome;
  }

  //! Fetches as fetch() does and returns the Error that ended the listing; fails the test when
  //! the fetch succeeded. `outcome`, when given, receives what was fetched.
  Error fetch_error(const std::optional<WordPressConfig>& settings = std::nullopt,
                    FetchOutcome* outcome = nullptr) {
    FetchOutcome fetched = fetch(settings);
    if (fetched.status.ok()) {
      ADD_FAILURE() << "the fetch succeeded with " << fetched.post_count() << " posts";
      return Error::internal("no error");
    }
    Error error = fetched.status.error();
    if (outcome != nullptr) {
      *outcome = std::move(fetched);
    }
    return error;
  }

  //! Creates the source from default_config() and walks the part of the listing `plan` selects.
  FetchOutcome walk(const ListingPlan& plan) {
    FetchOutcome outcome;
    if (create() == nullptr) {
      outcome.status = Error::internal("the test's settings were rejected");
      return outcome;
    }
    SeenPosts seen;
    outcome.status = source_->walk(plan, seen, [&outcome](ListingPage&& page) {
      outcome.batches.push_back(std::move(page.posts));
    });
    return outcome;
  }

  testing::WordPressStandin site_;
  std::unique_ptr<WordPressSource> source_;  //!< the source of the last create or fetch
};

TEST_F(WordPressSourceTest, ReadsEveryPostOnce) {
  site_.add_workout_posts(230, kCategory, 1000);
  site_.add_workout_posts(5, 99, 5000);

  FetchOutcome outcome = fetch();

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  EXPECT_EQ(outcome.post_count(), 230u);
  expect_each_id_once(outcome, 1000, 1229);

  // Oldest first by modification time; each request after the first starts one second before
  // the last post read, so pages overlap by that post.
  std::vector<testing::RecordedRequest> requests = site_.requests();
  ASSERT_EQ(requests.size(), 3u);
  for (const testing::RecordedRequest& request : requests) {
    EXPECT_EQ(request.path, "/wp-json/wp/v2/posts");
    EXPECT_EQ(request.param("orderby"), "modified");
    EXPECT_EQ(request.param("order"), "asc");
    EXPECT_EQ(request.param("page"), "1");
    EXPECT_EQ(request.param("per_page"), "100");
    EXPECT_EQ(request.param("categories"), "213");
  }
  EXPECT_EQ(requests[0].param("modified_after"), "");
  // Post 1099 is week 100: 2023-01-02 + 99 weeks, modified at 22:05:00 UTC.
  EXPECT_EQ(requests[1].param("modified_after"), "2024-11-25T22:04:59Z");
  EXPECT_EQ(source_->totals().total, 230);
  EXPECT_EQ(source_->totals().requests, 3);
}

TEST_F(WordPressSourceTest, PostOriginIsRequestUrl) {
  site_.add_workout_posts(1, kCategory);

  FetchOutcome outcome = fetch();

  ASSERT_TRUE(outcome.status.ok());
  ASSERT_EQ(outcome.batches.size(), 1u);
  ASSERT_TRUE(outcome.batches[0][0].ok());
  EXPECT_EQ(outcome.batches[0][0]->origin,
            site_.posts_url() + "?categories=213&orderby=modified&order=asc&per_page=100&page=1");
}

TEST_F(WordPressSourceTest, ConfiguredPagePastEndIsEmpty) {
  site_.add_workout_posts(150, kCategory);
  WordPressConfig config = default_config();
  config.page = 3;

  FetchOutcome outcome = fetch(config);

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  EXPECT_EQ(outcome.post_count(), 0u);
  EXPECT_EQ(site_.requests().size(), 1u);
}

TEST_F(WordPressSourceTest, EmptyCategoryGivesNoPosts) {
  site_.add_workout_posts(20, kCategory);
  WordPressConfig config = default_config();
  config.category_id = 4242;

  FetchOutcome outcome = fetch(config);

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  std::size_t posts = 0;
  for (const PostBatch& batch : outcome.batches) {
    posts += batch.size();
  }
  EXPECT_EQ(posts, 0u);
  EXPECT_EQ(site_.requests().size(), 1u);
  EXPECT_EQ(source_->totals().total, 0);
}

TEST_F(WordPressSourceTest, RejectsPerPageOutOfRange) {
  for (int per_page : {0, 101}) {
    WordPressConfig config = test_config("http://127.0.0.1:9/wp-json/wp/v2/posts");
    config.per_page = per_page;

    Result<std::unique_ptr<WordPressSource>> source = WordPressSource::create(config);

    ASSERT_FALSE(source.ok()) << per_page;
    EXPECT_EQ(source.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(source.error().message,
              "per_page must be between 1 and 100, got " + std::to_string(per_page));
  }
}

TEST_F(WordPressSourceTest, RejectsInvalidSettings) {
  WordPressConfig zero_page = test_config("http://127.0.0.1:9");
  zero_page.page = 0;
  WordPressConfig zero_category = test_config("http://127.0.0.1:9");
  zero_category.category_id = 0;
  WordPressConfig bad_url = test_config("127.0.0.1:9/wp-json/wp/v2/posts");
  WordPressConfig empty_user = test_config("http://127.0.0.1:9");
  empty_user.auth = BasicAuth{"", "pass"};

  for (const WordPressConfig& config : {zero_page, zero_category, bad_url, empty_user}) {
    Result<std::unique_ptr<WordPressSource>> source = WordPressSource::create(config);

    ASSERT_FALSE(source.ok());
    EXPECT_EQ(source.error().code, ErrorCode::kInvalidInput);
  }
}

TEST_F(WordPressSourceTest, SendsUserAgent) {
  site_.add_workout_posts(1, kCategory);

  FetchOutcome outcome = fetch();

  ASSERT_TRUE(outcome.status.ok());
  ASSERT_EQ(site_.requests().size(), 1u);
  const std::string agent = site_.requests()[0].header("User-Agent");
  EXPECT_EQ(agent, kUserAgent);
  EXPECT_TRUE(contains(agent, std::string("wodetl/") + kVersion)) << agent;
}

TEST_F(WordPressSourceTest, SendsBasicAuth) {
  site_.add_workout_posts(3, kCategory);
  site_.require_basic_auth("coach", "barbell-pass-77");
  WordPressConfig config = default_config();
  config.auth = BasicAuth{"coach", "barbell-pass-77"};

  FetchOutcome outcome = fetch(config);

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  ASSERT_EQ(outcome.batches.size(), 1u);
  EXPECT_EQ(outcome.batches[0].size(), 3u);
  EXPECT_TRUE(site_.requests()[0].header("Authorization").starts_with("Basic "));
}

TEST_F(WordPressSourceTest, WrongPasswordErrorHidesPassword) {
  site_.add_workout_posts(3, kCategory);
  site_.require_basic_auth("coach", "barbell-pass-77");
  WordPressConfig config = default_config();
  config.auth = BasicAuth{"coach", "wrong-pass-12"};
  config.credentials_hint = "Check INVICTUS_USER and INVICTUS_PASS";

  FetchOutcome outcome;
  const Error error = fetch_error(config, &outcome);

  EXPECT_EQ(error.code, ErrorCode::kHttpStatus);
  EXPECT_TRUE(contains(error.message, "authentication failed")) << error.message;
  EXPECT_TRUE(contains(error.message, "HTTP 401")) << error.message;
  EXPECT_TRUE(contains(error.message, "incorrect_password")) << error.message;
  EXPECT_EQ(error.hint, "Check INVICTUS_USER and INVICTUS_PASS");
  EXPECT_FALSE(contains(error.to_string(), "wrong-pass-12")) << error.to_string();
  EXPECT_FALSE(contains(error.to_string(), "Basic ")) << error.to_string();
  EXPECT_TRUE(outcome.batches.empty());
}

TEST_F(WordPressSourceTest, WrongPasswordCaughtOnPublicSite) {
  site_.add_workout_posts(3, kCategory);
  site_.require_basic_auth("coach", "barbell-pass-77", /*public_posts=*/true);
  WordPressConfig config = default_config();
  config.auth = BasicAuth{"coach", "wrong-pass-12"};

  FetchOutcome outcome;
  const Error error = fetch_error(config, &outcome);

  EXPECT_TRUE(contains(error.message, "authentication failed: the site answered HTTP 401"))
      << error.message;
  EXPECT_TRUE(contains(error.post.url, "/wp-json/wp/v2/users/me")) << error.post.url;
  EXPECT_TRUE(outcome.batches.empty());
  EXPECT_TRUE(site_.posts_requests().empty());
}

TEST_F(WordPressSourceTest, HiddenUsersRouteSkipsCheck) {
  site_.add_workout_posts(3, kCategory);
  site_.hide_users_route();
  WordPressConfig config = default_config();
  config.auth = BasicAuth{"coach", "barbell-pass-77"};

  FetchOutcome outcome = fetch(config);

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  EXPECT_EQ(outcome.post_count(), 3u);
}

TEST_F(WordPressSourceTest, RetriesAfterServiceUnavailable) {
  site_.add_workout_posts(4, kCategory);
  site_.add_fault(testing::Fault{.status = 503, .times = 1, .retry_after = "0"});

  FetchOutcome outcome = fetch();

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  ASSERT_EQ(outcome.batches.size(), 1u);
  EXPECT_EQ(outcome.batches[0].size(), 4u);
  EXPECT_EQ(site_.requests().size(), 2u);
}

TEST_F(WordPressSourceTest, ServerErrorFailsAfterRetries) {
  site_.add_workout_posts(4, kCategory);
  site_.add_fault(testing::Fault{.status = 500, .times = -1});

  FetchOutcome outcome;
  const Error error = fetch_error(std::nullopt, &outcome);

  EXPECT_EQ(error.code, ErrorCode::kHttpStatus);
  EXPECT_TRUE(contains(error.message, "HTTP status 500")) << error.message;
  EXPECT_TRUE(contains(error.message, "standin_fault")) << error.message;
  EXPECT_TRUE(contains(error.message, "after 3 attempts")) << error.message;
  EXPECT_TRUE(contains(error.post.url, site_.posts_url())) << error.post.url;
  EXPECT_EQ(site_.requests().size(), 3u);
  EXPECT_TRUE(outcome.batches.empty());
}

TEST_F(WordPressSourceTest, ForbiddenJsonIsAuthenticationError) {
  site_.add_fault(testing::Fault{
      .status = 403,
      .times = 1,
      .body =
          R"({"code":"rest_forbidden","message":"Sorry, you are not allowed to do that.","data":{"status":403}})"});

  const Error error = fetch_error();

  EXPECT_TRUE(contains(error.message,
                       "authentication failed: the site answered HTTP 403 (rest_forbidden: "
                       "Sorry, you are not allowed to do that.)"))
      << error.message;
}

TEST_F(WordPressSourceTest, ChecksCategoryIdBeforeListing) {
  site_.add_workout_posts(3, kCategory, 1000);

  FetchOutcome outcome = fetch();

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  const std::vector<testing::RecordedRequest> checks = site_.term_requests();
  ASSERT_EQ(checks.size(), 1U);
  EXPECT_EQ(checks[0].path, "/wp-json/wp/v2/categories/213");
}

TEST_F(WordPressSourceTest, UnknownCategoryIdFailsBeforeListing) {
  site_.add_workout_posts(3, kCategory, 1000);
  site_.delete_term("category", kCategory);

  const Error error = fetch_error();

  EXPECT_EQ(error.code, ErrorCode::kNotFound);
  EXPECT_TRUE(contains(error.message, "the site has no category with the id 213")) << error.message;
  EXPECT_TRUE(site_.posts_requests().empty());
}

TEST_F(WordPressSourceTest, LoginPageIsClearError) {
  site_.add_fault(testing::Fault{.status = 200,
                                 .times = -1,
                                 .body = testing::login_page_html(),
                                 .content_type = "text/html; charset=UTF-8"});

  const Error error = fetch_error();

  EXPECT_EQ(error.code, ErrorCode::kInvalidInput);
  EXPECT_TRUE(contains(error.message,
                       "the site returned its login page instead of JSON (HTTP 200, content type "
                       "text/html; charset=UTF-8): <!DOCTYPE html> <html lang=\"en-US\"> <head> "
                       "<title>Log In"))
      << error.message;
  EXPECT_FALSE(contains(error.message, "\n")) << error.message;
  EXPECT_LT(error.message.size(), 250u) << error.message;
  EXPECT_TRUE(contains(error.hint, "application password")) << error.hint;
  EXPECT_TRUE(contains(error.post.url, site_.posts_url())) << error.post.url;
}

TEST_F(WordPressSourceTest, HtmlBodyIsNotJson) {
  site_.add_fault(testing::Fault{.status = 200,
                                 .times = -1,
                                 .body = "<html><body><h1>Stand-in blog</h1></body></html>",
                                 .content_type = "text/html"});

  const Error error = fetch_error();

  EXPECT_EQ(error.message,
            "the site returned HTML, not JSON (HTTP 200, content type text/html): <html><body>"
            "<h1>Stand-in blog</h1></body></html>");
}

TEST_F(WordPressSourceTest, SecurityPluginPageIsClearError) {
  site_.add_fault(testing::Fault{.status = 403,
                                 .times = -1,
                                 .body = testing::blocked_page_html(),
                                 .content_type = "text/html; charset=UTF-8"});

  const Error error = fetch_error();

  EXPECT_EQ(error.code, ErrorCode::kHttpStatus);
  EXPECT_TRUE(contains(error.message,
                       "the site refused the request with an HTML page (HTTP 403, content type "
                       "text/html; charset=UTF-8), page title 'Access Denied': <!DOCTYPE html>"))
      << error.message;
  EXPECT_TRUE(contains(error.hint, "security plugin or firewall")) << error.hint;
  EXPECT_TRUE(contains(error.post.url, site_.posts_url())) << error.post.url;
  // A 403 is not retried.
  EXPECT_EQ(site_.requests().size(), 1u);
}

TEST_F(WordPressSourceTest, HtmlErrorPageShownInMessage) {
  site_.add_fault(testing::Fault{.status = 404,
                                 .times = 1,
                                 .body = "<html><body>Page not found</body></html>",
                                 .content_type = "text/html"});

  const Error error = fetch_error();

  EXPECT_TRUE(contains(error.message, "HTTP status 404")) << error.message;
  EXPECT_TRUE(contains(error.message, "Page not found")) << error.message;
}

TEST_F(WordPressSourceTest, PlainTextBodyIsNotJson) {
  site_.add_fault(testing::Fault{
      .status = 200, .times = -1, .body = "Service\tready\r\n", .content_type = "text/plain"});

  const Error error = fetch_error();

  EXPECT_EQ(error.message,
            "the site returned a body that is not JSON (HTTP 200, content type text/plain): "
            "Service ready");
}

TEST_F(WordPressSourceTest, CutBodyIsRetriedThenNamed) {
  const std::string body = Json::array({testing::workout_post(1, 1)}).dump();
  site_.add_fault(testing::Fault{
      .status = 200, .times = -1, .body = body, .kind = testing::FaultKind::kCutBody});

  const Error error = fetch_error();

  EXPECT_EQ(error.code, ErrorCode::kNetwork);
  EXPECT_TRUE(contains(error.message,
                       "request failed after 3 attempts: the response was cut off "
                       "after " +
                           std::to_string(body.size() / 2) + " bytes of the " +
                           std::to_string(body.size()) +
                           " its Content-Length announced (HTTP 200, content type "
                           "application/json; charset=UTF-8), starting: [{\"id\":1,"))
      << error.message;
  EXPECT_TRUE(contains(error.post.url, site_.posts_url())) << error.post.url;
  EXPECT_EQ(site_.requests().size(), 3u);
}

TEST_F(WordPressSourceTest, CutJsonWithoutLengthIsNamed) {
  const std::string body = Json::array({testing::workout_post(1, 1)}).dump();
  site_.add_fault(testing::Fault{
      .status = 200, .times = -1, .body = body, .kind = testing::FaultKind::kCutCloseDelimited});

  const Error error = fetch_error();

  EXPECT_EQ(error.code, ErrorCode::kNetwork);
  EXPECT_TRUE(contains(error.message, "the JSON body ends before it is complete, after " +
                                          std::to_string(body.size() / 2) +
                                          " bytes (HTTP 200, content type application/json"))
      << error.message;
  EXPECT_EQ(site_.requests().size(), 3u);
}

TEST_F(WordPressSourceTest, CutBodyOnceIsRecovered) {
  site_.add_workout_posts(3, kCategory);
  site_.add_fault(testing::Fault{.status = 200,
                                 .times = 1,
                                 .body = Json::array({testing::workout_post(1, 1)}).dump(),
                                 .kind = testing::FaultKind::kCutBody});

  FetchOutcome outcome = fetch();

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  EXPECT_EQ(outcome.post_count(), 3u);
}

TEST_F(WordPressSourceTest, DroppedConnectionIsRetried) {
  site_.add_workout_posts(3, kCategory);
  site_.drop_next_connections(1);

  FetchOutcome outcome = fetch();

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  EXPECT_EQ(outcome.post_count(), 3u);
  EXPECT_EQ(site_.dropped_connections(), 1);
}

TEST_F(WordPressSourceTest, DroppedConnectionsFailWithUrl) {
  site_.add_workout_posts(3, kCategory);
  site_.drop_next_connections(10);

  const Error error = fetch_error();

  EXPECT_EQ(error.code, ErrorCode::kNetwork);
  EXPECT_TRUE(contains(error.message, "request failed after 3 attempts")) << error.message;
  // The first request checks that the category exists.
  EXPECT_TRUE(contains(error.post.url, site_.root_url() + "/wp-json/wp/v2/categories/213"))
      << error.post.url;
  EXPECT_EQ(site_.dropped_connections(), 3);
}

TEST_F(WordPressSourceTest, TooManyRequestsHonoursRetryAfter) {
  site_.add_workout_posts(3, kCategory);
  site_.add_fault(testing::Fault{.status = 429, .times = 1, .retry_after = "1"});
  std::vector<milliseconds> waits;
  WordPressConfig config = default_config();
  config.http.retry.max_wait = milliseconds(5000);
  config.http.sleep = [&waits](milliseconds delay) { waits.push_back(delay); };

  FetchOutcome outcome = fetch(config);

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  EXPECT_EQ(outcome.post_count(), 3u);
  EXPECT_EQ(waits, std::vector<milliseconds>{milliseconds(1000)});
}

TEST_F(WordPressSourceTest, LongRetryAfterNamedInError) {
  site_.add_fault(testing::Fault{.status = 429, .times = -1, .retry_after = "3600"});

  const Error error = fetch_error();

  EXPECT_TRUE(contains(error.message, "HTTP status 429")) << error.message;
  EXPECT_TRUE(contains(error.message, "the site asked to wait 3600 s (Retry-After)"))
      << error.message;
  EXPECT_EQ(site_.requests().size(), 1u);
}

TEST_F(WordPressSourceTest, StopsAtMaxPages) {
  site_.add_workout_posts(30, kCategory);
  WordPressConfig config = default_config();
  config.per_page = 2;
  config.max_pages = 3;

  const Error error = fetch_error(config);

  EXPECT_TRUE(contains(error.message, "stopped after max_pages (3) requests")) << error.message;
  EXPECT_EQ(site_.requests().size(), 3u);
}

TEST_F(WordPressSourceTest, SlowResponseTimesOut) {
  site_.add_workout_posts(1, kCategory);
  site_.set_response_delay(milliseconds(3000));
  WordPressConfig config = default_config();
  config.total_timeout = milliseconds(200);
  config.http.retry.max_retries = 1;

  auto start = std::chrono::steady_clock::now();
  const Error error = fetch_error(config);
  auto elapsed = std::chrono::steady_clock::now() - start;

  EXPECT_EQ(error.code, ErrorCode::kNetwork);
  EXPECT_TRUE(contains(error.message, "request failed after 2 attempts")) << error.message;
  EXPECT_TRUE(contains(error.message, "timed out")) << error.message;
  EXPECT_TRUE(contains(error.post.url, site_.posts_url())) << error.post.url;
  EXPECT_LT(elapsed, milliseconds(2500));
}

TEST_F(WordPressSourceTest, MalformedItemBecomesErrorItem) {
  site_.add_workout_posts(2, kCategory, 1000);
  Json broken = testing::workout_post(77, 9);
  broken["slug"] = "broken-week";
  broken.erase("content");
  site_.add_post(broken, {kCategory});
  site_.add_workout_posts(1, kCategory, 2000);

  FetchOutcome outcome = fetch();

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  ASSERT_EQ(outcome.batches.size(), 1u);
  const PostBatch& batch = outcome.batches[0];
  ASSERT_EQ(batch.size(), 4u);
  // Oldest first: weeks 1 (posts 1000 and 2000), 2 (post 1001), then the broken week 9.
  ASSERT_TRUE(batch[0].ok());
  EXPECT_EQ(batch[0]->id, 1000);
  ASSERT_TRUE(batch[1].ok());
  EXPECT_EQ(batch[1]->id, 2000);
  ASSERT_TRUE(batch[2].ok());
  EXPECT_EQ(batch[2]->id, 1001);
  ASSERT_FALSE(batch[3].ok());
  EXPECT_EQ(batch[3].error().post.id, 77);
  EXPECT_EQ(batch[3].error().post.slug, "broken-week");
  EXPECT_TRUE(contains(batch[3].error().to_string(), "post 77 'broken-week'"))
      << batch[3].error().to_string();
}

TEST_F(WordPressSourceTest, ReadsRestRouteUrl) {
  site_.add_workout_posts(3, kCategory);

  FetchOutcome outcome = fetch(test_config(site_.rest_route_url()));

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  ASSERT_EQ(outcome.batches.size(), 1u);
  EXPECT_EQ(outcome.batches[0].size(), 3u);
  ASSERT_EQ(site_.requests().size(), 1u);
  EXPECT_EQ(site_.requests()[0].path, "/");
  EXPECT_EQ(site_.requests()[0].param("rest_route"), "/wp/v2/posts");
  EXPECT_EQ(site_.requests()[0].param("categories"), "213");
}

TEST_F(WordPressSourceTest, KeepsCategoryFromUrlQuery) {
  site_.add_workout_posts(3, kCategory);
  site_.add_workout_posts(2, 99, 5000);
  WordPressConfig config = test_config(site_.posts_url() + "?categories=99");
  config.category_id = kCategory;

  FetchOutcome outcome = fetch(config);

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  ASSERT_EQ(outcome.batches.size(), 1u);
  EXPECT_EQ(outcome.batches[0].size(), 2u);
  EXPECT_EQ(source_->page_url(1), site_.posts_url() + "?categories=99&per_page=100&page=1");
  ASSERT_EQ(site_.requests().size(), 1u);
  EXPECT_EQ(site_.requests()[0].param("categories"), "99");
}

TEST_F(WordPressSourceTest, SiteRootGetsPostsRoute) {
  site_.add_workout_posts(2, kCategory);

  FetchOutcome outcome = fetch(test_config(site_.root_url()));

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  EXPECT_EQ(source_->page_url(1), site_.posts_url() + "?categories=213&per_page=100&page=1");
  EXPECT_EQ(source_->describe(), "WordPress " + site_.posts_url() + " category 213");
}

TEST_F(WordPressSourceTest, FetchesOnlyConfiguredPage) {
  site_.add_workout_posts(25, kCategory, 1000);
  WordPressConfig config = default_config();
  config.per_page = 10;
  config.page = 2;

  FetchOutcome outcome = fetch(config);

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  ASSERT_EQ(outcome.batches.size(), 1u);
  ASSERT_EQ(outcome.batches[0].size(), 10u);
  ASSERT_TRUE(outcome.batches[0][0].ok());
  // The site's order is newest first: page 2 starts with the eleventh newest post.
  EXPECT_EQ(outcome.batches[0][0]->id, 1014);
  ASSERT_EQ(site_.requests().size(), 1u);
  EXPECT_EQ(site_.requests()[0].param("page"), "2");
  EXPECT_EQ(site_.requests()[0].param("per_page"), "10");
  EXPECT_EQ(site_.requests()[0].param("orderby"), "");
}

TEST_F(WordPressSourceTest, FetchPagePastEndIsFlagged) {
  site_.add_workout_posts(5, kCategory);
  ASSERT_NE(create(), nullptr);

  Result<WordPressPage> page = source_->fetch_page(3);

  ASSERT_TRUE(page.ok()) << page.error().to_string();
  EXPECT_TRUE(page->past_last_page);
  EXPECT_TRUE(page->posts.empty());
}

TEST_F(WordPressSourceTest, WaitsBetweenRequests) {
  site_.add_workout_posts(5, kCategory);
  WordPressConfig config = default_config();
  config.per_page = 2;
  config.limits.requests_per_second = 1000.0 / 60.0;

  auto start = std::chrono::steady_clock::now();
  FetchOutcome outcome = fetch(config);
  auto elapsed = std::chrono::steady_clock::now() - start;

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  EXPECT_EQ(outcome.post_count(), 5u);
  // Pages of two posts overlap by one, so five posts take five requests, 60 ms apart.
  EXPECT_EQ(site_.requests().size(), 5u);
  EXPECT_GE(elapsed, milliseconds(235));
}

TEST_F(WordPressSourceTest, WalkSendsModifiedAfterInUtc) {
  site_.add_workout_posts(20, kCategory, 1000);

  // Post 1009 (week 10) was modified at 2023-03-06T22:05:00 UTC, 17:05 on the site's clock.
  FetchOutcome outcome = walk(ListingPlan{.key = ListingKey::kModified,
                                          .after = parse_utc_timestamp("2023-03-06T22:05:00")});

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  EXPECT_EQ(outcome.post_count(), 10u);
  expect_each_id_once(outcome, 1010, 1019);
  ASSERT_EQ(site_.requests().size(), 1u);
  EXPECT_EQ(site_.requests()[0].param("modified_after"), "2023-03-06T22:05:00Z");
  EXPECT_EQ(site_.requests()[0].param("orderby"), "modified");
  EXPECT_EQ(site_.requests()[0].param("order"), "asc");
  EXPECT_EQ(outcome.batches[0].front()->id, 1010);
  EXPECT_EQ(outcome.batches[0].back()->id, 1019);
}

TEST_F(WordPressSourceTest, WalkByDateSendsAfter) {
  site_.add_workout_posts(20, kCategory, 1000);

  FetchOutcome outcome = walk(
      ListingPlan{.key = ListingKey::kDate, .after = parse_utc_timestamp("2023-04-30T00:00:00")});

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  ASSERT_EQ(site_.requests().size(), 1u);
  EXPECT_EQ(site_.requests()[0].param("after"), "2023-04-30T00:00:00Z");
  EXPECT_EQ(site_.requests()[0].param("orderby"), "date");
  // Weeks 18 to 20 start on 2023-05-01, 05-08 and 05-15.
  expect_each_id_once(outcome, 1017, 1019);
  EXPECT_EQ(outcome.post_count(), 3u);
}

TEST_F(WordPressSourceTest, WalkReadsTiedSecondById) {
  site_.add_workout_posts(150, kCategory, 1000);
  for (std::int64_t id = 1000; id < 1150; ++id) {
    site_.edit_post(id, [](Json& post) { post["modified_gmt"] = "2024-06-01T10:00:00"; });
  }

  FetchOutcome outcome = walk(ListingPlan{.key = ListingKey::kModified,
                                          .after = parse_utc_timestamp("2024-01-01T00:00:00")});

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  expect_each_id_once(outcome, 1000, 1149);
  EXPECT_EQ(outcome.post_count(), 150u);
  std::vector<std::string> by_id;
  for (const auto& request : site_.requests()) {
    if (request.param("orderby") == "id") {
      EXPECT_EQ(request.param("modified_after"), "2024-06-01T09:59:59Z");
      EXPECT_EQ(request.param("modified_before"), "2024-06-01T10:00:01Z");
      by_id.push_back(request.param("offset"));
    }
  }
  EXPECT_EQ(by_id, (std::vector<std::string>{"", "99"}));
  EXPECT_EQ(site_.requests().back().param("modified_after"), "2024-06-01T10:00:00Z");
}

TEST_F(WordPressSourceTest, PostPublishedBetweenPagesNotLost) {
  site_.add_workout_posts(250, kCategory, 1000);
  WordPressConfig config = default_config();
  config.after_page = [this](const FetchedPage& page) {
    if (page.request == 1) {
      Json post = testing::workout_post(9000, 300);
      post["modified_gmt"] = "2030-01-01T08:00:00";
      site_.add_post(post, {kCategory});
    }
  };

  FetchOutcome outcome = fetch(config);

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  expect_each_id_once(outcome, 1000, 1249);
  expect_each_id_once(outcome, 9000, 9000);
  EXPECT_EQ(outcome.post_count(), 251u);
}

TEST_F(WordPressSourceTest, PostsDeletedBetweenPagesLoseNothing) {
  site_.add_workout_posts(250, kCategory, 1000);
  WordPressConfig config = default_config();
  config.after_page = [this](const FetchedPage& page) {
    if (page.request == 1) {
      site_.remove_post(1010);  // read already
      site_.remove_post(1150);  // not read yet
    }
  };

  FetchOutcome outcome = fetch(config);

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  expect_each_id_once(outcome, 1000, 1149);
  expect_each_id_once(outcome, 1151, 1249);
  EXPECT_EQ(outcome.id_counts().count(1150), 0u);
}

TEST_F(WordPressSourceTest, PostEditedBetweenPagesReadAgain) {
  site_.add_workout_posts(250, kCategory, 1000);
  WordPressConfig config = default_config();
  config.after_page = [this](const FetchedPage& page) {
    if (page.request == 1) {
      site_.edit_post(1005, [](Json& post) {
        post["modified_gmt"] = "2030-01-01T08:00:00";
        post["content"]["rendered"] = "<p><strong>Monday</strong></p>\n<p>A. Snatch 3x3</p>\n";
      });
    }
  };

  FetchOutcome outcome = fetch(config);

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  EXPECT_EQ(outcome.id_counts().at(1005), 2);
  const Result<Post>& last = outcome.batches.back().back();
  ASSERT_TRUE(last.ok());
  EXPECT_EQ(last->id, 1005);
  EXPECT_EQ(last->modified_gmt, "2030-01-01T08:00:00");
  expect_each_id_once(outcome, 1006, 1249);
}

TEST_F(WordPressSourceTest, PostsSharingSecondReadOnce) {
  for (int i = 0; i < 230; ++i) {
    Json post = testing::workout_post(1000 + i, i + 1);
    post["modified_gmt"] = "2023-06-01T12:00:00";
    site_.add_post(post, {kCategory});
  }
  WordPressConfig config = default_config();
  // Requests 1 and 2 find the shared second; 3 to 5 read it by post id.
  config.after_page = [this](const FetchedPage& page) {
    if (page.request == 4) {
      site_.remove_post(1001);  // moves every later post of the shared second
    }
  };

  FetchOutcome outcome = fetch(config);

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  expect_each_id_once(outcome, 1002, 1229);
  EXPECT_GE(source_->totals().shifts, 1);
  bool paged_by_offset = false;
  for (const testing::RecordedRequest& request : site_.requests()) {
    paged_by_offset = paged_by_offset || !request.param("offset").empty();
  }
  EXPECT_TRUE(paged_by_offset);
}

TEST_F(WordPressSourceTest, ParallelRequestsReadEachOnce) {
  site_.add_workout_posts(450, kCategory, 1000);
  WordPressConfig config = default_config();
  config.limits.concurrency = 3;
  config.after_page = [this](const FetchedPage& page) {
    if (page.request == 2) {
      Json post = testing::workout_post(9000, 500);
      post["modified_gmt"] = "2031-01-01T08:00:00";
      site_.add_post(post, {kCategory});
      site_.remove_post(1300);
    }
  };

  FetchOutcome outcome = fetch(config);

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  expect_each_id_once(outcome, 1000, 1299);
  expect_each_id_once(outcome, 1301, 1449);
  expect_each_id_once(outcome, 9000, 9000);
}

TEST_F(WordPressSourceTest, SiteIgnoringModifiedAfterStillFiltered) {
  site_.ignore_date_filters();
  site_.add_workout_posts(120, kCategory, 1000);

  FetchOutcome outcome = walk(ListingPlan{.key = ListingKey::kModified,
                                          .after = parse_utc_timestamp("2024-03-04T22:05:00")});

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  EXPECT_TRUE(source_->totals().filter_ignored);
  // Week 62 (post 1061) was modified at 2024-03-04T22:05:00; later weeks remain.
  expect_each_id_once(outcome, 1062, 1119);
  EXPECT_EQ(outcome.post_count(), 58u);
}

TEST_F(WordPressSourceTest, CategorySlugLookedUp) {
  site_.add_term("category", 44, "olympic-lifting", "Olympic Lifting");
  site_.add_term("category", 45, "crossfit", "CrossFit");
  site_.add_workout_posts(3, 44, 1000);
  site_.add_workout_posts(2, 45, 2000);
  WordPressConfig config = test_config(site_.rest_route_url());
  config.category_id.reset();
  config.category_slug = "olympic-lifting";

  FetchOutcome outcome = fetch(config);

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  expect_each_id_once(outcome, 1000, 1002);
  EXPECT_EQ(outcome.post_count(), 3u);
  const std::vector<testing::RecordedRequest> requests = site_.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].param("rest_route"), "/wp/v2/categories");
  EXPECT_EQ(requests[0].param("slug"), "olympic-lifting");
  EXPECT_EQ(requests[1].param("categories"), "44");
  EXPECT_EQ(source_->describe(),
            "WordPress " + site_.rest_route_url() + " category olympic-lifting (44)");
}

TEST_F(WordPressSourceTest, TagSlugLookedUp) {
  site_.add_term("tag", 7, "snatch-complex", "Snatch complex");
  for (int i = 0; i < 4; ++i) {
    site_.add_post(testing::workout_post(1000 + i, i + 1), {kCategory},
                   i % 2 == 0 ? std::vector<std::int64_t>{7} : std::vector<std::int64_t>{});
  }
  WordPressConfig config = default_config();
  config.tag_slug = "snatch-complex";

  FetchOutcome outcome = fetch(config);

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  EXPECT_EQ(outcome.post_count(), 2u);
  EXPECT_EQ(site_.requests().back().param("tags"), "7");
  EXPECT_EQ(site_.requests().back().param("categories"), "213");
}

TEST_F(WordPressSourceTest, UnknownCategorySlugIsNotFound) {
  site_.add_term("category", 44, "olympic-lifting", "Olympic Lifting");
  WordPressConfig config = default_config();
  config.category_id.reset();
  config.category_slug = "weightlifting";

  const Error error = fetch_error(config);

  EXPECT_EQ(error.code, ErrorCode::kNotFound);
  EXPECT_TRUE(contains(error.message, "the site has no category with the slug 'weightlifting'"))
      << error.message;
  EXPECT_TRUE(contains(error.message, "categories?slug=weightlifting")) << error.message;
  EXPECT_EQ(site_.posts_requests().size(), 0u);
}

}  // namespace
}  // namespace wodetl
