#pragma once
// Bucket keys and bodies in the layout of the original pipeline's S3 bucket:
//   raw/{post date}__{slug}__raw.json            the post JSON as received
//   weekly/{first date}__{last date}--{slug}.jsonl  one session record per line
//
// Slugs and dates come from the WordPress site, so each piece passes through
// sanitize_key_piece before it becomes part of a key.

#include <string>
#include <string_view>
#include <vector>

#include "core/post.hpp"
#include "core/session.hpp"

namespace wodetl {

//! Replaces every character of piece other than an ASCII letter, digit, '-', '_' or '%' with
//! '-', one '-' per byte. The result contains no '/', no '.', no control character and no
//! byte above 0x7F, so a piece can neither add a folder level, form "..", nor change the key's
//! suffix. WordPress slugs and ISO dates pass unchanged, because WordPress lowercases slugs and
//! percent-encodes their non-ASCII characters. An empty piece stays empty.
[[nodiscard]] std::string sanitize_key_piece(std::string_view piece);

//! Builds "raw/{YYYY-MM-DD}__{slug}__raw.json" from the first 10 characters of post.date
//! (local publication date) and post.slug, both sanitized.
[[nodiscard]] std::string raw_post_key(const Post& post);

//! Builds "weekly/{first_date}__{last_date}--{slug}.jsonl" with each piece sanitized.
[[nodiscard]] std::string weekly_key(std::string_view first_date, std::string_view last_date,
                                     std::string_view slug);

//! Encodes a record as compact one-line JSON. UTF-8 text is kept as is, and invalid UTF-8 bytes
//! become U+FFFD, so the same record always gives the same bytes.
[[nodiscard]] std::string compact_record_json(const SessionRecord& record);

//! Encodes records as JSON Lines in the given order: compact_record_json of each record
//! followed by "\n". An empty vector gives an empty body.
[[nodiscard]] std::string weekly_body(const std::vector<SessionRecord>& records);

}  // namespace wodetl
