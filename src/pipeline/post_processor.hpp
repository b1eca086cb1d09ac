#pragma once
// Posts processed on worker threads while the caller is still listing more of them.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/post.hpp"
#include "pipeline/run_summary.hpp"
#include "pipeline/runner.hpp"
#include "pipeline/stores.hpp"

namespace wodetl {

//! Runs process_post on `options.jobs` worker threads for the posts the caller submits.
//!
//! Two versions of one post (two files, or a post listed twice) are processed one after the
//! other, so the stores never mix them. submit() and finish() are for one thread, the caller's;
//! the `on_done` callback runs on the worker threads, and on the caller's thread for items that
//! are errors, so it must be thread-safe.
class PostProcessor {
 public:
  //! Called once per submitted item when its outcome is known, with the index submit returned.
  using OnDone = std::function<void(std::size_t index, const PostOutcome& outcome)>;

  PostProcessor(Stores& stores, RunOptions options, OnDone on_done = {});
  //! Waits for the workers, as finish() does.
  ~PostProcessor();

  PostProcessor(const PostProcessor&) = delete;
  PostProcessor& operator=(const PostProcessor&) = delete;

  //! Queues a post for processing; an error item becomes a failed outcome at once. Returns the
  //! item's index: 0 for the first item submitted, then 1, 2, …
  std::size_t submit(Result<Post> item);

  //! Waits until every submitted post is processed and returns the outcomes in submission
  //! order. Later calls return an empty list.
  std::vector<PostOutcome> finish();

 private:
  void work();
  void add_outcome(std::size_t index, PostOutcome outcome);
  std::mutex& lock_for_post(std::int64_t post_id);

  Stores& stores_;
  RunOptions options_;
  OnDone on_done_;
  std::size_t next_index_ = 0;

  std::mutex queue_mutex_;
  std::condition_variable queue_ready_;
  std::deque<std::pair<std::size_t, Post>> queue_;
  bool closed_ = false;

  std::once_flag state_failure_logged_;

  std::mutex outcomes_mutex_;
  std::vector<std::pair<std::size_t, PostOutcome>> outcomes_;

  std::mutex post_locks_mutex_;
  std::map<std::int64_t, std::unique_ptr<std::mutex>> post_locks_;

  std::vector<std::thread> workers_;  // last, so the threads stop before the state above goes
};

}  // namespace wodetl
