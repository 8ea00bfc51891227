// Sums annual costs of the provisions active on a date, by category.
#include "domain/snapshot.h"

namespace regie::domain {

std::map<Category, Cents> cost_snapshot(const std::vector<Provision>& provisions, Date on) {
  std::map<Category, Cents> out;
  for (const auto& p : provisions)
    if (p.active_on(on)) out[p.category()] += p.annual_cost;
  return out;
}

}  // namespace regie::domain
