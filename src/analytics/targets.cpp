// Two passes over the export: the first finds the target households by cost
// (shared with the Pareto table), the second collects, for those households
// only, what the signals need. Memory stays proportional to the households
// plus the target group's allocations.
#include "analytics/targets.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "common/csv.h"
#include "common/pseudonym.h"
#include "domain/funding.h"

namespace regie::analytics {
namespace {

using domain::Domain;

struct Row {
  std::uint32_t client, provider;
  Domain domain;
  bool in_year, active;
};

}  // namespace

Result<Table> target_group(const std::string& households_csv, const std::string& allocations_csv,
                           const TargetOptions& o) {
  if (o.key.size() < 16) return invalid("a pseudonym key of at least 16 bytes is required");
  auto list = read_households(households_csv);
  if (!list) return list.error();
  AllocationFile rows(allocations_csv);
  return target_group(std::move(*list), rows, o);
}

Result<Table> target_group(HouseholdList households, AllocationSource& allocations, const TargetOptions& o) {
  if (o.key.size() < 16) return invalid("a pseudonym key of at least 16 bytes is required");
  const auto& domains = target_group_domains(o.domains);
  auto costs = year_costs(std::move(households), allocations, o.year, domains);
  if (!costs) return costs.error();
  const std::int64_t unit = costs->days_in_year;  // cent-days per cent of yearly cost
  const std::size_t n = costs->households.count();
  std::vector<std::int32_t> slot(n, -1);
  std::vector<std::uint32_t> targets;
  for (std::uint32_t h = 0; h < n; ++h)
    if (costs->provisions[h] > 0 && static_cast<__int128>(costs->cent_days[h]) >= static_cast<__int128>(o.threshold) * unit) {
      slot[h] = static_cast<std::int32_t>(targets.size());
      targets.push_back(h);
    }

  const Date y0 = make_date(o.year, 1, 1), y1 = make_date(o.year, 12, 31);
  const Date ref = o.reference.value_or(y1);
  Interner clients, providers;
  std::vector<std::vector<Row>> rows(targets.size());
  auto restart = [&] {
    for (auto& r : rows) r.clear();
  };
  auto st = for_each_row(allocations, restart, [&](const Allocation& a) {
    auto h = costs->households.find(a.household_id);
    if (h == Interner::kNone || slot[h] < 0) return;
    bool in_year = overlap_days(a.start, a.end, y0, y1) > 0;
    bool active = a.active_on(ref);
    if (!in_year && !active) return;
    rows[slot[h]].push_back({clients.id(a.client_id), providers.id(a.provider_id), a.domain, in_year, active});
  });
  if (!st) return st.error();

  struct Out {
    std::int64_t cent_days;
    std::string pseudonym;
    std::vector<std::string> cells;
  };
  std::vector<Out> out;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    const auto h = targets[i];
    std::set<std::uint32_t> year_providers;
    std::set<Domain> year_domains;
    int stacked = 0;
    std::set<std::uint32_t> active_providers;
    std::map<std::uint32_t, std::set<std::uint32_t>> clients_per_provider, ggz_per_client;
    for (auto& r : rows[i]) {
      if (r.in_year) {
        year_providers.insert(r.provider);
        year_domains.insert(r.domain);
      }
      if (!r.active) continue;
      active_providers.insert(r.provider);
      clients_per_provider[r.provider].insert(r.client);
      if (r.domain == Domain::zvw_ggz) ggz_per_client[r.client].insert(r.provider);
      if (r.domain == Domain::wmo || r.domain == Domain::jeugd || r.domain == Domain::participatie ||
          r.domain == Domain::schuldhulp)
        ++stacked;
    }
    std::vector<std::string> signals;
    if (stacked >= 3) signals.push_back("stacking");
    if (std::any_of(clients_per_provider.begin(), clients_per_provider.end(),
                    [](auto& kv) { return kv.second.size() >= 2; }))
      signals.push_back("one_provider_several_members");
    if (std::any_of(ggz_per_client.begin(), ggz_per_client.end(), [](auto& kv) { return kv.second.size() >= 2; }))
      signals.push_back("several_ggz_providers");
    if (static_cast<int>(active_providers.size()) >= o.many_providers) signals.push_back("many_providers");
    std::string signal_text;
    for (auto& s : signals) signal_text += (signal_text.empty() ? "" : ";") + s;
    Out row;
    row.cent_days = costs->cent_days[h];
    row.pseudonym = pseudonymise(costs->households.key(h), o.key);
    row.cells = {"", row.pseudonym, std::string(costs->neighbourhoods.key(costs->neighbourhood[h])),
                 fmt::format("{}", static_cast<std::int64_t>(div_round128(costs->cent_days[h], 100 * static_cast<__int128>(unit)))),
                 fmt::format("{}", costs->clients[h]), fmt::format("{}", costs->provisions[h]),
                 fmt::format("{}", year_providers.size()), fmt::format("{}", year_domains.size()), signal_text};
    out.push_back(std::move(row));
  }
  // Highest cost first; the pseudonym breaks ties so the order does not reveal the id order.
  std::sort(out.begin(), out.end(), [](const Out& a, const Out& b) {
    return a.cent_days != b.cent_days ? a.cent_days > b.cent_days : a.pseudonym < b.pseudonym;
  });
  Table t;
  t.columns = {"rank", "pseudonym", "neighbourhood", "yearly_cost_eur", "clients", "provisions", "providers",
               "domains", "signals"};
  t.numeric = {true, false, false, true, true, true, true, true, false};
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].cells[0] = fmt::format("{}", i + 1);
    t.rows.push_back(std::move(out[i].cells));
  }
  return t;
}

Result<Table> stacking_by_neighbourhood(const std::string& households_csv, const std::string& allocations_csv,
                                        const StackingOptions& options) {
  {
    // The per-neighbourhood count needs the column, which the household list does not.
    auto opened = CsvReader::open(households_csv);
    if (!opened) return opened.error();
    if (auto cols = (*opened)->require_columns({"household_id", "neighbourhood"}); !cols) return cols.error();
  }
  auto list = read_households(households_csv);
  if (!list) return list.error();
  AllocationFile rows(allocations_csv);
  return stacking_by_neighbourhood(*list, rows, options);
}

Result<Table> stacking_by_neighbourhood(const HouseholdList& households, AllocationSource& allocations,
                                        const StackingOptions& options) {
  PopulationRequest q;
  q.stacking = options;
  auto stacked = analyze(&households, allocations, q);
  if (!stacked) return stacked.error();
  std::set<std::string_view> stacked_ids;
  for (auto& r : stacked->stacking->rows) stacked_ids.insert(r[0]);
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> per;  // neighbourhood -> (households, stacked)
  std::pair<std::int64_t, std::int64_t> total;
  for (std::uint32_t h = 0; h < households.ids.count(); ++h) {
    auto& n = per[std::string(households.neighbourhoods.key(households.neighbourhood[h]))];
    bool is_stacked = stacked_ids.contains(households.ids.key(h));
    ++n.first;
    ++total.first;
    n.second += is_stacked;
    total.second += is_stacked;
  }
  Table t;
  t.columns = {"neighbourhood", "households", "stacked_households", "pct_stacked"};
  t.numeric = {false, true, true, true};
  auto row = [&](const std::string& name, std::pair<std::int64_t, std::int64_t> c) {
    t.rows.push_back({name, fmt::format("{}", c.first), fmt::format("{}", c.second),
                      fmt::format("{}", c.first ? div_round(100 * c.second, c.first) : 0)});
  };
  for (auto& [name, c] : per) row(name, c);
  row("TOTAL", total);
  return t;
}

Result<std::int64_t> count_target_households(const std::string& households_csv, const std::string& allocations_csv,
                                             const TargetOptions& o) {
  auto costs = year_costs(households_csv, allocations_csv, o.year, target_group_domains(o.domains));
  if (!costs) return costs.error();
  std::int64_t n = 0;
  for (std::size_t h = 0; h < costs->households.count(); ++h)
    n += costs->provisions[h] > 0 &&
         static_cast<__int128>(costs->cent_days[h]) >= static_cast<__int128>(o.threshold) * costs->days_in_year;
  return n;
}

Table savings_potential(std::int64_t target_households, Cents net_saving_per_household, const std::string& source) {
  Table t;
  t.columns = {"target_households", "net_saving_per_household_eur", "savings_potential_eur", "assumption"};
  t.numeric = {true, true, true, false};
  const Cents potential = target_households * net_saving_per_household;
  t.rows.push_back({fmt::format("{}", target_households), format_whole_euros(net_saving_per_household),
                    format_whole_euros(potential),
                    fmt::format("every target household achieves the net saving per household of {}; a net saving "
                                "is a negative figure (cost goes down)",
                                source)});
  return t;
}

}  // namespace regie::analytics
