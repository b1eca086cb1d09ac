#include "core/xml_library.hpp"

#include <libxml/parser.h>

#include <mutex>

namespace wodetl {

void init_xml_library() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

}  // namespace wodetl
