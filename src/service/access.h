// Who may see which household, beyond the assigned director: a professional
// on the care team whose organisation the members' consent covers, and a
// household member in their own household. Rules only; the services that
// read the data call these and record the access.
#pragma once
#include <initializer_list>
#include <set>
#include <string>

#include "common/clock.h"
#include "common/result.h"
#include "domain/model.h"
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

// What a request does with one household's resources: read the file
// itself, move it along the status pipeline, manage which team leads are
// assigned to it, or any other work on it.
enum class HouseholdUse { read_file, change_status, assignments, work };

// The first gate for every /households/{id}/... request, before its body is
// read: the assigned director (or an assigned team lead) may do everything,
// any team lead may change the status and manage the assignments, a
// professional on the care team with covering consent may read the file;
// everyone else is refused, and the refusal is audited here (allowed
// requests are audited by the service that serves them). Unknown households
// are refused the same way, so ids cannot be probed.
bool may_use_household(store::Store& store, const Clock& clock, const Principal& who,
                       const std::string& household_id, HouseholdUse use, const std::string& action);

// For routes that read a body before their service can judge the caller:
// refuses (forbidden, audited under `action`) a role not in `roles`, so the
// caller is told 403 before anything about the body. The service still
// applies its full rule afterwards.
Status require_role(store::Store& store, const Clock& clock, const Principal& who,
                    std::initializer_list<domain::Role> roles, const std::string& action);

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
