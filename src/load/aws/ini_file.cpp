#include "load/aws/ini_file.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

#include "core/ascii.hpp"

namespace wodetl {

namespace {

bool is_indented(std::string_view line) {
  return !line.empty() && (line.front() == ' ' || line.front() == '\t');
}

bool is_comment(std::string_view trimmed) {
  return trimmed.starts_with('#') || trimmed.starts_with(';');
}

// Removes a comment that starts with whitespace followed by '#' or ';', so "us-east-1 # main"
// becomes "us-east-1" while "pass#word" keeps its '#'.
std::string_view strip_inline_comment(std::string_view text) {
  for (std::size_t i = 1; i < text.size(); ++i) {
    if ((text[i] == '#' || text[i] == ';') && (text[i - 1] == ' ' || text[i - 1] == '\t')) {
      return trim_ascii_whitespace(text.substr(0, i));
    }
  }
  return text;
}

// Splits text at '\n' and drops a '\r' before it.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    std::string_view line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    lines.push_back(line);
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return lines;
}

Error syntax_error(const std::string& origin, int line_number, const std::string& reason) {
  return Error::invalid_input(origin + " line " + std::to_string(line_number) + ": " + reason, {},
                              "Fix the line; the file uses the INI format of the AWS CLI, with "
                              "[section] lines and key = value lines");
}

}  // namespace

const IniSection* IniFile::section(const std::string& name) const {
  auto found = sections.find(name);
  return found == sections.end() ? nullptr : &found->second;
}

std::optional<std::string> IniFile::value(const std::string& section_name,
                                          const std::string& key) const {
  const IniSection* found = section(section_name);
  if (found == nullptr) {
    return std::nullopt;
  }
  auto entry = found->find(key);
  if (entry == found->end()) {
    return std::nullopt;
  }
  return entry->second;
}

Result<IniFile> parse_ini(std::string_view text, const std::string& origin) {
  IniFile file;
  IniSection* current = nullptr;
  std::string last_key;         // key of the last top-level property in the current section
  bool last_key_opens = false;  // the last property had an empty value, so it may open a block
  bool in_sub_section = false;  // indented lines are sub-properties of last_key

  int line_number = 0;
  for (std::string_view line : split_lines(text)) {
    ++line_number;
    const std::string_view trimmed = trim_ascii_whitespace(line);
    if (trimmed.empty() || is_comment(trimmed)) {
      continue;
    }

    if (is_indented(line) && current != nullptr && !last_key.empty()) {
      const std::size_t equals = trimmed.find('=');
      if ((last_key_opens || in_sub_section) && equals != std::string_view::npos) {
        in_sub_section = true;
        const std::string sub_key(trim_ascii_whitespace(trimmed.substr(0, equals)));
        const std::string_view sub_value =
            strip_inline_comment(trim_ascii_whitespace(trimmed.substr(equals + 1)));
        (*current)[last_key + "." + sub_key] = std::string(sub_value);
      } else if (!in_sub_section) {
        std::string& value = (*current)[last_key];
        value += (value.empty() ? "" : "\n") + std::string(trimmed);
      }
      last_key_opens = false;
      continue;
    }

    if (trimmed.front() == '[') {
      // A comment may follow the closing bracket: "[profile dev] # staging".
      const std::size_t close = trimmed.find(']');
      if (close == std::string_view::npos) {
        return syntax_error(origin, line_number, "the section name has no closing ']'");
      }
      const std::string_view after = trim_ascii_whitespace(trimmed.substr(close + 1));
      if (!after.empty() && !is_comment(after)) {
        return syntax_error(origin, line_number, "text after the section name");
      }
      const std::string name(trim_ascii_whitespace(trimmed.substr(1, close - 1)));
      if (name.empty()) {
        return syntax_error(origin, line_number, "the section name is empty");
      }
      current = &file.sections[name];
      last_key.clear();
      last_key_opens = false;
      in_sub_section = false;
      continue;
    }

    const std::size_t equals = trimmed.find('=');
    if (equals == std::string_view::npos) {
      return syntax_error(origin, line_number, "expected [section] or key = value");
    }
    if (current == nullptr) {
      return syntax_error(origin, line_number, "a key comes before the first [section]");
    }
    const std::string key(trim_ascii_whitespace(trimmed.substr(0, equals)));
    if (key.empty()) {
      return syntax_error(origin, line_number, "the key before '=' is empty");
    }
    const std::string_view value =
        strip_inline_comment(trim_ascii_whitespace(trimmed.substr(equals + 1)));
    (*current)[key] = std::string(value);
    last_key = key;
    last_key_opens = value.empty();
    in_sub_section = false;
  }
  return file;
}

Result<std::optional<IniFile>> read_ini_file(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    return std::optional<IniFile>{};
  }
  std::ifstream stream(path, std::ios::binary);
  if (!stream) {
    return Error::invalid_input("failed to open " + path.string(), {},
                                "Check the file's permissions");
  }
  std::ostringstream text;
  text << stream.rdbuf();
  if (stream.bad()) {
    return Error::invalid_input("failed to read " + path.string(), {},
                                "Check the file's permissions");
  }
  Result<IniFile> parsed = parse_ini(text.str(), path.string());
  if (!parsed) {
    return parsed.error();
  }
  return std::optional<IniFile>{std::move(*parsed)};
}

}  // namespace wodetl
