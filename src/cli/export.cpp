// `regie export costs`: cost snapshots on T1 and T2 from the store, in the
// costs.csv format that `regie businesscase --costs` and spreadsheets read.
#include <fmt/format.h>

#include "analytics/table.h"
#include "cli/app.h"
#include "service/costs.h"

namespace regie::cli {

void add_export(CLI::App& app, Context& ctx) {
  auto* exp = app.add_subcommand("export", "Export data from the store");
  exp->require_subcommand(1);
  struct Opts {
    std::string db, t1, t2, format = "csv", output;
  };
  auto o = std::make_shared<Opts>();
  auto* costs = exp->add_subcommand("costs", "Cost snapshots per household and category on T1 and T2");
  add_db_option(*costs, o->db);
  costs->add_option("--t1", o->t1, "T1 date (yyyy-mm-dd)")->required();
  costs->add_option("--t2", o->t2, "T2 date (yyyy-mm-dd)")->required();
  add_output_options(*costs, o->format, o->output);
  costs->callback([&ctx, o] {
    auto t1 = parse_date(o->t1), t2 = parse_date(o->t2);
    if (!t1 || !t2) return void(ctx.exit_code = fail(invalid("--t1 and --t2: give both dates as yyyy-mm-dd")));
    auto s = open_store(o->db, false);
    if (!s) return void(ctx.exit_code = fail(s.error()));
    analytics::Table t;
    t.columns = {"household_id", "moment", "category", "annual_cost_eur"};
    t.numeric = {false, false, false, true};
    for (auto& l : service::cost_lines_from_store(**s, *t1, *t2))
      t.rows.push_back({l.household_id, l.moment, l.category, format_cents(l.amount)});
    auto st = emit_table(o->format, o->output, t, "costs");
    if (!st) ctx.exit_code = fail(st.error());
  });
}

}  // namespace regie::cli
