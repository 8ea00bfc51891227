// The director's contact log of a household (report appendix 2, steps 1, 2
// and 6), for those assigned to it: phone calls, home visits, talks with a
// professional and visits the family did not keep, each with its date,
// minutes and a short note. Recording one registers its time as well
// (domain/contact.h), so the director cost from registered time includes it.
// Every read and change is audited.
#pragma once
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "domain/contact.h"
#include "service/auth.h"
#include "store/store.h"

namespace regie::service {

// A contact with the names people read instead of ids and user names.
struct ContactView {
  domain::Contact contact;
  std::string professional_name;  // empty unless the contact names one
  std::string recorded_by_name;   // the director's display name
};

class Contacts {
 public:
  Contacts(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Newest first. Audited as "contact.read".
  Result<std::vector<ContactView>> list(const Principal& who, const std::string& household_id);
  // Checks the contact (domain::check_contact; not in the future; a known
  // professional), stores it with its time entries, audited as "contact.add".
  Result<ContactView> add(const Principal& who, domain::Contact c);

 private:
  ContactView view(domain::Contact c);
  store::Store& store_;
  const Clock& clock_;
};

}  // namespace regie::service
