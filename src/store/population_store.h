// The store's households and provisions as the population analyses read
// them: each one query streamed in batches of typed columns, so that a whole
// municipality is read without a text export or an object per row.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <soci/soci-backend.h>

#include "store/store.h"

namespace regie::store {

// One batch of provisions, column by column; row i is the i-th entry of each.
struct ProvisionColumns {
  std::vector<std::string> id, household_id, member_id, neighbourhood, domain, provider_id, start_date, end_date,
      price_code;
  std::vector<long long> annual_cost_cents, units_per_year_centi;
  std::vector<soci::indicator> member_set, end_set, price_set;  // i_null where the column is NULL
  std::size_t size() const { return id.size(); }
};

class PopulationStore {
 public:
  explicit PopulationStore(Store& s) : store_(s) {}
  // Every household, by id, with its neighbourhood.
  void households(const std::function<void(std::string_view id, std::string_view neighbourhood)>& fn);
  // Every provision with its household's neighbourhood, in the order the database finds fastest.
  void provisions(const std::function<void(const ProvisionColumns&)>& fn);

 private:
  Store& store_;
};

}  // namespace regie::store
