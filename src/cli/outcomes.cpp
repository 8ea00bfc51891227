// `regie outcomes`: how many persons improved, stayed the same or declined (table 2).
#include "analytics/outcomes.h"
#include "cli/app.h"

namespace regie::cli {

void add_outcomes(CLI::App& app, Context& ctx) {
  struct Opts {
    std::string responses, format = "csv", output;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("outcomes", "Compare T1 and T2 questionnaire scores per item");
  cmd->add_option("--responses", o->responses, "responses.csv")->required();
  add_output_options(*cmd, o->format, o->output);
  cmd->callback([&ctx, o] {
    auto t = analytics::outcomes_from_csv(o->responses);
    if (!t) return void(ctx.exit_code = fail(t.error()));
    auto st = emit_table(o->format, o->output, *t, "outcomes");
    if (!st) ctx.exit_code = fail(st.error());
  });
}

}  // namespace regie::cli
