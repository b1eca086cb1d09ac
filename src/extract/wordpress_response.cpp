#include "extract/wordpress_response.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "extract/body_excerpt.hpp"

namespace wodetl {
namespace {

const char* const kEndpointHint =
    "Check that the URL is the WordPress REST API posts endpoint (…/wp-json/wp/v2/posts) and "
    "whether the site requires a login";

std::string lower(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return result;
}

std::string content_type_of(const HttpResponse& response) {
  const std::string* content_type = response.header("content-type");
  return content_type != nullptr ? *content_type : std::string("not given");
}

//! "HTTP 200, content type text/html; charset=UTF-8".
std::string describe_reply(const HttpResponse& response) {
  return "HTTP " + std::to_string(response.status) + ", content type " + content_type_of(response);
}

bool looks_like_html(const HttpResponse& response) {
  const std::string* content_type = response.header("content-type");
  if (content_type != nullptr && content_type->find("html") != std::string::npos) {
    return true;
  }
  std::size_t first = response.body.find_first_not_of(" \t\r\n");
  return first != std::string::npos && response.body[first] == '<';
}

//! Returns the text of the page's <title>, white space collapsed, or "".
std::string html_title(const std::string& body) {
  const std::string lowered = lower(body.substr(0, 64 * 1024));
  std::size_t open = lowered.find("<title");
  if (open == std::string::npos) {
    return {};
  }
  open = lowered.find('>', open);
  const std::size_t close = lowered.find("</title>", open);
  if (open == std::string::npos || close == std::string::npos) {
    return {};
  }
  std::string title = body_excerpt(std::string_view(body).substr(open + 1, close - open - 1), 80);
  return title;
}

//! True when the HTML page is WordPress's login form (wp-login.php) or another login form.
bool is_login_page(const std::string& body) {
  const std::string lowered = lower(body.substr(0, 256 * 1024));
  return lowered.find("id=\"loginform\"") != std::string::npos ||
         lowered.find("wp-login.php") != std::string::npos ||
         lowered.find("name=\"user_login\"") != std::string::npos ||
         lowered.find("name=\"pwd\"") != std::string::npos;
}

//! Error codes with which WordPress and its plugins reject a missing or wrong login.
bool is_authentication_code(const std::string& code) {
  static const char* const kCodes[] = {
      "incorrect_password",
      "invalid_username",
      "invalid_email",
      "rest_not_logged_in",
      "rest_forbidden",
      "rest_cannot_access",
      "rest_cannot_view",
      "rest_forbidden_context",
      "rest_user_cannot_view",
      "application_passwords_disabled",
      "rest_authentication_error",
      "jwt_auth_invalid_token",
  };
  return std::any_of(std::begin(kCodes), std::end(kCodes),
                     [&code](const char* known) { return code == known; });
}

std::string wordpress_error_text(const WordPressError& error) {
  return error.message.empty() ? error.code : error.code + ": " + error.message;
}

Error reply_error(ErrorCode code, std::string message, const std::string& url, std::string hint) {
  return Error{code, std::move(message), PostRef{.url = url}, std::move(hint)};
}

Error status_error(const HttpResponse& response, const std::string& url,
                   const std::string& credentials_hint) {
  const std::optional<WordPressError> api_error = parse_wordpress_error(response.body);
  const bool html = api_error ? false : looks_like_html(response);

  if (response.status == 401 ||
      (response.status == 403 && api_error && is_authentication_code(api_error->code))) {
    std::string message =
        "authentication failed: the site answered HTTP " + std::to_string(response.status) + " (" +
        (api_error ? wordpress_error_text(*api_error)
                   : content_type_of(response) + ": " + body_excerpt(response.body)) +
        ")";
    return reply_error(ErrorCode::kHttpStatus, std::move(message), url, credentials_hint);
  }

  if ((response.status == 403 || response.status == 503 || response.status == 406) && html) {
    const std::string title = html_title(response.body);
    std::string message =
        "the site refused the request with an HTML page (" + describe_reply(response) + ")" +
        (title.empty() ? "" : ", page title '" + title + "'") + ": " + body_excerpt(response.body);
    return reply_error(ErrorCode::kHttpStatus, std::move(message), url,
                       "A security plugin or firewall (such as Wordfence, iThemes Security or "
                       "Cloudflare) may be blocking the REST API or this client; ask the site's "
                       "owner to allow wodetl's User-Agent, or lower the source's rate");
  }

  std::string detail;
  if (api_error) {
    detail = wordpress_error_text(*api_error);
  } else if (!response.body.empty()) {
    detail = content_type_of(response) + ": " + body_excerpt(response.body);
  }
  Error error = Error::http_status(response.status, url, detail);
  if (response.attempts > 1) {
    error.message += " after " + std::to_string(response.attempts) + " attempts";
  }
  if (response.retry_after_too_long) {
    const auto seconds =
        std::chrono::duration_cast<std::chrono::seconds>(*response.retry_after_too_long).count();
    error.message += "; the site asked to wait " + std::to_string(seconds) +
                     " s (Retry-After), longer than the maximum wait";
    error.hint =
        "The site is rate limiting or down for maintenance; run again later, or lower "
        "the source's rate";
  }
  if (response.status == 401 || response.status == 403) {
    error.hint = credentials_hint;
  }
  return error;
}

}  // namespace

std::optional<WordPressError> parse_wordpress_error(const std::string& body) {
  Json document = Json::parse(body, nullptr, false);
  if (document.is_discarded() || !document.is_object()) {
    return std::nullopt;
  }
  auto code = document.find("code");
  if (code == document.end() || !code->is_string()) {
    return std::nullopt;
  }
  WordPressError error{code->get<std::string>(), {}};
  auto message = document.find("message");
  if (message != document.end() && message->is_string()) {
    error.message = message->get<std::string>();
  }
  return error;
}

bool is_past_last_page(const HttpResponse& response) {
  if (response.status != 400) {
    return false;
  }
  const std::optional<WordPressError> error = parse_wordpress_error(response.body);
  return error && error->code == "rest_post_invalid_page_number";
}

Result<Json> read_wordpress_json(const HttpResponse& response, const std::string& url,
                                 const std::string& credentials_hint) {
  if (response.status < 200 || response.status >= 300) {
    return status_error(response, url, credentials_hint);
  }

  if (looks_like_html(response)) {
    if (is_login_page(response.body)) {
      return reply_error(
          ErrorCode::kInvalidInput,
          "the site returned its login page instead of JSON (" + describe_reply(response) +
              "): " + body_excerpt(response.body),
          url,
          "The site requires a login for its REST API; set the source's credentials (a user "
          "name and an application password)");
    }
    return reply_error(ErrorCode::kInvalidInput,
                       "the site returned HTML, not JSON (" + describe_reply(response) +
                           "): " + body_excerpt(response.body),
                       url, kEndpointHint);
  }

  if (response.body.find_first_not_of(" \t\r\n") == std::string::npos) {
    return reply_error(ErrorCode::kInvalidInput,
                       "the site returned an empty body (" + describe_reply(response) + ")", url,
                       kEndpointHint);
  }
  try {
    return Json::parse(response.body);
  } catch (const Json::parse_error& error) {
    // nlohmann reports the byte after the last one read; reaching the end means the JSON
    // started well and stopped early.
    if (error.byte >= response.body.size()) {
      return reply_error(ErrorCode::kNetwork,
                         "the JSON body ends before it is complete, after " +
                             std::to_string(response.body.size()) + " bytes (" +
                             describe_reply(response) + "): " + body_excerpt(response.body),
                         url,
                         "The connection dropped or a proxy cut the response; run again, or "
                         "lower the source's rate");
    }
    return reply_error(ErrorCode::kInvalidInput,
                       "the site returned a body that is not JSON (" + describe_reply(response) +
                           "): " + body_excerpt(response.body),
                       url, kEndpointHint);
  }
}

}  // namespace wodetl
