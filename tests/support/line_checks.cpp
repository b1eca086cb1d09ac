#include "support/line_checks.hpp"

namespace wodetl::testing {

std::vector<std::string> stored_line_texts(const std::vector<Line>& preamble,
                                           const std::vector<SessionRecord>& records) {
  std::vector<std::string> texts = line_texts(preamble);
  for (const SessionRecord& record : records) {
    for (const Segment& segment : record.segments) {
      texts.push_back(segment.heading.text);
      for (const Line& line : segment.lines) {
        texts.push_back(line.text);
      }
    }
  }
  return texts;
}

std::vector<std::string> line_texts(const std::vector<Line>& lines) {
  std::vector<std::string> texts;
  texts.reserve(lines.size());
  for (const Line& line : lines) {
    texts.push_back(line.text);
  }
  return texts;
}

}  // namespace wodetl::testing
