// The shared plan and a professional's start page; see shared_plan.h.
#include "service/shared_plan.h"
#include "service/mandate.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "domain/account.h"
#include "domain/plan.h"
#include "service/access.h"
#include "service/audit.h"
#include "store/account_store.h"
#include "store/household_store.h"
#include "store/organisation_store.h"
#include "store/plan_store.h"

namespace regie::service {

using domain::Role;

namespace {

// What one caller may see of one household: whose data, and whether that is everyone.
struct Covered {
  std::set<std::string> members;
  bool everyone = false;
  // A goal (or its actions) about these members is shown when each of them
  // is covered; one about the whole household (no members) only when every
  // member is, as household-wide provisions are in the file view.
  bool shows(const std::vector<std::string>& about) const {
    if (about.empty()) return everyone;
    return std::all_of(about.begin(), about.end(), [&](auto& m) { return members.contains(m); });
  }
};

bool is_mine(const Principal& who, const domain::PartyRef& party) {
  if (party.kind == "professional") return !who.professional_id.empty() && party.id == who.professional_id;
  if (party.kind == "director") return who.role == Role::director && party.id == who.username;
  return false;
}

bool is_invited(const Principal& who, const domain::RoundTable& rt) {
  return std::any_of(rt.participants.begin(), rt.participants.end(), [&](auto& p) { return is_mine(who, p.party); });
}

}  // namespace

std::optional<SharedPlanView> SharedPlans::build(const Principal& who, const std::string& household_id,
                                                 bool assigned) {
  auto h = store::HouseholdStore(store_).find(household_id);
  if (!h) return std::nullopt;
  const auto members = store::HouseholdStore(store_).members(household_id);
  Covered covered;
  if (assigned) {
    for (auto& m : members) covered.members.insert(m.id);
  } else {
    covered.members = members_visible_to_professional(store_, who, household_id, clock_.today());
  }
  if (covered.members.empty()) return std::nullopt;
  covered.everyone = covered.members.size() == members.size();

  SharedPlanView v;
  v.household_id = h->id;
  v.family_name = h->family_name;
  v.whole_household = covered.everyone;
  std::map<std::string, std::string> given;  // member id -> given name
  for (auto& m : members) {
    given[m.id] = m.given_name;
    if (covered.members.contains(m.id)) v.members.push_back(m.given_name);
  }
  if (auto a = store::AccountStore(store_).find(h->director)) v.mandate_holder = a->display_name;
  // Without a recorded grant the director holds the pilot's standing mandate: every kind of decision.
  v.mandate_grant = grant_in_force(store_, household_id);
  if (v.mandate_grant)
    for (auto k : v.mandate_grant->kinds) v.mandate_scope.emplace_back(domain::to_string(k));
  else
    for (auto k : {domain::DecisionKind::stop, domain::DecisionKind::start, domain::DecisionKind::scale_up,
                   domain::DecisionKind::scale_down, domain::DecisionKind::replace})
      v.mandate_scope.emplace_back(domain::to_string(k));

  store::PlanStore plans(store_);
  for (auto& plan : plans.plans(household_id)) {
    if (plan.status != "active") continue;
    v.plan_version = plan.plan_version;
    v.agreed_on = plan.agreed_on;
    for (std::size_t g = 0; g < plan.goals.size(); ++g) {
      const auto& goal = plan.goals[g];
      if (!covered.shows(goal.member_ids)) continue;
      SharedGoal sg{g, goal.life_domain, goal.household_words, goal.professional_words, goal.status, {}, {}};
      for (auto& m : goal.member_ids) sg.for_whom.push_back(given[m]);
      for (std::size_t a = 0; a < goal.actions.size(); ++a) {
        const auto& act = goal.actions[a];
        sg.actions.push_back({g, a, act.text, act.status, act.responsible.kind, act.responsible.name, act.due,
                              is_mine(who, act.responsible)});
      }
      v.goals.push_back(std::move(sg));
    }
  }
  for (auto& rt : plans.round_tables(household_id)) {
    const bool invited = is_invited(who, rt);
    // A round table is about the whole household: seen with everyone's
    // consent, or by those invited to it, who know of it anyway.
    if (!covered.everyone && !invited) continue;
    SharedRoundTable t;
    t.id = rt.id;
    t.title = rt.title;
    t.status = rt.status;
    t.location = rt.location;
    t.agenda = rt.agenda;
    if (covered.everyone) t.minutes = rt.minutes;
    t.window_from = rt.window_from;
    t.window_to = rt.window_to;
    t.scheduled_at = rt.scheduled_at;
    t.invited = invited;
    for (auto& p : rt.participants)
      if (p.party.kind != "member" || covered.members.contains(p.party.id)) t.participants.push_back(p.party.name);
    v.round_tables.push_back(std::move(t));
  }
  return v;
}

Result<SharedPlanView> SharedPlans::view(const Principal& who, const std::string& household_id) {
  auto h = household_for_access(store_, who, household_id);
  const bool assigned = h && is_assigned(store_, who, *h);
  std::optional<SharedPlanView> v;
  if (h && (assigned || who.role == Role::professional)) v = build(who, household_id, assigned);
  record_access(store_, clock_, who, "plan.read", household_id, v.has_value());
  if (!v) return hidden_household();
  return *v;
}

Status SharedPlans::set_action_status(const Principal& who, const std::string& household_id, int plan_version,
                                      std::size_t goal, std::size_t action, const std::string& status) {
  auto h = household_for_access(store_, who, household_id);
  const bool assigned = h && is_assigned(store_, who, *h);
  std::optional<SharedPlanView> v;
  if (h && (assigned || who.role == Role::professional)) v = build(who, household_id, assigned);
  if (!v) {
    record_access(store_, clock_, who, "plan.action_status", household_id, false);
    return hidden_household();
  }
  // Only an action the caller can see, in the version they saw, and (for a
  // professional) one that is theirs.
  const SharedAction* found = nullptr;
  for (auto& g : v->goals)
    for (auto& a : g.actions)
      if (a.goal == goal && a.action == action) found = &a;
  const bool current = v->plan_version == plan_version;
  const bool allowed = current && found && (assigned || found->mine);
  record_access(store_, clock_, who, "plan.action_status", household_id, allowed,
                !current ? "not the active plan version" : !found ? "no such action to see" : "");
  if (!current)
    return Error{ErrorCode::conflict, "this plan version is no longer the active version; reload the plan"};
  if (!found) return not_found("no such action in this plan");
  if (!allowed) return forbidden("only the one responsible for an action sets its status");
  if (!domain::is_action_status(status)) return invalid("status: open, in_progress, done or dropped");
  return store::PlanStore(store_).set_action_status(household_id, plan_version, goal, action, status);
}

Result<Work> SharedPlans::work(const Principal& who) {
  if (who.role != Role::professional || who.professional_id.empty()) {
    record_access(store_, clock_, who, "plan.list", "*", false);
    return forbidden("the start page with shared plans is for professionals");
  }
  Work w;
  w.name = who.display_name;
  if (auto p = store::OrganisationStore(store_).professional(who.professional_id)) {
    w.name = p->name;
    if (auto o = store::OrganisationStore(store_).find(p->organisation_id)) w.organisation = o->name;
  }
  for (auto& id : store::PlanStore(store_).households_of_professional(who.professional_id)) {
    auto v = build(who, id, false);
    if (!v) continue;  // not on the care team today, or no consent covers them
    record_access(store_, clock_, who, "plan.list", id, true);
    w.households.push_back({v->household_id, v->family_name, v->members, v->plan_version.has_value()});
    for (auto& g : v->goals)
      for (auto& a : g.actions)
        if (a.mine) w.actions.push_back({v->household_id, v->family_name, g.life_domain, *v->plan_version, a});
    for (auto& rt : v->round_tables)
      if (rt.invited && (rt.status == "planning" || rt.status == "scheduled"))
        w.round_tables.push_back({v->household_id, v->family_name, rt});
  }
  if (w.households.empty()) record_access(store_, clock_, who, "plan.list", "*", true);
  std::sort(w.households.begin(), w.households.end(),
            [](auto& a, auto& b) { return std::tie(a.family_name, a.id) < std::tie(b.family_name, b.id); });
  std::stable_sort(w.actions.begin(), w.actions.end(), [](auto& a, auto& b) {
    if (a.action.due.has_value() != b.action.due.has_value()) return a.action.due.has_value();
    return a.action.due && *a.action.due < *b.action.due;
  });
  return w;
}

}  // namespace regie::service
