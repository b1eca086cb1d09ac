// Properties that hold for any post body: the transforms terminate, do not throw, and keep every
// line exactly once, in order.

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "support/line_checks.hpp"
#include "transform/html_lines.hpp"
#include "transform/transform_post.hpp"

namespace wodetl {
namespace {

// Pieces that posts are made of, including the ones the recognizers look for, so random bodies
// exercise headers, labels, links and entities together.
const std::vector<std::string> kPieces = {"<p>",
                                          "</p>",
                                          "<br />",
                                          "\n",
                                          "<strong>",
                                          "</strong>",
                                          "<a href=\"https://v.test/x\">",
                                          "</a>",
                                          "Monday (Session One)",
                                          "Thursday (Rest Day)",
                                          "Day 2",
                                          "Session 5 - Tuesday",
                                          "A.",
                                          "B)",
                                          "C: ",
                                          "F.",
                                          "2)",
                                          "Suggested Warm-Up",
                                          "Warm-up:",
                                          "METCON",
                                          "Back Squat 5&#215;5 @ 75%",
                                          "&#8211;",
                                          "&nbsp;",
                                          "&amp;",
                                          "&#8217;",
                                          "*Sets 1-2 = @ 70%",
                                          "1. Take 5 minutes",
                                          " ",
                                          "<div>",
                                          "</div>",
                                          "<script>x</script>",
                                          "<li>",
                                          "\xFF",
                                          "\xC3",
                                          "&",
                                          "<",
                                          ">",
                                          "Sunday",
                                          "December 28, 2020 \xE2\x80\x93 January 3, 2021",
                                          "Every 2:30, for 15 minutes (6 sets):"};

std::string random_body(std::mt19937& random) {
  std::uniform_int_distribution<std::size_t> piece(0, kPieces.size() - 1);
  std::uniform_int_distribution<int> count(0, 60);
  std::string body;
  for (int index = count(random); index > 0; --index) {
    body += kPieces[piece(random)];
  }
  return body;
}

TEST(TransformProperty, RandomBodiesKeepEveryLine) {
  std::mt19937 random(20201221);
  for (int round = 0; round < 2000; ++round) {
    Post post;
    post.id = round;
    post.slug = round % 3 == 0 ? "december-21-27-2020-program" : "program";
    post.title = round % 2 == 0 ? "Week &#8211; " + std::to_string(round) : "";
    post.date = "2020-12-20T17:00:21";
    post.content_html = random_body(random);

    auto lines = html_to_lines(post.content_html);
    ASSERT_TRUE(lines.ok()) << post.content_html;
    auto transformed = transform_post(post);
    ASSERT_TRUE(transformed.ok()) << transformed.error().to_string();
    EXPECT_EQ(testing::stored_line_texts(transformed->preamble, transformed->records),
              testing::line_texts(*lines))
        << post.content_html;

    // Dates never decrease, and two sessions of one date ("Monday (Session One)" and a later
    // header on that Monday that names a session) keep different keys.
    for (std::size_t index = 1; index < transformed->records.size(); ++index) {
      const SessionRecord& earlier = transformed->records[index - 1];
      const SessionRecord& later = transformed->records[index];
      EXPECT_LE(earlier.date, later.date) << post.content_html;
      if (earlier.date == later.date) {
        EXPECT_NE(earlier.session, later.session) << post.content_html;
      }
    }
  }
}

TEST(TransformProperty, RandomBytesNeverFail) {
  std::mt19937 random(7);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<int> length(0, 400);
  for (int round = 0; round < 1000; ++round) {
    Post post;
    post.date = "2021-01-01T00:00:00";
    for (int index = length(random); index > 0; --index) {
      post.content_html += static_cast<char>(byte(random));
    }
    auto transformed = transform_post(post);
    ASSERT_TRUE(transformed.ok()) << transformed.error().to_string();
  }
}

}  // namespace
}  // namespace wodetl
