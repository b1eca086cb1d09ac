// S3ObjectStore against s3rver on 127.0.0.1.

#include "load/aws/s3_object_store.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "support/aws_local_services.hpp"

namespace wodetl {
namespace {

using testing::AwsLocalServices;

const ObjectMetadata kMetadata{{"idempotency_key", "abc123"}, {"operation", "dump_post_to_bucket"}};

class AwsS3ObjectStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WODETL_REQUIRE_AWS_STANDINS(services);
    client_ = std::make_shared<const AwsClient>(services->settings());
    store_ = std::make_unique<S3ObjectStore>(client_, AwsLocalServices::unique_name("s3-test"));
    Result<bool> created = store_->create_bucket_if_missing();
    ASSERT_TRUE(created.ok()) << created.error().to_string();
    ASSERT_TRUE(*created);
  }

  std::shared_ptr<const AwsClient> client_;
  std::unique_ptr<S3ObjectStore> store_;
};

TEST_F(AwsS3ObjectStoreTest, PutThenGetAndMetadata) {
  Result<WriteOutcome> put =
      store_->put_if_changed("raw/2020-12-20__week__raw.json", "{}", kMetadata);
  ASSERT_TRUE(put.ok()) << put.error().to_string();
  EXPECT_EQ(*put, WriteOutcome::kWritten);

  Result<std::optional<std::string>> body = store_->get("raw/2020-12-20__week__raw.json");
  ASSERT_TRUE(body.ok()) << body.error().to_string();
  EXPECT_EQ(body->value_or("missing"), "{}");

  Result<std::optional<ObjectMetadata>> metadata =
      store_->metadata("raw/2020-12-20__week__raw.json");
  ASSERT_TRUE(metadata.ok()) << metadata.error().to_string();
  ASSERT_TRUE(metadata->has_value());
  EXPECT_EQ(**metadata, kMetadata);
}

TEST_F(AwsS3ObjectStoreTest, SamePutLeavesObjectUnchanged) {
  ASSERT_TRUE(store_->put_if_changed("weekly/a.jsonl", "line\n", kMetadata).ok());
  Result<WriteOutcome> again = store_->put_if_changed("weekly/a.jsonl", "line\n", kMetadata);
  ASSERT_TRUE(again.ok()) << again.error().to_string();
  EXPECT_EQ(*again, WriteOutcome::kUnchanged);
}

TEST_F(AwsS3ObjectStoreTest, ChangedBodyOrMetadataIsWritten) {
  ASSERT_TRUE(store_->put_if_changed("weekly/a.jsonl", "one\n", kMetadata).ok());

  Result<WriteOutcome> new_body = store_->put_if_changed("weekly/a.jsonl", "two\n", kMetadata);
  ASSERT_TRUE(new_body.ok()) << new_body.error().to_string();
  EXPECT_EQ(*new_body, WriteOutcome::kWritten);
  EXPECT_EQ(store_->get("weekly/a.jsonl")->value_or(""), "two\n");

  const ObjectMetadata other{{"idempotency_key", "def456"}, {"operation", "dump_post_to_bucket"}};
  Result<WriteOutcome> new_metadata = store_->put_if_changed("weekly/a.jsonl", "two\n", other);
  ASSERT_TRUE(new_metadata.ok()) << new_metadata.error().to_string();
  EXPECT_EQ(*new_metadata, WriteOutcome::kWritten);
  EXPECT_EQ(store_->metadata("weekly/a.jsonl")->value_or(ObjectMetadata{}), other);
}

TEST_F(AwsS3ObjectStoreTest, KeyWithEqualsAndSpaceRoundTrips) {
  const std::string key = "weekly/a=b c/d=e f.jsonl";
  ASSERT_TRUE(store_->put_if_changed(key, "body", kMetadata).ok());

  EXPECT_EQ(store_->get(key)->value_or(""), "body");
  EXPECT_TRUE(*store_->exists(key));
  EXPECT_EQ(store_->metadata(key)->value_or(ObjectMetadata{}), kMetadata);
  Result<std::vector<std::string>> keys = store_->list("weekly/a=b");
  ASSERT_TRUE(keys.ok()) << keys.error().to_string();
  EXPECT_EQ(*keys, std::vector<std::string>{key});
  EXPECT_EQ(*store_->put_if_changed(key, "body", kMetadata), WriteOutcome::kUnchanged);

  ASSERT_TRUE(store_->remove(key).ok());
  EXPECT_FALSE(*store_->exists(key));
}

TEST_F(AwsS3ObjectStoreTest, NonAsciiKeyRoundTrips) {
  const std::string key = "raw/2021-01-04__caf\xc3\xa9+plus__raw.json";
  ASSERT_TRUE(store_->put_if_changed(key, "x", {}).ok());
  EXPECT_EQ(store_->get(key)->value_or(""), "x");
  EXPECT_EQ(*store_->list("raw/"), std::vector<std::string>{key});
}

TEST_F(AwsS3ObjectStoreTest, MissingKeyIsAbsent) {
  Result<std::optional<std::string>> body = store_->get("raw/missing.json");
  ASSERT_TRUE(body.ok()) << body.error().to_string();
  EXPECT_FALSE(body->has_value());
  EXPECT_FALSE(*store_->exists("raw/missing.json"));
  EXPECT_FALSE(store_->metadata("raw/missing.json")->has_value());
  EXPECT_TRUE(store_->remove("raw/missing.json").ok());
}

TEST_F(AwsS3ObjectStoreTest, ListPagesWithContinuationTokens) {
  S3ObjectStore paged(client_, store_->bucket(), /*list_page_size=*/2);
  std::vector<std::string> expected;
  for (int i = 0; i < 5; ++i) {
    expected.push_back("raw/" + std::to_string(i) + ".json");
    ASSERT_TRUE(paged.put_if_changed(expected.back(), "x", {}).ok());
  }
  ASSERT_TRUE(paged.put_if_changed("weekly/other.jsonl", "x", {}).ok());

  Result<std::vector<std::string>> keys = paged.list("raw/");
  ASSERT_TRUE(keys.ok()) << keys.error().to_string();
  EXPECT_EQ(*keys, expected);
  EXPECT_EQ(paged.list("")->size(), 6U);
}

TEST_F(AwsS3ObjectStoreTest, CreateBucketTwiceFindsIt) {
  Result<bool> created = store_->create_bucket_if_missing();
  ASSERT_TRUE(created.ok()) << created.error().to_string();
  EXPECT_FALSE(*created);
}

TEST_F(AwsS3ObjectStoreTest, MissingBucketErrorNamesS3) {
  S3ObjectStore missing(client_, AwsLocalServices::unique_name("absent"));
  Result<WriteOutcome> put = missing.put_if_changed("raw/x.json", "x", {});
  ASSERT_FALSE(put.ok());
  const std::string text = put.error().to_string();
  EXPECT_NE(text.find("S3 "), std::string::npos) << text;
  EXPECT_NE(text.find("HTTP 404"), std::string::npos) << text;
  EXPECT_NE(text.find("NoSuchBucket"), std::string::npos) << text;
  EXPECT_NE(text.find("request id "), std::string::npos) << text;
  EXPECT_NE(text.find("wodetl init --store aws"), std::string::npos) << text;
}

TEST_F(AwsS3ObjectStoreTest, InvalidKeysRejected) {
  for (const std::string& key :
       {std::string(), std::string("/abs"), std::string("a\nb"), std::string(1025, 'k')}) {
    Result<WriteOutcome> put = store_->put_if_changed(key, "x", {});
    ASSERT_FALSE(put.ok()) << key;
    EXPECT_EQ(put.error().code, ErrorCode::kInvalidInput);
  }
}

TEST_F(AwsS3ObjectStoreTest, InvalidMetadataRejected) {
  EXPECT_FALSE(store_->put_if_changed("raw/x.json", "x", {{"Bad Name", "v"}}).ok());
  EXPECT_FALSE(store_->put_if_changed("raw/x.json", "x", {{"note", "line\nbreak"}}).ok());
}

TEST(S3BucketName, ValidatesRules) {
  EXPECT_TRUE(validate_bucket_name("invictus-test-213").ok());
  EXPECT_TRUE(validate_bucket_name("a.b-c").ok());
  for (const char* name : {"ab", "Upper", "-start", "end-", "a..b", "192.168.0.1", "under_score"}) {
    EXPECT_FALSE(validate_bucket_name(name).ok()) << name;
  }
}

}  // namespace
}  // namespace wodetl
