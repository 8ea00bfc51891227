// Use cases of the director's intervention (report §4, §8.3, appendix 2): one
// household plan agreed with everyone, mandate decisions that change the care
// map on their effective date, round tables with a slot finder and calendar
// invitations, aftercare with a contact schedule, and the director's caseload.
//
// Only the household's assigned director reads or changes these records; for
// anyone else the household does not exist (not_found, as in the household
// view), and every attempt is audited.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "domain/plan.h"
#include "service/auth.h"
#include "store/plan_store.h"
#include "store/store.h"
#include "domain/provision.h"

namespace regie::service {

// What the slot finder says about a round table.
struct SlotAnswer {
  bool found = false;
  std::string start_utc, end_utc;                                 // yyyy-mm-ddThh:mm:ssZ
  std::string start_local, end_local;                             // in the round table's time zone
  std::vector<std::string> optional_available, optional_missing;  // participant ids as text
  std::string message;                                            // why nothing was found
};

struct AftercareView {
  std::optional<domain::AftercareSchedule> schedule;
  std::vector<domain::AftercareContact> contacts;
  std::optional<domain::AftercareStatus> status;  // with a schedule
};

struct CaseloadHousehold {
  std::string id, family_name, status;
  bool plan_active = false, plan_agreed = false;
  std::optional<domain::AftercareStatus> aftercare;
};

struct Caseload {
  std::string director;
  std::map<std::string, int> households_per_status;
  std::map<std::string, int> minutes_this_month;  // per time kind
  std::vector<CaseloadHousehold> households;
  std::vector<CaseloadHousehold> aftercare_due;  // overdue first, then by next due date
  Cents decided_annual_effect = 0;               // sum of the directors' decisions (negative: savings)
  // Every decision on these households, newest effective date first, for the
  // savings per decision.
  struct DecisionRow {
    std::string household_id, family_name;
    domain::Decision decision;
  };
  std::vector<DecisionRow> decisions;
};

class Plans {
 public:
  Plans(store::Store& store, const Clock& clock) : store_(store), plans_(store), clock_(clock) {}

  Result<std::vector<domain::HouseholdPlan>> plans(const Principal& who, const std::string& household_id);
  // A new version of the household plan from its goals. `based_on` is the
  // latest version the director read (0 for the first plan); a stale one is a
  // conflict. Members must belong to the household and a responsible party must
  // exist; names are filled in from the records. Returns the new version.
  Result<int> save_plan(const Principal& who, const std::string& household_id, std::vector<domain::PlanGoal> goals,
                        int based_on);
  // Records who agreed to the active version and when: at least one household
  // member, and every party must be known (member of this household, known
  // professional, or the director). The date may not lie in the future.
  Status agree_plan(const Principal& who, const std::string& household_id, int plan_version,
                    std::vector<domain::PartyRef> parties, Date on);

  Result<std::vector<domain::Decision>> decisions(const Principal& who, const std::string& household_id);
  // Checks the request against the household's care map (provisions of other
  // households are refused), stores it in the append-only log and applies it:
  // stopped provisions end the day before the effective date and new ones
  // start on it, so the care map on any earlier date is unchanged.
  Result<domain::Decision> record_decision(const Principal& who, domain::DecisionRequest req);

  Result<std::vector<domain::RoundTable>> round_tables(const Principal& who, const std::string& household_id);
  Result<domain::RoundTable> add_round_table(const Principal& who, domain::RoundTable rt);
  // Replaces the editable parts (title, location, agenda, minutes, status,
  // window, duration, participants with availability and attendance) if the
  // round table still has `rt.version`. Returns the new version.
  Result<int> update_round_table(const Principal& who, domain::RoundTable rt);
  Result<SlotAnswer> find_slot(const Principal& who, const std::string& household_id, std::int64_t id);
  // Fixes the meeting time (UTC); the invitations' SEQUENCE goes up.
  Result<int> schedule_round_table(const Principal& who, const std::string& household_id, std::int64_t id,
                                   const std::string& start_utc, int version);
  // The iCalendar invitation for one participant of a scheduled round table.
  Result<std::string> invitation(const Principal& who, const std::string& household_id, std::int64_t id,
                                 std::int64_t participant_id);

  Result<AftercareView> aftercare(const Principal& who, const std::string& household_id);
  // Moves an active household to aftercare (with the household's version) and
  // sets its contact schedule: every `interval_months` from `start`.
  Status start_aftercare(const Principal& who, const std::string& household_id, Date start, int interval_months,
                         int household_version);
  Result<domain::AftercareContact> add_aftercare_contact(const Principal& who, const std::string& household_id, Date on,
                                                         const std::string& note);

  // A director's own caseload; a team lead or administrator names the director
  // (empty: every director's caseload, one entry each).
  Result<std::vector<Caseload>> caseload(const Principal& who, const std::string& director);

 private:
  Status check_party(const std::string& household_id, domain::PartyRef& party, const std::string& field);
  Status check_new_provision(const domain::Provision& p, const std::string& field);
  Result<domain::RoundTable> round_table_of(const Principal& who, const std::string& household_id, std::int64_t id,
                                            const std::string& action);
  Caseload caseload_of(const std::string& director);

  store::Store& store_;
  store::PlanStore plans_;
  const Clock& clock_;
};

}  // namespace regie::service
