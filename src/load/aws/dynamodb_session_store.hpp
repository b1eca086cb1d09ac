#pragma once
// SessionStore in the original pipeline's DynamoDB sessions table (see session_item.hpp for the
// item layout and dynamodb_tables.hpp for the table).

#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "load/aws/dynamodb_batch_writer.hpp"
#include "load/aws/dynamodb_client.hpp"
#include "load/object_store.hpp"
#include "load/session_store.hpp"

namespace wodetl {

//! Settings of a DynamoDbSessionStore beyond the table.
struct DynamoDbSessionStoreOptions {
  BatchWriterOptions batch;
  //! Replaces DynamoDbClient::call as the sender of BatchWriteItem; tests use it to return
  //! UnprocessedItems. Empty means the client.
  BatchWriteSender batch_sender;
  //! Longest date range, in days, read with one Query per date. A longer range is read with a
  //! Scan filtered on date, because date is the hash key and no Query spans several dates.
  int max_query_days = 31;
};

//! Session records in a DynamoDB table keyed by date (hash) and session (range).
//!
//! replace_post_sessions reads the stored items of the records' keys with a strongly consistent
//! BatchGetItem. It finds the keys of the post's items with a Query on post_id-index, or with a
//! filtered Scan when the table lacks that index, as tables made for the original pipeline do.
//! It then writes the new and changed items and deletes the post's items that the records no
//! longer have, through BatchWriteItem. Unlike the SQLite store this is not one transaction: a
//! failure can leave part of the writes done, and the post is then processed again by the next
//! run, because it is not marked done.
//!
//! A record whose item would pass DynamoDB's 400 KB limit keeps its JSON in the object store
//! under large-records/ and a pointer in the item. Without an object store it fails with an
//! Error naming the record and its size.
//!
//! Thread safety: every method may be called from several threads at once.
class DynamoDbSessionStore : public SessionStore {
 public:
  DynamoDbSessionStore(std::shared_ptr<const DynamoDbClient> client, std::string table,
                       std::shared_ptr<ObjectStore> large_records,
                       DynamoDbSessionStoreOptions options = {});

  Result<ReplaceOutcome> replace_post_sessions(const SourceRef& source,
                                               const std::vector<SessionRecord>& records) override;
  Result<std::vector<SessionRecord>> sessions_between(const std::string& first_date,
                                                      const std::string& last_date) override;
  Result<std::vector<SessionRecord>> all_sessions() override;

  [[nodiscard]] const std::string& table() const { return table_; }

 private:
  struct StoredItem;

  [[nodiscard]] std::string resource() const { return "table " + table_; }
  //! Reads the stored items of keys, with the attributes replace_post_sessions compares.
  Result<std::vector<StoredItem>> read_items(const std::vector<Json>& keys) const;
  //! Keys of every item of post_id.
  Result<std::vector<Json>> post_item_keys(std::int64_t post_id) const;
  //! True when the table has post_id-index. Calls DescribeTable once and caches the result.
  Result<bool> has_post_index() const;
  //! Turns items into records, reading external JSON from the object store, and sorts them.
  Result<std::vector<SessionRecord>> records_of(std::vector<Json> items) const;

  std::shared_ptr<const DynamoDbClient> client_;
  std::string table_;
  std::shared_ptr<ObjectStore> large_records_;
  DynamoDbSessionStoreOptions options_;
  mutable std::mutex index_mutex_;
  mutable std::optional<bool> has_post_index_;
};

}  // namespace wodetl
