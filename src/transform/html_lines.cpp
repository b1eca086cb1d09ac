#include "transform/html_lines.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include <climits>
#include <cstring>
#include <string>
#include <string_view>

#include "core/xml_library.hpp"
#include "transform/text_normalize.hpp"

namespace wodetl {

namespace {

// libxml2's HTML parser is used in SAX mode: building no tree is the fastest way it offers to
// walk a post, and HTML parsing dominates the cost of transforming one.
struct LineCollector {
  std::vector<Line> lines;
  std::string text;         // text of the line being built, spaces already collapsed
  std::vector<Link> links;  // links of the line being built
  bool in_anchor = false;
  std::string anchor_href;
  std::size_t anchor_start = 0;  // offset in text where the anchor's text began
  int skip_depth = 0;            // > 0 inside script, style, template or noscript

  void end_anchor_piece() {
    if (!in_anchor) {
      return;
    }
    const std::string_view piece = trim_spaces(std::string_view(text).substr(anchor_start));
    if (!anchor_href.empty() && !piece.empty()) {
      links.push_back(Link{std::string(piece), anchor_href});
    }
  }

  void flush() {
    end_anchor_piece();
    const std::string_view trimmed = trim_spaces(text);
    if (!trimmed.empty()) {
      lines.push_back(Line{std::string(trimmed), std::move(links)});
    }
    text.clear();
    links.clear();
    anchor_start = 0;
  }

  // A line feed, a carriage return (the old Mac OS line ending) and U+2028 LINE SEPARATOR or
  // U+2029 PARAGRAPH SEPARATOR each end a line. "\r\n" gives one break because empty lines are
  // dropped.
  void append_text(const char* data, int length) {
    for (int i = 0; i < length; ++i) {
      const char c = data[i];
      if (c == '\n' || c == '\r') {
        flush();
      } else if (c == '\xE2' && i + 2 < length && data[i + 1] == '\x80' &&
                 (data[i + 2] == '\xA8' || data[i + 2] == '\xA9')) {
        flush();
        i += 2;
      } else if (c == ' ' || c == '\t' || c == '\f') {
        if (!text.empty() && text.back() != ' ') {
          text += ' ';
        }
      } else {
        text += c;
      }
    }
  }
};

// Elements that start a new visible line. Called for every element, so it switches on the
// first letter before comparing names.
bool is_line_breaking(const char* name) {
  auto is = [name](const char* candidate) { return std::strcmp(name, candidate) == 0; };
  switch (name[0]) {
    case 'a':
      return is("article") || is("address") || is("aside");
    case 'b':
      return is("br") || is("blockquote") || is("body");
    case 'c':
      return is("caption");
    case 'd':
      return is("div") || is("dl") || is("dt") || is("dd") || is("details");
    case 'f':
      return is("figure") || is("figcaption") || is("footer");
    case 'h':
      return (name[1] >= '1' && name[1] <= '6' && name[2] == '\0') || is("hr") || is("header");
    case 'l':
      return is("li");
    case 'm':
      return is("main");
    case 'n':
      return is("nav");
    case 'o':
      return is("ol");
    case 'p':
      return is("p") || is("pre");
    case 's':
      return is("section") || is("summary");
    case 't':
      return is("tr") || is("td") || is("th") || is("table") || is("tbody") || is("thead") ||
             is("tfoot");
    case 'u':
      return is("ul");
    default:
      return false;
  }
}

bool is_skipped(const char* name) {
  return std::strcmp(name, "script") == 0 || std::strcmp(name, "style") == 0 ||
         std::strcmp(name, "template") == 0 || std::strcmp(name, "noscript") == 0;
}

void on_start_element(void* context, const xmlChar* raw_name, const xmlChar** attributes) {
  auto* collector = static_cast<LineCollector*>(context);
  const auto* name = reinterpret_cast<const char*>(raw_name);
  if (is_skipped(name)) {
    ++collector->skip_depth;
    return;
  }
  if (is_line_breaking(name)) {
    collector->flush();
    return;
  }
  if (std::strcmp(name, "a") != 0) {
    return;
  }
  collector->end_anchor_piece();
  collector->in_anchor = true;
  collector->anchor_href.clear();
  collector->anchor_start = collector->text.size();
  for (const xmlChar** attribute = attributes; attribute != nullptr && *attribute != nullptr;
       attribute += 2) {
    if (std::strcmp(reinterpret_cast<const char*>(attribute[0]), "href") == 0 &&
        attribute[1] != nullptr) {
      collector->anchor_href =
          std::string(trim_spaces(reinterpret_cast<const char*>(attribute[1])));
    }
  }
}

void on_end_element(void* context, const xmlChar* raw_name) {
  auto* collector = static_cast<LineCollector*>(context);
  const auto* name = reinterpret_cast<const char*>(raw_name);
  if (is_skipped(name)) {
    collector->skip_depth = collector->skip_depth > 0 ? collector->skip_depth - 1 : 0;
    return;
  }
  if (is_line_breaking(name)) {
    collector->flush();
    return;
  }
  if (std::strcmp(name, "a") == 0 && collector->in_anchor) {
    collector->end_anchor_piece();
    collector->in_anchor = false;
    collector->anchor_href.clear();
  }
}

void on_characters(void* context, const xmlChar* data, int length) {
  auto* collector = static_cast<LineCollector*>(context);
  if (collector->skip_depth > 0) {
    return;
  }
  collector->append_text(reinterpret_cast<const char*>(data), length);
}

}  // namespace

Result<std::vector<Line>> html_to_lines(std::string_view html) {
  if (html.size() > static_cast<std::size_t>(INT_MAX)) {
    return Error::invalid_input("HTML body is larger than 2 GiB");
  }
  // Posts are almost always valid UTF-8; copy only to repair one that is not.
  std::string repaired;
  if (!is_valid_utf8(html)) {
    repaired = repair_utf8(html);
    html = repaired;
  }
  const std::string_view utf8 = html;
  LineCollector collector;
  if (trim_spaces(utf8).empty()) {
    return std::move(collector.lines);
  }

  init_xml_library();
  htmlSAXHandler handler{};
  handler.startElement = on_start_element;
  handler.endElement = on_end_element;
  handler.characters = on_characters;
  handler.ignorableWhitespace = on_characters;
  handler.cdataBlock = on_characters;

  htmlParserCtxtPtr context =
      htmlCreateMemoryParserCtxt(utf8.data(), static_cast<int>(utf8.size()));
  if (context == nullptr) {
    return Error::internal("libxml2 could not create an HTML parser (out of memory?)");
  }
  // The context owns its default handler; ours is swapped in for the parse and back out before
  // the context is freed, so libxml2 never frees a handler it did not allocate.
  htmlSAXHandlerPtr default_handler = context->sax;
  context->sax = &handler;
  context->userData = &collector;
  htmlCtxtUseOptions(context, HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8);
  htmlParseDocument(context);
  context->sax = default_handler;
  htmlFreeParserCtxt(context);

  collector.flush();
  return std::move(collector.lines);
}

Result<std::string> html_to_text(std::string_view html) {
  auto lines = html_to_lines(html);
  if (!lines) {
    return lines.error();
  }
  std::string text;
  for (const Line& line : *lines) {
    if (!text.empty()) {
      text += ' ';
    }
    text += line.text;
  }
  return text;
}

Result<StrippedPost> strip_post_html(const Post& post) {
  StrippedPost stripped;
  stripped.source = source_of(post);
  stripped.post_date = post.date;

  auto title = html_to_text(post.title);
  if (!title) {
    return title.error();
  }
  stripped.source.title = std::move(*title);

  auto lines = html_to_lines(post.content_html);
  if (!lines) {
    Error error = lines.error();
    error.post = PostRef{.id = post.id, .slug = post.slug, .url = post.link};
    return error;
  }
  stripped.lines = std::move(*lines);
  return stripped;
}

}  // namespace wodetl
