#include "pipeline/post_processor.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace wodetl {

PostProcessor::PostProcessor(Stores& stores, RunOptions options, OnDone on_done)
    : stores_(stores), options_(options), on_done_(std::move(on_done)) {
  const int jobs = std::max(1, options_.jobs);
  for (int worker = 0; worker < jobs; ++worker) {
    workers_.emplace_back([this] { work(); });
  }
}

PostProcessor::~PostProcessor() {
  (void)finish();
}

std::size_t PostProcessor::submit(Result<Post> item) {
  const std::size_t index = next_index_++;
  if (!item) {
    PostOutcome outcome;
    outcome.post = item.error().post;
    add_outcome(index, failed_outcome(std::move(outcome), item.error()));
    return index;
  }
  {
    std::lock_guard lock(queue_mutex_);
    queue_.emplace_back(index, std::move(item.value()));
  }
  queue_ready_.notify_one();
  return index;
}

std::vector<PostOutcome> PostProcessor::finish() {
  {
    std::lock_guard lock(queue_mutex_);
    closed_ = true;
  }
  queue_ready_.notify_all();
  for (std::thread& worker : workers_) {
    if (worker.joinable()) {
      worker.join();
    }
  }

  std::lock_guard lock(outcomes_mutex_);
  std::sort(outcomes_.begin(), outcomes_.end(),
            [](const auto& left, const auto& right) { return left.first < right.first; });
  std::vector<PostOutcome> ordered;
  ordered.reserve(outcomes_.size());
  for (auto& [index, outcome] : outcomes_) {
    ordered.push_back(std::move(outcome));
  }
  outcomes_.clear();
  return ordered;
}

void PostProcessor::work() {
  while (true) {
    std::pair<std::size_t, Post> item;
    {
      std::unique_lock lock(queue_mutex_);
      queue_ready_.wait(lock, [this] { return closed_ || !queue_.empty(); });
      if (queue_.empty()) {
        return;
      }
      item = std::move(queue_.front());
      queue_.pop_front();
    }
    std::lock_guard post_lock(lock_for_post(item.second.id));
    add_outcome(item.first, process_post(item.second, stores_, options_));
  }
}

void PostProcessor::add_outcome(std::size_t index, PostOutcome outcome) {
  // Once per run, because an unreachable table fails the same way for every post.
  if (outcome.state_error) {
    std::call_once(state_failure_logged_, [&outcome] {
      spdlog::warn(
          "The idempotency records or post states cannot be used, so posts are processed and "
          "stored anyway; the summary counts them: {}",
          outcome.state_error->to_string());
    });
  }
  if (on_done_) {
    on_done_(index, outcome);
  }
  std::lock_guard lock(outcomes_mutex_);
  outcomes_.emplace_back(index, std::move(outcome));
}

std::mutex& PostProcessor::lock_for_post(std::int64_t post_id) {
  std::lock_guard lock(post_locks_mutex_);
  std::unique_ptr<std::mutex>& entry = post_locks_[post_id];
  if (!entry) {
    entry = std::make_unique<std::mutex>();
  }
  return *entry;
}

}  // namespace wodetl
