// The store's households and provisions as the population analyses read
// them: one query each, streamed in batches without an object per row, so
// that a whole municipality is read in seconds and in bounded memory.
#pragma once
#include <functional>
#include <string>
#include <string_view>

#include "store/store.h"

namespace sqlite_api {
struct sqlite3;
}

namespace regie::store {

// A provision as the analyses need it.
// Views are valid during the call that hands the batch on.
struct ProvisionView {
  std::string_view id, household_id, member_id, domain, provider_id, start_date, end_date, price_code;
  long long annual_cost_cents = 0, units_per_year_centi = 0;
  bool has_member = false, has_end = false, has_price = false;
};

class PopulationStore {
 public:
  explicit PopulationStore(Store& s) : store_(s) {}
  std::size_t household_count();
  // Every household with its neighbourhood, in the order the database finds fastest.
  void households(const std::function<void(std::string_view id, std::string_view neighbourhood)>& fn);
  // How many parts provisions() hands rows on in: SQLite is read on two
  // connections at once, PostgreSQL through one cursor.
  int parts();
  // Every provision, in batches, in the order the database finds fastest;
  // `fn` is called from one thread per part at once, with the part's number.
  void provisions(const std::function<void(int part, const ProvisionView* rows, std::size_t n)>& fn);

 private:
  // Runs `read` on each part of the table's rowids at once, on connections of
  // its own (SQLite only), and passes the first error on as the store's.
  using RangeReader = std::function<void(int part, sqlite_api::sqlite3* db, long long from, long long to)>;
  void in_rowid_ranges(const char* table, const RangeReader& read);
  Store& store_;
};

}  // namespace regie::store
