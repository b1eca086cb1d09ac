#pragma once
// Politeness limits shared by every request to one site: a rate and a number in flight.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>

namespace wodetl {

//! Limits on the requests sent to one site.
struct RequestLimits {
  double requests_per_second = 2.0;  //!< request starts per second; 0 or less means no limit
  int concurrency = 1;               //!< requests in flight at once; at least 1
};

//! Spaces request starts at least 1 / requests_per_second apart and keeps at most `concurrency`
//! requests in flight. Every attempt, retries included, passes through acquire(), so a site
//! sees the configured rate even while the client retries. Thread-safe.
class RequestGate {
 public:
  //! Blocks the calling thread for `delay`; tests replace it to avoid waiting.
  using Sleep = std::function<void(std::chrono::milliseconds)>;

  explicit RequestGate(RequestLimits limits, Sleep sleep = {});

  //! Slot of one request in flight; releases it on destruction.
  class Permit {
   public:
    explicit Permit(RequestGate* gate) : gate_(gate) {}
    Permit(Permit&& other) noexcept : gate_(other.gate_) { other.gate_ = nullptr; }
    Permit& operator=(Permit&&) = delete;
    Permit(const Permit&) = delete;
    Permit& operator=(const Permit&) = delete;
    ~Permit();

   private:
    RequestGate* gate_;
  };

  //! Waits until a request may start, then returns its permit.
  [[nodiscard]] Permit acquire();

  [[nodiscard]] const RequestLimits& limits() const { return limits_; }

 private:
  void release();

  RequestLimits limits_;
  Sleep sleep_;
  std::chrono::steady_clock::duration interval_{0};
  std::mutex mutex_;
  std::condition_variable slot_freed_;
  int in_flight_ = 0;
  std::chrono::steady_clock::time_point next_start_{};
};

}  // namespace wodetl
