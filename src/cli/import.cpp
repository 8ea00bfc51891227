// `regie import`: bringing provision data into the store. The iJw/iWmo message
// importers are a later release; until then the command says so and fails.
#include <iostream>

#include "cli/app.h"

namespace regie::cli {

void add_import(CLI::App& app, Context& ctx) {
  auto* imp = app.add_subcommand("import", "Import provision data into the store (iJw/iWmo messages)");
  imp->require_subcommand(1);
  struct Opts {
    std::string db;
    std::vector<std::string> files;
  };
  auto o = std::make_shared<Opts>();
  for (const char* kind : {"ijw", "iwmo"}) {
    auto* cmd = imp->add_subcommand(kind, std::string("Import ") + kind + " 3.2 XML messages (301, 305, 307, 323)");
    add_db_option(*cmd, o->db);
    cmd->add_option("files", o->files, "XML message files")->required()->check(CLI::ExistingFile);
    cmd->callback([&ctx, kind, o] {
      ctx.exit_code = fail(Error{ErrorCode::unavailable,
                                 std::string("import ") + kind + " is not available yet in this release; nothing was imported"});
    });
  }
}

}  // namespace regie::cli
