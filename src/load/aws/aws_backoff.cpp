#include "load/aws/aws_backoff.hpp"

#include <algorithm>
#include <cstdint>
#include <random>
#include <thread>

namespace wodetl {

std::chrono::milliseconds full_jitter_backoff(int retry, std::chrono::milliseconds base,
                                              std::chrono::milliseconds max) {
  std::chrono::milliseconds ceiling = std::max(base, std::chrono::milliseconds(1));
  for (int i = 0; i < retry && ceiling < max; ++i) {
    ceiling *= 2;
  }
  ceiling = std::min(ceiling, max);
  thread_local std::mt19937_64 generator{std::random_device{}()};
  std::uniform_int_distribution<std::int64_t> jitter(0, ceiling.count());
  return std::chrono::milliseconds(jitter(generator));
}

void wait_for(const SleepFunction& sleep, std::chrono::milliseconds delay) {
  if (sleep) {
    sleep(delay);
  } else {
    std::this_thread::sleep_for(delay);
  }
}

}  // namespace wodetl
