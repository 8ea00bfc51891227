// The director's mandate made visible and reversible (report §4, appendix 2
// step 8): who granted it, for which kinds of decision and which period; the
// plans other organisations keep for the household (so that "more than one
// plan" can be seen); and the withdrawal of a decision recorded by mistake.
//
// The household's assigned director and its assigned team leads read and
// record these; for anyone else the household does not exist, and every
// attempt is audited (service/access.h).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "domain/mandate.h"
#include "domain/plan.h"
#include "service/auth.h"
#include "store/store.h"

namespace regie::service {

// The grant in force for a household: the last one recorded. None when no
// grant was ever recorded (decisions are then not checked against one).
std::optional<domain::MandateGrant> grant_in_force(store::Store& store, const std::string& household_id);

// Plans in force on `on`: the household's own active plan and those of other organisations.
int plans_in_force(store::Store& store, const std::string& household_id, Date on);

class Mandates {
 public:
  Mandates(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  Result<std::vector<domain::MandateGrant>> grants(const Principal& who, const std::string& household_id);
  // Records a new grant; it replaces the previous one from now on.
  Result<domain::MandateGrant> record_grant(const Principal& who, domain::MandateGrant g);

  Result<std::vector<domain::ExternalPlan>> external_plans(const Principal& who, const std::string& household_id);
  Result<domain::ExternalPlan> add_external_plan(const Principal& who, domain::ExternalPlan p);
  // Replaces organisation, title, coordinator, period and note if the plan still has `p.version`.
  Result<int> update_external_plan(const Principal& who, domain::ExternalPlan p);

  // Takes a decision back (recorded, not erased): the provisions it ended
  // run on as before, those it started leave the care map. Refused when a
  // later decision builds on one of its provisions (withdraw that first),
  // when it was recorded before withdrawal existed, or without a reason.
  Result<domain::Decision> withdraw_decision(const Principal& who, const std::string& household_id,
                                             std::int64_t decision_id, const std::string& reason);

 private:
  store::Store& store_;
  const Clock& clock_;
};

}  // namespace regie::service
