// Checks of the real WordPress test harness itself: each seeding call does what its header
// documents, so that tests built on it can trust what the site contains.

#include "support/real_wordpress.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "support/program_posts.hpp"

namespace wodetl {
namespace {

using testing::NewPost;
using testing::SeededPost;

std::set<std::int64_t> ids_of(const std::vector<Json>& posts) {
  std::set<std::int64_t> ids;
  for (const Json& post : posts) {
    ids.insert(post.at("id").get<std::int64_t>());
  }
  return ids;
}

class RealWordPressHarnessTest : public testing::RealWordPressTest {};

TEST_F(RealWordPressHarnessTest, CategoriesAreNewEachCall) {
  testing::RealWordPress& site = wordpress();
  const testing::WordPressTerm first = site.create_category("Weightlifting");
  const testing::WordPressTerm second = site.create_category("Weightlifting");
  EXPECT_NE(first.id, second.id);
  EXPECT_NE(first.slug, second.slug);
  EXPECT_TRUE(first.name.starts_with("Weightlifting ")) << first.name;
  EXPECT_TRUE(first.slug.starts_with("weightlifting-")) << first.slug;
}

TEST_F(RealWordPressHarnessTest, CreateUpdateDeleteThroughRest) {
  testing::RealWordPress& site = wordpress();
  const testing::WordPressTerm category = site.create_category("Weightlifting");
  const testing::WordPressTerm tag = site.create_tag("Strength");

  NewPost post = testing::weekly_program_post(5, category.id);
  post.tags = {tag.id};
  const SeededPost created = site.create_post(post);
  EXPECT_EQ(created.status, "publish");
  EXPECT_EQ(created.date_gmt, post.date_gmt);
  // Other tests post the same week, and WordPress then appends "-2", "-3", … to the slug.
  EXPECT_TRUE(created.slug.starts_with("february-1-7-2021-3-day-weightlifting-program"))
      << created.slug;
  EXPECT_TRUE(created.link.starts_with(site.url() + "/2021/01/30/")) << created.link;

  const Json stored = site.rest("GET", "/wp/v2/posts/" + std::to_string(created.id)).json();
  EXPECT_EQ(stored["tags"], Json::array({tag.id}));
  EXPECT_EQ(stored["categories"], Json::array({category.id}));
  EXPECT_EQ(stored["title"]["rendered"], "February 1-7, 2021 &#8211; 3 Day Weightlifting Program");

  const SeededPost updated = site.update_post(created.id, {.title = "Renamed -- week 5"});
  EXPECT_EQ(updated.slug, created.slug);
  const Json renamed = site.rest("GET", "/wp/v2/posts/" + std::to_string(created.id)).json();
  EXPECT_EQ(renamed["title"]["rendered"], "Renamed &#8212; week 5");

  site.delete_post(created.id);
  EXPECT_EQ(site.rest("GET", "/wp/v2/posts/" + std::to_string(created.id)).status, 404);
}

TEST_F(RealWordPressHarnessTest, ListPostsByStatus) {
  testing::RealWordPress& site = wordpress();
  const testing::WordPressTerm category = site.create_category("Weightlifting");
  NewPost draft = testing::weekly_program_post(2, category.id);
  draft.status = "draft";
  const std::vector<SeededPost> seeded =
      site.insert_posts({testing::weekly_program_post(1, category.id), draft});
  ASSERT_EQ(seeded.size(), 2U);
  EXPECT_EQ(seeded[1].status, "draft");

  EXPECT_EQ(ids_of(site.list_posts(category.id)), std::set<std::int64_t>{seeded[0].id});
  EXPECT_EQ(ids_of(site.list_posts(category.id, "draft")), std::set<std::int64_t>{seeded[1].id});
  EXPECT_EQ(ids_of(site.list_posts(category.id, "any")),
            (std::set<std::int64_t>{seeded[0].id, seeded[1].id}));
  // context=edit returns the content as typed.
  EXPECT_EQ(site.list_posts(category.id)[0]["content"]["raw"],
            testing::weekly_program_post(1, category.id).content);
}

TEST_F(RealWordPressHarnessTest, InsertPostsPagesPastOneHundred) {
  testing::RealWordPress& site = wordpress();
  const testing::WordPressTerm category = site.create_category("Weightlifting");
  std::vector<NewPost> posts;
  for (int week = 1; week <= 101; ++week) {
    posts.push_back(testing::weekly_program_post(week, category.id));
  }
  const std::vector<SeededPost> seeded = site.insert_posts(posts);
  ASSERT_EQ(seeded.size(), posts.size());
  EXPECT_EQ(seeded[100].date_gmt, posts[100].date_gmt);
  EXPECT_EQ(site.list_posts(category.id).size(), 101U);

  const testing::RestResponse page = site.rest(
      "GET", "/wp/v2/posts?per_page=100&categories=" + std::to_string(category.id), nullptr, false);
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.header("X-WP-Total"), "101");
  EXPECT_EQ(page.header("X-WP-TotalPages"), "2");
}

TEST_F(RealWordPressHarnessTest, SetModifiedChangesOnlyModified) {
  testing::RealWordPress& site = wordpress();
  const testing::WordPressTerm category = site.create_category("Weightlifting");
  NewPost post = testing::weekly_program_post(1, category.id);
  post.modified_gmt = "2021-01-03T08:00:00";
  const std::vector<SeededPost> seeded = site.insert_posts({post});
  ASSERT_EQ(seeded.size(), 1U);
  EXPECT_EQ(seeded[0].modified_gmt, "2021-01-03T08:00:00");

  const std::vector<SeededPost> changed =
      site.set_modified({{seeded[0].id, "2021-02-01T12:30:00"}});
  ASSERT_EQ(changed.size(), 1U);
  EXPECT_EQ(changed[0].modified_gmt, "2021-02-01T12:30:00");
  const Json stored = site.rest("GET", "/wp/v2/posts/" + std::to_string(seeded[0].id)).json();
  EXPECT_EQ(stored["modified_gmt"], "2021-02-01T12:30:00");
  EXPECT_EQ(stored["date_gmt"], post.date_gmt);
}

TEST_F(RealWordPressHarnessTest, BadSeedInputIsClearError) {
  testing::RealWordPress& site = wordpress();
  NewPost post = testing::weekly_program_post(1, 1);
  post.date_gmt = "02/01/2021";
  try {
    (void)site.insert_posts({post});
    FAIL() << "insert_posts accepted date_gmt " << post.date_gmt;
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("date_gmt must look like 2023-01-02T09:00:00"),
              std::string::npos)
        << error.what();
  }
  EXPECT_THROW((void)site.set_modified({{999999999, "2021-02-01T12:30:00"}}), std::runtime_error);
  NewPost with_modified = post;
  with_modified.modified_gmt = "2021-02-01T12:30:00";
  EXPECT_THROW((void)site.create_post(with_modified), std::invalid_argument);
}

}  // namespace
}  // namespace wodetl
