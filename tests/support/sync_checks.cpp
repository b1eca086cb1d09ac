#include "support/sync_checks.hpp"

#include <gtest/gtest.h>

namespace wodetl::testing {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

void expect_contains_all(const std::string& text, const std::vector<std::string>& parts) {
  for (const std::string& part : parts) {
    EXPECT_TRUE(contains(text, part)) << "missing: " << part << "\nin:\n" << text;
  }
}

void expect_wrote_nothing(const Json& source_summary) {
  EXPECT_EQ(source_summary["new"], 0) << source_summary.dump(2);
  EXPECT_EQ(source_summary["changed"], 0) << source_summary.dump(2);
  EXPECT_EQ(source_summary["records_written"], 0) << source_summary.dump(2);
  EXPECT_EQ(source_summary["objects_written"], 0) << source_summary.dump(2);
  EXPECT_EQ(source_summary["cursor_saved"], false) << source_summary.dump(2);
}

}  // namespace wodetl::testing
