// The store as a source of rows for the population engine, with access, pseudonyms and audit.
#include "service/population.h"

#include "service/audit.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>


#include "common/csv.h"
#include "common/pseudonym.h"
#include "domain/costs.h"
#include "store/household_store.h"
#include "store/price_store.h"
#include "store/population_store.h"
#include "domain/limits.h"
#include "domain/account.h"

namespace regie::service {

using domain::Role;

namespace {

// The store as a source of allocation rows: the provisions of the domains an
// allocation export holds, priced on one date, handed on in the engine's own
// representation (no text in between).
class StoreRows : public analytics::AllocationSource {
 public:
  // `households` gives each row its household's neighbourhood.
  StoreRows(store::Store& s, Date prices_on, const analytics::HouseholdList& households)
      : store_(s), prices_on_(prices_on), households_(households) {}
  std::string name() const override { return "the store"; }

  Status scan(analytics::AllocationSink& sink) override {
    store::PopulationStore rows(store_);
    const int parts = rows.parts();
    sink.begin(parts);
    const auto prices = store::PriceStore(store_).price_list();
    struct Part {
      std::vector<analytics::Allocation> batch;
      std::vector<std::string> household_clients;  // "<household>-household" for household-wide provisions
      std::optional<Error> problem;
      std::uint32_t last = analytics::Interner::kNone;
    };
    std::vector<Part> state(static_cast<std::size_t>(parts));
    rows.provisions([&](int part, const store::ProvisionView* rows, std::size_t n) {
      Part& p = state[static_cast<std::size_t>(part)];
      if (p.problem) return;
      p.batch.clear();
      p.household_clients.assign(n, {});
      for (std::size_t i = 0; i < n; ++i) {
        const auto& c = rows[i];
        auto d = domain::parse_domain(c.domain);
        auto start = parse_date(c.start_date);
        auto end = c.has_end ? parse_date(c.end_date) : std::optional<Date>(kOpenEnd);
        // Provisions are mostly stored by household: the last one is often the one.
        if (p.last == analytics::Interner::kNone || households_.ids.key(p.last) != c.household_id)
          p.last = households_.ids.lookup(c.household_id);
        const auto h = p.last;
        if (!d || !start || !end) {
          p.problem =
              Error{ErrorCode::internal, fmt::format("provision {} has a domain or date the store should not hold", c.id)};
          return;
        }
        // A household added after the list was read: its provisions are newer than the figures.
        if (h == analytics::Interner::kNone) continue;
        // The analyses cover what an allocation export holds, not informal support, school or the GP.
        if (!domain::is_allocation_domain(*d)) continue;
        analytics::Allocation a;
        a.allocation_id = c.id;
        a.household_id = c.household_id;
        if (c.has_member) {
          a.client_id = c.member_id;
        } else {
          p.household_clients[i] = fmt::format("{}-household", c.household_id);
          a.client_id = p.household_clients[i];
        }
        a.neighbourhood = households_.neighbourhoods.key(households_.neighbourhood[h]);
        a.provider_id = c.provider_id;
        a.domain = *d;
        a.start = *start;
        a.end = *end;
        a.yearly_cost = yearly_cost(c, prices);
        p.batch.push_back(a);
      }
      if (!p.batch.empty()) sink.rows(part, p.batch.data(), p.batch.size());
    });
    for (auto& p : state)
      if (p.problem) return *p.problem;
    return ok_status();
  }

 private:
  // The provision's yearly cost on the price date, as the care map prices it
  // (domain/costs.h); only priced provisions need the price list.
  Cents yearly_cost(const store::ProvisionView& c, const domain::PriceList& prices) const {
    domain::Provision p;
    p.annual_cost = c.annual_cost_cents;
    if (c.has_price) {
      p.price_code = std::string(c.price_code);
      p.units_per_year_centi = c.units_per_year_centi;
    } else if (p.annual_cost >= 0 && p.annual_cost <= domain::limits::kAnnualCost) {
      return p.annual_cost;  // what annual_cost_on gives, without building its explanation
    }
    return domain::annual_cost_on(p, prices_on_, prices).annual;
  }

  store::Store& store_;
  Date prices_on_;
  const analytics::HouseholdList& households_;
};

// Everyone who runs the analyses sees the stacking scan under pseudonyms: it
// is an aggregate view, not a file.
void pseudonymise_households(store::Store& s, analytics::Table& stacking) {
  const auto key = installation_pseudonym_key(s);
  for (auto& row : stacking.rows) row[0] = pseudonymise(row[0], key);
  stacking.columns[0] = "pseudonym";
}

analytics::HouseholdList store_households(store::Store& s) {
  analytics::HouseholdList list;
  list.name = "the store's households";
  // Interned a batch at a time, with the slots asked for ahead, as the file's list is.
  std::string text;
  std::vector<std::pair<std::size_t, std::size_t>> at;  // id and neighbourhood ends in `text`
  auto flush = [&] {
    std::size_t b = 0;
    std::vector<std::pair<std::string_view, std::string_view>> rows;
    for (auto [id_end, nbh_end] : at) {
      rows.emplace_back(std::string_view(text).substr(b, id_end - b), std::string_view(text).substr(id_end, nbh_end - id_end));
      b = nbh_end;
    }
    constexpr std::size_t kAhead = 16;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (i + kAhead < rows.size()) list.ids.prefetch(rows[i + kAhead].first);
      list.add(rows[i].first, rows[i].second);
    }
    text.clear();
    at.clear();
  };
  store::PopulationStore rows(s);
  const auto n = rows.household_count();
  list.ids.reserve(n);
  list.neighbourhood.reserve(n);
  rows.households([&](std::string_view id, std::string_view nbh) {
    text.append(id);
    const auto id_end = text.size();
    text.append(nbh);
    at.emplace_back(id_end, text.size());
    if (at.size() == 4096) flush();
  });
  flush();
  return list;
}

}  // namespace

Result<analytics::PopulationTables> PopulationAnalyses::overview(const Principal& who, const PopulationQuery& q) {
  const bool allowed = who.role == Role::analyst || who.role == Role::team_lead || who.role == Role::administrator;
  record_access(store_, clock_, who, "population.overview", "*", allowed);
  if (!allowed) return forbidden("population analyses are for analysts, team leads and administrators");
  // Only the Pareto table uses cost, priced at the end of its year.
  const auto t0 = std::chrono::steady_clock::now();
  auto households = store_households(store_);
  if (std::getenv("REGIE_PROFILE"))
    fmt::print(stderr, "overview: household list {:.3f} s\n",
               std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  StoreRows rows(store_, make_date(q.year, 12, 31), households);
  analytics::PopulationRequest r;
  r.pareto.emplace();
  r.pareto->year = q.year;
  r.pareto->target_threshold = q.threshold;
  r.stacking.emplace().date = q.date;
  r.providers.emplace().date = q.date;
  auto t = analytics::analyze(&households, rows, r);
  if (!t) return t.error();
  const auto t1 = std::chrono::steady_clock::now();
  pseudonymise_households(store_, *t->stacking);
  if (std::getenv("REGIE_PROFILE"))
    fmt::print(stderr, "overview: pseudonyms {:.3f} s\n",
               std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count());
  return t;
}

Result<analytics::Table> PopulationAnalyses::run(const Principal& who, const PopulationQuery& q) {
  const bool allowed = who.role == Role::analyst || who.role == Role::team_lead || who.role == Role::administrator;
  const char* names[] = {"pareto", "stacking", "providers", "targets", "stacking_by_neighbourhood"};
  record_access(store_, clock_, who, std::string("population.") + names[static_cast<int>(q.analysis)], "*", allowed);
  if (!allowed) return forbidden("population analyses are for analysts, team leads and administrators");
  const bool yearly = q.analysis == PopulationAnalysis::pareto || q.analysis == PopulationAnalysis::targets;
  auto households = store_households(store_);
  StoreRows rows(store_, yearly ? make_date(q.year, 12, 31) : q.date, households);
  switch (q.analysis) {
    case PopulationAnalysis::pareto: {
      analytics::PopulationRequest r;
      r.pareto.emplace();
      r.pareto->year = q.year;
      r.pareto->target_threshold = q.threshold;
      auto t = analytics::analyze(&households, rows, r);
      if (!t) return t.error();
      return std::move(*t->pareto);
    }
    case PopulationAnalysis::providers: {
      analytics::PopulationRequest r;
      r.providers.emplace().date = q.date;
      auto t = analytics::analyze(nullptr, rows, r);
      if (!t) return t.error();
      return std::move(*t->providers);
    }
    case PopulationAnalysis::stacking: {
      analytics::PopulationRequest r;
      r.stacking.emplace().date = q.date;
      auto t = analytics::analyze(nullptr, rows, r);
      if (!t) return t.error();
      pseudonymise_households(store_, *t->stacking);
      return std::move(*t->stacking);
    }
    case PopulationAnalysis::stacking_by_neighbourhood: {
      analytics::StackingOptions o;
      o.date = q.date;
      return analytics::stacking_by_neighbourhood(households, rows, o);
    }
    case PopulationAnalysis::targets: {
      analytics::TargetOptions o;
      o.year = q.year;
      o.threshold = q.threshold;
      o.key = installation_pseudonym_key(store_);
      return analytics::target_group(households, rows, o);
    }
  }
  return Error{ErrorCode::internal, "unknown analysis"};
}

Result<analytics::Table> PopulationAnalyses::potential(const Principal& who, const PopulationQuery& q,
                                                     const BusinessCaseQuery& bcq) {
  PopulationQuery pq = q;
  pq.analysis = PopulationAnalysis::pareto;
  auto table = run(who, pq);
  if (!table) return table.error();
  BusinessCaseReports cases(store_, clock_);
  auto r = cases.report(who, bcq);
  if (!r) return r.error();
  const auto& bc = r->business_case;
  if (bc.household_count() == 0) return invalid("there is no business case for these dates");
  const std::int64_t targets = std::stoll(table->rows.back()[1]);  // the TARGET row
  const Cents per_household = div_round(bc.net(), bc.household_count());
  return analytics::savings_potential(
      targets, per_household,
      fmt::format("the business case of {} households between {} and {} ({})", bc.household_count(),
                  format_date(bcq.t1), format_date(bcq.t2), bc.director.explain()));
}

}  // namespace regie::service
