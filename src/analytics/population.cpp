// Streaming population analyses. Costs inside a year are prorated exactly as
// cent-days (cents × overlap days); division by 100 × days-in-year happens only
// when a figure is rendered, and bin edges compare exact values.
#include "analytics/population.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <bit>
#include <functional>
#include <optional>

#include "analytics/interner.h"
#include "analytics/population_engine.h"
#include "domain/funding.h"

namespace regie::analytics {
namespace {

using domain::Domain;

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

const std::vector<Domain>& target_group_domains(const std::vector<Domain>& chosen) {
  static const std::vector<Domain> report = {Domain::jeugd, Domain::wmo, Domain::bijstand,
                                             Domain::bijzondere_bijstand};
  return chosen.empty() ? report : chosen;
}

namespace {

std::vector<Domain> stacking_domains(const StackingOptions& o) {
  return o.domains.empty() ? std::vector<Domain>{Domain::wmo, Domain::jeugd, Domain::participatie, Domain::schuldhulp}
                           : o.domains;
}
std::vector<Domain> provider_domains(const ProvidersOptions& o) {
  return o.domains.empty() ? std::vector<Domain>{Domain::jeugd, Domain::wmo} : o.domains;
}
std::vector<Cents> bin_edges(const ParetoOptions& o) {
  return o.bin_edges.empty() ? std::vector<Cents>{1'000'000, 2'000'000, 3'000'000, 4'000'000, 5'000'000}
                             : o.bin_edges;
}

Status check_bin_edges(const ParetoOptions& o) {
  auto edges = bin_edges(o);
  if (!std::is_sorted(edges.begin(), edges.end()) || std::adjacent_find(edges.begin(), edges.end()) != edges.end())
    return invalid("bin edges must be increasing");
  return ok_status();
}

Status unknown_households(const EngineResult& e, const AllocationSource& rows, const HouseholdList& list) {
  if (e.unknown == 0) return ok_status();
  return invalid(fmt::format("{}: {} allocation(s) belong to a household that is not in {} (first: '{}')",
                             rows.name(), e.unknown, list.name, e.first_unknown));
}

Table pareto_table(const ParetoOptions& o, const EngineResult& e, std::int64_t diy) {
  const std::vector<Cents> edges = bin_edges(o);
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
  for (std::size_t h = 0; h < e.cent_days.size(); ++h) {
    if (e.provisions[h] == 0) continue;
    Bin b{1, e.clients[h], e.provisions[h], e.cent_days[h]};
    std::size_t i = 0;
    while (i < edges.size() && static_cast<__int128>(e.cent_days[h]) >= edges[i] * unit) ++i;
    bins[i].add(b);
    total.add(b);
    if (static_cast<__int128>(e.cent_days[h]) >= o.target_threshold * unit) target.add(b);
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

Table stacking_table(const StackingOptions& o, const EngineResult& e, const HouseholdList* list) {
  const std::size_t listed = list ? list->ids.count() : 0;
  auto key = [&](std::uint32_t h) { return h < listed ? list->ids.key(h) : e.extra.key(h - listed); };
  std::vector<std::uint32_t> stacked;
  for (std::uint32_t h = 0; h < e.stacked.size(); ++h)
    if (e.stacked[h] >= o.min_allocations) stacked.push_back(h);
  auto less = [&](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); };
  if (!std::is_sorted(stacked.begin(), stacked.end(), less)) std::sort(stacked.begin(), stacked.end(), less);
  Table t;
  t.columns = {"household_id", "allocations", "providers", "domains"};
  t.numeric = {false, true, true, true};
  t.rows.reserve(stacked.size());
  for (auto h : stacked)
    t.rows.push_back({std::string(key(h)), fmt::format("{}", e.stacked[h]), fmt::format("{}", e.stacked_providers[h]),
                      fmt::format("{}", std::popcount(e.stacked_domains[h]))});
  return t;
}

Table providers_table(const EngineResult& e) {
  Table t;
  t.columns = {"neighbourhood", "providers"};
  t.numeric = {false, true};
  for (auto nb : sorted_ids(e.neighbourhoods))
    t.rows.push_back({std::string(e.neighbourhoods.key(nb)), fmt::format("{}", e.providers_per_neighbourhood[nb])});
  t.rows.push_back({"TOTAL", fmt::format("{}", e.providers_total)});
  return t;
}

}  // namespace

Result<PopulationTables> analyze(const HouseholdList* households, AllocationSource& rows, const PopulationRequest& q) {
  EngineRequest r;
  int year = 0;
  if (q.pareto) {
    if (!households) return invalid("the Pareto analysis needs the household list");
    if (auto st = check_bin_edges(*q.pareto); !st) return st.error();
    year = q.pareto->year;
    r.year = true;
    r.year_domains = domain_set(target_group_domains(q.pareto->domains));
    r.y0 = make_date(year, 1, 1);
    r.y1 = make_date(year, 12, 31);
  }
  if (q.stacking) {
    r.stacking = true;
    r.stacking_domains = domain_set(stacking_domains(*q.stacking));
    r.stacking_date = q.stacking->date;
  }
  if (q.providers) {
    r.providers = true;
    r.provider_domains = domain_set(provider_domains(*q.providers));
    r.provider_date = q.providers->date;
  }
  auto e = run_engine(households, rows, r);
  if (!e) return e.error();
  PopulationTables out;
  if (q.pareto) {
    if (auto st = unknown_households(*e, rows, *households); !st) return st.error();
    out.pareto = pareto_table(*q.pareto, *e, days_in_year(year));
  }
  if (q.stacking) out.stacking = stacking_table(*q.stacking, *e, households);
  if (q.providers) out.providers = providers_table(*e);
  return out;
}

Result<YearCosts> year_costs(HouseholdList households, AllocationSource& rows, int year,
                             const std::vector<Domain>& domains) {
  EngineRequest r;
  r.year = true;
  r.year_domains = domain_set(domains);
  r.y0 = make_date(year, 1, 1);
  r.y1 = make_date(year, 12, 31);
  auto e = run_engine(&households, rows, r);
  if (!e) return e.error();
  if (auto st = unknown_households(*e, rows, households); !st) return st.error();
  YearCosts y;
  y.days_in_year = days_in_year(year);
  y.households = std::move(households.ids);
  y.neighbourhoods = std::move(households.neighbourhoods);
  y.neighbourhood = std::move(households.neighbourhood);
  y.cent_days = std::move(e->cent_days);
  y.provisions = std::move(e->provisions);
  y.clients = std::move(e->clients);
  return y;
}

Result<YearCosts> year_costs(const std::string& households_csv, const std::string& allocations_csv, int year,
                             const std::vector<Domain>& domains) {
  auto list = read_households(households_csv);
  if (!list) return list.error();
  AllocationFile rows(allocations_csv);
  return year_costs(std::move(*list), rows, year, domains);
}

Result<Table> pareto(const std::string& households_csv, const std::string& allocations_csv,
                     const ParetoOptions& o) {
  if (auto st = check_bin_edges(o); !st) return st.error();
  auto list = read_households(households_csv);
  if (!list) return list.error();
  AllocationFile rows(allocations_csv);
  auto t = analyze(&*list, rows, PopulationRequest{o, std::nullopt, std::nullopt});
  if (!t) return t.error();
  return std::move(*t->pareto);
}

Result<Table> stacking_scan(const std::string& allocations_csv, const StackingOptions& o) {
  AllocationFile rows(allocations_csv);
  auto t = analyze(nullptr, rows, PopulationRequest{std::nullopt, o, std::nullopt});
  if (!t) return t.error();
  return std::move(*t->stacking);
}

Result<Table> providers_per_neighbourhood(const std::string& allocations_csv, const ProvidersOptions& o) {
  AllocationFile rows(allocations_csv);
  auto t = analyze(nullptr, rows, PopulationRequest{std::nullopt, std::nullopt, o});
  if (!t) return t.error();
  return std::move(*t->providers);
}

}  // namespace regie::analytics
