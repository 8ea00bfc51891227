// A questionnaire definition as the server reads it at start: any JSON is
// refused with a message or becomes an instrument that scores and exports
// without surprises.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "interop/questionnaire.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto resource = nlohmann::json::parse(text, nullptr, false);
  if (resource.is_discarded()) return 0;
  auto instrument = regie::interop::instrument_from_fhir(resource, "fuzz.json");
  if (!instrument) {
    if (instrument.error().message.empty()) std::abort();
    return 0;
  }
  // Every item answered at its minimum: scores exist for every score key and stay in range.
  regie::domain::Answers answers;
  for (auto& g : instrument->groups)
    for (auto& i : g.items) {
      if (i.min > i.max) std::abort();
      answers[i.key] = i.min;
    }
  auto scores = regie::domain::score_tenths(*instrument, answers);
  if (scores.size() != instrument->score_keys().size()) std::abort();
  if (!regie::domain::missing_items(*instrument, answers).empty()) std::abort();
  (void)regie::interop::questionnaire_response(*instrument, answers, {"1", "Patient/x", "2019-01-01", "x", "completed"})
      .dump();
  return 0;
}
