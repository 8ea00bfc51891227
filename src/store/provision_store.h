// The care map: provisions, their change history, and the acknowledged
// stacking signals. On Store::read / Store::write (one transaction per call).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/provision.h"
#include "store/store.h"

namespace regie::store {

class ProvisionStore {
 public:
  explicit ProvisionStore(Store& store) : store_(store) {}

  std::vector<domain::Provision> of_household(const std::string& household_id);
  std::optional<domain::Provision> find(const std::string& id);
  // One provision, checked against the foreign keys and constraints.
  // `change` (when given) is written to the history in the same transaction.
  Status add(const domain::Provision& p, const std::optional<domain::CareMapChange>& change = {});
  // Replaces a provision if it still has `p.version`; the stored version then
  // goes up by one. A stale version is a conflict whose message names the
  // current version; an unknown id is not_found.
  Result<int> update(const domain::Provision& p, const domain::CareMapChange& change);

  std::vector<domain::CareMapChange> changes(const std::string& household_id);
  // The same, taken together per day, provision, person and kind of change;
  // in the order of each group's latest change.
  std::vector<domain::CareMapChangeDay> change_days(const std::string& household_id);

  Status add_signal_ack(const domain::SignalAck& ack);
  std::vector<domain::SignalAck> signal_acks(const std::string& household_id);

 private:
  Store& store_;
};

}  // namespace regie::store
