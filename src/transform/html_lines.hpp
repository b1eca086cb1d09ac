#pragma once

#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/post.hpp"
#include "core/session.hpp"

namespace wodetl {

//! Splits an HTML fragment into its visible lines. A line ends at <br>, at the start or end of a
//! block element (p, div, li, h1-h6, …) and at a newline in the text, as the original pipeline
//! split its text on '\n'. Entities are decoded; runs of spaces and tabs become one space; lines
//! are trimmed, and lines left empty are dropped. Hyperlinks are kept on the line that holds their
//! text. Script and style content is skipped. Invalid UTF-8 becomes U+FFFD.
[[nodiscard]] Result<std::vector<Line>> html_to_lines(std::string_view html);

//! Decodes the entities of a short HTML text such as a post title, and joins its lines with ' '.
[[nodiscard]] Result<std::string> html_to_text(std::string_view html);

//! Stage strip_post_html: the post body as lines, with the post's identity and its date.
[[nodiscard]] Result<StrippedPost> strip_post_html(const Post& post);

}  // namespace wodetl
