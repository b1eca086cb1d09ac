#include "pipeline/runner.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>

#include "load/idempotency.hpp"
#include "pipeline/persist.hpp"
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

PostOutcome failure(PostOutcome outcome, const Error& error) {
  outcome.result = PostResult::kFailed;
  outcome.reason = error.message + (error.hint.empty() ? "" : ". " + error.hint);
  spdlog::warn("Failed {}: {}", outcome.post.describe(), outcome.reason);
  return outcome;
}

// Saves the post's state and marks its version done. A failure here is logged and not fatal:
// the data is stored, and the next run only repeats comparisons.
void record_state(StateStore& state, const PostState& post_state, const std::string& done_key) {
  if (Status saved = state.save_post_state(post_state); !saved) {
    spdlog::warn("Could not save the state of post {}: {}", post_state.source.post_id,
                 saved.error().to_string());
  }
  if (Status marked = state.mark_done(done_key, "process_post", Clock::now() + kIdempotencyTtl);
      !marked) {
    spdlog::warn("Could not mark post {} done, so the next run will compare it again: {}",
                 post_state.source.post_id, marked.error().to_string());
  }
}

// Removes the weekly object an earlier version of the post wrote when this version's week differs.
void remove_stale_weekly(ObjectStore& objects, const std::optional<PostState>& previous,
                         const std::string& current_key, PostOutcome& outcome) {
  if (!previous || previous->session_dates.empty()) {
    return;
  }
  const std::string old_key = weekly_key_of(std::vector<SessionRecord>{
      SessionRecord{.date = previous->session_dates.front(), .source = previous->source},
      SessionRecord{.date = previous->session_dates.back(), .source = previous->source}});
  if (old_key == current_key) {
    return;
  }
  if (Status removed = objects.remove(old_key); !removed) {
    outcome.warnings.push_back("could not remove the outdated weekly object " + old_key + ": " +
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
  const std::string done_key = process_post_key(post);
  const std::string content_sha256 = sha256_hex(post.content_html);

  auto previous = stores.state->find_post_state(post.id);
  if (!previous) {
    spdlog::warn("Could not read the state of {}, processing it as new: {}",
                 outcome.post.describe(), previous.error().to_string());
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

  // Fail open as the original did: when the idempotency record cannot be read, process the post
  // again; the compare-before-write stores keep that from changing anything.
  auto done = options.force ? Result<bool>(false) : stores.state->is_done(done_key, Clock::now());
  if (!done) {
    spdlog::warn("Idempotency check failed for {}, processing it again: {}",
                 outcome.post.describe(), done.error().to_string());
  } else if (*done && previous_state && is_stored_version(*previous_state, post, content_sha256)) {
    // A post skipped before stays listed as skipped, with its reason, so every summary shows it.
    if (previous_state->status == PostStatus::kSkipped) {
      outcome.result = PostResult::kSkipped;
      outcome.reason = previous_state->reason;
    } else {
      outcome.result = PostResult::kUnchanged;
      outcome.records = static_cast<int>(previous_state->session_dates.size());
      outcome.records_unchanged = outcome.records;
    }
    spdlog::debug("{} {}, already processed in this version", to_string(outcome.result),
                  outcome.post.describe());
    return outcome;
  }

  // Claim this version before the work, so that of several workers reading it at once only one
  // processes it. A version that another worker has claimed counts as done. When the idempotency
  // table could not be read just above, the claim is not tried either.
  const std::string claim_key = claim_post_key(post);
  ClaimGuard claim(*stores.state, claim_key);
  if (!options.force && done) {
    const Clock::time_point now = Clock::now();
    auto claimed = stores.state->claim(claim_key, "process_post", now + kClaimLease, now);
    if (!claimed) {
      spdlog::warn("Could not claim {} in the idempotency table, processing it anyway: {}",
                   outcome.post.describe(), claimed.error().to_string());
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
    return failure(std::move(outcome), raw.error());
  }
  count_write(outcome, raw->outcome);

  PostState state;
  state.source = source_of(post);
  state.content_sha256 = content_sha256;

  auto transformed = transform_post(post);
  if (!transformed) {
    state.status = PostStatus::kFailed;
    state.reason = transformed.error().message;
    (void)stores.state->save_post_state(state);
    return failure(std::move(outcome), transformed.error());
  }
  state.source.title =
      transformed->records.empty() ? post.title : transformed->records.front().source.title;
  state.preamble = transformed->preamble;
  outcome.warnings = transformed->warnings;

  if (transformed->records.empty()) {
    outcome.result = PostResult::kSkipped;
    outcome.reason =
        "no day headers found (such as 'Monday (Session One)' or 'Day 2'), so it holds no "
        "sessions; "
        "the post is kept in raw/";
    state.status = PostStatus::kSkipped;
    state.reason = outcome.reason;
    record_state(*stores.state, state, done_key);
    return outcome;
  }
  outcome.records = static_cast<int>(transformed->records.size());

  auto replaced = stores.sessions->replace_post_sessions(transformed->records.front().source,
                                                         transformed->records);
  if (!replaced) {
    return failure(std::move(outcome), replaced.error());
  }
  outcome.records_written = replaced->written;
  outcome.records_unchanged = replaced->unchanged;
  outcome.records_removed = replaced->removed;

  auto weekly = save_sessions_to_bucket(transformed->records, *stores.objects);
  if (!weekly) {
    return failure(std::move(outcome), weekly.error());
  }
  count_write(outcome, weekly->outcome);
  remove_stale_weekly(*stores.objects, previous_state, weekly->key, outcome);

  for (const SessionRecord& record : transformed->records) {
    state.session_dates.push_back(record.date);
  }
  std::sort(state.session_dates.begin(), state.session_dates.end());
  state.status = PostStatus::kStored;
  record_state(*stores.state, state, done_key);

  const bool wrote = outcome.records_written + outcome.records_removed + outcome.objects_written +
                         outcome.objects_removed >
                     0;
  if (!previous_state) {
    outcome.result = PostResult::kNew;
  } else {
    outcome.result = wrote ? PostResult::kChanged : PostResult::kUnchanged;
  }
  spdlog::info("{} {}: {} records ({} written)", to_string(outcome.result), outcome.post.describe(),
               outcome.records, outcome.records_written);
  return outcome;
}

// Work queue shared by the fetching thread and the workers.
class PostQueue {
 public:
  void push(std::size_t index, Post post) {
    {
      std::lock_guard lock(mutex_);
      items_.emplace_back(index, std::move(post));
    }
    ready_.notify_one();
  }

  void close() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
    }
    ready_.notify_all();
  }

  std::optional<std::pair<std::size_t, Post>> pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [this] { return closed_ || !items_.empty(); });
    if (items_.empty()) {
      return std::nullopt;
    }
    auto item = std::move(items_.front());
    items_.pop_front();
    return item;
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::pair<std::size_t, Post>> items_;
  bool closed_ = false;
};

// Mutexes that serialize the processing of posts with the same id.
class PostLocks {
 public:
  std::mutex& for_post(std::int64_t post_id) {
    std::lock_guard lock(mutex_);
    std::unique_ptr<std::mutex>& entry = locks_[post_id];
    if (!entry) {
      entry = std::make_unique<std::mutex>();
    }
    return *entry;
  }

 private:
  std::mutex mutex_;
  std::map<std::int64_t, std::unique_ptr<std::mutex>> locks_;
};

}  // namespace

PostOutcome process_post(const Post& post, Stores& stores, const RunOptions& options) {
  try {
    return process_post_unchecked(post, stores, options);
  } catch (const std::exception& exception) {
    PostOutcome outcome;
    outcome.post = ref_of(post);
    const Error error = Error::internal(exception.what(), outcome.post);
    return failure(std::move(outcome), error);
  }
}

RunSummary run_pipeline(PostSource& source, Stores& stores, const RunOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  RunSummary summary;
  summary.source = source.describe();
  summary.stores = stores.description;

  std::mutex outcomes_mutex;
  std::vector<std::pair<std::size_t, PostOutcome>> outcomes;
  auto add_outcome = [&](std::size_t index, PostOutcome outcome) {
    std::lock_guard lock(outcomes_mutex);
    outcomes.emplace_back(index, std::move(outcome));
  };

  PostQueue queue;
  PostLocks locks;
  std::vector<std::thread> workers;
  const int jobs = std::max(1, options.jobs);
  for (int worker = 0; worker < jobs; ++worker) {
    workers.emplace_back([&] {
      while (auto item = queue.pop()) {
        // Two versions of one post (two files, or a post listed twice) are processed one after
        // the other, so the stores never mix them.
        std::lock_guard post_lock(locks.for_post(item->second.id));
        add_outcome(item->first, process_post(item->second, stores, options));
      }
    });
  }

  std::size_t next_index = 0;
  Status fetched = source.fetch([&](PostBatch&& batch) {
    for (Result<Post>& item : batch) {
      const std::size_t index = next_index++;
      if (item) {
        queue.push(index, std::move(item.value()));
        continue;
      }
      PostOutcome outcome;
      outcome.post = item.error().post;
      add_outcome(index, failure(std::move(outcome), item.error()));
    }
  });
  queue.close();
  for (std::thread& worker : workers) {
    worker.join();
  }

  if (!fetched) {
    summary.source_error = fetched.error();
    spdlog::warn("Listing posts failed: {}", fetched.error().to_string());
  }
  std::sort(outcomes.begin(), outcomes.end(),
            [](const auto& left, const auto& right) { return left.first < right.first; });
  for (auto& [index, outcome] : outcomes) {
    summary.posts.push_back(std::move(outcome));
  }
  summary.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  return summary;
}

}  // namespace wodetl
