#pragma once
// Comparison of a source's whole listing with the posts stored for it, after a sync's walks.
// Posts that the walks could not see are read by id. Stored posts that left the listing are
// reported and, on request, removed from the stores.

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/json_codec.hpp"
#include "extract/listing_inventory.hpp"
#include "load/state_store.hpp"
#include "pipeline/stores.hpp"

namespace wodetl {

//! Stored post that the source's listing no longer holds.
struct GonePost {
  PostState state;  //!< as stored: id, slug, link, dates of its records
  PostAbsence absence = PostAbsence::kDeleted;
  std::string reason;    //!< what the site said, e.g. "deleted on the site (HTTP 404 …)"
  bool removed = false;  //!< its records, weekly object and state were removed
  int records_removed = 0;
  int objects_removed = 0;
  std::optional<Error> removal_error;  //!< why the removal stopped, when it failed
  //! Other configured sources that read the post. A prune keeps its records for them and only
  //! takes the audited source off the post's sources.
  std::vector<std::string> also_read_by;
  bool source_removed = false;  //!< the prune took the audited source off the post's sources
};

//! Outcome of an audit.
struct AuditSummary {
  bool ran = false;
  std::string skipped_because;         //!< why no audit ran, e.g. "the listing failed"
  std::optional<std::int64_t> listed;  //!< posts in the listing
  bool ids_compared = false;           //!< the listing's ids were read and compared
  int requests = 0;
  std::vector<std::int64_t> missed;  //!< ids of listed posts that the walks did not read
  std::vector<GonePost> gone;
  std::size_t stored = 0;      //!< posts stored for the source when the audit began
  std::optional<Error> error;  //!< a request or the store failed; the audit stopped there
  //! Reason a requested prune removed nothing, e.g. that every stored post is gone.
  std::optional<Error> prune_refused;

  //! True when the audit failed, a requested prune was refused, or the removal of a gone post
  //! failed.
  [[nodiscard]] bool failed() const;
};

//! Input of audit_listing.
struct AuditRequest {
  //! Ids of the posts (and error items) that the sync's walks delivered.
  std::set<std::int64_t> delivered;
  //! The walks read the whole listing (a full sync, or one without a cursor), so `delivered` is
  //! the listing and no request for the listing's size or ids is needed.
  bool walks_read_everything = false;
  int max_requests = 10000;  //!< limit of the id listing's requests
  //! Name of the source audited. A stored post belongs to it unless another configured source
  //! read it and this one did not. Such posts are left out of the comparison.
  std::string source_name;
  //! Names of the other configured sources. A post read only by sources that are no longer
  //! configured (renamed or removed) belongs to every source, so that it is not left behind.
  std::set<std::string> other_sources;
};

//! Compares the listing with the stored post states.
//!
//! After a walk of the whole listing, the listing is `delivered`. Otherwise the audit requests
//! the listing's size (one request). When it differs from the number of posts stored or
//! delivered, it reads the listing's ids and passes the posts that are neither stored nor
//! delivered, read by id, to `on_missed`. A post created with a publication date in the past is
//! found this way. Each stored post missing from the listing is then checked on its own
//! (ListingInventory::check_absent), and reported gone unless it is still listed. The audit
//! does not run when the store cannot list its posts.
[[nodiscard]] AuditSummary audit_listing(ListingInventory& inventory, StateStore& state,
                                         const AuditRequest& request,
                                         const std::function<void(PostBatch&&)>& on_missed);

//! Removes what the stores hold of each gone post: its session records, its weekly object and
//! its post state. The raw post under raw/ stays as the record of what was read. A post that
//! other configured sources also read (also_read_by) keeps its records, and only `source_name`
//! is taken off its sources. A failure stops the removal of that post and is kept in its
//! removal_error.
void remove_gone_posts(std::vector<GonePost>& gone, Stores& stores, const std::string& source_name);

//! Returns the Error that rejects a prune of `audit`'s gone posts when they are every post
//! stored for the source. A category or tag id that the site does not have, or a filter that
//! matches nothing, empties the listing, so pruning would remove every record. Returns nothing
//! when some stored post is still listed, when nothing is gone, or with `prune_all`.
[[nodiscard]] std::optional<Error> guard_prune(const AuditSummary& audit,
                                               const std::string& source_name, bool prune_all);

//! Formats the audit for the sync summary: a line of counts, then one line per gone post.
//! Returns "" when the audit ran and found nothing to report.
[[nodiscard]] std::string format_audit_text(const AuditSummary& audit);

//! Encodes the audit for the JSON summary.
[[nodiscard]] Json audit_to_json(const AuditSummary& audit);

}  // namespace wodetl
