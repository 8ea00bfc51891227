// `regie version`: the release and the schema this binary migrates to.
#include <iostream>

#include "cli/app.h"
#include "store/migrations.h"

namespace regie::cli {

void add_version(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("version", "Print the version of Regie and of its database schema");
  cmd->callback([&ctx] {
    const auto& m = store::embedded_migrations();
    std::cout << "regie " << REGIE_VERSION << " (schema " << (m.empty() ? "none" : m.back().name) << ")\n";
    ctx.exit_code = kOk;
  });
}

}  // namespace regie::cli
