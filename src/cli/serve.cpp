// `regie serve`: the API and the web UI over one store.
#include <signal.h>

#include <filesystem>
#include <iostream>
#include <thread>

#include "cli/app.h"
#include "cli/serve_common.h"
#include "common/clock.h"
#include "common/log.h"
#include "service/identity.h"
#include "service/mail.h"
#include "service/mail_worker.h"

namespace regie::cli {

int serve_until_signal(store::Store& store, http::ServerOptions options,
                       const std::function<void(const std::string& url)>& on_listening) {
  if (!options.web_root.empty() && !std::filesystem::exists(options.web_root + "/index.html")) {
    log::warn("web_ui.missing", "{\"hint\":\"build the web UI (npm run build in web/) or pass --web-root\"}");
    options.web_root.clear();
  }
  // Block the stop signals in every thread; one thread waits for them.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);

  if (auto st = service::check_identity_options(options.identity); !st) return fail(st.error());
  auto smtp_password = service::check_mail_options(options.mail);
  if (!smtp_password) return fail(smtp_password.error());
  if (options.mail.public_url.empty()) options.mail.public_url = options.identity.public_url;
  SystemClock clock;
  auto created = http::Server::create(store, clock, options);
  if (!created) return fail(created.error());
  auto& server = **created;
  int port = server.bind();
  if (port < 0) {
    std::cerr << "regie: cannot listen on " << options.host << ":" << options.port
              << " (is the port in use, or the address not on this machine?)\n";
    return kEnvironment;
  }
  std::string url = "http://" + options.host + ":" + std::to_string(port) + "/";
  log::info("server.listening", "{\"url\":\"" + url + "\",\"backend\":\"" + store.backend() + "\"}");
  on_listening(url);
  std::unique_ptr<service::MailWorker> mailer;
  if (options.mail.enabled()) mailer = std::make_unique<service::MailWorker>(store, clock, options.mail, *smtp_password);
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&set, &sig);
    log::info("server.stopping", "{\"signal\":" + std::to_string(sig) + "}");
    server.stop();
  });
  server.run();
  // run() can also return on its own (listen failure); wake the waiter then.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  return kOk;
}

void add_rate_limit_options(CLI::App& cmd, http::ServerOptions& options) {
  cmd.add_option("--rate-limit", options.rate_limit_per_second,
                 "Requests per second per client address (0: no limit); over it, 429")
      ->check(CLI::Range(0.0, 1e6))->capture_default_str();
  cmd.add_option("--rate-burst", options.rate_limit_burst, "Requests a client may send at once above the rate")
      ->check(CLI::Range(1.0, 1e6))->capture_default_str();
  cmd.add_option("--max-connections-per-client", options.max_connections_per_client,
                 "Open connections one client address may hold (0: no cap); more are answered 429")
      ->check(CLI::Range(0, 100000))->capture_default_str();
  cmd.add_option("--header-timeout", options.header_timeout_s,
                 "Seconds a client has to send the request line and headers")
      ->check(CLI::Range(1, 3600))->capture_default_str();
  cmd.add_option("--trusted-proxy", options.trusted_proxies,
                 "Reverse proxy (address or network) whose X-Forwarded-For names the client; repeat for more")
      ->envname("REGIE_TRUSTED_PROXIES")->delimiter(',');
  cmd.add_option("--metrics-from", options.metrics_from,
                 "Client addresses or networks that may read /metrics; repeat for more")
      ->envname("REGIE_METRICS_FROM")->delimiter(',')->capture_default_str();
}

void add_identity_options(CLI::App& cmd, service::IdentityOptions& o) {
  cmd.add_option("--public-url", o.public_url,
                 "Where browsers reach Regie (https://regie.gemeente.nl); the identity provider sends people back there");
  cmd.add_option("--staff-passwords", o.staff_passwords,
                 "Staff may sign in with a password and code (false: only through --oidc-staff-issuer)")
      ->capture_default_str();
  for (auto [kind, p] : {std::pair{std::string("staff"), &o.staff}, std::pair{std::string("citizen"), &o.citizen}}) {
    const std::string f = "--oidc-" + kind + "-";
    const bool staff = kind == "staff";
    cmd.add_option(f + "name", p->name, staff ? "Name on the sign-in button (\"Inloggen met <name>\")"
                                              : "Name on the household members' sign-in button")
        ->capture_default_str();
    cmd.add_option(f + "issuer", p->issuer,
                   staff ? "OpenID Connect issuer for staff (Entra ID, ADFS, Keycloak, ...)"
                         : "OpenID Connect issuer of the DigiD broker, for household members");
    cmd.add_option(f + "client-id", p->client_id, "Client id registered at that provider");
    cmd.add_option(f + "client-secret-file", p->client_secret_file, "File holding the client secret (never the secret itself)");
    cmd.add_option(f + "scopes", p->scopes, "Scopes to ask for, comma-separated (openid is always asked)")
        ->delimiter(',')->capture_default_str();
    cmd.add_option(f + "claim", p->claim,
                   staff ? "Claim that names the person (email, preferred_username, oid, ...)" : "Claim that holds the BSN")
        ->capture_default_str();
    if (staff)
      cmd.add_option(f + "link-to", p->link_to, "Account field the claim must equal: email or username")
          ->check(CLI::IsMember({"email", "username"}))->capture_default_str();
    cmd.add_option(f + "ca-file", p->ca_file, "Extra trusted certificates (PEM) for this provider");
  }
}

void add_mail_options(CLI::App& cmd, service::MailOptions& o) {
  cmd.add_option("--smtp-url", o.smtp_url, "SMTP server for Regie's mail: smtp://host:587 (STARTTLS) or smtps://host:465");
  cmd.add_option("--smtp-user", o.smtp_user, "User name at the SMTP server (empty: no authentication)");
  cmd.add_option("--smtp-password-file", o.smtp_password_file, "File holding the SMTP password (never the password itself)");
  cmd.add_option("--smtp-starttls", o.starttls, "Insist on STARTTLS on smtp:// (false only for a server on this machine)")
      ->capture_default_str();
  cmd.add_option("--smtp-ca-file", o.ca_file, "Extra trusted certificates (PEM) for the SMTP server");
  cmd.add_option("--mail-from", o.from, "Address Regie's mail comes from (regie@gemeente.nl)");
  cmd.add_option("--mail-from-name", o.from_name, "Name shown as the sender")->capture_default_str();
  cmd.add_option("--mail-round-tables", o.round_tables, "Mail round-table invitations with the .ics to participants")
      ->capture_default_str();
  cmd.add_option("--mail-t2-reminders", o.t2_reminders, "Remind directors of a due second measurement (T2)")
      ->capture_default_str();
  cmd.add_option("--mail-aftercare-reminders", o.aftercare_reminders, "Remind directors of a due aftercare contact")
      ->capture_default_str();
  cmd.add_option("--mail-consent-expiry", o.consent_expiry, "Tell directors of consents that are about to expire")
      ->capture_default_str();
  cmd.add_option("--mail-consent-expiry-days", o.consent_expiry_days, "Days before its expiry that a consent is mentioned")
      ->check(CLI::Range(1, 366))->capture_default_str();
  cmd.add_option("--mail-queue-interval", o.queue_interval_s, "Seconds between looks at the mail queue")
      ->check(CLI::Range(1, 86400))->capture_default_str();
  cmd.add_option("--mail-reminder-interval", o.reminder_interval_s, "Seconds between looks for due work")
      ->check(CLI::Range(1, 7 * 86400))->capture_default_str();
}

void add_serve(CLI::App& app, Context& ctx) {
  struct Opts {
    std::string db;
    http::ServerOptions server;
  };
  auto o = std::make_shared<Opts>();
  o->server.web_root = default_web_root();
  o->server.questionnaires_dir = default_questionnaires_dir();
  auto* cmd = app.add_subcommand("serve", "Serve the JSON API and the web UI");
  add_db_option(*cmd, o->db);
  cmd->add_option("--port", o->server.port, "TCP port; 0 picks a free one")->check(CLI::Range(0, 65535))
      ->envname("REGIE_PORT")->capture_default_str();
  cmd->add_option("--host", o->server.host, "Address to listen on")->envname("REGIE_HOST")->capture_default_str();
  cmd->add_option("--web-root", o->server.web_root, "Folder with the built web UI")->capture_default_str();
  cmd->add_option("--questionnaires", o->server.questionnaires_dir,
                  "Folder with the questionnaire definitions (FHIR Questionnaire JSON)")->capture_default_str();
  cmd->add_option("--threads", o->server.threads,
                  "Worker threads: connections served at once, idle keep-alive ones included")
      ->check(CLI::Range(2, 1024))->envname("REGIE_THREADS")->capture_default_str();
  cmd->add_flag("--secure-cookies", o->server.secure_cookies, "Mark cookies Secure (when served behind TLS)");
  cmd->add_option("--secret-key-file", o->server.secret_key_file,
                  "Key file that encrypts BSNs at rest (32 bytes; created with mode 0600 when missing)")
      ->envname("REGIE_SECRET_KEY_FILE");
  add_rate_limit_options(*cmd, o->server);
  add_identity_options(*cmd, o->server.identity);
  add_mail_options(*cmd, o->server.mail);
  cmd->callback([&ctx, o] {
    auto s = open_store(o->db, true);
    if (!s) return void(ctx.exit_code = fail(s.error()));
    ctx.exit_code = serve_until_signal(**s, o->server, [](const std::string& url) {
      std::cout << "Regie is running at " << url << std::endl;
    });
  });
}

}  // namespace regie::cli
