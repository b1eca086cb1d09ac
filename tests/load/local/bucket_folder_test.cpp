#include "load/local/bucket_folder.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "load/load_test_support.hpp"

namespace wodetl {
namespace {

namespace fs = std::filesystem;
using testing::TempFolder;

std::string read_bytes(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

std::vector<std::string> folder_entries(const fs::path& folder) {
  std::vector<std::string> names;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

constexpr const char* kRawKey = "raw/2020-12-20__week-one__raw.json";

TEST(BucketFolderPut, FirstPutWrites) {
  TempFolder temp;
  BucketFolder bucket(temp.path() / "bucket");

  Result<WriteOutcome> outcome = bucket.put_if_changed(kRawKey, R"({"id":1})", {});

  ASSERT_TRUE(outcome.ok()) << outcome.error().to_string();
  EXPECT_EQ(*outcome, WriteOutcome::kWritten);
  EXPECT_EQ(read_bytes(temp.path() / "bucket" / kRawKey), R"({"id":1})");
}

TEST(BucketFolderPut, SamePutLeavesFileUntouched) {
  TempFolder temp;
  BucketFolder bucket(temp.path());
  const ObjectMetadata metadata = {{"post-id", "1"}};
  ASSERT_TRUE(bucket.put_if_changed(kRawKey, "body", metadata).ok());

  // Backdate the file so that any rewrite would show as a new mtime.
  const fs::path file = temp.path() / kRawKey;
  const fs::file_time_type old_time = fs::last_write_time(file) - std::chrono::hours(1);
  fs::last_write_time(file, old_time);

  Result<WriteOutcome> outcome = bucket.put_if_changed(kRawKey, "body", metadata);

  ASSERT_TRUE(outcome.ok()) << outcome.error().to_string();
  EXPECT_EQ(*outcome, WriteOutcome::kUnchanged);
  EXPECT_EQ(fs::last_write_time(file), old_time);
}

TEST(BucketFolderPut, ChangedBodyWrites) {
  TempFolder temp;
  BucketFolder bucket(temp.path());
  ASSERT_TRUE(bucket.put_if_changed(kRawKey, "first", {}).ok());

  Result<WriteOutcome> outcome = bucket.put_if_changed(kRawKey, "second", {});

  ASSERT_TRUE(outcome.ok()) << outcome.error().to_string();
  EXPECT_EQ(*outcome, WriteOutcome::kWritten);
  Result<std::optional<std::string>> body = bucket.get(kRawKey);
  ASSERT_TRUE(body.ok());
  ASSERT_TRUE(body->has_value());
  EXPECT_EQ(**body, "second");
}

TEST(BucketFolderPut, ChangedMetadataWrites) {
  TempFolder temp;
  BucketFolder bucket(temp.path());
  ASSERT_TRUE(bucket.put_if_changed(kRawKey, "body", {{"post-id", "1"}}).ok());

  Result<WriteOutcome> outcome = bucket.put_if_changed(kRawKey, "body", {{"post-id", "2"}});

  ASSERT_TRUE(outcome.ok()) << outcome.error().to_string();
  EXPECT_EQ(*outcome, WriteOutcome::kWritten);
  Result<std::optional<ObjectMetadata>> metadata = bucket.metadata(kRawKey);
  ASSERT_TRUE(metadata.ok());
  ASSERT_TRUE(metadata->has_value());
  EXPECT_EQ(**metadata, (ObjectMetadata{{"post-id", "2"}}));
}

TEST(BucketFolderPut, EmptyBodyIsAnObject) {
  TempFolder temp;
  BucketFolder bucket(temp.path());

  ASSERT_TRUE(bucket.put_if_changed("weekly/empty.jsonl", "", {}).ok());

  Result<std::optional<std::string>> body = bucket.get("weekly/empty.jsonl");
  ASSERT_TRUE(body.ok());
  ASSERT_TRUE(body->has_value());
  EXPECT_EQ(**body, "");
  Result<WriteOutcome> again = bucket.put_if_changed("weekly/empty.jsonl", "", {});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, WriteOutcome::kUnchanged);
}

TEST(BucketFolderMetadata, RoundTrip) {
  TempFolder temp;
  BucketFolder bucket(temp.path());
  const ObjectMetadata metadata = {
      {"post-id", "94"}, {"slug", "week-one"}, {"title", "Week \xc3\xa9"}};
  ASSERT_TRUE(bucket.put_if_changed(kRawKey, "body", metadata).ok());

  Result<std::optional<ObjectMetadata>> stored = bucket.metadata(kRawKey);

  ASSERT_TRUE(stored.ok()) << stored.error().to_string();
  ASSERT_TRUE(stored->has_value());
  EXPECT_EQ(**stored, metadata);
  EXPECT_TRUE(fs::is_regular_file(bucket.metadata_path(kRawKey)));
}

TEST(BucketFolderMetadata, EmptyWhenNoneStored) {
  TempFolder temp;
  BucketFolder bucket(temp.path());
  ASSERT_TRUE(bucket.put_if_changed(kRawKey, "body", {{"post-id", "1"}}).ok());
  ASSERT_TRUE(bucket.put_if_changed(kRawKey, "body", {}).ok());

  Result<std::optional<ObjectMetadata>> stored = bucket.metadata(kRawKey);

  ASSERT_TRUE(stored.ok());
  ASSERT_TRUE(stored->has_value());
  EXPECT_TRUE((*stored)->empty());
  EXPECT_FALSE(fs::exists(bucket.metadata_path(kRawKey)));
}

TEST(BucketFolderMetadata, MissingKeyIsNullopt) {
  TempFolder temp;
  BucketFolder bucket(temp.path());

  Result<std::optional<ObjectMetadata>> stored = bucket.metadata(kRawKey);

  ASSERT_TRUE(stored.ok());
  EXPECT_FALSE(stored->has_value());
}

TEST(BucketFolderMetadata, CorruptSideFileIsStoreError) {
  TempFolder temp;
  BucketFolder bucket(temp.path());
  ASSERT_TRUE(bucket.put_if_changed(kRawKey, "body", {{"post-id", "1"}}).ok());
  std::ofstream(bucket.metadata_path(kRawKey)) << "not json";

  Result<std::optional<ObjectMetadata>> stored = bucket.metadata(kRawKey);

  ASSERT_FALSE(stored.ok());
  EXPECT_EQ(stored.error().code, ErrorCode::kStore);
  EXPECT_NE(stored.error().message.find(kRawKey), std::string::npos);

  // The next put repairs the side file.
  Result<WriteOutcome> outcome = bucket.put_if_changed(kRawKey, "body", {{"post-id", "1"}});
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(*outcome, WriteOutcome::kWritten);
  EXPECT_TRUE(bucket.metadata(kRawKey).ok());
}

TEST(BucketFolderGet, MissingKeyIsNullopt) {
  TempFolder temp;
  BucketFolder bucket(temp.path() / "never-created");

  Result<std::optional<std::string>> body = bucket.get(kRawKey);

  ASSERT_TRUE(body.ok());
  EXPECT_FALSE(body->has_value());
  Result<bool> exists = bucket.exists(kRawKey);
  ASSERT_TRUE(exists.ok());
  EXPECT_FALSE(*exists);
}

TEST(BucketFolderList, ExcludesMetadataAndTempFiles) {
  TempFolder temp;
  BucketFolder bucket(temp.path());
  ASSERT_TRUE(bucket.put_if_changed("raw/b__raw.json", "b", {{"post-id", "2"}}).ok());
  ASSERT_TRUE(bucket.put_if_changed("raw/a__raw.json", "a", {{"post-id", "1"}}).ok());
  ASSERT_TRUE(bucket.put_if_changed("weekly/w.jsonl", "{}\n", {{"slug", "w"}}).ok());
  // A temporary file left behind by a crashed write.
  std::ofstream(temp.path() / "raw" / ".tmp-wodetl-1234-0") << "partial";

  Result<std::vector<std::string>> everything = bucket.list("");
  Result<std::vector<std::string>> raw = bucket.list("raw/");

  ASSERT_TRUE(everything.ok()) << everything.error().to_string();
  EXPECT_EQ(*everything,
            (std::vector<std::string>{"raw/a__raw.json", "raw/b__raw.json", "weekly/w.jsonl"}));
  ASSERT_TRUE(raw.ok());
  EXPECT_EQ(*raw, (std::vector<std::string>{"raw/a__raw.json", "raw/b__raw.json"}));
  EXPECT_EQ(folder_entries(temp.path() / "raw"),
            (std::vector<std::string>{".tmp-wodetl-1234-0", "a__raw.json", "b__raw.json"}));
  EXPECT_EQ(folder_entries(temp.path() / "weekly"), (std::vector<std::string>{"w.jsonl"}));
}

TEST(BucketFolderList, FiltersByPartialName) {
  TempFolder temp;
  BucketFolder bucket(temp.path());
  ASSERT_TRUE(bucket.put_if_changed("raw/2020-12-20__a__raw.json", "a", {}).ok());
  ASSERT_TRUE(bucket.put_if_changed("raw/2021-01-03__b__raw.json", "b", {}).ok());

  Result<std::vector<std::string>> keys = bucket.list("raw/2021-");

  ASSERT_TRUE(keys.ok());
  EXPECT_EQ(*keys, (std::vector<std::string>{"raw/2021-01-03__b__raw.json"}));
}

TEST(BucketFolderList, EmptyForMissingFolder) {
  TempFolder temp;
  BucketFolder bucket(temp.path() / "never-created");

  Result<std::vector<std::string>> keys = bucket.list("raw/");

  ASSERT_TRUE(keys.ok());
  EXPECT_TRUE(keys->empty());
}

TEST(BucketFolderList, MetadataPrefixListsNothing) {
  TempFolder temp;
  BucketFolder bucket(temp.path());
  ASSERT_TRUE(bucket.put_if_changed(kRawKey, "body", {{"post-id", "1"}}).ok());

  Result<std::vector<std::string>> keys = bucket.list(".metadata/");

  ASSERT_TRUE(keys.ok());
  EXPECT_TRUE(keys->empty());
}

TEST(BucketFolderRemove, DeletesBodyAndMetadata) {
  TempFolder temp;
  BucketFolder bucket(temp.path());
  ASSERT_TRUE(bucket.put_if_changed(kRawKey, "body", {{"post-id", "1"}}).ok());

  Status removed = bucket.remove(kRawKey);

  ASSERT_TRUE(removed.ok()) << removed.error().to_string();
  EXPECT_FALSE(fs::exists(bucket.object_path(kRawKey)));
  EXPECT_FALSE(fs::exists(bucket.metadata_path(kRawKey)));
  Result<bool> exists = bucket.exists(kRawKey);
  ASSERT_TRUE(exists.ok());
  EXPECT_FALSE(*exists);
}

TEST(BucketFolderRemove, MissingKeySucceeds) {
  TempFolder temp;
  BucketFolder bucket(temp.path());

  EXPECT_TRUE(bucket.remove(kRawKey).ok());
}

TEST(BucketFolderKeys, RejectsBadKeys) {
  TempFolder temp;
  BucketFolder bucket(temp.path());
  const std::vector<std::string> bad_keys = {
      "",
      "/etc/passwd",
      "..",
      "raw/../../outside.json",
      "raw/..",
      "./raw/x.json",
      "raw//x.json",
      "raw/",
      "raw\\x.json",
      std::string("raw/x\0y.json", 12),
      "raw/x\ny.json",
      ".metadata/raw/x.json",
      "raw/.tmp-wodetl-1-0",
  };

  for (const std::string& key : bad_keys) {
    SCOPED_TRACE("key: " + key);
    Result<WriteOutcome> put = bucket.put_if_changed(key, "body", {});
    ASSERT_FALSE(put.ok());
    EXPECT_EQ(put.error().code, ErrorCode::kInvalidInput);
    EXPECT_FALSE(bucket.get(key).ok());
    EXPECT_FALSE(bucket.metadata(key).ok());
    EXPECT_FALSE(bucket.exists(key).ok());
    EXPECT_FALSE(bucket.remove(key).ok());
  }
  EXPECT_TRUE(folder_entries(temp.path()).empty());
  EXPECT_FALSE(fs::exists(temp.path().parent_path() / "outside.json"));
}

TEST(BucketFolderKeys, AcceptsNestedAndDottedNames) {
  EXPECT_TRUE(validate_object_key("raw/2020-12-20__x__raw.json").ok());
  EXPECT_TRUE(validate_object_key("a/b/c/d.txt").ok());
  EXPECT_TRUE(validate_object_key("raw/..hidden").ok());
  EXPECT_TRUE(validate_object_key("weekly/.metadata").ok());
}

TEST(BucketFolderPut, RootIsAFileGivesStoreError) {
  TempFolder temp;
  const fs::path root = temp.path() / "plain-file";
  std::ofstream(root) << "not a folder";
  BucketFolder bucket(root);

  Result<WriteOutcome> outcome = bucket.put_if_changed(kRawKey, "body", {});

  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.error().code, ErrorCode::kStore);
  EXPECT_NE(outcome.error().message.find(kRawKey), std::string::npos);
}

TEST(BucketFolderPut, ConcurrentPutsStayConsistent) {
  TempFolder temp;
  BucketFolder bucket(temp.path());
  constexpr int kThreads = 8;
  constexpr int kPutsPerThread = 40;
  std::vector<std::thread> threads;
  std::vector<int> failures(kThreads, 0);

  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&bucket, &failures, t] {
      for (int i = 0; i < kPutsPerThread; ++i) {
        const std::string own_key =
            "weekly/thread-" + std::to_string(t) + "-" + std::to_string(i) + ".jsonl";
        const std::string body = "body of thread " + std::to_string(t);
        const ObjectMetadata metadata = {{"thread", std::to_string(t)}};
        if (!bucket.put_if_changed(own_key, body, metadata).ok()) {
          ++failures[t];
        }
        // Every thread also writes one shared key, so same-key puts race.
        if (!bucket.put_if_changed("weekly/shared.jsonl", body, metadata).ok()) {
          ++failures[t];
        }
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }

  EXPECT_EQ(failures, std::vector<int>(kThreads, 0));
  Result<std::vector<std::string>> keys = bucket.list("weekly/");
  ASSERT_TRUE(keys.ok());
  EXPECT_EQ(keys->size(), static_cast<std::size_t>(kThreads * kPutsPerThread + 1));
  // The shared object's body and metadata come from the same thread's put.
  Result<std::optional<std::string>> shared = bucket.get("weekly/shared.jsonl");
  Result<std::optional<ObjectMetadata>> shared_metadata = bucket.metadata("weekly/shared.jsonl");
  ASSERT_TRUE(shared.ok());
  ASSERT_TRUE(shared_metadata.ok());
  ASSERT_TRUE(shared->has_value());
  ASSERT_TRUE(shared_metadata->has_value());
  EXPECT_EQ(**shared, "body of thread " + (**shared_metadata).at("thread"));
  // No temporary file is left in the folder.
  for (const std::string& name : folder_entries(temp.path() / "weekly")) {
    EXPECT_FALSE(name.starts_with(".tmp-wodetl-")) << name;
  }
}

TEST(BucketFolderDescribe, NamesRoot) {
  BucketFolder bucket("/data/bucket");
  EXPECT_EQ(bucket.describe(), "bucket folder /data/bucket");
}

}  // namespace
}  // namespace wodetl
