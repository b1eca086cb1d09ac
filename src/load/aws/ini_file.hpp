#pragma once
// Reader for the INI dialect of the AWS shared files ~/.aws/credentials and ~/.aws/config.
//
// toml++ cannot read these files: their values are unquoted ("region = us-east-1"), section
// names contain spaces ("[profile dev]", "[services local]"), and a key may open an indented
// sub-section ("s3 =" followed by "  endpoint_url = …"). This reader follows the rules the AWS
// CLI and SDKs document for the format:
//  - "[name]" opens a section; surrounding whitespace inside the brackets is ignored.
//  - "key = value" sets a key; the value is trimmed and may be empty. Keys are case-sensitive.
//  - A key with an empty value followed by indented "key = value" lines is a sub-section; the
//    indented keys are stored as "parent.key" (e.g. "s3.endpoint_url").
//  - Lines starting with '#' or ';' are comments; so is the rest of a line after " #" or " ;".
//  - Other indented lines continue the previous value, joined with '\n'.
//  - A repeated section adds to the earlier one; a repeated key replaces the earlier value.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace wodetl {

//! Keys and values of one section.
using IniSection = std::map<std::string, std::string>;

//! Sections of an INI file by name, e.g. "default" or "profile dev".
struct IniFile {
  std::map<std::string, IniSection> sections;

  //! The section named name, or nullptr.
  [[nodiscard]] const IniSection* section(const std::string& name) const;

  //! The value of key in section, or std::nullopt.
  [[nodiscard]] std::optional<std::string> value(const std::string& section_name,
                                                 const std::string& key) const;
};

//! Parses text. Returns Error::invalid_input naming origin and the line number for a line that
//! is neither a section, a key, a comment nor a continuation, and for a key before any section.
[[nodiscard]] Result<IniFile> parse_ini(std::string_view text, const std::string& origin);

//! Reads and parses a file; std::nullopt when it does not exist.
[[nodiscard]] Result<std::optional<IniFile>> read_ini_file(const std::filesystem::path& path);

}  // namespace wodetl
