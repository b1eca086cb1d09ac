#pragma once
// Reading the XML that S3 and SNS return, with libxml2.

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace wodetl {

//! Texts of elements by local name (namespace prefixes ignored), in document order.
using XmlTexts = std::map<std::string, std::vector<std::string>>;

//! Parses xml and collects the text of every element, at any depth, whose local name is one of
//! names. Entities are not expanded and no external resource is loaded. Returns
//! Error::invalid_input when xml is not well-formed.
[[nodiscard]] Result<XmlTexts> read_xml_texts(std::string_view xml,
                                              std::initializer_list<std::string_view> names);

//! The first text collected for name, or "" when there is none.
[[nodiscard]] std::string first_text(const XmlTexts& texts, const std::string& name);

}  // namespace wodetl
