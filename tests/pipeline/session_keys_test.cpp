#include "pipeline/session_keys.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <optional>
#include <thread>
#include <vector>

namespace wodetl {
namespace {

using namespace std::chrono_literals;

TEST(SessionDateLocks, DisjointDatesLockAtOnce) {
  SessionDateLocks locks;
  // Find a date whose mutex differs from that of the first one.
  const std::vector<std::string> first{"2024-01-01"};
  std::vector<std::string> second;
  for (int day = 2; day <= 28 && second.empty(); ++day) {
    const std::string date = "2024-01-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
    std::optional<std::vector<std::unique_lock<std::mutex>>> first_locks = locks.lock(first);
    auto attempt = std::async(std::launch::async, [&] { return locks.lock({date}).size(); });
    const bool at_once = attempt.wait_for(500ms) == std::future_status::ready;
    first_locks.reset();  // a date on the same mutex waits for this
    EXPECT_EQ(attempt.get(), 1U);
    if (at_once) {
      second = {date};
    }
  }

  ASSERT_FALSE(second.empty()) << "every date of January shares the mutex of 2024-01-01";
}

TEST(SessionDateLocks, SharedDateWaits) {
  SessionDateLocks locks;
  std::atomic<bool> second_held{false};
  std::thread other;
  {
    const auto first_locks = locks.lock({"2024-01-01", "2024-01-02"});
    other = std::thread([&] {
      const auto waiting = locks.lock({"2024-01-02", "2024-01-03"});
      second_held = true;
    });
    std::this_thread::sleep_for(100ms);
    EXPECT_FALSE(second_held.load());
  }
  other.join();

  EXPECT_TRUE(second_held.load());
}

TEST(SessionDateLocks, OverlappingOrdersNeverDeadlock) {
  SessionDateLocks locks;
  const std::vector<std::string> forward{"2024-02-01", "2024-02-02", "2024-02-03"};
  const std::vector<std::string> backward{"2024-02-03", "2024-02-02", "2024-02-01"};
  std::atomic<int> rounds{0};
  auto worker = [&](const std::vector<std::string>& dates) {
    for (int i = 0; i < 2000; ++i) {
      const auto date_locks = locks.lock(dates);
      ++rounds;
    }
  };

  std::thread first(worker, forward);
  std::thread second(worker, backward);
  first.join();
  second.join();

  EXPECT_EQ(rounds.load(), 4000);
}

}  // namespace
}  // namespace wodetl
