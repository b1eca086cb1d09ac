#include "core/error.hpp"

#include <string>

namespace wodetl {

const char* to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput:
      return "invalid input";
    case ErrorCode::kHttpStatus:
      return "HTTP error";
    case ErrorCode::kNetwork:
      return "network error";
    case ErrorCode::kNotFound:
      return "not found";
    case ErrorCode::kStore:
      return "store error";
    case ErrorCode::kInternal:
      return "internal error";
  }
  return "error";
}

std::string PostRef::describe() const {
  std::string text;
  if (id) {
    text += "post " + std::to_string(*id);
  }
  if (!slug.empty()) {
    text += text.empty() ? "post '" + slug + "'" : " '" + slug + "'";
  }
  if (!url.empty()) {
    text += text.empty() ? url : " (" + url + ")";
  }
  if (!file.empty()) {
    text += text.empty() ? "file " + file : " in file " + file;
  }
  return text;
}

std::string Error::to_string() const {
  std::string text = post.describe();
  if (!text.empty()) {
    text += ": ";
  }
  text += message;
  if (!hint.empty()) {
    text += ". " + hint;
  }
  return text;
}

Error Error::invalid_input(std::string message, PostRef post, std::string hint) {
  return Error{ErrorCode::kInvalidInput, std::move(message), std::move(post), std::move(hint)};
}

Error Error::http_status(long status, const std::string& url, const std::string& detail) {
  std::string message = "request failed with HTTP status " + std::to_string(status);
  if (!detail.empty()) {
    message += " (" + detail + ")";
  }
  std::string hint;
  if (status == 401 || status == 403) {
    // Callers that know where the credentials came from replace this hint with one that names
    // the source (see WordPressConfig::credentials_hint).
    hint = "Check the credentials and that they are allowed to make this request";
  } else if (status == 404) {
    hint = "Check the API URL and category id";
  } else if (status == 429 || status >= 500) {
    hint = "The site is busy or failing; try again later";
  }
  return Error{ErrorCode::kHttpStatus, std::move(message), PostRef{.url = url}, std::move(hint)};
}

Error Error::network(const std::string& url, const std::string& detail) {
  return Error{ErrorCode::kNetwork, "request failed: " + detail, PostRef{.url = url},
               "Check the network connection and the API URL"};
}

Error Error::not_found(std::string message, std::string hint) {
  return Error{ErrorCode::kNotFound, std::move(message), {}, std::move(hint)};
}

Error Error::store(std::string message, PostRef post) {
  return Error{ErrorCode::kStore, std::move(message), std::move(post),
               "Check that the data folder is writable, has free space and holds only files that "
               "wodetl wrote"};
}

Error Error::internal(std::string message, PostRef post) {
  return Error{ErrorCode::kInternal, std::move(message), std::move(post),
               "This is a bug in wodetl; please report it with the post that caused it"};
}

}  // namespace wodetl
