#include "load/state_store.hpp"

namespace wodetl {

Result<std::vector<PostState>> StateStore::all_post_states() {
  return Error::store("this store cannot list its post states");
}

Status StateStore::remove_post_state(std::int64_t post_id) {
  return Error::store("this store cannot delete post states", PostRef{.id = post_id});
}

const char* to_string(PostStatus status) {
  switch (status) {
    case PostStatus::kStored:
      return "stored";
    case PostStatus::kSkipped:
      return "skipped";
    case PostStatus::kFailed:
      return "failed";
  }
  return "failed";
}

std::optional<PostStatus> parse_post_status(std::string_view name) {
  for (PostStatus status : {PostStatus::kStored, PostStatus::kSkipped, PostStatus::kFailed}) {
    if (name == to_string(status)) {
      return status;
    }
  }
  return std::nullopt;
}

}  // namespace wodetl
