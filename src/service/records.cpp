// Access checks, validation and audit for time, virtual savings and prices.
#include "service/records.h"

#include "service/audit.h"

#include "service/households.h"

#include <fmt/format.h>

#include "domain/costs.h"
#include "domain/limits.h"
#include "store/price_store.h"
#include "store/time_store.h"
#include "domain/account.h"
#include "domain/time_entry.h"
#include "domain/virtual_saving.h"

namespace regie::service {

using domain::Role;

Result<std::vector<domain::TimeEntry>> CostRecords::time_entries(const Principal& who,
                                                                 const std::string& household_id) {
  if (auto st = require_assigned(store_, clock_, who, household_id, "time.read"); !st) return st.error();
  return store::TimeStore(store_).entries(std::nullopt, household_id, Date{0}, kOpenEnd);
}

Result<domain::TimeEntry> CostRecords::add_time_entry(const Principal& who, domain::TimeEntry e) {
  if (auto st = domain::limits::check_whole("minutes", e.minutes, 1, domain::limits::kMinutesPerEntry); !st)
    return st.error();
  if (e.kind == domain::TimeKind::project) return invalid("kind: project time is not registered on a household");
  if (e.date > clock_.today()) return invalid("date: time cannot be registered in the future");
  if (auto st = require_assigned(store_, clock_, who, *e.household_id, "time.add"); !st) return st.error();
  e.director = who.username;
  auto id = store::TimeStore(store_).add(e);
  if (!id) return id.error();
  e.id = *id;
  return e;
}

Result<std::vector<domain::TimeEntry>> CostRecords::project_time(const Principal& who) {
  if (who.role != Role::director) {
    record_access(store_, clock_, who, "time.project", "*", false);
    return forbidden("project time is registered by directors");
  }
  std::vector<domain::TimeEntry> out;
  for (auto& t : store::TimeStore(store_).entries(who.username, std::nullopt, Date{0}, kOpenEnd))
    if (!t.household_id) out.push_back(t);
  return out;
}

Result<domain::TimeEntry> CostRecords::add_project_time(const Principal& who, domain::TimeEntry e) {
  if (who.role != Role::director) {
    record_access(store_, clock_, who, "time.project", "*", false);
    return forbidden("project time is registered by directors");
  }
  if (auto st = domain::limits::check_whole("minutes", e.minutes, 1, domain::limits::kMinutesPerEntry); !st)
    return st.error();
  if (e.date > clock_.today()) return invalid("date: time cannot be registered in the future");
  e.kind = domain::TimeKind::project;
  e.household_id.reset();
  e.director = who.username;
  auto id = store::TimeStore(store_).add(e);
  if (!id) return id.error();
  e.id = *id;
  return e;
}

Result<std::vector<domain::VirtualSaving>> CostRecords::virtual_savings(const Principal& who,
                                                                       const std::string& household_id) {
  if (auto st = require_assigned(store_, clock_, who, household_id, "virtual_saving.read"); !st) return st.error();
  return store::PriceStore(store_).virtual_savings(household_id);
}

Result<domain::VirtualSaving> CostRecords::add_virtual_saving(const Principal& who, domain::VirtualSaving v) {
  if (v.amount <= 0) return invalid("amount_cents: a positive amount");
  if (auto st = domain::limits::check_cents("amount_cents", v.amount, domain::limits::kVirtualSaving); !st)
    return st.error();
  if (v.note.empty()) return invalid("note: say what was prevented and how the amount was estimated");
  if (auto st = require_assigned(store_, clock_, who, v.household_id, "virtual_saving.add"); !st) return st.error();
  v.recorded_by = who.username;
  v.recorded_on = clock_.today();
  auto id = store::PriceStore(store_).add_virtual_saving(v);
  if (!id) return id.error();
  v.id = *id;
  return v;
}

Status CostRecords::add_price_item(const Principal& who, const domain::PriceItem& item) {
  bool allowed = who.role == Role::administrator;
  record_access(store_, clock_, who, "price_list.add", item.code, allowed);
  if (!allowed) return forbidden("only an administrator maintains the price list");
  if (item.code.empty() || item.name.empty()) return invalid("code and name are required");
  if (auto st = domain::check_price_item(item); !st) return st;
  return store::PriceStore(store_).add_price_item(item, who.username);
}

}  // namespace regie::service
