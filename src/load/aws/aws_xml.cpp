#include "load/aws/aws_xml.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <limits>
#include <memory>

#include "core/xml_library.hpp"

namespace wodetl {

namespace {

void collect(const xmlNode* node, const std::vector<std::string_view>& names, XmlTexts& texts) {
  for (const xmlNode* child = node; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) {
      continue;
    }
    const std::string_view name(reinterpret_cast<const char*>(child->name));
    for (std::string_view wanted : names) {
      if (name != wanted) {
        continue;
      }
      std::unique_ptr<xmlChar, decltype(xmlFree)> content(xmlNodeGetContent(child), xmlFree);
      texts[std::string(name)].emplace_back(content ? reinterpret_cast<const char*>(content.get())
                                                    : "");
    }
    collect(child->children, names, texts);
  }
}

}  // namespace

Result<XmlTexts> read_xml_texts(std::string_view xml,
                                std::initializer_list<std::string_view> names) {
  if (xml.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    return Error::invalid_input("the XML response is too large to parse");
  }
  init_xml_library();
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> document(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr, options),
      &xmlFreeDoc);
  if (!document) {
    return Error::invalid_input("the response is not well-formed XML");
  }
  XmlTexts texts;
  collect(xmlDocGetRootElement(document.get()), std::vector<std::string_view>(names), texts);
  return texts;
}

std::string first_text(const XmlTexts& texts, const std::string& name) {
  auto found = texts.find(name);
  if (found == texts.end() || found->second.empty()) {
    return {};
  }
  return found->second.front();
}

}  // namespace wodetl
