// Who may see which household, beyond the assigned director: a professional
// on the care team whose organisation the members' consent covers, and a
// household member in their own household. Rules only; the services that
// read the data call these and record the access.
#pragma once
#include <set>
#include <string>

#include "common/clock.h"
#include "common/result.h"
#include "domain/household.h"
#include "service/audit.h"
#include "service/auth.h"
#include "store/store.h"

namespace regie::service {

// The care team of a household on `on`: the professionals named on its
// provisions active that day, and those invited to its round tables that
// are still being planned or are scheduled.
std::set<std::string> care_team(store::Store& store, const std::string& household_id, Date on);

// The members of the household whose consent in force on `on` covers the
// professional's organisation for care coordination. Empty when `who` is not
// a professional on the household's care team.
std::set<std::string> members_visible_to_professional(store::Store& store, const Principal& who,
                                                      const std::string& household_id, Date on);

// True when `who` works on the household as its director does: they are its
// director of record, or a team lead assigned to it (store/assignment_store.h).
// No audit; the callers record the access they grant or refuse.
bool is_assigned(store::Store& store, const Principal& who, const domain::Household& h);

// One request's access decision. The household gate (may_use_household)
// and the service that then serves the request ask the same question of the
// same household; inside a RequestAccess the first asks the store (the
// household row and its assignments) and the service takes that answer
// instead of reading again. Outside one (the command line, tests), every
// check reads the store. One per request, on the thread that serves it.
class RequestAccess {
 public:
  RequestAccess();
  ~RequestAccess();
  RequestAccess(const RequestAccess&) = delete;
  RequestAccess& operator=(const RequestAccess&) = delete;
};

// The household row for an access decision on it: the one the gate read in
// this request, else a fresh read. For services that decide on the row and
// then work with it (changing the status, listing the team, an export).
std::optional<domain::Household> household_for_access(store::Store& store, const Principal& who,
                                                      const std::string& household_id);

// What a request does with one household's resources: read the file
// itself, read the shared plan (or set the status of one's own action in
// it), move it along the status pipeline, manage which team leads are
// assigned to it, or any other work on it.
enum class HouseholdUse { read_file, shared_plan, change_status, assignments, work };

// The first gate for every /households/{id}/... request, before its body is
// read: the assigned director (or an assigned team lead) may do everything,
// any team lead may change the status and manage the assignments, a
// professional on the care team with covering consent may read the file and
// the shared plan (service/shared_plan.h);
// everyone else is refused, and the refusal is audited here (allowed
// requests are audited by the service that serves them). Unknown households
// are refused the same way, so ids cannot be probed.
bool may_use_household(store::Store& store, const Clock& clock, const Principal& who,
                       const std::string& household_id, HouseholdUse use, const std::string& action);

// The one refusal for a household the caller may not see, or that does not
// exist: the same answer either way, so ids cannot be probed.
inline constexpr const char* kHiddenHousehold = "no household with this id that you may see";
inline Error hidden_household() { return forbidden(kHiddenHousehold); }

// The one rule for work on a household's file: true when `who` is assigned
// to it (is_assigned on the household row, read once here). Writes an audit
// event for `action`, allowed or denied, either way; `record` names the
// record and the member concerned when the request is about one member's
// data, so that the audit query for that person finds it.
bool is_assigned_director(store::Store& store, const Clock& clock, const Principal& who,
                          const std::string& household_id, const std::string& action,
                          const AccessedRecord& record = {});

// The same rule as a Status: ok, or hidden_household() (audited either way).
Status require_assigned(store::Store& store, const Clock& clock, const Principal& who,
                        const std::string& household_id, const std::string& action);

// For a request on one record of the household (a measurement, a consent, a
// provision, a member named in the body): as is_assigned_director, but the
// access is recorded as allowed only when the record belongs to this
// household (`here`). A record that is missing or another household's is a
// refusal, not a look: it is recorded as denied without naming its person,
// so it never shows in a "who looked" list or in someone's trail. Returns
// hidden_household() for a caller not assigned, `elsewhere` when the record
// is not here, ok otherwise.
Status may_work_on_record(store::Store& store, const Clock& clock, const Principal& who,
                          const std::string& household_id, const std::string& action, AccessedRecord record,
                          bool here, Error elsewhere);

// Analysts see pseudonymised aggregates; a query naming household ids is
// refused for them with this message, whether the ids exist or not.
inline constexpr const char* kNoHouseholdFilter = "analysts may not select households by id";

// Below this age (in whole years by birth year) a parent also sees a child's
// own records, such as their spider webs. Setting "access.minor_below_age",
// default 16.
int minor_below_age(store::Store& store);

// True when `member` is a minor on `on` by that rule.
bool is_minor(const domain::Member& member, Date on, int below_age);

}  // namespace regie::service
