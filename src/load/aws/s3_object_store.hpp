#pragma once
// ObjectStore in an S3 bucket, with the keys and object metadata of the original pipeline's
// bucket: raw/… and weekly/… objects whose metadata contains the idempotency key and operation
// as x-amz-meta-idempotency_key and x-amz-meta-operation.

#include <memory>
#include <string>

#include "load/aws/aws_client.hpp"
#include "load/object_store.hpp"

namespace wodetl {

//! Checks a name against S3's bucket naming rules (3 to 63 lower-case letters, digits, '.' and
//! '-', starting and ending with a letter or digit, no "..", not an IP address).
[[nodiscard]] Status validate_bucket_name(const std::string& name);

//! Bucket of objects in S3, reached through PutObject, GetObject, HeadObject, ListObjectsV2 and
//! DeleteObject.
//!
//! put_if_changed sends HeadObject first and writes nothing when the stored object has the same
//! bytes and metadata. The bytes compare through the ETag, which is the MD5 of a single-part
//! upload. When the ETag is not an MD5 (multipart uploads, SSE-KMS), the object is read and
//! compared. Every PutObject carries Content-MD5, so S3 rejects a body damaged on the way.
//!
//! Keys are sent URI-encoded segment by segment, so keys with '=', spaces or non-ASCII bytes
//! work. Addressing is path-style (https://host/BUCKET/KEY) with an endpoint override or a
//! bucket name with '.', else virtual-hosted (https://BUCKET.s3.REGION.amazonaws.com/KEY),
//! unless the profile's s3 addressing_style chooses.
//!
//! Thread safety: every method may be called from several threads at once.
class S3ObjectStore : public ObjectStore {
 public:
  //! list_page_size is ListObjectsV2's max-keys: 1000, S3's maximum, unless a test pages with
  //! fewer.
  S3ObjectStore(std::shared_ptr<const AwsClient> client, std::string bucket,
                int list_page_size = 1000);

  Result<WriteOutcome> put_if_changed(const std::string& key, std::string_view body,
                                      const ObjectMetadata& metadata) override;
  Result<std::optional<std::string>> get(const std::string& key) override;
  Result<std::optional<ObjectMetadata>> metadata(const std::string& key) override;
  //! Pages through ListObjectsV2 with continuation tokens.
  Result<std::vector<std::string>> list(const std::string& prefix) override;
  Status remove(const std::string& key) override;
  [[nodiscard]] std::string describe() const override;

  //! Creates the bucket unless HeadBucket finds it. Returns true when it created the bucket.
  Result<bool> create_bucket_if_missing();

  [[nodiscard]] const std::string& bucket() const { return bucket_; }

 private:
  //! Request for the bucket (empty key) or one object, path-style or virtual-hosted as
  //! uses_path_style() decides.
  [[nodiscard]] AwsRequest request(std::string operation, std::string method,
                                   const std::string& key) const;
  [[nodiscard]] bool uses_path_style() const;
  //! Sends HeadObject; std::nullopt when the object does not exist.
  Result<std::optional<AwsResponse>> head_object(const std::string& key) const;

  std::shared_ptr<const AwsClient> client_;
  std::string bucket_;
  int list_page_size_;
};

}  // namespace wodetl
