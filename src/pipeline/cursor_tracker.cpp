#include "pipeline/cursor_tracker.hpp"

#include <algorithm>

namespace wodetl {

namespace {

constexpr std::chrono::seconds kOneSecond{1};

}  // namespace

CursorTracker::CursorTracker(std::optional<UtcSeconds> start, bool raise)
    : start_(start), high_(start), raise_(raise) {}

CursorTracker::Limit CursorTracker::floored_at_start(Limit limit) const {
  if (start_ && limit && *limit <= *start_) {
    return *start_ + kOneSecond;
  }
  return limit;
}

CursorTracker::Limit CursorTracker::walk_limit() const {
  const Limit limit = last_key_     ? Limit(*last_key_)
                      : walk_after_ ? Limit(*walk_after_ + kOneSecond)
                                    : Limit(std::nullopt);
  // A walk starts at most the overlap window before the start cursor, so the posts an unfinished
  // walk did not deliver never need a cursor below the start. Without this floor, every failed
  // sync (a wrong password, a refused connection) would move the cursor back by the window.
  return floored_at_start(limit);
}

CursorTracker::Limit CursorTracker::lower(const std::optional<Limit>& current, const Limit& limit) {
  if (!current) {
    return limit;
  }
  if (!*current || !limit) {
    return std::nullopt;
  }
  return std::min(**current, *limit);
}

void CursorTracker::begin_walk(ListingKey key, std::optional<UtcSeconds> after) {
  walking_ = true;
  walk_key_ = key;
  walk_after_ = after;
  last_key_.reset();
}

void CursorTracker::add(std::size_t index, const Result<Post>& item) {
  Item tracked;
  std::optional<UtcSeconds> key;
  if (item.ok()) {
    tracked.modified = parse_utc_timestamp(item->modified_gmt);
    key = listing_key_of(*item, walk_key_);
    // The next sync walks by modification time too, so a cursor below the post's modified time
    // reads it again even when the cursor has passed its publication date.
    tracked.limit = key && tracked.modified ? std::max(*key, *tracked.modified) : key;
  }
  if (!key) {
    // The item lies after the post before it in the listing, so that post's key bounds it.
    if (last_key_) {
      tracked.limit = *last_key_;
    } else if (walk_after_) {
      tracked.limit = *walk_after_ + kOneSecond;
    }
    // As for an unfinished walk. Without this floor, an item that fails on every sync would
    // move the cursor back by the overlap window each time.
    tracked.limit = floored_at_start(tracked.limit);
  } else {
    last_key_ = last_key_ ? std::max(*last_key_, *key) : *key;
    // Only a post inside the overlap window is read again. A post read by id, older than the
    // window, keeps its own limit.
    if (walk_after_ && tracked.limit && *tracked.limit > *walk_after_) {
      tracked.limit = floored_at_start(tracked.limit);
    }
  }
  pending_[index] = tracked;
}

void CursorTracker::end_walk(bool completed) {
  if (!completed) {
    failed_limit_ = lower(failed_limit_, walk_limit());
  }
  walking_ = false;
  last_key_.reset();
}

void CursorTracker::complete(std::size_t index, bool stored) {
  auto found = pending_.find(index);
  if (found == pending_.end()) {
    return;
  }
  const Item item = found->second;
  pending_.erase(found);
  if (!stored) {
    failed_limit_ = lower(failed_limit_, item.limit);
    return;
  }
  if (raise_ && item.modified) {
    high_ = high_ ? std::max(*high_, *item.modified) : *item.modified;
  }
}

std::optional<UtcSeconds> CursorTracker::safe_cursor() const {
  if (!high_) {
    return std::nullopt;
  }
  std::optional<Limit> limit = failed_limit_;
  for (const auto& [index, item] : pending_) {
    limit = lower(limit, item.limit);
  }
  if (walking_) {
    limit = lower(limit, walk_limit());
  }
  if (!limit) {
    return high_;
  }
  if (!*limit) {
    return std::nullopt;
  }
  return std::min(*high_, **limit - kOneSecond);
}

}  // namespace wodetl
