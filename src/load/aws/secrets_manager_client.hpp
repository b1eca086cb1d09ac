#pragma once
// Secrets Manager GetSecretValue (protocol awsJson1_1).

#include <memory>
#include <string>

#include "core/error.hpp"
#include "load/aws/aws_client.hpp"

namespace wodetl {

//! Reads secrets from Secrets Manager. Secret values never appear in logs or Errors.
//!
//! Thread safety: every method may be called from several threads at once.
class SecretsManagerClient {
 public:
  explicit SecretsManagerClient(std::shared_ptr<const AwsClient> client);

  //! Returns the SecretString of the current version of secret_id (a name or an ARN). Returns
  //! an Error naming Secrets Manager and the secret when the call fails, and when the secret
  //! contains a SecretBinary instead of text.
  [[nodiscard]] Result<std::string> get_secret_string(const std::string& secret_id) const;

 private:
  std::shared_ptr<const AwsClient> client_;
};

}  // namespace wodetl
