#pragma once
// Choice of the store backend for `run`, `sync`, `sources`, `show`, `stage` and `init`, the AWS
// settings that every AWS call of a command shares, and the AWS calls around a run: the
// WordPress secret before it and the completion message after it.

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "core/environment.hpp"
#include "core/error.hpp"
#include "load/aws/aws_client.hpp"
#include "pipeline/completion_notice.hpp"
#include "pipeline/stores.hpp"

namespace wodetl {

//! Store backends that --store chooses between.
enum class StoreKind {
  kLocal,  //!< SQLite file and bucket folder in the data folder
  kAws,    //!< S3 bucket and DynamoDB tables
};

//! Reads --store ("local" or "aws"; empty when not given), else WODETL_STORE, else the
//! configuration file's choice (`configured`), else kLocal. Returns Error::invalid_input for
//! another value.
[[nodiscard]] Result<StoreKind> read_store_kind(
    const std::string& option, const Environment& environment,
    const std::optional<std::string>& configured = std::nullopt);

//! Names of the AWS store: INVICTUS_BUCKET (required), DYNAMODB_TABLE (default "sessions"),
//! IDEMPOTENCY_TABLE (default "idempotency") and WODETL_POSTS_TABLE (default DYNAMODB_TABLE
//! followed by "-posts" when DYNAMODB_TABLE is set, else "posts", so that two deployments with
//! their own tables do not share post states). Returns Error::invalid_input when INVICTUS_BUCKET
//! is unset.
[[nodiscard]] Result<AwsStoreSettings> aws_store_settings(const Environment& environment);

//! Creates the client for every AWS call from read_aws_settings.
[[nodiscard]] Result<std::shared_ptr<const AwsClient>> make_aws_client(
    const Environment& environment);

//! Opens the stores of kind: open_local_stores with local_store_settings(data_dir_option), or
//! open_aws_stores with aws_store_settings and make_aws_client.
[[nodiscard]] Result<Stores> open_stores(StoreKind kind, const std::string& data_dir_option,
                                         const Environment& environment);

//! Publishes the completion message of a run or sync that started at `started` to every target
//! through SNS, with the AWS settings of the environment. Returns the error when a message was
//! not sent; the caller puts it in the summary (RunSummary::completion_error), so that the
//! summary and the exit code both say the run failed, even when every post was stored.
[[nodiscard]] std::optional<Error> send_completion_message(
    const std::vector<SnsTarget>& targets, const RunSummary& summary,
    std::chrono::system_clock::time_point started, const Environment& environment);

//! Reads the text of Secrets Manager secret `secret_name` with the AWS settings of
//! `environment` (CatalogOptions::read_secret of the commands that send WordPress credentials).
[[nodiscard]] Result<std::string> read_secret_text(const std::string& secret_name,
                                                   const Environment& environment);

//! The environment the post source of `stage` reads: INVICTUS_USER and INVICTUS_PASS come from
//! the Secrets Manager secret INVICTUS_SECRET_NAME when it is set and readable, as in the
//! original pipeline (see load/aws/wordpress_secret.hpp).
[[nodiscard]] Environment source_environment(const Environment& environment);

}  // namespace wodetl
