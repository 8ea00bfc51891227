// Business-case arithmetic: per household (table 3), per category (table 4,
// averaged over the households that have the category) and the net result
// after the director's cost (table 5).
#include "analytics/businesscase.h"

#include <fmt/format.h>

#include <set>

#include "common/problems.h"
#include "common/csv.h"
#include "domain/limits.h"

namespace regie::analytics {
namespace {

std::string pct(Cents diff, Cents t1) {
  if (t1 <= 0) return "";
  return fmt::format("{}", static_cast<std::int64_t>(div_round128(static_cast<__int128>(diff) * 100, t1)));
}

std::string avg_euros(Cents total, std::int64_t n) {
  if (n == 0) return "0";
  return fmt::format("{}", div_round(total, 100 * n));
}

}  // namespace

Cents DirectorCost::for_household(const std::string& id) const {
  if (mode != Mode::registered) return per_household;
  auto it = by_household.find(id);
  return it == by_household.end() ? 0 : it->second;
}

std::string DirectorCost::mode_name() const {
  switch (mode) {
    case Mode::fixed: return "fixed";
    case Mode::norm: return "norm";
    case Mode::registered: return "registered";
  }
  return "";
}

std::string DirectorCost::explain() const {
  switch (mode) {
    case Mode::fixed:
      return fmt::format("director cost: EUR {} per household (configured amount)", format_cents(per_household));
    case Mode::norm:
      return fmt::format("director cost: EUR {} per household, computed as {} h/week x {} weeks x EUR {}/h",
                         format_cents(per_household), format_fixed(hours_per_week_centi, 2, true), weeks,
                         format_cents(hourly_rate));
    case Mode::registered: {
      Cents total = 0;
      for (auto& [id, c] : by_household) total += c;
      return fmt::format(
          "director cost: EUR {} in all, from registered client time (direct, indirect, travel) x EUR {}/h, "
          "annualised over the period; project time is not included",
          format_cents(total), format_cents(hourly_rate));
    }
  }
  return "";
}

DirectorCost director_cost_from_hours(std::int64_t hours_per_week_centi, int weeks, Cents hourly_rate) {
  DirectorCost d;
  d.mode = DirectorCost::Mode::norm;
  d.hours_per_week_centi = hours_per_week_centi;
  d.weeks = weeks;
  d.hourly_rate = hourly_rate;
  d.per_household = div_round(hours_per_week_centi * weeks * hourly_rate, 100);
  return d;
}

DirectorCost director_cost_fixed(Cents per_household) {
  DirectorCost d;
  d.mode = DirectorCost::Mode::fixed;
  d.per_household = per_household;
  return d;
}

DirectorCost director_cost_registered(std::map<std::string, Cents> by_household, Cents hourly_rate) {
  DirectorCost d;
  d.mode = DirectorCost::Mode::registered;
  d.by_household = std::move(by_household);
  d.hourly_rate = hourly_rate;
  return d;
}

Result<std::vector<CostLine>> read_cost_lines(const std::string& path) {
  auto opened = CsvReader::open(path);
  if (!opened) return opened.error();
  auto& r = **opened;
  auto cols = r.require_columns({"household_id", "moment", "category", "annual_cost_eur"});
  if (!cols) return cols.error();
  const int c_hh = (*cols)[0], c_moment = (*cols)[1], c_cat = (*cols)[2], c_cost = (*cols)[3];
  ProblemList problems;
  std::vector<CostLine> out;
  while (r.next()) {
    CostLine l;
    l.household_id = std::string(r.field(c_hh));
    l.moment = std::string(r.field(c_moment));
    l.category = std::string(r.field(c_cat));
    if (l.household_id.empty()) problems.add(r.where(c_hh) + ": empty household id");
    if (l.moment != "T1" && l.moment != "T2")
      problems.add(r.where(c_moment) + fmt::format(": moment must be T1 or T2, not '{}'", l.moment));
    if (l.category.empty()) problems.add(r.where(c_cat) + ": empty category");
    auto cost = parse_euros(r.field(c_cost));
    if (!cost)
      problems.add(r.where(c_cost) + fmt::format(": not an amount with at most 2 decimals: '{}'", r.field(c_cost)));
    else if (*cost < 0 || *cost > domain::limits::kAnnualCost)
      problems.add(r.where(c_cost) + fmt::format(": 0 to {} euros", domain::limits::kAnnualCost / 100));
    else
      l.amount = *cost;
    out.push_back(std::move(l));
  }
  if (r.error()) problems.add(r.error()->message);
  if (!problems.empty()) return problems.error();
  return out;
}

Result<BusinessCase> compute_business_case(const std::vector<CostLine>& lines, const DirectorCost& director) {
  BusinessCase bc;
  bc.director = director;
  bool overflow = false;
  auto add = [&](Cents& sum, Cents amount) {
    if (auto s = domain::limits::checked_add(sum, amount)) sum = *s;
    else overflow = true;
  };
  std::map<std::string, std::set<std::string>> category_households;
  for (auto& l : lines) {
    auto& h = bc.households[l.household_id];
    auto& c = bc.categories[l.category];
    add(l.moment == "T1" ? h.t1 : h.t2, l.amount);
    add(l.moment == "T1" ? c.t1 : c.t2, l.amount);
    category_households[l.category].insert(l.household_id);
  }
  for (auto& [id, p] : bc.households) {
    add(bc.total.t1, p.t1);
    add(bc.total.t2, p.t2);
    add(bc.director_total, director.for_household(id));
  }
  // The differences and the net result are taken later; they must fit too.
  if (overflow || !domain::limits::checked_add(bc.total.t2, -bc.total.t1) ||
      !domain::limits::checked_add(bc.total.difference(), bc.director_total))
    return invalid("the totals are too large to add up; check the cost figures against their maxima");
  for (auto& [cat, ids] : category_households) bc.category_households[cat] = static_cast<int>(ids.size());
  return bc;
}

Table to_table(const BusinessCase& bc) {
  Table t;
  t.columns = {"table", "key", "households", "t1_eur", "t2_eur", "difference_eur", "difference_pct",
               "avg_per_household_eur"};
  t.numeric = {true, false, true, true, true, true, true, true};
  auto row = [&](const char* table, const std::string& key, std::int64_t n, const CostPair& p) {
    Cents diff = p.difference();
    t.rows.push_back({table, key, fmt::format("{}", n), format_whole_euros(p.t1), format_whole_euros(p.t2),
                      format_whole_euros(diff), pct(diff, p.t1), avg_euros(diff, n)});
  };
  for (auto& [id, p] : bc.households) row("3", id, 1, p);
  const auto n = bc.household_count();
  row("3", "TOTAL", n, bc.total);
  for (auto& [cat, p] : bc.categories) row("4", cat, bc.category_households.at(cat), p);
  auto line5 = [&](const char* key, Cents amount) {
    t.rows.push_back({"5", key, fmt::format("{}", n), "", "", format_whole_euros(amount), "", avg_euros(amount, n)});
  };
  line5("support_cost_difference", bc.total.difference());
  line5("director_cost", bc.director_total);
  line5("net", bc.net());
  return t;
}

}  // namespace regie::analytics
