// `regie export costs`: cost snapshots on T1 and T2 from the store, in the
// costs.csv format that `regie businesscase --costs` and spreadsheets read.
// `regie export fhir`: one household as a FHIR R4 Bundle (JSON).
#include <fmt/format.h>

#include "analytics/table.h"
#include "cli/app.h"
#include "service/costs.h"
#include "service/interop.h"
#include "store/account_store.h"
#include "store/household_store.h"
#include "domain/account.h"

#include <filesystem>
#include <iostream>

namespace regie::cli {

namespace {

// The command line holds the database itself; it acts for a director
// account (by default the household's own), who is named in the audit trail.
Result<service::Principal> acting_director(store::Store& store, const std::string& household, std::string user) {
  if (user.empty())
    if (auto h = store::HouseholdStore(store).find(household)) user = h->director;
  auto account = store::AccountStore(store).find(user);
  if (!account || account->role != domain::Role::director || account->disabled)
    return invalid("--as: not an active director account");
  return service::Principal{account->username, account->display_name, account->role, ""};
}

}  // namespace

void add_export(CLI::App& app, Context& ctx) {
  auto* exp = app.add_subcommand("export", "Export data from the store");
  exp->require_subcommand(1);
  struct Opts {
    std::string db, t1, t2, format = "csv", output;
    std::string household, as, key_file;
    bool include_bsn = false, own_dates = false;
  };
  auto o = std::make_shared<Opts>();
  auto* costs = exp->add_subcommand("costs", "Cost snapshots per household and category on T1 and T2");
  add_db_option(*costs, o->db);
  auto* own = costs->add_flag("--own-dates", o->own_dates,
                               "Each family on its own T1 and T2, only families whose T1 and T2 are complete");
  costs->add_option("--t1", o->t1, "T1 date (yyyy-mm-dd)")->excludes(own);
  costs->add_option("--t2", o->t2, "T2 date (yyyy-mm-dd)")->excludes(own);
  add_output_options(*costs, o->format, o->output);
  costs->callback([&ctx, o] {
    auto t1 = parse_date(o->t1), t2 = parse_date(o->t2);
    if (!o->own_dates && (!t1 || !t2))
      return void(ctx.exit_code = fail(invalid("--t1 and --t2: give both dates as yyyy-mm-dd, or --own-dates")));
    auto s = open_store(o->db, false);
    if (!s) return void(ctx.exit_code = fail(s.error()));
    analytics::Table t;
    t.columns = {"household_id", "moment", "category", "annual_cost_eur"};
    t.numeric = {false, false, false, true};
    auto lines = o->own_dates ? service::cost_lines_at(**s, service::complete_families(**s, SystemClock().today()))
                              : service::cost_lines_from_store(**s, *t1, *t2);
    for (auto& l : lines)
      t.rows.push_back({l.household_id, l.moment, l.category, format_cents(l.amount)});
    auto st = emit_table(o->format, o->output, t, "costs");
    if (!st) ctx.exit_code = fail(st.error());
  });

  auto* caremap = exp->add_subcommand("caremap", "One household's care map as a table (csv, json or xlsx)");
  add_db_option(*caremap, o->db);
  caremap->add_option("--household", o->household, "Household id")->required();
  caremap->add_option("--as", o->as, "The exporting director's user name (default: the household's assigned director)");
  add_output_options(*caremap, o->format, o->output);
  caremap->callback([&ctx, o] {
    auto s = open_store(o->db, false);
    if (!s) return void(ctx.exit_code = fail(s.error()));
    auto who = acting_director(**s, o->household, o->as);
    if (!who) return void(ctx.exit_code = fail(who.error()));
    SystemClock clock;
    service::Interop svc(**s, clock, nullptr);
    auto t = svc.care_map_table(*who, o->household);
    if (!t) return void(ctx.exit_code = fail(t.error()));
    auto st = emit_table(o->format, o->output, *t, "Zorgkaart " + o->household.substr(0, 20));
    if (!st) ctx.exit_code = fail(st.error());
  });

  auto* fhir = exp->add_subcommand("fhir", "One household as a FHIR R4 Bundle (JSON)");
  add_db_option(*fhir, o->db);
  fhir->add_option("--household", o->household, "Household id")->required();
  fhir->add_option("--as", o->as, "The exporting director's user name (default: the household's assigned director)");
  fhir->add_flag("--include-bsn", o->include_bsn, "Add each member's BSN as identifier (needs the BSN key)");
  fhir->add_option("--secret-key-file", o->key_file, "BSN key file (default for SQLite: the database path + .key)");
  fhir->add_option("--output", o->output, "Output file (default: standard output)");
  fhir->callback([&ctx, o] {
    auto s = open_store(o->db, false);
    if (!s) return void(ctx.exit_code = fail(s.error()));
    auto& store = **s;
    auto who = acting_director(store, o->household, o->as);
    if (!who) return void(ctx.exit_code = fail(who.error()));
    std::optional<Sealer> sealer;
    if (o->include_bsn) {
      std::string key = o->key_file;
      if (key.empty() && !o->db.starts_with("postgres")) key = o->db + ".key";
      auto opened = key.empty() || !std::filesystem::exists(key) ? Result<Sealer>(invalid("no BSN key file"))
                                                                  : Sealer::from_key_file(key, false);
      if (!opened) {
        std::cerr << "regie: " << opened.error().message << "; give --secret-key-file\n";
        return void(ctx.exit_code = kEnvironment);
      }
      sealer.emplace(*opened);
    }
    SystemClock clock;
    service::Interop svc(store, clock, sealer ? &*sealer : nullptr);
    auto bundle = svc.export_fhir(*who, o->household, o->include_bsn);
    if (!bundle) return void(ctx.exit_code = fail(bundle.error()));
    auto st = write_output(o->output, bundle->dump(2) + "\n");
    if (!st) ctx.exit_code = fail(st.error());
  });
}

}  // namespace regie::cli
