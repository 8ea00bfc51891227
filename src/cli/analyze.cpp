// `regie analyze pareto|stacking|providers`: population analyses streamed
// straight from a municipality's allocation export.
#include <fmt/format.h>

#include <sstream>

#include "analytics/population.h"
#include "cli/app.h"

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

  auto* stacking = analyze->add_subcommand("stacking", "Households with stacked provisions on a date");
  stacking->add_option("--allocations", o->allocations, "allocations.csv")->required();
  stacking->add_option("--date", o->date, "Reference date (yyyy-mm-dd)")->capture_default_str();
  stacking->add_option("--min", o->min_allocations, "Allocations that make stacking")->check(CLI::Range(1, 1000))
      ->capture_default_str();
  stacking->add_option("--domains", o->domains, "Domains that count (default wmo,jeugd,participatie,schuldhulp)");
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
    emit(analytics::stacking_scan(o->allocations, s));
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
