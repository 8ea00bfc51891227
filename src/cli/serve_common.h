// Runs the HTTP server until SIGINT or SIGTERM; shared by `serve` and `demo`.
#pragma once
#include <functional>
#include <string>

#include "http/server.h"

namespace CLI {
class App;
}

namespace regie::cli {

// Default location of the built web UI: web/dist in the source tree.
std::string default_web_root();
// Default folder of the questionnaire definitions: data/questionnaires in the source tree.
std::string default_questionnaires_dir();

// The per-client request limit options (--rate-limit, --rate-burst).
void add_rate_limit_options(CLI::App& cmd, http::ServerOptions& options);

// Binds, calls `on_listening(url)` and serves until a stop signal arrives.
// Returns an exit code.
int serve_until_signal(store::Store& store, http::ServerOptions options,
                       const std::function<void(const std::string& url)>& on_listening);

}  // namespace regie::cli
