// Streaming population analyses. Costs inside a year are prorated exactly as
// cent-days (cents × overlap days); division by 100 × days-in-year happens only
// when a figure is rendered, and bin edges compare exact values.
#include "analytics/population.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <bit>
#include <functional>

#include "analytics/interner.h"
#include "common/csv.h"
#include "domain/limits.h"
#include "common/problems.h"
#include "domain/funding.h"

namespace regie::analytics {
namespace {

using domain::Domain;

bool contains(const std::vector<Domain>& v, Domain d) { return std::find(v.begin(), v.end(), d) != v.end(); }

std::string one_decimal(std::int64_t num, std::int64_t den) {
  if (den == 0) return "0.0";
  return format_fixed(div_round(num * 10, den), 1, false);
}
std::string whole(__int128 num, __int128 den) {
  if (den == 0) return "0";
  return fmt::format("{}", static_cast<std::int64_t>(div_round128(num, den)));
}

}  // namespace

Result<std::vector<Domain>> parse_domain_list(std::string_view list) {
  std::vector<Domain> out;
  while (!list.empty()) {
    auto comma = list.find(',');
    auto item = list.substr(0, comma);
    auto d = domain::parse_domain(item);
    if (!d || !domain::is_allocation_domain(*d)) return invalid(fmt::format("unknown domain '{}'", item));
    out.push_back(*d);
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
  }
  if (out.empty()) return invalid("the domain list is empty");
  return out;
}

Status for_each_allocation(const std::string& path, const std::function<void(const Allocation&)>& fn) {
  auto opened = CsvReader::open(path);
  if (!opened) return opened.error();
  auto& r = **opened;
  auto cols = r.require_columns({"allocation_id", "household_id", "client_id", "neighbourhood", "domain",
                                 "provider_id", "product_code", "start_date", "end_date", "yearly_cost_eur"});
  if (!cols) return cols.error();
  const auto& c = *cols;
  enum { kId, kHh, kClient, kNbh, kDomain, kProvider, kProduct, kStart, kEnd, kCost };
  ProblemList problems;
  while (r.next()) {
    Allocation a;
    a.allocation_id = r.field(c[kId]);
    a.household_id = r.field(c[kHh]);
    a.client_id = r.field(c[kClient]);
    a.neighbourhood = r.field(c[kNbh]);
    a.provider_id = r.field(c[kProvider]);
    a.product_code = r.field(c[kProduct]);
    bool ok = true;
    auto require = [&](int col, std::string_view v) {
      if (v.empty()) {
        problems.add(r.where(c[col]) + ": empty");
        ok = false;
      }
    };
    require(kId, a.allocation_id);
    require(kHh, a.household_id);
    require(kClient, a.client_id);
    // The care map's further domains are not in an allocation export (DATA-FORMATS.md).
    auto d = domain::parse_domain(r.field(c[kDomain]));
    if (!d || !domain::is_allocation_domain(*d)) {
      problems.add(r.where(c[kDomain]) + fmt::format(": unknown domain '{}'", r.field(c[kDomain])));
      ok = false;
    } else {
      a.domain = *d;
    }
    auto start = parse_date(r.field(c[kStart]));
    if (!start) {
      problems.add(r.where(c[kStart]) + fmt::format(": not a date (yyyy-mm-dd): '{}'", r.field(c[kStart])));
      ok = false;
    } else {
      a.start = *start;
    }
    a.end = kOpenEnd;
    if (!r.field(c[kEnd]).empty()) {
      auto end = parse_date(r.field(c[kEnd]));
      if (!end) {
        problems.add(r.where(c[kEnd]) + fmt::format(": not a date (yyyy-mm-dd): '{}'", r.field(c[kEnd])));
        ok = false;
      } else if (start && *end < *start) {
        problems.add(r.where(c[kEnd]) + ": ends before it starts");
        ok = false;
      } else {
        a.end = *end;
      }
    }
    auto cost = parse_euros(r.field(c[kCost]));
    if (!cost || *cost < 0) {
      problems.add(r.where(c[kCost]) +
                   fmt::format(": not a non-negative amount with at most 2 decimals: '{}'", r.field(c[kCost])));
      ok = false;
    } else if (*cost > domain::limits::kAnnualCost) {
      // Bounded so that the cent-days of a household (cost x days, summed) stay far from overflow.
      problems.add(r.where(c[kCost]) + fmt::format(": 0 to {} euros a year", domain::limits::kAnnualCost / 100));
      ok = false;
    } else {
      a.yearly_cost = *cost;
    }
    if (ok && problems.empty()) fn(a);
  }
  if (r.error()) problems.add(r.error()->message);
  if (!problems.empty()) return problems.error();
  return ok_status();
}

Result<YearCosts> year_costs(const std::string& households_csv, const std::string& allocations_csv, int year,
                             const std::vector<Domain>& domains) {
  YearCosts y;
  y.days_in_year = days_in_year(year);
  // The household list tells which households exist; an allocation of an
  // unknown household is an input error.
  {
    auto opened = CsvReader::open(households_csv);
    if (!opened) return opened.error();
    auto& r = **opened;
    auto cols = r.require_columns({"household_id"});
    if (!cols) return cols.error();
    const int c_nbh = r.column("neighbourhood");
    ProblemList problems;
    while (r.next()) {
      auto id = r.field((*cols)[0]);
      auto before = y.households.count();
      if (id.empty())
        problems.add(r.where((*cols)[0]) + ": empty household id");
      else if (y.households.id(id) != before)
        problems.add(r.where((*cols)[0]) + fmt::format(": household '{}' appears twice", id));
      else
        y.neighbourhood.push_back(y.neighbourhoods.id(r.field(c_nbh)));
    }
    if (r.error()) problems.add(r.error()->message);
    if (!problems.empty()) return problems.error();
  }
  const std::size_t n = y.households.count();
  y.cent_days.assign(n, 0);
  y.provisions.assign(n, 0);
  // Distinct clients: client ids are interned and each (household, client)
  // pair kept once in a row, then counted after sorting.
  Interner clients;
  std::vector<std::uint64_t> pairs;
  std::uint64_t last_pair = ~0ull;

  const Date y0 = make_date(year, 1, 1), y1 = make_date(year, 12, 31);
  std::string unknown;
  std::size_t unknown_count = 0;
  auto st = for_each_allocation(allocations_csv, [&](const Allocation& a) {
    if (!contains(domains, a.domain)) return;
    auto days = overlap_days(a.start, a.end, y0, y1);
    if (days == 0) return;
    auto h = y.households.find(a.household_id);
    if (h == Interner::kNone) {
      if (++unknown_count == 1) unknown = std::string(a.household_id);
      return;
    }
    y.cent_days[h] += a.yearly_cost * days;
    ++y.provisions[h];
    std::uint64_t pair = static_cast<std::uint64_t>(h) << 32 | clients.id(a.client_id);
    if (pair != last_pair) pairs.push_back(last_pair = pair);
  });
  if (!st) return st.error();
  if (unknown_count)
    return invalid(fmt::format("{}: {} allocation(s) belong to a household that is not in {} (first: '{}')",
                               allocations_csv, unknown_count, households_csv, unknown));
  y.clients.assign(n, 0);
  count_distinct(pairs, y.clients);
  return y;
}

const std::vector<Domain>& target_group_domains(const std::vector<Domain>& chosen) {
  static const std::vector<Domain> report = {Domain::jeugd, Domain::wmo, Domain::bijstand,
                                             Domain::bijzondere_bijstand};
  return chosen.empty() ? report : chosen;
}

Result<Table> pareto(const std::string& households_csv, const std::string& allocations_csv,
                     const ParetoOptions& o) {
  std::vector<Cents> edges = o.bin_edges.empty()
                                 ? std::vector<Cents>{1'000'000, 2'000'000, 3'000'000, 4'000'000, 5'000'000}
                                 : o.bin_edges;
  if (!std::is_sorted(edges.begin(), edges.end()) || std::adjacent_find(edges.begin(), edges.end()) != edges.end())
    return invalid("bin edges must be increasing");
  auto costs = year_costs(households_csv, allocations_csv, o.year, target_group_domains(o.domains));
  if (!costs) return costs.error();
  const auto& cent_days = costs->cent_days;
  const auto& provisions = costs->provisions;
  const auto& client_count = costs->clients;
  const std::size_t n = costs->households.count();
  const std::int64_t diy = costs->days_in_year;

  struct Bin {
    std::int64_t households = 0, clients = 0, provisions = 0;
    __int128 cent_days = 0;
    void add(const Bin& b) {
      households += b.households;
      clients += b.clients;
      provisions += b.provisions;
      cent_days += b.cent_days;
    }
  };
  std::vector<Bin> bins(edges.size() + 1);
  Bin total, target;
  const __int128 unit = static_cast<__int128>(diy);  // cent-days per cent of yearly cost
  for (std::size_t h = 0; h < n; ++h) {
    if (provisions[h] == 0) continue;
    Bin b{1, client_count[h], provisions[h], cent_days[h]};
    std::size_t i = 0;
    while (i < edges.size() && static_cast<__int128>(cent_days[h]) >= edges[i] * unit) ++i;
    bins[i].add(b);
    total.add(b);
    if (static_cast<__int128>(cent_days[h]) >= o.target_threshold * unit) target.add(b);
  }

  Table t;
  t.columns = {"bin", "households", "clients", "avg_clients", "avg_provisions", "pct_households", "pct_cost",
               "avg_cost_eur", "total_cost_eur"};
  t.numeric = {false, true, true, true, true, true, true, true, true};
  const __int128 to_euros = 100 * unit;
  auto row = [&](std::string label, const Bin& b) {
    t.rows.push_back({std::move(label), fmt::format("{}", b.households), fmt::format("{}", b.clients),
                      one_decimal(b.clients, b.households), one_decimal(b.provisions, b.households),
                      whole(100 * static_cast<__int128>(b.households), total.households),
                      whole(100 * b.cent_days, total.cent_days), whole(b.cent_days, to_euros * b.households),
                      whole(b.cent_days, to_euros)});
  };
  auto euros = [](Cents c) { return format_whole_euros(c); };
  for (std::size_t i = 0; i < bins.size(); ++i) {
    std::string label = i == 0 ? "<" + euros(edges[0])
                        : i == edges.size() ? ">=" + euros(edges.back())
                                            : euros(edges[i - 1]) + "-" + euros(edges[i]);
    row(label, bins[i]);
  }
  row("TOTAL", total);
  row("TARGET>=" + euros(o.target_threshold), target);
  return t;
}

Result<Table> stacking_scan(const std::string& allocations_csv, const StackingOptions& o) {
  const std::vector<Domain> domains =
      o.domains.empty() ? std::vector<Domain>{Domain::wmo, Domain::jeugd, Domain::participatie, Domain::schuldhulp}
                        : o.domains;
  Interner households, providers;
  std::vector<std::int32_t> allocations;
  std::vector<std::uint32_t> domain_mask;  // bit per domain
  std::vector<std::uint64_t> pairs;        // (household, provider), counted distinct at the end
  auto st = for_each_allocation(allocations_csv, [&](const Allocation& a) {
    if (!contains(domains, a.domain) || !a.active_on(o.date)) return;
    auto h = households.id(a.household_id);
    if (h == allocations.size()) {
      allocations.push_back(0);
      domain_mask.push_back(0);
    }
    ++allocations[h];
    domain_mask[h] |= 1u << static_cast<unsigned>(a.domain);
    pairs.push_back(static_cast<std::uint64_t>(h) << 32 | providers.id(a.provider_id));
  });
  if (!st) return st.error();
  std::vector<std::uint32_t> provider_count(households.count(), 0);
  count_distinct(pairs, provider_count);
  Table t;
  t.columns = {"household_id", "allocations", "providers", "domains"};
  t.numeric = {false, true, true, true};
  for (auto h : sorted_ids(households)) {
    if (allocations[h] < o.min_allocations) continue;
    t.rows.push_back({std::string(households.key(h)), fmt::format("{}", allocations[h]),
                      fmt::format("{}", provider_count[h]), fmt::format("{}", std::popcount(domain_mask[h]))});
  }
  return t;
}

Result<Table> providers_per_neighbourhood(const std::string& allocations_csv, const ProvidersOptions& o) {
  const std::vector<Domain> domains = o.domains.empty() ? std::vector<Domain>{Domain::jeugd, Domain::wmo} : o.domains;
  // A few dozen neighbourhoods and a few thousand providers: one "seen" flag
  // per (neighbourhood, provider) is small and needs no set.
  Interner neighbourhoods, providers;
  std::vector<std::vector<bool>> seen;
  auto st = for_each_allocation(allocations_csv, [&](const Allocation& a) {
    if (!contains(domains, a.domain) || !a.active_on(o.date)) return;
    auto nb = neighbourhoods.id(a.neighbourhood);
    auto p = providers.id(a.provider_id);
    if (nb == seen.size()) seen.emplace_back();
    if (p >= seen[nb].size()) seen[nb].resize(providers.count() * 2);
    seen[nb][p] = true;
  });
  if (!st) return st.error();
  Table t;
  t.columns = {"neighbourhood", "providers"};
  t.numeric = {false, true};
  for (auto nb : sorted_ids(neighbourhoods))
    t.rows.push_back({std::string(neighbourhoods.key(nb)), fmt::format("{}", std::count(seen[nb].begin(), seen[nb].end(), true))});
  // Every interned provider was seen active in one of these domains.
  t.rows.push_back({"TOTAL", fmt::format("{}", providers.count())});
  return t;
}

}  // namespace regie::analytics
