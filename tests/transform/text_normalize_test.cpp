#include "transform/text_normalize.hpp"

#include <gtest/gtest.h>

namespace wodetl {
namespace {

TEST(NormalizeForMatching, MapsTypographyToAscii) {
  EXPECT_EQ(normalize_for_matching("Back Squat 5\xC3\x97"
                                   "5 @ 75\xE2\x80\x93"
                                   "80%"),
            "back squat 5x5 @ 75-80%");
  EXPECT_EQ(normalize_for_matching("Don\xE2\x80\x99t \xE2\x80\x9C"
                                   "drop\xE2\x80\x9D"),
            "don't \"drop\"");
  EXPECT_EQ(normalize_for_matching("Followed by\xE2\x80\xA6"), "followed by...");
  EXPECT_EQ(normalize_for_matching("  Monday\xC2\xA0\xC2\xA0(Session One) "),
            "monday (session one)");
}

// An em dash separates words with spaces around it or not; an en dash stays a hyphen.
TEST(NormalizeForMatching, SpacesEmDash) {
  EXPECT_EQ(normalize_for_matching("Snatch\u2014build to a heavy single"),
            "snatch - build to a heavy single");
  EXPECT_EQ(normalize_for_matching("Snatch \u2014 build"), "snatch - build");
  EXPECT_EQ(normalize_for_matching("\u2014Snatch\u2014"), "- snatch -");
  EXPECT_EQ(normalize_for_matching("5\u20136 reps"), "5-6 reps");
}

TEST(WithPlainSpacesCollapsed, MakesEverySpaceOnePlainSpace) {
  EXPECT_EQ(with_plain_spaces_collapsed(" Monday\u00A0\u00A0(Session\tOne) "),
            "Monday (Session One)");
  EXPECT_EQ(with_plain_spaces_collapsed("Caf\u00E9\u2009Day"), "Caf\u00E9 Day");
  EXPECT_EQ(with_plain_spaces_collapsed("Bad \xFF byte"), "Bad \xFF byte");
  EXPECT_EQ(with_plain_spaces_collapsed(""), "");
}

TEST(NormalizeForMatching, KeepsOtherUtf8) {
  EXPECT_EQ(normalize_for_matching("Caf\xC3\xA9 Squat"), "caf\xC3\xA9 squat");
}

TEST(RepairUtf8, ReplacesInvalidBytes) {
  EXPECT_EQ(repair_utf8("ok \xC3\xA9"), "ok \xC3\xA9");
  EXPECT_EQ(repair_utf8("bad \xC3"), "bad \xEF\xBF\xBD");
  EXPECT_EQ(repair_utf8("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(TrimSpaces, RemovesAsciiAndNoBreakSpaces) {
  EXPECT_EQ(trim_spaces("\xC2\xA0 text \t\xC2\xA0"), "text");
  EXPECT_EQ(trim_spaces("\xC2\xA0"), "");
}

}  // namespace
}  // namespace wodetl
