#include "extract/retry_policy.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace wodetl {
namespace {

using std::chrono::milliseconds;

// 2015-10-21 07:28:00 UTC as seconds since the epoch.
const std::chrono::system_clock::time_point kNow =
    std::chrono::system_clock::from_time_t(1445412480);

TEST(ParseRetryAfter, ReadsDelaySeconds) {
  EXPECT_EQ(parse_retry_after("0", kNow), milliseconds(0));
  EXPECT_EQ(parse_retry_after("120", kNow), milliseconds(120000));
  EXPECT_EQ(parse_retry_after(" 7 ", kNow), milliseconds(7000));
}

TEST(ParseRetryAfter, ReadsHttpDate) {
  EXPECT_EQ(parse_retry_after("Wed, 21 Oct 2015 07:28:30 GMT", kNow), milliseconds(30000));
  EXPECT_EQ(parse_retry_after("Wednesday, 21-Oct-15 07:29:00 GMT", kNow), milliseconds(60000));
  EXPECT_EQ(parse_retry_after("Wed Oct 21 07:30:00 2015", kNow), milliseconds(120000));
}

TEST(ParseRetryAfter, PastDateIsZero) {
  EXPECT_EQ(parse_retry_after("Wed, 21 Oct 2015 07:00:00 GMT", kNow), milliseconds(0));
}

TEST(ParseRetryAfter, RejectsOtherText) {
  EXPECT_FALSE(parse_retry_after("", kNow).has_value());
  EXPECT_FALSE(parse_retry_after("-5", kNow).has_value());
  EXPECT_FALSE(parse_retry_after("soon", kNow).has_value());
}

TEST(ParseRetryAfter, HugeDelayComparesAsTooLong) {
  std::optional<milliseconds> delay = parse_retry_after("99999999999999999999", kNow);
  ASSERT_TRUE(delay.has_value());
  EXPECT_GT(*delay, milliseconds(30000));
}

TEST(BackoffCeiling, DoublesUpToMaxWait) {
  RetryPolicy policy{
      .max_retries = 5, .initial_backoff = milliseconds(1000), .max_wait = milliseconds(5000)};
  EXPECT_EQ(backoff_ceiling(policy, 0), milliseconds(1000));
  EXPECT_EQ(backoff_ceiling(policy, 1), milliseconds(2000));
  EXPECT_EQ(backoff_ceiling(policy, 2), milliseconds(4000));
  EXPECT_EQ(backoff_ceiling(policy, 3), milliseconds(5000));
  EXPECT_EQ(backoff_ceiling(policy, 60), milliseconds(5000));
}

TEST(BackoffDelay, FullJitterScalesCeiling) {
  RetryPolicy policy{
      .max_retries = 5, .initial_backoff = milliseconds(1000), .max_wait = milliseconds(5000)};
  EXPECT_EQ(backoff_delay(policy, 0, 0.0), milliseconds(0));
  EXPECT_EQ(backoff_delay(policy, 0, 0.5), milliseconds(500));
  EXPECT_EQ(backoff_delay(policy, 2, 0.25), milliseconds(1000));
  EXPECT_EQ(backoff_delay(policy, 9, 0.999), milliseconds(4995));
  EXPECT_EQ(backoff_delay(policy, 1, 7.0), milliseconds(2000));
}

TEST(BackoffDelay, NoJitterIsCeiling) {
  RetryPolicy policy{.max_retries = 5,
                     .initial_backoff = milliseconds(100),
                     .max_wait = milliseconds(5000),
                     .jitter = Jitter::kNone};
  EXPECT_EQ(backoff_delay(policy, 0, 0.1), milliseconds(100));
  EXPECT_EQ(backoff_delay(policy, 3, 0.1), milliseconds(800));
}

TEST(IsRetryableStatus, TransientStatusesOnly) {
  for (long status : {408L, 429L, 500L, 502L, 503L, 504L, 520L, 522L, 599L}) {
    EXPECT_TRUE(is_retryable_status(status)) << status;
  }
  for (long status : {200L, 301L, 400L, 401L, 403L, 404L, 410L, 501L, 505L}) {
    EXPECT_FALSE(is_retryable_status(status)) << status;
  }
}

}  // namespace
}  // namespace wodetl
