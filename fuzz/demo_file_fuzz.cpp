// The demo data file (data/demo/households.json) as `regie demo` reads it:
// refused with the JSON path of each problem, or a bundle whose dates and
// amounts hold what the store's CHECK constraints demand. (Cross references,
// such as a provision's member, are left to the store's foreign keys.)
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>

#include "input_file.h"
#include "service/demo.h"

using namespace regie;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto demo = service::read_demo_file(fuzz::input_file("households.json", data, size));
  if (!demo) {
    if (demo.error().message.empty()) std::abort();
    return 0;
  }
  auto& b = demo->bundle;
  std::set<std::string> households;
  for (auto& h : b.households) households.insert(h.id);
  for (auto& p : b.provisions) {
    if (!households.contains(p.household_id)) std::abort();
    if (p.end && *p.end < p.start) std::abort();
    if (p.annual_cost < 0 || p.hours_per_week_centi < 0) std::abort();
  }
  return 0;
}
