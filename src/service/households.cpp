// Access checks and audit trail for household reads.
#include "service/households.h"

namespace regie::service {

using domain::Role;

void Households::audit(const Principal& who, const std::string& action, const std::string& subject, bool allowed) {
  store_.append_audit(domain::AuditEvent{0, clock_.now_iso8601(), who.username, action, subject,
                                         allowed ? "allowed" : "denied", std::string(domain::to_string(who.role))});
}

Result<std::vector<store::HouseholdSummary>> Households::list(const Principal& who) {
  switch (who.role) {
    case Role::director:
      audit(who, "household.list", "*", true);
      return store_.list_households(who.username, clock_.today());
    case Role::team_lead:
    case Role::administrator:
      audit(who, "household.list", "*", true);
      return store_.list_households(std::nullopt, clock_.today());
    default:
      audit(who, "household.list", "*", false);
      return forbidden("your role has no household list");
  }
}

Result<HouseholdDetail> Households::get(const Principal& who, const std::string& id) {
  auto h = store_.household(id);
  bool allowed = h && who.role == Role::director && h->director == who.username;
  audit(who, "household.read", id, allowed);
  if (!allowed) return not_found("no household with this id that you may see");
  HouseholdDetail d;
  d.household = *h;
  d.on = clock_.today();
  if (auto a = store_.account(h->director)) d.director_display_name = a->display_name;
  d.members = store_.members(id);
  d.provisions = store_.provisions(id);
  for (auto& p : d.provisions) {
    if (!d.organisations.contains(p.provider_id))
      if (auto o = store_.organisation(p.provider_id)) d.organisations[o->id] = *o;
    if (p.professional_id && !d.professionals.contains(*p.professional_id))
      if (auto pr = store_.professional(*p.professional_id)) d.professionals[pr->id] = *pr;
  }
  return d;
}

}  // namespace regie::service
