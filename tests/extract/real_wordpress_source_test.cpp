// WordPressSource against a real WordPress on 127.0.0.1: paging of a category of more than 100
// posts, the listing's headers and errors, and the REST API behaviour the source relies on.

#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <string>
#include <vector>

#include "extract/wordpress_source.hpp"
#include "support/program_posts.hpp"
#include "support/real_wordpress.hpp"

namespace wodetl {
namespace {

using std::chrono::milliseconds;
using testing::NewPost;
using testing::SeededPost;

constexpr int kPublishedPosts = 120;

class RealWordPressSourceTest : public testing::RealWordPressTest {
 protected:
  //! Source of the category's posts, `per_page` at a time, with no pause between pages.
  std::unique_ptr<WordPressSource> category_source(const std::string& api_url,
                                                   std::int64_t category, int per_page) {
    WordPressConfig config;
    config.api_url = api_url;
    config.category_id = category;
    config.per_page = per_page;
    config.limits.requests_per_second = 0;
    Result<std::unique_ptr<WordPressSource>> source = WordPressSource::create(config);
    if (!source.ok()) {
      ADD_FAILURE() << source.error().to_string();
      return nullptr;
    }
    return std::move(source).value();
  }
};

TEST_F(RealWordPressSourceTest, ReadsEveryPublishedPostOnce) {
  testing::RealWordPress& site = wordpress();
  const testing::SeededProgram seeded =
      testing::seed_program(site, "Weightlifting", kPublishedPosts, "Nutrition", 1);
  const testing::WordPressTerm& program = seeded.category;
  std::set<std::int64_t> published;
  for (const SeededPost& post : seeded.published) {
    published.insert(post.id);
  }

  // Both URL forms of the posts endpoint, with pages of 50: 50 + 50 + 20 posts.
  for (const std::string& api_url : {site.posts_url(), site.url() + "/?rest_route=/wp/v2/posts"}) {
    SCOPED_TRACE(api_url);
    std::unique_ptr<WordPressSource> source = category_source(api_url, program.id, 50);
    ASSERT_NE(source, nullptr);
    std::vector<std::int64_t> read;
    const Status status = source->fetch([&read](PostBatch&& batch) {
      for (const Result<Post>& item : batch) {
        ASSERT_TRUE(item.ok()) << item.error().to_string();
        read.push_back(item->id);
      }
    });
    ASSERT_TRUE(status.ok()) << status.error().to_string();
    EXPECT_EQ(read.size(), published.size());
    EXPECT_EQ(std::set<std::int64_t>(read.begin(), read.end()), published);
    EXPECT_EQ(source->totals().total, kPublishedPosts);
    // Pages of 50 overlap by one post, as the walk re-reads the boundary second: 50 + 49 + 21.
    EXPECT_EQ(source->totals().requests, 3);
    EXPECT_EQ(source->totals().shifts, 0);
  }
}

TEST_F(RealWordPressSourceTest, PagePastEndEndsListing) {
  testing::RealWordPress& site = wordpress();
  const testing::WordPressTerm program = site.create_category("Weightlifting");
  (void)site.insert_posts(
      {testing::weekly_program_post(1, program.id), testing::weekly_program_post(2, program.id)});

  std::unique_ptr<WordPressSource> source = category_source(site.posts_url(), program.id, 1);
  ASSERT_NE(source, nullptr);
  const Result<WordPressPage> last = source->fetch_page(2);
  ASSERT_TRUE(last.ok()) << last.error().to_string();
  EXPECT_EQ(last->posts.size(), 1U);
  EXPECT_EQ(last->total, 2);
  EXPECT_EQ(last->total_pages, 2);

  const Result<WordPressPage> past = source->fetch_page(3);
  ASSERT_TRUE(past.ok()) << past.error().to_string();
  EXPECT_TRUE(past->past_last_page);
  EXPECT_TRUE(past->posts.empty());
}

TEST_F(RealWordPressSourceTest, UnknownCategoryIsEmpty) {
  testing::RealWordPress& site = wordpress();
  const testing::WordPressTerm empty = site.create_category("Empty");
  std::unique_ptr<WordPressSource> source = category_source(site.posts_url(), empty.id, 100);
  ASSERT_NE(source, nullptr);
  int batches = 0;
  std::size_t posts = 0;
  const Status status = source->fetch([&](PostBatch&& batch) {
    ++batches;
    posts += batch.size();
  });
  ASSERT_TRUE(status.ok()) << status.error().to_string();
  EXPECT_EQ(posts, 0U);
  EXPECT_EQ(source->totals().total, 0);
}

TEST_F(RealWordPressSourceTest, SeesEditAfterUpdate) {
  testing::RealWordPress& site = wordpress();
  const testing::WordPressTerm program = site.create_category("Weightlifting");
  const std::vector<SeededPost> seeded =
      site.insert_posts({testing::weekly_program_post(1, program.id)});
  ASSERT_EQ(seeded.size(), 1U);
  EXPECT_EQ(seeded[0].modified_gmt, seeded[0].date_gmt);

  const SeededPost edited = site.update_post(
      seeded[0].id, {.content = "<strong>Monday</strong>\nA. Snatch 3x3 -- edited"});
  EXPECT_GT(edited.modified_gmt, seeded[0].modified_gmt);

  std::unique_ptr<WordPressSource> source = category_source(site.posts_url(), program.id, 100);
  ASSERT_NE(source, nullptr);
  const Result<WordPressPage> page = source->fetch_page(1);
  ASSERT_TRUE(page.ok()) << page.error().to_string();
  ASSERT_EQ(page->posts.size(), 1U);
  ASSERT_TRUE(page->posts[0].ok());
  EXPECT_EQ(page->posts[0]->modified_gmt, edited.modified_gmt);
  EXPECT_NE(page->posts[0]->content_html.find("Snatch 3&#215;3 &#8212; edited"), std::string::npos)
      << page->posts[0]->content_html;
}

TEST_F(RealWordPressSourceTest, WrongPasswordFailsBeforeListing) {
  testing::RealWordPress& site = wordpress();
  const testing::WordPressTerm program = site.create_category("Weightlifting");
  (void)site.insert_posts({testing::weekly_program_post(1, program.id)});
  const std::string wrong_password = "wrong-" + site.application_password();

  // The administrator's application password logs in; a wrong one does not.
  EXPECT_EQ(site.rest("GET", "/wp/v2/users/me").status, 200);
  const testing::RestResponse rejected =
      site.with_password(wrong_password).rest("GET", "/wp/v2/users/me");
  EXPECT_EQ(rejected.status, 401);
  EXPECT_EQ(rejected.json()["code"], "rest_not_logged_in");

  // WordPress 6.1 serves the public listing to a wrong application password as to an anonymous
  // client, so the source checks the credentials on users/me before it lists posts.
  const testing::RestResponse listing =
      site.with_password(wrong_password)
          .rest("GET", "/wp/v2/posts?categories=" + std::to_string(program.id));
  EXPECT_EQ(listing.status, 200);
  WordPressConfig config;
  config.api_url = site.posts_url();
  config.category_id = program.id;
  config.limits.requests_per_second = 0;
  config.auth = BasicAuth{site.user(), wrong_password};
  Result<std::unique_ptr<WordPressSource>> source = WordPressSource::create(config);
  ASSERT_TRUE(source.ok()) << source.error().to_string();
  const Result<WordPressPage> page = (*source)->fetch_page(1);
  ASSERT_FALSE(page.ok());
  EXPECT_NE(page.error().message.find("authentication failed: the site answered HTTP 401 "
                                      "(rest_not_logged_in"),
            std::string::npos)
      << page.error().message;
  EXPECT_NE(page.error().post.url.find("/wp/v2/users/me"), std::string::npos)
      << page.error().post.url;
  EXPECT_EQ(page.error().to_string().find(wrong_password), std::string::npos);
}

}  // namespace
}  // namespace wodetl
