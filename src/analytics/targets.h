// The target-group list (report §8.5): households above the cost threshold,
// ranked by yearly cost, with what makes their support complex, under
// pseudonyms so that an analyst never sees who they are. And the savings
// potential: target-group size × a net saving per household.
#pragma once
#include <string>

#include "analytics/population.h"
#include "domain/funding.h"

namespace regie::analytics {

struct TargetOptions {
  int year = 2019;
  Cents threshold = 3'000'000;          // €30 000 a year
  std::vector<domain::Domain> domains;  // empty: the report's municipal indicated domains
  std::optional<Date> reference;        // signals are read on this date; default 31 December of the year
  std::string key;                      // the municipality's pseudonym key (16+ bytes)
  int many_providers = 10;              // signal threshold for distinct providers
};

// Columns rank,pseudonym,neighbourhood,yearly_cost_eur,clients,provisions,
// providers,domains,signals. `provisions` and `clients` count the target
// domains in the year (as the Pareto table); providers and domains count every
// allocation overlapping the year. Signals on the reference date:
// stacking (3+ in wmo, jeugd, participatie, schuldhulp), one_provider_several_members,
// several_ggz_providers (for one client), many_providers.
Result<Table> target_group(const std::string& households_csv, const std::string& allocations_csv,
                           const TargetOptions& options);
Result<Table> target_group(HouseholdList households, AllocationSource& allocations, const TargetOptions& options);

// Stacking per neighbourhood: columns neighbourhood,households,stacked_households,
// pct_stacked, with a TOTAL row. Households and their neighbourhood come from
// households.csv; stacked households from the stacking scan on `options.date`.
Result<Table> stacking_by_neighbourhood(const std::string& households_csv, const std::string& allocations_csv,
                                        const StackingOptions& options);
Result<Table> stacking_by_neighbourhood(const HouseholdList& households, AllocationSource& allocations,
                                        const StackingOptions& options);

// The number of households at or above the threshold (the TARGET row of the Pareto table).
Result<std::int64_t> count_target_households(const std::string& households_csv, const std::string& allocations_csv,
                                             const TargetOptions& options);

// One row: target households, the net saving per household used, the
// potential, and the assumption in words.
Table savings_potential(std::int64_t target_households, Cents net_saving_per_household, const std::string& source);

}  // namespace regie::analytics
