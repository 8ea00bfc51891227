// Price-list lookups and the annual cost of a provision on a date.
#include "domain/costs.h"

#include "domain/limits.h"

#include "common/money.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>

namespace regie::domain {

std::string_view to_string(PriceUnit u) {
  switch (u) {
    case PriceUnit::intervention: return "intervention";
    case PriceUnit::hour: return "hour";
    case PriceUnit::month: return "month";
    case PriceUnit::year: return "year";
  }
  return "";
}

std::optional<PriceUnit> parse_price_unit(std::string_view s) {
  for (auto u : {PriceUnit::intervention, PriceUnit::hour, PriceUnit::month, PriceUnit::year})
    if (to_string(u) == s) return u;
  return std::nullopt;
}

PriceList::PriceList(std::vector<PriceItem> items) : items_(std::move(items)) {
  std::sort(items_.begin(), items_.end(), [](const PriceItem& a, const PriceItem& b) {
    return a.code != b.code ? a.code < b.code : a.valid_from < b.valid_from;
  });
}

const PriceItem* PriceList::on(const std::string& code, Date on) const {
  const PriceItem* best = nullptr;
  auto it = std::lower_bound(items_.begin(), items_.end(), code,
                             [](const PriceItem& i, const std::string& c) { return i.code < c; });
  for (; it != items_.end() && it->code == code && it->valid_from <= on; ++it) best = &*it;
  return best;
}

namespace {

CostFigure out_of_range(CostFigure f, std::string what) {
  f.annual = 0;
  f.out_of_range = true;
  f.explanation = what + "; counted as 0 until the provision is corrected";
  return f;
}

}  // namespace

CostFigure annual_cost_on(const Provision& p, Date on, const PriceList& prices) {
  CostFigure f;
  f.basis = p.basis;
  if (p.price_code) {
    const PriceItem* item = prices.on(*p.price_code, on);
    if (!item) {
      f.missing_price = true;
      f.explanation = fmt::format("price list item {} has no price valid on {}", *p.price_code, format_date(on));
      return f;
    }
    if (item->amount < 0 || item->amount > limits::kPrice || p.units_per_year_centi < 0 ||
        p.units_per_year_centi > limits::kUnitsPerYearCenti)
      return out_of_range(f, fmt::format("price list {} or the units per year are beyond the maximum", item->code));
    // units per year are kept ×100; round the product half away from zero to cents.
    f.annual = div_round(item->amount * p.units_per_year_centi, 100);
    if (f.annual > limits::kAnnualCost)
      return out_of_range(f, fmt::format("price list {} x units per year is beyond the maximum of EUR {} a year",
                                         item->code, format_whole_euros(limits::kAnnualCost)));
    f.explanation = fmt::format("price list {} ({}: EUR {} per {}, from {}) x {} per year", item->code, item->name,
                                format_cents(item->amount), to_string(item->unit), format_date(item->valid_from),
                                format_fixed(p.units_per_year_centi, 2, true));
    return f;
  }
  if (p.annual_cost < 0 || p.annual_cost > limits::kAnnualCost)
    return out_of_range(f, fmt::format("stored annual cost is beyond the maximum of EUR {}",
                                       format_whole_euros(limits::kAnnualCost)));
  f.annual = p.annual_cost;
  switch (p.basis) {
    case CostBasis::declared: f.explanation = "declared cost, annualised"; break;
    case CostBasis::price_list: f.explanation = "price-list amount as recorded"; break;
    case CostBasis::estimate: f.explanation = "estimate: average cost x intensity"; break;
  }
  return f;
}

Status check_provision_numbers(const Provision& p, const PriceList& prices, std::string_view prefix) {
  auto field = [&](const char* name) { return fmt::format("{}{}", prefix, name); };
  if (auto st = limits::check_cents(field("annual_cost_cents"), p.annual_cost, limits::kAnnualCost); !st) return st;
  if (auto st = limits::check_centi(field("hours_per_week"), p.hours_per_week_centi, limits::kHoursPerWeekCenti); !st)
    return st;
  if (auto st = limits::check_centi(field("units_per_year"), p.units_per_year_centi, limits::kUnitsPerYearCenti); !st)
    return st;
  if (p.price_code)
    if (const PriceItem* item = prices.on(*p.price_code, p.start);
        item && static_cast<__int128>(item->amount) * p.units_per_year_centi > limits::kAnnualCost * 100)
      return invalid(fmt::format("{}: price x units is more than EUR {} a year", field("units_per_year"),
                                 format_whole_euros(limits::kAnnualCost)));
  return ok_status();
}

Status check_price_item(const PriceItem& item) {
  if (auto st = limits::check_id("code", item.code); !st) return st;
  return limits::check_cents("amount_cents", item.amount, limits::kPrice);
}

std::map<Category, Cents> cost_snapshot(const std::vector<Provision>& provisions, Date on, const PriceList& prices) {
  std::map<Category, Cents> out;
  for (const auto& p : provisions) {
    if (!p.active_on(on)) continue;
    auto& sum = out[p.category()];
    sum = limits::checked_add(sum, annual_cost_on(p, on, prices).annual).value_or(std::numeric_limits<Cents>::max());
  }
  return out;
}

Cents annualise(Cents amount, std::int64_t days) {
  if (days <= 0 || amount <= 0) return 0;
  return static_cast<Cents>(div_round128(static_cast<__int128>(amount) * 365, days));
}

}  // namespace regie::domain
