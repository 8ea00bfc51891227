// Cost snapshots from the care map in the store, as business-case cost lines:
// the annualised cost of everything active on T1 and on T2, per household and
// category. Recomputed from the provisions, never typed in twice.
#pragma once
#include <vector>

#include "analytics/businesscase.h"
#include "store/store.h"

namespace regie::service {

std::vector<analytics::CostLine> cost_lines_from_store(store::Store& store, Date t1, Date t2);
// The same for the given households only, reading nothing of the others.
std::vector<analytics::CostLine> cost_lines_for(store::Store& store, const std::vector<std::string>& household_ids,
                                                Date t1, Date t2);

// A family with its own T1 and T2 (service/moments.h).
struct FamilyPeriod {
  std::string household_id;
  Date t1, t2;
};
// The cost lines of each family on its own T1 and T2.
std::vector<analytics::CostLine> cost_lines_at(store::Store& store, const std::vector<FamilyPeriod>& families);
// Every family whose T1 and T2 are complete on `today` and that did not drop
// out, with its own dates (service/moments.h): the portfolio of the business case.
std::vector<FamilyPeriod> complete_families(store::Store& store, Date today);

}  // namespace regie::service
