#pragma once
// HTTP requests signed by libcurl's AWS Signature Version 4 (CURLOPT_AWS_SIGV4), for tests that
// talk to the AWS stand-ins directly.

#include <string>
#include <vector>

#include "support/aws_standins.hpp"

namespace wodetl::testing {

//! A request for libcurl to sign and send. libcurl signs the URL's path and query exactly as
//! written, so write them URI-encoded (a key's '=' as %3D, a space as %20) with the query
//! parameters sorted. It also signs every header given here; for S3, pass x-amz-content-sha256.
//! Never pass an empty header such as "Expect:" to remove one: libcurl 7.88 still lists it in
//! SignedHeaders, and AWS rejects the request (IncompleteSignatureException).
struct SigV4Request {
  std::string method = "GET";
  std::string url;
  std::string region = "us-east-1";
  std::string service;               //!< signing name: "s3", "dynamodb", "sns", "secretsmanager"
  AwsCredentials credentials;        //!< a session token is sent as x-amz-security-token
  std::vector<std::string> headers;  //!< "Name: value" lines
  std::string body;
};

//! What came back, and what libcurl sent.
struct HttpReply {
  long status = 0;  //!< 0 when no response arrived
  std::string body;
  std::vector<std::string> sent_headers;  //!< request header lines as sent, request line excluded
  std::string error;                      //!< libcurl's error text when the transfer failed
};

//! Signs the request with libcurl and sends it. HEAD goes through CURLOPT_NOBODY.
[[nodiscard]] HttpReply send_signed(const SigV4Request& request);

//! Sends a request without signing it, with exactly `headers` (plus libcurl's Content-Length).
//! Replaying send_signed()'s sent_headers with another body tests a body changed after signing.
[[nodiscard]] HttpReply send_unsigned(const std::string& method, const std::string& url,
                                      const std::vector<std::string>& headers,
                                      const std::string& body);

}  // namespace wodetl::testing
