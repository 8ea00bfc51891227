// `regie account`: account administration on the server's machine, through
// the same service (and rules, and audit) as the Accounts page. It is also
// the operator's way in when nobody can sign in yet: the first administrator
// of an imported database has no second factor, and only an administrator
// can give one. Whoever can open the database acts as an administrator here,
// named in the trail by --as or as the operating system user.
//
// Passwords never come from an argument (they would land in the shell's
// history and in `ps`): `create` reads one from a file or standard input.
// Secrets are printed on standard output only, never logged or audited.
#include <termios.h>
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/app.h"
#include "common/clock.h"
#include "common/sealer.h"
#include "service/accounts.h"
#include "domain/account.h"

namespace regie::cli {
namespace {

struct Opts {
  std::string db, key_file, username, as, display_name, role, professional_id, member_id;
  std::string password_file = "-";
  std::string password_argument;  // only to refuse it without echoing it
  std::string format = "csv", output;
};

// One line from a terminal without echoing it.
std::string read_hidden(const std::string& prompt) {
  std::cerr << prompt << std::flush;
  termios old{};
  const bool tty = tcgetattr(STDIN_FILENO, &old) == 0;
  if (tty) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty) tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
  std::cerr << "\n";
  return line;
}

// The first line of `path` ("-": standard input, asked for twice on a terminal).
Result<std::string> read_password(const std::string& path) {
  std::string line;
  if (path == "-") {
    if (isatty(STDIN_FILENO)) {
      line = read_hidden("New password: ");
      if (read_hidden("The same again: ") != line) return invalid("password: the two entries differ");
    } else {
      std::getline(std::cin, line);
    }
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) return invalid("--password-file: cannot read " + path);
    std::getline(in, line);
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.empty())
    return invalid(path == "-" ? "password: nothing on standard input (give it there, or use --password-file)"
                               : "--password-file: the first line is empty");
  return line;
}

const char* yes_no(bool b) { return b ? "yes" : "no"; }

}  // namespace

void add_account(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("account", "Manage accounts from the server's machine (as an administrator)");
  cmd->require_subcommand(1);
  auto as_option = [o](CLI::App* sub) {
    sub->add_option("--as", o->as, "The acting administrator's user name (default: the operating system user)");
  };

  auto* list = cmd->add_subcommand("list", "Every account with its role, status and second factor; no secrets");
  add_db_option(*list, o->db);
  as_option(list);
  add_output_options(*list, o->format, o->output);
  list->callback([&ctx, o] {
    auto admin = open_as_administrator(o->db, o->as);
    if (!admin) return void(ctx.exit_code = fail(admin.error()));
    SystemClock clock;
    auto accounts = service::Accounts(*admin->store, clock, nullptr).list(admin->who);
    if (!accounts) return void(ctx.exit_code = fail(accounts.error()));
    analytics::Table t{{"username", "display_name", "role", "disabled", "second_factor", "professional_id",
                        "member_id"},
                       {},
                       {}};
    for (auto& a : *accounts)
      t.rows.push_back({a.username, a.display_name, std::string(domain::to_string(a.role)), yes_no(a.disabled),
                        yes_no(a.second_factor), a.professional_id.value_or(""), a.member_id.value_or("")});
    if (auto st = emit_table(o->format, o->output, t, "Accounts"); !st) ctx.exit_code = fail(st.error());
  });

  auto* create = cmd->add_subcommand(
      "create",
      "Create an account; the password comes from standard input or --password-file, and the second-factor "
      "otpauth:// URI is printed once on standard output");
  add_db_option(*create, o->db);
  create->add_option("--secret-key-file", o->key_file,
                     "The server's key file (seals the second-factor secret; not needed for household members)");
  create->add_option("--username", o->username, "a-z, 0-9, '.', '_' and '-'")->required();
  create->add_option("--display-name", o->display_name, "The name shown in the application")->required();
  create->add_option("--role", o->role, "director, professional, member, analyst, team_lead or administrator")
      ->required();
  create->add_option("--professional-id", o->professional_id, "For a professional: their professional record");
  create->add_option("--member-id", o->member_id, "For a household member: their member record");
  create->add_option("--password-file", o->password_file,
                     "Read the password from the first line of this file; '-' (default) is standard input");
  as_option(create);
  // Taken (hidden) so that the refusal below, not the parser's, answers: the
  // parser would repeat the password in its message.
  create->add_option("--password", o->password_argument)->group("");
  create->callback([&ctx, o] {
    if (!o->password_argument.empty()) {
      std::cerr << "regie: --password: not taken on the command line, where it would stay in the shell's history; "
                   "give it on standard input or with --password-file\n";
      return void(ctx.exit_code = kUsage);
    }
    auto role = domain::parse_role(o->role);
    if (!role)
      return void(ctx.exit_code =
                      fail(invalid("--role: director, professional, member, analyst, team_lead or administrator")));
    if (service::needs_second_factor(*role) && o->key_file.empty()) {
      std::cerr << "regie: --secret-key-file: needed for a " << o->role
                << "'s account (it seals the second-factor secret)\n";
      return void(ctx.exit_code = kUsage);
    }
    auto admin = open_as_administrator(o->db, o->as);
    if (!admin) return void(ctx.exit_code = fail(admin.error()));
    std::optional<Sealer> sealer;
    if (!o->key_file.empty()) {
      auto opened = Sealer::from_key_file(o->key_file, false);
      if (!opened) return void(ctx.exit_code = fail(opened.error()));
      sealer.emplace(std::move(*opened));
    }
    auto password = read_password(o->password_file);
    if (!password) return void(ctx.exit_code = fail(password.error()));
    service::NewAccount a{o->username, o->display_name, *role, std::nullopt, std::nullopt, *password};
    if (!o->professional_id.empty()) a.professional_id = o->professional_id;
    if (!o->member_id.empty()) a.member_id = o->member_id;
    SystemClock clock;
    auto created = service::Accounts(*admin->store, clock, sealer ? &*sealer : nullptr).create(admin->who, a);
    if (!created) return void(ctx.exit_code = fail(created.error()));
    std::cerr << "account " << created->account.username << " created ("
              << domain::to_string(created->account.role) << ")\n";
    if (!created->otpauth_uri.empty()) {
      std::cerr << "add this to the account holder's authenticator app, then clear this screen:\n";
      std::cout << created->otpauth_uri << "\n";
    }
  });

  for (bool disable : {true, false}) {
    auto* sub = cmd->add_subcommand(disable ? "disable" : "enable",
                                    disable ? "Disable an account; its sessions end at once"
                                            : "Enable a disabled account again");
    add_db_option(*sub, o->db);
    sub->add_option("username", o->username, "The account")->required();
    as_option(sub);
    sub->callback([&ctx, o, disable] {
      auto admin = open_as_administrator(o->db, o->as);
      if (!admin) return void(ctx.exit_code = fail(admin.error()));
      SystemClock clock;
      auto st = service::Accounts(*admin->store, clock, nullptr).set_disabled(admin->who, o->username, disable);
      if (!st) return void(ctx.exit_code = fail(st.error()));
      std::cout << "account " << o->username
                << (disable ? " disabled; its sessions have ended\n" : " enabled\n");
    });
  }

  auto* totp = cmd->add_subcommand("totp", "Give an account a new second-factor secret; prints its otpauth:// URI once");
  add_db_option(*totp, o->db);
  totp->add_option("--secret-key-file", o->key_file, "The server's key file (seals the secret)")->required();
  totp->add_option("username", o->username, "The account")->required();
  as_option(totp);
  totp->callback([&ctx, o] {
    auto admin = open_as_administrator(o->db, o->as, true);
    if (!admin) return void(ctx.exit_code = fail(admin.error()));
    auto sealer = Sealer::from_key_file(o->key_file, false);
    if (!sealer) return void(ctx.exit_code = fail(sealer.error()));
    SystemClock clock;
    service::Accounts accounts(*admin->store, clock, &*sealer);
    auto uri = accounts.reset_second_factor(admin->who, o->username);
    if (!uri) return void(ctx.exit_code = fail(uri.error()));
    std::cout << *uri << "\n";
  });
}

}  // namespace regie::cli
