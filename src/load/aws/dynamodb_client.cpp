#include "load/aws/dynamodb_client.hpp"

#include <charconv>
#include <set>
#include <utility>

namespace wodetl {

namespace {

// Target prefix of DynamoDB's API version 2012-08-10, the only version.
constexpr std::string_view kTargetPrefix = "DynamoDB_20120810.";

std::string dump(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::strict);
}

}  // namespace

DynamoDbClient::DynamoDbClient(std::shared_ptr<const AwsClient> client)
    : client_(std::move(client)) {}

Result<DynamoDbResponse> DynamoDbClient::send(std::string_view operation, const Json& request,
                                              const std::string& resource) const {
  AwsRequest aws_request;
  aws_request.service = AwsService::kDynamoDb;
  aws_request.operation = std::string(operation);
  aws_request.resource = resource;
  aws_request.method = "POST";
  aws_request.headers = {{"Content-Type", "application/x-amz-json-1.0"},
                         {"X-Amz-Target", std::string(kTargetPrefix) + std::string(operation)}};
  try {
    aws_request.body = dump(request);
  } catch (const Json::exception& exception) {
    // Only invalid UTF-8 in a value gets here; the callers' text is valid UTF-8.
    return Error::invalid_input("DynamoDB " + std::string(operation) + " on " + resource +
                                ": the request cannot be encoded as JSON: " + exception.what());
  }

  Result<AwsResponse> response = client_->send(aws_request);
  if (!response) {
    return response.error();
  }
  DynamoDbResponse result;
  result.request_id = response->request_id;
  if (response->error) {
    result.body = Json::object();
    result.error = std::move(response->error);
    return result;
  }
  result.body = Json::parse(response->body, nullptr, /*allow_exceptions=*/false);
  if (result.body.is_discarded() || !result.body.is_object()) {
    return aws_store_error("DynamoDB " + std::string(operation) + " on " + resource +
                               " returned a body that is not a JSON object (request id " +
                               result.request_id + ")",
                           "Check that the DynamoDB endpoint (AWS_ENDPOINT_URL_DYNAMODB) is "
                           "DynamoDB or a compatible service");
  }
  return result;
}

Result<Json> DynamoDbClient::call(std::string_view operation, const Json& request,
                                  const std::string& resource) const {
  Result<DynamoDbResponse> response = send(operation, request, resource);
  if (!response) {
    return response.error();
  }
  if (response->error) {
    return response->error->to_error();
  }
  return std::move(response->body);
}

Status DynamoDbClient::paginate(std::string_view operation, Json request,
                                const std::string& resource,
                                const std::function<Status(const Json& items)>& on_items) const {
  std::set<std::string> seen_keys;
  while (true) {
    Result<Json> page = call(operation, request, resource);
    if (!page) {
      return page.error();
    }
    if (auto items = page->find("Items"); items != page->end() && items->is_array()) {
      if (Status handled = on_items(*items); !handled) {
        return handled;
      }
    }
    auto last_key = page->find("LastEvaluatedKey");
    if (last_key == page->end() || last_key->empty()) {
      return ok_status();
    }
    // A start key that comes back again would loop for ever.
    if (!seen_keys.insert(last_key->dump()).second) {
      return aws_store_error("DynamoDB " + std::string(operation) + " on " + resource +
                                 " returned the same LastEvaluatedKey twice",
                             "The endpoint pages wrongly; check AWS_ENDPOINT_URL_DYNAMODB");
    }
    request["ExclusiveStartKey"] = *last_key;
  }
}

Json string_value(std::string_view text) {
  return Json{{"S", std::string(text)}};
}

Json number_value(std::int64_t number) {
  return Json{{"N", std::to_string(number)}};
}

Json bool_value(bool value) {
  return Json{{"BOOL", value}};
}

std::optional<std::string> string_attribute(const Json& item, const std::string& name) {
  auto attribute = item.find(name);
  if (attribute == item.end() || !attribute->is_object()) {
    return std::nullopt;
  }
  auto text = attribute->find("S");
  if (text == attribute->end() || !text->is_string()) {
    return std::nullopt;
  }
  return text->get<std::string>();
}

std::optional<std::int64_t> number_attribute(const Json& item, const std::string& name) {
  auto attribute = item.find(name);
  if (attribute == item.end() || !attribute->is_object()) {
    return std::nullopt;
  }
  auto number = attribute->find("N");
  if (number == attribute->end() || !number->is_string()) {
    return std::nullopt;
  }
  const std::string& text = number->get_ref<const std::string&>();
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

std::optional<bool> bool_attribute(const Json& item, const std::string& name) {
  auto attribute = item.find(name);
  if (attribute == item.end() || !attribute->is_object()) {
    return std::nullopt;
  }
  auto value = attribute->find("BOOL");
  if (value == attribute->end() || !value->is_boolean()) {
    return std::nullopt;
  }
  return value->get<bool>();
}

}  // namespace wodetl
