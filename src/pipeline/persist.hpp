#pragma once
// Writes of one post to the stores. Every write compares before it writes, so repeating a run
// leaves objects and rows untouched.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/post.hpp"
#include "core/program_profile.hpp"
#include "core/session.hpp"
#include "load/object_store.hpp"
#include "load/session_store.hpp"
#include "load/state_store.hpp"
#include "pipeline/stores.hpp"

namespace wodetl {

//! Version of the transform output. Part of the idempotency key of a processed post, so a
//! release that transforms differently processes every post again.
inline constexpr const char* kTransformVersion = "2";

//! Result of one bucket write.
struct ObjectWrite {
  std::string key;
  std::string idempotency_key;
  WriteOutcome outcome = WriteOutcome::kUnchanged;
};

//! Stores the post as received under raw/{post date}__{slug}__raw.json, with the idempotency key
//! and operation as object metadata, as the original dump_post_to_bucket did.
[[nodiscard]] Result<ObjectWrite> dump_post_to_bucket(const Post& post, ObjectStore& objects);

//! Stores records as JSON Lines under weekly/{first date}__{last date}--{slug}.jsonl.
//! records must not be empty.
[[nodiscard]] Result<ObjectWrite> save_sessions_to_bucket(const std::vector<SessionRecord>& records,
                                                          ObjectStore& objects);

//! Weekly key of a set of records: their earliest and latest dates and the post's slug.
[[nodiscard]] std::string weekly_key_of(const std::vector<SessionRecord>& records);

//! Weekly key of the records a stored post state describes, or nothing when it has none.
[[nodiscard]] std::optional<std::string> weekly_key_of(const PostState& state);

//! Idempotency key of processing one version of a post: its id, modified_gmt, the SHA-256 of its
//! body, kTransformVersion and, for a profile other than weekly, the profile. Weekly keys are
//! the keys of releases that had no profiles, so their stores need no processing again.
[[nodiscard]] std::string process_post_key(const Post& post,
                                           ProgramProfile profile = ProgramProfile::kWeekly);

//! Idempotency key of the claim a worker takes while it processes one version of a post. It
//! differs from process_post_key, so that a claim never reads as "done".
[[nodiscard]] std::string claim_post_key(const Post& post);

//! How long a claim holds when its worker neither finishes nor releases it, e.g. after a crash.
inline constexpr std::chrono::seconds kClaimLease = std::chrono::minutes(15);

}  // namespace wodetl
