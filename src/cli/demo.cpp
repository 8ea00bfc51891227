// `regie demo`: a store with the fictional demo households and demo accounts,
// served on http://127.0.0.1:8080. Running it again on the same database keeps
// the data and gives the demo accounts fresh passwords.
#include <filesystem>
#include <iostream>

#include "cli/app.h"
#include "cli/serve_common.h"
#include "common/sealer.h"
#include "service/auth.h"
#include "service/demo.h"
#include "service/measurements.h"

namespace regie::cli {

void add_demo(CLI::App& app, Context& ctx) {
  struct Opts {
    std::string db = "regie-demo.db";
    std::string data = default_demo_data();
    bool no_serve = false;
    http::ServerOptions server;
  };
  auto o = std::make_shared<Opts>();
  o->server.web_root = default_web_root();
  o->server.questionnaires_dir = default_questionnaires_dir();
  auto* cmd = app.add_subcommand("demo", "Create a demo database with fictional households and serve it");
  add_db_option(*cmd, o->db, false)->capture_default_str();
  cmd->add_option("--data", o->data, "Demo data file (JSON); measurements.csv beside it is loaded too")
      ->capture_default_str();
  cmd->add_option("--questionnaires", o->server.questionnaires_dir,
                  "Folder with the questionnaire definitions (FHIR Questionnaire JSON)")->capture_default_str();
  cmd->add_option("--port", o->server.port, "TCP port; 0 picks a free one")->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--host", o->server.host, "Address to listen on")->capture_default_str();
  cmd->add_option("--web-root", o->server.web_root, "Folder with the built web UI")->capture_default_str();
  add_rate_limit_options(*cmd, o->server);
  add_identity_options(*cmd, o->server.identity);
  add_mail_options(*cmd, o->server.mail);
  cmd->add_flag("--no-serve", o->no_serve, "Only create the database and print the logins");
  cmd->callback([&ctx, o] {
    auto s = open_store(o->db, true);
    if (!s) return void(ctx.exit_code = fail(s.error()));
    auto& store = **s;
    // The demo keeps its key (BSNs, second-factor secrets) beside its database;
    // it is needed already to enrol the demo accounts' second factor.
    if (o->server.secret_key_file.empty())
      o->server.secret_key_file = o->db.starts_with("postgres") ? "regie-demo.key" : o->db + ".key";
    auto sealer = Sealer::from_key_file(o->server.secret_key_file, true);
    if (!sealer) return void(ctx.exit_code = fail(sealer.error()));
    std::vector<service::DemoLogin> logins;
    if (store.count("household") == 0) {
      auto data = service::read_demo_file(o->data);
      if (!data) return void(ctx.exit_code = fail(data.error()));
      auto loaded = service::load_demo(store, std::move(*data), *sealer);
      if (!loaded) return void(ctx.exit_code = fail(loaded.error()));
      logins = std::move(*loaded);
      // The pilot's T1/T2 answers, so that spider webs and the outcome report have data.
      auto answers = std::filesystem::path(o->data).parent_path() / "measurements.csv";
      if (std::filesystem::exists(answers)) {
        auto instruments = interop::load_instruments(o->server.questionnaires_dir);
        if (!instruments) return void(ctx.exit_code = fail(instruments.error()));
        auto st = service::import_measurements_csv(store, *instruments, answers.string(), "demo");
        if (!st) return void(ctx.exit_code = fail(st.error()));
      }
      std::cout << "Created the demo database " << o->db << " (" << store.count("household") << " households)\n";
    } else {
      auto reset = service::reset_demo_passwords(store, *sealer);
      if (!reset) return void(ctx.exit_code = fail(reset.error()));
      logins = std::move(*reset);
      std::cout << "Using the existing database " << o->db
                << "; the demo accounts have new passwords and second-factor secrets\n";
    }
    auto print_logins = [&logins] {
      // One line per account; scripts parse user "...", password "..." and totp "..." (base32).
      for (auto& l : logins) {
        std::cout << "Sign in as " << domain::to_string(l.role) << " (" << l.display_name << "): user \""
                  << l.username << "\" password \"" << l.password << "\"";
        if (!l.totp_secret.empty()) std::cout << " totp \"" << l.totp_secret << "\"";
        std::cout << "\n";
      }
      std::cout << "Accounts with a totp secret also need the 6-digit code: add the secret to an authenticator "
                   "app (or run: oathtool --totp -b SECRET)\n";
    };
    if (o->no_serve) {
      print_logins();
      return;
    }
    ctx.exit_code = serve_until_signal(store, o->server, [&](const std::string& url) {
      std::cout << "Regie demo is running at " << url << "\n";
      print_logins();
      std::cout << "Stop with Ctrl+C." << std::endl;
    });
  });
}

}  // namespace regie::cli
