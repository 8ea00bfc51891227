// Organisations and the professionals working for them. On Store::read /
// Store::write (one transaction per call).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/organisation.h"
#include "store/store.h"

namespace regie::store {

class OrganisationStore {
 public:
  explicit OrganisationStore(Store& store) : store_(store) {}

  std::vector<domain::Organisation> list();
  std::optional<domain::Organisation> find(const std::string& id);
  std::vector<domain::Professional> professionals();
  std::optional<domain::Professional> professional(const std::string& id);
  Status add_professional(const domain::Professional& p);
  // A new organisation; a duplicate id is a conflict.
  Status add(const domain::Organisation& o);
  // The providers and professionals named on a household's provisions, one
  // statement each (the household view needs them all).
  std::vector<domain::Organisation> of_household(const std::string& household_id);
  std::vector<domain::Professional> professionals_of_household(const std::string& household_id);

 private:
  Store& store_;
};

}  // namespace regie::store
