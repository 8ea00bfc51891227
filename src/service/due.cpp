// A director's due list; see due.h.
#include "service/due.h"

#include <algorithm>

#include "domain/account.h"
#include "domain/plan.h"
#include "service/audit.h"
#include "service/moments.h"
#include "store/household_store.h"
#include "store/plan_store.h"

namespace regie::service {

std::string_view to_string(DueItem::Kind k) {
  switch (k) {
    case DueItem::Kind::t2_measurement: return "t2_measurement";
    case DueItem::Kind::aftercare: return "aftercare";
    case DueItem::Kind::round_table: return "round_table";
    case DueItem::Kind::round_table_planning: return "round_table_planning";
    case DueItem::Kind::plan: return "plan";
  }
  return "plan";
}

namespace {

using domain::HouseholdStatus;

bool open(HouseholdStatus s) {
  return s == HouseholdStatus::referred || s == HouseholdStatus::intake || s == HouseholdStatus::active ||
         s == HouseholdStatus::aftercare;
}

void add_aftercare(store::PlanStore& plans, const domain::Household& h, Date today, std::vector<DueItem>& out) {
  domain::AftercareStatus status{today, 0, true};  // no schedule yet: contact now
  if (auto schedule = plans.aftercare_schedule(h.id)) {
    std::vector<Date> dates;
    for (auto& c : plans.aftercare_contacts(h.id)) dates.push_back(c.contacted_on);
    status = domain::aftercare_status(*schedule, dates, today);
  }
  out.push_back({h.id, h.family_name, DueItem::Kind::aftercare, format_date(status.next_due), status.overdue, ""});
}

}  // namespace

std::vector<DueItem> due_for_director(store::Store& store, const Clock& clock, const std::string& director) {
  const Date today = clock.today();
  const std::string now = clock.now_iso8601();
  std::vector<domain::Household> households;
  for (auto& s : store::HouseholdStore(store).list(director, today))
    if (open(s.household.status)) households.push_back(s.household);
  auto progress = family_progress(store, households, today, false);
  store::PlanStore plans(store);
  std::vector<DueItem> out;
  for (auto& h : households) {
    const auto& p = progress[h.id];
    if (p.reminder != domain::T2Reminder::none)
      out.push_back({h.id, h.family_name, DueItem::Kind::t2_measurement, format_date(*p.moments.t2.on),
                     p.reminder == domain::T2Reminder::overdue, ""});
    if (h.status == HouseholdStatus::aftercare) add_aftercare(plans, h, today, out);
    for (auto& rt : plans.round_tables(h.id)) {
      if (rt.status == "scheduled" && rt.scheduled_at && *rt.scheduled_at >= now)
        out.push_back({h.id, h.family_name, DueItem::Kind::round_table, rt.scheduled_at, false, rt.title});
      else if (rt.status == "planning")
        out.push_back({h.id, h.family_name, DueItem::Kind::round_table_planning, format_date(rt.window_to), false,
                       rt.title});
    }
    if (h.status == HouseholdStatus::intake || h.status == HouseholdStatus::active) {
      auto state = plans.state(h.id);
      if (!(state.active > 0 && state.agreed))
        out.push_back({h.id, h.family_name, DueItem::Kind::plan, std::nullopt, false, ""});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const DueItem& a, const DueItem& b) {
    if (a.overdue != b.overdue) return a.overdue;
    if (!a.when || !b.when) return a.when.has_value() && !b.when.has_value();
    return *a.when < *b.when;
  });
  return out;
}

Result<std::vector<DueItem>> DueWork::mine(const Principal& who) {
  const bool allowed = who.role == domain::Role::director;
  record_access(store_, clock_, who, "due.read", "*", allowed);
  if (!allowed) return forbidden("the due list is a director's own");
  return due_for_director(store_, clock_, who.username);
}

}  // namespace regie::service
