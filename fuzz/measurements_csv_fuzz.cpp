// The measurements CSV of the demo (household_id,member_id,instrument,
// moment,measured_on,item,value) stored by import_measurements_csv into a
// copy of a seeded store (members H1-M1 and H1-M2 exist): refused with the
// line and field and nothing stored, or stored whole as measurements that
// score and export like any other.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "input_file.h"
#include "service/measurements.h"
#include "store/measurement_store.h"
#include "support.h"

using namespace regie;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static fuzz::FreshStores stores;
  static const interop::Instruments instruments = [] {
    auto loaded = interop::load_instruments(REGIE_QUESTIONNAIRES);
    if (!loaded) std::abort();
    return std::move(*loaded);
  }();
  auto& store = stores.next();
  store::MeasurementStore ms(store);
  const auto before = ms.of_households({}).size();
  auto st = service::import_measurements_csv(store, instruments, fuzz::input_file("measurements.csv", data, size),
                                             "dir.a");
  if (!st) {
    if (st.error().message.empty()) std::abort();
    if (ms.of_households({}).size() != before) std::abort();
    return 0;
  }
  for (auto& m : ms.of_households({})) {
    auto* instrument = instruments.find(m.instrument);
    if (!instrument) std::abort();  // stored under an instrument the server does not know
    (void)domain::score_tenths(*instrument, m.answers);
    (void)interop::questionnaire_response(*instrument, m.answers, {"1", "Patient/x", "2019-01-01", "x", "completed"})
        .dump();
  }
  return 0;
}
