#include "transform/html_lines.hpp"

#include <gtest/gtest.h>

namespace wodetl {
namespace {

std::vector<std::string> texts(const std::vector<Line>& lines) {
  std::vector<std::string> out;
  for (const Line& line : lines) {
    out.push_back(line.text);
  }
  return out;
}

TEST(HtmlToLines, SplitsAtBreaksAndParagraphs) {
  auto lines =
      html_to_lines("<p><strong>Monday</strong><br />\nA.<br />\nSquat x 5</p>\n<p>Rest</p>");
  ASSERT_TRUE(lines.ok());
  EXPECT_EQ(texts(*lines), (std::vector<std::string>{"Monday", "A.", "Squat x 5", "Rest"}));
}

TEST(HtmlToLines, EveryLineBreakEndsLine) {
  for (const char* html : {"<p>Snatch x 2\rEMOM 10</p>", "<p>Snatch x 2\r\nEMOM 10</p>",
                           "<p>Snatch x 2\xE2\x80\xA8"
                           "EMOM 10</p>",
                           "<p>Snatch x 2\xE2\x80\xA9"
                           "EMOM 10</p>"}) {
    SCOPED_TRACE(html);
    auto lines = html_to_lines(html);
    ASSERT_TRUE(lines.ok());
    EXPECT_EQ(texts(*lines), (std::vector<std::string>{"Snatch x 2", "EMOM 10"}));
  }
}

TEST(HtmlToLines, DecodesEntities) {
  auto lines = html_to_lines(
      "<p>5&#215;5 &#8211; don&#8217;t stop&#8230; Clean &amp; Jerk&nbsp;now &#038; later</p>");
  ASSERT_TRUE(lines.ok());
  ASSERT_EQ(lines->size(), 1U);
  EXPECT_EQ(lines->front().text,
            "5\xC3\x97"
            "5 \xE2\x80\x93 don\xE2\x80\x99t stop\xE2\x80\xA6 Clean & Jerk\xC2\xA0now & later");
}

TEST(HtmlToLines, KeepsLinksWithTheirLine) {
  auto lines = html_to_lines(
      "<p>(<a href=\"https://v.test/a\">Snatch</a> + <a href=\"https://v.test/b\">Hip Snatch</a>) "
      "x 1</p>"
      "<p><a href=\"https://v.test/c\">Front Squat </a>x 7 reps</p>");
  ASSERT_TRUE(lines.ok());
  ASSERT_EQ(lines->size(), 2U);
  EXPECT_EQ((*lines)[0].text, "(Snatch + Hip Snatch) x 1");
  ASSERT_EQ((*lines)[0].links.size(), 2U);
  EXPECT_EQ((*lines)[0].links[0], (Link{"Snatch", "https://v.test/a"}));
  EXPECT_EQ((*lines)[0].links[1], (Link{"Hip Snatch", "https://v.test/b"}));
  EXPECT_EQ((*lines)[1].text, "Front Squat x 7 reps");
  ASSERT_EQ((*lines)[1].links.size(), 1U);
  EXPECT_EQ((*lines)[1].links[0].text, "Front Squat");
}

TEST(HtmlToLines, DropsEmptyLinesAndCollapsesSpaces) {
  auto lines = html_to_lines("<p>&nbsp;</p><p>  Back   Squat\t x 5  </p><p></p><div><br></div>");
  ASSERT_TRUE(lines.ok());
  EXPECT_EQ(texts(*lines), (std::vector<std::string>{"Back Squat x 5"}));
}

TEST(HtmlToLines, SkipsScriptAndStyle) {
  auto lines = html_to_lines(
      "<p>Keep</p><script>var x = '<p>no</p>';</script><style>p{}</style><p>Also</p>");
  ASSERT_TRUE(lines.ok());
  EXPECT_EQ(texts(*lines), (std::vector<std::string>{"Keep", "Also"}));
}

TEST(HtmlToLines, NewlineInTextEndsLine) {
  auto lines = html_to_lines("<p>First line\nSecond line</p>");
  ASSERT_TRUE(lines.ok());
  EXPECT_EQ(texts(*lines), (std::vector<std::string>{"First line", "Second line"}));
}

TEST(HtmlToLines, ListItemsAndHeadingsAreLines) {
  auto lines = html_to_lines("<h3>Day 1</h3><ul><li>Row 500m</li><li>Run 400m</li></ul>");
  ASSERT_TRUE(lines.ok());
  EXPECT_EQ(texts(*lines), (std::vector<std::string>{"Day 1", "Row 500m", "Run 400m"}));
}

TEST(HtmlToLines, MalformedHtmlKeepsText) {
  auto lines = html_to_lines("<p>Open <b>bold <i>italic</p><p>Next</div></span>");
  ASSERT_TRUE(lines.ok());
  EXPECT_EQ(texts(*lines), (std::vector<std::string>{"Open bold italic", "Next"}));
}

TEST(HtmlToLines, InvalidUtf8BecomesReplacementCharacter) {
  auto lines = html_to_lines("<p>Squat \xFF x 5</p>");
  ASSERT_TRUE(lines.ok());
  ASSERT_EQ(lines->size(), 1U);
  EXPECT_EQ(lines->front().text, "Squat \xEF\xBF\xBD x 5");
}

TEST(HtmlToLines, EmptyBodyGivesNoLines) {
  auto lines = html_to_lines("");
  ASSERT_TRUE(lines.ok());
  EXPECT_TRUE(lines->empty());
}

TEST(HtmlToText, DecodesTitle) {
  auto text = html_to_text("December 21-27, 2020 &#8211; 5 Day Program");
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, "December 21-27, 2020 \xE2\x80\x93 5 Day Program");
}

}  // namespace
}  // namespace wodetl
