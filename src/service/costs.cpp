// Builds T1/T2 cost lines per household and category from stored provisions.
#include "service/costs.h"

#include "service/moments.h"

#include "domain/costs.h"
#include "store/household_store.h"
#include "store/price_store.h"
#include "store/provision_store.h"

namespace regie::service {

std::vector<analytics::CostLine> cost_lines_for(store::Store& store, const std::vector<std::string>& household_ids,
                                                Date t1, Date t2) {
  std::vector<analytics::CostLine> out;
  const auto prices = store::PriceStore(store).price_list();
  for (auto& id : household_ids) {
    auto provisions = store::ProvisionStore(store).of_household(id);
    for (auto [moment, date] : {std::pair{"T1", t1}, std::pair{"T2", t2}}) {
      for (auto& [category, cents] : domain::cost_snapshot(provisions, date, prices))
        out.push_back({id, moment, std::string(domain::to_string(category)), cents});
    }
  }
  return out;
}

std::vector<analytics::CostLine> cost_lines_at(store::Store& store, const std::vector<FamilyPeriod>& families) {
  std::vector<analytics::CostLine> out;
  const auto prices = store::PriceStore(store).price_list();
  for (auto& f : families) {
    auto provisions = store::ProvisionStore(store).of_household(f.household_id);
    for (auto [moment, date] : {std::pair{"T1", f.t1}, std::pair{"T2", f.t2}}) {
      for (auto& [category, cents] : domain::cost_snapshot(provisions, date, prices))
        out.push_back({f.household_id, moment, std::string(domain::to_string(category)), cents});
    }
  }
  return out;
}

std::vector<FamilyPeriod> complete_families(store::Store& store, Date today) {
  std::vector<domain::Household> households;
  for (auto& s : store::HouseholdStore(store).list(std::nullopt, today))
    if (s.household.status != domain::HouseholdStatus::dropped) households.push_back(s.household);
  std::vector<FamilyPeriod> out;
  auto progress = family_progress(store, households, today);
  for (auto& h : households) {
    const auto& p = progress[h.id];
    if (p.gap == domain::Gap::none) out.push_back({h.id, *p.moments.t1.on, *p.moments.t2.on});
  }
  return out;
}

std::vector<analytics::CostLine> cost_lines_from_store(store::Store& store, Date t1, Date t2) {
  std::vector<std::string> ids;
  for (auto& s : store::HouseholdStore(store).list(std::nullopt, t1)) ids.push_back(s.household.id);
  return cost_lines_for(store, ids, t1, t2);
}

}  // namespace regie::service
