#include "load/aws/dynamodb_state_store.hpp"

#include <algorithm>
#include <chrono>
#include <utility>

#include "core/json_codec.hpp"
#include "core/utc_time.hpp"
#include "load/aws/dynamodb_tables.hpp"

namespace wodetl {

DynamoDbStateStore::DynamoDbStateStore(std::shared_ptr<const DynamoDbClient> client,
                                       std::string idempotency_table, std::string posts_table,
                                       std::string sessions_table)
    : client_(std::move(client)),
      idempotency_table_(std::move(idempotency_table)),
      posts_table_(std::move(posts_table)),
      sessions_table_(std::move(sessions_table)) {}

Json DynamoDbStateStore::idempotency_item(const std::string& idempotency_key,
                                          const std::string& operation,
                                          Clock::time_point expires_at) const {
  // completed_at is written as the original's datetime.isoformat() wrote it.
  return Json{{"idempotency_key", string_value(idempotency_key)},
              {kTtlAttribute, number_value(epoch_seconds(expires_at))},
              {"completed_at", string_value(format_utc_isoformat(Clock::now()))},
              {"operation", string_value(operation)}};
}

Result<std::optional<Json>> DynamoDbStateStore::get_item(const std::string& table, Json key,
                                                         Json options) const {
  Json request = std::move(options);
  request["TableName"] = table;
  request["Key"] = std::move(key);
  request["ConsistentRead"] = true;
  Result<Json> response = client_->call("GetItem", request, "table " + table);
  if (!response) {
    return response.error();
  }
  auto item = response->find("Item");
  if (item == response->end() || !item->is_object() || item->empty()) {
    return std::optional<Json>{};
  }
  return std::optional<Json>{std::move(*item)};
}

Result<bool> DynamoDbStateStore::is_done(const std::string& idempotency_key,
                                         Clock::time_point now) {
  Result<std::optional<Json>> item = get_item(
      idempotency_table_, Json{{"idempotency_key", string_value(idempotency_key)}},
      Json{{"ProjectionExpression", "#k, #t"},
           {"ExpressionAttributeNames", Json{{"#k", "idempotency_key"}, {"#t", kTtlAttribute}}}});
  if (!item) {
    return item.error();
  }
  if (!*item) {
    return false;
  }
  // A record without ttl never expires, like an item without the Time to Live attribute.
  const std::optional<std::int64_t> ttl = number_attribute(**item, kTtlAttribute);
  return !ttl || *ttl > epoch_seconds(now);
}

Status DynamoDbStateStore::mark_done(const std::string& idempotency_key,
                                     const std::string& operation, Clock::time_point expires_at) {
  const Json request{{"TableName", idempotency_table_},
                     {"Item", idempotency_item(idempotency_key, operation, expires_at)}};
  Result<Json> response = client_->call("PutItem", request, "table " + idempotency_table_);
  if (!response) {
    return response.error();
  }
  return ok_status();
}

Result<bool> DynamoDbStateStore::claim(const std::string& idempotency_key,
                                       const std::string& operation, Clock::time_point expires_at,
                                       Clock::time_point now) {
  const Json request{
      {"TableName", idempotency_table_},
      {"Item", idempotency_item(idempotency_key, operation, expires_at)},
      {"ConditionExpression", "attribute_not_exists(#k) OR #t <= :now"},
      {"ExpressionAttributeNames", Json{{"#k", "idempotency_key"}, {"#t", kTtlAttribute}}},
      {"ExpressionAttributeValues", Json{{":now", number_value(epoch_seconds(now))}}}};
  Result<DynamoDbResponse> response =
      client_->send("PutItem", request, "table " + idempotency_table_);
  if (!response) {
    return response.error();
  }
  if (response->error && response->error->code == "ConditionalCheckFailedException") {
    return false;
  }
  if (response->error) {
    return response->error->to_error();
  }
  return true;
}

Status DynamoDbStateStore::release(const std::string& idempotency_key) {
  const Json request{{"TableName", idempotency_table_},
                     {"Key", Json{{"idempotency_key", string_value(idempotency_key)}}}};
  Result<Json> response = client_->call("DeleteItem", request, "table " + idempotency_table_);
  if (!response) {
    return response.error();
  }
  return ok_status();
}

Status DynamoDbStateStore::save_post_state(const PostState& state) {
  Json dates = Json::array();
  for (const std::string& date : state.session_dates) {
    dates.push_back(string_value(date));
  }
  Json sources = Json::array();
  for (const std::string& source : state.sources) {
    sources.push_back(string_value(source));
  }
  const std::string preamble_json =
      Json(state.preamble).dump(-1, ' ', false, Json::error_handler_t::replace);
  const Json request{
      {"TableName", posts_table_},
      {"Item", Json{{"post_id", number_value(state.source.post_id)},
                    {"slug", string_value(state.source.slug)},
                    {"link", string_value(state.source.link)},
                    {"modified_gmt", string_value(state.source.modified_gmt)},
                    {"title", string_value(state.source.title)},
                    {"content_sha256", string_value(state.content_sha256)},
                    {"process_key", string_value(state.process_key)},
                    {"status", string_value(to_string(state.status))},
                    {"reason", string_value(state.reason)},
                    {"preamble_json", string_value(preamble_json)},
                    {"session_dates", Json{{"L", std::move(dates)}}},
                    {"sources", Json{{"L", std::move(sources)}}},
                    {"updated_at", string_value(format_utc_milliseconds(Clock::now()))}}}};
  Result<Json> response = client_->call("PutItem", request, "table " + posts_table_);
  if (!response) {
    Error error = response.error();
    error.post = post_ref_of(state.source);
    return error;
  }
  return ok_status();
}

namespace {

//! Returns the strings of the list attribute `name`; an absent attribute gives an empty list.
std::vector<std::string> string_list_attribute(const Json& item, const char* name) {
  std::vector<std::string> values;
  if (auto list = item.find(name); list != item.end() && list->contains("L")) {
    for (const Json& value : list->at("L")) {
      if (value.contains("S") && value.at("S").is_string()) {
        values.push_back(value.at("S").get<std::string>());
      }
    }
  }
  return values;
}

//! Reads a post item of `posts_table` back into a PostState.
Result<PostState> post_state_of(const Json& item, const std::string& posts_table) {
  PostState state;
  const std::optional<std::int64_t> post_id = number_attribute(item, "post_id");
  if (!post_id) {
    return aws_store_error("an item of table " + posts_table + " has no numeric post_id",
                           "Delete the item: wodetl writes post_id in every item of this table");
  }
  state.source.post_id = *post_id;
  state.source.slug = string_attribute(item, "slug").value_or("");
  state.source.link = string_attribute(item, "link").value_or("");
  state.source.modified_gmt = string_attribute(item, "modified_gmt").value_or("");
  state.source.title = string_attribute(item, "title").value_or("");
  state.content_sha256 = string_attribute(item, "content_sha256").value_or("");
  state.reason = string_attribute(item, "reason").value_or("");
  state.process_key = string_attribute(item, "process_key").value_or("");

  const std::string status = string_attribute(item, "status").value_or("");
  std::optional<PostStatus> parsed_status = parse_post_status(status);
  if (!parsed_status) {
    return aws_store_error(
        "stored post state in table " + posts_table + " has unknown status '" + status + "'",
        "Delete the post's item from the table, so the next run stores it again",
        post_ref_of(state.source));
  }
  state.status = *parsed_status;

  try {
    state.preamble = Json::parse(string_attribute(item, "preamble_json").value_or("[]"))
                         .get<std::vector<Line>>();
  } catch (const Json::exception& exception) {
    return aws_store_error("stored post state in table " + posts_table +
                               " has invalid preamble_json: " + exception.what(),
                           "Delete the post's item from the table, so the next run stores it "
                           "again",
                           post_ref_of(state.source));
  }
  state.session_dates = string_list_attribute(item, "session_dates");
  state.sources = string_list_attribute(item, "sources");
  return state;
}

}  // namespace

Result<std::optional<PostState>> DynamoDbStateStore::find_post_state(std::int64_t post_id) {
  Result<std::optional<Json>> found =
      get_item(posts_table_, Json{{"post_id", number_value(post_id)}});
  if (!found) {
    return found.error();
  }
  if (!*found) {
    return std::optional<PostState>{};
  }
  Result<PostState> state = post_state_of(**found, posts_table_);
  if (!state) {
    return state.error();
  }
  return std::optional<PostState>{std::move(*state)};
}

Result<std::vector<PostState>> DynamoDbStateStore::all_post_states() {
  // The filter keeps out any item that wodetl did not write as a post state, such as an item
  // added by hand, so that the audit never reports it as a gone post.
  Json request{{"TableName", posts_table_},
               {"ConsistentRead", true},
               {"FilterExpression", "attribute_exists(#id) AND attribute_exists(#status)"},
               {"ExpressionAttributeNames", Json{{"#id", "post_id"}, {"#status", "status"}}}};
  std::vector<PostState> states;
  Status read = client_->paginate("Scan", std::move(request), "table " + posts_table_,
                                  [this, &states](const Json& items) {
                                    for (const Json& item : items) {
                                      Result<PostState> state = post_state_of(item, posts_table_);
                                      if (!state) {
                                        return Status(state.error());
                                      }
                                      states.push_back(std::move(*state));
                                    }
                                    return ok_status();
                                  });
  if (!read) {
    return read.error();
  }
  std::sort(states.begin(), states.end(), [](const PostState& left, const PostState& right) {
    return left.source.post_id < right.source.post_id;
  });
  return states;
}

Status DynamoDbStateStore::remove_post_state(std::int64_t post_id) {
  const Json request{{"TableName", posts_table_},
                     {"Key", Json{{"post_id", number_value(post_id)}}}};
  Result<Json> response = client_->call("DeleteItem", request, "table " + posts_table_);
  if (!response) {
    Error error = response.error();
    error.post.id = post_id;
    return error;
  }
  return ok_status();
}

std::string sync_cursor_key(const std::string& sessions_table, const std::string& source) {
  // Table names cannot contain '#', so the key cannot be read two ways.
  return "sync_cursor#" + sessions_table + "#" + source;
}

Result<std::optional<SyncCursor>> DynamoDbStateStore::find_sync_cursor(const std::string& source) {
  Result<std::optional<Json>> found =
      get_item(idempotency_table_,
               Json{{"idempotency_key", string_value(sync_cursor_key(sessions_table_, source))}});
  if (!found) {
    return found.error();
  }
  if (!*found) {
    return std::optional<SyncCursor>{};
  }
  const Json& item = **found;
  SyncCursor cursor;
  cursor.source = source;
  cursor.listing = string_attribute(item, "listing").value_or("");
  cursor.modified_gmt = string_attribute(item, "modified_gmt").value_or("");
  cursor.updated_at = string_attribute(item, "updated_at").value_or("");
  return std::optional<SyncCursor>{std::move(cursor)};
}

Status DynamoDbStateStore::save_sync_cursor(const SyncCursor& cursor) {
  const std::string updated_at =
      cursor.updated_at.empty() ? format_utc_milliseconds(Clock::now()) : cursor.updated_at;
  const Json request{{"TableName", idempotency_table_},
                     {"Item", Json{{"idempotency_key",
                                    string_value(sync_cursor_key(sessions_table_, cursor.source))},
                                   {"operation", string_value("sync_cursor")},
                                   {"listing", string_value(cursor.listing)},
                                   {"modified_gmt", string_value(cursor.modified_gmt)},
                                   {"updated_at", string_value(updated_at)}}}};
  Result<Json> response = client_->call("PutItem", request, "table " + idempotency_table_);
  if (!response) {
    return response.error();
  }
  return ok_status();
}

}  // namespace wodetl
