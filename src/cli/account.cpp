// `regie account`: the operator's way in when nobody can sign in yet — the
// first administrator of an imported database has no second factor, and only
// an administrator can give one. Whoever can open the database and its key
// file acts as an administrator here; the actions are audited as "cli".
#include <iostream>

#include "cli/app.h"
#include "common/clock.h"
#include "common/sealer.h"
#include "service/accounts.h"

namespace regie::cli {

void add_account(CLI::App& app, Context& ctx) {
  struct Opts {
    std::string db, key_file, username;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("account", "Manage accounts from the server's machine");
  cmd->require_subcommand(1);
  auto* totp = cmd->add_subcommand("totp", "Give an account a new second-factor secret; prints its otpauth:// URI once");
  add_db_option(*totp, o->db);
  totp->add_option("--secret-key-file", o->key_file, "The server's key file (seals the secret)")->required();
  totp->add_option("username", o->username, "The account")->required();
  totp->callback([&ctx, o] {
    auto s = open_store(o->db, true);
    if (!s) return void(ctx.exit_code = fail(s.error()));
    auto sealer = Sealer::from_key_file(o->key_file, false);
    if (!sealer) return void(ctx.exit_code = fail(sealer.error()));
    SystemClock clock;
    service::Accounts accounts(**s, clock, &*sealer);
    service::Principal operator_{"cli", "command line", domain::Role::administrator, ""};
    auto uri = accounts.reset_second_factor(operator_, o->username);
    if (!uri) return void(ctx.exit_code = fail(uri.error()));
    std::cout << *uri << "\n";
  });
}

}  // namespace regie::cli
