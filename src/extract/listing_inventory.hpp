#pragma once
// Requests about the whole posts listing of a source: its post ids, read cheaply, and the status
// of a post that left the listing.
//
// An incremental sync reads by modification and publication time, so it cannot see two kinds of
// change: a post created with a publication date in the past (WordPress then sets its modified
// time to that date too) and a post that was deleted, unpublished or moved out of the source's
// category or tag. Comparing the listing's post ids with the stored ones finds both.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/json_codec.hpp"
#include "extract/http_client.hpp"
#include "extract/post_source.hpp"
#include "extract/wordpress_endpoint.hpp"

namespace wodetl {

//! Post of the listing as the id listing returns it.
struct ListedPost {
  std::int64_t id = 0;
  std::string modified_gmt;
};

//! Reason why a stored post is not in the listing, from the site's response to a request for it.
enum class PostAbsence {
  kDeleted,       //!< 404 rest_post_invalid_id: deleted for good
  kNotPublic,     //!< 401 or 403 rest_forbidden: trashed, a draft, pending, scheduled or private
  kNotPublished,  //!< readable with the source's credentials, with a status other than publish
  kNotInListing,  //!< published, but no longer in the source's category or tag
  kStillListed,   //!< published and in the listing, so the id listing missed it
};

//! Result of check_absent: the kind of absence and its reason, for people.
struct AbsenceCheck {
  PostAbsence absence = PostAbsence::kStillListed;
  std::string reason;  //!< e.g. "deleted on the site (HTTP 404 rest_post_invalid_id)"
};

//! Category and tag that the source's listing is filtered by.
struct ListingFilter {
  std::optional<std::int64_t> category_id;
  std::optional<std::int64_t> tag_id;
};

//! Requests about the whole listing of one source: its size, its post ids, posts by id, and one
//! post that left it. Every request goes through `client` (retries, rate and concurrency limits
//! included) with the authentication and time-outs of `request_template`. The client must
//! outlive the inventory.
class ListingInventory {
 public:
  ListingInventory(const HttpClient& client, PostsEndpoint endpoint, HttpRequest request_template,
                   ListingFilter filter, std::string credentials_hint);

  //! Returns the number of posts in the listing, from the X-WP-Total header of a request for one
  //! post id, or nothing when the site sends no X-WP-Total.
  [[nodiscard]] Result<std::optional<std::int64_t>> count();

  //! Returns the id and modified_gmt of every post of the listing, each id once, read in pages of
  //! 100 ordered by id. Fails after `max_requests` requests without reaching the end.
  [[nodiscard]] Result<std::vector<ListedPost>> list_ids(int max_requests);

  //! Reads the posts with `ids` that the listing contains (include=…), 100 ids a request. Items
  //! that are not valid posts become error items, as in the listing.
  [[nodiscard]] Result<PostBatch> fetch(const std::vector<std::int64_t>& ids);

  //! Requests GET wp/v2/posts/ID and returns why the post is not in the listing. Returns an Error
  //! for any answer that does not come from WordPress's own post route (an HTML page, a 403 of a
  //! security plugin, a 5xx after the retries), so that a blocked request never reads as a
  //! deleted post.
  [[nodiscard]] Result<AbsenceCheck> check_absent(std::int64_t id);

  //! Requests sent so far.
  [[nodiscard]] int requests() const { return requests_; }

 private:
  //! Sends the listing request `query`, with the source's category and tag, and returns its
  //! JSON list; `response` receives the response for its headers. A page past the end is an
  //! empty list, and a body that is not a list an Error.
  [[nodiscard]] Result<Json> get_list(ListingQuery query, HttpResponse& response);

  const HttpClient& client_;
  PostsEndpoint endpoint_;
  HttpRequest request_template_;
  ListingFilter filter_;
  std::string credentials_hint_;
  int requests_ = 0;
};

[[nodiscard]] const char* to_string(PostAbsence absence);

}  // namespace wodetl
