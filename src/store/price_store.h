// The social price list (every version of every item) and the virtual
// savings recorded per household. On Store::read / Store::write (one
// transaction per call).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/costs.h"
#include "domain/virtual_saving.h"
#include "store/store.h"

namespace regie::store {

class PriceStore {
 public:
  explicit PriceStore(Store& store) : store_(store) {}

  domain::PriceList price_list();
  // Adding a version with the same code and valid_from as an existing one is a conflict.
  Status add_price_item(const domain::PriceItem& item, const std::string& by);

  Result<std::int64_t> add_virtual_saving(const domain::VirtualSaving& v);
  std::vector<domain::VirtualSaving> virtual_savings(const std::string& household_id);

 private:
  Store& store_;
};

}  // namespace regie::store
