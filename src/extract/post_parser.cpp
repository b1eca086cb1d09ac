#include "extract/post_parser.hpp"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>

namespace wodetl {
namespace {

bool is_url(const std::string& origin) {
  return origin.starts_with("http://") || origin.starts_with("https://");
}

//! Identity of the post for error messages, from whatever fields are usable.
PostRef ref_of(const Json& object, const std::string& origin) {
  PostRef ref;
  if (object.is_object()) {
    auto id = object.find("id");
    if (id != object.end() && id->is_number_integer()) {
      bool fits = !id->is_number_unsigned() ||
                  id->get<std::uint64_t>() <=
                      static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
      if (fits) {
        ref.id = id->get<std::int64_t>();
      }
    }
    auto slug = object.find("slug");
    if (slug != object.end() && slug->is_string()) {
      ref.slug = slug->get<std::string>();
    }
    auto link = object.find("link");
    if (link != object.end() && link->is_string()) {
      ref.url = link->get<std::string>();
    }
  }
  if (!is_url(origin)) {
    ref.file = origin;
  } else if (ref.url.empty()) {
    ref.url = origin;
  }
  return ref;
}

std::string hint_for(const std::string& origin) {
  if (is_url(origin)) {
    return "Check that the URL is the WordPress posts endpoint (/wp-json/wp/v2/posts) and that it "
           "does not limit the returned fields with _fields";
  }
  return "Check that the file contains posts as the WordPress REST API returns them "
         "(GET /wp-json/wp/v2/posts)";
}

enum class Presence { kRequired, kOptional };

//! Reads the string field `name`, or `name.rendered` when `rendered` is true, into `out`.
//! Returns the problem in words, or nothing when the field is usable.
std::optional<std::string> read_string(const Json& object, const char* name, bool rendered,
                                       Presence presence, std::string& out) {
  std::string path = rendered ? std::string(name) + ".rendered" : std::string(name);
  const Json* field = nullptr;
  auto outer = object.find(name);
  if (outer != object.end() && !outer->is_null()) {
    if (!rendered) {
      field = &*outer;
    } else if (!outer->is_object()) {
      return std::string(name) + " is a " + outer->type_name() +
             ", expected an object with a 'rendered' string";
    } else {
      auto inner = outer->find("rendered");
      if (inner != outer->end() && !inner->is_null()) {
        field = &*inner;
      }
    }
  }

  if (field == nullptr) {
    if (presence == Presence::kRequired) {
      return path + " is missing";
    }
    out.clear();
    return std::nullopt;
  }
  if (!field->is_string()) {
    return path + " is a " + field->type_name() + ", expected a string";
  }
  out = field->get<std::string>();
  return std::nullopt;
}

//! Reads `id`, which must be a positive integer that fits in int64. Returns the problem in words.
std::optional<std::string> read_id(const Json& object, std::int64_t& out) {
  auto id = object.find("id");
  if (id == object.end() || id->is_null()) {
    return "id is missing";
  }
  if (!id->is_number_integer()) {
    return std::string("id is a ") + id->type_name() + ", expected a positive integer";
  }
  if (id->is_number_unsigned() &&
      id->get<std::uint64_t>() >
          static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    return "id " + id->dump() + " is out of range";
  }
  out = id->get<std::int64_t>();
  if (out <= 0) {
    return "id " + std::to_string(out) + " is not a positive integer";
  }
  return std::nullopt;
}

//! Text of a nlohmann::json exception without its "[json.exception.parse_error.101] " prefix.
std::string json_error_text(const Json::exception& error) {
  std::string text = error.what();
  auto end_of_prefix = text.find("] ");
  if (text.starts_with("[json.exception.") && end_of_prefix != std::string::npos) {
    text.erase(0, end_of_prefix + 2);
  }
  // nlohmann-json quotes everything it read of a token, which for an unterminated string is the
  // rest of the post body; the error keeps the last bytes of it, where the problem is.
  constexpr std::string_view kLastRead = "; last read: '";
  constexpr std::size_t kQuotedBytes = 60;
  const std::size_t quote = text.find(kLastRead);
  if (quote != std::string::npos && text.size() - quote - kLastRead.size() > kQuotedBytes + 1) {
    std::size_t keep_from = text.size() - 1 - kQuotedBytes;
    while (keep_from < text.size() &&
           (static_cast<unsigned char>(text[keep_from]) & 0xC0U) == 0x80U) {
      ++keep_from;  // start on a UTF-8 lead byte
    }
    text = text.substr(0, quote + kLastRead.size()) + "..." + text.substr(keep_from);
  }
  return text;
}

//! A string value as it is, any other value as JSON text.
std::string text_of(const Json& value) {
  return value.is_string() ? value.get<std::string>()
                           : value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

//! Returns whether WordPress marked the post's content as protected by a post password and sent
//! an empty body, as the REST API does for a reader that did not give the password.
bool is_protected_without_content(const Json& object, const Post& post) {
  const auto content = object.find("content");
  if (content == object.end() || !content->is_object()) {
    return false;
  }
  const auto flag = content->find("protected");
  return flag != content->end() && flag->is_boolean() && flag->get<bool>() &&
         post.content_html.empty();
}

PostRef origin_ref(const std::string& origin) {
  return is_url(origin) ? PostRef{.url = origin} : PostRef{.file = origin};
}

}  // namespace

Result<Post> parse_post(const Json& object, const std::string& origin) {
  PostRef ref = ref_of(object, origin);
  if (!object.is_object()) {
    return Error::invalid_input(
        std::string("post is a JSON ") + object.type_name() + ", expected an object",
        std::move(ref), hint_for(origin));
  }

  Post post;
  std::optional<std::string> problem = read_id(object, post.id);
  if (!problem)
    problem = read_string(object, "slug", false, Presence::kRequired, post.slug);
  if (!problem)
    problem = read_string(object, "date", false, Presence::kRequired, post.date);
  if (!problem)
    problem = read_string(object, "content", true, Presence::kRequired, post.content_html);
  if (!problem)
    problem = read_string(object, "date_gmt", false, Presence::kOptional, post.date_gmt);
  if (!problem)
    problem = read_string(object, "modified_gmt", false, Presence::kOptional, post.modified_gmt);
  if (!problem)
    problem = read_string(object, "link", false, Presence::kOptional, post.link);
  if (!problem)
    problem = read_string(object, "status", false, Presence::kOptional, post.status);
  if (!problem)
    problem = read_string(object, "title", true, Presence::kOptional, post.title);
  if (problem) {
    return Error::invalid_input(std::move(*problem), std::move(ref), hint_for(origin));
  }
  // Kept as a post rather than an error item, so that its modified time still bounds the sync
  // cursor. Processing then fails it.
  post.content_protected = is_protected_without_content(object, post);

  // ordered_json keeps the key order as received. The parser has already rejected invalid
  // UTF-8, so `replace` matters only for objects built in code.
  post.raw_json = object.dump(-1, ' ', false, Json::error_handler_t::replace);
  post.origin = origin;
  return post;
}

Result<PostBatch> parse_posts_document(std::string_view text, const std::string& origin) {
  Json document;
  try {
    document = Json::parse(text);
  } catch (const Json::exception& error) {
    return Error::invalid_input("invalid JSON: " + json_error_text(error), origin_ref(origin),
                                hint_for(origin));
  }

  if (document.is_object()) {
    // A saved or relayed WordPress error response has these keys and no post fields.
    if (document.contains("code") && document.contains("message") && !document.contains("id")) {
      return Error::invalid_input("the document is a WordPress error response, not a post: " +
                                      text_of(document.at("code")) + ": " +
                                      text_of(document.at("message")),
                                  origin_ref(origin), hint_for(origin));
    }
    PostBatch batch;
    batch.push_back(parse_post(document, origin));
    return batch;
  }

  if (!document.is_array()) {
    return Error::invalid_input(std::string("the document is a JSON ") + document.type_name() +
                                    ", expected a post object or an array of posts",
                                origin_ref(origin), hint_for(origin));
  }

  PostBatch batch;
  batch.reserve(document.size());
  for (std::size_t index = 0; index < document.size(); ++index) {
    Result<Post> post = parse_post(document[index], origin);
    if (!post.ok() && !post.error().post.id && post.error().post.slug.empty()) {
      // Without id or slug, the position is the only way to find the item.
      Error error = post.error();
      error.message = "array item " + std::to_string(index + 1) + " of " +
                      std::to_string(document.size()) + ": " + error.message;
      post = std::move(error);
    }
    batch.push_back(std::move(post));
  }
  return batch;
}

}  // namespace wodetl
