#include "extract/request_gate.hpp"

#include <algorithm>
#include <thread>

namespace wodetl {

RequestGate::RequestGate(RequestLimits limits, Sleep sleep)
    : limits_(limits), sleep_(std::move(sleep)) {
  limits_.concurrency = std::max(1, limits_.concurrency);
  if (limits_.requests_per_second > 0) {
    interval_ = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        std::chrono::duration<double>(1.0 / limits_.requests_per_second));
  }
}

RequestGate::Permit::~Permit() {
  if (gate_ != nullptr) {
    gate_->release();
  }
}

RequestGate::Permit RequestGate::acquire() {
  std::chrono::steady_clock::time_point start;
  {
    std::unique_lock lock(mutex_);
    slot_freed_.wait(lock, [this] { return in_flight_ < limits_.concurrency; });
    ++in_flight_;
    // Reserve the next start time under the lock, so concurrent callers get distinct slots.
    start = std::max(std::chrono::steady_clock::now(), next_start_);
    next_start_ = start + interval_;
  }

  const auto now = std::chrono::steady_clock::now();
  if (start > now) {
    const auto delay = std::chrono::ceil<std::chrono::milliseconds>(start - now);
    if (sleep_) {
      sleep_(delay);
    } else {
      std::this_thread::sleep_for(delay);
    }
  }
  return Permit(this);
}

void RequestGate::release() {
  {
    std::lock_guard lock(mutex_);
    --in_flight_;
  }
  slot_freed_.notify_one();
}

}  // namespace wodetl
