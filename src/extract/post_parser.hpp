#pragma once
// Mapping of WordPress REST API post objects (GET /wp-json/wp/v2/posts) into Post values.

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/json_codec.hpp"
#include "core/post.hpp"
#include "extract/post_source.hpp"

namespace wodetl {

//! Maps one REST API post object into a Post.
//!
//! Required: `id` (positive integer), `slug`, `date` and `content.rendered` (strings). Optional:
//! `date_gmt`, `modified_gmt`, `link`, `status` and `title.rendered`; absent or null gives an
//! empty string. A required field that is missing, or any field with the wrong type, gives an
//! Error::invalid_input that names the post by whatever of id, slug and link is known.
//! `origin` is the request URL or the file path the object came from. An origin that does not
//! start with "http://" or "https://" is taken as a file and named in errors.
[[nodiscard]] Result<Post> parse_post(const Json& object, const std::string& origin);

//! Parses a JSON document that is one post object or an array of them, as the posts endpoint
//! returns it.
//!
//! Returns an Error naming `origin` when the text is not valid JSON (with the parse error
//! position), is neither an object nor an array, or is a WordPress error object ({"code",
//! "message"}). In an array, each item that is not a valid post becomes an error item of the
//! batch, and the valid items become posts, in array order.
[[nodiscard]] Result<PostBatch> parse_posts_document(std::string_view text,
                                                     const std::string& origin);

}  // namespace wodetl
