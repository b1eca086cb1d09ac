#include "load/aws/dynamodb_tables.hpp"

namespace wodetl {

namespace {

Json attribute(const char* name, const char* type) {
  return Json{{"AttributeName", name}, {"AttributeType", type}};
}

Json key(const char* name, const char* type) {
  return Json{{"AttributeName", name}, {"KeyType", type}};
}

}  // namespace

Status validate_dynamodb_table_name(const std::string& name, const std::string& variable) {
  const bool valid_length = name.size() >= 3 && name.size() <= 255;
  const bool valid_characters =
      name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-") ==
      std::string::npos;
  if (!valid_length || !valid_characters) {
    return Error::invalid_input(variable + ": '" + name + "' is not a valid DynamoDB table name",
                                {}, "Use 3 to 255 letters, digits, '_', '.' or '-'");
  }
  return ok_status();
}

Json sessions_table_definition(const std::string& name) {
  return Json{
      {"TableName", name},
      {"AttributeDefinitions",
       Json::array({attribute("date", "S"), attribute("session", "S"), attribute("post_id", "N")})},
      {"KeySchema", Json::array({key("date", "HASH"), key("session", "RANGE")})},
      {"BillingMode", "PAY_PER_REQUEST"},
      {"GlobalSecondaryIndexes",
       Json::array({Json{{"IndexName", kPostIdIndex},
                         {"KeySchema", Json::array({key("post_id", "HASH")})},
                         {"Projection", Json{{"ProjectionType", "KEYS_ONLY"}}}}})},
  };
}

Json idempotency_table_definition(const std::string& name) {
  return Json{
      {"TableName", name},
      {"AttributeDefinitions", Json::array({attribute("idempotency_key", "S")})},
      {"KeySchema", Json::array({key("idempotency_key", "HASH")})},
      {"BillingMode", "PAY_PER_REQUEST"},
  };
}

Json posts_table_definition(const std::string& name) {
  return Json{
      {"TableName", name},
      {"AttributeDefinitions", Json::array({attribute("post_id", "N")})},
      {"KeySchema", Json::array({key("post_id", "HASH")})},
      {"BillingMode", "PAY_PER_REQUEST"},
  };
}

}  // namespace wodetl
