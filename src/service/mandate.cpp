// Access rules and checks of mandate grants, other organisations' plans and
// withdrawals; see mandate.h.
#include "service/mandate.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "service/access.h"
#include "store/mandate_store.h"
#include "store/plan_store.h"

namespace regie::service {

std::optional<domain::MandateGrant> grant_in_force(store::Store& store, const std::string& household_id) {
  auto all = store::MandateStore(store).grants(household_id);
  if (all.empty()) return std::nullopt;
  return all.back();
}

int plans_in_force(store::Store& store, const std::string& household_id, Date on) {
  return store::PlanStore(store).state(household_id).active +
         store::MandateStore(store).external_plans_in_force(household_id, on);
}

Result<std::vector<domain::MandateGrant>> Mandates::grants(const Principal& who, const std::string& household_id) {
  if (auto st = require_assigned(store_, clock_, who, household_id, "mandate.read"); !st) return st.error();
  return store::MandateStore(store_).grants(household_id);
}

Result<domain::MandateGrant> Mandates::record_grant(const Principal& who, domain::MandateGrant g) {
  if (auto st = require_assigned(store_, clock_, who, g.household_id, "mandate.grant"); !st) return st.error();
  std::sort(g.kinds.begin(), g.kinds.end());
  g.kinds.erase(std::unique(g.kinds.begin(), g.kinds.end()), g.kinds.end());
  if (auto st = domain::check_grant(g, clock_.today()); !st) return st.error();
  g.recorded_by = who.username;
  g.recorded_at = clock_.now_iso8601();
  g.recorded_by_name = who.display_name;
  auto id = store::MandateStore(store_).add_grant(g);
  if (!id) return id.error();
  g.id = *id;
  return g;
}

Result<std::vector<domain::ExternalPlan>> Mandates::external_plans(const Principal& who,
                                                                   const std::string& household_id) {
  if (auto st = require_assigned(store_, clock_, who, household_id, "external_plan.read"); !st) return st.error();
  return store::MandateStore(store_).external_plans(household_id);
}

Result<domain::ExternalPlan> Mandates::add_external_plan(const Principal& who, domain::ExternalPlan p) {
  if (auto st = require_assigned(store_, clock_, who, p.household_id, "external_plan.add"); !st) return st.error();
  if (auto st = domain::check_external_plan(p); !st) return st.error();
  p.recorded_by = who.username;
  p.recorded_at = clock_.now_iso8601();
  auto id = store::MandateStore(store_).add_external_plan(p);
  if (!id) return id.error();
  return *store::MandateStore(store_).external_plan(*id);
}

Result<int> Mandates::update_external_plan(const Principal& who, domain::ExternalPlan p) {
  store::MandateStore plans(store_);
  auto stored = plans.external_plan(p.id);
  const bool here = stored && stored->household_id == p.household_id;
  if (auto st = may_work_on_record(store_, clock_, who, p.household_id, "external_plan.write",
                                   {"external_plan", std::to_string(p.id), ""}, here,
                                   not_found("no plan of another organisation with this id in this household"));
      !st)
    return st.error();
  if (auto st = domain::check_external_plan(p); !st) return st.error();
  return plans.save_external_plan(p);
}

Result<domain::Decision> Mandates::withdraw_decision(const Principal& who, const std::string& household_id,
                                                     std::int64_t decision_id, const std::string& reason) {
  auto all = store::PlanStore(store_).decisions(household_id);
  auto it = std::find_if(all.begin(), all.end(), [&](auto& d) { return d.id == decision_id; });
  if (auto st = may_work_on_record(store_, clock_, who, household_id, "decision.withdraw",
                                   {"decision", std::to_string(decision_id), ""}, it != all.end(),
                                   not_found("no decision with this id in this household"));
      !st)
    return st.error();
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
    return invalid("reason: say why the decision is withdrawn");
  if (it->withdrawn) return Error{ErrorCode::conflict, "this decision has already been withdrawn"};
  if (!it->previous_end)
    return invalid("this decision was recorded before decisions could be withdrawn; change the care map by hand");
  std::set<std::string> touched(it->stopped.begin(), it->stopped.end());
  touched.insert(it->started.begin(), it->started.end());
  touched.insert(it->scaled.begin(), it->scaled.end());
  for (auto& later : all) {
    if (later.id <= decision_id || later.withdrawn) continue;
    for (auto* list : {&later.stopped, &later.started, &later.scaled})
      for (auto& pid : *list)
        if (touched.contains(pid))
          return Error{ErrorCode::conflict,
                       fmt::format("decision {} of {} builds on this one (provision {}); withdraw that one first",
                                   later.id, format_date(later.effective), pid)};
  }
  domain::Withdrawal w{who.username, clock_.now_iso8601(), reason};
  if (auto st = store::MandateStore(store_).withdraw_decision(*it, w); !st) return st.error();
  it->withdrawn = w;
  return *it;
}

}  // namespace regie::service
