#pragma once
// Logging of the CLI: messages on stderr as text or as JSON lines, with every registered secret
// masked, and a status line (the progress bar) that log messages print above.

#include <spdlog/spdlog.h>

#include <string>
#include <string_view>

#include "core/json_codec.hpp"

namespace wodetl {

//! Shape of log messages on stderr.
enum class LogFormat {
  kText,  //!< "level message", the level coloured on a terminal
  kJson,  //!< one JSON object per line: {"time", "level", "message", fields…}
};

//! Parses "text" or "json"; nothing for any other text.
[[nodiscard]] std::optional<LogFormat> parse_log_format(std::string_view text);

//! Sends log messages to stderr from `level` up ("trace", "debug", "info", "warn", "error",
//! "off") in `format`, so stdout carries only a command's output. Replaces the default logger.
void configure_logging(const std::string& level, LogFormat format = LogFormat::kText);

//! Registers a value that no log message may contain, such as a password: the sinks print
//! "***" in its place. Values shorter than 4 characters are ignored, because masking them
//! would garble ordinary words.
void add_secret(const std::string& value);

//! Returns `text` with every registered secret replaced by "***", for outputs other than logs.
[[nodiscard]] std::string mask_secrets(std::string text);

//! Logs `message` at `level`; in JSON format the members of `fields` join the line's object.
void log_with_fields(spdlog::level::level_enum level, std::string_view message, const Json& fields);

//! Shows `text` on the last line of the terminal, below the log messages, until it is replaced
//! or cleared. Only for a terminal: callers check stderr_is_terminal().
void set_status_line(const std::string& text);

//! Removes the status line, leaving the terminal as before it was shown.
void clear_status_line();

//! True when stderr is a terminal (isatty), where a progress bar makes sense.
[[nodiscard]] bool stderr_is_terminal();

}  // namespace wodetl
