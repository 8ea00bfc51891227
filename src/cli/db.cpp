// `regie db migrate|status|check|rotate-key`: schema migrations, integrity
// of the store, and moving it to a new key.
#include <filesystem>
#include <iostream>

#include "cli/app.h"
#include "common/clock.h"
#include "service/key_rotation.h"
#include "store/migrations.h"

namespace regie::cli {

void add_db(CLI::App& app, Context& ctx) {
  auto* db = app.add_subcommand("db", "Manage the database: migrate, status, check, rotate-key");
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

  // Stop the servers first: they keep the old key in memory (docs/operations.md).
  static std::string old_key_file, new_key_file, as;
  auto* rotate = db->add_subcommand("rotate-key", "Seal every BSN and second-factor secret again with a new key");
  add_db_option(*rotate, url);
  rotate->add_option("--key-file", old_key_file, "The key the database is sealed with now")->required();
  rotate->add_option("--new-key-file", new_key_file, "The new key (created, mode 0600, when it does not exist)")
      ->required();
  rotate->add_option("--as", as, "Administrator account the audit trail names (default: the operating system user)");
  rotate->callback([&ctx] {
    if (std::filesystem::weakly_canonical(old_key_file) == std::filesystem::weakly_canonical(new_key_file))
      return void(ctx.exit_code = fail(invalid("--new-key-file must be another file than --key-file")));
    auto old_key = Sealer::from_key_file(old_key_file, false);
    if (!old_key) return void(ctx.exit_code = fail(old_key.error()));
    auto new_key = Sealer::from_key_file(new_key_file, true);
    if (!new_key) return void(ctx.exit_code = fail(new_key.error()));
    auto session = open_as_administrator(url, as);
    if (!session) return void(ctx.exit_code = fail(session.error()));
    SystemClock clock;
    auto done = service::rotate_key(*session->store, clock, session->who, *old_key, *new_key);
    if (!done) return void(ctx.exit_code = fail(done.error()));
    std::cout << "sealed again with the new key: " << done->bsns << " BSNs, " << done->secrets
              << " second-factor secrets; start the servers with --secret-key-file " << new_key_file << "\n";
  });
}

}  // namespace regie::cli
