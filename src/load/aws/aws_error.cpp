#include "load/aws/aws_error.hpp"

#include <array>
#include <string_view>

#include "core/json_codec.hpp"
#include "load/aws/aws_xml.hpp"

namespace wodetl {

namespace {

// Codes the AWS SDKs treat as throttling, across the services wodetl calls.
constexpr std::array<std::string_view, 14> kThrottlingCodes = {
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottledException",
    "TooManyRequestsException",
    "ProvisionedThroughputExceededException",
    "TransactionInProgressException",
    "RequestLimitExceeded",
    "BandwidthLimitExceeded",
    "LimitExceededException",
    "RequestThrottled",
    "SlowDown",
    "PriorRequestNotComplete",
    "EC2ThrottledException",
};

// Codes of failures on AWS's side that a retry may get past.
constexpr std::array<std::string_view, 6> kTransientCodes = {
    "InternalError",  "InternalFailure",         "ServiceUnavailable",
    "RequestTimeout", "RequestTimeoutException", "InternalServerError",
};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& codes, const std::string& code) {
  for (std::string_view entry : codes) {
    if (entry == code) {
      return true;
    }
  }
  return false;
}

std::string status_code_name(long status) {
  switch (status) {
    case 301:
      return "PermanentRedirect";
    case 304:
      return "NotModified";
    case 400:
      return "BadRequest";
    case 403:
      return "Forbidden";
    case 404:
      return "NotFound";
    case 412:
      return "PreconditionFailed";
    case 500:
      return "InternalError";
    case 503:
      return "ServiceUnavailable";
    default:
      return "HTTP" + std::to_string(status);
  }
}

// "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException" becomes the part after '#', and
// "Code:..." forms from X-Amzn-ErrorType lose what follows ':'.
std::string short_code(std::string code) {
  if (std::size_t hash = code.rfind('#'); hash != std::string::npos) {
    code = code.substr(hash + 1);
  }
  if (std::size_t colon = code.find(':'); colon != std::string::npos) {
    code = code.substr(0, colon);
  }
  return code;
}

void read_json_error(const std::string& body, AwsServiceError& error) {
  const Json json = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) {
    return;
  }
  for (const char* key : {"__type", "code", "Code"}) {
    if (auto found = json.find(key); found != json.end() && found->is_string()) {
      error.code = short_code(found->get<std::string>());
      break;
    }
  }
  for (const char* key : {"message", "Message"}) {
    if (auto found = json.find(key); found != json.end() && found->is_string()) {
      error.message = found->get<std::string>();
      break;
    }
  }
}

void read_xml_error(const std::string& body, AwsServiceError& error) {
  Result<XmlTexts> texts = read_xml_texts(body, {"Code", "Message", "RequestId", "Region"});
  if (!texts) {
    return;
  }
  error.code = first_text(*texts, "Code");
  error.message = first_text(*texts, "Message");
  if (error.request_id.empty()) {
    error.request_id = first_text(*texts, "RequestId");
  }
  if (error.bucket_region.empty()) {
    error.bucket_region = first_text(*texts, "Region");
  }
}

// The IAM action that allows the operation. S3's actions differ from its operation names.
std::string iam_action(const AwsServiceError& error) {
  if (error.service == AwsService::kS3) {
    if (error.operation == "HeadObject" || error.operation == "GetObject") {
      return "s3:GetObject";
    }
    if (error.operation == "HeadBucket" || error.operation == "ListObjectsV2") {
      return "s3:ListBucket";
    }
  }
  return std::string(names_of(error.service).signing_name) + ":" + error.operation;
}

// AWS's message for a signature scoped to the wrong region, e.g. "Credential should be scoped
// to a valid region, not 'us-east-1'" (DynamoDB) or "... the region 'us-east-1' is wrong;
// expecting 'eu-west-1'" (S3's AuthorizationHeaderMalformed).
bool names_wrong_region(const AwsServiceError& error) {
  const bool signature_rejected =
      error.code == "InvalidSignatureException" || error.code == "SignatureDoesNotMatch" ||
      error.code == "IncompleteSignature" || error.code == "AuthorizationHeaderMalformed";
  return signature_rejected &&
         (error.message.find("scoped to a valid region") != std::string::npos ||
          error.message.find("region '") != std::string::npos);
}

std::string hint_for(const AwsServiceError& error) {
  const std::string& code = error.code;
  if (names_wrong_region(error) && error.bucket_region.empty()) {
    const std::string signed_for =
        error.region.empty() ? "" : " (wodetl signed for " + error.region + ")";
    return "The request was signed for another region than the resource's" + signed_for +
           ": set AWS_REGION, or the profile's region, to the region of the bucket and tables";
  }
  if (code == "SignatureDoesNotMatch" || code == "InvalidSignatureException" ||
      code == "IncompleteSignature" || code == "InvalidAccessKeyId" ||
      code == "UnrecognizedClientException" || code == "InvalidClientTokenId" ||
      code == "AuthFailure") {
    return "Check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or the profile's keys) and that "
           "the system clock is right";
  }
  if (code == "ExpiredToken" || code == "ExpiredTokenException" || code == "TokenRefreshRequired") {
    return "The session token has expired; get new temporary credentials";
  }
  if (code == "Forbidden" && error.status == 403) {
    // A HEAD response has no body, so S3 cannot say whether the signature or the permission
    // failed: name both causes.
    return "Check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or the profile's keys), or grant "
           "the credentials' IAM identity the permission " +
           iam_action(error);
  }
  if (code == "AccessDenied" || code == "AccessDeniedException" || error.status == 403) {
    return "Grant the credentials' IAM identity the permission " + iam_action(error);
  }
  if (code == "ResourceNotFoundException" && error.service == AwsService::kDynamoDb) {
    return "Create the tables with `wodetl init --store aws`, or check DYNAMODB_TABLE, "
           "IDEMPOTENCY_TABLE, WODETL_POSTS_TABLE and AWS_REGION";
  }
  if (code == "ResourceNotFoundException" && error.service == AwsService::kSecretsManager) {
    return "Check INVICTUS_SECRET_NAME and AWS_REGION";
  }
  if (code == "NoSuchBucket") {
    return "Create the bucket with `wodetl init --store aws`, or check INVICTUS_BUCKET";
  }
  if (code == "PermanentRedirect" || code == "AuthorizationHeaderMalformed" ||
      error.status == 301) {
    return error.bucket_region.empty() ? "The bucket is in another region; set AWS_REGION to it"
                                       : "The bucket is in " + error.bucket_region +
                                             "; set AWS_REGION=" + error.bucket_region;
  }
  if (code == "NotFound" && error.service == AwsService::kSns) {
    return "Check NOTIFICATION_TOPIC_ARN";
  }
  if (error.is_retryable()) {
    return "AWS is busy or failing; try again later";
  }
  return {};
}

// The first line of an AWS message, at most kMaxMessageBytes long and without its closing
// period. Some messages go on with the whole canonical request (SignatureDoesNotMatch), which
// would drown the code and request id; the closing period would double the one that
// Error::to_string puts before the hint.
constexpr std::size_t kMaxMessageBytes = 300;

std::string shorten_message(const std::string& message) {
  std::string text = message.substr(0, message.find_first_of("\r\n"));
  bool shortened = text.size() < message.find_last_not_of(" \t\r\n") + 1;
  if (text.size() > kMaxMessageBytes) {
    std::size_t end = kMaxMessageBytes;
    // Cut before a UTF-8 continuation byte, never inside a character.
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) {
      --end;
    }
    text.resize(end);
    shortened = true;
  }
  while (!text.empty() && (text.back() == '.' || text.back() == ' ' || text.back() == '\t')) {
    text.pop_back();
  }
  if (shortened) {
    text += " [...]";
  }
  return text;
}

}  // namespace

bool AwsServiceError::is_throttling() const {
  return status == 429 || contains(kThrottlingCodes, code);
}

bool AwsServiceError::is_retryable() const {
  return is_throttling() || status == 500 || status == 502 || status == 503 || status == 504 ||
         contains(kTransientCodes, code);
}

Error AwsServiceError::to_error() const {
  const AwsServiceNames& names = names_of(service);
  std::string text = std::string(names.display_name) + " " + operation;
  if (!resource.empty()) {
    text += " on " + resource;
  }
  text += " failed: HTTP " + std::to_string(status) + " " + code;
  if (!request_id.empty()) {
    text += " (request id " + request_id + ")";
  }
  if (const std::string shown = shorten_message(message); !shown.empty()) {
    text += ": " + shown;
  }
  const bool store = service == AwsService::kS3 || service == AwsService::kDynamoDb;
  return Error{
      store ? ErrorCode::kStore : ErrorCode::kHttpStatus, std::move(text), {}, hint_for(*this)};
}

Error aws_store_error(std::string message, std::string hint, PostRef post) {
  return Error{ErrorCode::kStore, std::move(message), std::move(post), std::move(hint)};
}

std::string request_id_of(const HttpResponse& response) {
  for (const char* name : {"x-amzn-requestid", "x-amz-request-id"}) {
    if (const std::string* value = response.header(name)) {
      return *value;
    }
  }
  return {};
}

AwsServiceError parse_aws_error(AwsService service, const std::string& operation,
                                const HttpResponse& response) {
  AwsServiceError error;
  error.service = service;
  error.operation = operation;
  error.status = response.status;
  error.request_id = request_id_of(response);
  if (const std::string* region = response.header("x-amz-bucket-region")) {
    error.bucket_region = *region;
  }

  const std::string_view body = response.body;
  const std::size_t first = body.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && body[first] == '{') {
    read_json_error(response.body, error);
  } else if (first != std::string_view::npos && body[first] == '<') {
    read_xml_error(response.body, error);
  }
  if (error.code.empty()) {
    if (const std::string* type = response.header("x-amzn-errortype")) {
      error.code = short_code(*type);
    }
  }
  if (error.code.empty()) {
    error.code = status_code_name(response.status);
  }
  return error;
}

}  // namespace wodetl
