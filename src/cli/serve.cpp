// `regie serve`: the API and the web UI over one store.
#include <signal.h>

#include <filesystem>
#include <iostream>
#include <thread>

#include "cli/app.h"
#include "cli/serve_common.h"
#include "common/clock.h"
#include "common/log.h"

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
  cmd->callback([&ctx, o] {
    auto s = open_store(o->db, true);
    if (!s) return void(ctx.exit_code = fail(s.error()));
    ctx.exit_code = serve_until_signal(**s, o->server, [](const std::string& url) {
      std::cout << "Regie is running at " << url << std::endl;
    });
  });
}

}  // namespace regie::cli
