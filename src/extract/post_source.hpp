#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/post.hpp"

namespace wodetl {

//! Posts delivered together (one API page, one file). Each item is a post or the error that
//! kept one item from becoming a post, so one bad item never hides the others.
using PostBatch = std::vector<Result<Post>>;

//! Source of posts: a WordPress site, a JSON file or a folder of JSON files.
class PostSource {
 public:
  virtual ~PostSource() = default;

  //! Delivers every post, batch by batch, in the order the source lists them. Returns an error
  //! only for a failure that ends the listing (the site is unreachable, the folder is missing);
  //! batches delivered before it stay valid.
  virtual Status fetch(const std::function<void(PostBatch&&)>& on_batch) = 0;

  //! Human-readable origin, e.g. "WordPress https://…/wp-json/wp/v2/posts category 213".
  [[nodiscard]] virtual std::string describe() const = 0;
};

}  // namespace wodetl
