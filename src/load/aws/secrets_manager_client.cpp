#include "load/aws/secrets_manager_client.hpp"

#include <utility>

#include "core/json_codec.hpp"

namespace wodetl {

SecretsManagerClient::SecretsManagerClient(std::shared_ptr<const AwsClient> client)
    : client_(std::move(client)) {}

Result<std::string> SecretsManagerClient::get_secret_string(const std::string& secret_id) const {
  AwsRequest request;
  request.service = AwsService::kSecretsManager;
  request.operation = "GetSecretValue";
  request.resource = "secret " + secret_id;
  request.method = "POST";
  request.headers = {{"Content-Type", "application/x-amz-json-1.1"},
                     {"X-Amz-Target", "secretsmanager.GetSecretValue"}};
  request.body = Json{{"SecretId", secret_id}}.dump(-1, ' ', false, Json::error_handler_t::replace);

  Result<AwsResponse> response = client_->call(request);
  if (!response) {
    return response.error();
  }
  // The body contains the secret, so no part of it goes into a message.
  const Json body = Json::parse(response->body, nullptr, /*allow_exceptions=*/false);
  if (!body.is_object()) {
    return Error::http_status(response->status, "secret " + secret_id,
                              "Secrets Manager GetSecretValue returned a body that is not a "
                              "JSON object (request id " +
                                  response->request_id + ")");
  }
  auto text = body.find("SecretString");
  if (text == body.end() || !text->is_string()) {
    return Error::invalid_input(
        "Secrets Manager secret " + secret_id + " has no SecretString", {},
        "Store the value as text (JSON), not as binary, e.g. with `aws secretsmanager "
        "put-secret-value --secret-string`");
  }
  return text->get<std::string>();
}

}  // namespace wodetl
