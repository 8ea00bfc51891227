// Builds T1/T2 cost lines per household and category from stored provisions.
#include "service/costs.h"

#include "domain/costs.h"

namespace regie::service {

std::vector<analytics::CostLine> cost_lines_from_store(store::Store& store, Date t1, Date t2) {
  std::vector<analytics::CostLine> out;
  const auto prices = store.price_list();
  for (auto& s : store.list_households(std::nullopt, t1)) {
    auto provisions = store.provisions(s.household.id);
    for (auto [moment, date] : {std::pair{"T1", t1}, std::pair{"T2", t2}}) {
      for (auto& [category, cents] : domain::cost_snapshot(provisions, date, prices))
        out.push_back({s.household.id, moment, std::string(domain::to_string(category)), cents});
    }
  }
  return out;
}

}  // namespace regie::service
