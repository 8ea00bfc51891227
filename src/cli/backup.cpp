// `regie backup`: a consistent copy of the database while servers keep running.
#include <iostream>

#include "cli/app.h"
#include "store/backup.h"

namespace regie::cli {

void add_backup(CLI::App& app, Context& ctx) {
  struct Opts {
    std::string db, output;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("backup", "Write a consistent backup of the database (online; servers may run)");
  add_db_option(*cmd, o->db);
  cmd->add_option("--output,-o", o->output, "Backup file to write (atomically)")->required();
  cmd->callback([&ctx, o] {
    auto info = store::backup(o->db, o->output);
    if (!info) return void(ctx.exit_code = fail(info.error()));
    std::cout << "backup of the " << (info->backend == "sqlite3" ? "SQLite" : "PostgreSQL") << " database written to "
              << o->output << " (" << info->bytes << " bytes)\n";
  });
}

}  // namespace regie::cli
