// The ICECAP-A definition shipped in data/questionnaires, read once: the
// tariff and text targets need a real instrument to check their files against.
#pragma once
#include <cstdlib>
#include <fstream>

#include "interop/questionnaire.h"

namespace regie::fuzz {

inline const domain::Instrument& icecap() {
  static const domain::Instrument instrument = [] {
    std::ifstream in(REGIE_QUESTIONNAIRES "/icecap-a.json");
    auto parsed = interop::instrument_from_fhir(nlohmann::json::parse(in, nullptr, false), "icecap-a.json");
    if (!parsed) std::abort();  // the shipped definition is broken: nothing to fuzz against
    return *parsed;
  }();
  return instrument;
}

}  // namespace regie::fuzz
