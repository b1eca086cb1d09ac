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

}  // namespace
}  // namespace wodetl
