// The population analyses (Pareto, stacking scan, providers, target group)
// over the households in the store instead of an export file: the store's
// provisions are streamed into the same engine as a file's rows, so both
// paths give the same figures by construction.
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
  // The Pareto table of `q.year`, the stacking scan (under pseudonyms) and the
  // providers per neighbourhood on `q.date`, in one pass over the store: the
  // analyst's overview.
  Result<analytics::PopulationTables> overview(const Principal& who, const PopulationQuery& q);
  // Target-group size (from the Pareto analysis of `q`) × the net saving per
  // household of the business case `bc` over the store, with the assumption stated.
  Result<analytics::Table> potential(const Principal& who, const PopulationQuery& q, const BusinessCaseQuery& bc);

 private:
  store::Store& store_;
  const Clock& clock_;
};

}  // namespace regie::service
