// `regie businesscase`: tables 3-5 of the report from a costs file or from the
// care map in a store (snapshots on T1 and T2).
#include <fmt/format.h>

#include <iostream>

#include "analytics/businesscase.h"
#include "cli/app.h"
#include "interop/businesscase_sheets.h"
#include "domain/limits.h"
#include "service/businesscase.h"
#include "domain/account.h"

namespace regie::cli {

void add_businesscase(CLI::App& app, Context& ctx) {
  struct Opts {
    std::string costs, db, t1, t2, format = "csv", output, neighbourhood, director;
    std::vector<std::string> households;
    bool from_time = false, own_dates = false;
    std::string director_cost;
    std::string hours = "2.5", rate = "70";
    int weeks = 45;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("businesscase", "The social business case: cost at T1 and T2, savings, net result");
  auto* costs = cmd->add_option("--costs", o->costs, "costs.csv (household_id,moment,category,annual_cost_eur)");
  auto* db = add_db_option(*cmd, o->db, false);
  costs->excludes(db);
  auto* own = cmd->add_flag("--own-dates", o->own_dates,
                            "With --db: each family on its own T1 and T2, only families whose T1 and T2 are complete")
                  ->needs(db);
  cmd->add_option("--t1", o->t1, "With --db: the T1 date (yyyy-mm-dd)")->needs(db)->excludes(own);
  cmd->add_option("--t2", o->t2, "With --db: the T2 date (yyyy-mm-dd)")->needs(db)->excludes(own);
  cmd->add_option("--households", o->households, "With --db: only these household ids")->delimiter(',')->needs(db);
  cmd->add_option("--neighbourhood", o->neighbourhood, "With --db: only households in this neighbourhood")->needs(db);
  cmd->add_option("--director", o->director, "With --db: only the households of this director")->needs(db);
  auto* from_time = cmd->add_flag("--director-cost-from-time", o->from_time,
                                  "With --db: director cost from the registered time between T1 and T2")
                        ->needs(db);
  auto* fixed = cmd->add_option("--director-cost", o->director_cost, "Director cost per household in euros (fixed)");
  fixed->excludes(from_time);
  cmd->add_option("--director-hours", o->hours, "Director hours per household per week")
      ->excludes(fixed)->capture_default_str();
  cmd->add_option("--director-weeks", o->weeks, "Weeks per year")->excludes(fixed)->check(CLI::Range(1, 53))
      ->capture_default_str();
  cmd->add_option("--director-rate", o->rate, "Hourly rate in euros")->excludes(fixed)->capture_default_str();
  add_output_options(*cmd, o->format, o->output);
  cmd->callback([&ctx, o] {
    auto hours = parse_fixed(o->hours, 2);
    auto rate = parse_euros(o->rate);
    if (!hours || *hours < 0) return void(ctx.exit_code = fail(invalid("--director-hours: expected a number like 2.5")));
    if (!rate || *rate < 0) return void(ctx.exit_code = fail(invalid("--director-rate: expected an amount like 70")));
    analytics::DirectorCost director = analytics::director_cost_from_hours(*hours, o->weeks, *rate);
    Cents fixed = 0;
    if (!o->director_cost.empty()) {
      auto c = parse_euros(o->director_cost);
      if (!c || *c < 0) return void(ctx.exit_code = fail(invalid("--director-cost: expected an amount like 8000")));
      director = analytics::director_cost_fixed(fixed = *c);
    }
    if (auto st = domain::limits::check_director_cost(fixed, *rate, *hours); !st)
      return void(ctx.exit_code = fail(st.error()));
    analytics::BusinessCase bc;
    if (!o->costs.empty()) {
      auto read = analytics::read_cost_lines(o->costs);
      if (!read) return void(ctx.exit_code = fail(read.error()));
      auto computed = analytics::compute_business_case(*read, director);
      if (!computed) return void(ctx.exit_code = fail(computed.error()));
      bc = std::move(*computed);
    } else if (!o->db.empty()) {
      auto t1 = parse_date(o->t1), t2 = parse_date(o->t2);
      if (!o->own_dates && (!t1 || !t2))
        return void(ctx.exit_code = fail(invalid("--t1 and --t2: give both dates as yyyy-mm-dd, or --own-dates")));
      auto s = open_store(o->db, false);
      if (!s) return void(ctx.exit_code = fail(s.error()));
      service::BusinessCaseQuery q;
      q.own_dates = o->own_dates;
      if (!o->own_dates) {
        q.t1 = *t1;
        q.t2 = *t2;
      }
      q.household_ids = o->households;
      if (!o->neighbourhood.empty()) q.neighbourhood = o->neighbourhood;
      if (!o->director.empty()) q.director = o->director;
      q.director_cost_mode = o->from_time ? "registered" : director.mode_name();
      q.fixed_amount = director.per_household;
      q.norm_hours_per_week_centi = *hours;
      q.norm_weeks = o->weeks;
      q.hourly_rate = *rate;
      // The command line acts for the municipality's administrator, and is audited as such.
      SystemClock clock;
      service::BusinessCaseReports service(**s, clock);
      auto r = service.report(service::Principal{"regie-cli", "command line", domain::Role::administrator, ""}, q);
      if (!r) return void(ctx.exit_code = fail(r.error()));
      // Families left out on own dates, on standard error: the table keeps its contract.
      for (auto& e : r->excluded) std::cerr << fmt::format("left out: {} ({})\n", e.household, e.reason);
      bc = std::move(r->business_case);
      director = bc.director;
    } else {
      return void(ctx.exit_code = fail(invalid("give --costs FILE, or --db with --t1 and --t2 or --own-dates")));
    }
    auto table = analytics::to_table(bc);
    std::cerr << director.explain() << "\n";
    // The spreadsheet is for people: Dutch headers and the report's names
    // (interop/businesscase_sheets.h); CSV and JSON keep the contract's columns.
    if (o->format == "xlsx") {
      if (auto st = interop::write_xlsx(o->output, interop::business_case_sheets(bc)); !st) ctx.exit_code = fail(st.error());
      return;
    }
    auto st = emit_table(o->format, o->output, table, "businesscase", {}, {});
    if (!st) ctx.exit_code = fail(st.error());
  });
}

}  // namespace regie::cli
