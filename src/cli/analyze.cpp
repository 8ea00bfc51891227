// `regie analyze pareto|stacking|providers`: population analyses streamed
// straight from a municipality's allocation export.
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "analytics/population.h"
#include "analytics/targets.h"
#include "common/pseudonym.h"
#include "interop/xlsx.h"
#include "service/businesscase.h"
#include "service/population.h"
#include "cli/app.h"
#include "domain/funding.h"
#include "domain/account.h"

namespace regie::cli {
namespace {

Result<std::vector<domain::Domain>> domains_or_default(const std::string& list) {
  if (list.empty()) return std::vector<domain::Domain>{};
  auto d = analytics::parse_domain_list(list);
  if (!d) return invalid("--domains: " + d.error().message);
  return d;
}

Result<Date> date_option(const std::string& flag, const std::string& value) {
  auto d = parse_date(value);
  if (!d) return invalid(fmt::format("{}: not a date (yyyy-mm-dd): '{}'", flag, value));
  return *d;
}

}  // namespace

void add_analyze(CLI::App& app, Context& ctx) {
  auto* analyze = app.add_subcommand("analyze", "Population analyses: pareto (target group), stacking, providers");
  analyze->require_subcommand(1);

  struct Opts {
    std::string households, allocations, domains, format = "csv", output, date = "2019-12-31";
    std::string bins, threshold = "30000";
    std::string key_file, reference, net_saving, db, t1 = "2018-11-01", t2 = "2019-11-01", director_cost;
    int year = 2019;
    int min_allocations = 3;
  };
  auto o = std::make_shared<Opts>();
  auto emit = [&ctx, o](const Result<analytics::Table>& t) {
    if (!t) return void(ctx.exit_code = fail(t.error()));
    auto st = emit_table(o->format, o->output, *t, "analysis");
    if (!st) ctx.exit_code = fail(st.error());
  };

  auto* pareto = analyze->add_subcommand("pareto", "Households by yearly cost of municipal indicated provisions");
  pareto->add_option("--households", o->households, "households.csv")->required();
  pareto->add_option("--allocations", o->allocations, "allocations.csv")->required();
  pareto->add_option("--year", o->year, "Calendar year")->check(CLI::Range(1900, 9999))->capture_default_str();
  pareto->add_option("--domains", o->domains, "Domains that count (default jeugd,wmo,bijstand,bijzondere_bijstand)");
  pareto->add_option("--bins", o->bins, "Bin edges in euros (default 10000,20000,30000,40000,50000)");
  pareto->add_option("--threshold", o->threshold, "Target group from this yearly cost in euros")
      ->capture_default_str();
  add_output_options(*pareto, o->format, o->output);
  pareto->callback([&ctx, o, emit] {
    analytics::ParetoOptions p;
    p.year = o->year;
    auto d = domains_or_default(o->domains);
    if (!d) return void(ctx.exit_code = fail(d.error()));
    p.domains = *d;
    auto t = parse_euros(o->threshold);
    if (!t || *t < 0) return void(ctx.exit_code = fail(invalid("--threshold: expected an amount like 30000")));
    p.target_threshold = *t;
    std::stringstream bins(o->bins);
    for (std::string edge; std::getline(bins, edge, ',');) {
      auto e = parse_euros(edge);
      if (!e || *e <= 0) return void(ctx.exit_code = fail(invalid("--bins: '" + edge + "' is not a positive amount")));
      p.bin_edges.push_back(*e);
    }
    emit(analytics::pareto(o->households, o->allocations, p));
  });

  auto* targets = analyze->add_subcommand("targets", "The target group, ranked, under pseudonyms");
  targets->add_option("--households", o->households, "households.csv")->required();
  targets->add_option("--allocations", o->allocations, "allocations.csv")->required();
  targets->add_option("--year", o->year, "Calendar year")->check(CLI::Range(1900, 9999))->capture_default_str();
  targets->add_option("--threshold", o->threshold, "Yearly cost in euros from which a household is in the target group")
      ->capture_default_str();
  targets->add_option("--domains", o->domains, "Domains that count (default jeugd,wmo,bijstand,bijzondere_bijstand)");
  targets->add_option("--date", o->reference, "Date on which signals are read (default 31 December of the year)");
  targets->add_option("--key-file", o->key_file, "The municipality's secret pseudonym key (16+ bytes)")->required();
  add_output_options(*targets, o->format, o->output);
  targets->callback([&ctx, o, emit] {
    analytics::TargetOptions t;
    t.year = o->year;
    auto d = domains_or_default(o->domains);
    if (!d) return void(ctx.exit_code = fail(d.error()));
    t.domains = *d;
    auto threshold = parse_euros(o->threshold);
    if (!threshold || *threshold < 0) return void(ctx.exit_code = fail(invalid("--threshold: expected an amount")));
    t.threshold = *threshold;
    if (!o->reference.empty()) {
      auto ref = date_option("--date", o->reference);
      if (!ref) return void(ctx.exit_code = fail(ref.error()));
      t.reference = *ref;
    }
    auto key = read_key_file(o->key_file);
    if (!key) return void(ctx.exit_code = fail(key.error()));
    t.key = *key;
    emit(analytics::target_group(o->households, o->allocations, t));
  });

  auto* potential = analyze->add_subcommand("potential", "Savings potential: target-group size x net saving");
  potential->add_option("--households", o->households, "households.csv")->required();
  potential->add_option("--allocations", o->allocations, "allocations.csv")->required();
  potential->add_option("--year", o->year, "Calendar year")->check(CLI::Range(1900, 9999))->capture_default_str();
  potential->add_option("--threshold", o->threshold, "Target group from this yearly cost in euros")
      ->capture_default_str();
  auto* net = potential->add_option("--net-saving", o->net_saving, "Net saving per household in euros (e.g. -21930)");
  auto* pdb = potential->add_option("--db", o->db, "Take the net saving from the business case in this store");
  net->excludes(pdb);
  potential->add_option("--t1", o->t1, "With --db: T1 date")->capture_default_str();
  potential->add_option("--t2", o->t2, "With --db: T2 date")->capture_default_str();
  potential->add_option("--director-cost", o->director_cost, "With --db: fixed director cost per household");
  add_output_options(*potential, o->format, o->output);
  potential->callback([&ctx, o, emit] {
    analytics::TargetOptions t;
    t.year = o->year;
    auto threshold = parse_euros(o->threshold);
    if (!threshold || *threshold < 0) return void(ctx.exit_code = fail(invalid("--threshold: expected an amount")));
    t.threshold = *threshold;
    Cents per_household = 0;
    std::string source;
    if (!o->net_saving.empty()) {
      auto n = parse_euros(o->net_saving);
      if (!n) return void(ctx.exit_code = fail(invalid("--net-saving: expected an amount like -21930")));
      per_household = *n;
      source = "EUR " + o->net_saving + " (given with --net-saving)";
    } else if (!o->db.empty()) {
      auto s = open_store(o->db, false);
      if (!s) return void(ctx.exit_code = fail(s.error()));
      service::BusinessCaseQuery q;
      auto d1 = date_option("--t1", o->t1), d2 = date_option("--t2", o->t2);
      if (!d1) return void(ctx.exit_code = fail(d1.error()));
      if (!d2) return void(ctx.exit_code = fail(d2.error()));
      q.t1 = *d1;
      q.t2 = *d2;
      if (!o->director_cost.empty()) {
        auto c = parse_euros(o->director_cost);
        if (!c || *c < 0) return void(ctx.exit_code = fail(invalid("--director-cost: expected an amount")));
        q.director_cost_mode = "fixed";
        q.fixed_amount = *c;
      }
      SystemClock clock;
      service::BusinessCaseReports service(**s, clock);
      auto r = service.report(service::Principal{"regie-cli", "command line", domain::Role::administrator, ""}, q);
      if (!r) return void(ctx.exit_code = fail(r.error()));
      const auto& bc = r->business_case;
      if (bc.household_count() == 0) return void(ctx.exit_code = fail(invalid("--db: the store has no business case")));
      per_household = div_round(bc.net(), bc.household_count());
      source = fmt::format("the business case of {} households in {} between {} and {} ({})", bc.household_count(),
                           o->db, o->t1, o->t2, bc.director.explain());
    } else {
      return void(ctx.exit_code = fail(invalid("give --net-saving EUR, or --db with a business case")));
    }
    auto n = analytics::count_target_households(o->households, o->allocations, t);
    if (!n) return void(ctx.exit_code = fail(n.error()));
    emit(analytics::savings_potential(*n, per_household, source));
  });

  auto* stacking = analyze->add_subcommand("stacking", "Households with stacked provisions on a date");
  stacking->add_option("--allocations", o->allocations, "allocations.csv")->required();
  stacking->add_option("--date", o->date, "Reference date (yyyy-mm-dd)")->capture_default_str();
  stacking->add_option("--min", o->min_allocations, "Allocations that make stacking")->check(CLI::Range(1, 1000))
      ->capture_default_str();
  stacking->add_option("--domains", o->domains, "Domains that count (default wmo,jeugd,participatie,schuldhulp)");
  stacking->add_option("--by-neighbourhood", o->households,
                       "households.csv: count stacked households per neighbourhood instead of listing them");
  add_output_options(*stacking, o->format, o->output);
  stacking->callback([&ctx, o, emit] {
    analytics::StackingOptions s;
    auto date = date_option("--date", o->date);
    if (!date) return void(ctx.exit_code = fail(date.error()));
    auto d = domains_or_default(o->domains);
    if (!d) return void(ctx.exit_code = fail(d.error()));
    s.date = *date;
    s.domains = *d;
    s.min_allocations = o->min_allocations;
    if (!o->households.empty()) return emit(analytics::stacking_by_neighbourhood(o->households, o->allocations, s));
    emit(analytics::stacking_scan(o->allocations, s));
  });

  // The three together in one pass over the rows: what an analyst's overview
  // needs, at the cost of one reading of the export.
  auto* all = analyze->add_subcommand("all", "Pareto, stacking and providers in one pass over the export");
  auto* all_hh = all->add_option("--households", o->households, "households.csv");
  auto* all_al = all->add_option("--allocations", o->allocations, "allocations.csv");
  auto* all_db = all->add_option("--db", o->db, "Read the store instead of export files (stacking under pseudonyms)");
  all_db->excludes(all_hh)->excludes(all_al);
  all->add_option("--year", o->year, "Calendar year of the Pareto table")->check(CLI::Range(1900, 9999))
      ->capture_default_str();
  all->add_option("--date", o->date, "Reference date of stacking and providers (yyyy-mm-dd)")->capture_default_str();
  all->add_option("--threshold", o->threshold, "Target group from this yearly cost in euros")->capture_default_str();
  all->add_option("--out-dir", o->output,
                  "Folder for pareto.csv, stacking.csv and providers.csv (or .json; xlsx: one population.xlsx)")
      ->required();
  all->add_option("--format", o->format, "csv, json or xlsx")->check(CLI::IsMember({"csv", "json", "xlsx"}))
      ->capture_default_str();
  all->callback([&ctx, o] {
    analytics::PopulationRequest q;
    q.pareto.emplace();
    q.pareto->year = o->year;
    auto threshold = parse_euros(o->threshold);
    if (!threshold || *threshold < 0) return void(ctx.exit_code = fail(invalid("--threshold: expected an amount")));
    q.pareto->target_threshold = *threshold;
    auto date = date_option("--date", o->date);
    if (!date) return void(ctx.exit_code = fail(date.error()));
    q.stacking.emplace().date = *date;
    q.providers.emplace().date = *date;
    const auto t0 = std::chrono::steady_clock::now();
    auto t1 = t0;
    Result<analytics::PopulationTables> t = invalid("give --households and --allocations, or --db");
    if (!o->db.empty()) {
      auto s = open_store(o->db, false);
      if (!s) return void(ctx.exit_code = fail(s.error()));
      SystemClock clock;
      service::PopulationQuery pq;
      pq.year = q.pareto->year;
      pq.date = *date;
      pq.threshold = q.pareto->target_threshold;
      t = service::PopulationAnalyses(**s, clock)
              .overview(service::Principal{"regie-cli", "command line", domain::Role::administrator, ""}, pq);
    } else if (!o->households.empty() && !o->allocations.empty()) {
      auto list = analytics::read_households(o->households);
      if (!list) return void(ctx.exit_code = fail(list.error()));
      t1 = std::chrono::steady_clock::now();
      analytics::AllocationFile rows(o->allocations);
      t = analytics::analyze(&*list, rows, q);
    }
    const auto t2 = std::chrono::steady_clock::now();
    if (!t) return void(ctx.exit_code = fail(t.error()));
    std::error_code ec;
    std::filesystem::create_directories(o->output, ec);
    Status st = ok_status();
    if (o->format == "xlsx")
      st = emit_table("xlsx", o->output + "/population.xlsx", *t->pareto, "pareto", {},
                      {{"stacking", *t->stacking, {}}, {"providers", *t->providers, {}}});
    for (auto& [name, table] : {std::pair{"pareto", &*t->pareto}, std::pair{"stacking", &*t->stacking},
                                std::pair{"providers", &*t->providers}}) {
      if (o->format == "xlsx" || !st) break;
      st = emit_table(o->format, fmt::format("{}/{}.{}", o->output, name, o->format), *table, name);
    }
    if (!st) ctx.exit_code = fail(st.error());
    if (std::getenv("REGIE_PROFILE"))
      fmt::print(stderr, "analyze all: households {:.3f} s, analyses {:.3f} s, writing {:.3f} s\n",
                 std::chrono::duration<double>(t1 - t0).count(), std::chrono::duration<double>(t2 - t1).count(),
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - t2).count());
  });

  auto* providers = analyze->add_subcommand("providers", "Distinct providers per neighbourhood on a date");
  providers->add_option("--allocations", o->allocations, "allocations.csv")->required();
  providers->add_option("--date", o->date, "Reference date (yyyy-mm-dd)")->capture_default_str();
  providers->add_option("--domains", o->domains, "Domains that count (default jeugd,wmo)");
  add_output_options(*providers, o->format, o->output);
  providers->callback([&ctx, o, emit] {
    analytics::ProvidersOptions p;
    auto date = date_option("--date", o->date);
    if (!date) return void(ctx.exit_code = fail(date.error()));
    auto d = domains_or_default(o->domains);
    if (!d) return void(ctx.exit_code = fail(d.error()));
    p.date = *date;
    p.domains = *d;
    emit(analytics::providers_per_neighbourhood(o->allocations, p));
  });
}

}  // namespace regie::cli
