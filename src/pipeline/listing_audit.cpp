#include "pipeline/listing_audit.hpp"

#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <utility>

#include "pipeline/persist.hpp"
#include "pipeline/run_summary.hpp"

namespace wodetl {

namespace {

PostRef ref_of(const PostState& state) {
  return PostRef{.id = state.source.post_id, .slug = state.source.slug, .url = state.source.link};
}

//! Returns whether the audit of request.source_name compares the stored post: it does unless the
//! post was read by other configured sources and not by this one.
bool belongs_to(const PostState& post, const AuditRequest& request) {
  if (post.sources.empty() || request.source_name.empty()) {
    return true;
  }
  const auto& sources = post.sources;
  if (std::find(sources.begin(), sources.end(), request.source_name) != sources.end()) {
    return true;
  }
  return std::none_of(sources.begin(), sources.end(), [&request](const std::string& source) {
    return request.other_sources.contains(source);
  });
}

//! Returns "source 'a'" or "sources 'a', 'b'".
std::string sources_text(const std::vector<std::string>& names) {
  return std::string(names.size() == 1 ? "source '" : "sources '") +
         fmt::format("{}", fmt::join(names, "', '")) + "'";
}

//! Reads the listing's ids when its size differs from what is stored or delivered, and reads
//! the listed posts that are neither. Returns the listing's ids, or nothing when the audit
//! ends here (nothing to compare, or an error kept in `audit`).
std::optional<std::set<std::int64_t>> compare_listing(
    ListingInventory& inventory, const std::set<std::int64_t>& stored, const AuditRequest& request,
    const std::function<void(PostBatch&&)>& on_missed, AuditSummary& audit) {
  Result<std::optional<std::int64_t>> total = inventory.count();
  if (!total.ok()) {
    audit.error = total.error();
    return std::nullopt;
  }
  if (!*total) {
    audit.ran = false;
    audit.skipped_because = "the site sends no X-WP-Total, so its listing cannot be counted";
    return std::nullopt;
  }
  audit.listed = **total;

  std::set<std::int64_t> known = stored;
  known.insert(request.delivered.begin(), request.delivered.end());
  if (static_cast<std::size_t>(**total) == known.size()) {
    return std::nullopt;
  }

  Result<std::vector<ListedPost>> listed = inventory.list_ids(request.max_requests);
  if (!listed.ok()) {
    audit.error = listed.error();
    return std::nullopt;
  }
  audit.ids_compared = true;
  audit.listed = static_cast<std::int64_t>(listed->size());
  std::set<std::int64_t> ids;
  for (const ListedPost& post : *listed) {
    ids.insert(post.id);
    if (!known.contains(post.id)) {
      audit.missed.push_back(post.id);
    }
  }

  if (!audit.missed.empty()) {
    spdlog::info(
        "Reading by id the listed posts that the walks by time missed (created with a "
        "past date?): {}",
        fmt::join(audit.missed, ", "));
    Result<PostBatch> posts = inventory.fetch(audit.missed);
    if (!posts.ok()) {
      audit.error = posts.error();
      return std::nullopt;
    }
    on_missed(std::move(posts).value());
  }
  return ids;
}

}  // namespace

bool AuditSummary::failed() const {
  return error.has_value() || prune_refused.has_value() ||
         std::any_of(gone.begin(), gone.end(),
                     [](const GonePost& post) { return post.removal_error.has_value(); });
}

AuditSummary audit_listing(ListingInventory& inventory, StateStore& state,
                           const AuditRequest& request,
                           const std::function<void(PostBatch&&)>& on_missed) {
  AuditSummary audit;
  Result<std::vector<PostState>> stored_states = state.all_post_states();
  if (!stored_states.ok()) {
    audit.skipped_because = stored_states.error().message;
    spdlog::warn("Gone and missed posts are not looked for: {}", audit.skipped_because);
    return audit;
  }
  audit.ran = true;
  std::map<std::int64_t, PostState> stored;
  for (PostState& post : *stored_states) {
    if (!belongs_to(post, request)) {
      continue;
    }
    const std::int64_t id = post.source.post_id;
    stored.emplace(id, std::move(post));
  }
  audit.stored = stored.size();
  std::set<std::int64_t> stored_ids;
  std::transform(stored.begin(), stored.end(), std::inserter(stored_ids, stored_ids.end()),
                 [](const auto& entry) { return entry.first; });

  // The listing: the walks' posts after a whole walk, else the id listing when counts differ.
  std::set<std::int64_t> listed = request.delivered;
  if (request.walks_read_everything) {
    audit.listed = static_cast<std::int64_t>(listed.size());
  } else {
    std::optional<std::set<std::int64_t>> ids =
        compare_listing(inventory, stored_ids, request, on_missed, audit);
    audit.requests = inventory.requests();
    if (!ids) {
      return audit;
    }
    listed.insert(ids->begin(), ids->end());
  }

  // Each stored post missing from the listing is asked about on its own, because an id listing
  // read while posts were deleted may have skipped one.
  for (const auto& [id, post] : stored) {
    if (listed.contains(id)) {
      continue;
    }
    Result<AbsenceCheck> check = inventory.check_absent(id);
    if (!check.ok()) {
      audit.error = check.error();
      break;
    }
    if (check->absence == PostAbsence::kStillListed) {
      spdlog::debug("{} is still listed, though the id listing missed it", ref_of(post).describe());
      continue;
    }
    spdlog::info("{} is gone from the listing: {}", ref_of(post).describe(), check->reason);
    GonePost gone{.state = post, .absence = check->absence, .reason = check->reason};
    for (const std::string& source : post.sources) {
      if (request.other_sources.contains(source)) {
        gone.also_read_by.push_back(source);
      }
    }
    audit.gone.push_back(std::move(gone));
  }
  audit.requests = inventory.requests();
  return audit;
}

void remove_gone_posts(std::vector<GonePost>& gone, Stores& stores,
                       const std::string& source_name) {
  for (GonePost& post : gone) {
    const PostRef ref = ref_of(post.state);
    if (!post.also_read_by.empty()) {
      PostState without_source = post.state;
      std::erase(without_source.sources, source_name);
      if (Status saved = stores.state->save_post_state(without_source); !saved.ok()) {
        post.removal_error = saved.error();
        continue;
      }
      post.source_removed = true;
      spdlog::info("Kept the records of {}, which {} also read", ref.describe(),
                   sources_text(post.also_read_by));
      continue;
    }
    Result<ReplaceOutcome> replaced = stores.sessions->replace_post_sessions(post.state.source, {});
    if (!replaced.ok()) {
      post.removal_error = replaced.error();
      continue;
    }
    post.records_removed = replaced->removed;

    if (const std::optional<std::string> key = weekly_key_of(post.state)) {
      Result<bool> exists = stores.objects->exists(*key);
      Status removed = exists.ok() ? stores.objects->remove(*key) : Status(exists.error());
      if (!removed.ok()) {
        post.removal_error = removed.error();
        continue;
      }
      post.objects_removed = *exists ? 1 : 0;
    }

    if (Status removed = stores.state->remove_post_state(ref.id.value_or(0)); !removed.ok()) {
      post.removal_error = removed.error();
      continue;
    }
    post.removed = true;
    spdlog::info("Removed {}: {}, {}", ref.describe(), count_of(post.records_removed, "record"),
                 count_of(post.objects_removed, "object"));
  }
}

std::optional<Error> guard_prune(const AuditSummary& audit, const std::string& source_name,
                                 bool prune_all) {
  if (prune_all || audit.gone.empty() || audit.gone.size() < audit.stored) {
    return std::nullopt;
  }
  return Error::invalid_input(
      "--prune removed nothing: every one of the " +
          count_of(static_cast<std::int64_t>(audit.stored), "post") + " stored for source '" +
          source_name + "' is gone from its listing (" +
          (audit.listed ? count_of(*audit.listed, "post") : std::string("? posts")) +
          " listed), which usually means a wrong category, tag or site",
      {},
      "Check the source's category, tag and site with `wodetl sources`; if the site really "
      "removed every post, run `wodetl sync --prune --prune-all` to remove their records");
}

std::string format_audit_text(const AuditSummary& audit) {
  if (!audit.ran) {
    return audit.skipped_because.empty()
               ? ""
               : "Gone posts not looked for: " + audit.skipped_because + "\n";
  }
  std::string text;
  if (!audit.missed.empty() || !audit.gone.empty()) {
    text += "Listing: " + (audit.listed ? count_of(*audit.listed, "post") : std::string("? posts"));
    if (!audit.missed.empty()) {
      text += ", " + std::to_string(audit.missed.size()) + " read by id because " +
              (audit.missed.size() == 1 ? "its time is" : "their times are") +
              " older than the cursor";
    }
    if (!audit.gone.empty()) {
      text += ", " + std::to_string(audit.gone.size()) + " stored " +
              (audit.gone.size() == 1 ? "post is" : "posts are") + " gone from it";
    }
    text += "\n";
  }
  for (const GonePost& post : audit.gone) {
    text += "Gone: " + ref_of(post.state).describe() + ": " + post.reason + "; ";
    if (post.removed) {
      text += "removed " + count_of(post.records_removed, "record") + " and " +
              count_of(post.objects_removed, "object") + "\n";
    } else if (post.source_removed) {
      text += "its records are kept for " + sources_text(post.also_read_by) +
              ", which read it too, and this source no longer counts it\n";
    } else if (post.removal_error) {
      text += "removing it failed: " + post.removal_error->to_string() + "\n";
    } else if (audit.prune_refused) {
      text += "its records are kept\n";
    } else if (!post.also_read_by.empty()) {
      text +=
          "its records are kept for " + sources_text(post.also_read_by) + ", which read it too\n";
    } else {
      text += "its records are kept; `wodetl sync --prune` removes them\n";
    }
  }
  if (audit.error) {
    text += "Looking for gone posts failed: " + audit.error->to_string() + "\n";
  }
  if (audit.prune_refused) {
    text += "Prune refused: " + audit.prune_refused->to_string() + "\n";
  }
  return text;
}

Json audit_to_json(const AuditSummary& audit) {
  Json gone = Json::array();
  for (const GonePost& post : audit.gone) {
    gone.push_back(Json{
        {"id", post.state.source.post_id},
        {"slug", post.state.source.slug},
        {"link", post.state.source.link},
        {"absence", to_string(post.absence)},
        {"reason", post.reason},
        {"removed", post.removed},
        {"records_removed", post.records_removed},
        {"objects_removed", post.objects_removed},
        {"also_read_by", post.also_read_by},
        {"source_removed", post.source_removed},
        {"removal_error", post.removal_error ? Json(post.removal_error->to_string()) : Json()}});
  }
  return Json{
      {"ran", audit.ran},
      {"skipped", audit.skipped_because.empty() ? Json() : Json(audit.skipped_because)},
      {"listed", audit.listed ? Json(*audit.listed) : Json()},
      {"ids_compared", audit.ids_compared},
      {"requests", audit.requests},
      {"missed", audit.missed},
      {"gone", std::move(gone)},
      {"error", audit.error ? Json(audit.error->to_string()) : Json()},
      {"prune_refused", audit.prune_refused ? Json(audit.prune_refused->to_string()) : Json()}};
}

}  // namespace wodetl
