#pragma once
// Incremental sync of one WordPress source: read what changed since the last sync, process it,
// and move the source's cursor only past posts that are stored.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>

#include "core/utc_time.hpp"
#include "extract/wordpress_source.hpp"
#include "pipeline/listing_audit.hpp"
#include "pipeline/run_summary.hpp"
#include "pipeline/runner.hpp"
#include "pipeline/stores.hpp"

namespace wodetl {

//! How much of the listing a sync reads.
enum class SyncMode {
  kIncremental,  //!< posts modified or published after the cursor minus the overlap window
  kFull,         //!< every post of the listing
  kSince,        //!< posts published after a date (WordPress's `after` parameter)
};

[[nodiscard]] const char* to_string(SyncMode mode);

//! Counts reported while a sync runs, for progress bars and log lines.
struct SyncProgress {
  std::string source;                 //!< source name
  std::int64_t listed = 0;            //!< posts read from the listing so far
  std::int64_t processed = 0;         //!< posts whose outcome is known
  std::optional<std::int64_t> total;  //!< posts the listing holds, estimated from X-WP-Total
  bool listing_done = false;          //!< the listing has been read to its end or failed
};

//! Settings of one sync.
struct SyncRequest {
  std::string source_name;  //!< names the cursor in the state store
  //! Description of the source's listing, e.g. "https://site/wp-json/wp/v2/posts category 213".
  //! A cursor saved for another listing is ignored.
  std::string listing;
  SyncMode mode = SyncMode::kIncremental;
  std::optional<UtcSeconds> since;  //!< first publication time to read, for SyncMode::kSince
  //! How far before the cursor an incremental sync starts reading, for posts whose modified time
  //! was written before they became visible (slow saves, caches in front of the site).
  std::chrono::seconds overlap{600};
  //! Removes the records of the stored posts that the audit finds gone from the listing.
  bool prune = false;
  //! Lets `prune` remove the records even when every stored post of the source is gone, which
  //! more often means a wrong category or tag than a blog that deleted every post.
  bool prune_all = false;
  //! Names of the other configured sources, whose posts in a shared store the audit leaves alone
  //! (see AuditRequest::other_sources).
  std::set<std::string> other_sources;
  RunOptions run;
  //! Minimum time between two saves of the cursor while the sync runs; the final save follows
  //! the last post.
  std::chrono::milliseconds commit_interval{5000};
  //! Called after each page and each processed post, one call at a time.
  std::function<void(const SyncProgress&)> on_progress;
};

//! Outcome of one sync.
struct SyncSummary {
  std::string source_name;
  SyncMode mode = SyncMode::kIncremental;
  std::string reading;  //!< what was read, e.g. "posts modified after 2024-01-31T07:50:00Z"
  RunSummary run;
  std::optional<std::string> cursor_before;  //!< modified_gmt of the saved cursor, before
  std::optional<std::string> cursor_after;   //!< … and after the sync
  bool cursor_saved = false;                 //!< the sync wrote the cursor
  std::optional<Error> cursor_error;  //!< why the cursor could not be saved; posts stay stored
  //! Error that kept the saved cursor from being read. The sync then reads every post and stores
  //! what changed, but fails, so that a state store that stays broken does not go unnoticed.
  std::optional<Error> cursor_read_error;
  int requests = 0;  //!< listing requests sent
  int shifts = 0;    //!< times the listing shifted while it was read, each recovered from
  //! The site ignored modified_after/after (WordPress before 5.7) or returned posts out of order.
  bool filter_ignored = false;
  AuditSummary audit;  //!< posts read by id, and stored posts gone from the listing

  //! True when a post, the listing, the audit, the removal of a gone post or the reading of the
  //! cursor failed.
  [[nodiscard]] bool failed() const {
    return run.failed() || audit.failed() || cursor_read_error.has_value();
  }
};

//! Syncs one source into `stores`.
//!
//! SyncMode::kIncremental with a saved cursor C reads the posts modified after C - overlap
//! (modified_after, oldest first), then the posts published after C - overlap (after), which
//! finds scheduled posts that WordPress published without changing their modified time.
//! Without a cursor, or with a cursor saved for another listing, it reads everything, as
//! SyncMode::kFull does. SyncMode::kSince reads the posts published after `since`; it sets the
//! cursor only when the source has none. Posts are de-duplicated by (id, modified_gmt) across
//! the walks, and process_post skips versions already stored, so re-reading costs no writes.
//!
//! After the walks of a full or incremental sync, audit_listing compares the whole listing with
//! the stored posts. It reads the posts that the walks could not see (created with a past
//! publication date) and reports the stored posts gone from the listing. `request.prune`
//! removes those from the stores, unless every stored post is gone and `request.prune_all` is
//! unset (see guard_prune). A failed walk skips the audit.
//!
//! The cursor is saved while the sync runs (at most once per commit_interval, only upwards) and
//! once at the end; see CursorTracker for the value. A failed post keeps the cursor below its
//! own time, so the next sync reads it again. When the cursor cannot be read (an unreachable
//! DynamoDB table), the sync reads every post, as without a cursor, and fails with the error in
//! cursor_read_error.
[[nodiscard]] SyncSummary sync_source(WordPressSource& source, Stores& stores,
                                      const SyncRequest& request);

//! Formats the summary for people: the sync's lines, then format_summary_text.
[[nodiscard]] std::string format_sync_summary_text(const SyncSummary& summary);

//! Encodes the summary for machines: summary_to_json plus the sync's fields.
[[nodiscard]] Json sync_summary_to_json(const SyncSummary& summary);

}  // namespace wodetl
