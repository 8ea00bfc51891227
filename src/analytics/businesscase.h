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
  Cents per_household = 0;
  bool configured = false;  // true: a fixed amount; false: computed from hours × weeks × rate
  std::int64_t hours_per_week_centi = 0;
  int weeks = 0;
  Cents hourly_rate = 0;
  std::string explain() const;
};

// 2.5 h/week × 45 weeks × €70/h: the report's assumptions (§8.1).
DirectorCost director_cost_from_hours(std::int64_t hours_per_week_centi, int weeks, Cents hourly_rate);
DirectorCost director_cost_fixed(Cents per_household);

// Reads costs.csv (household_id,moment,category,annual_cost_eur). Lines with
// the same key add up. Every problem is reported with file, line and column;
// on any problem nothing is returned.
Result<std::vector<CostLine>> read_cost_lines(const std::string& path);

// Tables 3, 4 and 5 in the command-line contract's one-table layout.
Table business_case(const std::vector<CostLine>& lines, const DirectorCost& director);

}  // namespace regie::analytics
