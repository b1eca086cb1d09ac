#include "extract/source_factory.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "support/fixtures.hpp"
#include "support/wordpress_standin.hpp"

namespace wodetl {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(ReadSourceSettings, DefaultIsInvictusCategory) {
  Result<SourceSettings> settings = read_source_settings("", testing::fixed_environment({}));

  ASSERT_TRUE(settings.ok()) << settings.error().to_string();
  EXPECT_EQ(settings->kind, SourceSettings::Kind::kWordPress);
  EXPECT_EQ(settings->wordpress.api_url, "https://www.crossfitinvictus.com/wp-json/wp/v2/posts");
  EXPECT_EQ(settings->wordpress.category_id, 213);
  EXPECT_FALSE(settings->wordpress.auth.has_value());
}

TEST(ReadSourceSettings, EnvironmentOverridesDefault) {
  Result<SourceSettings> settings = read_source_settings(
      "", testing::fixed_environment(
              {{"INVICTUS_WEIGHTLIFTING_API", "https://blog.test/wp-json/wp/v2/posts?categories=5"},
               {"INVICTUS_WEIGHTLIFTING_API_CAT_ID", "5"},
               {"INVICTUS_USER", "coach"},
               {"INVICTUS_PASS", "barbell"}}));

  ASSERT_TRUE(settings.ok()) << settings.error().to_string();
  EXPECT_EQ(settings->wordpress.api_url, "https://blog.test/wp-json/wp/v2/posts?categories=5");
  EXPECT_EQ(settings->wordpress.category_id, 5);
  ASSERT_TRUE(settings->wordpress.auth.has_value());
  EXPECT_EQ(settings->wordpress.auth->user, "coach");
  EXPECT_EQ(settings->wordpress.auth->password, "barbell");
}

TEST(ReadSourceSettings, EmptyVariablesCountAsUnset) {
  Result<SourceSettings> settings = read_source_settings(
      "", testing::fixed_environment(
              {{"INVICTUS_WEIGHTLIFTING_API", ""}, {"INVICTUS_WEIGHTLIFTING_API_CAT_ID", ""}}));

  ASSERT_TRUE(settings.ok()) << settings.error().to_string();
  EXPECT_EQ(settings->wordpress.api_url, kDefaultApiUrl);
  EXPECT_EQ(settings->wordpress.category_id, kDefaultCategoryId);
}

TEST(ReadSourceSettings, OtherSiteGetsNoDefaultCategoryOrCredentials) {
  Result<SourceSettings> settings = read_source_settings(
      "https://other.test",
      testing::fixed_environment({{"INVICTUS_USER", "coach"}, {"INVICTUS_PASS", "barbell"}}));

  ASSERT_TRUE(settings.ok()) << settings.error().to_string();
  EXPECT_EQ(settings->kind, SourceSettings::Kind::kWordPress);
  EXPECT_EQ(settings->wordpress.api_url, "https://other.test");
  EXPECT_FALSE(settings->wordpress.category_id.has_value());
  EXPECT_FALSE(settings->wordpress.auth.has_value());
}

TEST(ReadSourceSettings, OtherSiteGetsCategoryFromEnvironment) {
  Result<SourceSettings> settings = read_source_settings(
      "https://other.test",
      testing::fixed_environment({{"INVICTUS_WEIGHTLIFTING_API_CAT_ID", "17"}}));

  ASSERT_TRUE(settings.ok()) << settings.error().to_string();
  EXPECT_EQ(settings->wordpress.category_id, 17);
}

TEST(ReadSourceSettings, DefaultSiteUrlGetsDefaultCategory) {
  Result<SourceSettings> settings = read_source_settings(
      "https://www.crossfitinvictus.com/?rest_route=/wp/v2/posts", testing::fixed_environment({}));

  ASSERT_TRUE(settings.ok()) << settings.error().to_string();
  EXPECT_EQ(settings->wordpress.category_id, 213);
}

TEST(ReadSourceSettings, PathArgumentIsFileSource) {
  Result<SourceSettings> settings =
      read_source_settings("exports/posts", testing::fixed_environment({}));

  ASSERT_TRUE(settings.ok()) << settings.error().to_string();
  EXPECT_EQ(settings->kind, SourceSettings::Kind::kFiles);
  EXPECT_EQ(settings->path, std::filesystem::path("exports/posts"));
}

TEST(ReadSourceSettings, RejectsInvalidCategory) {
  for (const char* value : {"abc", "0", "-4", "213x"}) {
    Result<SourceSettings> settings = read_source_settings(
        "", testing::fixed_environment({{"INVICTUS_WEIGHTLIFTING_API_CAT_ID", value}}));

    ASSERT_FALSE(settings.ok()) << value;
    EXPECT_EQ(settings.error().code, ErrorCode::kInvalidInput);
    EXPECT_TRUE(contains(settings.error().message, "INVICTUS_WEIGHTLIFTING_API_CAT_ID"))
        << settings.error().message;
  }
}

TEST(ReadSourceSettings, RejectsUserWithoutPassword) {
  Result<SourceSettings> settings =
      read_source_settings("", testing::fixed_environment({{"INVICTUS_USER", "coach"}}));

  ASSERT_FALSE(settings.ok());
  EXPECT_EQ(settings.error().message, "INVICTUS_USER is set but INVICTUS_PASS is not");
}

TEST(ReadSourceSettings, RejectsPasswordWithoutUser) {
  Result<SourceSettings> settings =
      read_source_settings("", testing::fixed_environment({{"INVICTUS_PASS", "barbell"}}));

  ASSERT_FALSE(settings.ok());
  EXPECT_EQ(settings.error().message, "INVICTUS_PASS is set but INVICTUS_USER is not");
  EXPECT_FALSE(contains(settings.error().to_string(), "barbell"));
}

TEST(MakeSource, DescribesDefaultSource) {
  Result<std::unique_ptr<PostSource>> source = make_source("", testing::fixed_environment({}));

  ASSERT_TRUE(source.ok()) << source.error().to_string();
  EXPECT_EQ((*source)->describe(),
            "WordPress https://www.crossfitinvictus.com/wp-json/wp/v2/posts category 213");
}

TEST(MakeSource, ReadsStandinFromEnvironmentUrl) {
  testing::WordPressStandin standin;
  standin.add_workout_posts(4, 213);
  standin.require_basic_auth("coach", "barbell");
  Result<SourceSettings> settings = read_source_settings(
      "", testing::fixed_environment({{"INVICTUS_WEIGHTLIFTING_API", standin.posts_url()},
                                      {"INVICTUS_USER", "coach"},
                                      {"INVICTUS_PASS", "barbell"}}));
  ASSERT_TRUE(settings.ok()) << settings.error().to_string();
  settings->wordpress.limits.requests_per_second = 0;
  Result<std::unique_ptr<PostSource>> source = make_source(*settings);
  ASSERT_TRUE(source.ok()) << source.error().to_string();

  std::size_t posts = 0;
  Status status = (*source)->fetch([&posts](PostBatch&& batch) { posts += batch.size(); });

  ASSERT_TRUE(status.ok()) << status.error().to_string();
  EXPECT_EQ(posts, 4u);
  ASSERT_EQ(standin.posts_requests().size(), 1u);
  EXPECT_EQ(standin.posts_requests()[0].param("categories"), "213");
}

TEST(MakeSource, RejectsInvalidUrl) {
  Result<std::unique_ptr<PostSource>> source =
      make_source("https://", testing::fixed_environment({}));

  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.error().code, ErrorCode::kInvalidInput);
}

TEST(FetchSourcePage, ReadsOneWordPressPage) {
  testing::WordPressStandin standin;
  standin.add_workout_posts(25, 213, 1000);

  Result<PostBatch> batch =
      fetch_source_page(standin.posts_url(), 10, 3, testing::fixed_environment({}));

  ASSERT_TRUE(batch.ok()) << batch.error().to_string();
  ASSERT_EQ(batch->size(), 5u);
  ASSERT_TRUE(batch->front().ok());
  // WordPress lists the newest posts first.
  EXPECT_EQ(batch->front()->id, 1004);
  ASSERT_EQ(standin.requests().size(), 1u);
  EXPECT_EQ(standin.requests()[0].param("page"), "3");
  EXPECT_EQ(standin.requests()[0].param("per_page"), "10");
  EXPECT_EQ(standin.requests()[0].param("categories"), "");
}

TEST(FetchSourcePage, PagePastEndIsEmpty) {
  testing::WordPressStandin standin;
  standin.add_workout_posts(5, 213);

  Result<PostBatch> batch =
      fetch_source_page(standin.posts_url(), 10, 4, testing::fixed_environment({}));

  ASSERT_TRUE(batch.ok()) << batch.error().to_string();
  EXPECT_TRUE(batch->empty());
}

TEST(FetchSourcePage, SlicesFileItems) {
  testing::TempFolder folder;
  Json posts = Json::array();
  for (int i = 1; i <= 7; ++i) {
    posts.push_back(testing::workout_post(100 + i, i));
  }
  std::ofstream(folder.path() / "posts.json") << posts.dump();

  Result<PostBatch> batch =
      fetch_source_page(folder.path().string(), 3, 3, testing::fixed_environment({}));

  ASSERT_TRUE(batch.ok()) << batch.error().to_string();
  ASSERT_EQ(batch->size(), 1u);
  ASSERT_TRUE(batch->front().ok());
  EXPECT_EQ(batch->front()->id, 107);
}

TEST(FetchSourcePage, RejectsPerPageOutOfRange) {
  Result<PostBatch> batch = fetch_source_page("exports", 101, 1, testing::fixed_environment({}));

  ASSERT_FALSE(batch.ok());
  EXPECT_EQ(batch.error().code, ErrorCode::kInvalidInput);
}

}  // namespace
}  // namespace wodetl
