#pragma once
// Reading WordPress REST API responses, and the errors for responses that are not the API's
// JSON: authentication failures, pages of security plugins, login pages, bodies that are not
// JSON or end early.

#include <optional>
#include <string>

#include "core/error.hpp"
#include "core/json_codec.hpp"
#include "extract/http_client.hpp"

namespace wodetl {

//! Error object of the WordPress REST API: {"code": "...", "message": "...", "data": {...}}.
struct WordPressError {
  std::string code;
  std::string message;
};

//! Parses a body as a WordPress error object; nothing when it is not one.
[[nodiscard]] std::optional<WordPressError> parse_wordpress_error(const std::string& body);

//! True for the 400 rest_post_invalid_page_number that WordPress returns for a page past the
//! last one.
[[nodiscard]] bool is_past_last_page(const HttpResponse& response);

//! Checks a response of the REST API and returns its parsed JSON body.
//!
//! Every Error names `url` and what the site returned: the HTTP status, the content type
//! and the first bytes of the body with control characters removed. The cases:
//!  - 401, or 403 with a WordPress error code about logging in or permissions: an
//!    authentication error whose hint is `credentials_hint`;
//!  - a 403 or 503 HTML page: a page of a security plugin or firewall;
//!  - any other status outside 2xx: the status with the WordPress error code and message, or
//!    the body, and the attempts made; after a Retry-After longer than the client would wait,
//!    the requested wait;
//!  - a 2xx HTML page: the site's login page when it has a login form, else "HTML, not JSON";
//!  - a 2xx body that stops in the middle of the JSON: a cut-off body with its size;
//!  - any other 2xx body that is not JSON.
[[nodiscard]] Result<Json> read_wordpress_json(const HttpResponse& response, const std::string& url,
                                               const std::string& credentials_hint);

}  // namespace wodetl
