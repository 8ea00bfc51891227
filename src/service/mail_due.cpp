// The due work behind the reminders; see mail_due.h.
#include "service/mail_due.h"

#include <fmt/format.h>

#include <map>

#include "domain/consent.h"
#include "domain/plan.h"
#include "service/moments.h"
#include "store/consent_store.h"
#include "store/household_store.h"
#include "store/measurement_store.h"
#include "store/plan_store.h"

namespace regie::service {

std::vector<DueReminder> due_reminders(store::Store& store, Date today, const DuePolicy& policy) {
  using domain::HouseholdStatus;
  std::vector<DueReminder> out;
  std::vector<domain::Household> open;
  for (auto& summary : store::HouseholdStore(store).list(std::nullopt, today))
    if (summary.household.status == HouseholdStatus::active || summary.household.status == HouseholdStatus::aftercare)
      open.push_back(summary.household);
  auto progress = family_progress(store, open, today, false);
  for (auto& h : open) {
    // T2: once the family's own T2 date has come and it was not recorded as
    // held, every member with a T1 and no T2 yet.
    const auto& t2 = progress[h.id].moments.t2;
    if (t2.on && *t2.on <= today && !t2.held) {
      std::map<std::string, bool> has_t2;
      for (auto& m : store::MeasurementStore(store).of_household(h.id)) {
        if (m.moment == "T1") has_t2.try_emplace(m.member_id, false);
        if (m.moment == "T2") has_t2[m.member_id] = true;
      }
      for (auto& [member, done] : has_t2)
        if (!done) out.push_back({"t2", h.id, member, 0, *t2.on, fmt::format("t2:{}:{}", h.id, member)});
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
