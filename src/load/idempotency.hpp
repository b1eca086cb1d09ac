#pragma once
// Idempotency keys as the original pipeline computed them, so that a run marks the same
// operations done whichever implementation of StateStore records them.

#include <chrono>
#include <initializer_list>
#include <string>
#include <string_view>

namespace wodetl {

//! How long a completed operation stays marked done, as the original DynamoDB table's TTL.
inline constexpr std::chrono::seconds kIdempotencyTtl = std::chrono::hours(24);

//! Computes the SHA-256 digest of data as 64 lowercase hex digits.
//! Throws std::runtime_error if OpenSSL fails, which happens only when memory runs out.
[[nodiscard]] std::string sha256_hex(std::string_view data);

//! Computes the key that marks an operation done: the SHA-256 hex of
//! "{operation}:{identifier 1}:{identifier 2}…", e.g. of "dump_post_to_bucket:raw/…__raw.json".
[[nodiscard]] std::string idempotency_key(std::string_view operation,
                                          std::initializer_list<std::string_view> identifiers);

}  // namespace wodetl
