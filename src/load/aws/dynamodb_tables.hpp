#pragma once
// The DynamoDB tables of the AWS store, their keys and their CreateTable requests:
//  - sessions (DYNAMODB_TABLE): key date (S, hash) and session (S, range), as in the original,
//    and the global secondary index post_id-index on post_id (N).
//  - idempotency (IDEMPOTENCY_TABLE): key idempotency_key (S). Its Time to Live attribute is
//    ttl (N, epoch seconds), as in the original.
//  - posts (WODETL_POSTS_TABLE): key post_id (N), one item with the state of each post.

#include <string>

#include "core/error.hpp"
#include "core/json_codec.hpp"

namespace wodetl {

//! Names of the three tables.
struct DynamoDbTableNames {
  std::string sessions = "sessions";
  std::string idempotency = "idempotency";
  std::string posts = "posts";
};

//! Checks name against DynamoDB's rules for table names: 3 to 255 letters, digits, '_', '.'
//! and '-'. The Error names variable, the setting the name came from.
[[nodiscard]] Status validate_dynamodb_table_name(const std::string& name,
                                                  const std::string& variable);

//! Index of the sessions table by post id, which finds the records a post no longer has.
inline constexpr const char* kPostIdIndex = "post_id-index";

//! Attribute of the idempotency table that DynamoDB's Time to Live reads.
inline constexpr const char* kTtlAttribute = "ttl";

//! CreateTable request of the sessions table, billed per request.
[[nodiscard]] Json sessions_table_definition(const std::string& name);
//! CreateTable request of the idempotency table, billed per request.
[[nodiscard]] Json idempotency_table_definition(const std::string& name);
//! CreateTable request of the posts table, billed per request.
[[nodiscard]] Json posts_table_definition(const std::string& name);

}  // namespace wodetl
