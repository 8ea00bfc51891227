// Consents on the store's connection and transactions.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/consent.h"
#include "store/store.h"

namespace regie::store {

class ConsentStore {
 public:
  explicit ConsentStore(Store& store) : store_(store) {}
  Result<std::int64_t> add(const domain::Consent& c);
  std::optional<domain::Consent> get(std::int64_t id);
  std::vector<domain::Consent> of_household(const std::string& household_id);
  // Sets the withdrawal date if the stored version is still `version`.
  Result<int> withdraw(std::int64_t id, int version, Date on);

 private:
  Store& store_;
};

}  // namespace regie::store
