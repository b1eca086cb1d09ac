#include "extract/post_parser.hpp"

#include <gtest/gtest.h>

#include <string>

#include "support/wordpress_standin.hpp"

namespace wodetl {
namespace {

const std::string kFile = "exports/week-1.json";
const std::string kPageUrl = "http://127.0.0.1:8080/wp-json/wp/v2/posts?per_page=100&page=1";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(ParsePost, MapsRestFields) {
  Json object = testing::workout_post(4101, 3);
  Result<Post> post = parse_post(object, kPageUrl);

  ASSERT_TRUE(post.ok()) << post.error().to_string();
  EXPECT_EQ(post->id, 4101);
  EXPECT_EQ(post->slug, "weightlifting-program-3");
  EXPECT_EQ(post->title, "Weightlifting Program &#8211; Week 3");
  EXPECT_EQ(post->date, "2023-01-16T17:00:00");
  EXPECT_EQ(post->date_gmt, "2023-01-16T22:00:00");
  EXPECT_EQ(post->modified_gmt, "2023-01-16T22:05:00");
  EXPECT_EQ(post->link, "https://wodetl.test/weightlifting-program-3/");
  EXPECT_EQ(post->status, "publish");
  EXPECT_EQ(post->content_html, object["content"]["rendered"].get<std::string>());
  EXPECT_EQ(post->origin, kPageUrl);
}

TEST(ParsePost, RawJsonKeepsKeyOrder) {
  Json object = Json::parse(
      R"({"slug":"b-first","id":7,"content":{"rendered":"<p>A. Snatch</p>","protected":false},"date":"2023-02-01T08:00:00"})");
  Result<Post> post = parse_post(object, kFile);

  ASSERT_TRUE(post.ok()) << post.error().to_string();
  EXPECT_EQ(
      post->raw_json,
      R"({"slug":"b-first","id":7,"content":{"rendered":"<p>A. Snatch</p>","protected":false},"date":"2023-02-01T08:00:00"})");
}

TEST(ParsePost, OptionalFieldsMayBeMissing) {
  Json object = Json::parse(
      R"({"id":8,"slug":"bare","date":"2023-02-01T08:00:00","content":{"rendered":""}})");
  Result<Post> post = parse_post(object, kFile);

  ASSERT_TRUE(post.ok()) << post.error().to_string();
  EXPECT_EQ(post->title, "");
  EXPECT_EQ(post->link, "");
  EXPECT_EQ(post->status, "");
  EXPECT_EQ(post->date_gmt, "");
}

TEST(ParsePost, MissingContentNamesPostAndFile) {
  Json object = testing::workout_post(4102, 1);
  object.erase("content");
  Result<Post> post = parse_post(object, kFile);

  ASSERT_FALSE(post.ok());
  const Error& error = post.error();
  EXPECT_EQ(error.code, ErrorCode::kInvalidInput);
  EXPECT_EQ(error.post.id, 4102);
  EXPECT_EQ(error.post.slug, "weightlifting-program-1");
  EXPECT_EQ(error.post.file, kFile);
  EXPECT_TRUE(contains(error.message, "content.rendered is missing")) << error.message;
  EXPECT_FALSE(error.hint.empty());
  EXPECT_TRUE(contains(error.to_string(), "post 4102 'weightlifting-program-1'"))
      << error.to_string();
}

TEST(ParsePost, ProtectedPostWithoutContentMarked) {
  Json object = testing::workout_post(4110, 2);
  object["content"] = Json::parse(R"({"rendered":"","protected":true})");
  Result<Post> post = parse_post(object, kPageUrl);

  ASSERT_TRUE(post.ok()) << post.error().to_string();
  EXPECT_TRUE(post->content_protected);
  EXPECT_EQ(post->modified_gmt, "2023-01-09T22:05:00");
}

TEST(ParsePost, ProtectedPostWithContentParses) {
  // A reader that gave the post's password gets the content, still marked as protected.
  Json object = testing::workout_post(4111, 2);
  object["content"]["protected"] = true;
  Result<Post> post = parse_post(object, kPageUrl);

  ASSERT_TRUE(post.ok()) << post.error().to_string();
  EXPECT_FALSE(post->content_html.empty());
  EXPECT_FALSE(post->content_protected);
}

TEST(ParsePost, ContentWithoutRenderedRejected) {
  Json object = testing::workout_post(4103, 1);
  object["content"] = "<p>plain</p>";
  Result<Post> post = parse_post(object, kFile);

  ASSERT_FALSE(post.ok());
  EXPECT_TRUE(contains(post.error().message, "content is a string")) << post.error().message;
}

TEST(ParsePost, WrongTypedIdRejected) {
  Json object = testing::workout_post(4104, 1);
  object["id"] = "4104";
  Result<Post> post = parse_post(object, kPageUrl);

  ASSERT_FALSE(post.ok());
  const Error& error = post.error();
  EXPECT_TRUE(contains(error.message, "id is a string")) << error.message;
  EXPECT_FALSE(error.post.id.has_value());
  EXPECT_EQ(error.post.slug, "weightlifting-program-1");
  EXPECT_EQ(error.post.url, "https://wodetl.test/weightlifting-program-1/");
  EXPECT_EQ(error.post.file, "");
}

TEST(ParsePost, NonPositiveIdRejected) {
  Json object = testing::workout_post(4105, 1);
  object["id"] = 0;
  Result<Post> post = parse_post(object, kFile);

  ASSERT_FALSE(post.ok());
  EXPECT_TRUE(contains(post.error().message, "not a positive integer")) << post.error().message;
}

TEST(ParsePost, MissingSlugOrDateRejected) {
  for (const char* field : {"slug", "date"}) {
    Json object = testing::workout_post(4106, 1);
    object.erase(field);
    Result<Post> post = parse_post(object, kFile);

    ASSERT_FALSE(post.ok()) << field;
    EXPECT_EQ(post.error().message, std::string(field) + " is missing");
    EXPECT_EQ(post.error().post.id, 4106);
  }
}

TEST(ParsePost, WrongTypedOptionalFieldRejected) {
  Json object = testing::workout_post(4107, 1);
  object["modified_gmt"] = 20230101;
  Result<Post> post = parse_post(object, kFile);

  ASSERT_FALSE(post.ok());
  EXPECT_EQ(post.error().message, "modified_gmt is a number, expected a string");
}

TEST(ParsePost, UrlOriginWithoutLinkNamesRequest) {
  Json object = Json::parse(R"({"id":9,"slug":"no-link","date":"2023-02-01T08:00:00"})");
  Result<Post> post = parse_post(object, kPageUrl);

  ASSERT_FALSE(post.ok());
  EXPECT_EQ(post.error().post.url, kPageUrl);
  EXPECT_EQ(post.error().post.file, "");
}

TEST(ParsePostsDocument, ReadsArrayInOrder) {
  Json document = Json::array({testing::workout_post(1, 1), testing::workout_post(2, 2)});
  Result<PostBatch> batch = parse_posts_document(document.dump(), kFile);

  ASSERT_TRUE(batch.ok()) << batch.error().to_string();
  ASSERT_EQ(batch->size(), 2u);
  ASSERT_TRUE((*batch)[0].ok());
  ASSERT_TRUE((*batch)[1].ok());
  EXPECT_EQ((*batch)[0]->id, 1);
  EXPECT_EQ((*batch)[1]->id, 2);
}

TEST(ParsePostsDocument, ReadsSingleObject) {
  Result<PostBatch> batch = parse_posts_document(testing::workout_post(5, 1).dump(), kFile);

  ASSERT_TRUE(batch.ok()) << batch.error().to_string();
  ASSERT_EQ(batch->size(), 1u);
  ASSERT_TRUE(batch->front().ok());
  EXPECT_EQ(batch->front()->id, 5);
}

TEST(ParsePostsDocument, BadItemsBecomeErrorItems) {
  Json bad = testing::workout_post(2, 2);
  bad["content"].erase("rendered");
  Json document =
      Json::array({testing::workout_post(1, 1), bad, "not a post", testing::workout_post(3, 3)});
  Result<PostBatch> batch = parse_posts_document(document.dump(), kFile);

  ASSERT_TRUE(batch.ok()) << batch.error().to_string();
  ASSERT_EQ(batch->size(), 4u);
  EXPECT_TRUE((*batch)[0].ok());
  ASSERT_FALSE((*batch)[1].ok());
  EXPECT_EQ((*batch)[1].error().post.id, 2);
  EXPECT_EQ((*batch)[1].error().post.slug, "weightlifting-program-2");
  ASSERT_FALSE((*batch)[2].ok());
  EXPECT_TRUE(contains((*batch)[2].error().message, "array item 3 of 4"))
      << (*batch)[2].error().message;
  EXPECT_TRUE((*batch)[3].ok());
}

TEST(ParsePostsDocument, InvalidJsonNamesOriginAndPosition) {
  Result<PostBatch> batch = parse_posts_document("[{\"id\": 1,\n  \"slug\": }]", kFile);

  ASSERT_FALSE(batch.ok());
  const Error& error = batch.error();
  EXPECT_EQ(error.code, ErrorCode::kInvalidInput);
  EXPECT_EQ(error.post.file, kFile);
  EXPECT_TRUE(contains(error.message, "invalid JSON")) << error.message;
  EXPECT_TRUE(contains(error.message, "line 2")) << error.message;
  EXPECT_FALSE(contains(error.message, "[json.exception")) << error.message;
}

TEST(ParsePostsDocument, TruncatedBodyQuotesOnlyItsEnd) {
  const std::string body(5000, 'a');
  Result<PostBatch> batch =
      parse_posts_document(R"({"id": 1, "content": {"rendered": ")" + body + "the end", kFile);

  ASSERT_FALSE(batch.ok());
  const std::string& message = batch.error().message;
  EXPECT_TRUE(contains(message, "missing closing quote")) << message;
  EXPECT_TRUE(contains(message, "last read: '...")) << message;
  EXPECT_TRUE(contains(message, "the end'")) << message;
  EXPECT_LT(message.size(), 300U) << message;
}

TEST(ParsePostsDocument, EmptyTextRejected) {
  Result<PostBatch> batch = parse_posts_document("", kFile);

  ASSERT_FALSE(batch.ok());
  EXPECT_TRUE(contains(batch.error().message, "invalid JSON")) << batch.error().message;
}

TEST(ParsePostsDocument, ScalarDocumentRejected) {
  Result<PostBatch> batch = parse_posts_document("42", kPageUrl);

  ASSERT_FALSE(batch.ok());
  EXPECT_TRUE(contains(batch.error().message, "is a JSON number")) << batch.error().message;
  EXPECT_EQ(batch.error().post.url, kPageUrl);
}

TEST(ParsePostsDocument, WordPressErrorObjectRejected) {
  Result<PostBatch> batch = parse_posts_document(
      R"({"code":"rest_forbidden","message":"Sorry, you are not allowed to do that.","data":{"status":401}})",
      kFile);

  ASSERT_FALSE(batch.ok());
  EXPECT_TRUE(
      contains(batch.error().message, "rest_forbidden: Sorry, you are not allowed to do that."))
      << batch.error().message;
}

TEST(ParsePostsDocument, EmptyArrayGivesEmptyBatch) {
  Result<PostBatch> batch = parse_posts_document("[]", kPageUrl);

  ASSERT_TRUE(batch.ok());
  EXPECT_TRUE(batch->empty());
}

}  // namespace
}  // namespace wodetl
