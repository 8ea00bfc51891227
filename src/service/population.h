// The population analyses (Pareto, stacking scan, providers, target group)
// over the households in the store instead of an export file: the store is
// written out in the export format and the same streaming engine runs on it,
// so both paths give the same figures by construction.
//
// For analysts, team leads and administrators only; analysts see household
// ids as pseudonyms (the installation's keyed hash). Every run is audited.
#pragma once
#include <string>

#include "analytics/population.h"
#include "analytics/targets.h"
#include "common/clock.h"
#include "service/businesscase.h"
#include "service/auth.h"
#include "store/store.h"

namespace regie::service {

enum class PopulationAnalysis { pareto, stacking, providers, targets, stacking_by_neighbourhood };

struct PopulationQuery {
  PopulationAnalysis analysis = PopulationAnalysis::pareto;
  int year = 2019;
  Date date;                 // stacking, providers; targets: signal date
  Cents threshold = 3'000'000;
};

class PopulationAnalyses {
 public:
  PopulationAnalyses(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}
  Result<analytics::Table> run(const Principal& who, const PopulationQuery& q);
  // Target-group size (from the Pareto analysis of `q`) × the net saving per
  // household of the business case `bc` over the store, with the assumption stated.
  Result<analytics::Table> potential(const Principal& who, const PopulationQuery& q, const BusinessCaseQuery& bc);

  // Writes households.csv and allocations.csv (DATA-FORMATS.md) for every
  // household in the store into `folder`; priced provisions take the price
  // valid on `prices_on`. Household-wide provisions get the client id "<household>-household".
  Status export_population(const std::string& folder, Date prices_on);

 private:
  store::Store& store_;
  const Clock& clock_;
};

}  // namespace regie::service
