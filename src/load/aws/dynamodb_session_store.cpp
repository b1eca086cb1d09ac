#include "load/aws/dynamodb_session_store.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "core/utc_time.hpp"
#include "load/aws/dynamodb_tables.hpp"
#include "load/aws/session_item.hpp"
#include "load/bucket_keys.hpp"
#include "load/idempotency.hpp"

namespace wodetl {

namespace {

// DynamoDB's limit on the keys of one BatchGetItem call.
constexpr std::size_t kMaxBatchGetKeys = 100;

std::string key_string(const std::string& date, const std::string& session) {
  return date + '\x1f' + session;
}

std::string key_string_of(const Json& item) {
  return key_string(string_attribute(item, "date").value_or(""),
                    string_attribute(item, "session").value_or(""));
}

std::string describe_key(const std::string& date, const std::string& session) {
  return "session " + date + " '" + session + "'";
}

Error for_post(Error error, const SourceRef& source) {
  error.post = post_ref_of(source);
  return error;
}

// Parses "YYYY-MM-DD"; std::nullopt for anything else.
std::optional<std::chrono::sys_days> parse_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  const char* begin = text.data();
  if (std::from_chars(begin, begin + 4, year).ec != std::errc() ||
      std::from_chars(begin + 5, begin + 7, month).ec != std::errc() ||
      std::from_chars(begin + 8, begin + 10, day).ec != std::errc()) {
    return std::nullopt;
  }
  const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month},
                                         std::chrono::day{day}};
  if (!date.ok()) {
    return std::nullopt;
  }
  return std::chrono::sys_days{date};
}

std::string format_date(std::chrono::sys_days day) {
  const std::chrono::year_month_day date{day};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

}  // namespace

//! The attributes of a stored item that decide whether a record changed.
struct DynamoDbSessionStore::StoredItem {
  std::string date;
  std::string session;
  std::optional<std::int64_t> post_id;
  std::optional<std::int64_t> day_index;
  std::string record_sha256;
  std::string record_json_key;  //!< set when the record's JSON is in the object store
};

DynamoDbSessionStore::DynamoDbSessionStore(std::shared_ptr<const DynamoDbClient> client,
                                           std::string table,
                                           std::shared_ptr<ObjectStore> large_records,
                                           DynamoDbSessionStoreOptions options)
    : client_(std::move(client)),
      table_(std::move(table)),
      large_records_(std::move(large_records)),
      options_(std::move(options)) {}

Result<std::vector<DynamoDbSessionStore::StoredItem>> DynamoDbSessionStore::read_items(
    const std::vector<Json>& keys) const {
  std::vector<StoredItem> stored;
  for (std::size_t start = 0; start < keys.size(); start += kMaxBatchGetKeys) {
    const std::size_t end = std::min(keys.size(), start + kMaxBatchGetKeys);
    Json pending(std::vector<Json>(keys.begin() + static_cast<std::ptrdiff_t>(start),
                                   keys.begin() + static_cast<std::ptrdiff_t>(end)));

    const int max_attempts = std::max(1, options_.batch.max_attempts);
    for (int attempt = 1; !pending.empty(); ++attempt) {
      Json request;
      request["RequestItems"][table_] =
          Json{{"Keys", pending},
               {"ConsistentRead", true},
               {"ProjectionExpression", "#d, #s, #p, #i, #h, #k"},
               {"ExpressionAttributeNames", Json{{"#d", "date"},
                                                 {"#s", "session"},
                                                 {"#p", "post_id"},
                                                 {"#i", "day_index"},
                                                 {"#h", "record_sha256"},
                                                 {"#k", "record_json_key"}}}};
      Result<Json> response = client_->call("BatchGetItem", request, resource());
      if (!response) {
        return response.error();
      }
      if (auto tables = response->find("Responses"); tables != response->end()) {
        if (auto items = tables->find(table_); items != tables->end() && items->is_array()) {
          for (const Json& item : *items) {
            stored.push_back(StoredItem{
                .date = string_attribute(item, "date").value_or(""),
                .session = string_attribute(item, "session").value_or(""),
                .post_id = number_attribute(item, "post_id"),
                .day_index = number_attribute(item, "day_index"),
                .record_sha256 = string_attribute(item, "record_sha256").value_or(""),
                .record_json_key = string_attribute(item, "record_json_key").value_or("")});
          }
        }
      }

      pending = Json::array();
      if (auto unprocessed = response->find("UnprocessedKeys"); unprocessed != response->end()) {
        if (auto entry = unprocessed->find(table_);
            entry != unprocessed->end() && entry->contains("Keys")) {
          pending = entry->at("Keys");
        }
      }
      if (pending.empty()) {
        break;
      }
      if (attempt >= max_attempts) {
        return aws_store_error(
            "DynamoDB BatchGetItem on table " + table_ + ": " + std::to_string(pending.size()) +
                " keys were still unprocessed after " + std::to_string(max_attempts) + " attempts",
            "The table's read capacity is exhausted or throttled; run again "
            "later or raise its capacity");
      }
      wait_for(options_.batch.sleep, full_jitter_backoff(attempt - 1, options_.batch.base_backoff,
                                                         options_.batch.max_backoff));
    }
  }
  return stored;
}

Result<bool> DynamoDbSessionStore::has_post_index() const {
  std::lock_guard lock(index_mutex_);
  if (has_post_index_) {
    return *has_post_index_;
  }
  Result<Json> description =
      client_->call("DescribeTable", Json{{"TableName", table_}}, resource());
  if (!description) {
    return description.error();
  }
  bool found = false;
  const Json& table = (*description)["Table"];
  if (auto indexes = table.find("GlobalSecondaryIndexes");
      indexes != table.end() && indexes->is_array()) {
    for (const Json& index : *indexes) {
      found = found || index.value("IndexName", "") == kPostIdIndex;
    }
  }
  if (!found) {
    spdlog::warn(
        "DynamoDB table {} has no index {}, so finding the records of a post scans the whole "
        "table. Add the index (see docs/aws.md) to avoid the scans",
        table_, kPostIdIndex);
  }
  has_post_index_ = found;
  return found;
}

Result<std::vector<Json>> DynamoDbSessionStore::post_item_keys(std::int64_t post_id) const {
  Result<bool> indexed = has_post_index();
  if (!indexed) {
    return indexed.error();
  }

  Json request{
      {"TableName", table_},
      {"ExpressionAttributeNames", Json{{"#p", "post_id"}, {"#d", "date"}, {"#s", "session"}}},
      {"ExpressionAttributeValues", Json{{":p", number_value(post_id)}}},
      {"ProjectionExpression", "#d, #s"}};
  std::string operation = "Query";
  if (*indexed) {
    request["IndexName"] = kPostIdIndex;
    request["KeyConditionExpression"] = "#p = :p";
  } else {
    operation = "Scan";
    request["FilterExpression"] = "#p = :p";
    request["ConsistentRead"] = true;
  }

  std::vector<Json> keys;
  Status listed =
      client_->paginate(operation, std::move(request), resource(), [&](const Json& items) {
        for (const Json& item : items) {
          keys.push_back(session_key(string_attribute(item, "date").value_or(""),
                                     string_attribute(item, "session").value_or("")));
        }
        return ok_status();
      });
  if (!listed) {
    return listed.error();
  }
  return keys;
}

Result<ReplaceOutcome> DynamoDbSessionStore::replace_post_sessions(
    const SourceRef& source, const std::vector<SessionRecord>& records) {
  std::set<std::string> record_keys;
  std::vector<Json> keys;
  for (const SessionRecord& record : records) {
    if (!record_keys.insert(key_string(record.date, record.session)).second) {
      return Error::invalid_input(
          "two records have the key " + describe_key(record.date, record.session),
          post_ref_of(source), "Give each day of the post a distinct date or session name");
    }
    keys.push_back(session_key(record.date, record.session));
  }

  // Step 1: what is stored under the records' keys and under the post's id.
  Result<std::vector<StoredItem>> stored = read_items(keys);
  if (!stored) {
    return for_post(stored.error(), source);
  }
  std::map<std::string, StoredItem> stored_by_key;
  for (StoredItem& item : *stored) {
    std::string key = key_string(item.date, item.session);
    stored_by_key.emplace(std::move(key), std::move(item));
  }

  Result<std::vector<Json>> post_keys = post_item_keys(source.post_id);
  if (!post_keys) {
    return for_post(post_keys.error(), source);
  }
  std::vector<Json> stale_keys;
  for (Json& key : *post_keys) {
    if (!record_keys.contains(key_string_of(key))) {
      stale_keys.push_back(std::move(key));
    }
  }
  // The index is read eventually consistent, so confirm that each stale item still belongs to
  // the post before deleting it.
  Result<std::vector<StoredItem>> stale = read_items(stale_keys);
  if (!stale) {
    return for_post(stale.error(), source);
  }

  // Step 2: the writes.
  ReplaceOutcome outcome;
  std::vector<Json> writes;
  std::vector<std::string> objects_to_remove;
  const std::string updated_at = format_utc_milliseconds(std::chrono::system_clock::now());
  for (std::size_t day_index = 0; day_index < records.size(); ++day_index) {
    const SessionRecord& record = records[day_index];
    const std::string record_json = compact_record_json(record);
    const std::string record_sha256 = sha256_hex(record_json);
    const auto found = stored_by_key.find(key_string(record.date, record.session));
    const StoredItem* previous = found == stored_by_key.end() ? nullptr : &found->second;
    if (previous != nullptr && previous->post_id == source.post_id &&
        previous->day_index == static_cast<std::int64_t>(day_index) &&
        previous->record_sha256 == record_sha256) {
      ++outcome.unchanged;
      continue;
    }

    Json item = session_item(record, source.post_id, static_cast<std::int64_t>(day_index),
                             record_sha256, updated_at);
    item["record_json"] = string_value(record_json);
    const std::size_t inline_size = item_size(item);
    if (inline_size > kMaxItemBytes) {
      const std::string object_key = large_record_key(record.date, record.session);
      item.erase("record_json");
      item["record_json_key"] = string_value(object_key);
      const std::size_t pointer_size = item_size(item);
      if (large_records_ == nullptr || pointer_size > kMaxItemBytes) {
        return aws_store_error(
            describe_key(record.date, record.session) + " is " + std::to_string(inline_size) +
                " bytes as a DynamoDB item, over the limit of " + std::to_string(kMaxItemBytes) +
                (large_records_ == nullptr ? " bytes, and no bucket is configured for large records"
                                           : " bytes even with its JSON stored in S3"),
            "Split the day's text in the post; DynamoDB rejects items over 400 KB",
            post_ref_of(source));
      }
      Result<WriteOutcome> external = large_records_->put_if_changed(object_key, record_json, {});
      if (!external) {
        return for_post(external.error(), source);
      }
      spdlog::info("Stored the JSON of {} ({} bytes) in {} because the item would be {} bytes",
                   describe_key(record.date, record.session), record_json.size(), object_key,
                   inline_size);
    } else if (previous != nullptr && !previous->record_json_key.empty()) {
      objects_to_remove.push_back(previous->record_json_key);
    }
    writes.push_back(Json{{"PutRequest", Json{{"Item", std::move(item)}}}});
    ++outcome.written;
  }

  for (const StoredItem& item : *stale) {
    if (item.post_id != source.post_id) {
      continue;
    }
    writes.push_back(Json{{"DeleteRequest", Json{{"Key", session_key(item.date, item.session)}}}});
    if (!item.record_json_key.empty()) {
      objects_to_remove.push_back(item.record_json_key);
    }
    ++outcome.removed;
  }

  // Step 3: send them, then drop the external JSON that no item points to any more.
  BatchWriteSender sender = options_.batch_sender;
  if (!sender) {
    sender = [this](const Json& request) {
      return client_->call("BatchWriteItem", request, resource());
    };
  }
  DynamoDbBatchWriter writer(table_, {"date", "session"}, std::move(sender), options_.batch);
  Result<BatchWriteReport> written = writer.write(writes);
  if (!written) {
    return for_post(written.error(), source);
  }
  for (const std::string& object_key : objects_to_remove) {
    if (Status removed = large_records_->remove(object_key); !removed) {
      spdlog::warn("Could not remove {}, which no record points to any more: {}", object_key,
                   removed.error().to_string());
    }
  }
  return outcome;
}

Result<std::vector<SessionRecord>> DynamoDbSessionStore::records_of(std::vector<Json> items) const {
  struct Entry {
    std::tuple<std::string, std::int64_t, std::int64_t, std::string> order;
    SessionRecord record;
  };
  std::vector<Entry> entries;
  entries.reserve(items.size());
  for (const Json& item : items) {
    std::optional<std::string> external;
    if (auto object_key = string_attribute(item, "record_json_key")) {
      if (large_records_ == nullptr) {
        return aws_store_error("stored " +
                                   describe_key(string_attribute(item, "date").value_or(""),
                                                string_attribute(item, "session").value_or("")) +
                                   " keeps its JSON in " + *object_key +
                                   ", but no bucket is configured",
                               "Set INVICTUS_BUCKET to the bucket the record was written with");
      }
      Result<std::optional<std::string>> body = large_records_->get(*object_key);
      if (!body) {
        return body.error();
      }
      if (!*body) {
        return aws_store_error("stored " +
                                   describe_key(string_attribute(item, "date").value_or(""),
                                                string_attribute(item, "session").value_or("")) +
                                   " points to " + *object_key + ", which does not exist",
                               "Run `wodetl run --store aws --force` to write the record again");
      }
      external = std::move(**body);
    }
    Result<SessionRecord> record = record_from_item(item, external);
    if (!record) {
      return record.error();
    }
    entries.push_back(Entry{{record->date, number_attribute(item, "day_index").value_or(0),
                             number_attribute(item, "post_id").value_or(0), record->session},
                            std::move(*record)});
  }
  std::sort(entries.begin(), entries.end(),
            [](const Entry& left, const Entry& right) { return left.order < right.order; });

  std::vector<SessionRecord> records;
  records.reserve(entries.size());
  for (Entry& entry : entries) {
    records.push_back(std::move(entry.record));
  }
  return records;
}

Result<std::vector<SessionRecord>> DynamoDbSessionStore::sessions_between(
    const std::string& first_date, const std::string& last_date) {
  std::vector<Json> items;
  auto collect = [&items](const Json& page) {
    items.insert(items.end(), page.begin(), page.end());
    return ok_status();
  };

  const auto first = parse_date(first_date);
  const auto last = parse_date(last_date);
  if (first && last && *first <= *last && (*last - *first).count() < options_.max_query_days) {
    for (std::chrono::sys_days day = *first; day <= *last; day += std::chrono::days{1}) {
      Json request{{"TableName", table_},
                   {"KeyConditionExpression", "#d = :d"},
                   {"ExpressionAttributeNames", Json{{"#d", "date"}}},
                   {"ExpressionAttributeValues", Json{{":d", string_value(format_date(day))}}},
                   {"ConsistentRead", true}};
      if (Status read = client_->paginate("Query", std::move(request), resource(), collect);
          !read) {
        return read.error();
      }
    }
    return records_of(std::move(items));
  }

  Json request{{"TableName", table_},
               {"FilterExpression", "#d BETWEEN :first AND :last"},
               {"ExpressionAttributeNames", Json{{"#d", "date"}}},
               {"ExpressionAttributeValues",
                Json{{":first", string_value(first_date)}, {":last", string_value(last_date)}}},
               {"ConsistentRead", true}};
  if (first_date > last_date) {
    return std::vector<SessionRecord>{};
  }
  if (Status read = client_->paginate("Scan", std::move(request), resource(), collect); !read) {
    return read.error();
  }
  return records_of(std::move(items));
}

Result<std::vector<SessionRecord>> DynamoDbSessionStore::all_sessions() {
  std::vector<Json> items;
  Json request{{"TableName", table_}, {"ConsistentRead", true}};
  Status read =
      client_->paginate("Scan", std::move(request), resource(), [&items](const Json& page) {
        items.insert(items.end(), page.begin(), page.end());
        return ok_status();
      });
  if (!read) {
    return read.error();
  }
  return records_of(std::move(items));
}

}  // namespace wodetl
