#include "extract/wordpress_endpoint.hpp"

#include <gtest/gtest.h>

#include <string>

namespace wodetl {
namespace {

struct EndpointCase {
  std::string api_url;
  std::string expected_page_url;  // URL of page 2 with per_page 100 and category 213
};

TEST(ParsePostsEndpoint, AcceptsEveryUrlForm) {
  const EndpointCase cases[] = {
      {"http://127.0.0.1:8080",
       "http://127.0.0.1:8080/wp-json/wp/v2/posts?categories=213&per_page=100&page=2"},
      {"https://site.test/",
       "https://site.test/wp-json/wp/v2/posts?categories=213&per_page=100&page=2"},
      {"https://site.test/blog",
       "https://site.test/blog/wp-json/wp/v2/posts?categories=213&per_page=100&page=2"},
      {"https://site.test/wp-json",
       "https://site.test/wp-json/wp/v2/posts?categories=213&per_page=100&page=2"},
      {"https://site.test/wp-json/wp/v2/posts",
       "https://site.test/wp-json/wp/v2/posts?categories=213&per_page=100&page=2"},
      {"https://site.test/wp-json/wp/v2/posts?categories=99",
       "https://site.test/wp-json/wp/v2/posts?categories=99&per_page=100&page=2"},
      {"https://site.test/wp-json/wp/v2/posts?categories=99&per_page=5&page=7&orderby=date",
       "https://site.test/wp-json/wp/v2/posts?categories=99&orderby=date&per_page=100&page=2"},
      {"https://site.test/?rest_route=/wp/v2/posts",
       "https://site.test/?rest_route=/wp/v2/posts&categories=213&per_page=100&page=2"},
      {"https://site.test/wp-json/wp/v2/posts#top",
       "https://site.test/wp-json/wp/v2/posts?categories=213&per_page=100&page=2"},
      {"  https://site.test/wp-json/wp/v2/posts  ",
       "https://site.test/wp-json/wp/v2/posts?categories=213&per_page=100&page=2"},
  };

  for (const EndpointCase& test_case : cases) {
    Result<PostsEndpoint> endpoint = parse_posts_endpoint(test_case.api_url);

    ASSERT_TRUE(endpoint.ok()) << test_case.api_url << ": " << endpoint.error().to_string();
    EXPECT_EQ(endpoint->page_url(213, 100, 2), test_case.expected_page_url) << test_case.api_url;
  }
}

TEST(ParsePostsEndpoint, OmitsCategoryWhenNone) {
  Result<PostsEndpoint> endpoint = parse_posts_endpoint("https://site.test");

  ASSERT_TRUE(endpoint.ok());
  EXPECT_EQ(endpoint->page_url(std::nullopt, 10, 1),
            "https://site.test/wp-json/wp/v2/posts?per_page=10&page=1");
  EXPECT_EQ(endpoint->url(), "https://site.test/wp-json/wp/v2/posts");
}

TEST(ParsePostsEndpoint, RejectsOtherSchemesAndMissingHost) {
  for (const char* url : {"ftp://site.test/wp-json/wp/v2/posts", "site.test/wp-json/wp/v2/posts",
                          "https://", "https:///wp-json/wp/v2/posts", ""}) {
    Result<PostsEndpoint> endpoint = parse_posts_endpoint(url);

    ASSERT_FALSE(endpoint.ok()) << url;
    EXPECT_EQ(endpoint.error().code, ErrorCode::kInvalidInput) << url;
    EXPECT_FALSE(endpoint.error().hint.empty()) << url;
  }
}

TEST(ParsePostsEndpoint, ErrorHidesUserinfo) {
  Result<PostsEndpoint> endpoint = parse_posts_endpoint("ftp://coach:secret@site.test/");

  ASSERT_FALSE(endpoint.ok());
  EXPECT_EQ(endpoint.error().to_string().find("secret"), std::string::npos)
      << endpoint.error().to_string();
}

TEST(PostsEndpoint, FindsParameterByKey) {
  Result<PostsEndpoint> endpoint =
      parse_posts_endpoint("https://site.test/wp-json/wp/v2/posts?categories_exclude=4");

  ASSERT_TRUE(endpoint.ok());
  EXPECT_TRUE(endpoint->has_parameter("categories_exclude"));
  EXPECT_FALSE(endpoint->has_parameter("categories"));
}

TEST(PostsEndpoint, ListingUrlEncodesTimestamps) {
  Result<PostsEndpoint> endpoint = parse_posts_endpoint("https://site.test");
  ASSERT_TRUE(endpoint.ok());

  const std::string url =
      endpoint->listing_url(ListingQuery{.category_id = 213,
                                         .tag_id = 7,
                                         .per_page = 100,
                                         .offset = 99,
                                         .orderby = "modified",
                                         .order = "asc",
                                         .modified_after = "2024-01-31T23:59:59+00:00"});

  EXPECT_EQ(url,
            "https://site.test/wp-json/wp/v2/posts?categories=213&tags=7&orderby=modified&"
            "order=asc&modified_after=2024-01-31T23%3A59%3A59%2B00%3A00&per_page=100&offset=99");
}

TEST(PostsEndpoint, ListingUrlSendsUpperBounds) {
  Result<PostsEndpoint> endpoint = parse_posts_endpoint("https://site.test");
  ASSERT_TRUE(endpoint.ok());

  const std::string url =
      endpoint->listing_url(ListingQuery{.per_page = 100,
                                         .offset = 99,
                                         .orderby = "id",
                                         .order = "asc",
                                         .modified_after = "2024-01-31T23:59:59Z",
                                         .modified_before = "2024-02-01T00:00:01Z",
                                         .before = "2024-03-01T00:00:00Z"});

  EXPECT_EQ(url,
            "https://site.test/wp-json/wp/v2/posts?orderby=id&order=asc&"
            "modified_after=2024-01-31T23%3A59%3A59Z&modified_before=2024-02-01T00%3A00%3A01Z&"
            "before=2024-03-01T00%3A00%3A00Z&per_page=100&offset=99");
}

TEST(PostsEndpoint, ListingQueryReplacesUrlOrder) {
  Result<PostsEndpoint> endpoint = parse_posts_endpoint(
      "https://site.test/?rest_route=/wp/v2/posts&orderby=title&tags=5&after=2020-01-01T00:00:00");
  ASSERT_TRUE(endpoint.ok());

  const std::string url = endpoint->listing_url(
      ListingQuery{.tag_id = 9, .per_page = 10, .page = 3, .orderby = "date", .order = "asc"});

  EXPECT_EQ(url,
            "https://site.test/?rest_route=/wp/v2/posts&tags=5&after=2020-01-01T00:00:00&"
            "orderby=date&order=asc&per_page=10&page=3");
}

TEST(PostsEndpoint, CollectionUrlOfEachForm) {
  const std::pair<std::string, std::string> cases[] = {
      {"https://site.test", "https://site.test/wp-json/wp/v2/categories?slug=olympic-lifting"},
      {"https://site.test/blog/wp-json/wp/v2/posts?categories=4",
       "https://site.test/blog/wp-json/wp/v2/categories?slug=olympic-lifting"},
      {"https://site.test/?rest_route=/wp/v2/posts&categories=4",
       "https://site.test/?rest_route=/wp/v2/categories&slug=olympic-lifting"},
  };
  for (const auto& [api_url, expected] : cases) {
    Result<PostsEndpoint> endpoint = parse_posts_endpoint(api_url);
    ASSERT_TRUE(endpoint.ok()) << api_url;

    EXPECT_EQ(endpoint->collection_url("categories", {"slug=olympic-lifting"}), expected)
        << api_url;
  }
}

TEST(PercentEncode, KeepsUnreservedOnly) {
  EXPECT_EQ(percent_encode("2024-01-01T00:00:00Z"), "2024-01-01T00%3A00%3A00Z");
  EXPECT_EQ(percent_encode("a b&c=d/é~_."), "a%20b%26c%3Dd%2F%C3%A9~_.");
}

}  // namespace
}  // namespace wodetl
