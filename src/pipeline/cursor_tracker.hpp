#pragma once
// The sync cursor a sync may save at any moment: the newest modified_gmt such that no post of
// the listing at or before it is still unread, unprocessed or failed.

#include <cstddef>
#include <map>
#include <optional>

#include "core/error.hpp"
#include "core/post.hpp"
#include "core/utc_time.hpp"
#include "extract/listing_walker.hpp"

namespace wodetl {

//! Follows the posts of one sync and computes the cursor it may save.
//!
//! The cursor rises with the modified_gmt of each post stored (new, changed, unchanged or
//! skipped). It stays below the listing key of every post that is still being processed or that
//! failed. It also stays below the key of the last post a running walk delivered, because posts
//! with that key may still follow. A walk that ended with an error keeps that last limit, so the
//! next sync reads the rest, but the limit of a walk never lowers the cursor below `start`:
//! the next sync reads the overlap window before it again. The listing key is modified_gmt for a
//! walk by modification time and date_gmt for a walk by publication date. An item that is not a
//! valid post has no key, so the key of the post before it, or the walk's bound, limits the cursor.
//! Not thread-safe.
class CursorTracker {
 public:
  //! `start` is the cursor saved by the last sync, when this sync continues from it. With
  //! `raise` false, stored posts do not move the cursor up (see sync_source for --since).
  explicit CursorTracker(std::optional<UtcSeconds> start, bool raise = true);

  //! Starts a walk of the listing ordered by `key` from the exclusive bound `after`.
  void begin_walk(ListingKey key, std::optional<UtcSeconds> after);
  //! Registers the item `index` that the running walk delivered.
  void add(std::size_t index, const Result<Post>& item);
  //! Ends the running walk; `completed` is false when it stopped with an error.
  void end_walk(bool completed);
  //! Records the outcome of item `index`: stored, or failed.
  void complete(std::size_t index, bool stored);

  //! Returns the newest cursor that is safe now, or nothing when none is.
  [[nodiscard]] std::optional<UtcSeconds> safe_cursor() const;

 private:
  //! Exclusive upper limit of the cursor; nothing means that no cursor is safe.
  using Limit = std::optional<UtcSeconds>;

  struct Item {
    Limit limit;
    std::optional<UtcSeconds> modified;
  };

  static Limit lower(const std::optional<Limit>& current, const Limit& limit);
  //! Returns the limit of the running or failed walk, never below the start cursor.
  [[nodiscard]] Limit walk_limit() const;
  //! Returns `limit`, raised to just above the start cursor when it is at or below it. The next
  //! sync reads the overlap window before the start cursor again, so the posts there need no
  //! cursor below the start.
  [[nodiscard]] Limit floored_at_start(Limit limit) const;

  std::optional<UtcSeconds> start_;
  std::optional<UtcSeconds> high_;
  bool raise_;
  std::map<std::size_t, Item> pending_;
  std::optional<Limit> failed_limit_;  // lowest limit of a failed item or an unfinished walk

  bool walking_ = false;
  ListingKey walk_key_ = ListingKey::kModified;
  std::optional<UtcSeconds> walk_after_;
  std::optional<UtcSeconds> last_key_;  // key of the last post the running walk delivered
};

}  // namespace wodetl
