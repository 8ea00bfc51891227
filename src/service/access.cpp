#include "service/access.h"

#include "common/money.h"
#include "domain/consent.h"
#include "store/assignment_store.h"
#include "store/consent_store.h"
#include "store/plan_store.h"
#include "service/audit.h"
#include "store/household_store.h"
#include "store/provision_store.h"
#include "store/settings_store.h"
#include "domain/household.h"
#include "domain/account.h"

namespace regie::service {

std::set<std::string> care_team(store::Store& store, const std::string& household_id, Date on) {
  std::set<std::string> team;
  for (auto& p : store::ProvisionStore(store).of_household(household_id))
    if (p.professional_id && p.active_on(on)) team.insert(*p.professional_id);
  // A round table that is still ahead brings its invited professionals in;
  // one that was held or cancelled no longer does.
  for (auto& rt : store::PlanStore(store).round_tables(household_id)) {
    if (rt.status != "planning" && rt.status != "scheduled") continue;
    for (auto& part : rt.participants)
      if (part.party.kind == "professional") team.insert(part.party.id);
  }
  return team;
}

std::set<std::string> members_visible_to_professional(store::Store& store, const Principal& who,
                                                      const std::string& household_id, Date on) {
  std::set<std::string> visible;
  if (who.role != domain::Role::professional || who.professional_id.empty() || who.organisation_id.empty())
    return visible;
  if (!care_team(store, household_id, on).contains(who.professional_id)) return visible;
  auto consents = store::ConsentStore(store).of_household(household_id);
  for (auto& m : store::HouseholdStore(store).members(household_id))
    if (domain::covers(consents, m.id, who.organisation_id, domain::ConsentPurpose::care_coordination, on))
      visible.insert(m.id);
  return visible;
}

bool is_assigned(store::Store& store, const Principal& who, const domain::Household& h) {
  switch (who.role) {
    case domain::Role::director: return h.director == who.username;
    case domain::Role::team_lead: return store::AssignmentStore(store).is_assigned(h.id, who.username);
    default: return false;
  }
}

bool may_use_household(store::Store& store, const Clock& clock, const Principal& who,
                       const std::string& household_id, HouseholdUse use, const std::string& action) {
  auto h = store::HouseholdStore(store).find(household_id);
  bool allowed = false;
  if (h) {
    switch (who.role) {
      case domain::Role::director: allowed = is_assigned(store, who, *h); break;
      case domain::Role::team_lead:
        // Caseload work for every team lead; the file only for one assigned to it.
        allowed = use == HouseholdUse::change_status || use == HouseholdUse::assignments || is_assigned(store, who, *h);
        break;
      case domain::Role::professional:
        allowed = use == HouseholdUse::read_file &&
                  !members_visible_to_professional(store, who, household_id, clock.today()).empty();
        break;
      default: break;
    }
  }
  if (!allowed) record_access(store, clock, who, action, household_id, false);
  return allowed;
}

bool is_assigned_director(store::Store& store, const Clock& clock, const Principal& who,
                          const std::string& household_id, const std::string& action,
                          const AccessedRecord& record) {
  auto h = store::HouseholdStore(store).find(household_id);
  bool allowed = h && is_assigned(store, who, *h);
  record_access(store, clock, who, action, household_id, allowed, {}, record);
  return allowed;
}

Status require_assigned(store::Store& store, const Clock& clock, const Principal& who,
                        const std::string& household_id, const std::string& action) {
  if (!is_assigned_director(store, clock, who, household_id, action)) return hidden_household();
  return ok_status();
}

Status may_work_on_record(store::Store& store, const Clock& clock, const Principal& who,
                          const std::string& household_id, const std::string& action, AccessedRecord record,
                          bool here, Error elsewhere) {
  auto h = store::HouseholdStore(store).find(household_id);
  const bool assigned = h && is_assigned(store, who, *h);
  if (!here) record.person.clear();
  record_access(store, clock, who, action, household_id, assigned && here,
                assigned && !here ? "not in this household" : "", record);
  if (!assigned) return hidden_household();
  if (!here) return elsewhere;
  return ok_status();
}

int minor_below_age(store::Store& store) {
  if (auto v = store::SettingsStore(store).get("access.minor_below_age"))
    if (auto n = parse_fixed(*v, 0); n && *n > 0 && *n < 30) return static_cast<int>(*n);
  return 16;
}

bool is_minor(const domain::Member& member, Date on, int below_age) {
  return member.birth_year > 0 && year_of(on) - member.birth_year < below_age;
}

}  // namespace regie::service
