#pragma once
// Local AWS stand-ins for tests: dynalite (DynamoDB), s3rver (S3) and small SNS and Secrets
// Manager stand-ins, behind a proxy that checks every request's Signature Version 4 with AWS's own
// JavaScript signer. They run in one Node process (tests/standins/standins.js) on 127.0.0.1 with
// ports the system picks; tests/standins/README.md describes the endpoints, keys and errors.

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/fixtures.hpp"

namespace wodetl::testing {

enum class AwsService { s3, dynamodb, sns, secrets_manager };

//! Returns the service's SigV4 signing name: "s3", "dynamodb", "sns" or "secretsmanager".
[[nodiscard]] std::string_view signing_name(AwsService service);

//! An access key pair; session_token is empty for a long-term key.
struct AwsCredentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;
};

struct AwsStandinsOptions {
  std::string region = "us-east-1";
  std::vector<std::string> buckets;            //!< S3 buckets created at start and by reset()
  std::vector<std::string> topics;             //!< SNS topic names created at start and by reset()
  std::map<std::string, std::string> secrets;  //!< secret name to SecretString, likewise
  std::vector<AwsCredentials> extra_credentials;  //!< keys accepted besides the built-in ones
  std::chrono::seconds max_clock_skew{900};       //!< x-amz-date tolerance, 15 minutes on AWS
  std::chrono::seconds start_timeout{30};
};

//! A message the SNS stand-in accepted. Absent parameters are empty strings.
struct SnsMessage {
  std::string message_id;
  std::string topic_arn;
  std::string target_arn;
  std::string phone_number;
  std::string subject;
  std::string message;
  std::string message_structure;
  std::map<std::string, std::string> attributes;  //!< name to StringValue (or BinaryValue)
};

//! One decision of the signature-checking proxy.
struct StandinRequest {
  std::string service;    //!< signing name, or empty when the proxy could not tell
  std::string operation;  //!< e.g. "BatchWriteItem", "Publish", "PutObject"
  std::string method;
  std::string path;  //!< request target as received, with the query
  std::string access_key_id;
  std::string decision;    //!< "forwarded", "rejected" or "fault"
  int status = 0;          //!< HTTP status sent to the client; 0 for a dropped connection
  std::string error_code;  //!< AWS error code of the response, empty on success
  std::string message;     //!< why the proxy rejected the request
  std::string body;        //!< request body (not for S3; Secrets Manager values redacted)
};

//! Canned response for the next requests to a service. The signature is still checked first.
//! Set one of status, unprocessed_items or close_connection.
struct AwsFault {
  AwsService service = AwsService::dynamodb;
  std::string operation;  //!< X-Amz-Target operation, SNS Action or S3 API name; empty matches all
  int times = 1;          //!< requests it responds to; -1 for every request until clear_faults()
  int status = 0;         //!< HTTP status of the canned response
  std::string body;
  std::string content_type;
  std::map<std::string, std::string> headers;
  //! For BatchWriteItem: writes all but the last N write requests and returns those N as
  //! UnprocessedItems, as DynamoDB does when it throttles part of a batch.
  int unprocessed_items = 0;
  bool close_connection = false;       //!< drops the connection without a response
  std::chrono::milliseconds delay{0};  //!< waits before acting, e.g. to trip a client timeout
};

//! Runs the stand-ins in a Node child process; the destructor stops exactly that process.
//! Not thread-safe: use one instance from one test thread.
class AwsStandins {
 public:
  //! Returns why the stand-ins cannot run here (no node on PATH, npm modules not installed), or
  //! nullopt when they can. The node executable is WODETL_NODE when set, else node on PATH.
  [[nodiscard]] static std::optional<std::string> unavailable_reason();

  //! Starts the stand-ins and waits until they listen (about 0.4 s, more on a busy machine).
  //! Throws std::runtime_error with the process output when they do not start in time.
  explicit AwsStandins(AwsStandinsOptions options = {});
  //! Stops the Node process with SIGTERM, then SIGKILL after 5 s.
  ~AwsStandins();

  AwsStandins(const AwsStandins&) = delete;
  AwsStandins& operator=(const AwsStandins&) = delete;

  //! Returns the proxy URL of one service, "http://127.0.0.1:PORT" (path-style for S3).
  [[nodiscard]] std::string endpoint(AwsService service) const;
  //! Returns the proxy URL that serves every service, chosen by the credential scope; it is what
  //! AWS_ENDPOINT_URL points at.
  [[nodiscard]] std::string shared_endpoint() const;
  //! Returns the backend URL behind the proxy. Requests there skip the signature check: use it
  //! only to set up or inspect state, never for the client under test.
  [[nodiscard]] std::string backend_endpoint(AwsService service) const;

  [[nodiscard]] const std::string& region() const { return region_; }
  [[nodiscard]] const std::string& account_id() const { return account_id_; }
  //! Returns the built-in long-term key pair (AWS's documentation example key).
  [[nodiscard]] AwsCredentials credentials() const;
  //! Returns the built-in temporary key pair with its session token.
  [[nodiscard]] AwsCredentials temporary_credentials() const;

  //! Returns the environment a process under test needs: the key pair, AWS_REGION and
  //! AWS_ENDPOINT_URL_{S3,DYNAMODB,SNS,SECRETS_MANAGER} pointing at the proxy.
  [[nodiscard]] std::map<std::string, std::string> environment() const;
  [[nodiscard]] std::map<std::string, std::string> environment(
      const AwsCredentials& credentials) const;

  //! Returns the ARN of the SNS topic `name`, creating the topic when needed.
  std::string create_topic(const std::string& name);
  //! Returns the ARN the SNS stand-in gives topic `name`, without creating it.
  [[nodiscard]] std::string topic_arn(const std::string& name) const;
  //! Stores `value` as the SecretString of secret `name` (a new AWSCURRENT version if it exists);
  //! returns the secret's ARN.
  std::string put_secret(const std::string& name, const std::string& value);
  //! Creates an S3 bucket through the backend.
  void create_bucket(const std::string& name);

  //! Returns the messages published so far, oldest first.
  [[nodiscard]] std::vector<SnsMessage> sns_messages() const;
  //! Returns the proxy's decisions since start or the last reset(), oldest first.
  [[nodiscard]] std::vector<StandinRequest> requests() const;
  [[nodiscard]] std::vector<StandinRequest> requests(AwsService service) const;

  void add_fault(const AwsFault& fault);
  void clear_faults();

  //! Empties every table, bucket, topic, secret, message, fault and the request list, then
  //! creates the buckets, topics and secrets of the options again. Takes a few milliseconds.
  void reset();

  [[nodiscard]] pid_t pid() const { return pid_; }
  //! JSON-lines file with every decision of the proxy, kept after the stand-ins stop.
  [[nodiscard]] const std::filesystem::path& log_file() const { return log_file_; }
  //! Time from starting Node to the stand-ins listening.
  [[nodiscard]] std::chrono::milliseconds startup_time() const { return startup_time_; }

 private:
  struct ControlResponse {
    int status = 0;
    std::string body;
  };

  ControlResponse control(const std::string& method, const std::string& path,
                          const std::string& body = "") const;
  void stop() noexcept;

  TempFolder folder_;
  std::filesystem::path log_file_;
  pid_t pid_ = -1;
  int parent_pipe_ = -1;  // write end of the child's standard input; closing it ends the child
  std::string region_;
  std::string account_id_;
  std::map<std::string, std::string> endpoints_;
  std::map<std::string, std::string> backends_;
  std::string shared_endpoint_;
  std::string control_host_;
  int control_port_ = 0;
  std::vector<AwsCredentials> built_in_credentials_;
  std::chrono::milliseconds startup_time_{0};
};

}  // namespace wodetl::testing
