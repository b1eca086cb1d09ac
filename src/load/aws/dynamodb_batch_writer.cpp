#include "load/aws/dynamodb_batch_writer.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <set>
#include <utility>

#include "load/aws/aws_error.hpp"

namespace wodetl {

DynamoDbBatchWriter::DynamoDbBatchWriter(std::string table, std::vector<std::string> key_attributes,
                                         BatchWriteSender sender, BatchWriterOptions options)
    : table_(std::move(table)),
      key_attributes_(std::move(key_attributes)),
      sender_(std::move(sender)),
      options_(std::move(options)) {}

std::string DynamoDbBatchWriter::key_of(const Json& request) const {
  const Json* attributes = nullptr;
  if (auto put = request.find("PutRequest"); put != request.end() && put->contains("Item")) {
    attributes = &put->at("Item");
  } else if (auto remove = request.find("DeleteRequest");
             remove != request.end() && remove->contains("Key")) {
    attributes = &remove->at("Key");
  }
  std::string key;
  for (const std::string& name : key_attributes_) {
    if (attributes != nullptr && attributes->contains(name)) {
      key += attributes->at(name).dump();
    }
    key += '\x1f';
  }
  return key;
}

Result<BatchWriteReport> DynamoDbBatchWriter::write(const std::vector<Json>& requests) {
  BatchWriteReport report;
  const std::size_t batch_size = std::clamp<std::size_t>(options_.max_batch_size, 1, 25);

  std::vector<Json> batch;
  std::set<std::string> batch_keys;
  for (const Json& request : requests) {
    std::string key = key_of(request);
    if (batch.size() >= batch_size || batch_keys.contains(key)) {
      if (Status written = write_batch(std::move(batch), report); !written) {
        return written.error();
      }
      batch.clear();
      batch_keys.clear();
    }
    batch.push_back(request);
    batch_keys.insert(std::move(key));
  }
  if (!batch.empty()) {
    if (Status written = write_batch(std::move(batch), report); !written) {
      return written.error();
    }
  }
  return report;
}

Status DynamoDbBatchWriter::write_batch(std::vector<Json> batch, BatchWriteReport& report) {
  ++report.batches;
  const int max_attempts = std::max(1, options_.max_attempts);
  for (int attempt = 1;; ++attempt) {
    Json request;
    request["RequestItems"][table_] = Json(batch);
    ++report.calls;
    Result<Json> response = sender_(request);
    if (!response) {
      return response.error();
    }

    batch.clear();
    auto unprocessed = response->find("UnprocessedItems");
    if (unprocessed != response->end() && unprocessed->is_object()) {
      if (auto items = unprocessed->find(table_);
          items != unprocessed->end() && items->is_array()) {
        batch.assign(items->begin(), items->end());
      }
    }
    if (batch.empty()) {
      return ok_status();
    }
    if (attempt >= max_attempts) {
      return aws_store_error(
          "DynamoDB BatchWriteItem on table " + table_ + ": " + std::to_string(batch.size()) +
              " items were still unprocessed after " + std::to_string(max_attempts) +
              " attempts, so the table lacks them",
          "The table's write capacity is exhausted or throttled; run again "
          "later or raise its capacity");
    }
    report.resent_items += static_cast<int>(batch.size());
    const auto delay =
        full_jitter_backoff(attempt - 1, options_.base_backoff, options_.max_backoff);
    spdlog::info("DynamoDB left {} items of table {} unprocessed; resending in {} ms", batch.size(),
                 table_, delay.count());
    wait_for(options_.sleep, delay);
  }
}

}  // namespace wodetl
