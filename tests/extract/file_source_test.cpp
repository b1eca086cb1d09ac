#include "extract/file_source.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/fixtures.hpp"
#include "support/wordpress_standin.hpp"

namespace fs = std::filesystem;

namespace wodetl {
namespace {

//! Writes `text` to `name` in `folder` and returns the file's path.
fs::path write_file(const testing::TempFolder& folder, const std::string& name,
                    const std::string& text) {
  fs::path file = folder.path() / name;
  std::ofstream(file, std::ios::binary) << text;
  return file;
}

std::vector<PostBatch> fetch_all(FileSource& source, Status& status) {
  std::vector<PostBatch> batches;
  status = source.fetch([&batches](PostBatch&& batch) { batches.push_back(std::move(batch)); });
  return batches;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(FileSource, ReadsSingleFile) {
  testing::TempFolder folder;
  Json posts = Json::array({testing::workout_post(11, 1), testing::workout_post(12, 2)});
  fs::path file = write_file(folder, "export.json", posts.dump(2));
  FileSource source(file);

  Status status = ok_status();
  std::vector<PostBatch> batches = fetch_all(source, status);

  ASSERT_TRUE(status.ok()) << status.error().to_string();
  ASSERT_EQ(batches.size(), 1u);
  ASSERT_EQ(batches[0].size(), 2u);
  ASSERT_TRUE(batches[0][0].ok());
  EXPECT_EQ(batches[0][0]->id, 11);
  EXPECT_EQ(batches[0][0]->origin, file.string());
  EXPECT_EQ(source.describe(), "file " + file.string());
}

TEST(FileSource, ReadsFolderInNameOrder) {
  testing::TempFolder folder;
  write_file(folder, "b.json", testing::workout_post(22, 2).dump());
  write_file(folder, "a.json", Json::array({testing::workout_post(21, 1)}).dump());
  write_file(folder, "c.json",
             Json::array({testing::workout_post(23, 3), testing::workout_post(24, 4)}).dump());
  write_file(folder, "notes.txt", "not a post");
  write_file(folder, "d.json.bak", "[]");
  fs::create_directories(folder.path() / "nested.json");
  write_file(folder, "nested.json/e.json", testing::workout_post(25, 5).dump());
  FileSource source(folder.path());

  Status status = ok_status();
  std::vector<PostBatch> batches = fetch_all(source, status);

  ASSERT_TRUE(status.ok()) << status.error().to_string();
  ASSERT_EQ(batches.size(), 3u);
  std::vector<std::int64_t> ids;
  for (const PostBatch& batch : batches) {
    for (const Result<Post>& post : batch) {
      ASSERT_TRUE(post.ok()) << post.error().to_string();
      ids.push_back(post->id);
    }
  }
  EXPECT_EQ(ids, (std::vector<std::int64_t>{21, 22, 23, 24}));
  EXPECT_EQ(source.describe(), "folder " + folder.path().string());
}

TEST(FileSource, InvalidJsonFileBecomesErrorItem) {
  testing::TempFolder folder;
  write_file(folder, "a.json", testing::workout_post(31, 1).dump());
  fs::path broken = write_file(folder, "b.json", "[{\"id\": 32, \"slug\": ");
  write_file(folder, "c.json", testing::workout_post(33, 3).dump());
  FileSource source(folder.path());

  Status status = ok_status();
  std::vector<PostBatch> batches = fetch_all(source, status);

  ASSERT_TRUE(status.ok()) << status.error().to_string();
  ASSERT_EQ(batches.size(), 3u);
  ASSERT_EQ(batches[1].size(), 1u);
  ASSERT_FALSE(batches[1][0].ok());
  const Error& error = batches[1][0].error();
  EXPECT_EQ(error.code, ErrorCode::kInvalidInput);
  EXPECT_EQ(error.post.file, broken.string());
  EXPECT_TRUE(contains(error.message, "invalid JSON")) << error.message;
  EXPECT_TRUE(batches[0][0].ok());
  EXPECT_TRUE(batches[2][0].ok());
}

TEST(FileSource, PostMissingContentNamesFileAndPost) {
  testing::TempFolder folder;
  Json bad = testing::workout_post(41, 1);
  bad.erase("content");
  fs::path file =
      write_file(folder, "posts.json", Json::array({bad, testing::workout_post(42, 2)}).dump());
  FileSource source(file);

  Status status = ok_status();
  std::vector<PostBatch> batches = fetch_all(source, status);

  ASSERT_TRUE(status.ok());
  ASSERT_EQ(batches.size(), 1u);
  ASSERT_EQ(batches[0].size(), 2u);
  ASSERT_FALSE(batches[0][0].ok());
  const std::string text = batches[0][0].error().to_string();
  EXPECT_TRUE(contains(text, "post 41 'weightlifting-program-1'")) << text;
  EXPECT_TRUE(contains(text, file.string())) << text;
  EXPECT_TRUE(contains(text, "content.rendered is missing")) << text;
  ASSERT_TRUE(batches[0][1].ok());
  EXPECT_EQ(batches[0][1]->id, 42);
}

TEST(FileSource, MissingFolderIsNotFound) {
  testing::TempFolder folder;
  FileSource source(folder.path() / "no-such-folder");

  Status status = ok_status();
  std::vector<PostBatch> batches = fetch_all(source, status);

  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(contains(status.error().message, "no-such-folder")) << status.error().message;
  EXPECT_FALSE(status.error().hint.empty());
  EXPECT_TRUE(batches.empty());
}

TEST(FileSource, EmptyFolderGivesNoBatches) {
  testing::TempFolder folder;
  FileSource source(folder.path());

  Status status = ok_status();
  std::vector<PostBatch> batches = fetch_all(source, status);

  ASSERT_TRUE(status.ok());
  EXPECT_TRUE(batches.empty());
}

TEST(FileSource, UnreadableFileBecomesErrorItem) {
  if (geteuid() == 0) {
    GTEST_SKIP() << "root reads files without read permission";
  }
  testing::TempFolder folder;
  fs::path file = write_file(folder, "locked.json", testing::workout_post(51, 1).dump());
  fs::permissions(file, fs::perms::none);
  write_file(folder, "open.json", testing::workout_post(52, 2).dump());
  FileSource source(folder.path());

  Status status = ok_status();
  std::vector<PostBatch> batches = fetch_all(source, status);

  ASSERT_TRUE(status.ok());
  ASSERT_EQ(batches.size(), 2u);
  ASSERT_FALSE(batches[0][0].ok());
  EXPECT_EQ(batches[0][0].error().post.file, file.string());
  EXPECT_TRUE(contains(batches[0][0].error().message, "failed to read"))
      << batches[0][0].error().message;
  EXPECT_TRUE(batches[1][0].ok());
}

TEST(ReadPostFile, FolderPathBecomesErrorItem) {
  testing::TempFolder folder;
  PostBatch batch = read_post_file(folder.path());

  ASSERT_EQ(batch.size(), 1u);
  ASSERT_FALSE(batch[0].ok());
  EXPECT_EQ(batch[0].error().post.file, folder.path().string());
}

}  // namespace
}  // namespace wodetl
