#pragma once
// `wodetl init --store aws`: creates the bucket and the tables when they do not exist, for
// local stand-ins and first-time users. Existing resources are left as they are.

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "load/aws/aws_client.hpp"
#include "load/aws/dynamodb_tables.hpp"

namespace wodetl {

//! Report of provision_aws_store: one line per resource, and the warnings.
struct ProvisionReport {
  std::vector<std::string> created;   //!< e.g. "DynamoDB table sessions"
  std::vector<std::string> existing;  //!< resources that were already there
  std::vector<std::string> warnings;  //!< settings it could not make, and why
};

//! Limits on waiting for new tables to become ACTIVE.
struct ProvisionOptions {
  std::chrono::milliseconds poll_interval{500};
  std::chrono::milliseconds max_wait{std::chrono::minutes(5)};
  //! Waits between polls; empty means std::this_thread::sleep_for.
  SleepFunction sleep;
};

//! Creates the S3 bucket and the three DynamoDB tables (see dynamodb_tables.hpp) that do not
//! exist, waits until new tables are ACTIVE, and turns on Time to Live for ttl on an
//! idempotency table it created. An existing sessions table without post_id-index, and an
//! endpoint without Time to Live (such as dynalite), give warnings, not errors. Returns the
//! Error of the first call that fails.
[[nodiscard]] Result<ProvisionReport> provision_aws_store(std::shared_ptr<const AwsClient> client,
                                                          const std::string& bucket,
                                                          const DynamoDbTableNames& tables,
                                                          const ProvisionOptions& options = {});

}  // namespace wodetl
