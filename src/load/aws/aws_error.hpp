#pragma once
// AWS error responses: their code, message and request id, whether a retry may help, and the
// Error shown to users.

#include <string>

#include "core/error.hpp"
#include "extract/http_client.hpp"
#include "load/aws/aws_service.hpp"

namespace wodetl {

//! Error response of an AWS API call.
struct AwsServiceError {
  AwsService service = AwsService::kS3;
  std::string operation;  //!< e.g. "PutObject"
  long status = 0;        //!< HTTP status
  std::string code;       //!< e.g. "ConditionalCheckFailedException", "NoSuchKey"
  std::string message;    //!< AWS's message; may be empty
  std::string request_id;
  std::string resource;       //!< what the request addressed, e.g. "table sessions", "s3://b/k"
  std::string region;         //!< the region the client signed for
  std::string bucket_region;  //!< x-amz-bucket-region of an S3 redirect, when sent

  //! True for throttling codes and HTTP 429.
  [[nodiscard]] bool is_throttling() const;

  //! True when the same request may succeed later: throttling, HTTP 500, 502, 503, 504 and
  //! AWS's transient codes (InternalError, RequestTimeout, …).
  [[nodiscard]] bool is_retryable() const;

  //! Formats the error for users, e.g. "DynamoDB PutItem on table sessions failed: HTTP 400
  //! ResourceNotFoundException (request id ABC): Requested resource not found", with a hint
  //! for the codes a user can act on. Of AWS's message it keeps the first line, at most 300
  //! bytes, without the closing period, and marks a cut with " [...]". ErrorCode::kStore for S3 and
  //! DynamoDB, kHttpStatus for SNS and Secrets Manager.
  [[nodiscard]] Error to_error() const;
};

//! Reads the error of a response with a status outside 2xx: the code from a JSON body's
//! "__type" (the part after '#') or an XML body's <Code>, else from the X-Amzn-ErrorType header,
//! else the status text ("NotFound" for a HEAD 404, which has no body); the request id from
//! x-amzn-RequestId, x-amz-request-id or the body.
[[nodiscard]] AwsServiceError parse_aws_error(AwsService service, const std::string& operation,
                                              const HttpResponse& response);

//! Builds an ErrorCode::kStore Error for a failure of the AWS store that is not an AWS error
//! response (a malformed response, a limit), with hint as what to do. Error::store would add
//! the local store's hint about the data folder.
[[nodiscard]] Error aws_store_error(std::string message, std::string hint = {}, PostRef post = {});

//! The request id of a response, from x-amzn-RequestId or x-amz-request-id; "" when absent.
[[nodiscard]] std::string request_id_of(const HttpResponse& response);

}  // namespace wodetl
