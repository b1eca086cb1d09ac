#include "app/logging.hpp"

#include <spdlog/sinks/base_sink.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <memory>
#include <mutex>
#include <set>

namespace wodetl {

namespace {

//! Secrets to mask, shared by the sink and mask_secrets.
class SecretList {
 public:
  void add(const std::string& value) {
    if (value.size() < 4) {
      return;
    }
    std::lock_guard lock(mutex_);
    secrets_.insert(value);
  }

  std::string mask(std::string text) const {
    std::lock_guard lock(mutex_);
    for (const std::string& secret : secrets_) {
      for (std::size_t at = text.find(secret); at != std::string::npos;
           at = text.find(secret, at + 3)) {
        text.replace(at, secret.size(), "***");
      }
    }
    return text;
  }

 private:
  mutable std::mutex mutex_;
  std::set<std::string> secrets_;
};

SecretList& secrets() {
  static SecretList list;
  return list;
}

//! Fields that log_with_fields attaches to the message logged on the same thread.
thread_local const Json* current_fields = nullptr;

std::string utc_time_text(spdlog::log_clock::time_point time) {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(time);
  const auto milliseconds =
      std::chrono::duration_cast<std::chrono::milliseconds>(time - seconds).count();
  const std::time_t value = spdlog::log_clock::to_time_t(seconds);
  std::tm utc{};
  gmtime_r(&value, &utc);
  char text[40];
  const std::size_t length = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
  std::snprintf(text + length, sizeof text - length, ".%03dZ", static_cast<int>(milliseconds));
  return text;
}

const char* level_colour(spdlog::level::level_enum level) {
  switch (level) {
    case spdlog::level::err:
    case spdlog::level::critical:
      return "\x1b[31m";
    case spdlog::level::warn:
      return "\x1b[33m";
    case spdlog::level::info:
      return "\x1b[32m";
    default:
      return "\x1b[36m";
  }
}

//! Sink for stderr: formats, masks secrets, and keeps the status line below the messages.
//! spdlog formats with patterns only, and neither masks nor keeps a line at the bottom.
class StderrSink : public spdlog::sinks::base_sink<std::mutex> {
 public:
  StderrSink(LogFormat format, bool terminal) : format_(format), terminal_(terminal) {}

  void set_status(const std::string& text) {
    std::lock_guard lock(mutex_);
    erase_status();
    status_ = secrets().mask(text);
    draw_status();
    std::fflush(stderr);
  }

 protected:
  void sink_it_(const spdlog::details::log_msg& message) override {
    const std::string payload =
        secrets().mask(std::string(message.payload.data(), message.payload.size()));
    std::string line;
    const std::string level(spdlog::level::to_string_view(message.level).data(),
                            spdlog::level::to_string_view(message.level).size());
    if (format_ == LogFormat::kJson) {
      Json object{{"time", utc_time_text(message.time)}, {"level", level}, {"message", payload}};
      if (current_fields != nullptr && current_fields->is_object()) {
        for (const auto& [key, value] : current_fields->items()) {
          object[key] = value;
        }
      }
      line = secrets().mask(object.dump(-1, ' ', false, Json::error_handler_t::replace));
    } else if (terminal_) {
      line = std::string(level_colour(message.level)) + level + "\x1b[0m " + payload;
    } else {
      line = level + " " + payload;
    }
    erase_status();
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fputc('\n', stderr);
    draw_status();
  }

  void flush_() override { std::fflush(stderr); }

 private:
  void erase_status() {
    if (!status_.empty()) {
      std::fputs("\r\x1b[K", stderr);
    }
  }

  void draw_status() {
    if (!status_.empty()) {
      std::fwrite(status_.data(), 1, status_.size(), stderr);
    }
  }

  LogFormat format_;
  bool terminal_;
  std::string status_;
};

std::shared_ptr<StderrSink>& current_sink() {
  static std::shared_ptr<StderrSink> sink;
  return sink;
}

}  // namespace

std::optional<LogFormat> parse_log_format(std::string_view text) {
  if (text == "text") {
    return LogFormat::kText;
  }
  if (text == "json") {
    return LogFormat::kJson;
  }
  return std::nullopt;
}

void configure_logging(const std::string& level, LogFormat format) {
  auto sink = std::make_shared<StderrSink>(format, stderr_is_terminal());
  current_sink() = sink;
  auto logger = std::make_shared<spdlog::logger>("wodetl", sink);
  logger->set_level(spdlog::level::from_str(level));
  logger->flush_on(spdlog::level::trace);
  spdlog::set_default_logger(logger);
}

void add_secret(const std::string& value) {
  secrets().add(value);
}

std::string mask_secrets(std::string text) {
  return secrets().mask(std::move(text));
}

void log_with_fields(spdlog::level::level_enum level, std::string_view message,
                     const Json& fields) {
  current_fields = &fields;
  spdlog::log(level, "{}", message);
  current_fields = nullptr;
}

void set_status_line(const std::string& text) {
  if (const auto& sink = current_sink()) {
    sink->set_status(text);
  }
}

void clear_status_line() {
  set_status_line("");
}

bool stderr_is_terminal() {
  return ::isatty(STDERR_FILENO) == 1;
}

}  // namespace wodetl
