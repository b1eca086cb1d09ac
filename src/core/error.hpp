#pragma once
// Error policy for the whole project:
//  - Expected failures (a malformed post, an HTTP error, a store that rejects a write) are values:
//    functions return Result<T>, and the caller reports the Error and goes on with other posts.
//  - Exceptions end a run: they are thrown only for failures no caller can recover from
//    (an unusable command line, an unopenable store), and the CLI turns them into exit code 2.
//  - Assertions mark bugs.
// Every Error names what failed, the post it concerns, and what the user can do next.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace wodetl {

//! Category of an expected failure; the exit code and the run summary group errors by it.
enum class ErrorCode {
  kInvalidInput,  //!< input that is not what the contract requires (bad JSON, missing field)
  kHttpStatus,    //!< the server answered with an HTTP error status
  kNetwork,       //!< the request did not complete (DNS, connection, TLS, time-out)
  kNotFound,      //!< a file, folder or stage that does not exist
  kStore,         //!< the store could not read or write
  kInternal,      //!< a bug caught at a boundary
};

//! Identity of the post an error concerns; any field may be unknown.
struct PostRef {
  std::optional<std::int64_t> id;
  std::string slug;
  std::string url;   //!< the post's link, or the request URL for HTTP errors
  std::string file;  //!< the local file it was read from, if any

  //! Formats the known fields, e.g. "post 94860 'slug' (https://…)".
  [[nodiscard]] std::string describe() const;
};

//! Expected failure carried as a value.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;  //!< what failed, in one sentence
  PostRef post;         //!< the post or request concerned
  std::string hint;     //!< what the user can do next; may be empty

  [[nodiscard]] std::string to_string() const;

  static Error invalid_input(std::string message, PostRef post = {}, std::string hint = {});
  static Error http_status(long status, const std::string& url, const std::string& detail);
  static Error network(const std::string& url, const std::string& detail);
  static Error not_found(std::string message, std::string hint = {});
  static Error store(std::string message, PostRef post = {});
  static Error internal(std::string message, PostRef post = {});
};

[[nodiscard]] const char* to_string(ErrorCode code);

//! Value or Error. A small stand-in for std::expected, which g++ 12 offers only in C++23 mode.
template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  [[nodiscard]] const Error& error() const { return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

//! Result of an operation that returns nothing on success.
struct Done {};
using Status = Result<Done>;
inline Status ok_status() {
  return Done{};
}

}  // namespace wodetl
