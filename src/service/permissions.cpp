// The role table: who may do the actions that are decided by role alone.
#include "service/permissions.h"

#include <algorithm>
#include <array>
#include <utility>

#include "service/audit.h"
#include "domain/account.h"

namespace regie::service {
namespace {

using domain::Role;

const std::array<std::pair<Permission, PermissionRule>, 15>& table() {
  static const std::array<std::pair<Permission, PermissionRule>, 15> rules{{
      {Permission::business_case_read,
       {{Role::director, Role::team_lead, Role::administrator, Role::analyst}, "businesscase.read"}},
      {Permission::population_potential,
       {{Role::analyst, Role::team_lead, Role::administrator}, "population.potential"}},
      {Permission::price_list_add, {{Role::administrator}, "price_list.add"}},
      {Permission::household_add, {{Role::team_lead, Role::director}, "household.add"}},
      {Permission::setting_change, {{Role::administrator}, "setting.change"}},
      {Permission::professional_add, {{Role::director, Role::administrator}, "professional.add"}},
      {Permission::project_time_add, {{Role::director}, "time.project"}},
      {Permission::account_create, {{Role::administrator}, "account.create"}},
      {Permission::account_contact, {{Role::administrator}, "account.contact"}},
      {Permission::person_erase, {{Role::administrator}, "person.erase"}},
      {Permission::interop_import, {{Role::administrator}, "interop.import"}},
      {Permission::interop_imports, {{Role::administrator}, "interop.imports"}},
      {Permission::interop_providers, {{Role::administrator}, "interop.providers"}},
      {Permission::interop_link_provider, {{Role::administrator}, "interop.link_provider"}},
      {Permission::organisation_add, {{Role::director, Role::administrator}, "organisation.add"}},
  }};
  return rules;
}

}  // namespace

const PermissionRule& rule_of(Permission permission) {
  for (auto& [p, rule] : table())
    if (p == permission) return rule;
  static const PermissionRule none{{}, "unknown"};
  return none;
}

bool holds(Role role, Permission permission) {
  const auto& roles = rule_of(permission).roles;
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

Status permit(store::Store& store, const Clock& clock, const Principal& who, Permission permission) {
  if (holds(who.role, permission)) return ok_status();
  record_access(store, clock, who, rule_of(permission).action, "*", false);
  return forbidden("your role may not do this");
}

}  // namespace regie::service
