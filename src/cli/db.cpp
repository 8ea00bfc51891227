// `regie db migrate|status|check`: schema migrations and integrity of the store.
#include <iostream>

#include "cli/app.h"
#include "store/migrations.h"

namespace regie::cli {

void add_db(CLI::App& app, Context& ctx) {
  auto* db = app.add_subcommand("db", "Manage the database: migrate, status, check");
  db->require_subcommand(1);

  static std::string url;
  auto* migrate = db->add_subcommand("migrate", "Apply the schema migrations that are not applied yet");
  add_db_option(*migrate, url);
  migrate->callback([&ctx] {
    auto s = store::Store::open(url);
    if (!s) return void(ctx.exit_code = fail(s.error()));
    auto done = (*s)->migrate();
    if (!done) return void(ctx.exit_code = fail(done.error()));
    if (done->empty()) std::cout << "schema is up to date\n";
    for (auto& name : *done) std::cout << "applied " << name << "\n";
  });

  auto* status = db->add_subcommand("status", "List applied and pending migrations");
  add_db_option(*status, url);
  status->callback([&ctx] {
    auto s = store::Store::open(url);
    if (!s) return void(ctx.exit_code = fail(s.error()));
    auto applied = (*s)->applied_migrations();
    for (auto& m : store::embedded_migrations()) {
      bool done = std::find(applied.begin(), applied.end(), m.name) != applied.end();
      std::cout << (done ? "applied  " : "pending  ") << m.name << "\n";
    }
  });

  auto* check = db->add_subcommand("check", "Check the database's integrity");
  add_db_option(*check, url);
  check->callback([&ctx] {
    auto s = store::Store::open(url);
    if (!s) return void(ctx.exit_code = fail(s.error()));
    auto st = (*s)->check_integrity();
    if (!st) return void(ctx.exit_code = fail(st.error()));
    std::cout << "ok\n";
  });
}

}  // namespace regie::cli
