#pragma once
// The eight stages of the original pipeline as functions from a JSON event to a JSON result,
// so each runs alone (`wodetl stage NAME`) and, later, as a Lambda handler. Each stage accepts
// the previous stage's result, also when wrapped as {"result": …} the way the original's Lambda
// decorator wrapped lists. docs/stages.md describes every event and result.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/json_codec.hpp"
#include "extract/post_source.hpp"
#include "pipeline/stores.hpp"

namespace wodetl {

//! Access to the world outside the process for the stages that fetch or store; each part is
//! opened on first use.
struct StageContext {
  //! Fetches one page of posts: (posts_per_page, page).
  std::function<Result<PostBatch>(int, int)> fetch_page;
  //! Opens the stores.
  std::function<Result<Stores>()> open_stores;
};

using StageFunction = std::function<Result<Json>(const Json& event, StageContext& context)>;

//! A stage with its name, as the original's Lambda functions were named.
struct Stage {
  std::string_view name;
  std::string_view summary;
  StageFunction run;
};

//! Every stage, in pipeline order.
[[nodiscard]] const std::vector<Stage>& all_stages();

//! The stage called name, or nullptr.
[[nodiscard]] const Stage* find_stage(std::string_view name);

}  // namespace wodetl
