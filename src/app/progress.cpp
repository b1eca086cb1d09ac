#include "app/progress.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "app/logging.hpp"

namespace wodetl {

namespace {

std::string format_duration(std::chrono::seconds duration) {
  const auto total = duration.count();
  if (total >= 3600) {
    return fmt::format("{}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60);
  }
  return fmt::format("{}:{:02}", total / 60, total % 60);
}

}  // namespace

ProgressRate progress_rate(const SyncProgress& progress, std::chrono::milliseconds elapsed) {
  ProgressRate rate;
  if (elapsed.count() <= 0 || progress.listed <= 0) {
    return rate;
  }
  rate.posts_per_second =
      static_cast<double>(progress.listed) / (static_cast<double>(elapsed.count()) / 1000.0);
  if (progress.total && rate.posts_per_second > 0) {
    const double left =
        static_cast<double>(std::max<std::int64_t>(0, *progress.total - progress.listed));
    rate.remaining =
        std::chrono::seconds(static_cast<std::int64_t>(std::ceil(left / rate.posts_per_second)));
  }
  return rate;
}

std::string format_progress_bar(const SyncProgress& progress, const ProgressRate& rate,
                                int bar_width) {
  std::string text = progress.source;
  if (progress.total && *progress.total > 0) {
    const double share = std::clamp(
        static_cast<double>(progress.listed) / static_cast<double>(*progress.total), 0.0, 1.0);
    const int filled = static_cast<int>(std::round(share * bar_width));
    text += " [" + std::string(static_cast<std::size_t>(filled), '#') +
            std::string(static_cast<std::size_t>(bar_width - filled), '-') + "]  " +
            std::to_string(progress.listed) + "/" + std::to_string(*progress.total) + " posts";
  } else {
    text += "  " + std::to_string(progress.listed) + " posts";
  }
  if (rate.posts_per_second > 0) {
    text += "  " + fmt::format("{:.1f}", rate.posts_per_second) + " posts/s";
  }
  if (rate.remaining && !progress.listing_done) {
    text += "  ETA " + format_duration(*rate.remaining);
  }
  if (progress.listing_done && progress.processed < progress.listed) {
    text += "  storing " + std::to_string(progress.listed - progress.processed) + " more";
  }
  return text;
}

std::string format_progress_line(const SyncProgress& progress, const ProgressRate& rate) {
  std::string text = progress.source + ": " + std::to_string(progress.listed);
  if (progress.total) {
    text += " of " + std::to_string(*progress.total);
  }
  text += " posts read, " + std::to_string(progress.processed) + " processed";
  if (rate.posts_per_second > 0) {
    text += " (" + fmt::format("{:.1f}", rate.posts_per_second) + " posts/s";
    if (rate.remaining && !progress.listing_done) {
      text += ", about " + std::to_string(rate.remaining->count()) + " s left";
    }
    text += ")";
  }
  return text;
}

ProgressReporter::ProgressReporter(ProgressStyle style, std::chrono::milliseconds line_interval,
                                   Clock clock)
    : style_(style), line_interval_(line_interval), clock_(std::move(clock)) {}

void ProgressReporter::update(const SyncProgress& progress) {
  if (style_ == ProgressStyle::kOff) {
    return;
  }
  std::lock_guard lock(mutex_);
  const auto now = clock_();
  if (progress.source != source_) {
    source_ = progress.source;
    started_ = now;
    last_shown_.reset();
  }
  last_ = progress;
  const std::chrono::milliseconds interval =
      style_ == ProgressStyle::kBar ? std::chrono::milliseconds(100) : line_interval_;
  if (last_shown_ && now - *last_shown_ < interval) {
    return;
  }
  // The first log line waits a full interval, so short syncs print none.
  if (!last_shown_ && style_ == ProgressStyle::kLines) {
    last_shown_ = now;
    return;
  }
  last_shown_ = now;
  show(progress, now);
}

void ProgressReporter::show(const SyncProgress& progress,
                            std::chrono::steady_clock::time_point now) {
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(now - started_);
  const ProgressRate rate = progress_rate(progress, elapsed);
  if (style_ == ProgressStyle::kBar) {
    set_status_line(format_progress_bar(progress, rate));
    return;
  }
  Json fields{{"event", "progress"},
              {"source", progress.source},
              {"listed", progress.listed},
              {"processed", progress.processed},
              {"total", progress.total ? Json(*progress.total) : Json(nullptr)},
              {"posts_per_second", std::round(rate.posts_per_second * 10) / 10},
              {"eta_seconds", rate.remaining ? Json(rate.remaining->count()) : Json(nullptr)}};
  log_with_fields(spdlog::level::info, format_progress_line(progress, rate), fields);
}

void ProgressReporter::finish() {
  std::lock_guard lock(mutex_);
  if (style_ == ProgressStyle::kBar) {
    clear_status_line();
  }
  source_.clear();
  last_.reset();
  last_shown_.reset();
}

}  // namespace wodetl
