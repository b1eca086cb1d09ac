#include "pipeline/runner.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "load/idempotency.hpp"
#include "pipeline/persist.hpp"
#include "pipeline/post_processor.hpp"
#include "pipeline/session_keys.hpp"
#include "transform/prescription/blocks.hpp"
#include "transform/transform_post.hpp"

namespace wodetl {

namespace {

PostRef ref_of(const Post& post) {
  PostRef ref{.id = post.id, .slug = post.slug, .url = post.link};
  if (!post.origin.starts_with("http://") && !post.origin.starts_with("https://")) {
    ref.file = post.origin;
  }
  return ref;
}

void count_write(PostOutcome& outcome, WriteOutcome write) {
  if (write == WriteOutcome::kWritten) {
    ++outcome.objects_written;
  } else {
    ++outcome.objects_unchanged;
  }
}

// Returns one line for the problems that the prescriptions of records found, such as a per-set
// row past the stated sets, or nothing when there are none. `wodetl show` prints each with its
// session, so the run names only their number and where the first is.
std::optional<std::string> prescription_warnings(const std::vector<SessionRecord>& records) {
  std::size_t count = 0;
  const std::string* first_date = nullptr;
  for (const SessionRecord& record : records) {
    const std::size_t before = count;
    for (const prescription::PartPrescription& part : record.prescriptions) {
      count += prescription::part_warnings(part).size();
    }
    if (first_date == nullptr && count > before) {
      first_date = &record.date;
    }
  }
  if (count == 0) {
    return std::nullopt;
  }
  return std::to_string(count) + (count == 1 ? " prescription warning" : " prescription warnings") +
         ", the first on " + *first_date + "; `wodetl show --date " + *first_date +
         "` prints each with its session";
}

}  // namespace

PostOutcome failed_outcome(PostOutcome outcome, const Error& error) {
  outcome.result = PostResult::kFailed;
  outcome.reason = error.message + (error.hint.empty() ? "" : ". " + error.hint);
  spdlog::warn("Failed {}: {}", outcome.post.describe(), outcome.reason);
  return outcome;
}

namespace {

// Keeps the first failure of the state store for the post. The run goes on without the state,
// as the original pipeline went on without its idempotency table ("fail open"), and the summary
// counts these posts once instead of repeating the same error for each of them.
void note_state_failure(PostOutcome& outcome, const std::string& what, const Error& error) {
  spdlog::debug("{} for {}, going on without it: {}", what, outcome.post.describe(),
                error.to_string());
  if (!outcome.state_error) {
    outcome.state_error = error;
  }
}

// Returns the sources of the stored state plus `source_name`, sorted and without repeats.
std::vector<std::string> sources_with(const std::optional<PostState>& previous,
                                      const std::string& source_name) {
  std::set<std::string> sources;
  if (previous) {
    sources.insert(previous->sources.begin(), previous->sources.end());
  }
  if (!source_name.empty()) {
    sources.insert(source_name);
  }
  return {sources.begin(), sources.end()};
}

// Saves the post's state and marks its version done. A failure here is not fatal: the data is
// stored, and the next run only repeats comparisons.
void record_state(StateStore& state, const PostState& post_state, const std::string& done_key,
                  PostOutcome& outcome) {
  if (Status saved = state.save_post_state(post_state); !saved) {
    note_state_failure(outcome, "Could not save the post state", saved.error());
  }
  if (Status marked = state.mark_done(done_key, "process_post", Clock::now() + kIdempotencyTtl);
      !marked) {
    note_state_failure(outcome, "Could not mark the post done", marked.error());
  }
}

// Removes the weekly object an earlier version of the post wrote when this version's week differs.
void remove_stale_weekly(ObjectStore& objects, const std::optional<PostState>& previous,
                         const std::string& current_key, PostOutcome& outcome) {
  const std::optional<std::string> old_key = previous ? weekly_key_of(*previous) : std::nullopt;
  if (!old_key || *old_key == current_key) {
    return;
  }
  if (Status removed = objects.remove(*old_key); !removed) {
    outcome.warnings.push_back("could not remove the outdated weekly object " + *old_key + ": " +
                               removed.error().to_string());
    return;
  }
  ++outcome.objects_removed;
}

// Claim of a post version in the idempotency table, released when the processing ends, whether
// it succeeded, failed or threw. A claim left by a crash expires after kClaimLease.
class ClaimGuard {
 public:
  ClaimGuard(StateStore& state, std::string key) : state_(state), key_(std::move(key)) {}
  ClaimGuard(const ClaimGuard&) = delete;
  ClaimGuard& operator=(const ClaimGuard&) = delete;
  ~ClaimGuard() {
    if (!held_) {
      return;
    }
    if (Status released = state_.release(key_); !released) {
      spdlog::warn("Could not release the claim {}, so it stays until it expires: {}", key_,
                   released.error().to_string());
    }
  }

  void hold() { held_ = true; }

 private:
  StateStore& state_;
  std::string key_;
  bool held_ = false;
};

// True when state records exactly this version of the post: same modified_gmt and body.
bool is_stored_version(const PostState& state, const Post& post,
                       const std::string& content_sha256) {
  return state.source.modified_gmt == post.modified_gmt && state.content_sha256 == content_sha256;
}

PostOutcome process_post_unchecked(const Post& post, Stores& stores, const RunOptions& options) {
  PostOutcome outcome;
  outcome.post = ref_of(post);
  if (post.content_protected) {
    // Processing the empty body would overwrite the raw copy of the post and report no
    // sessions. Failing it first keeps what was stored of it, records included.
    const Error error = Error::invalid_input(
        "the post is password-protected, so WordPress sent it without content", outcome.post,
        "Remove the post's password in WordPress to sync it; until then it fails each sync, and "
        "a version stored before stays as it was");
    return failed_outcome(std::move(outcome), error);
  }
  const std::string done_key = process_post_key(post, stores.bucket, options.profile);
  const std::string content_sha256 = sha256_hex(post.content_html);

  auto previous = stores.state->find_post_state(post.id);
  if (!previous) {
    note_state_failure(outcome, "Could not read the post state", previous.error());
  }
  const std::optional<PostState> previous_state = previous ? *previous : std::nullopt;

  // An older version never replaces a newer one, whatever order the source lists them in.
  if (previous_state && !post.modified_gmt.empty() &&
      previous_state->source.modified_gmt > post.modified_gmt) {
    outcome.result = PostResult::kUnchanged;
    outcome.warnings.push_back("this version (modified " + post.modified_gmt +
                               ") is older than the stored one (modified " +
                               previous_state->source.modified_gmt +
                               "), so the stored one is kept");
    return outcome;
  }

  // The stored state records the key of the processing that wrote it, which outlives the
  // idempotency record's expiry.
  const bool recorded = !options.force && previous_state &&
                        previous_state->status != PostStatus::kFailed &&
                        previous_state->process_key == done_key;

  // Fail open as the original did: when the idempotency record cannot be read, process the post
  // again; the compare-before-write stores keep that from changing anything.
  auto done = options.force || recorded ? Result<bool>(recorded)
                                        : stores.state->is_done(done_key, Clock::now());
  if (!done) {
    note_state_failure(outcome, "Could not read the idempotency record", done.error());
  } else if (*done && previous_state && is_stored_version(*previous_state, post, content_sha256)) {
    // A post skipped before stays listed as skipped, with its reason, so every summary shows it.
    // Either way its raw object is kept, and a post with sessions keeps its weekly object too.
    outcome.objects_unchanged = weekly_key_of(*previous_state) ? 2 : 1;
    if (previous_state->status == PostStatus::kSkipped) {
      outcome.result = PostResult::kSkipped;
      outcome.reason = previous_state->reason;
    } else {
      outcome.result = PostResult::kUnchanged;
      outcome.records = static_cast<int>(previous_state->session_dates.size());
      outcome.records_unchanged = outcome.records;
    }
    // The first read of a post by another source, or by any source before the sources were
    // recorded, adds the source at the cost of one write.
    if (std::vector<std::string> sources = sources_with(previous_state, options.source_name);
        sources != previous_state->sources) {
      PostState updated = *previous_state;
      updated.sources = std::move(sources);
      if (Status saved = stores.state->save_post_state(updated); !saved.ok()) {
        note_state_failure(outcome, "Could not record the post's source", saved.error());
      }
    }
    spdlog::debug("{} {}, already processed in this version", to_string(outcome.result),
                  outcome.post.describe());
    return outcome;
  }

  // Claim this version before the work, so that of several workers reading it at once only one
  // processes it. A version that another worker has claimed counts as done. When the idempotency
  // table could not be read just above, the claim is not tried either.
  const std::string claim_key = claim_post_key(post, stores.bucket);
  ClaimGuard claim(*stores.state, claim_key);
  if (!options.force && done) {
    const Clock::time_point now = Clock::now();
    auto claimed = stores.state->claim(claim_key, "process_post", now + kClaimLease, now);
    if (!claimed) {
      note_state_failure(outcome, "Could not claim the post in the idempotency table",
                         claimed.error());
    } else if (!*claimed) {
      outcome.result = PostResult::kUnchanged;
      outcome.warnings.push_back(
          "another worker is processing this version, so it counts as done here");
      spdlog::info("{} is claimed by another worker; counted as done", outcome.post.describe());
      return outcome;
    } else {
      claim.hold();
    }
  }

  auto raw = dump_post_to_bucket(post, *stores.objects);
  if (!raw) {
    return failed_outcome(std::move(outcome), raw.error());
  }
  count_write(outcome, raw->outcome);

  PostState state;
  state.source = source_of(post);
  state.content_sha256 = content_sha256;
  state.process_key = done_key;
  state.sources = sources_with(previous_state, options.source_name);

  auto transformed = transform_post(post, options.profile);
  if (!transformed) {
    state.status = PostStatus::kFailed;
    state.reason = transformed.error().message;
    (void)stores.state->save_post_state(state);
    return failed_outcome(std::move(outcome), transformed.error());
  }
  state.source.title =
      transformed->records.empty() ? post.title : transformed->records.front().source.title;
  state.preamble = transformed->preamble;
  outcome.warnings.insert(outcome.warnings.end(), transformed->warnings.begin(),
                          transformed->warnings.end());
  if (std::optional<std::string> warning = prescription_warnings(transformed->records)) {
    outcome.warnings.push_back(std::move(*warning));
  }

  if (transformed->records.empty()) {
    outcome.result = PostResult::kSkipped;
    const bool no_body = post.content_html.find_first_not_of(" \t\r\n") == std::string::npos;
    outcome.reason =
        options.profile == ProgramProfile::kDaily || no_body
            ? "the post has no text, so it holds no session; the post is kept in raw/"
            : "no day headers found (such as 'Monday (Session One)' or 'Day 2'), so it holds no "
              "sessions; the post is kept in raw/. If the blog posts one workout a day, run with "
              "--profile daily (profile = \"daily\" in the configuration file)";
    state.status = PostStatus::kSkipped;
    state.reason = outcome.reason;
    record_state(*stores.state, state, done_key, outcome);
    return outcome;
  }
  outcome.records = static_cast<int>(transformed->records.size());

  Result<ReplaceOutcome> replaced = ReplaceOutcome{};
  {
    // The dates of the new records are checked for keys, and the records of the previous
    // version's dates may be removed, so both stay locked until the records are written.
    static SessionDateLocks date_locks;
    std::vector<std::string> dates;
    for (const SessionRecord& record : transformed->records) {
      dates.push_back(record.date);
    }
    if (previous_state) {
      dates.insert(dates.end(), previous_state->session_dates.begin(),
                   previous_state->session_dates.end());
    }
    const auto locks = date_locks.lock(dates);
    Result<std::vector<std::string>> separated =
        separate_session_keys(*stores.sessions, transformed->records);
    if (!separated) {
      return failed_outcome(std::move(outcome), separated.error());
    }
    outcome.warnings.insert(outcome.warnings.end(), separated->begin(), separated->end());
    replaced = stores.sessions->replace_post_sessions(transformed->records.front().source,
                                                      transformed->records);
  }
  if (!replaced) {
    return failed_outcome(std::move(outcome), replaced.error());
  }
  outcome.records_written = replaced->written;
  outcome.records_unchanged = replaced->unchanged;
  outcome.records_removed = replaced->removed;

  auto weekly = save_sessions_to_bucket(transformed->records, *stores.objects);
  if (!weekly) {
    return failed_outcome(std::move(outcome), weekly.error());
  }
  count_write(outcome, weekly->outcome);
  remove_stale_weekly(*stores.objects, previous_state, weekly->key, outcome);

  for (const SessionRecord& record : transformed->records) {
    state.session_dates.push_back(record.date);
  }
  std::sort(state.session_dates.begin(), state.session_dates.end());
  state.status = PostStatus::kStored;
  record_state(*stores.state, state, done_key, outcome);

  const bool wrote = outcome.records_written + outcome.records_removed + outcome.objects_written +
                         outcome.objects_removed >
                     0;
  if (!previous_state) {
    outcome.result = PostResult::kNew;
  } else {
    outcome.result = wrote ? PostResult::kChanged : PostResult::kUnchanged;
  }
  spdlog::debug("{} {}: {} records ({} written)", to_string(outcome.result),
                outcome.post.describe(), outcome.records, outcome.records_written);
  return outcome;
}

}  // namespace

PostOutcome process_post(const Post& post, Stores& stores, const RunOptions& options) {
  try {
    return process_post_unchecked(post, stores, options);
  } catch (const std::exception& exception) {
    PostOutcome outcome;
    outcome.post = ref_of(post);
    const Error error = Error::internal(exception.what(), outcome.post);
    return failed_outcome(std::move(outcome), error);
  }
}

RunSummary run_pipeline(PostSource& source, Stores& stores, const RunOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  RunSummary summary;
  summary.source = source.describe();
  summary.stores = stores.description;

  PostProcessor processor(stores, options);
  Status fetched = source.fetch([&processor](PostBatch&& batch) {
    for (Result<Post>& item : batch) {
      processor.submit(std::move(item));
    }
  });
  summary.posts = processor.finish();

  if (!fetched) {
    summary.source_error = fetched.error();
    spdlog::warn("Listing posts failed: {}", fetched.error().to_string());
  }
  summary.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  return summary;
}

}  // namespace wodetl
