#pragma once
// JSON encoding of the stage values. JSON is used only at the edges: the `wodetl stage` command,
// Lambda handlers and the stored files. Decoding throws nlohmann::json::exception on a wrong
// shape; callers at an edge turn that into an Error.

#include <nlohmann/json.hpp>

#include "core/session.hpp"

namespace wodetl {

using Json = nlohmann::ordered_json;

void to_json(Json& json, const Link& link);
void from_json(const Json& json, Link& link);
void to_json(Json& json, const Line& line);
void from_json(const Json& json, Line& line);
void to_json(Json& json, const SourceRef& source);
void from_json(const Json& json, SourceRef& source);
void to_json(Json& json, const Segment& segment);
void from_json(const Json& json, Segment& segment);
void to_json(Json& json, const SegmentedDay& day);
void from_json(const Json& json, SegmentedDay& day);
void to_json(Json& json, const SessionRecord& record);
//! Reads a record. Its "prescriptions" are not read back: they derive from the segments, and
//! transform/prescription/blocks.hpp computes them again where they are needed.
void from_json(const Json& json, SessionRecord& record);

[[nodiscard]] const char* to_string(SegmentKind kind);

//! Joins the text of lines with '\n'.
[[nodiscard]] std::string join_text(const std::vector<Line>& lines);

//! Text of a segment as the flat fields carry it: the heading's text after its label, then
//! each line, joined by '\n'.
[[nodiscard]] std::string flat_text(const Segment& segment);

}  // namespace wodetl
