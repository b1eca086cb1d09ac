#pragma once

#include <cstdint>
#include <string>

#include "core/error.hpp"

namespace wodetl {

//! One WordPress post as the extract layer delivers it to the transforms.
struct Post {
  std::int64_t id = 0;
  std::string slug;
  std::string title;     //!< title.rendered as sent, HTML entities not yet decoded
  std::string date;      //!< local publication time as WordPress sends it, "2020-12-20T17:00:21"
  std::string date_gmt;  //!< publication time in UTC, same format
  std::string modified_gmt;  //!< last edit in UTC, same format
  std::string link;          //!< public URL of the post
  std::string status;        //!< "publish", "draft", …; empty when the source does not say
  std::string content_html;  //!< content.rendered, the HTML body
  //! WordPress sent no body because a post password protects it (content.protected true and
  //! content.rendered empty). Processing fails such a post and keeps what was stored of it.
  bool content_protected = false;
  std::string raw_json;  //!< the post object exactly as received, stored under raw/ in the bucket
  std::string origin;    //!< where it came from: the request URL or the local file path
};

//! Reference from a session record back to the post it came from.
struct SourceRef {
  std::int64_t post_id = 0;
  std::string slug;
  std::string link;
  std::string modified_gmt;
  std::string title;  //!< decoded title text; the raw Post::title until strip_post_html decodes it

  bool operator==(const SourceRef&) const = default;
};

inline SourceRef source_of(const Post& post) {
  return SourceRef{post.id, post.slug, post.link, post.modified_gmt, post.title};
}

//! The post that a record's source names, for the errors of the stores.
inline PostRef post_ref_of(const SourceRef& source) {
  return PostRef{.id = source.post_id, .slug = source.slug, .url = source.link};
}

}  // namespace wodetl
