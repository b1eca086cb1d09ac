#include "pipeline/completion_notice.hpp"

#include <gtest/gtest.h>

#include <map>

#include "core/json_codec.hpp"
#include "support/fixtures.hpp"

namespace wodetl {
namespace {

TEST(CompletionNotice, MessageCarriesOriginalFieldsAndCounts) {
  RunSummary summary;
  summary.posts.push_back(PostOutcome{.result = PostResult::kNew, .records = 6});
  summary.posts.push_back(PostOutcome{.result = PostResult::kUnchanged, .records = 5});
  summary.posts.push_back(PostOutcome{.result = PostResult::kFailed});
  // 2021-01-03T12:00:00Z
  const auto started = std::chrono::system_clock::time_point(std::chrono::seconds(1609675200));

  const Json message = Json::parse(completion_message(summary, run_name(started), started));
  EXPECT_EQ(message["Subject"], "Invictus WOD DAG Completion");
  EXPECT_EQ(message["Name"], "wodetl-20210103T120000Z");
  EXPECT_EQ(message["StartTime"], "2021-01-03T12:00:00Z");
  EXPECT_EQ(message["PostsProcessed"], 3);
  EXPECT_EQ(message["RecordsProcessed"], 11);
  EXPECT_EQ(message["PostsFailed"], 1);
}

TEST(CompletionNotice, TargetsFromEnvironment) {
  Result<std::vector<SnsTarget>> none = read_notification_targets(testing::fixed_environment({}));
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());

  Result<std::vector<SnsTarget>> both = read_notification_targets(testing::fixed_environment(
      {{"NOTIFICATION_TOPIC_ARN", "arn:aws:sns:us-east-1:123456789012:wod"},
       {"NOTIFICATION_PHONE_NUMBER", "+15555550100"}}));
  ASSERT_TRUE(both.ok()) << both.error().to_string();
  ASSERT_EQ(both->size(), 2U);
  EXPECT_EQ((*both)[0].kind, SnsTarget::Kind::kTopic);
  EXPECT_EQ((*both)[1].kind, SnsTarget::Kind::kPhoneNumber);
}

TEST(CompletionNotice, InvalidTargetNamesVariable) {
  Result<std::vector<SnsTarget>> targets = read_notification_targets(
      testing::fixed_environment({{"NOTIFICATION_PHONE_NUMBER", "555 0100"}}));
  ASSERT_FALSE(targets.ok());
  EXPECT_NE(targets.error().message.find("NOTIFICATION_PHONE_NUMBER"), std::string::npos);
}

}  // namespace
}  // namespace wodetl
