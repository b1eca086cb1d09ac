#pragma once
// Check of a source's credentials before it is read.
//
// WordPress ignores a wrong application password on public routes such as GET /wp/v2/posts
// (observed on WordPress 6.1): the listing then comes back as to an anonymous client, without
// private posts and without an error. A request for the current user fails instead, so the
// check sends one before the listing.

#include "core/error.hpp"
#include "extract/http_client.hpp"
#include "extract/wordpress_endpoint.hpp"

namespace wodetl {

//! Requests GET wp/v2/users/me with `request`'s credentials. Returns the authentication error of
//! read_wordpress_json (hint: `credentials_hint`) when the site answers 401, and any Error of a
//! response that is not the API's JSON. A 403 or 404 means that a plugin hides the route, so
//! the credentials cannot be checked: that is logged as a warning and not an error.
[[nodiscard]] Status check_login(const HttpClient& client, const PostsEndpoint& endpoint,
                                 HttpRequest request, const std::string& credentials_hint);

}  // namespace wodetl
