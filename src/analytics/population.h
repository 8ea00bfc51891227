// Population analyses over a municipality's allocation export (DATA-FORMATS.md):
// the target group by yearly cost (report §8.5, table 6), the stacking scan and
// providers per neighbourhood. They stream the CSV once, in constant memory per
// household, without loading it into the store.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/interner.h"
#include "analytics/table.h"
#include "common/date.h"
#include "common/money.h"
#include "common/result.h"
#include "domain/funding.h"

namespace regie::analytics {

// One validated line of allocations.csv. Views are valid during the callback only.
struct Allocation {
  std::string_view allocation_id, household_id, client_id, neighbourhood, provider_id, product_code;
  domain::Domain domain;
  Date start;
  Date end;  // kOpenEnd when open-ended
  Cents yearly_cost = 0;
  bool active_on(Date d) const { return start <= d && d <= end; }
};

// Streams allocations.csv, validating every line. On any problem the callback
// results must be discarded: the returned error names file, line and column.
Status for_each_allocation(const std::string& path, const std::function<void(const Allocation&)>& fn);

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

// Parses a comma-separated list of domain codes ("jeugd,wmo").
Result<std::vector<domain::Domain>> parse_domain_list(std::string_view list);

}  // namespace regie::analytics
