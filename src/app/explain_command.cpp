#include "app/explain_command.hpp"

#include <istream>
#include <iterator>
#include <ostream>

#include "core/json_codec.hpp"
#include "core/prescription_json.hpp"
#include "transform/html_lines.hpp"
#include "transform/part_labels.hpp"
#include "transform/prescription/line_parser.hpp"
#include "transform/prescription/tokens.hpp"

namespace wodetl {

namespace {

// Lines parsed and written at a time: large enough to amortize the parser's per-call setup,
// small enough that the JSON of one batch stays a few megabytes.
constexpr std::size_t kBatchLines = 1024;

// Length of the line break at text[position], or 0: "\n", "\r\n", a lone "\r" (the old Mac OS
// line ending), or U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR, which editors and
// JavaScript treat as line breaks too.
std::size_t line_break_length(const std::string& text, std::size_t position) {
  const char c = text[position];
  if (c == '\n') {
    return 1;
  }
  if (c == '\r') {
    return position + 1 < text.size() && text[position + 1] == '\n' ? 2 : 1;
  }
  if (c == '\xE2' && text.compare(position, 3, "\xE2\x80\xA8") == 0) {
    return 3;
  }
  if (c == '\xE2' && text.compare(position, 3, "\xE2\x80\xA9") == 0) {
    return 3;
  }
  return 0;
}

// Splits text into lines at each line break (see line_break_length); a final line break does not
// make an empty last line.
std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  std::size_t position = 0;
  while (position < text.size()) {
    const std::size_t length = line_break_length(text, position);
    if (length == 0) {
      ++position;
      continue;
    }
    lines.push_back(text.substr(start, position - start));
    position += length;
    start = position;
  }
  if (start < text.size()) {
    lines.push_back(text.substr(start));
  }
  return lines;
}

// Returns the line as a post's body would give it to the parser: entities decoded and tags
// dropped, with no-break spaces made plain. A line that decodes to nothing keeps its text.
std::string decoded_line(const std::string& line) {
  std::string decoded = line;
  if (line.find_first_of("&<") != std::string::npos) {
    if (Result<std::string> text = html_to_text(line); text && !text->empty()) {
      decoded = std::move(*text);
    }
  }
  return prescription::with_plain_spaces(decoded);
}

// Writes the objects of one batch, each indented as an element of the "lines" array. A line that
// opens a part ("A. Back Squat 5x5 @ 75%", "Warm-up: 400m run") is parsed after its label, as a
// post's part heading is, and its object gets the label as "part_label".
void write_batch(const std::vector<std::string>& lines, std::size_t first, std::size_t count,
                 bool& wrote_any, std::ostream& output) {
  std::vector<std::string> decoded;
  std::vector<std::string> part_labels(count);
  decoded.reserve(count);
  for (std::size_t index = first; index < first + count; ++index) {
    std::string line = decoded_line(lines[index]);
    if (std::optional<PartLabel> label = match_part_label(line)) {
      part_labels[index - first] = std::move(label->label);
      line = std::move(label->heading_rest);
    }
    decoded.push_back(std::move(line));
  }
  Json batch = prescription::explain_json(prescription::parse_prescription_lines(decoded));
  Json& objects = batch["lines"];
  for (std::size_t index = 0; index < objects.size(); ++index) {
    objects[index]["text"] = lines[first + index];
    if (!part_labels[index].empty()) {
      objects[index]["part_label"] = part_labels[index];
    }
    // The parser keeps a line it does not read as a plain note, so the output gives the reason.
    prescription::TokenizedLine tokens;
    prescription::tokenize(decoded[index], tokens);
    if (!tokens.complete) {
      objects[index]["warning"] =
          "not read: longer than " + std::to_string(prescription::kMaxLineBytes) + " bytes or " +
          std::to_string(prescription::kMaxTokens) +
          " words and signs, so it is kept as a note; split it into shorter lines to have it read";
    }
    const std::string dumped = objects[index].dump(2, ' ', false, Json::error_handler_t::replace);
    output << (wrote_any ? ",\n" : "\n") << "    ";
    for (const char c : dumped) {
      output << c;
      if (c == '\n') {
        output << "    ";
      }
    }
    wrote_any = true;
  }
}

}  // namespace

int run_explain(const ExplainOptions& options, std::istream& input, std::ostream& output,
                std::ostream& errors) {
  std::string text;
  if (options.texts.empty()) {
    if (options.input_is_terminal) {
      errors << "Reading prescription lines from standard input; end with Ctrl-D, or give the "
                "lines as arguments.\n";
    }
    text.assign(std::istreambuf_iterator<char>(input), std::istreambuf_iterator<char>());
  } else {
    for (const std::string& argument : options.texts) {
      text += argument + "\n";
    }
  }

  const std::vector<std::string> lines = split_lines(text);
  for (std::size_t index = 0; index < lines.size(); ++index) {
    if (lines[index].find('\0') != std::string::npos) {
      errors << "wodetl explain: line " << index + 1
             << " contains a NUL byte, so the input is not text. Give prescription lines as "
                "text, one per line.\n";
      return 2;
    }
  }

  output << "{\n  \"lines\": [";
  bool wrote_any = false;
  for (std::size_t first = 0; first < lines.size(); first += kBatchLines) {
    write_batch(lines, first, std::min(kBatchLines, lines.size() - first), wrote_any, output);
  }
  output << (wrote_any ? "\n  ]\n}\n" : "]\n}\n");
  return 0;
}

}  // namespace wodetl
