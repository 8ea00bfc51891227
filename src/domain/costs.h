// How a provision's annual cost is arrived at (report §8.2): municipal
// indicated support at the declared cost, non-indicated and UWV support from
// the social price list, insured GGZ as an estimate. A provision priced from
// the list takes the price valid on the snapshot date, so a new price-list
// version changes later snapshots and leaves earlier ones as they were.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/funding.h"
#include "domain/provision.h"

namespace regie::domain {

enum class PriceUnit { intervention, hour, month, year };
std::string_view to_string(PriceUnit u);
std::optional<PriceUnit> parse_price_unit(std::string_view s);

struct PriceItem {
  std::string code;
  std::string name;
  PriceUnit unit = PriceUnit::intervention;
  Cents amount = 0;
  Date valid_from;
};

// All versions of all items; lookups pick the version valid on a date.
class PriceList {
 public:
  PriceList() = default;
  explicit PriceList(std::vector<PriceItem> items);
  // The version of `code` with the latest valid_from on or before `on`.
  const PriceItem* on(const std::string& code, Date on) const;
  const std::vector<PriceItem>& items() const { return items_; }

 private:
  std::vector<PriceItem> items_;  // sorted by code, then valid_from
};

// A provision's annual cost on a date and how it was arrived at, in words.
struct CostFigure {
  Cents annual = 0;
  CostBasis basis = CostBasis::declared;
  std::string explanation;  // e.g. "price list MW-01 (EUR 95.00 per intervention, from 2018-01-01) x 24 per year"
  bool missing_price = false;
  // A stored figure outside the maxima of domain/limits.h (data from before
  // they were enforced): counted as 0 so that one household's bad number
  // cannot break every total, and named in the explanation for correction.
  bool out_of_range = false;
};

CostFigure annual_cost_on(const Provision& p, Date on, const PriceList& prices);

// A provision's numbers against the maxima of domain/limits.h, as every entry
// path checks them: annual cost, hours per week, units per year, and for one
// priced from the list the annual cost on its start date. `prefix` goes before
// each field name ("start[0]." in a decision).
Status check_provision_numbers(const Provision& p, const PriceList& prices, std::string_view prefix = "");
// A price-list item's amount and identifiers.
Status check_price_item(const PriceItem& item);

// Snapshot per category using the price list for priced provisions. Each
// figure is bounded (an out-of-range one counts 0), so a snapshot of any
// realistic care map cannot overflow; should it, the sum saturates at the
// largest number rather than wrapping to a negative one.
std::map<Category, Cents> cost_snapshot(const std::vector<Provision>& provisions, Date on, const PriceList& prices);

// An amount over `days` days, scaled to 365 days (rounded half away from
// zero); 0 when nothing is covered or the sum is negative. Declared costs are
// annualised so, whichever layer computes them.
Cents annualise(Cents amount, std::int64_t days);

}  // namespace regie::domain
