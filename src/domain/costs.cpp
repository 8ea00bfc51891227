// Price-list lookups and the annual cost of a provision on a date.
#include "domain/costs.h"

#include <fmt/format.h>

#include <algorithm>
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
    // units per year are kept ×100; round the product half away from zero to cents.
    f.annual = div_round(item->amount * p.units_per_year_centi, 100);
    f.explanation = fmt::format("price list {} ({}: EUR {} per {}, from {}) x {} per year", item->code, item->name,
                                format_cents(item->amount), to_string(item->unit), format_date(item->valid_from),
                                format_fixed(p.units_per_year_centi, 2, true));
    return f;
  }
  f.annual = p.annual_cost;
  switch (p.basis) {
    case CostBasis::declared: f.explanation = "declared cost, annualised"; break;
    case CostBasis::price_list: f.explanation = "price-list amount as recorded"; break;
    case CostBasis::estimate: f.explanation = "estimate: average cost x intensity"; break;
  }
  return f;
}

std::map<Category, Cents> cost_snapshot(const std::vector<Provision>& provisions, Date on, const PriceList& prices) {
  std::map<Category, Cents> out;
  for (const auto& p : provisions)
    if (p.active_on(on)) out[p.category()] += annual_cost_on(p, on, prices).annual;
  return out;
}

}  // namespace regie::domain
