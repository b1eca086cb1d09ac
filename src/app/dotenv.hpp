#pragma once
// Environment variables from the process and from .env files, in that order of precedence.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/environment.hpp"
#include "core/error.hpp"

namespace wodetl {

//! Variables of one .env file.
struct DotenvFile {
  std::filesystem::path path;
  std::map<std::string, std::string> variables;
};

//! Parses the text of a .env file: lines of NAME=VALUE, with optional "export " in front, blank
//! lines and lines starting with '#' ignored. A value in single quotes is taken as written; a
//! value in double quotes understands \n, \t, \" and \\; an unquoted value ends at " #". An
//! invalid line gives Error::invalid_input naming `path` and the line number, never the value.
[[nodiscard]] Result<DotenvFile> parse_dotenv(const std::string& text,
                                              const std::filesystem::path& path);

//! Reads and parses a .env file; nothing when it does not exist.
[[nodiscard]] Result<std::optional<DotenvFile>> read_dotenv_file(const std::filesystem::path& path);

//! Lookup of variables in the process environment first, then in each .env file in the order
//! they were added. Thread-safe once built.
class LayeredEnvironment {
 public:
  explicit LayeredEnvironment(Environment process = read_environment_variable);

  //! Adds a .env file below the layers added before it.
  void add(DotenvFile file);

  //! Sets variables that take precedence over the process environment and every .env file, such
  //! as the credentials read from a Secrets Manager secret. origin() returns `origin` for them.
  //! A later call replaces the variables of an earlier one.
  void override_with(std::string origin, std::map<std::string, std::string> variables);

  //! Returns the value of `name`, or nothing when no layer sets it.
  [[nodiscard]] std::optional<std::string> lookup(const std::string& name) const;

  //! Returns where `name` is set: the origin given to override_with, "the environment" or
  //! ".env file PATH"; nothing when unset.
  [[nodiscard]] std::optional<std::string> origin(const std::string& name) const;

  //! Returns an Environment that reads this object, which must outlive it.
  [[nodiscard]] Environment environment() const;

  [[nodiscard]] const std::vector<DotenvFile>& files() const { return files_; }

 private:
  Environment process_;
  std::vector<DotenvFile> files_;
  std::string override_origin_;
  std::map<std::string, std::string> overrides_;
};

}  // namespace wodetl
