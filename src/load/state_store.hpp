#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/session.hpp"

namespace wodetl {

using Clock = std::chrono::system_clock;

//! Outcome of the last run for a post.
enum class PostStatus { kStored, kSkipped, kFailed };

//! Bookkeeping row for one post: what was seen and what became of it.
struct PostState {
  SourceRef source;
  std::string content_sha256;  //!< SHA-256 of content.rendered, hex
  PostStatus status = PostStatus::kStored;
  std::string reason;                      //!< why it was skipped or failed; empty when stored
  std::vector<Line> preamble;              //!< lines before the first day header
  std::vector<std::string> session_dates;  //!< dates of its records, sorted
  //! Idempotency key of the processing that wrote this state (see process_post_key); a version
  //! processed again with the same key needs no writes, even after the idempotency record
  //! expired. Empty in states written before the key was recorded.
  std::string process_key;
  //! Names of the configured sources that read the post, sorted. The audit of one source leaves
  //! alone the posts of other sources in the same store, and a prune keeps the records of a post
  //! that another source also read. Empty for posts stored from files or from a URL, and in
  //! states written before the sources were recorded.
  std::vector<std::string> sources;
};

//! Place of a source's incremental sync: every post of the source's listing modified at or
//! before modified_gmt has been stored, or failed and kept the cursor before its own time.
struct SyncCursor {
  std::string source;   //!< source name from the configuration, e.g. "invictus"
  std::string listing;  //!< what the source lists (site, category, tag); a cursor is only valid
                        //!< for the same listing
  std::string modified_gmt;  //!< newest modified_gmt stored, as WordPress writes it (UTC)
  std::string updated_at;    //!< when the cursor was saved, UTC ISO 8601; the store fills in
                             //!< the current time when it is empty
};

//! Idempotency records, per-post state and the sync cursor of each source.
//! Implementations: SQLite (load/local/sqlite_store.hpp) and DynamoDB.
//! Implementations are safe to call from several threads at once.
class StateStore {
 public:
  virtual ~StateStore() = default;

  //! True when key was marked done and its expiry is after now. An expired record counts as
  //! absent even if it is still stored.
  virtual Result<bool> is_done(const std::string& idempotency_key, Clock::time_point now) = 0;

  //! Records key as done by operation until expires_at (stored as epoch seconds).
  virtual Status mark_done(const std::string& idempotency_key, const std::string& operation,
                           Clock::time_point expires_at) = 0;

  //! Records key as done by operation until expires_at, unless a record of key that has not
  //! expired by now exists. This conditional put lets one of several workers that start the
  //! same operation at once claim it before doing the work. Returns true when this call wrote
  //! the record, false when a record already held the key: the operation is done, or another
  //! worker is doing it, and either way the caller counts it as done.
  virtual Result<bool> claim(const std::string& idempotency_key, const std::string& operation,
                             Clock::time_point expires_at, Clock::time_point now) = 0;

  //! Deletes the record of key, so that a claimed operation that failed can be claimed again.
  //! Deleting a missing key succeeds.
  virtual Status release(const std::string& idempotency_key) = 0;

  virtual Status save_post_state(const PostState& state) = 0;
  virtual Result<std::optional<PostState>> find_post_state(std::int64_t post_id) = 0;

  //! Returns every stored post state, sorted by post id. A sync compares them with the site's
  //! listing to find posts that are gone. The default returns Error::store saying that this store
  //! cannot list its posts.
  virtual Result<std::vector<PostState>> all_post_states();

  //! Deletes the state of one post; deleting a missing one succeeds. The default returns
  //! Error::store saying that this store cannot delete post states.
  virtual Status remove_post_state(std::int64_t post_id);

  //! Returns the cursor saved for `source`, or nothing when the source has never been synced.
  virtual Result<std::optional<SyncCursor>> find_sync_cursor(const std::string& source) = 0;

  //! Inserts or replaces the cursor of cursor.source. Callers save it only after the posts up to
  //! cursor.modified_gmt are stored.
  virtual Status save_sync_cursor(const SyncCursor& cursor) = 0;
};

[[nodiscard]] const char* to_string(PostStatus status);

//! Reads a status that to_string wrote; std::nullopt for any other text.
[[nodiscard]] std::optional<PostStatus> parse_post_status(std::string_view name);

}  // namespace wodetl
