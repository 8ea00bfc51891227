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

namespace {

// What the store says of one caller and one household: whether it exists
// and whether the caller is assigned to it.
struct Standing {
  std::optional<domain::Household> row;
  bool assigned = false;
};

struct Decided {
  const store::Store* store = nullptr;
  std::string user;
  std::string household;
  Standing standing;
};

thread_local bool tl_in_request = false;
thread_local std::optional<Decided> tl_decided;

// The gate decides and keeps its answer; the service's check takes it (once),
// so that a request reads the household for its access decision once.
Standing standing_of(store::Store& store, const Principal& who, const std::string& household_id) {
  if (tl_decided && tl_decided->store == &store && tl_decided->user == who.username &&
      tl_decided->household == household_id) {
    Standing s = std::move(tl_decided->standing);
    tl_decided.reset();
    return s;
  }
  auto h = store::HouseholdStore(store).find(household_id);
  const bool assigned = h && is_assigned(store, who, *h);
  return {std::move(h), assigned};
}

void keep_for_request(store::Store& store, const Principal& who, const std::string& household_id, Standing s) {
  if (tl_in_request) tl_decided = Decided{&store, who.username, household_id, s};
}

}  // namespace

std::optional<domain::Household> household_for_access(store::Store& store, const Principal& who,
                                                      const std::string& household_id) {
  return standing_of(store, who, household_id).row;
}

RequestAccess::RequestAccess() {
  tl_in_request = true;
  tl_decided.reset();
}

RequestAccess::~RequestAccess() {
  tl_in_request = false;
  tl_decided.reset();
}

bool may_use_household(store::Store& store, const Clock& clock, const Principal& who,
                       const std::string& household_id, HouseholdUse use, const std::string& action) {
  const Standing s = standing_of(store, who, household_id);
  keep_for_request(store, who, household_id, s);
  bool allowed = false;
  if (s.row) {
    switch (who.role) {
      case domain::Role::director: allowed = s.assigned; break;
      case domain::Role::team_lead:
        // Caseload work for every team lead; the file only for one assigned to it.
        allowed = use == HouseholdUse::change_status || use == HouseholdUse::assignments || s.assigned;
        break;
      case domain::Role::professional:
        allowed = (use == HouseholdUse::read_file || use == HouseholdUse::shared_plan) &&
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
  const bool allowed = standing_of(store, who, household_id).assigned;
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
  const bool assigned = standing_of(store, who, household_id).assigned;
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
