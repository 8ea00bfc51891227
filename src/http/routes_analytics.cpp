// Population analyses over the store (table 6, stacking, providers, target
// group) and the savings potential; see docs/analytics.md.
#include "analytics/table.h"
#include "http/handler.h"
#include "http/queries.h"
#include "service/population.h"

namespace regie::http {

void add_analytics_routes(Api& api) {
  auto population = std::make_shared<service::PopulationAnalyses>(api.store, api.clock);
  Routes routes(api);
  const std::pair<const char*, service::PopulationAnalysis> kinds[] = {
      {"pareto", service::PopulationAnalysis::pareto},
      {"stacking", service::PopulationAnalysis::stacking},
      {"providers", service::PopulationAnalysis::providers},
      {"targets", service::PopulationAnalysis::targets},
      {"stacking-by-neighbourhood", service::PopulationAnalysis::stacking_by_neighbourhood}};
  for (auto [name, kind] : kinds) {
    routes.get(std::string("/api/v1/analytics/") + name, [population, kind = kind](const Call& c) -> Answer {
      auto q = population_query(c.req);
      if (!q) return q.error();
      q->analysis = kind;
      auto t = population->run(c.who, *q);
      if (!t) return t.error();
      c.res.set_content(analytics::to_json(*t), "application/json; charset=utf-8");
      return written();
    });
  }
  routes.get("/api/v1/analytics/potential", [population](const Call& c) -> Answer {
    auto q = population_query(c.req);
    if (!q) return q.error();
    auto bc = business_case_query(c.req);
    if (!bc) return bc.error();
    auto t = population->potential(c.who, *q, *bc);
    if (!t) return t.error();
    c.res.set_content(analytics::to_json(*t), "application/json; charset=utf-8");
    return written();
  }, service::Permission::population_potential);
}

}  // namespace regie::http
