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
  d.prices = store_.price_list();
  for (auto& p : d.provisions) {
    if (!d.organisations.contains(p.provider_id))
      if (auto o = store_.organisation(p.provider_id)) d.organisations[o->id] = *o;
    if (p.professional_id && !d.professionals.contains(*p.professional_id))
      if (auto pr = store_.professional(*p.professional_id)) d.professionals[pr->id] = *pr;
  }
  return d;
}

Result<domain::Provision> Households::add_provision(const Principal& who, domain::Provision p) {
  auto h = store_.household(p.household_id);
  bool allowed = h && who.role == Role::director && h->director == who.username;
  audit(who, "provision.add", p.household_id, allowed);
  if (!allowed) return not_found("no household with this id that you may see");
  if (p.member_id) {
    bool member_here = false;
    for (auto& m : store_.members(p.household_id)) member_here |= m.id == *p.member_id;
    if (!member_here) return invalid("member_id: not a member of this household");
  }
  if (!store_.organisation(p.provider_id)) return invalid("provider_id: unknown organisation");
  if (p.professional_id && !store_.professional(*p.professional_id))
    return invalid("professional_id: unknown professional");
  if (p.end && *p.end < p.start) return invalid("end_date: before start_date");
  if (p.price_code) {
    if (p.units_per_year_centi <= 0) return invalid("units_per_year: a positive number is needed with a price code");
    auto prices = store_.price_list();
    bool known = false;
    for (auto& i : prices.items()) known |= i.code == *p.price_code;
    if (!known) return invalid("price_code: not on the price list");
    p.annual_cost = 0;  // computed from the price list on each date
  } else if (p.annual_cost <= 0) {
    return invalid("annual_cost_cents: required (or a price_code with units_per_year)");
  }
  if (p.id.empty()) p.id = p.household_id + "-P" + random_token(4);
  auto st = store_.add_provision(p);
  if (!st) return st.error();
  return p;
}

}  // namespace regie::service
