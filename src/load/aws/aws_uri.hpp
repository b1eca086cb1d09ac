#pragma once
// URI encoding as AWS Signature Version 4 requires it. libcurl signs the path and the query
// string exactly as they appear in the URL, so the URL must already be in canonical form:
// every byte outside RFC 3986's unreserved set percent-encoded with upper-case hex, and the
// query parameters sorted.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wodetl {

//! Name and value of one query or form parameter, not encoded.
using QueryParameter = std::pair<std::string, std::string>;

//! Percent-encodes every byte of text except A-Z, a-z, 0-9, '-', '_', '.' and '~' (and '/'
//! when keep_slash), as "%3D" for '=' and "%20" for a space.
[[nodiscard]] std::string uri_encode(std::string_view text, bool keep_slash = false);

//! Decodes "%XX" sequences; other bytes, '+' included, stay as they are. An incomplete or
//! invalid sequence is kept as written.
[[nodiscard]] std::string uri_decode(std::string_view text);

//! Encodes an S3 object key as a URL path: "/" followed by the key with each '/'-separated
//! segment encoded by uri_encode, so "raw/a=b c.json" becomes "/raw/a%3Db%20c.json".
[[nodiscard]] std::string s3_key_path(std::string_view key);

//! Builds a canonical query string: each name and value encoded with uri_encode, the pairs
//! sorted by encoded name and then encoded value, joined as "a=1&b=2". Also the body of a
//! form POST (application/x-www-form-urlencoded), which this encoding satisfies.
[[nodiscard]] std::string canonical_query(const std::vector<QueryParameter>& parameters);

}  // namespace wodetl
