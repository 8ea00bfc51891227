// Status history with names and durations; see status_history.h.
#include "service/status_history.h"

#include "service/access.h"
#include "store/account_store.h"
#include "store/household_store.h"

namespace regie::service {

std::optional<domain::InterventionSpan> span_of(const domain::Household& h,
                                                const std::vector<domain::StatusChange>& history, Date today) {
  auto span = domain::intervention_span(history, today);
  if (!span || span->status != h.status) return std::nullopt;
  return span;
}

Result<StatusHistoryView> StatusHistories::get(const Principal& who, const std::string& household_id) {
  if (auto st = require_assigned(store_, clock_, who, household_id, "status.read"); !st) return st.error();
  const Date today = clock_.today();
  auto h = store::HouseholdStore(store_).find(household_id);
  auto history = store::HouseholdStore(store_).status_history(household_id);
  std::map<std::string, std::string> names;
  for (auto& a : store::AccountStore(store_).list()) names[a.username] = a.display_name;
  StatusHistoryView v;
  auto periods = domain::status_periods(history, today);
  for (std::size_t i = 0; i < history.size(); ++i) {
    StatusChangeView c{history[i], "", periods[i].to, periods[i].days};
    if (auto it = names.find(history[i].by); it != names.end()) c.by_name = it->second;
    v.changes.push_back(std::move(c));
  }
  v.span = span_of(*h, history, today);
  return v;
}

}  // namespace regie::service
