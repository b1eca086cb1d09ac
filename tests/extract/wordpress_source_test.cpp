#include "extract/wordpress_source.hpp"

#include <gtest/gtest.h>

#include <chrono>
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

//! Settings for tests: no pause between pages, tiny retry waits, short time-outs.
WordPressConfig test_config(const std::string& api_url) {
  WordPressConfig config;
  config.api_url = api_url;
  config.category_id = kCategory;
  config.min_request_interval = milliseconds(0);
  config.connect_timeout = milliseconds(2000);
  config.total_timeout = milliseconds(5000);
  config.http.retry = RetryPolicy{
      .max_retries = 2, .initial_backoff = milliseconds(1), .max_wait = milliseconds(50)};
  return config;
}

std::unique_ptr<WordPressSource> create_source(const WordPressConfig& config) {
  Result<std::unique_ptr<WordPressSource>> source = WordPressSource::create(config);
  if (!source.ok()) {
    ADD_FAILURE() << source.error().to_string();
    return nullptr;
  }
  return std::move(source).value();
}

struct FetchOutcome {
  Status status = ok_status();
  std::vector<PostBatch> batches;
};

FetchOutcome fetch_all(WordPressSource& source) {
  FetchOutcome outcome;
  outcome.status =
      source.fetch([&outcome](PostBatch&& batch) { outcome.batches.push_back(std::move(batch)); });
  return outcome;
}

TEST(WordPressSource, ReadsEveryPageOnce) {
  testing::WordPressStandin standin;
  standin.add_workout_posts(230, kCategory, 1000);
  standin.add_workout_posts(5, 99, 5000);
  auto source = create_source(test_config(standin.posts_url()));
  ASSERT_NE(source, nullptr);

  FetchOutcome outcome = fetch_all(*source);

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  ASSERT_EQ(outcome.batches.size(), 3u);
  EXPECT_EQ(outcome.batches[0].size(), 100u);
  EXPECT_EQ(outcome.batches[1].size(), 100u);
  EXPECT_EQ(outcome.batches[2].size(), 30u);
  std::set<std::int64_t> ids;
  for (const PostBatch& batch : outcome.batches) {
    for (const Result<Post>& post : batch) {
      ASSERT_TRUE(post.ok()) << post.error().to_string();
      EXPECT_TRUE(ids.insert(post->id).second) << "post " << post->id << " delivered twice";
    }
  }
  EXPECT_EQ(ids.size(), 230u);
  EXPECT_EQ(*ids.begin(), 1000);
  EXPECT_EQ(*ids.rbegin(), 1229);

  std::vector<testing::RecordedRequest> requests = standin.requests();
  ASSERT_EQ(requests.size(), 3u);
  for (std::size_t i = 0; i < requests.size(); ++i) {
    EXPECT_EQ(requests[i].path, "/wp-json/wp/v2/posts");
    EXPECT_EQ(requests[i].param("page"), std::to_string(i + 1));
    EXPECT_EQ(requests[i].param("per_page"), "100");
    EXPECT_EQ(requests[i].param("categories"), "213");
  }
  EXPECT_EQ(source->totals().total, 230);
  EXPECT_EQ(source->totals().total_pages, 3);
  EXPECT_EQ(source->totals().pages_fetched, 3);
}

TEST(WordPressSource, PostOriginIsPageUrl) {
  testing::WordPressStandin standin;
  standin.add_workout_posts(1, kCategory);
  auto source = create_source(test_config(standin.posts_url()));
  ASSERT_NE(source, nullptr);

  FetchOutcome outcome = fetch_all(*source);

  ASSERT_TRUE(outcome.status.ok());
  ASSERT_EQ(outcome.batches.size(), 1u);
  ASSERT_TRUE(outcome.batches[0][0].ok());
  EXPECT_EQ(outcome.batches[0][0]->origin, source->page_url(1));
}

TEST(WordPressSource, PagePastEndEndsNormally) {
  testing::WordPressStandin standin;
  standin.add_workout_posts(150, kCategory);
  standin.set_reported_total_pages(5);
  auto source = create_source(test_config(standin.posts_url()));
  ASSERT_NE(source, nullptr);

  FetchOutcome outcome = fetch_all(*source);

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  ASSERT_EQ(outcome.batches.size(), 2u);
  EXPECT_EQ(outcome.batches[0].size() + outcome.batches[1].size(), 150u);
  EXPECT_EQ(standin.requests().size(), 3u);
  EXPECT_EQ(source->totals().pages_fetched, 2);
}

TEST(WordPressSource, EmptyCategoryGivesNoPosts) {
  testing::WordPressStandin standin;
  standin.add_workout_posts(20, kCategory);
  WordPressConfig config = test_config(standin.posts_url());
  config.category_id = 4242;
  auto source = create_source(config);
  ASSERT_NE(source, nullptr);

  FetchOutcome outcome = fetch_all(*source);

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  std::size_t posts = 0;
  for (const PostBatch& batch : outcome.batches) {
    posts += batch.size();
  }
  EXPECT_EQ(posts, 0u);
  EXPECT_EQ(standin.requests().size(), 1u);
  EXPECT_EQ(source->totals().total, 0);
}

TEST(WordPressSource, RejectsPerPageOutOfRange) {
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

TEST(WordPressSource, RejectsInvalidSettings) {
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

TEST(WordPressSource, SendsUserAgent) {
  testing::WordPressStandin standin;
  standin.add_workout_posts(1, kCategory);
  auto source = create_source(test_config(standin.posts_url()));
  ASSERT_NE(source, nullptr);

  FetchOutcome outcome = fetch_all(*source);

  ASSERT_TRUE(outcome.status.ok());
  ASSERT_EQ(standin.requests().size(), 1u);
  const std::string agent = standin.requests()[0].header("User-Agent");
  EXPECT_EQ(agent, kUserAgent);
  EXPECT_TRUE(contains(agent, std::string("wodetl/") + kVersion)) << agent;
}

TEST(WordPressSource, SendsBasicAuth) {
  testing::WordPressStandin standin;
  standin.add_workout_posts(3, kCategory);
  standin.require_basic_auth("coach", "barbell-pass-77");
  WordPressConfig config = test_config(standin.posts_url());
  config.auth = BasicAuth{"coach", "barbell-pass-77"};
  auto source = create_source(config);
  ASSERT_NE(source, nullptr);

  FetchOutcome outcome = fetch_all(*source);

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  ASSERT_EQ(outcome.batches.size(), 1u);
  EXPECT_EQ(outcome.batches[0].size(), 3u);
  EXPECT_TRUE(standin.requests()[0].header("Authorization").starts_with("Basic "));
}

TEST(WordPressSource, WrongPasswordErrorHidesPassword) {
  testing::WordPressStandin standin;
  standin.add_workout_posts(3, kCategory);
  standin.require_basic_auth("coach", "barbell-pass-77");
  WordPressConfig config = test_config(standin.posts_url());
  config.auth = BasicAuth{"coach", "wrong-pass-12"};
  auto source = create_source(config);
  ASSERT_NE(source, nullptr);

  FetchOutcome outcome = fetch_all(*source);

  ASSERT_FALSE(outcome.status.ok());
  const Error& error = outcome.status.error();
  EXPECT_EQ(error.code, ErrorCode::kHttpStatus);
  EXPECT_TRUE(contains(error.message, "401")) << error.message;
  EXPECT_TRUE(contains(error.message, "rest_not_logged_in")) << error.message;
  EXPECT_FALSE(contains(error.to_string(), "wrong-pass-12")) << error.to_string();
  EXPECT_FALSE(contains(error.to_string(), "Basic ")) << error.to_string();
}

TEST(WordPressSource, RetriesAfterServiceUnavailable) {
  testing::WordPressStandin standin;
  standin.add_workout_posts(4, kCategory);
  standin.add_fault(testing::Fault{.status = 503, .times = 1, .retry_after = "0"});
  auto source = create_source(test_config(standin.posts_url()));
  ASSERT_NE(source, nullptr);

  FetchOutcome outcome = fetch_all(*source);

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  ASSERT_EQ(outcome.batches.size(), 1u);
  EXPECT_EQ(outcome.batches[0].size(), 4u);
  EXPECT_EQ(standin.requests().size(), 2u);
}

TEST(WordPressSource, ServerErrorFailsAfterRetries) {
  testing::WordPressStandin standin;
  standin.add_workout_posts(4, kCategory);
  standin.add_fault(testing::Fault{.status = 500, .times = -1});
  auto source = create_source(test_config(standin.posts_url()));
  ASSERT_NE(source, nullptr);

  FetchOutcome outcome = fetch_all(*source);

  ASSERT_FALSE(outcome.status.ok());
  const Error& error = outcome.status.error();
  EXPECT_EQ(error.code, ErrorCode::kHttpStatus);
  EXPECT_TRUE(contains(error.message, "HTTP status 500")) << error.message;
  EXPECT_TRUE(contains(error.message, "standin_fault")) << error.message;
  EXPECT_EQ(error.post.url, source->page_url(1));
  EXPECT_EQ(standin.requests().size(), 3u);
  EXPECT_TRUE(outcome.batches.empty());
}

TEST(WordPressSource, WordPressErrorCodeInMessage) {
  testing::WordPressStandin standin;
  standin.add_fault(testing::Fault{
      .status = 403,
      .times = 1,
      .body =
          R"({"code":"rest_forbidden","message":"Sorry, you are not allowed to do that.","data":{"status":403}})"});
  auto source = create_source(test_config(standin.posts_url()));
  ASSERT_NE(source, nullptr);

  FetchOutcome outcome = fetch_all(*source);

  ASSERT_FALSE(outcome.status.ok());
  EXPECT_TRUE(contains(outcome.status.error().message,
                       "rest_forbidden: Sorry, you are not allowed to do that."))
      << outcome.status.error().message;
}

TEST(WordPressSource, HtmlBodyIsNotJson) {
  testing::WordPressStandin standin;
  standin.add_fault(testing::Fault{
      .status = 200,
      .times = -1,
      .body = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<title>Log In &lsaquo; Stand-in</title>"
              "</head><body><form id=\"loginform\">" +
              std::string(300, ' ') + "</form></body></html>",
      .content_type = "text/html; charset=UTF-8"});
  auto source = create_source(test_config(standin.posts_url()));
  ASSERT_NE(source, nullptr);

  FetchOutcome outcome = fetch_all(*source);

  ASSERT_FALSE(outcome.status.ok());
  const Error& error = outcome.status.error();
  EXPECT_EQ(error.code, ErrorCode::kInvalidInput);
  EXPECT_TRUE(contains(error.message, "returned HTML, not JSON")) << error.message;
  EXPECT_TRUE(contains(error.message, "<!DOCTYPE html> <html lang=\"en\"> <head> <title>Log In"))
      << error.message;
  EXPECT_FALSE(contains(error.message, "\n")) << error.message;
  EXPECT_LT(error.message.size(), 200u) << error.message;
  EXPECT_EQ(error.post.url, source->page_url(1));
}

TEST(WordPressSource, HtmlErrorPageShownInMessage) {
  testing::WordPressStandin standin;
  standin.add_fault(testing::Fault{.status = 404,
                                   .times = 1,
                                   .body = "<html><body>Page not found</body></html>",
                                   .content_type = "text/html"});
  auto source = create_source(test_config(standin.posts_url()));
  ASSERT_NE(source, nullptr);

  FetchOutcome outcome = fetch_all(*source);

  ASSERT_FALSE(outcome.status.ok());
  EXPECT_TRUE(contains(outcome.status.error().message, "HTTP status 404"))
      << outcome.status.error().message;
  EXPECT_TRUE(contains(outcome.status.error().message, "Page not found"))
      << outcome.status.error().message;
}

TEST(WordPressSource, PlainTextBodyIsNotJson) {
  testing::WordPressStandin standin;
  standin.add_fault(testing::Fault{
      .status = 200, .times = -1, .body = "Service\tready\r\n", .content_type = "text/plain"});
  auto source = create_source(test_config(standin.posts_url()));
  ASSERT_NE(source, nullptr);

  FetchOutcome outcome = fetch_all(*source);

  ASSERT_FALSE(outcome.status.ok());
  EXPECT_EQ(outcome.status.error().message,
            "the site returned a body that is not JSON: Service ready");
}

TEST(WordPressSource, StopsAtMaxPages) {
  testing::WordPressStandin standin;
  // Full pages without X-WP-TotalPages, as from a site that never reports its last page.
  standin.add_fault(testing::Fault{
      .status = 200, .times = -1, .body = Json::array({testing::workout_post(1, 1)}).dump()});
  WordPressConfig config = test_config(standin.posts_url());
  config.per_page = 1;
  config.max_pages = 3;
  auto source = create_source(config);
  ASSERT_NE(source, nullptr);

  FetchOutcome outcome = fetch_all(*source);

  ASSERT_FALSE(outcome.status.ok());
  EXPECT_TRUE(contains(outcome.status.error().message, "stopped after max_pages (3) pages"))
      << outcome.status.error().message;
  EXPECT_EQ(outcome.batches.size(), 3u);
  EXPECT_EQ(standin.requests().size(), 3u);
}

TEST(WordPressSource, SlowResponseTimesOut) {
  testing::WordPressStandin standin;
  standin.add_workout_posts(1, kCategory);
  standin.set_response_delay(milliseconds(3000));
  WordPressConfig config = test_config(standin.posts_url());
  config.total_timeout = milliseconds(200);
  config.http.retry.max_retries = 0;
  auto source = create_source(config);
  ASSERT_NE(source, nullptr);

  auto start = std::chrono::steady_clock::now();
  FetchOutcome outcome = fetch_all(*source);
  auto elapsed = std::chrono::steady_clock::now() - start;

  ASSERT_FALSE(outcome.status.ok());
  EXPECT_EQ(outcome.status.error().code, ErrorCode::kNetwork);
  EXPECT_TRUE(contains(outcome.status.error().message, "timed out"))
      << outcome.status.error().message;
  EXPECT_LT(elapsed, milliseconds(2000));
}

TEST(WordPressSource, MalformedItemBecomesErrorItem) {
  testing::WordPressStandin standin;
  standin.add_workout_posts(2, kCategory, 1000);
  Json broken = testing::workout_post(77, 9);
  broken["slug"] = "broken-week";
  broken.erase("content");
  standin.add_post(broken, {kCategory});
  standin.add_workout_posts(1, kCategory, 2000);
  auto source = create_source(test_config(standin.posts_url()));
  ASSERT_NE(source, nullptr);

  FetchOutcome outcome = fetch_all(*source);

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  ASSERT_EQ(outcome.batches.size(), 1u);
  const PostBatch& batch = outcome.batches[0];
  ASSERT_EQ(batch.size(), 4u);
  EXPECT_TRUE(batch[0].ok());
  EXPECT_TRUE(batch[1].ok());
  ASSERT_FALSE(batch[2].ok());
  EXPECT_EQ(batch[2].error().post.id, 77);
  EXPECT_EQ(batch[2].error().post.slug, "broken-week");
  EXPECT_TRUE(contains(batch[2].error().to_string(), "post 77 'broken-week'"))
      << batch[2].error().to_string();
  ASSERT_TRUE(batch[3].ok());
  EXPECT_EQ(batch[3]->id, 2000);
}

TEST(WordPressSource, ReadsRestRouteUrl) {
  testing::WordPressStandin standin;
  standin.add_workout_posts(3, kCategory);
  auto source = create_source(test_config(standin.rest_route_url()));
  ASSERT_NE(source, nullptr);

  FetchOutcome outcome = fetch_all(*source);

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  ASSERT_EQ(outcome.batches.size(), 1u);
  EXPECT_EQ(outcome.batches[0].size(), 3u);
  ASSERT_EQ(standin.requests().size(), 1u);
  EXPECT_EQ(standin.requests()[0].path, "/");
  EXPECT_EQ(standin.requests()[0].param("rest_route"), "/wp/v2/posts");
  EXPECT_EQ(standin.requests()[0].param("categories"), "213");
}

TEST(WordPressSource, KeepsCategoryFromUrlQuery) {
  testing::WordPressStandin standin;
  standin.add_workout_posts(3, kCategory);
  standin.add_workout_posts(2, 99, 5000);
  WordPressConfig config = test_config(standin.posts_url() + "?categories=99");
  config.category_id = kCategory;
  auto source = create_source(config);
  ASSERT_NE(source, nullptr);

  FetchOutcome outcome = fetch_all(*source);

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  ASSERT_EQ(outcome.batches.size(), 1u);
  EXPECT_EQ(outcome.batches[0].size(), 2u);
  EXPECT_EQ(source->page_url(1), standin.posts_url() + "?categories=99&per_page=100&page=1");
  ASSERT_EQ(standin.requests().size(), 1u);
  EXPECT_EQ(standin.requests()[0].param("categories"), "99");
}

TEST(WordPressSource, SiteRootGetsPostsRoute) {
  testing::WordPressStandin standin;
  standin.add_workout_posts(2, kCategory);
  auto source = create_source(test_config(standin.root_url()));
  ASSERT_NE(source, nullptr);

  FetchOutcome outcome = fetch_all(*source);

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  EXPECT_EQ(source->page_url(1), standin.posts_url() + "?categories=213&per_page=100&page=1");
  EXPECT_EQ(source->describe(), "WordPress " + standin.posts_url() + " category 213");
}

TEST(WordPressSource, FetchesOnlyConfiguredPage) {
  testing::WordPressStandin standin;
  standin.add_workout_posts(25, kCategory, 1000);
  WordPressConfig config = test_config(standin.posts_url());
  config.per_page = 10;
  config.page = 2;
  auto source = create_source(config);
  ASSERT_NE(source, nullptr);

  FetchOutcome outcome = fetch_all(*source);

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  ASSERT_EQ(outcome.batches.size(), 1u);
  ASSERT_EQ(outcome.batches[0].size(), 10u);
  ASSERT_TRUE(outcome.batches[0][0].ok());
  EXPECT_EQ(outcome.batches[0][0]->id, 1010);
  ASSERT_EQ(standin.requests().size(), 1u);
  EXPECT_EQ(standin.requests()[0].param("page"), "2");
  EXPECT_EQ(standin.requests()[0].param("per_page"), "10");
}

TEST(WordPressSource, FetchPagePastEndIsFlagged) {
  testing::WordPressStandin standin;
  standin.add_workout_posts(5, kCategory);
  auto source = create_source(test_config(standin.posts_url()));
  ASSERT_NE(source, nullptr);

  Result<WordPressPage> page = source->fetch_page(3);

  ASSERT_TRUE(page.ok()) << page.error().to_string();
  EXPECT_TRUE(page->past_last_page);
  EXPECT_TRUE(page->posts.empty());
}

TEST(WordPressSource, WaitsBetweenRequests) {
  testing::WordPressStandin standin;
  standin.add_workout_posts(3, kCategory);
  WordPressConfig config = test_config(standin.posts_url());
  config.per_page = 1;
  config.min_request_interval = milliseconds(60);
  auto source = create_source(config);
  ASSERT_NE(source, nullptr);

  auto start = std::chrono::steady_clock::now();
  FetchOutcome outcome = fetch_all(*source);
  auto elapsed = std::chrono::steady_clock::now() - start;

  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error().to_string();
  EXPECT_EQ(outcome.batches.size(), 3u);
  EXPECT_GE(elapsed, milliseconds(120));
}

}  // namespace
}  // namespace wodetl
