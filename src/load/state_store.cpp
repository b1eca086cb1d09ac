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

}  // namespace wodetl
