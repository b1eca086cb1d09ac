#include "load/state_store.hpp"

#include <gtest/gtest.h>

#include <string>

namespace wodetl {
namespace {

TEST(PostStatusToString, NamesEachStatus) {
  EXPECT_EQ(std::string(to_string(PostStatus::kStored)), "stored");
  EXPECT_EQ(std::string(to_string(PostStatus::kSkipped)), "skipped");
  EXPECT_EQ(std::string(to_string(PostStatus::kFailed)), "failed");
}

}  // namespace
}  // namespace wodetl
