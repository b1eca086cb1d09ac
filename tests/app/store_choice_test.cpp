#include "app/store_choice.hpp"

#include <gtest/gtest.h>

#include <map>

#include "support/fixtures.hpp"

namespace wodetl {
namespace {

TEST(ReadStoreKind, OptionThenVariableThenFile) {
  const Environment aws_variable = testing::fixed_environment({{"WODETL_STORE", "aws"}});
  const Environment empty_variable = testing::fixed_environment({{"WODETL_STORE", ""}});

  EXPECT_EQ(*read_store_kind("local", aws_variable, "aws"), StoreKind::kLocal);
  EXPECT_EQ(*read_store_kind("", aws_variable, "local"), StoreKind::kAws);
  EXPECT_EQ(*read_store_kind("", empty_variable, "aws"), StoreKind::kAws);
  EXPECT_EQ(*read_store_kind("", testing::fixed_environment({}), std::nullopt), StoreKind::kLocal);
}

TEST(ReadStoreKind, InvalidValueNamesOrigin) {
  Result<StoreKind> variable =
      read_store_kind("", testing::fixed_environment({{"WODETL_STORE", "cloud"}}));
  Result<StoreKind> file = read_store_kind("", testing::fixed_environment({}), "s3");

  ASSERT_FALSE(variable.ok());
  EXPECT_NE(variable.error().message.find("WODETL_STORE 'cloud'"), std::string::npos)
      << variable.error().message;
  ASSERT_FALSE(file.ok());
  EXPECT_NE(file.error().message.find("configuration file's store 's3'"), std::string::npos)
      << file.error().message;
}

}  // namespace
}  // namespace wodetl
