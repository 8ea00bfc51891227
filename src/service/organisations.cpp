// Adding organisations; see organisations.h.
#include "service/organisations.h"

#include <set>

#include "domain/account.h"
#include "service/audit.h"
#include "store/organisation_store.h"

namespace regie::service {

Result<domain::Organisation> Organisations::add(const Principal& who, domain::Organisation o) {
  using domain::Role;
  const bool allowed = who.role == Role::director || who.role == Role::administrator;
  record_access(store_, clock_, who, "organisation.add", "*", allowed);
  if (!allowed) return forbidden("only directors and administrators add organisations");
  static const std::set<std::string> kinds = {"provider",    "municipality", "insurer",           "housing",
                                              "uwv",         "social_work",  "neighbourhood_team"};
  if (o.name.empty()) return invalid("name: required");
  if (o.name.size() > 200) return invalid("name: at most 200 characters");
  if (!kinds.contains(o.kind))
    return invalid("kind: provider, municipality, insurer, housing, uwv, social_work or neighbourhood_team");
  for (auto& known : store::OrganisationStore(store_).list())
    if (known.name == o.name) return Error{ErrorCode::conflict, "name: an organisation with this name exists"};
  o.id = "ORG-" + random_token(4);
  if (auto st = store::OrganisationStore(store_).add(o); !st) return st.error();
  return o;
}

}  // namespace regie::service
