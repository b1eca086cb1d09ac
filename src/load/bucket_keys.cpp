#include "load/bucket_keys.hpp"

#include "core/json_codec.hpp"

namespace wodetl {

namespace {

bool is_key_piece_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '%';
}

}  // namespace

std::string sanitize_key_piece(std::string_view piece) {
  std::string sanitized(piece);
  for (char& c : sanitized) {
    if (!is_key_piece_char(c)) {
      c = '-';
    }
  }
  return sanitized;
}

std::string raw_post_key(const Post& post) {
  std::string_view date = post.date;
  return "raw/" + sanitize_key_piece(date.substr(0, 10)) + "__" + sanitize_key_piece(post.slug) +
         "__raw.json";
}

std::string weekly_key(std::string_view first_date, std::string_view last_date,
                       std::string_view slug) {
  return "weekly/" + sanitize_key_piece(first_date) + "__" + sanitize_key_piece(last_date) + "--" +
         sanitize_key_piece(slug) + ".jsonl";
}

std::string compact_record_json(const SessionRecord& record) {
  Json json = record;
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string weekly_body(const std::vector<SessionRecord>& records) {
  std::string body;
  for (const SessionRecord& record : records) {
    body += compact_record_json(record);
    body += '\n';
  }
  return body;
}

}  // namespace wodetl
