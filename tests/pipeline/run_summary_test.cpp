#include "pipeline/run_summary.hpp"

#include <gtest/gtest.h>

namespace wodetl {
namespace {

PostOutcome outcome(PostResult result) {
  PostOutcome post;
  post.result = result;
  post.reason = result == PostResult::kFailed ? "the file is empty" : "";
  return post;
}

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

TEST(FormatSummaryText, CountsFailedInputsApart) {
  struct SummaryCase {
    std::vector<PostResult> results;
    std::string expected;
  };
  const std::vector<SummaryCase> cases = {
      {{PostResult::kNew}, "Read 1 post from posts"},
      {{PostResult::kNew, PostResult::kUnchanged}, "Read 2 posts from posts"},
      // An empty file fails before it is a post.
      {{PostResult::kFailed}, "Read 0 posts from posts; 1 failed"},
      {{PostResult::kNew, PostResult::kFailed, PostResult::kFailed},
       "Read 1 post from posts; 2 failed"},
  };
  for (const SummaryCase& test : cases) {
    SCOPED_TRACE(test.expected);
    RunSummary summary;
    summary.source = "posts";
    for (const PostResult result : test.results) {
      summary.posts.push_back(outcome(result));
    }
    EXPECT_EQ(first_line(format_summary_text(summary)), test.expected);
  }
}

TEST(FormatSummaryText, PrunedCountsInTotals) {
  RunSummary summary;
  summary.source = "posts";
  summary.records_pruned = 3;
  summary.objects_pruned = 1;

  const std::string text = format_summary_text(summary, false, "No posts found.");

  EXPECT_NE(text.find("Session records: 0 written, 0 unchanged, 3 removed"), std::string::npos)
      << text;
  EXPECT_NE(text.find("Bucket objects: 0 written, 0 unchanged, 1 removed"), std::string::npos)
      << text;
  EXPECT_EQ(text.find("No posts found."), std::string::npos) << text;
  EXPECT_FALSE(summary.wrote_nothing());
}

TEST(FormatSummaryText, NoPostsLineWhenNothingRemoved) {
  RunSummary summary;
  summary.source = "posts";

  const std::string text = format_summary_text(summary, false, "No posts found.");

  EXPECT_NE(text.find("No posts found."), std::string::npos) << text;
}

}  // namespace
}  // namespace wodetl
