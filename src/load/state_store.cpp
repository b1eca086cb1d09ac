#include "load/state_store.hpp"

namespace wodetl {

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
