// Store → export files → streaming engine, with access, pseudonyms and audit.
#include "service/population.h"

#include "service/audit.h"

#include <fmt/format.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "common/csv.h"
#include "common/pseudonym.h"
#include "domain/costs.h"
#include "store/household_store.h"
#include "store/price_store.h"
#include "store/provision_store.h"
#include "domain/account.h"

namespace regie::service {

using domain::Role;

namespace {

// A temporary folder removed with its files when the analysis is done.
struct ScratchFolder {
  std::string path;
  ScratchFolder() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "regie-population-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("cannot create a temporary folder");
    path = tmpl;
  }
  ~ScratchFolder() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

}  // namespace

Status PopulationAnalyses::export_population(const std::string& folder, Date prices_on) {
  std::ofstream hh(folder + "/households.csv", std::ios::binary), al(folder + "/allocations.csv", std::ios::binary);
  hh << "household_id,neighbourhood,members\n";
  al << "allocation_id,household_id,client_id,neighbourhood,domain,provider_id,product_code,start_date,end_date,"
        "hours_per_week,yearly_cost_eur\n";
  const auto prices = store::PriceStore(store_).price_list();
  for (auto& s : store::HouseholdStore(store_).list(std::nullopt, prices_on)) {
    const auto& h = s.household;
    hh << csv_escape(h.id) << ',' << csv_escape(h.neighbourhood) << ',' << s.member_count << '\n';
    for (auto& p : store::ProvisionStore(store_).of_household(h.id)) {
      // The analyses cover what an allocation export holds, not informal support, school or the GP.
      if (!domain::is_allocation_domain(p.domain)) continue;
      auto cost = domain::annual_cost_on(p, prices_on, prices);
      al << csv_escape(p.id) << ',' << csv_escape(h.id) << ','
         << csv_escape(p.member_id.value_or(h.id + "-household")) << ',' << csv_escape(h.neighbourhood) << ','
         << domain::to_string(p.domain) << ',' << csv_escape(p.provider_id) << ",," << format_date(p.start) << ','
         << (p.end ? format_date(*p.end) : "") << ',' << format_fixed(p.hours_per_week_centi, 2, true) << ','
         << format_cents(cost.annual) << '\n';
    }
  }
  hh.flush();
  al.flush();
  if (!hh || !al) return Error{ErrorCode::internal, "could not write the population files (disk full?)"};
  return ok_status();
}

Result<analytics::Table> PopulationAnalyses::run(const Principal& who, const PopulationQuery& q) {
  const bool allowed = who.role == Role::analyst || who.role == Role::team_lead || who.role == Role::administrator;
  const char* names[] = {"pareto", "stacking", "providers", "targets", "stacking_by_neighbourhood"};
  record_access(store_, clock_, who, std::string("population.") + names[static_cast<int>(q.analysis)], "*", allowed);
  if (!allowed) return forbidden("population analyses are for analysts, team leads and administrators");
  ScratchFolder scratch;
  const bool yearly = q.analysis == PopulationAnalysis::pareto || q.analysis == PopulationAnalysis::targets;
  const Date prices_on = yearly ? make_date(q.year, 12, 31) : q.date;
  if (auto st = export_population(scratch.path, prices_on); !st) return st.error();
  const std::string households = scratch.path + "/households.csv", allocations = scratch.path + "/allocations.csv";
  switch (q.analysis) {
    case PopulationAnalysis::pareto: {
      analytics::ParetoOptions o;
      o.year = q.year;
      o.target_threshold = q.threshold;
      return analytics::pareto(households, allocations, o);
    }
    case PopulationAnalysis::providers: {
      analytics::ProvidersOptions o;
      o.date = q.date;
      return analytics::providers_per_neighbourhood(allocations, o);
    }
    case PopulationAnalysis::stacking: {
      analytics::StackingOptions o;
      o.date = q.date;
      auto t = analytics::stacking_scan(allocations, o);
      if (!t) return t;
      // Everyone here sees pseudonyms: the scan is an aggregate view, not a file.
      const auto key = installation_pseudonym_key(store_);
      for (auto& row : t->rows) row[0] = pseudonymise(row[0], key);
      t->columns[0] = "pseudonym";
      return t;
    }
    case PopulationAnalysis::stacking_by_neighbourhood: {
      analytics::StackingOptions o;
      o.date = q.date;
      return analytics::stacking_by_neighbourhood(households, allocations, o);
    }
    case PopulationAnalysis::targets: {
      analytics::TargetOptions o;
      o.year = q.year;
      o.threshold = q.threshold;
      o.key = installation_pseudonym_key(store_);
      return analytics::target_group(households, allocations, o);
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
