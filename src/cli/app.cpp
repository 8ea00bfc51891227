// Wiring of the subcommands, shared options and top-level error handling.
#include "cli/app.h"

#include <fmt/format.h>
#include <fcntl.h>
#include <pwd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/config_file.h"
#include "cli/paths.h"
#include "common/files.h"
#include "common/log.h"
#include "store/account_store.h"
#include "store/unavailable.h"
#include "domain/account.h"

namespace regie::cli {

Result<service::Principal> acting_administrator(store::Store& store, const std::string& as) {
  service::Principal p;
  p.role = domain::Role::administrator;
  p.client = "command line";
  if (as.empty()) {
    std::string user;
    if (const passwd* pw = getpwuid(geteuid())) user = pw->pw_name;
    if (user.empty())
      if (const char* env = std::getenv("USER")) user = env;
    p.username = p.display_name = "cli:" + (user.empty() ? std::to_string(geteuid()) : user);
    return p;
  }
  auto account = store::AccountStore(store).find(as);
  if (!account || account->role != domain::Role::administrator || account->disabled)
    return invalid("--as: not an active administrator account");
  p.username = account->username;
  p.display_name = account->display_name;
  return p;
}

Result<AdministratorSession> open_as_administrator(const std::string& db, const std::string& as, bool migrate) {
  auto s = open_store(db, migrate);
  if (!s) return s.error();
  auto who = acting_administrator(**s, as);
  if (!who) return who.error();
  return AdministratorSession{std::move(*s), std::move(*who)};
}


int fail(const Error& e) {
  std::cerr << "regie: " << e.message << "\n";
  switch (e.code) {
    case ErrorCode::invalid_input:
    case ErrorCode::conflict:
    case ErrorCode::not_found: return kBadInput;
    case ErrorCode::unavailable: return kNotAvailable;
    default: return kEnvironment;
  }
}

Result<std::unique_ptr<store::Store>> open_store(const std::string& url, bool migrate) {
  auto s = store::Store::open(url);
  if (!s) return s.error();
  if (migrate) {
    auto m = (*s)->migrate();
    if (!m) return m.error();
  } else if (!(*s)->is_current()) {
    return Error{ErrorCode::invalid_input,
                 fmt::format("the database at --db has an old or no schema; run `regie db migrate --db ...` first")};
  }
  return s;
}

Status write_output(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::cout << text << std::flush;
    return ok_status();
  }
  // Owner-only, and on disk before it takes the name: exports hold personal
  // data (a person's export even their BSN), and a crash must not leave half
  // a file under the name asked for.
  auto tmp = temporary_beside(path);
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return invalid(fmt::format("{}: cannot write here", path));
  std::size_t done = 0;
  while (done < text.size()) {
    const auto n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  const bool written = done == text.size() && ::fsync(fd) == 0;
  ::close(fd);
  if (!written) {
    std::filesystem::remove(tmp);
    return invalid(fmt::format("{}: writing failed (disk full?)", path));
  }
  return move_into_place(tmp, path);
}

CLI::Option* add_db_option(CLI::App& cmd, std::string& db, bool required) {
  auto* o = cmd.add_option("--db", db, "SQLite database file, or a postgresql:// URI")->envname("REGIE_DB");
  if (required) o->required();
  return o;
}

void add_output_options(CLI::App& cmd, std::string& format, std::string& output) {
  cmd.add_option("--format", format, "Output format: csv, json, or xlsx (needs --output)")
      ->check(CLI::IsMember({"csv", "json", "xlsx"}))
      ->capture_default_str();
  cmd.add_option("--output,-o", output, "Write to this file (atomically) instead of standard output");
}

Status emit_table(const std::string& format, const std::string& output, const analytics::Table& table,
                  const std::string& sheet_name, const std::vector<std::string>& notes,
                  const std::vector<interop::Sheet>& extra) {
  if (format == "xlsx") {
    std::vector<interop::Sheet> sheets{{sheet_name, table, notes}};
    sheets.insert(sheets.end(), extra.begin(), extra.end());
    return interop::write_xlsx(output, sheets);
  }
  return write_output(output, format == "json" ? analytics::to_json(table) : analytics::to_csv(table));
}

int run(int argc, char** argv) {
  CLI::App app{"Regie: one integral picture per household of all support and its cost.", "regie"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("regie ") + REGIE_VERSION);
  std::string log_level = "info";
  app.add_option("--log-level", log_level, "debug, info, warn or error")
      ->check(CLI::IsMember({"debug", "info", "warn", "error"}))->envname("REGIE_LOG_LEVEL");
  // One file for what an operator sets once (docs/operations.md); a flag
  // beats a REGIE_* variable, which beats the file (cli/config_file.h).
  app.set_config("--config", default_config_file(),
                 "Configuration file (TOML: top-level keys and a [serve] section); flags and REGIE_* "
                 "variables override it")
      ->envname("REGIE_CONFIG");
  app.config_formatter(std::make_shared<EnvironmentBeforeFile>(app));
  Context ctx;
  add_serve(app, ctx);
  add_demo(app, ctx);
  add_db(app, ctx);
  add_import(app, ctx);
  add_businesscase(app, ctx);
  add_outcomes(app, ctx);
  add_analyze(app, ctx);
  add_export(app, ctx);
  add_backup(app, ctx);
  add_restore(app, ctx);
  add_audit(app, ctx);
  add_privacy(app, ctx);
  add_account(app, ctx);
  add_version(app, ctx);
  app.parse_complete_callback([&] { log::init(log_level); });
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kUsage;
  } catch (const store::Unavailable& e) {
    std::cerr << "regie: database error: " << e.message() << "\n";
    return kEnvironment;
  } catch (const std::exception& e) {
    std::cerr << "regie: unexpected error: " << e.what() << "\n";
    return kEnvironment;
  }
  return ctx.exit_code;
}

}  // namespace regie::cli
