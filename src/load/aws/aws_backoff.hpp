#pragma once
// Waits between the attempts of an AWS call: the retries of AwsClient, the resends of
// UnprocessedItems and UnprocessedKeys, and the polls of `wodetl init`.

#include <chrono>
#include <functional>

namespace wodetl {

//! Waits for the given time. Options take one so that tests record the delays instead of
//! sleeping; an empty one means std::this_thread::sleep_for.
using SleepFunction = std::function<void(std::chrono::milliseconds)>;

//! Returns the wait before retry `retry` (0 for the first): a uniformly random time from 0 to
//! min(max, base * 2^retry), AWS's "full jitter", so that workers throttled at once do not retry
//! in step. A base below 1 ms counts as 1 ms.
[[nodiscard]] std::chrono::milliseconds full_jitter_backoff(int retry,
                                                            std::chrono::milliseconds base,
                                                            std::chrono::milliseconds max);

//! Waits for delay through sleep, or with std::this_thread::sleep_for when sleep is empty.
void wait_for(const SleepFunction& sleep, std::chrono::milliseconds delay);

}  // namespace wodetl
