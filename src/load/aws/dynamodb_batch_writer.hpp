#pragma once
// BatchWriteItem with DynamoDB's rules: at most 25 requests per call, no key twice in one call,
// and UnprocessedItems sent again with backoff until a bounded number of attempts.

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/json_codec.hpp"
#include "load/aws/aws_backoff.hpp"

namespace wodetl {

//! Sends one BatchWriteItem request body and returns the response body. The writer's default
//! sender is DynamoDbClient::call; tests pass their own to return UnprocessedItems, which a
//! stand-in never does.
using BatchWriteSender = std::function<Result<Json>(const Json& request)>;

//! Limits of a DynamoDbBatchWriter.
struct BatchWriterOptions {
  std::size_t max_batch_size = 25;  //!< DynamoDB rejects more than 25 requests per call
  //! Calls per batch while UnprocessedItems remain, the first included.
  int max_attempts = 8;
  //! Backoff before the n-th resend (0-based): a random time up to
  //! min(max_backoff, base_backoff * 2^n).
  std::chrono::milliseconds base_backoff{50};
  std::chrono::milliseconds max_backoff{5000};
  //! Waits between attempts; empty means std::this_thread::sleep_for.
  SleepFunction sleep;
};

//! Counts of one write().
struct BatchWriteReport {
  int batches = 0;       //!< batches formed from the requests
  int calls = 0;         //!< BatchWriteItem calls, resends included
  int resent_items = 0;  //!< requests sent again because DynamoDB left them unprocessed
};

//! Writes PutRequest and DeleteRequest entries to one table in batches.
class DynamoDbBatchWriter {
 public:
  //! key_attributes names the table's key, e.g. {"date", "session"}, so the writer can keep a
  //! key from appearing twice in one batch.
  DynamoDbBatchWriter(std::string table, std::vector<std::string> key_attributes,
                      BatchWriteSender sender, BatchWriterOptions options = {});

  //! Writes requests in order. Each element is {"PutRequest": {"Item": …}} or
  //! {"DeleteRequest": {"Key": …}}. A batch closes at max_batch_size requests or before a
  //! request whose key it already holds, so a later write of a key lands after the earlier one.
  //! Every batch is complete, its UnprocessedItems resent, before the next one is sent.
  //! Returns the Error of a failed call, or an Error when items stay unprocessed after
  //! max_attempts calls; batches before it are written.
  [[nodiscard]] Result<BatchWriteReport> write(const std::vector<Json>& requests);

 private:
  [[nodiscard]] Status write_batch(std::vector<Json> batch, BatchWriteReport& report);
  [[nodiscard]] std::string key_of(const Json& request) const;

  std::string table_;
  std::vector<std::string> key_attributes_;
  BatchWriteSender sender_;
  BatchWriterOptions options_;
};

}  // namespace wodetl
