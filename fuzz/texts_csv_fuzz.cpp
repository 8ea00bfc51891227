// A licensed wording file (`<name>.texts.csv`, linkId,text) applied to the
// ICECAP-A definition: refused with a message, or labels that still export
// as a QuestionnaireResponse.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "input_file.h"
#include "instrument.h"

using namespace regie;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto instrument = fuzz::icecap();
  auto st = interop::apply_texts(instrument, fuzz::input_file("icecap-a.texts.csv", data, size));
  if (!st) {
    if (st.error().message.empty()) std::abort();
    return 0;
  }
  domain::Answers answers;
  for (auto& g : instrument.groups)
    for (auto& i : g.items) answers[i.key] = i.min;
  // Labels go out as JSON strings: an accepted text must dump without throwing.
  (void)interop::questionnaire_response(instrument, answers, {"1", "Patient/x", "2019-01-01", "x", "completed"}).dump();
  return 0;
}
