// costs.csv as `regie businesscase` reads it: any bytes are refused with a
// located message or become cost lines whose business case adds up exactly
// and renders as a table, under each way of pricing the director.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "analytics/businesscase.h"
#include "input_file.h"

using namespace regie;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto lines = analytics::read_cost_lines(fuzz::input_file("costs.csv", data, size));
  if (!lines) {
    if (lines.error().message.empty()) std::abort();  // a refusal always says why
    return 0;
  }
  std::map<std::string, Cents> registered;
  for (auto& l : *lines) {
    if (l.moment != "T1" && l.moment != "T2") std::abort();
    registered[l.household_id] = 100;
  }
  for (auto director : {analytics::director_cost_from_hours(250, 45, 7000), analytics::director_cost_fixed(2'000'000),
                        analytics::director_cost_registered(registered, 7000)}) {
    auto computed = analytics::compute_business_case(*lines, director);
    if (!computed) {
      if (computed.error().message.empty()) std::abort();  // a total out of range is refused, saying why
      continue;
    }
    const auto& bc = *computed;
    // The totals are the sums of the households, in exact cents.
    Cents t1 = 0, t2 = 0;
    for (auto& [id, pair] : bc.households) t1 += pair.t1, t2 += pair.t2;
    if (t1 != bc.total.t1 || t2 != bc.total.t2) std::abort();
    auto table = analytics::to_table(bc);
    (void)analytics::to_csv(table);
    (void)analytics::to_json(table);
    (void)director.explain();
  }
  return 0;
}
