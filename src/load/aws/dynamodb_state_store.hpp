#pragma once
// StateStore in DynamoDB: idempotency records in the original pipeline's idempotency table,
// post states in the posts table (see dynamodb_tables.hpp).

#include <memory>
#include <string>

#include "load/aws/dynamodb_client.hpp"
#include "load/state_store.hpp"

namespace wodetl {

//! Idempotency records and post states in DynamoDB.
//!
//! An idempotency item has the original pipeline's attributes: idempotency_key (S), ttl (N,
//! epoch seconds, the table's Time to Live attribute) and completed_at (S, UTC ISO 8601). wodetl
//! adds operation (S). DynamoDB deletes expired items only within a few days, so is_done and
//! claim compare ttl with the current time themselves.
//!
//! A post item has post_id (N), slug, link, modified_gmt, title, content_sha256, process_key,
//! status, reason, preamble_json and updated_at (S), and session_dates (L of S).
//!
//! Calls fail with an Error when a table is unreachable. The runner and the sync then log a
//! warning and go on, as the original did ("fail open").
//!
//! Thread safety: every method may be called from several threads at once.
class DynamoDbStateStore : public StateStore {
 public:
  //! sessions_table names the deployment: it is part of each sync cursor's key, so that
  //! deployments that share one idempotency table keep their own cursors.
  DynamoDbStateStore(std::shared_ptr<const DynamoDbClient> client, std::string idempotency_table,
                     std::string posts_table, std::string sessions_table);

  Result<bool> is_done(const std::string& idempotency_key, Clock::time_point now) override;
  Status mark_done(const std::string& idempotency_key, const std::string& operation,
                   Clock::time_point expires_at) override;
  //! PutItem with ConditionExpression "attribute_not_exists(idempotency_key) OR ttl <= now";
  //! ConditionalCheckFailedException means that another record has the key, and gives false.
  Result<bool> claim(const std::string& idempotency_key, const std::string& operation,
                     Clock::time_point expires_at, Clock::time_point now) override;
  Status release(const std::string& idempotency_key) override;

  Status save_post_state(const PostState& state) override;
  Result<std::optional<PostState>> find_post_state(std::int64_t post_id) override;
  //! Scan of the posts table, page by page through LastEvaluatedKey, sorted by post id
  //! afterwards. Only items with post_id and status count as post states.
  Result<std::vector<PostState>> all_post_states() override;
  //! DeleteItem of the post's item; deleting a missing item succeeds, as in DynamoDB.
  Status remove_post_state(std::int64_t post_id) override;

  //! The cursor of a source is an item of the idempotency table with the key
  //! "sync_cursor#SESSIONS_TABLE#SOURCE" and no ttl, so that it never expires and needs no table
  //! of its own. A cursor saved under another sessions table is not read.
  Result<std::optional<SyncCursor>> find_sync_cursor(const std::string& source) override;
  Status save_sync_cursor(const SyncCursor& cursor) override;

 private:
  //! Reads the item of key in table with a strongly consistent GetItem, with the members of
  //! options (e.g. ProjectionExpression) added to the request; std::nullopt when it is absent.
  [[nodiscard]] Result<std::optional<Json>> get_item(const std::string& table, Json key,
                                                     Json options = Json::object()) const;
  [[nodiscard]] Json idempotency_item(const std::string& idempotency_key,
                                      const std::string& operation,
                                      Clock::time_point expires_at) const;

  std::shared_ptr<const DynamoDbClient> client_;
  std::string idempotency_table_;
  std::string posts_table_;
  std::string sessions_table_;
};

//! Key of a source's cursor item in the idempotency table: "sync_cursor#SESSIONS_TABLE#SOURCE".
[[nodiscard]] std::string sync_cursor_key(const std::string& sessions_table,
                                          const std::string& source);

}  // namespace wodetl
