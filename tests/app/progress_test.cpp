#include "app/progress.hpp"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace wodetl
