#include "pipeline/persist.hpp"

#include <algorithm>
#include <string>

#include "load/bucket_keys.hpp"
#include "load/idempotency.hpp"

namespace wodetl {

Result<ObjectWrite> dump_post_to_bucket(const Post& post, ObjectStore& objects) {
  ObjectWrite write;
  write.key = raw_post_key(post);
  write.idempotency_key = idempotency_key("dump_post_to_bucket", {write.key});
  const ObjectMetadata metadata{{"idempotency_key", write.idempotency_key},
                                {"operation", "dump_post_to_bucket"}};
  auto outcome = objects.put_if_changed(write.key, post.raw_json, metadata);
  if (!outcome) {
    Error error = outcome.error();
    error.post = PostRef{.id = post.id, .slug = post.slug, .url = post.link};
    return error;
  }
  write.outcome = *outcome;
  return write;
}

std::string weekly_key_of(const std::vector<SessionRecord>& records) {
  const auto [first, last] = std::minmax_element(
      records.begin(), records.end(),
      [](const SessionRecord& left, const SessionRecord& right) { return left.date < right.date; });
  return weekly_key(first->date, last->date, records.front().source.slug);
}

std::optional<std::string> weekly_key_of(const PostState& state) {
  if (state.session_dates.empty()) {
    return std::nullopt;
  }
  // session_dates is sorted, so its ends are the earliest and latest dates.
  return weekly_key(state.session_dates.front(), state.session_dates.back(), state.source.slug);
}

Result<ObjectWrite> save_sessions_to_bucket(const std::vector<SessionRecord>& records,
                                            ObjectStore& objects) {
  if (records.empty()) {
    return Error::invalid_input("there are no session records to save", {},
                                "Pass the records that clean_session_records returned");
  }
  ObjectWrite write;
  write.key = weekly_key_of(records);
  write.idempotency_key = idempotency_key("save_sessions_to_bucket", {write.key});
  const ObjectMetadata metadata{{"idempotency_key", write.idempotency_key},
                                {"operation", "save_sessions_to_bucket"}};
  auto outcome = objects.put_if_changed(write.key, weekly_body(records), metadata);
  if (!outcome) {
    Error error = outcome.error();
    const SourceRef& source = records.front().source;
    error.post = PostRef{.id = source.post_id, .slug = source.slug, .url = source.link};
    return error;
  }
  write.outcome = *outcome;
  return write;
}

std::string process_post_key(const Post& post, ProgramProfile profile) {
  const std::string id = std::to_string(post.id);
  const std::string body_sha256 = sha256_hex(post.content_html);
  if (profile == ProgramProfile::kWeekly) {
    return idempotency_key("process_post", {id, post.modified_gmt, body_sha256, kTransformVersion});
  }
  return idempotency_key(
      "process_post", {id, post.modified_gmt, body_sha256, kTransformVersion, to_string(profile)});
}

std::string claim_post_key(const Post& post) {
  const std::string id = std::to_string(post.id);
  return idempotency_key("claim_process_post",
                         {id, post.modified_gmt, sha256_hex(post.content_html), kTransformVersion});
}

}  // namespace wodetl
