// `regie import csv`: households.csv and allocations.csv (split at a "===="
// line in one input) imported by Interop::import_csv into a copy of a seeded
// SQLite store. Any bytes are refused with located problems and nothing
// stored, or imported whole, leaving a store that passes its integrity check.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "common/clock.h"
#include "input_file.h"
#include "service/interop.h"
#include "support.h"

using namespace regie;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static fuzz::FreshStores stores;
  static ManualClock clock{1'546'300'800};
  static const service::Principal admin{"admin", "Administrator", domain::Role::administrator, ""};
  auto [households_text, allocations_text] = fuzz::split_two({reinterpret_cast<const char*>(data), size});
  auto households = fuzz::input_file("households.csv", fuzz::bytes(households_text), households_text.size());
  auto allocations = fuzz::input_file("allocations.csv", fuzz::bytes(allocations_text), allocations_text.size());

  auto& store = stores.next();
  const auto before = store.count("household");
  service::Interop interop(store, clock, nullptr);
  auto r = interop.import_csv(admin, households, allocations);
  if (!r) {
    if (r.error().message.empty()) std::abort();
    if (store.count("household") != before) std::abort();  // a refusal stores nothing
    return 0;
  }
  if (store.count("household") != before + r->households) std::abort();
  if (auto st = store.check_integrity(); !st) {
    std::fprintf(stderr, "after an accepted import: %s\n", st.error().message.c_str());
    std::abort();
  }
  return 0;
}
