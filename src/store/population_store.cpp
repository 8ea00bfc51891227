// Bulk reads: SOCI fills vectors of a few thousand rows per fetch, which on
// millions of provisions costs a fraction of reading them row by row.
#include "store/population_store.h"

#include <soci/soci.h>

namespace regie::store {
namespace {
constexpr std::size_t kBatch = 4096;
}  // namespace

void PopulationStore::households(const std::function<void(std::string_view, std::string_view)>& fn) {
  store_.read([&](soci::session& sql) {
    std::vector<std::string> ids(kBatch), neighbourhoods(kBatch);
    soci::statement st = (sql.prepare << "SELECT id, neighbourhood FROM household ORDER BY id", soci::into(ids),
                          soci::into(neighbourhoods));
    st.execute();
    while (st.fetch()) {
      for (std::size_t i = 0; i < ids.size(); ++i) fn(ids[i], neighbourhoods[i]);
      ids.resize(kBatch);
      neighbourhoods.resize(kBatch);
    }
  });
}

void PopulationStore::provisions(const std::function<void(const ProvisionColumns&)>& fn) {
  store_.read([&](soci::session& sql) {
    ProvisionColumns c;
    auto size = [&] {
      for (auto* v : {&c.id, &c.household_id, &c.member_id, &c.neighbourhood, &c.domain, &c.provider_id,
                      &c.start_date, &c.end_date, &c.price_code})
        v->resize(kBatch);
      c.annual_cost_cents.resize(kBatch);
      c.units_per_year_centi.resize(kBatch);
      c.member_set.resize(kBatch);
      c.end_set.resize(kBatch);
      c.price_set.resize(kBatch);
    };
    size();
    soci::statement st =
        (sql.prepare << "SELECT p.id, p.household_id, p.member_id, h.neighbourhood, p.domain, p.provider_id, "
                        "p.start_date, p.end_date, p.price_code, COALESCE(p.annual_cost_cents, 0), COALESCE(p.units_per_year_centi, 0) "
                        "FROM provision p JOIN household h ON h.id = p.household_id",
         soci::into(c.id), soci::into(c.household_id), soci::into(c.member_id, c.member_set),
         soci::into(c.neighbourhood), soci::into(c.domain), soci::into(c.provider_id), soci::into(c.start_date),
         soci::into(c.end_date, c.end_set), soci::into(c.price_code, c.price_set), soci::into(c.annual_cost_cents),
         soci::into(c.units_per_year_centi));
    st.execute();
    while (st.fetch()) {
      fn(c);
      size();
    }
  });
}

}  // namespace regie::store
