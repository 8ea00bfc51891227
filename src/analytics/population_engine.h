// The one pass behind every population analysis: per-household sums and
// distinct counts over a source of allocation rows, kept per part (thread)
// while the rows stream in and merged once at the end. The tables are built
// from its result in population.cpp and targets.cpp.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "analytics/allocation_source.h"
#include "analytics/interner.h"

namespace regie::analytics {

using DomainSet = std::array<bool, 32>;
DomainSet domain_set(const std::vector<domain::Domain>& domains);

struct EngineRequest {
  // Year costs (Pareto, target group): rows in these domains overlapping [y0, y1].
  bool year = false;
  DomainSet year_domains{};
  Date y0, y1;
  // Stacking: rows in these domains active on the date, per household.
  bool stacking = false;
  DomainSet stacking_domains{};
  Date stacking_date;
  // Providers: rows in these domains active on the date, per neighbourhood.
  bool providers = false;
  DomainSet provider_domains{};
  Date provider_date;
};

struct EngineResult {
  // Year costs, per household of the list (its ids).
  std::vector<std::int64_t> cent_days;
  std::vector<std::int32_t> provisions;
  std::vector<std::uint32_t> clients;  // distinct
  std::size_t unknown = 0;             // year rows of households not in the list
  std::string first_unknown;
  // Stacking, per household: the list's ids first, then `extra` (households
  // only the rows know) as list size + their id.
  Interner extra;
  std::vector<std::int32_t> stacked;
  std::vector<std::uint32_t> stacked_domains;    // a bit per domain
  std::vector<std::uint32_t> stacked_providers;  // distinct
  // Providers: distinct providers per neighbourhood and in all.
  Interner neighbourhoods;
  std::vector<std::uint32_t> providers_per_neighbourhood;
  std::uint32_t providers_total = 0;
};

Result<EngineResult> run_engine(const HouseholdList* households, AllocationSource& rows, const EngineRequest& r);

}  // namespace regie::analytics
