#pragma once
// Reading a WordPress posts listing so that posts published, edited or deleted while it is read
// are neither lost nor delivered twice.
//
// WordPress pages by offset: page N is "skip (N-1) * per_page posts". A post published, edited
// or deleted between two page requests moves every later post by one place, so plain paging can
// skip a post or repeat one. The walker orders the listing by a timestamp, ascending, and makes
// progress by value instead of by position: after each page it requests the posts whose
// timestamp is after (the last timestamp it read - 1 s). A post published or edited meanwhile
// gets the newest timestamp, so it lands at the end of the listing, where the walk arrives later;
// a deleted post cannot move a post the walk has not read yet. Re-reading the boundary second
// costs one post per page and makes posts that share a second safe.
//
// When more than one page of posts share one second, the timestamp cannot make progress. The
// walker then reads that second alone (modified_after and modified_before one second apart),
// ordered by post id, and pages by offset within it. It cannot keep the timestamp order there:
// WordPress on MariaDB returns posts with equal sort keys in an order that may differ from one
// request to the next, so offset pages of a bulk import would skip and repeat posts. Offset pages
// overlap by one post: each page must start with the post the previous one ended with, and
// report the same X-WP-Total, and no post may appear twice. A mismatch means the listing shifted;
// the walker then reads the second again from its start. After the second's last page the walk
// goes on by timestamp after it. The same checks guard pages fetched in parallel when
// concurrency > 1.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/post.hpp"
#include "core/utc_time.hpp"
#include "extract/post_source.hpp"

namespace wodetl {

//! Timestamp a walk orders by and filters on.
enum class ListingKey {
  kModified,  //!< orderby=modified, modified_after=…; the post's modified_gmt
  kDate,      //!< orderby=date, after=…; the post's date_gmt (publication)
};

[[nodiscard]] const char* to_string(ListingKey key);

//! Returns the post's modified_gmt or date_gmt, as `key` selects; nothing when it is missing or
//! not a timestamp.
[[nodiscard]] std::optional<UtcSeconds> listing_key_of(const Post& post, ListingKey key);

//! One request of a walk: the posts whose key is after `after` (and before `before`, when set),
//! in the order of the key or of the post id, skipping `offset` of them.
struct WindowRequest {
  std::optional<UtcSeconds> after;   //!< exclusive lower bound; none for the whole listing
  std::optional<UtcSeconds> before;  //!< exclusive upper bound; none for no upper bound
  bool by_id = false;                //!< order by post id, ascending, instead of by the walk's key
  std::int64_t offset = 0;           //!< 0 asks for the first page
};

//! Response to one request of a walk.
struct WindowResponse {
  std::string url;  //!< request URL, without userinfo
  PostBatch items;  //!< in listing order; items that are not valid posts are error items
  std::optional<std::int64_t> total;  //!< X-WP-Total: posts after the bound
};

//! Sends one request of a walk. Must be thread-safe when concurrency > 1.
using FetchWindow = std::function<Result<WindowResponse>(const WindowRequest&)>;

//! A response as it arrived, for the after-page hook.
struct FetchedPage {
  ListingKey key = ListingKey::kModified;
  int request = 0;  //!< 1-based number of the request in this walk
  std::string url;
  std::size_t items = 0;
  std::optional<std::int64_t> total;
};

//! Called after each response arrives and before the next request of the walk starts (with
//! concurrency > 1, after each round of parallel requests, once per response in order). Tests
//! use it to publish or edit posts between two page requests.
using AfterPageHook = std::function<void(const FetchedPage&)>;

//! Posts delivered by the walk: those not delivered before in this sync.
struct ListingPage {
  ListingKey key = ListingKey::kModified;
  std::string url;  //!< URL of the request that returned them
  PostBatch posts;
  //! Posts in the listing, estimated from X-WP-Total: those already delivered plus those after
  //! the current bound. Nothing until a response has carried X-WP-Total.
  std::optional<std::int64_t> estimated_total;
};

//! Identities of the posts delivered so far, shared by the walks of one sync so that a post
//! version read by two walks is delivered once. A post version is (id, modified_gmt); an item
//! that is not a valid post is known by its error.
class SeenPosts {
 public:
  //! Records the item; returns false when it was recorded before.
  bool insert(const Result<Post>& item);
  [[nodiscard]] std::size_t size() const { return seen_.size(); }

 private:
  std::set<std::string> seen_;
};

//! Settings of one walk.
struct WalkSettings {
  ListingKey key = ListingKey::kModified;
  std::optional<UtcSeconds> after;  //!< lower bound of the whole walk, exclusive
  int per_page = 100;               //!< 2 to 100: pages overlap by one post
  int concurrency = 1;              //!< requests sent at once
  int max_requests = 10000;         //!< guard against a listing that never ends
  int max_restarts = 10;  //!< shifts detected in a row without progress before the walk fails
  AfterPageHook after_page;
};

//! Counts of one walk, for the summary and the logs.
struct WalkStats {
  int requests = 0;
  int shifts = 0;        //!< times the listing was found to have shifted between two requests
  int tied_seconds = 0;  //!< seconds shared by more than one page of posts, read by post id
  bool filter_ignored = false;  //!< the site ignored the bound or the order; paged by offset
};

//! Walks a listing; see the comment at the top of this file.
class ListingWalker {
 public:
  ListingWalker(WalkSettings settings, FetchWindow fetch, SeenPosts& seen);

  //! Reads the whole listing after settings.after and calls `on_page` with the posts not seen
  //! before, in listing order. Returns an Error when a request fails after the client's
  //! retries, when the listing keeps shifting (max_restarts) or when it does not end within
  //! max_requests. Pages delivered before the error stay valid.
  Status walk(const std::function<void(ListingPage&&)>& on_page);

  [[nodiscard]] const WalkStats& stats() const { return stats_; }

 private:
  struct Window;
  struct Round;

  [[nodiscard]] std::vector<Result<WindowResponse>> fetch_round(const Round& round);
  [[nodiscard]] int windows_for_next_round() const;
  //! Returns how many windows of a tied second to read at once from window `first`, given the
  //! second's X-WP-Total.
  [[nodiscard]] int windows_in_tied_second(std::optional<std::int64_t> second_total,
                                           std::int64_t first) const;
  void deliver(PostBatch&& items, const std::string& url,
               const std::function<void(ListingPage&&)>& on_page);

  WalkSettings settings_;
  FetchWindow fetch_;
  SeenPosts& seen_;
  WalkStats stats_;
  std::vector<std::optional<UtcSeconds>> delivered_keys_;
  std::optional<std::int64_t> last_total_;
  std::optional<std::int64_t> estimated_total_;
};

}  // namespace wodetl
