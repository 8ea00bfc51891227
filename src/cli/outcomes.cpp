// `regie outcomes`: how many persons improved, stayed the same or declined
// (table 2), from a responses file or from the measurements in a store.
#include "analytics/outcomes.h"
#include "interop/outcome_sheets.h"
#include "cli/app.h"
#include "cli/serve_common.h"
#include "common/clock.h"
#include "service/measurements.h"
#include "domain/account.h"

namespace regie::cli {

void add_outcomes(CLI::App& app, Context& ctx) {
  struct Opts {
    std::string responses, db, questionnaires = default_questionnaires_dir(), format = "csv", output;
    std::vector<std::string> households;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("outcomes", "Compare T1 and T2 questionnaire scores per item");
  auto* responses = cmd->add_option("--responses", o->responses, "responses.csv");
  auto* db = add_db_option(*cmd, o->db, false);
  responses->excludes(db);
  cmd->add_option("--households", o->households, "With --db: only these household ids")->delimiter(',')->needs(db);
  cmd->add_option("--questionnaires", o->questionnaires, "With --db: folder with the questionnaire definitions")
      ->needs(db)
      ->capture_default_str();
  add_output_options(*cmd, o->format, o->output);
  cmd->callback([&ctx, o] {
    Result<analytics::Table> t = invalid("give --responses FILE, or --db");
    if (!o->responses.empty()) {
      t = analytics::outcomes_from_csv(o->responses);
    } else if (!o->db.empty()) {
      auto s = open_store(o->db, false);
      if (!s) return void(ctx.exit_code = fail(s.error()));
      auto instruments = interop::load_instruments(o->questionnaires);
      if (!instruments) return void(ctx.exit_code = fail(instruments.error()));
      SystemClock clock;
      service::Measurements service(**s, clock, std::make_shared<const interop::Instruments>(std::move(*instruments)));
      // The command line acts for the municipality's administrator, and is audited as such.
      t = service.outcomes(service::Principal{"regie-cli", "command line", domain::Role::administrator, ""},
                           o->households);
    }
    if (!t) return void(ctx.exit_code = fail(t.error()));
    // The workbook is for people (Dutch headers, questionnaires by name when loaded); CSV and JSON are the contract.
    if (o->format == "xlsx") {
      auto loaded = interop::load_instruments(o->questionnaires);
      auto st = interop::write_xlsx(o->output, interop::outcome_sheets(*t, loaded ? &*loaded : nullptr));
      if (!st) ctx.exit_code = fail(st.error());
      return;
    }
    auto st = emit_table(o->format, o->output, *t, "outcomes");
    if (!st) ctx.exit_code = fail(st.error());
  });
}

}  // namespace regie::cli
