// An ICECAP-A tariff file (`<name>.tariff.csv`, read when the server loads
// its questionnaires): refused with a message, or a tariff with a value for
// every level of every item, from which every answer set gets an index.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "input_file.h"
#include "instrument.h"

using namespace regie;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& instrument = fuzz::icecap();
  auto tariff = interop::read_tariff(fuzz::input_file("icecap-a.tariff.csv", data, size), instrument);
  if (!tariff) {
    if (tariff.error().message.empty()) std::abort();
    return 0;
  }
  // Every item at its lowest, then at its highest level: a complete tariff indexes both.
  for (bool high : {false, true}) {
    domain::Answers answers;
    for (auto& g : instrument.groups)
      for (auto& i : g.items) answers[i.key] = high ? i.max : i.min;
    if (!domain::capability_index_millionths(instrument, answers, *tariff)) std::abort();
  }
  return 0;
}
