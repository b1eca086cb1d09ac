#include "pipeline/sync.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <mutex>
#include <set>
#include <utility>
#include <vector>

#include "pipeline/cursor_tracker.hpp"
#include "pipeline/post_processor.hpp"

namespace wodetl {

namespace {

constexpr std::chrono::seconds kOneSecond{1};

//! Walks of a sync and what they mean for the cursor.
struct SyncPlan {
  std::vector<ListingPlan> walks;
  std::string reading;
  std::optional<UtcSeconds> tracker_start;
  bool raise = true;        // stored posts move the cursor up
  bool save_cursor = true;  // the sync may write the cursor
};

SyncPlan plan_sync(const SyncRequest& request, std::optional<UtcSeconds> cursor) {
  SyncPlan plan;
  switch (request.mode) {
    case SyncMode::kIncremental:
      if (cursor) {
        const UtcSeconds bound = *cursor - request.overlap;
        plan.walks = {ListingPlan{ListingKey::kModified, bound},
                      ListingPlan{ListingKey::kDate, bound}};
        plan.reading = "posts modified or published after " + format_utc_timestamp(bound);
        plan.tracker_start = cursor;
        return plan;
      }
      plan.walks = {ListingPlan{ListingKey::kModified, std::nullopt}};
      plan.reading = "every post (no cursor saved for this listing yet)";
      return plan;
    case SyncMode::kFull:
      plan.walks = {ListingPlan{ListingKey::kModified, std::nullopt}};
      plan.reading = "every post";
      return plan;
    case SyncMode::kSince: {
      const UtcSeconds since = request.since.value_or(UtcSeconds{});
      plan.walks = {ListingPlan{ListingKey::kDate, since - kOneSecond}};
      plan.reading = "posts published on or after " + format_utc_timestamp(since);
      // A backfill of older posts must not move the cursor of a source already synced: posts
      // published before the date but edited after the cursor were not read.
      if (cursor) {
        plan.tracker_start = cursor;
        plan.raise = false;
        plan.save_cursor = false;
      }
      return plan;
    }
  }
  return plan;
}

//! State shared by the listing thread and the workers; every member is guarded by `mutex`.
struct SyncState {
  std::mutex mutex;
  CursorTracker tracker;
  std::optional<UtcSeconds> saved;  // cursor value in the store for this listing
  std::chrono::steady_clock::time_point last_commit;
  SyncProgress progress;
  std::optional<Error> cursor_error;

  SyncState(std::optional<UtcSeconds> start, bool raise) : tracker(start, raise) {}
};

//! Saves `value` as the cursor; on failure logs it and keeps the error for the summary.
bool save_cursor(Stores& stores, const SyncRequest& request, UtcSeconds value, SyncState& state) {
  const SyncCursor cursor{request.source_name, request.listing, format_wordpress_gmt(value), ""};
  if (Status saved = stores.state->save_sync_cursor(cursor); !saved) {
    spdlog::warn("Could not save the sync cursor of source '{}', so the next sync reads more: {}",
                 request.source_name, saved.error().to_string());
    state.cursor_error = saved.error();
    return false;
  }
  state.saved = value;
  spdlog::debug("Source '{}': cursor saved at {}", request.source_name, cursor.modified_gmt);
  return true;
}

//! Runs audit_listing on the source's inventory; an error of the inventory (a failed login or
//! slug lookup) becomes the audit's error.
AuditSummary audit_source(WordPressSource& source, Stores& stores, const SyncPlan& plan,
                          const SyncRequest& request, const std::set<std::int64_t>& delivered,
                          const std::function<void(PostBatch&&)>& on_missed) {
  Result<ListingInventory> inventory = source.inventory();
  if (!inventory.ok()) {
    AuditSummary audit;
    audit.error = inventory.error();
    return audit;
  }
  const bool read_everything =
      std::any_of(plan.walks.begin(), plan.walks.end(),
                  [](const ListingPlan& walk) { return !walk.after.has_value(); });
  return audit_listing(*inventory, *stores.state,
                       AuditRequest{.delivered = delivered,
                                    .walks_read_everything = read_everything,
                                    .max_requests = source.config().max_pages,
                                    .source_name = request.source_name,
                                    .other_sources = request.other_sources},
                       on_missed);
}

}  // namespace

const char* to_string(SyncMode mode) {
  switch (mode) {
    case SyncMode::kIncremental:
      return "incremental";
    case SyncMode::kFull:
      return "full";
    case SyncMode::kSince:
      return "since";
  }
  return "incremental";
}

SyncSummary sync_source(WordPressSource& source, Stores& stores, const SyncRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  SyncSummary summary;
  summary.source_name = request.source_name;
  summary.mode = request.mode;
  summary.run.source = source.describe();
  summary.run.stores = stores.description;
  auto finish = [&summary, started]() -> SyncSummary {
    summary.run.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    return std::move(summary);
  };

  // The cursor of the last sync, when it was saved for the same listing. When it cannot be read,
  // the sync fails open as the idempotency checks do: it reads every post, and the stores skip
  // what they already hold. The summary still fails, because every later sync would read
  // everything too.
  Result<std::optional<SyncCursor>> stored = stores.state->find_sync_cursor(request.source_name);
  const bool cursor_unreadable = !stored.ok();
  if (cursor_unreadable) {
    spdlog::warn("Could not read the sync cursor of source '{}', so this sync reads every post: {}",
                 request.source_name, stored.error().to_string());
    summary.cursor_read_error = stored.error();
    stored = std::optional<SyncCursor>{};
  }
  std::optional<UtcSeconds> cursor;
  bool other_listing = false;
  if (*stored) {
    summary.cursor_before = (*stored)->modified_gmt;
    cursor = parse_utc_timestamp((*stored)->modified_gmt);
    if ((*stored)->listing != request.listing) {
      spdlog::warn(
          "Source '{}': the saved cursor belongs to another listing ({}), so this sync reads "
          "every post of {}",
          request.source_name, (*stored)->listing, request.listing);
      cursor.reset();
      other_listing = true;
    } else if (!cursor) {
      spdlog::warn("Source '{}': the saved cursor '{}' is not a timestamp; reading every post",
                   request.source_name, (*stored)->modified_gmt);
    }
  }

  SyncPlan plan = plan_sync(request, cursor);
  if (cursor_unreadable && request.mode == SyncMode::kIncremental) {
    plan.reading = "every post (the saved cursor could not be read)";
  } else if (other_listing && request.mode == SyncMode::kIncremental) {
    plan.reading = "every post (the saved cursor is for another listing)";
  }
  // A backfill saves a cursor only for a source that has none, which is unknown here.
  if (cursor_unreadable && request.mode == SyncMode::kSince) {
    plan.save_cursor = false;
  }
  summary.reading = plan.reading;
  spdlog::info("Syncing source '{}' ({}): {} from {}", request.source_name, to_string(request.mode),
               plan.reading, source.describe());

  SyncState state(plan.tracker_start, plan.raise);
  state.saved = cursor;
  state.last_commit = std::chrono::steady_clock::now();
  state.progress.source = request.source_name;
  auto report = [&request, &state] {
    if (request.on_progress) {
      request.on_progress(state.progress);
    }
  };

  RunOptions run_options = request.run;
  run_options.source_name = request.source_name;
  PostProcessor processor(stores, run_options, [&](std::size_t index, const PostOutcome& outcome) {
    std::lock_guard lock(state.mutex);
    state.tracker.complete(index, outcome.result != PostResult::kFailed);
    ++state.progress.processed;

    const auto now = std::chrono::steady_clock::now();
    const std::optional<UtcSeconds> safe = state.tracker.safe_cursor();
    if (plan.save_cursor && safe && (!state.saved || *safe > *state.saved) &&
        now - state.last_commit >= request.commit_interval) {
      state.last_commit = now;
      save_cursor(stores, request, *safe, state);
    }
    report();
  });

  SeenPosts seen;
  std::set<std::int64_t> delivered;
  std::size_t next_index = 0;
  // Registers each item with the tracker, then hands it to the workers.
  auto submit = [&](PostBatch& items) {
    for (Result<Post>& item : items) {
      if (const std::optional<std::int64_t> id = item.ok() ? item->id : item.error().post.id) {
        delivered.insert(*id);
      }
      {
        std::lock_guard lock(state.mutex);
        state.tracker.add(next_index, item);
        ++state.progress.listed;
      }
      const std::size_t index = processor.submit(std::move(item));
      next_index = index + 1;
    }
  };

  bool walks_completed = true;
  for (const ListingPlan& walk : plan.walks) {
    const std::int64_t listed_before = state.progress.listed;
    {
      std::lock_guard lock(state.mutex);
      state.tracker.begin_walk(walk.key, walk.after);
    }
    Status walked = source.walk(walk, seen, [&](ListingPage&& page) {
      submit(page.posts);
      std::lock_guard lock(state.mutex);
      if (page.estimated_total) {
        state.progress.total =
            std::max(state.progress.listed, listed_before + *page.estimated_total);
      }
      report();
    });
    {
      std::lock_guard lock(state.mutex);
      state.tracker.end_walk(walked.ok());
    }
    if (!walked.ok()) {
      summary.run.source_error = walked.error();
      spdlog::warn("Listing the posts of source '{}' failed: {}", request.source_name,
                   walked.error().to_string());
      walks_completed = false;
      break;
    }
  }

  if (request.mode == SyncMode::kSince) {
    summary.audit.skipped_because = "--since reads only a part of the listing";
  } else if (!walks_completed) {
    summary.audit.skipped_because = "the listing failed";
  } else {
    summary.audit = audit_source(source, stores, plan, request, delivered, [&](PostBatch&& missed) {
      {
        std::lock_guard lock(state.mutex);
        state.tracker.begin_walk(ListingKey::kModified, std::nullopt);
      }
      submit(missed);
      std::lock_guard lock(state.mutex);
      state.tracker.end_walk(true);
    });
  }
  {
    std::lock_guard lock(state.mutex);
    state.progress.listing_done = true;
    report();
  }
  summary.run.posts = processor.finish();
  if (request.prune) {
    summary.audit.prune_refused =
        guard_prune(summary.audit, request.source_name, request.prune_all);
    if (summary.audit.prune_refused) {
      spdlog::error("{}", summary.audit.prune_refused->to_string());
    } else {
      remove_gone_posts(summary.audit.gone, stores, request.source_name);
      for (const GonePost& gone : summary.audit.gone) {
        summary.run.records_pruned += gone.records_removed;
        summary.run.objects_pruned += gone.objects_removed;
      }
    }
  }

  const WordPressTotals& totals = source.totals();
  summary.requests = totals.requests + summary.audit.requests;
  summary.shifts = totals.shifts;
  summary.filter_ignored = totals.filter_ignored;

  // The final save may also lower the cursor, when a post below it failed.
  std::lock_guard lock(state.mutex);
  const std::optional<UtcSeconds> safe = state.tracker.safe_cursor();
  if (plan.save_cursor && safe && safe != state.saved) {
    summary.cursor_saved = save_cursor(stores, request, *safe, state);
  } else if (state.saved && state.saved != cursor) {
    summary.cursor_saved = true;  // saved while the sync ran
  }
  if (state.saved) {
    summary.cursor_after = format_wordpress_gmt(*state.saved);
  } else {
    summary.cursor_after = summary.cursor_before;
  }
  summary.cursor_error = state.cursor_error;
  return finish();
}

std::string format_sync_summary_text(const SyncSummary& summary) {
  std::string text = "Source '" + summary.source_name + "' (" + to_string(summary.mode) +
                     " sync): " + summary.reading + "\n";
  text += "Cursor: " + summary.cursor_before.value_or("none") + " -> " +
          summary.cursor_after.value_or("none") + (summary.cursor_saved ? " (saved)" : "") + "\n";
  // A sync that failed before its first listing request (a failed login or category check)
  // shows only the error further down.
  if (summary.requests > 0 || !summary.run.source_error) {
    text += "Listing: " + std::to_string(summary.requests) +
            (summary.requests == 1 ? " request" : " requests");
    if (summary.shifts > 0) {
      text += ", " + std::to_string(summary.shifts) + " shift" + (summary.shifts == 1 ? "" : "s") +
              " of the listing detected and read again";
    }
    if (summary.filter_ignored) {
      text += ", the site ignored the date filter or its order so every page was read";
    }
    text += "\n";
  }
  if (summary.cursor_read_error) {
    const Error& error = *summary.cursor_read_error;
    text += "Cursor not read, so this sync read every post: " + error.to_string() +
            (error.hint.empty() ? ". Make the state store readable, then sync again" : "") + "\n";
  }
  if (summary.cursor_error) {
    text += "Cursor not saved, so the next sync reads more: " + summary.cursor_error->to_string() +
            "\n";
  }
  text += format_audit_text(summary.audit);
  const bool continued = summary.mode == SyncMode::kIncremental && summary.cursor_before &&
                         summary.reading.starts_with("posts modified");
  return text + format_summary_text(summary.run, summary.failed(),
                                    continued ? "No post was added or changed since the last sync."
                                              : "No posts found.");
}

Json sync_summary_to_json(const SyncSummary& summary) {
  Json json{
      {"source_name", summary.source_name},
      {"mode", to_string(summary.mode)},
      {"reading", summary.reading},
      {"cursor_before", summary.cursor_before ? Json(*summary.cursor_before) : Json(nullptr)},
      {"cursor_after", summary.cursor_after ? Json(*summary.cursor_after) : Json(nullptr)},
      {"cursor_saved", summary.cursor_saved},
      {"requests", summary.requests},
      {"shifts", summary.shifts},
      {"filter_ignored", summary.filter_ignored},
      {"cursor_error",
       summary.cursor_error ? Json(summary.cursor_error->to_string()) : Json(nullptr)},
      {"cursor_read_error",
       summary.cursor_read_error ? Json(summary.cursor_read_error->to_string()) : Json(nullptr)},
      {"audit", audit_to_json(summary.audit)}};
  const Json run = summary_to_json(summary.run);
  for (const auto& [key, value] : run.items()) {
    json[key] = value;
  }
  json["succeeded"] = !summary.failed();
  return json;
}

}  // namespace wodetl
