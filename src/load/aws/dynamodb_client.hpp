#pragma once
// DynamoDB's JSON API (protocol awsJson1_0) over the signed request layer.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/json_codec.hpp"
#include "load/aws/aws_client.hpp"

namespace wodetl {

//! Result of one DynamoDB call that reached DynamoDB.
struct DynamoDbResponse {
  Json body;                             //!< parsed response; an empty object on error
  std::optional<AwsServiceError> error;  //!< set when DynamoDB returned an error
  std::string request_id;
};

//! Calls DynamoDB operations with JSON requests.
//!
//! Thread safety: every method may be called from several threads at once.
class DynamoDbClient {
 public:
  explicit DynamoDbClient(std::shared_ptr<const AwsClient> client);

  //! Sends operation (e.g. "PutItem") with request as its JSON body. resource names the table
  //! in messages. Returns the parsed response or DynamoDB's error; Error when no response came
  //! or a successful response is not JSON.
  [[nodiscard]] Result<DynamoDbResponse> send(std::string_view operation, const Json& request,
                                              const std::string& resource) const;

  //! As send(); a DynamoDB error becomes its Error.
  [[nodiscard]] Result<Json> call(std::string_view operation, const Json& request,
                                  const std::string& resource) const;

  //! Runs a Query or Scan page by page, following LastEvaluatedKey, and passes each page's
  //! Items to on_items. Stops at the first error, from DynamoDB or from on_items.
  [[nodiscard]] Status paginate(std::string_view operation, Json request,
                                const std::string& resource,
                                const std::function<Status(const Json& items)>& on_items) const;

  [[nodiscard]] const AwsClient& aws() const { return *client_; }

 private:
  std::shared_ptr<const AwsClient> client_;
};

//! Builds {"S": text}.
[[nodiscard]] Json string_value(std::string_view text);
//! Builds {"N": "number"}.
[[nodiscard]] Json number_value(std::int64_t number);
//! Builds {"BOOL": value}.
[[nodiscard]] Json bool_value(bool value);

//! The text of attribute name of item when it is a string ("S"); std::nullopt otherwise.
[[nodiscard]] std::optional<std::string> string_attribute(const Json& item,
                                                          const std::string& name);
//! The value of attribute name of item when it is a number ("N") that fits an int64.
[[nodiscard]] std::optional<std::int64_t> number_attribute(const Json& item,
                                                           const std::string& name);
//! The value of attribute name of item when it is a boolean ("BOOL").
[[nodiscard]] std::optional<bool> bool_attribute(const Json& item, const std::string& name);

}  // namespace wodetl
