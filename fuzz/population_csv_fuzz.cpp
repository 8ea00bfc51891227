// households.csv and allocations.csv as the population analyses stream them
// (`regie analyze`: Pareto, stacking scan, providers per neighbourhood, the
// target group). The input holds both files, split at a "====" line; every
// analysis refuses with a located message or yields a well-formed table, and
// the file source's fast path on several threads gives exactly what the full
// CSV reader gives on one.
#include <cstddef>
#include <cstdint>
#include <algorithm>
#include <cstdlib>

#include "analytics/population.h"
#include "analytics/targets.h"
#include "input_file.h"

using namespace regie;

namespace {

void check(const Result<analytics::Table>& t) {
  if (!t) {
    if (t.error().message.empty()) std::abort();
    return;
  }
  for (auto& row : t->rows)
    if (row.size() != t->columns.size()) std::abort();
  (void)analytics::to_csv(*t);
  (void)analytics::to_json(*t);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto [households_text, allocations_text] =
      fuzz::split_two({reinterpret_cast<const char*>(data), size});
  auto households = fuzz::input_file("households.csv", fuzz::bytes(households_text), households_text.size());
  auto allocations = fuzz::input_file("allocations.csv", fuzz::bytes(allocations_text), allocations_text.size());

  auto st = analytics::for_each_allocation(allocations, [](const analytics::Allocation& a) {
    // What the analyses rely on for every line they are handed.
    if (a.allocation_id.empty() || a.household_id.empty() || a.end < a.start || a.yearly_cost < 0) std::abort();
  });
  if (!st && st.error().message.empty()) std::abort();

  const Date on = *parse_date("2019-06-30");
  {
    // The three in one pass: parts of the file on three threads against the full reader's rows.
    analytics::PopulationRequest q;
    q.stacking.emplace().date = on;
    q.providers.emplace().date = on;
    analytics::AllocationFile parts(allocations, 3);
    auto fast = analytics::analyze(nullptr, parts, q);
    auto full = analytics::stacking_scan(allocations, {on, 3, {}});
    if (!!fast != st.ok()) std::abort();
    if (fast && full && analytics::to_csv(*fast->stacking) != analytics::to_csv(*full)) std::abort();
    if (fast) {
      // What the full reader hands on, one line at a time, through the same engine.
      struct FullReader : analytics::AllocationSource {
        std::string path;
        Status scan(analytics::AllocationSink& sink) override {
          sink.begin(1);
          return analytics::for_each_allocation(path, [&](const analytics::Allocation& a) { sink.row(0, a); });
        }
        std::string name() const override { return path; }
      } one;
      one.path = allocations;
      auto slow = analytics::analyze(nullptr, one, q);
      if (!slow || analytics::to_csv(*slow->stacking) != analytics::to_csv(*fast->stacking) ||
          analytics::to_csv(*slow->providers) != analytics::to_csv(*fast->providers))
        std::abort();
    }
  }
  check(analytics::pareto(households, allocations, {}));
  check(analytics::stacking_scan(allocations, {on, 3, {}}));
  check(analytics::providers_per_neighbourhood(allocations, {on, {}}));
  analytics::TargetOptions target;
  target.key = "0123456789abcdef0123456789abcdef";
  check(analytics::target_group(households, allocations, target));
  check(analytics::stacking_by_neighbourhood(households, allocations, {on, 3, {}}));
  if (size) (void)analytics::parse_domain_list({reinterpret_cast<const char*>(data), std::min<std::size_t>(size, 64)});
  return 0;
}
