#include "service/assignments.h"

#include "service/access.h"
#include "service/audit.h"
#include "store/account_store.h"
#include "store/household_store.h"
#include "domain/household.h"
#include "domain/account.h"

namespace regie::service {
namespace {

bool is_director_of_record(const Principal& who, const domain::Household& h) {
  return who.role == domain::Role::director && h.director == who.username;
}
}  // namespace

Result<std::vector<store::Assignment>> Assignments::list(const Principal& who, const std::string& household_id) {
  auto h = household_for_access(store_, who, household_id);
  const bool allowed = h && (who.role == domain::Role::team_lead || is_assigned(store_, who, *h));
  record_access(store_, clock_, who, "household.assignments", household_id, allowed);
  if (!allowed) return hidden_household();
  return store::AssignmentStore(store_).of_household(household_id);
}

Result<std::vector<store::Assignment>> Assignments::assign(const Principal& who, const std::string& household_id,
                                                           const std::string& username) {
  auto h = store::HouseholdStore(store_).find(household_id);
  // Nobody opens a file to themselves: a team lead is brought in by the
  // household's director or by another team lead, so every assignment is
  // one person's decision about someone else.
  const bool may_assign = h && (who.role == domain::Role::team_lead || is_director_of_record(who, *h));
  const bool self = username == who.username;
  record_access(store_, clock_, who, "household.assign", household_id, may_assign && !self, "team lead " + username);
  if (!may_assign) return hidden_household();
  if (self) return forbidden("you cannot assign yourself; the director or another team lead does");
  auto account = store::AccountStore(store_).find(username);
  if (!account || account->role != domain::Role::team_lead || account->disabled)
    return invalid("username: not the user name of an active team lead's account");
  store::AssignmentStore assignments(store_);
  if (auto st = assignments.assign({household_id, username, "", who.username, clock_.now_iso8601()}); !st)
    return st.error();
  return assignments.of_household(household_id);
}

Status Assignments::unassign(const Principal& who, const std::string& household_id, const std::string& username) {
  auto h = store::HouseholdStore(store_).find(household_id);
  // Stepping off a file needs nobody else: a team lead may end their own assignment.
  const bool allowed = h && (who.role == domain::Role::team_lead || is_director_of_record(who, *h));
  record_access(store_, clock_, who, "household.unassign", household_id, allowed, "team lead " + username);
  if (!allowed) return hidden_household();
  return store::AssignmentStore(store_).unassign(household_id, username);
}

}  // namespace regie::service
