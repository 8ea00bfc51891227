#include "service/assignments.h"

#include "service/access.h"
#include "service/audit.h"

namespace regie::service {
namespace {
const char* const kHidden = "no household with this id that you may see";

// Those who may see the household learn why they are refused; others learn nothing about it.
Error refusal(store::Store& store, const Principal& who, const std::optional<domain::Household>& h) {
  return forbidden(h && is_assigned(store, who, *h) ? "only a team lead assigns team leads" : kHidden);
}
}  // namespace

Result<std::vector<store::Assignment>> Assignments::list(const Principal& who, const std::string& household_id) {
  auto h = store_.household(household_id);
  const bool allowed = h && (who.role == domain::Role::team_lead || is_assigned(store_, who, *h));
  record_access(store_, clock_, who, "household.assignments", household_id, allowed);
  if (!allowed) return forbidden(kHidden);
  return store::AssignmentStore(store_).of_household(household_id);
}

Result<std::vector<store::Assignment>> Assignments::assign(const Principal& who, const std::string& household_id,
                                                           const std::string& username) {
  auto h = store_.household(household_id);
  const bool allowed = h && who.role == domain::Role::team_lead;
  record_access(store_, clock_, who, "household.assign", household_id, allowed, "team lead " + username);
  if (!allowed) return refusal(store_, who, h);
  auto account = store_.account(username);
  if (!account || account->role != domain::Role::team_lead || account->disabled)
    return invalid("username: not the user name of an active team lead's account");
  store::AssignmentStore assignments(store_);
  if (auto st = assignments.assign({household_id, username, "", who.username, clock_.now_iso8601()}); !st)
    return st.error();
  return assignments.of_household(household_id);
}

Status Assignments::unassign(const Principal& who, const std::string& household_id, const std::string& username) {
  auto h = store_.household(household_id);
  const bool allowed = h && who.role == domain::Role::team_lead;
  record_access(store_, clock_, who, "household.unassign", household_id, allowed, "team lead " + username);
  if (!allowed) return refusal(store_, who, h);
  return store::AssignmentStore(store_).unassign(household_id, username);
}

}  // namespace regie::service
