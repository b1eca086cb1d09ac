#include "app/progress.hpp"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <memory>
#include <sstream>
#include <string>

namespace wodetl {
namespace {

using std::chrono::milliseconds;

SyncProgress progress_of(std::int64_t listed, std::optional<std::int64_t> total) {
  SyncProgress progress;
  progress.source = "invictus";
  progress.listed = listed;
  progress.processed = listed - 10;
  progress.total = total;
  return progress;
}

TEST(ProgressRate, RateAndRemainingTime) {
  const ProgressRate rate = progress_rate(progress_of(120, 245), milliseconds(40000));

  EXPECT_DOUBLE_EQ(rate.posts_per_second, 3.0);
  ASSERT_TRUE(rate.remaining.has_value());
  EXPECT_EQ(rate.remaining->count(), 42);
}

TEST(ProgressRate, NothingBeforeFirstPost) {
  const ProgressRate rate = progress_rate(progress_of(0, 245), milliseconds(1000));

  EXPECT_DOUBLE_EQ(rate.posts_per_second, 0.0);
  EXPECT_FALSE(rate.remaining.has_value());
}

TEST(FormatProgressBar, ShowsShareRateAndEta) {
  const SyncProgress progress = progress_of(120, 240);

  EXPECT_EQ(format_progress_bar(progress, progress_rate(progress, milliseconds(40000)), 10),
            "invictus [#####-----]  120/240 posts  3.0 posts/s  ETA 0:40");
}

TEST(FormatProgressBar, UnknownTotalShowsCount) {
  const SyncProgress progress = progress_of(57, std::nullopt);

  EXPECT_EQ(format_progress_bar(progress, progress_rate(progress, milliseconds(19000))),
            "invictus  57 posts  3.0 posts/s");
}

TEST(FormatProgressBar, StoringAfterListing) {
  SyncProgress progress = progress_of(240, 240);
  progress.listing_done = true;

  EXPECT_EQ(format_progress_bar(progress, progress_rate(progress, milliseconds(80000)), 4),
            "invictus [####]  240/240 posts  3.0 posts/s  storing 10 more");
}

TEST(FormatProgressLine, NamesCountsAndTimeLeft) {
  const SyncProgress progress = progress_of(120, 240);

  EXPECT_EQ(format_progress_line(progress, progress_rate(progress, milliseconds(40000))),
            "invictus: 120 of 240 posts read, 110 processed (3.0 posts/s, about 40 s left)");
}

//! Sends spdlog's default logger to a string for the life of the object, then restores it.
class CapturedLog {
 public:
  CapturedLog() : previous_(spdlog::default_logger()) {
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(text_);
    sink->set_pattern("%v");
    spdlog::set_default_logger(std::make_shared<spdlog::logger>("captured", sink));
  }
  CapturedLog(const CapturedLog&) = delete;
  CapturedLog& operator=(const CapturedLog&) = delete;
  ~CapturedLog() { spdlog::set_default_logger(previous_); }

  [[nodiscard]] std::string text() const { return text_.str(); }

 private:
  std::shared_ptr<spdlog::logger> previous_;
  std::ostringstream text_;
};

//! Clock that the test moves by hand.
struct ManualClock {
  std::chrono::steady_clock::time_point now{};

  ProgressReporter::Clock reader() {
    return [this] { return now; };
  }
};

class ProgressReporterTest : public ::testing::Test {
 protected:
  //! Returns a reporter of `style` that logs every 10 s by the test's clock.
  ProgressReporter reporter_of(ProgressStyle style) {
    return ProgressReporter(style, std::chrono::seconds(10), clock_.reader());
  }

  CapturedLog log_;
  ManualClock clock_;
};

TEST_F(ProgressReporterTest, LinesWaitOneInterval) {
  ProgressReporter reporter = reporter_of(ProgressStyle::kLines);

  reporter.update(progress_of(20, 240));
  clock_.now += std::chrono::seconds(9);
  reporter.update(progress_of(50, 240));
  const std::string before_interval = log_.text();
  clock_.now += std::chrono::seconds(1);
  reporter.update(progress_of(60, 240));
  clock_.now += std::chrono::seconds(5);
  reporter.update(progress_of(80, 240));

  // A short sync prints no line; after ten seconds, one line, then one per interval.
  EXPECT_EQ(before_interval, "");
  EXPECT_EQ(log_.text(),
            "invictus: 60 of 240 posts read, 50 processed (6.0 posts/s, about 30 s left)\n");
}

TEST_F(ProgressReporterTest, NewSourceRestartsRate) {
  ProgressReporter reporter = reporter_of(ProgressStyle::kLines);
  reporter.update(progress_of(20, 240));
  clock_.now += std::chrono::seconds(30);
  reporter.finish();

  SyncProgress other = progress_of(20, 40);
  other.source = "daily";
  reporter.update(other);
  clock_.now += std::chrono::seconds(10);
  reporter.update(other);

  EXPECT_EQ(log_.text(),
            "daily: 20 of 40 posts read, 10 processed (2.0 posts/s, about 10 s left)\n");
}

TEST_F(ProgressReporterTest, OffShowsNothing) {
  ProgressReporter reporter = reporter_of(ProgressStyle::kOff);

  for (int second = 0; second < 30; ++second) {
    reporter.update(progress_of(20 + second, 240));
    clock_.now += std::chrono::seconds(1);
  }
  reporter.finish();

  EXPECT_EQ(log_.text(), "");
}

}  // namespace
}  // namespace wodetl
