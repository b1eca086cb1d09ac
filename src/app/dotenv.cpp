#include "app/dotenv.hpp"

#include <cctype>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>

#include "core/ascii.hpp"

namespace wodetl {

// No Debian package parses .env files for C++, and the format is a few lines of rules.

namespace {

bool is_variable_name(std::string_view name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name.front())) != 0) {
    return false;
  }
  for (const char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '_') {
      return false;
    }
  }
  return true;
}

Error line_error(const std::filesystem::path& path, int line, const std::string& problem) {
  return Error::invalid_input(
      ".env file " + path.string() + " line " + std::to_string(line) + ": " + problem, {},
      "Write each variable as NAME=value, NAME='value' or NAME=\"value\"");
}

//! Reads a double-quoted value that starts after the opening quote; nothing when unterminated.
std::optional<std::string> read_double_quoted(std::string_view text, std::string_view& rest) {
  std::string value;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      rest = text.substr(i + 1);
      return value;
    }
    if (c == '\\' && i + 1 < text.size()) {
      const char next = text[++i];
      value += next == 'n' ? '\n' : next == 't' ? '\t' : next;
      continue;
    }
    value += c;
  }
  return std::nullopt;
}

}  // namespace

Result<DotenvFile> parse_dotenv(const std::string& text, const std::filesystem::path& path) {
  DotenvFile file;
  file.path = path;
  std::istringstream lines(text);
  std::string raw_line;
  int number = 0;
  while (std::getline(lines, raw_line)) {
    ++number;
    std::string_view line = trim_ascii_whitespace(raw_line);
    if (line.empty() || line.front() == '#') {
      continue;
    }
    if (line.starts_with("export ")) {
      line = trim_ascii_whitespace(line.substr(7));
    }
    const std::size_t equals = line.find('=');
    if (equals == std::string_view::npos) {
      return line_error(path, number, "expected NAME=value");
    }
    const std::string_view name = trim_ascii_whitespace(line.substr(0, equals));
    if (!is_variable_name(name)) {
      return line_error(
          path, number,
          "'" + std::string(name) + "' is not a variable name (letters, digits, '_')");
    }

    std::string_view value_text = trim_ascii_whitespace(line.substr(equals + 1));
    std::string value;
    std::string_view rest;
    if (value_text.starts_with('\'')) {
      const std::size_t close = value_text.find('\'', 1);
      if (close == std::string_view::npos) {
        return line_error(path, number,
                          "the value of " + std::string(name) + " has no closing single quote");
      }
      value = std::string(value_text.substr(1, close - 1));
      rest = value_text.substr(close + 1);
    } else if (value_text.starts_with('"')) {
      std::optional<std::string> quoted = read_double_quoted(value_text.substr(1), rest);
      if (!quoted) {
        return line_error(path, number,
                          "the value of " + std::string(name) + " has no closing double quote");
      }
      value = std::move(*quoted);
    } else {
      const std::size_t comment = value_text.find(" #");
      value = std::string(trim_ascii_whitespace(value_text.substr(0, comment)));
    }
    rest = trim_ascii_whitespace(rest);
    if (!rest.empty() && !rest.starts_with('#')) {
      return line_error(path, number,
                        "unexpected text after the quoted value of " + std::string(name));
    }
    file.variables[std::string(name)] = std::move(value);
  }
  return file;
}

Result<std::optional<DotenvFile>> read_dotenv_file(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    return std::optional<DotenvFile>{};
  }
  std::ifstream stream(path, std::ios::binary);
  if (!stream) {
    return Error::invalid_input("cannot read .env file " + path.string(), {},
                                "Check the file's permissions");
  }
  std::ostringstream text;
  text << stream.rdbuf();
  Result<DotenvFile> parsed = parse_dotenv(text.str(), path);
  if (!parsed.ok()) {
    return parsed.error();
  }
  return std::optional<DotenvFile>{std::move(parsed).value()};
}

LayeredEnvironment::LayeredEnvironment(Environment process) : process_(std::move(process)) {}

void LayeredEnvironment::add(DotenvFile file) {
  files_.push_back(std::move(file));
}

void LayeredEnvironment::override_with(std::string origin,
                                       std::map<std::string, std::string> variables) {
  override_origin_ = std::move(origin);
  overrides_ = std::move(variables);
}

std::optional<std::string> LayeredEnvironment::lookup(const std::string& name) const {
  if (auto found = overrides_.find(name); found != overrides_.end()) {
    return found->second;
  }
  if (std::optional<std::string> value = process_(name)) {
    return value;
  }
  for (const DotenvFile& file : files_) {
    if (auto found = file.variables.find(name); found != file.variables.end()) {
      return found->second;
    }
  }
  return std::nullopt;
}

std::optional<std::string> LayeredEnvironment::origin(const std::string& name) const {
  if (overrides_.contains(name)) {
    return override_origin_;
  }
  if (process_(name)) {
    return std::string("the environment");
  }
  for (const DotenvFile& file : files_) {
    if (file.variables.contains(name)) {
      return ".env file " + file.path.string();
    }
  }
  return std::nullopt;
}

Environment LayeredEnvironment::environment() const {
  return [this](const std::string& name) { return lookup(name); };
}

}  // namespace wodetl
