// `regie restore`: replaces the database's contents with a backup, then brings
// the schema up to date (a backup from an older release gets the newer
// migrations) and checks the result.
#include <iostream>

#include "cli/app.h"
#include "store/backup.h"

namespace regie::cli {

void add_restore(CLI::App& app, Context& ctx) {
  struct Opts {
    std::string db, input;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("restore", "Replace the database with a backup made by `regie backup`");
  add_db_option(*cmd, o->db);
  cmd->add_option("--input,-i", o->input, "Backup file to restore")->required();
  cmd->callback([&ctx, o] {
    if (auto st = store::restore(o->input, o->db); !st) return void(ctx.exit_code = fail(st.error()));
    auto s = open_store(o->db, true);
    if (!s) return void(ctx.exit_code = fail(s.error()));
    if (auto st = (*s)->check_integrity(); !st) return void(ctx.exit_code = fail(st.error()));
    std::cout << "restored " << o->input << " (" << (*s)->count("household") << " households); integrity ok\n";
  });
}

}  // namespace regie::cli
