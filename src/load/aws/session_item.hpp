#pragma once
// Layout of a session record as a DynamoDB item.
//
// The original pipeline's attributes, all strings: date and session (the key), warm_up and
// segment_a … segment_e. wodetl adds:
//  - rest_day (BOOL)
//  - post_id and day_index (N), which order a day's records and find a post's records through
//    the post_id-index
//  - source_slug, source_link, source_modified_gmt and source_title (S)
//  - updated_at (S, UTC ISO 8601)
//  - record_sha256 (S), the SHA-256 of the record's JSON, compared to skip unchanged records
//  - record_json (S), the whole record as one line of compact JSON (the line of its weekly
//    object), or, when the item would pass DynamoDB's 400 KB limit, record_json_key (S): the S3
//    key under large-records/ where that JSON is stored instead

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "core/json_codec.hpp"
#include "core/session.hpp"

namespace wodetl {

//! DynamoDB's limit on the size of one item, attribute names included.
inline constexpr std::size_t kMaxItemBytes = 400 * 1024;

//! Folder of the S3 objects that hold the JSON of records too large for an item.
inline constexpr const char* kLargeRecordsPrefix = "large-records/";

//! Builds the item of record without record_json or record_json_key; the caller adds one.
[[nodiscard]] Json session_item(const SessionRecord& record, std::int64_t post_id,
                                std::int64_t day_index, const std::string& record_sha256,
                                const std::string& updated_at);

//! Builds {"date": {"S": date}, "session": {"S": session}}.
[[nodiscard]] Json session_key(const std::string& date, const std::string& session);

//! S3 key for the JSON of a record too large for its item:
//! "large-records/{date}/{SHA-256 of the session name}.json".
[[nodiscard]] std::string large_record_key(const std::string& date, const std::string& session);

//! Size of an item as DynamoDB counts it: each attribute name's UTF-8 length plus its value's
//! size. Strings count their UTF-8 length, numbers 1 byte per two digits plus 1, booleans and
//! nulls 1, and lists and maps 3 plus 1 per element plus their elements.
[[nodiscard]] std::size_t item_size(const Json& item);

//! Reads the record of item from its record_json, or from record_json when given (the text of
//! an external record). An item without either, as the original pipeline wrote them, becomes a
//! record of its flat fields: date, session, warm_up and segment_a … segment_e.
[[nodiscard]] Result<SessionRecord> record_from_item(
    const Json& item, const std::optional<std::string>& record_json = std::nullopt);

}  // namespace wodetl
