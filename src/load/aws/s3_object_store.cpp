#include "load/aws/s3_object_store.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <stdexcept>
#include <utility>

#include "load/aws/aws_xml.hpp"

namespace wodetl {

namespace {

constexpr std::string_view kMetadataPrefix = "x-amz-meta-";
// S3's limit on the UTF-8 length of a key.
constexpr std::size_t kMaxKeyBytes = 1024;

std::array<unsigned char, 16> md5_of(std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  if (EVP_Digest(data.data(), data.size(), digest.data(), &size, EVP_md5(), nullptr) != 1 ||
      size != 16) {
    throw std::runtime_error("OpenSSL failed to compute an MD5 digest");
  }
  std::array<unsigned char, 16> md5{};
  std::copy_n(digest.begin(), 16, md5.begin());
  return md5;
}

std::string hex_of(const std::array<unsigned char, 16>& bytes) {
  static constexpr char kHexDigits[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char byte : bytes) {
    hex += kHexDigits[byte >> 4];
    hex += kHexDigits[byte & 0x0F];
  }
  return hex;
}

std::string base64_of(const std::array<unsigned char, 16>& bytes) {
  std::array<unsigned char, 32> encoded{};
  const int length = EVP_EncodeBlock(encoded.data(), bytes.data(), static_cast<int>(bytes.size()));
  return std::string(reinterpret_cast<const char*>(encoded.data()),
                     static_cast<std::size_t>(length));
}

std::string content_type_of(const std::string& key) {
  if (key.ends_with(".json")) {
    return "application/json";
  }
  if (key.ends_with(".jsonl")) {
    return "application/x-ndjson";
  }
  return "application/octet-stream";
}

Status validate_key(const std::string& key) {
  auto reject = [&](const std::string& reason) -> Status {
    return Error::invalid_input("invalid S3 object key: " + reason, {},
                                "Use a relative key of '/'-separated names such as raw/x.json");
  };
  if (key.empty()) {
    return reject("the key is empty");
  }
  if (key.size() > kMaxKeyBytes) {
    return reject("the key is longer than 1024 bytes");
  }
  if (key.front() == '/') {
    return reject("the key '" + key + "' starts with '/'");
  }
  // Control characters cannot be listed: ListObjectsV2 returns keys in XML 1.0.
  for (char c : key) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      return reject("the key contains a control character");
    }
  }
  return ok_status();
}

Status validate_metadata(const ObjectMetadata& metadata) {
  for (const auto& [name, value] : metadata) {
    const bool valid_name =
        !name.empty() &&
        name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_-") == std::string::npos;
    if (!valid_name) {
      return Error::invalid_input("metadata name '" + name + "' is not valid for S3", {},
                                  "Use lower-case letters, digits, '_' and '-'");
    }
    const bool printable = std::all_of(value.begin(), value.end(), [](char c) {
      return static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7F;
    });
    if (!printable) {
      return Error::invalid_input("metadata '" + name + "' has a value that is not printable ASCII",
                                  {}, "S3 sends metadata in HTTP headers; use ASCII values");
    }
  }
  return ok_status();
}

ObjectMetadata metadata_of(const AwsResponse& response) {
  ObjectMetadata metadata;
  for (const auto& [name, value] : response.headers) {
    if (name.starts_with(kMetadataPrefix)) {
      metadata.emplace(name.substr(kMetadataPrefix.size()), value);
    }
  }
  return metadata;
}

// The ETag without quotes when it is the hex MD5 of the body, else "".
std::string md5_etag(const AwsResponse& response) {
  const std::string* etag = response.header("etag");
  if (etag == nullptr) {
    return {};
  }
  std::string value = *etag;
  value.erase(std::remove(value.begin(), value.end(), '"'), value.end());
  std::transform(value.begin(), value.end(), value.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const bool is_md5 =
      value.size() == 32 && value.find_first_not_of("0123456789abcdef") == std::string::npos;
  return is_md5 ? value : std::string();
}

bool is_ip_address(const std::string& name) {
  int dots = 0;
  for (char c : name) {
    if (c == '.') {
      ++dots;
    } else if (std::isdigit(static_cast<unsigned char>(c)) == 0) {
      return false;
    }
  }
  return dots == 3;
}

// Splits "https://host:port/path" into "https://" and "host:port/path".
std::pair<std::string, std::string> split_scheme(const std::string& url) {
  const std::size_t end = url.find("://");
  if (end == std::string::npos) {
    return {"https://", url};
  }
  return {url.substr(0, end + 3), url.substr(end + 3)};
}

}  // namespace

Status validate_bucket_name(const std::string& name) {
  const bool valid_characters =
      name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789.-") == std::string::npos;
  const bool valid_ends = !name.empty() && std::isalnum(static_cast<unsigned char>(name.front())) &&
                          std::isalnum(static_cast<unsigned char>(name.back()));
  if (name.size() < 3 || name.size() > 63 || !valid_characters || !valid_ends ||
      name.find("..") != std::string::npos || is_ip_address(name)) {
    return Error::invalid_input(
        "'" + name + "' is not a valid S3 bucket name", {},
        "Use 3 to 63 lower-case letters, digits, '.' and '-', starting and ending with a letter "
        "or digit");
  }
  return ok_status();
}

S3ObjectStore::S3ObjectStore(std::shared_ptr<const AwsClient> client, std::string bucket,
                             int list_page_size)
    : client_(std::move(client)),
      bucket_(std::move(bucket)),
      list_page_size_(std::clamp(list_page_size, 1, 1000)) {}

bool S3ObjectStore::uses_path_style() const {
  const AwsSettings& settings = client_->settings();
  switch (settings.s3_addressing_style) {
    case S3AddressingStyle::kPath:
      return true;
    case S3AddressingStyle::kVirtual:
      return false;
    case S3AddressingStyle::kAuto:
      break;
  }
  // A '.' in a virtual-hosted name breaks the TLS certificate match for *.s3.amazonaws.com.
  return settings.has_endpoint_override(AwsService::kS3) || bucket_.find('.') != std::string::npos;
}

AwsRequest S3ObjectStore::request(std::string operation, std::string method,
                                  const std::string& key) const {
  AwsRequest request;
  request.service = AwsService::kS3;
  request.operation = std::move(operation);
  request.method = std::move(method);
  request.resource = "s3://" + bucket_ + "/" + key;
  const std::string encoded_key = key.empty() ? std::string() : s3_key_path(key);
  if (uses_path_style()) {
    request.path = "/" + bucket_ + encoded_key;
  } else {
    const auto [scheme, rest] = split_scheme(client_->settings().endpoint(AwsService::kS3));
    request.base_url = scheme + bucket_ + "." + rest;
    request.path = encoded_key.empty() ? "/" : encoded_key;
  }
  return request;
}

Result<std::optional<AwsResponse>> S3ObjectStore::head_object(const std::string& key) const {
  Result<AwsResponse> response = client_->send(request("HeadObject", "HEAD", key));
  if (!response) {
    return response.error();
  }
  if (response->status == 404) {
    return std::optional<AwsResponse>{};
  }
  if (response->error) {
    return response->error->to_error();
  }
  return std::optional<AwsResponse>{std::move(*response)};
}

Result<WriteOutcome> S3ObjectStore::put_if_changed(const std::string& key, std::string_view body,
                                                   const ObjectMetadata& metadata) {
  if (Status valid = validate_key(key); !valid) {
    return valid.error();
  }
  if (Status valid = validate_metadata(metadata); !valid) {
    return valid.error();
  }
  const auto md5 = md5_of(body);

  Result<std::optional<AwsResponse>> stored = head_object(key);
  if (!stored) {
    return stored.error();
  }
  if (*stored && metadata_of(**stored) == metadata) {
    const std::string etag = md5_etag(**stored);
    bool same_body = false;
    if (!etag.empty()) {
      same_body = etag == hex_of(md5);
    } else {
      Result<std::optional<std::string>> stored_body = get(key);
      if (!stored_body) {
        return stored_body.error();
      }
      same_body = *stored_body && **stored_body == body;
    }
    if (same_body) {
      return WriteOutcome::kUnchanged;
    }
  }

  AwsRequest put = request("PutObject", "PUT", key);
  put.body = std::string(body);
  put.headers.emplace_back("Content-Type", content_type_of(key));
  put.headers.emplace_back("Content-MD5", base64_of(md5));
  for (const auto& [name, value] : metadata) {
    put.headers.emplace_back(std::string(kMetadataPrefix) + name, value);
  }
  Result<AwsResponse> response = client_->call(put);
  if (!response) {
    return response.error();
  }
  return WriteOutcome::kWritten;
}

Result<std::optional<std::string>> S3ObjectStore::get(const std::string& key) {
  if (Status valid = validate_key(key); !valid) {
    return valid.error();
  }
  Result<AwsResponse> response = client_->send(request("GetObject", "GET", key));
  if (!response) {
    return response.error();
  }
  if (response->error && response->error->code == "NoSuchKey") {
    return std::optional<std::string>{};
  }
  if (response->error) {
    return response->error->to_error();
  }
  return std::optional<std::string>{std::move(response->body)};
}

Result<std::optional<ObjectMetadata>> S3ObjectStore::metadata(const std::string& key) {
  if (Status valid = validate_key(key); !valid) {
    return valid.error();
  }
  Result<std::optional<AwsResponse>> stored = head_object(key);
  if (!stored) {
    return stored.error();
  }
  if (!*stored) {
    return std::optional<ObjectMetadata>{};
  }
  return std::optional<ObjectMetadata>{metadata_of(**stored)};
}

Result<std::vector<std::string>> S3ObjectStore::list(const std::string& prefix) {
  std::vector<std::string> keys;
  std::set<std::string> seen_tokens;
  std::string token;
  while (true) {
    AwsRequest list_request = request("ListObjectsV2", "GET", "");
    list_request.resource = "s3://" + bucket_ + "/" + prefix;
    list_request.query = {{"list-type", "2"}, {"max-keys", std::to_string(list_page_size_)}};
    if (!prefix.empty()) {
      list_request.query.emplace_back("prefix", prefix);
    }
    if (!token.empty()) {
      list_request.query.emplace_back("continuation-token", token);
    }
    Result<AwsResponse> response = client_->call(list_request);
    if (!response) {
      return response.error();
    }

    Result<XmlTexts> texts =
        read_xml_texts(response->body, {"Key", "IsTruncated", "NextContinuationToken"});
    if (!texts) {
      return aws_store_error("S3 ListObjectsV2 on s3://" + bucket_ + "/" + prefix +
                                 " returned a body that is not XML (request id " +
                                 response->request_id + ")",
                             "Check that the S3 endpoint (AWS_ENDPOINT_URL_S3) is S3 or a "
                             "compatible service");
    }
    if (auto found = texts->find("Key"); found != texts->end()) {
      keys.insert(keys.end(), found->second.begin(), found->second.end());
    }
    if (first_text(*texts, "IsTruncated") != "true") {
      break;
    }
    token = first_text(*texts, "NextContinuationToken");
    if (token.empty() || !seen_tokens.insert(token).second) {
      return aws_store_error("S3 ListObjectsV2 on s3://" + bucket_ + "/" + prefix +
                                 " returned a truncated page without a new continuation token",
                             "The endpoint pages wrongly; check AWS_ENDPOINT_URL_S3");
    }
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

Status S3ObjectStore::remove(const std::string& key) {
  if (Status valid = validate_key(key); !valid) {
    return valid.error();
  }
  Result<AwsResponse> response = client_->send(request("DeleteObject", "DELETE", key));
  if (!response) {
    return response.error();
  }
  if (response->error && response->error->code != "NoSuchKey") {
    return response->error->to_error();
  }
  return ok_status();
}

std::string S3ObjectStore::describe() const {
  const AwsSettings& settings = client_->settings();
  std::string text = "S3 bucket s3://" + bucket_ + " (" + settings.region;
  if (settings.has_endpoint_override(AwsService::kS3)) {
    text += ", " + settings.endpoint(AwsService::kS3);
  }
  return text + ")";
}

Result<bool> S3ObjectStore::create_bucket_if_missing() {
  if (Status valid = validate_bucket_name(bucket_); !valid) {
    return valid.error();
  }
  Result<AwsResponse> head = client_->send(request("HeadBucket", "HEAD", ""));
  if (!head) {
    return head.error();
  }
  if (!head->error) {
    return false;
  }
  if (head->status != 404) {
    return head->error->to_error();
  }

  AwsRequest create = request("CreateBucket", "PUT", "");
  create.resource = "s3://" + bucket_;
  // us-east-1 is the default location and rejects a LocationConstraint naming it.
  const std::string& region = client_->settings().region;
  if (region != "us-east-1") {
    create.body =
        "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
        "<LocationConstraint>" +
        region + "</LocationConstraint></CreateBucketConfiguration>";
    create.headers.emplace_back("Content-Type", "application/xml");
  }
  Result<AwsResponse> created = client_->send(create);
  if (!created) {
    return created.error();
  }
  if (created->error && created->error->code == "BucketAlreadyOwnedByYou") {
    return false;
  }
  if (created->error) {
    return created->error->to_error();
  }
  return true;
}

}  // namespace wodetl
