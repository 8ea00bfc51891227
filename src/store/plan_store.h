// Persistence of household plans, mandate decisions, round tables and
// aftercare, on Store::read / Store::write (one transaction per call).
// Decisions are append-only: there is no update or delete here.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/plan.h"
#include "store/store.h"

namespace regie::store {

class PlanStore {
 public:
  explicit PlanStore(Store& store) : store_(store) {}

  // Every version of the household's plan, oldest first.
  std::vector<domain::HouseholdPlan> plans(const std::string& household_id);
  // Stores `plan` as the next version and supersedes the active one, if the
  // latest version is still `based_on` (0: there is no plan yet). Otherwise a
  // conflict naming the latest version. Returns the new version number.
  Result<int> add_plan_version(const domain::HouseholdPlan& plan, int based_on);
  // Records the agreement on the active version `plan_version`; conflict when
  // that version is no longer active or is already agreed.
  Status agree_plan(const std::string& household_id, int plan_version, const std::vector<domain::PartyRef>& parties,
                    Date on, const std::string& recorded_by);
  // Sets the status of one action of the plan, by position (goal, action),
  // in version `plan_version` while that is the active one: progress is no
  // new version, so the agreement on the plan stays. Conflict when the
  // version is no longer active, not found when there is no such action.
  Status set_action_status(const std::string& household_id, int plan_version, std::size_t goal, std::size_t action,
                           const std::string& status);
  // The households whose provisions name the professional or whose round
  // tables invite them: the care teams they may be on (service/access.h
  // decides on which day).
  std::vector<std::string> households_of_professional(const std::string& professional_id);

  std::vector<domain::Decision> decisions(const std::string& household_id);
  // Stores the decision and applies its effect in one transaction: ended
  // provisions get their end date (if their version is unchanged, else
  // conflict), new ones are inserted, and every change goes into the care-map
  // history. Returns the decision id.
  Result<std::int64_t> add_decision(domain::Decision d, const domain::DecisionEffect& effect,
                                    const std::string& changed_at);

  std::vector<domain::RoundTable> round_tables(const std::string& household_id);
  std::optional<domain::RoundTable> round_table(std::int64_t id);
  Result<std::int64_t> add_round_table(const domain::RoundTable& rt);
  // Writes the round table and its participants if it still has `rt.version`
  // (conflict otherwise); participants with id 0 are added, missing ones removed.
  Result<int> save_round_table(const domain::RoundTable& rt);

  std::optional<domain::AftercareSchedule> aftercare_schedule(const std::string& household_id);
  // Sets the schedule and, when `status_version` is given, moves the
  // household to aftercare in the same transaction (conflict on a stale version).
  Status set_aftercare(const domain::AftercareSchedule& s, const std::string& by, const std::string& at,
                       std::optional<int> status_version);
  std::vector<domain::AftercareContact> aftercare_contacts(const std::string& household_id);
  Result<std::int64_t> add_aftercare_contact(const domain::AftercareContact& c, const std::string& at);

  // Plan versions without their content, oldest first (the FHIR export lists them).
  struct VersionRecord {
    std::int64_t id = 0;
    int plan_version = 0;
    std::string status, created_by, created_at;
    std::optional<std::string> agreed_at;
  };
  std::vector<VersionRecord> versions(const std::string& household_id);
  // Household plans in force (status 'active') and whether one of them is agreed.
  struct State {
    int active = 0;
    bool agreed = false;
  };
  State state(const std::string& household_id);

 private:
  Store& store_;
};

}  // namespace regie::store
