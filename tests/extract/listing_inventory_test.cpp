#include "extract/listing_inventory.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <string>
#include <vector>

#include "extract/wordpress_endpoint.hpp"
#include "support/wordpress_standin.hpp"

namespace wodetl {
namespace {

using std::chrono::milliseconds;

constexpr std::int64_t kCategory = 213;

class ListingInventoryTest : public ::testing::Test {
 protected:
  //! Inventory of category 213 of the stand-in, through `api_url` (default: the posts URL).
  ListingInventory inventory(const std::string& api_url = "") {
    Result<PostsEndpoint> endpoint =
        parse_posts_endpoint(api_url.empty() ? site_.posts_url() : api_url);
    EXPECT_TRUE(endpoint.ok());
    return ListingInventory(client_, *endpoint, HttpRequest{}, ListingFilter{kCategory, {}},
                            "Check the credentials");
  }

  testing::WordPressStandin site_;
  HttpClient client_{HttpClientOptions{.retry = RetryPolicy{.max_retries = 1,
                                                            .initial_backoff = milliseconds(1),
                                                            .max_wait = milliseconds(10)}}};
};

TEST_F(ListingInventoryTest, CountsListingWithOnePostId) {
  site_.add_workout_posts(7, kCategory, 1000);
  site_.add_workout_posts(3, 77, 5000);
  ListingInventory listing = inventory();

  const Result<std::optional<std::int64_t>> count = listing.count();

  ASSERT_TRUE(count.ok()) << count.error().to_string();
  EXPECT_EQ(*count, 7);
  ASSERT_EQ(site_.requests().size(), 1U);
  EXPECT_EQ(site_.requests()[0].param("per_page"), "1");
  EXPECT_EQ(site_.requests()[0].param("_fields"), "id");
  EXPECT_EQ(site_.requests()[0].param("categories"), "213");
  EXPECT_EQ(listing.requests(), 1);
}

TEST_F(ListingInventoryTest, ListsEveryIdInPages) {
  site_.add_workout_posts(230, kCategory, 1000);
  ListingInventory listing = inventory(site_.rest_route_url());

  const Result<std::vector<ListedPost>> ids = listing.list_ids(100);

  ASSERT_TRUE(ids.ok()) << ids.error().to_string();
  ASSERT_EQ(ids->size(), 230U);
  EXPECT_EQ(ids->front().id, 1000);
  EXPECT_EQ(ids->front().modified_gmt, "2023-01-02T22:05:00");
  EXPECT_EQ(ids->back().id, 1229);
  const std::vector<testing::RecordedRequest> requests = site_.requests();
  ASSERT_EQ(requests.size(), 3U);
  EXPECT_EQ(requests[2].param("page"), "3");
  EXPECT_EQ(requests[2].param("orderby"), "id");
  EXPECT_EQ(requests[2].param("_fields"), "id,modified_gmt");
}

TEST_F(ListingInventoryTest, IdListingStopsAtLimit) {
  site_.add_workout_posts(250, kCategory, 1000);

  const Result<std::vector<ListedPost>> ids = inventory().list_ids(2);

  ASSERT_FALSE(ids.ok());
  EXPECT_NE(ids.error().message.find("stopped after max_pages (2) requests"), std::string::npos)
      << ids.error().message;
}

TEST_F(ListingInventoryTest, FetchesPostsById) {
  site_.add_workout_posts(150, kCategory, 1000);
  site_.add_workout_posts(2, 77, 5000);
  std::vector<std::int64_t> ids;
  for (std::int64_t id = 1000; id < 1120; ++id) {
    ids.push_back(id);
  }
  ids.push_back(5000);  // in another category, so the listing does not return it

  const Result<PostBatch> posts = inventory().fetch(ids);

  ASSERT_TRUE(posts.ok()) << posts.error().to_string();
  std::set<std::int64_t> read;
  for (const Result<Post>& post : *posts) {
    ASSERT_TRUE(post.ok()) << post.error().to_string();
    EXPECT_FALSE(post->content_html.empty()) << post->id;
    read.insert(post->id);
  }
  EXPECT_EQ(read, std::set<std::int64_t>(ids.begin(), ids.end() - 1));
  // 121 ids take two requests of at most 100.
  ASSERT_EQ(site_.requests().size(), 2U);
  EXPECT_EQ(site_.requests()[1].param("include"),
            "1100,1101,1102,1103,1104,1105,1106,1107,"
            "1108,1109,1110,1111,1112,1113,1114,1115,1116,"
            "1117,1118,1119,5000");
}

TEST_F(ListingInventoryTest, AbsentPostChecks) {
  site_.add_workout_posts(5, kCategory, 1000);
  site_.remove_post(1000);
  site_.edit_post(1001, [](Json& post) { post["status"] = "draft"; });
  site_.edit_post(1002, [](Json& post) { post["categories"] = Json::array({77}); });
  ListingInventory listing = inventory();

  const struct {
    std::int64_t id;
    PostAbsence absence;
    std::string reason;
  } cases[] = {
      {1000, PostAbsence::kDeleted, "deleted on the site (HTTP 404 rest_post_invalid_id)"},
      {1001, PostAbsence::kNotPublic,
       "no longer public: in the trash, a draft, scheduled or private (HTTP 401 rest_forbidden)"},
      {1002, PostAbsence::kNotInListing, "no longer in the source's category (213)"},
      {1003, PostAbsence::kStillListed, "published and in the listing"},
  };
  for (const auto& expected : cases) {
    SCOPED_TRACE(expected.id);
    const Result<AbsenceCheck> check = listing.check_absent(expected.id);
    ASSERT_TRUE(check.ok()) << check.error().to_string();
    EXPECT_EQ(check->absence, expected.absence);
    EXPECT_EQ(check->reason, expected.reason);
  }
  EXPECT_EQ(site_.requests().back().path, "/wp-json/wp/v2/posts/1003");
  EXPECT_EQ(site_.requests().back().param("_fields"), "id,status,categories,tags");
}

TEST_F(ListingInventoryTest, DraftReadableWithCredentialsIsNotPublished) {
  site_.add_workout_posts(2, kCategory, 1000);
  site_.require_basic_auth("coach", "app-pass-1234", true);
  site_.edit_post(1001, [](Json& post) { post["status"] = "private"; });
  Result<PostsEndpoint> endpoint = parse_posts_endpoint(site_.posts_url());
  ASSERT_TRUE(endpoint.ok());
  ListingInventory listing(client_, *endpoint,
                           HttpRequest{.auth = BasicAuth{"coach", "app-pass-1234"}},
                           ListingFilter{kCategory, {}}, "Check the credentials");

  const Result<AbsenceCheck> check = listing.check_absent(1001);

  ASSERT_TRUE(check.ok()) << check.error().to_string();
  EXPECT_EQ(check->absence, PostAbsence::kNotPublished);
  EXPECT_EQ(check->reason, "no longer published (status 'private')");
}

TEST_F(ListingInventoryTest, CategoryOfUrlDecidesListing) {
  site_.add_workout_posts(2, 77, 1000);
  ListingInventory listing = inventory(site_.posts_url() + "?categories=77,78");

  const Result<AbsenceCheck> check = listing.check_absent(1001);

  ASSERT_TRUE(check.ok()) << check.error().to_string();
  EXPECT_EQ(check->absence, PostAbsence::kStillListed);
}

TEST_F(ListingInventoryTest, BlockedCheckIsErrorNotGone) {
  site_.add_workout_posts(2, kCategory, 1000);
  site_.add_fault(testing::Fault{.status = 403,
                                 .times = -1,
                                 .body = testing::blocked_page_html(),
                                 .content_type = "text/html; charset=UTF-8"});
  ListingInventory listing = inventory();

  const Result<AbsenceCheck> blocked = listing.check_absent(1000);

  ASSERT_FALSE(blocked.ok());
  EXPECT_NE(blocked.error().message.find("page title 'Access Denied'"), std::string::npos)
      << blocked.error().message;
}

TEST_F(ListingInventoryTest, HtmlNotFoundIsErrorNotGone) {
  site_.add_workout_posts(2, kCategory, 1000);
  site_.add_fault(testing::Fault{
      .status = 404, .body = "<html><body>Not Found</body></html>", .content_type = "text/html"});

  const Result<AbsenceCheck> check = inventory().check_absent(1000);

  ASSERT_FALSE(check.ok());
  EXPECT_NE(check.error().message.find("HTTP status 404"), std::string::npos)
      << check.error().message;
}

}  // namespace
}  // namespace wodetl
