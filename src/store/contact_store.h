// The director's contact log: each contact and the time entries it stands
// for, written in one transaction. On Store::read / Store::write.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/contact.h"
#include "store/store.h"

namespace regie::store {

class ContactStore {
 public:
  explicit ContactStore(Store& store) : store_(store) {}

  // Stores the contact and registers its time (domain::time_entries_for), all
  // or nothing. An unknown household or professional is a conflict. Returns the id.
  Result<std::int64_t> add(const domain::Contact& c);
  // A household's contacts, newest first.
  std::vector<domain::Contact> of_household(const std::string& household_id);

 private:
  Store& store_;
};

}  // namespace regie::store
