// The due work behind the reminders; see mail_due.h.
#include "service/mail_due.h"

#include <fmt/format.h>

#include <map>

#include "domain/consent.h"
#include "domain/plan.h"
#include "store/consent_store.h"
#include "store/household_store.h"
#include "store/measurement_store.h"
#include "store/plan_store.h"

namespace regie::service {

std::vector<DueWork> due_work(store::Store& store, Date today, const DuePolicy& policy) {
  using domain::HouseholdStatus;
  std::vector<DueWork> out;
  store::HouseholdStore households(store);
  for (auto& summary : households.list(std::nullopt, today)) {
    const auto& h = summary.household;
    if (h.status != HouseholdStatus::active && h.status != HouseholdStatus::aftercare) continue;
    // T2: the earliest T1 of a member, and whether any T2 exists.
    std::map<std::string, Date> first_t1;
    std::map<std::string, bool> has_t2;
    for (auto& m : store::MeasurementStore(store).of_household(h.id)) {
      if (m.moment == "T1" && (!first_t1.contains(m.member_id) || m.measured_on < first_t1[m.member_id]))
        first_t1[m.member_id] = m.measured_on;
      if (m.moment == "T2") has_t2[m.member_id] = true;
    }
    for (auto& [member, t1] : first_t1) {
      if (has_t2[member]) continue;
      const Date due = domain::add_months(t1, policy.t2_after_months);
      if (due <= today) out.push_back({"t2", h.id, member, 0, due, fmt::format("t2:{}:{}", h.id, member)});
    }
    if (h.status == HouseholdStatus::aftercare) {
      store::PlanStore plans(store);
      if (auto schedule = plans.aftercare_schedule(h.id)) {
        std::vector<Date> contacts;
        for (auto& c : plans.aftercare_contacts(h.id)) contacts.push_back(c.contacted_on);
        auto st = domain::aftercare_status(*schedule, contacts, today);
        if (st.next_due <= today)
          out.push_back({"aftercare", h.id, "", 0, st.next_due,
                         fmt::format("aftercare:{}:{}", h.id, format_date(st.next_due))});
      }
    }
    for (auto& c : store::ConsentStore(store).of_household(h.id)) {
      if (!c.expires_on || !domain::in_force(c, today)) continue;
      if (c.expires_on->days - today.days > policy.consent_expiry_days) continue;
      out.push_back({"consent_expiry", h.id, c.member_id, c.id, *c.expires_on,
                     fmt::format("consent_expiry:{}:{}", c.id, format_date(*c.expires_on))});
    }
  }
  return out;
}

}  // namespace regie::service
