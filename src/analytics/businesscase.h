// The social business case of report §8: cost per household and category at
// T1 and T2, the difference, and the net result after the director's cost
// (tables 3, 4 and 5). All sums are exact in cents; rounding happens only when
// a figure is rendered.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "analytics/table.h"
#include "common/money.h"
#include "common/result.h"

namespace regie::analytics {

struct CostLine {
  std::string household_id;
  std::string moment;  // "T1" or "T2"
  std::string category;
  Cents amount = 0;
};

// How the director's cost per household was arrived at; the report shows which.
struct DirectorCost {
  enum class Mode { fixed, norm, registered };
  Mode mode = Mode::norm;
  Cents per_household = 0;                    // fixed and norm
  std::map<std::string, Cents> by_household;  // registered: from time entries
  std::int64_t hours_per_week_centi = 0;      // norm
  int weeks = 0;                              // norm
  Cents hourly_rate = 0;                      // norm and registered
  Cents for_household(const std::string& id) const;
  std::string mode_name() const;
  std::string explain() const;
};

// hours/week × weeks × rate; the report's assumptions are 2.5 h, 45 weeks, €70 (§8.1).
DirectorCost director_cost_from_hours(std::int64_t hours_per_week_centi, int weeks, Cents hourly_rate);
DirectorCost director_cost_fixed(Cents per_household);
DirectorCost director_cost_registered(std::map<std::string, Cents> by_household, Cents hourly_rate);

// Reads costs.csv (household_id,moment,category,annual_cost_eur). Lines with
// the same key add up. Every problem is reported with file, line and column;
// on any problem nothing is returned.
Result<std::vector<CostLine>> read_cost_lines(const std::string& path);

struct CostPair {
  Cents t1 = 0, t2 = 0;
  Cents difference() const { return t2 - t1; }
};

// The business case in exact cents, before any rounding.
struct BusinessCase {
  std::map<std::string, CostPair> households;   // table 3, by id
  CostPair total;
  std::map<std::string, CostPair> categories;   // table 4
  std::map<std::string, int> category_households;
  Cents director_total = 0;                      // table 5
  DirectorCost director;
  std::int64_t household_count() const { return static_cast<std::int64_t>(households.size()); }
  Cents net() const { return total.difference() + director_total; }
};

// invalid_input when a total would not fit in 64 bits: the inputs are bounded
// (domain/limits.h), so only a file of billions of lines gets there.
Result<BusinessCase> compute_business_case(const std::vector<CostLine>& lines, const DirectorCost& director);
// Tables 3, 4 and 5 in the command-line contract's one-table layout.
Table to_table(const BusinessCase& bc);
inline Table business_case(const std::vector<CostLine>& lines, const DirectorCost& director) {
  return to_table(compute_business_case(lines, director).value());
}

}  // namespace regie::analytics
