// Cost records the director keeps next to the care map: registered time and
// virtual savings per household, and the social price list that the
// administrator maintains. Access is checked and writes are audited here.
#pragma once
#include <string>
#include <vector>

#include "common/clock.h"
#include "service/auth.h"
#include "store/store.h"
#include "store/price_store.h"
#include "domain/time_entry.h"
#include "domain/virtual_saving.h"

namespace regie::service {

class CostRecords {
 public:
  CostRecords(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Only the household's assigned director; others get not_found.
  Result<std::vector<domain::TimeEntry>> time_entries(const Principal& who, const std::string& household_id);
  Result<domain::TimeEntry> add_time_entry(const Principal& who, domain::TimeEntry entry);
  // Project time (report §8.1): the director's own, not on a household, kept
  // apart from client time in the business case.
  Result<std::vector<domain::TimeEntry>> project_time(const Principal& who);
  Result<domain::TimeEntry> add_project_time(const Principal& who, domain::TimeEntry entry);
  Result<std::vector<domain::VirtualSaving>> virtual_savings(const Principal& who, const std::string& household_id);
  Result<domain::VirtualSaving> add_virtual_saving(const Principal& who, domain::VirtualSaving saving);

  // Everyone signed in may read the price list; only an administrator adds versions.
  domain::PriceList price_list() { return store::PriceStore(store_).price_list(); }
  Status add_price_item(const Principal& who, const domain::PriceItem& item);

 private:
  store::Store& store_;
  const Clock& clock_;
};

}  // namespace regie::service
