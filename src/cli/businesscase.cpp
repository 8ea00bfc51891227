// `regie businesscase`: tables 3-5 of the report from a costs file or from the
// care map in a store (snapshots on T1 and T2).
#include <fmt/format.h>

#include <iostream>

#include "analytics/businesscase.h"
#include "cli/app.h"
#include "service/costs.h"

namespace regie::cli {

void add_businesscase(CLI::App& app, Context& ctx) {
  struct Opts {
    std::string costs, db, t1, t2, format = "csv", output;
    std::string director_cost;
    std::string hours = "2.5", rate = "70";
    int weeks = 45;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("businesscase", "The social business case: cost at T1 and T2, savings, net result");
  auto* costs = cmd->add_option("--costs", o->costs, "costs.csv (household_id,moment,category,annual_cost_eur)");
  auto* db = add_db_option(*cmd, o->db, false);
  costs->excludes(db);
  cmd->add_option("--t1", o->t1, "With --db: the T1 date (yyyy-mm-dd)")->needs(db);
  cmd->add_option("--t2", o->t2, "With --db: the T2 date (yyyy-mm-dd)")->needs(db);
  auto* fixed = cmd->add_option("--director-cost", o->director_cost, "Director cost per household in euros (fixed)");
  cmd->add_option("--director-hours", o->hours, "Director hours per household per week")
      ->excludes(fixed)->capture_default_str();
  cmd->add_option("--director-weeks", o->weeks, "Weeks per year")->excludes(fixed)->check(CLI::Range(1, 53))
      ->capture_default_str();
  cmd->add_option("--director-rate", o->rate, "Hourly rate in euros")->excludes(fixed)->capture_default_str();
  add_output_options(*cmd, o->format, o->output);
  cmd->callback([&ctx, o] {
    analytics::DirectorCost director;
    if (!o->director_cost.empty()) {
      auto c = parse_euros(o->director_cost);
      if (!c || *c < 0) return void(ctx.exit_code = fail(invalid("--director-cost: expected an amount like 8000")));
      director = analytics::director_cost_fixed(*c);
    } else {
      auto h = parse_fixed(o->hours, 2);
      auto r = parse_euros(o->rate);
      if (!h || *h < 0) return void(ctx.exit_code = fail(invalid("--director-hours: expected a number like 2.5")));
      if (!r || *r < 0) return void(ctx.exit_code = fail(invalid("--director-rate: expected an amount like 70")));
      director = analytics::director_cost_from_hours(*h, o->weeks, *r);
    }
    std::vector<analytics::CostLine> lines;
    if (!o->costs.empty()) {
      auto read = analytics::read_cost_lines(o->costs);
      if (!read) return void(ctx.exit_code = fail(read.error()));
      lines = std::move(*read);
    } else if (!o->db.empty()) {
      auto t1 = parse_date(o->t1), t2 = parse_date(o->t2);
      if (!t1 || !t2) return void(ctx.exit_code = fail(invalid("--t1 and --t2: give both dates as yyyy-mm-dd")));
      auto s = open_store(o->db, false);
      if (!s) return void(ctx.exit_code = fail(s.error()));
      lines = service::cost_lines_from_store(**s, *t1, *t2);
    } else {
      return void(ctx.exit_code = fail(invalid("give --costs FILE, or --db with --t1 and --t2")));
    }
    auto table = analytics::business_case(lines, director);
    std::cerr << director.explain() << "\n";
    // The spreadsheet has the contract table first, then one sheet per report table.
    std::vector<interop::Sheet> extra;
    for (auto [key, name] : {std::pair{"3", "Tabel 3 huishoudens"}, std::pair{"4", "Tabel 4 categorieen"},
                             std::pair{"5", "Tabel 5 netto"}})
      extra.push_back({name, analytics::select_rows(table, 0, key), {}});
    analytics::Table notes{{"toelichting"}, {{director.explain()}}, {false}};
    extra.push_back({"Toelichting", notes, {}});
    auto st = emit_table(o->format, o->output, table, "businesscase", {}, extra);
    if (!st) ctx.exit_code = fail(st.error());
  });
}

}  // namespace regie::cli
