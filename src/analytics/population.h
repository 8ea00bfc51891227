// Population analyses over a source of allocation rows (an export file as in
// DATA-FORMATS.md, or the store): the target group by yearly cost (report
// §8.5, table 6), the stacking scan and providers per neighbourhood. One pass
// over the rows answers any of them, or all three together; memory grows
// with the number of households, not of rows.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/allocation_source.h"
#include "analytics/interner.h"
#include "analytics/table.h"
#include "common/date.h"
#include "common/money.h"
#include "common/result.h"
#include "domain/funding.h"

namespace regie::analytics {

struct ParetoOptions {
  int year = 2019;
  std::vector<domain::Domain> domains;  // empty: the report's municipal indicated domains
  std::vector<Cents> bin_edges;         // empty: 10 000, 20 000, ..., 50 000 euros
  Cents target_threshold = 3'000'000;   // €30 000
};
Result<Table> pareto(const std::string& households_csv, const std::string& allocations_csv,
                     const ParetoOptions& options);

// Per household: the cost of the given domains prorated to `year` (as
// cent-days), the provisions overlapping the year and the distinct clients with
// one. Households come from households.csv (with their neighbourhood, when the
// column is there); an allocation of an unknown household is an input error.
struct YearCosts {
  Interner households;
  Interner neighbourhoods;
  std::vector<std::uint32_t> neighbourhood;  // per household
  std::vector<std::int64_t> cent_days;
  std::vector<std::int32_t> provisions;
  std::vector<std::uint32_t> clients;
  std::int64_t days_in_year = 365;
};
Result<YearCosts> year_costs(const std::string& households_csv, const std::string& allocations_csv, int year,
                             const std::vector<domain::Domain>& domains);
// The report's municipal indicated provisions when `chosen` is empty.
const std::vector<domain::Domain>& target_group_domains(const std::vector<domain::Domain>& chosen);

struct StackingOptions {
  Date date;
  int min_allocations = 3;
  std::vector<domain::Domain> domains;  // empty: wmo, jeugd, participatie, schuldhulp
};
Result<Table> stacking_scan(const std::string& allocations_csv, const StackingOptions& options);

struct ProvidersOptions {
  Date date;
  std::vector<domain::Domain> domains;  // empty: jeugd, wmo
};
Result<Table> providers_per_neighbourhood(const std::string& allocations_csv, const ProvidersOptions& options);

// Any of the three analyses in one pass over `rows`. Pareto needs the
// household list; an allocation in its domains and year of a household not in
// the list is an input error.
struct PopulationRequest {
  std::optional<ParetoOptions> pareto;
  std::optional<StackingOptions> stacking;
  std::optional<ProvidersOptions> providers;
};
struct PopulationTables {
  std::optional<Table> pareto, stacking, providers;
};
Result<PopulationTables> analyze(const HouseholdList* households, AllocationSource& rows, const PopulationRequest& r);
Result<YearCosts> year_costs(HouseholdList households, AllocationSource& rows, int year,
                             const std::vector<domain::Domain>& domains);

// Parses a comma-separated list of domain codes ("jeugd,wmo").
Result<std::vector<domain::Domain>> parse_domain_list(std::string_view list);

}  // namespace regie::analytics
