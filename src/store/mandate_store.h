// Persistence of mandate grants, other organisations' plans and the
// withdrawal of a mandate decision, on Store::read / Store::write (one
// transaction per call). Grants are append-only.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/mandate.h"
#include "domain/plan.h"
#include "store/store.h"

namespace regie::store {

class MandateStore {
 public:
  explicit MandateStore(Store& store) : store_(store) {}

  // Every grant of the household, oldest first; the last one is in force.
  std::vector<domain::MandateGrant> grants(const std::string& household_id);
  Result<std::int64_t> add_grant(const domain::MandateGrant& g);

  std::vector<domain::ExternalPlan> external_plans(const std::string& household_id);
  std::optional<domain::ExternalPlan> external_plan(std::int64_t id);
  Result<std::int64_t> add_external_plan(const domain::ExternalPlan& p);
  // Replaces the editable parts if the plan still has `p.version`; returns the new version.
  Result<int> save_external_plan(const domain::ExternalPlan& p);
  // Plans of other organisations in force on `on`.
  int external_plans_in_force(const std::string& household_id, Date on);

  // Takes the decision back in one transaction: the provisions it ended get
  // their previous end date again (if nobody changed that end since: conflict
  // otherwise), the provisions it started are removed from the care map
  // (refused when an iJw/iWmo message refers to one), every change goes into
  // the care-map history, and the decision is marked withdrawn. Conflict when
  // it is already withdrawn.
  Status withdraw_decision(const domain::Decision& d, const domain::Withdrawal& w);

 private:
  Store& store_;
};

}  // namespace regie::store
