// Runs the HTTP server until SIGINT or SIGTERM; shared by `serve` and `demo`.
#pragma once
#include <functional>
#include <string>

#include "cli/paths.h"
#include "http/server.h"

namespace CLI {
class App;
}

namespace regie::cli {

// The per-client request limit options (--rate-limit, --rate-burst, ...)
// and the reverse proxy and monitoring options (--trusted-proxy, --metrics-from).
void add_rate_limit_options(CLI::App& cmd, http::ServerOptions& options);
// Sign-in through an identity provider and DigiD (--oidc-staff-*, --oidc-citizen-*, --public-url, --staff-passwords).
void add_identity_options(CLI::App& cmd, service::IdentityOptions& options);
// Mail through an SMTP server (--smtp-*, --mail-*).
void add_mail_options(CLI::App& cmd, service::MailOptions& options);

// Binds, calls `on_listening(url)` and serves until a stop signal arrives.
// Returns an exit code.
int serve_until_signal(store::Store& store, http::ServerOptions options,
                       const std::function<void(const std::string& url)>& on_listening);

}  // namespace regie::cli
