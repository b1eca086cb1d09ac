#include "core/prescription.hpp"

namespace wodetl::prescription {

const char* to_string(LineKind kind) {
  switch (kind) {
    case LineKind::kNote:
      return "note";
    case LineKind::kScheme:
      return "scheme";
    case LineKind::kMovement:
      return "movement";
    case LineKind::kIntensity:
      return "intensity";
    case LineKind::kTarget:
      return "target";
    case LineKind::kRest:
      return "rest";
  }
  return "note";
}

const char* to_string(SchemeType type) {
  switch (type) {
    case SchemeType::kInterval:
      return "interval";
    case SchemeType::kSets:
      return "sets";
    case SchemeType::kRounds:
      return "rounds";
    case SchemeType::kAmrap:
      return "amrap";
    case SchemeType::kForTime:
      return "for_time";
    case SchemeType::kEstablish:
      return "establish";
    case SchemeType::kTabata:
      return "tabata";
  }
  return "sets";
}

const char* to_string(Grouping grouping) {
  switch (grouping) {
    case Grouping::kSingle:
      return "single";
    case Grouping::kComplex:
      return "complex";
    case Grouping::kList:
      return "list";
    case Grouping::kAlternating:
      return "alternating";
  }
  return "single";
}

const char* to_string(MinuteParity parity) {
  switch (parity) {
    case MinuteParity::kAny:
      return "any";
    case MinuteParity::kOdd:
      return "odd";
    case MinuteParity::kEven:
      return "even";
  }
  return "any";
}

}  // namespace wodetl::prescription
