#include "extract/request_gate.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace wodetl {
namespace {

using std::chrono::milliseconds;

TEST(RequestGate, SpacesRequestStarts) {
  std::vector<milliseconds> waits;
  RequestGate gate(RequestLimits{.requests_per_second = 4, .concurrency = 1},
                   [&waits](milliseconds delay) { waits.push_back(delay); });

  for (int i = 0; i < 3; ++i) {
    RequestGate::Permit permit = gate.acquire();
  }

  // The first request starts at once; each later one waits for its quarter-second slot.
  ASSERT_EQ(waits.size(), 2u);
  EXPECT_GT(waits[0], milliseconds(200));
  EXPECT_LE(waits[0], milliseconds(250));
  EXPECT_GT(waits[1], milliseconds(450));
  EXPECT_LE(waits[1], milliseconds(500));
}

TEST(RequestGate, NoRateMeansNoWait) {
  std::vector<milliseconds> waits;
  RequestGate gate(RequestLimits{.requests_per_second = 0, .concurrency = 1},
                   [&waits](milliseconds delay) { waits.push_back(delay); });

  for (int i = 0; i < 5; ++i) {
    RequestGate::Permit permit = gate.acquire();
  }

  EXPECT_TRUE(waits.empty());
}

TEST(RequestGate, BoundsRequestsInFlight) {
  RequestGate gate(RequestLimits{.requests_per_second = 0, .concurrency = 2});
  std::atomic<int> in_flight{0};
  std::atomic<int> most_in_flight{0};

  std::vector<std::thread> threads;
  for (int i = 0; i < 6; ++i) {
    threads.emplace_back([&] {
      RequestGate::Permit permit = gate.acquire();
      const int now = ++in_flight;
      int seen = most_in_flight.load();
      while (now > seen && !most_in_flight.compare_exchange_weak(seen, now)) {
      }
      std::this_thread::sleep_for(milliseconds(20));
      --in_flight;
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }

  EXPECT_EQ(most_in_flight.load(), 2);
}

}  // namespace
}  // namespace wodetl
