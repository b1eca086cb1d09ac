// Robustness of the prescription parser on generated input: random bytes, truncations of
// prescription lines and random token soup. For every input the parser must return, not throw,
// and give exactly one result per line whose text equals the input. The seed is fixed, so a
// failure reproduces.

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "core/json_codec.hpp"
#include "transform/prescription/line_parser.hpp"
#include "core/prescription_json.hpp"
#include "transform/text_normalize.hpp"

namespace wodetl::prescription {
namespace {

constexpr std::uint32_t kSeed = 20201221;

// Lines in the shapes of a weekly program, written for these tests.
const char* const kSampleLines[] = {
    "Every 2 minutes, for 12 minutes (6 sets):",
    "(Power Snatch + Overhead Squat) x 1 rep @ 70% of 1-RM Snatch",
    "*Sets 3-4 = 3 reps @ 75\u201380%",
    "In 18 minutes, establish a 2-RM Front Squat",
    "Single-Arm KB Overhead Carry x 50ft each arm",
    "10 Air Squats, 10 Pushups, 10 V-Ups",
    "Back Squat 5\u00D75 @ 75%",
    "3 Rounds: 5 Pull-Ups + 10 Burpees",
    "Rest 90\u00A0seconds",
    "Start light and build over the sets\u2026",
    "1-2-3-...-10",
    "4@70%, 3@76%, 2+ @ 82%",
};

const char* const kTokenSoup[] = {
    "x", "\u00D7", "@", "%", "+", "(", ")", "[", "]", ":", ",", "-", "\u2013", "/", "=", "*", ".", "...", "\u2026",
    "5", "12", "2:30", ":30", "1.5", "rm", "1-RM", "reps", "sets", "every", "emom", "amrap", "for", "time",
    "rounds", "of", "your", "snatch", "clean", "&", "jerk", "each", "leg", "8e", "400m", "80'", "24/20\u2033",
    "tabata", "rest", "establish", "heavy", "single", "\u00A0", " ", "e", "2", "mom", "up", "to", "on", "off",
    "\xFF", "\xC3", "\u2019", "percent", "at", "bw", "lb", "#", "cal"};

void check_lines(const std::vector<std::string>& lines) {
  std::vector<ParsedLine> parsed;
  ASSERT_NO_THROW(parsed = parse_prescription_lines(lines));
  ASSERT_EQ(parsed.size(), lines.size());
  for (std::size_t index = 0; index < lines.size(); ++index) {
    ASSERT_EQ(parsed[index].text, lines[index]);
    ASSERT_EQ(parsed[index].detail.index(), static_cast<std::size_t>(parsed[index].kind));
  }
}

// JSON needs valid UTF-8, which the pipeline guarantees before any line reaches the parser.
void check_json(const std::vector<std::string>& lines) {
  std::vector<std::string> repaired;
  for (const std::string& line : lines) {
    repaired.push_back(repair_utf8(line));
  }
  ASSERT_NO_THROW((void)explain_json(parse_prescription_lines(repaired)).dump());
}

TEST(PrescriptionProperty, RandomBytes) {
  std::mt19937 random(kSeed);
  std::uniform_int_distribution<int> length(0, 120);
  std::uniform_int_distribution<int> byte(0, 255);
  std::vector<std::string> lines;
  for (int index = 0; index < 1500; ++index) {
    std::string line(static_cast<std::size_t>(length(random)), '\0');
    for (char& c : line) {
      c = static_cast<char>(byte(random));
    }
    lines.push_back(std::move(line));
  }
  check_lines(lines);
  check_json(lines);
}

TEST(PrescriptionProperty, TruncatedLines) {
  std::vector<std::string> lines;
  for (const std::string full : kSampleLines) {
    for (std::size_t size = 0; size <= full.size(); ++size) {
      lines.push_back(full.substr(0, size));  // cuts inside multi-byte characters too
      lines.push_back(full.substr(size));
    }
  }
  check_lines(lines);
  check_json(lines);
}

TEST(PrescriptionProperty, TokenSoup) {
  std::mt19937 random(kSeed + 1);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kTokenSoup) - 1);
  std::uniform_int_distribution<int> count(1, 30);
  std::bernoulli_distribution spaced(0.6);
  std::vector<std::string> lines;
  for (int index = 0; index < 2000; ++index) {
    std::string line;
    const int tokens = count(random);
    for (int token = 0; token < tokens; ++token) {
      line += kTokenSoup[pick(random)];
      if (spaced(random)) {
        line += ' ';
      }
    }
    lines.push_back(std::move(line));
  }
  check_lines(lines);
  check_json(lines);
}

TEST(PrescriptionProperty, LongAndDeepLines) {
  const std::vector<std::string> lines = {
      std::string(5000, '('),
      std::string(5000, '5'),
      [] {
        std::string line;
        for (int index = 0; index < 400; ++index) {
          line += "1-";
        }
        return line;
      }(),
      [] {
        std::string line = "Snatch";
        for (int index = 0; index < 60; ++index) {
          line += " + Clean";
        }
        return line + " x 1 rep";
      }(),
      std::string(511, 'x'),
      std::string(513, ' '),
  };
  check_lines(lines);
  check_json(lines);
}

}  // namespace
}  // namespace wodetl::prescription
