#pragma once

#include <string>

namespace wodetl {

//! Sends log messages to stderr at the given level ("debug", "info", "warn", "error", "off"),
//! so stdout carries only a command's output.
void configure_logging(const std::string& level);

}  // namespace wodetl
