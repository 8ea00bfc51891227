// Access, checks and audit of the contact log; see contacts.h.
#include "service/contacts.h"

#include "service/access.h"
#include "store/account_store.h"
#include "store/contact_store.h"
#include "store/organisation_store.h"

namespace regie::service {

ContactView Contacts::view(domain::Contact c) {
  ContactView v;
  if (c.professional_id)
    if (auto p = store::OrganisationStore(store_).professional(*c.professional_id)) v.professional_name = p->name;
  auto a = store::AccountStore(store_).find(c.recorded_by);
  v.recorded_by_name = a ? a->display_name : "";
  v.contact = std::move(c);
  return v;
}

Result<std::vector<ContactView>> Contacts::list(const Principal& who, const std::string& household_id) {
  if (auto st = require_assigned(store_, clock_, who, household_id, "contact.read"); !st) return st.error();
  std::vector<ContactView> out;
  for (auto& c : store::ContactStore(store_).of_household(household_id)) out.push_back(view(std::move(c)));
  return out;
}

Result<ContactView> Contacts::add(const Principal& who, domain::Contact c) {
  if (auto st = require_assigned(store_, clock_, who, c.household_id, "contact.add"); !st) return st.error();
  if (auto st = domain::check_contact(c); !st) return st.error();
  if (c.on > clock_.today()) return invalid("date: a contact cannot lie in the future");
  if (c.professional_id && !store::OrganisationStore(store_).professional(*c.professional_id))
    return invalid("professional_id: unknown professional");
  c.recorded_by = who.username;
  c.recorded_at = clock_.now_iso8601();
  auto id = store::ContactStore(store_).add(c);
  if (!id) return id.error();
  c.id = *id;
  return view(std::move(c));
}

}  // namespace regie::service
