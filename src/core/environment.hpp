#pragma once

#include <functional>
#include <optional>
#include <string>

namespace wodetl {

//! Looks up an environment variable by name; returns nothing when it is unset. Injectable, so
//! tests need not change the process environment.
using Environment = std::function<std::optional<std::string>(const std::string&)>;

//! Reads the process environment variable `name` with std::getenv; the Environment of real runs.
//! Callers treat an empty value as unset where that matters.
[[nodiscard]] std::optional<std::string> read_environment_variable(const std::string& name);

}  // namespace wodetl
