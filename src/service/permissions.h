// Which role may do what, for the actions that are decided by role alone
// (before any household or record is looked at). One table, in
// permissions.cpp; the HTTP routes name the permission they need and the
// services apply their full rules afterwards.
#pragma once
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "domain/account.h"
#include "service/auth.h"
#include "store/store.h"

namespace regie::service {

enum class Permission {
  business_case_read,
  population_potential,
  price_list_add,
  household_add,
  setting_change,
  professional_add,
  project_time_add,
  account_create,
  account_contact,
  person_erase,
  interop_import,
  interop_imports,
  interop_providers,
  interop_link_provider,
  organisation_add,
};

// The roles that hold `permission`, and the audit action a refusal is recorded under.
struct PermissionRule {
  std::vector<domain::Role> roles;
  std::string action;
};
const PermissionRule& rule_of(Permission permission);

// True when `role` holds `permission` (no audit).
bool holds(domain::Role role, Permission permission);

// Ok when `who` holds `permission`; otherwise forbidden, and the refusal is
// audited under the permission's action (subject "*").
Status permit(store::Store& store, const Clock& clock, const Principal& who, Permission permission);

}  // namespace regie::service
