// The `regie` command line: one file per subcommand, each registering itself
// on the CLI11 app. Subcommands only parse flags, call the library and print.
#pragma once
#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "analytics/table.h"
#include "common/result.h"
#include "interop/xlsx.h"
#include "service/auth.h"
#include "store/store.h"

namespace regie::cli {

// Exit codes shared by every subcommand.
enum Exit : int {
  kOk = 0,
  kBadInput = 1,      // the input files or flags hold something wrong; the message says what and where
  kUsage = 2,         // unknown flag, missing argument
  kNotAvailable = 3,  // a capability this release does not have yet
  kEnvironment = 4,   // the database or the network is not usable
};

struct Context {
  int exit_code = kOk;
};

int run(int argc, char** argv);

// Prints "regie: <message>" on stderr and returns the exit code for the error.
int fail(const Error& e);
// Whoever runs an administrative command holds the database itself; the
// audit trail names them as the administrator account given with --as, or
// as the operating system user ("cli:<user>").
Result<service::Principal> acting_administrator(store::Store& store, const std::string& as);
// A maintenance command's store (open_store) and the administrator it acts as.
struct AdministratorSession {
  std::unique_ptr<store::Store> store;
  service::Principal who;
};
Result<AdministratorSession> open_as_administrator(const std::string& db, const std::string& as,
                                                   bool migrate = false);
// Opens the store at `url` and, if `migrate`, brings the schema up to date.
Result<std::unique_ptr<store::Store>> open_store(const std::string& url, bool migrate);
// Writes `text` to `path` atomically (a temporary file renamed into place), or
// to standard output when path is empty or "-".
Status write_output(const std::string& path, const std::string& text);
// Adds the --db option every store-using subcommand shares.
CLI::Option* add_db_option(CLI::App& cmd, std::string& db, bool required = true);
// Adds --format (csv|json|xlsx) and --output.
void add_output_options(CLI::App& cmd, std::string& format, std::string& output);
// Renders `table` in `format` to `output`. For xlsx the table is the first
// sheet, followed by `extra` sheets; `notes` go below the first sheet's table.
Status emit_table(const std::string& format, const std::string& output, const analytics::Table& table,
                  const std::string& sheet_name, const std::vector<std::string>& notes = {},
                  const std::vector<interop::Sheet>& extra = {});

void add_version(CLI::App& app, Context& ctx);
void add_db(CLI::App& app, Context& ctx);
void add_serve(CLI::App& app, Context& ctx);
void add_demo(CLI::App& app, Context& ctx);
void add_import(CLI::App& app, Context& ctx);
void add_businesscase(CLI::App& app, Context& ctx);
void add_outcomes(CLI::App& app, Context& ctx);
void add_analyze(CLI::App& app, Context& ctx);
void add_export(CLI::App& app, Context& ctx);
void add_backup(CLI::App& app, Context& ctx);
void add_restore(CLI::App& app, Context& ctx);
void add_audit(CLI::App& app, Context& ctx);
void add_account(CLI::App& app, Context& ctx);
void add_privacy(CLI::App& app, Context& ctx);

}  // namespace regie::cli
