#pragma once
// Lookup of category and tag ids by slug through the REST API (wp/v2/categories, wp/v2/tags).

#include <cstdint>
#include <string>

#include "core/error.hpp"
#include "extract/http_client.hpp"
#include "extract/wordpress_endpoint.hpp"

namespace wodetl {

//! WordPress taxonomy a post listing can be filtered by.
enum class Taxonomy { kCategory, kTag };

[[nodiscard]] const char* to_string(Taxonomy taxonomy);

//! Requests GET wp/v2/categories?slug=SLUG (or wp/v2/tags) from the site of `endpoint` and
//! returns the id of the term with that slug. `request` supplies the authentication and
//! time-outs; its URL is replaced. Returns Error::not_found naming the slug when the site has no
//! such term, and the Errors of read_wordpress_json when the response is not the API's JSON.
[[nodiscard]] Result<std::int64_t> find_term_id(const HttpClient& client,
                                                const PostsEndpoint& endpoint, HttpRequest request,
                                                Taxonomy taxonomy, const std::string& slug,
                                                const std::string& credentials_hint);

//! Requests GET wp/v2/categories/ID (or wp/v2/tags/ID) and checks that the term exists, because
//! WordPress returns an empty list, not an error, for a listing filtered by an unknown term id.
//! Returns Error::not_found naming the id when the site returns 404 with a WordPress error
//! (rest_term_invalid), and the Error of the request when it fails. Any other response (a
//! plugin's 403 page, a site that hides the route) only logs a warning and returns ok, because
//! the listing itself may still work.
[[nodiscard]] Status check_term_id(const HttpClient& client, const PostsEndpoint& endpoint,
                                   HttpRequest request, Taxonomy taxonomy, std::int64_t id,
                                   const std::string& credentials_hint);

}  // namespace wodetl
