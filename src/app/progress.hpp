#pragma once
// Progress of a sync on stderr: a bar on a terminal, periodic log lines elsewhere.

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

#include "pipeline/sync.hpp"

namespace wodetl {

//! Display of progress.
enum class ProgressStyle {
  kBar,    //!< a bar redrawn on the terminal's last line
  kLines,  //!< a log line every line_interval (with fields in JSON log format)
  kOff,    //!< nothing (--quiet)
};

//! Rate and remaining time of a sync, computed from its progress.
struct ProgressRate {
  double posts_per_second = 0;
  std::optional<std::chrono::seconds> remaining;  //!< nothing until rate and total are known
};

//! Computes the rate of posts read over `elapsed` and the time left to read the rest.
[[nodiscard]] ProgressRate progress_rate(const SyncProgress& progress,
                                         std::chrono::milliseconds elapsed);

//! Formats the progress bar, e.g.
//! "invictus [#########-----------]  120/245 posts  3.2 posts/s  ETA 0:39".
[[nodiscard]] std::string format_progress_bar(const SyncProgress& progress,
                                              const ProgressRate& rate, int bar_width = 24);

//! Formats the progress log line, e.g. "invictus: 120 of 245 posts read, 110 processed (3.2
//! posts/s, about 39 s left)".
[[nodiscard]] std::string format_progress_line(const SyncProgress& progress,
                                               const ProgressRate& rate);

//! Shows the progress of syncs. update() may be called from any thread; calls are throttled.
class ProgressReporter {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  explicit ProgressReporter(
      ProgressStyle style, std::chrono::milliseconds line_interval = std::chrono::seconds(10),
      Clock clock = [] { return std::chrono::steady_clock::now(); });

  //! Shows `progress` when the last update is long enough ago: 100 ms for the bar,
  //! line_interval for log lines. A new source name restarts the rate.
  void update(const SyncProgress& progress);

  //! Ends the display of the current source: removes the bar, and restarts the rate and the
  //! interval for the next source.
  void finish();

 private:
  void show(const SyncProgress& progress, std::chrono::steady_clock::time_point now);

  ProgressStyle style_;
  std::chrono::milliseconds line_interval_;
  Clock clock_;
  std::mutex mutex_;
  std::string source_;
  std::chrono::steady_clock::time_point started_;
  std::optional<std::chrono::steady_clock::time_point> last_shown_;
  std::optional<SyncProgress> last_;
};

}  // namespace wodetl
