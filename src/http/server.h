// The HTTP front end: the JSON API under /api/v1, /healthz, the OpenAPI
// document and the web UI's static files. Routes only translate between HTTP
// and the service layer; no SQL and no business rules live here.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/clock.h"
#include "service/identity_options.h"
#include "service/mail_options.h"
#include "store/store.h"

namespace regie::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                  // 0: any free port (see Server::bind)
  std::string web_root;             // built web UI (web/dist); empty: API only
  bool secure_cookies = false;      // add the Secure attribute (behind TLS)
  // Limits (docs/reliability.md). A bigger body is refused with 413 before
  // it is read; a client that stalls longer than a timeout is disconnected.
  std::size_t max_body_bytes = 1 << 20;
  // The one route that takes files: an iJw/iWmo message (docs/interop.md).
  std::size_t max_upload_bytes = 16 << 20;
  int threads = 32;                      // requests handled at once (incl. idle keep-alive connections)
  int read_timeout_ms = 10000;          // for each read (the library's own limit)
  int write_timeout_s = 10;
  int keep_alive_timeout_s = 5;
  // The request line and headers must arrive within this time, and a body
  // within it plus its size at the minimum rate; one client address may hold
  // at most this many connections (0: no cap). See http/connection_guard.h.
  int header_timeout_s = 10;
  std::int64_t min_body_bytes_per_s = 64 * 1024;
  int max_connections_per_client = 16;
  std::size_t keep_alive_max_requests = 1000;
  // Requests per second per client address (token bucket with this burst);
  // over it a request gets 429 with Retry-After. 0 switches it off.
  double rate_limit_per_second = 100;
  double rate_limit_burst = 200;
  std::string secret_key_file;      // encrypts BSNs at rest; created (0600) when missing; empty: no BSNs
  std::string questionnaires_dir;   // FHIR Questionnaire definitions; empty: no measurements
  // Reverse proxies whose X-Forwarded-For is believed (addresses or networks;
  // http/client_address.h). Their connections are not capped per client.
  std::vector<std::string> trusted_proxies;
  // Client addresses (after the proxies) that may read GET /metrics.
  std::vector<std::string> metrics_from = {"127.0.0.1", "::1"};
  // Sign-in through the organisation's identity provider and DigiD (docs/identity.md).
  service::IdentityOptions identity;
  // Mail (docs/identity.md): sent by the command that runs the server
  // (cli/serve.cpp) on a thread of its own, not by the server.
  service::MailOptions mail;
};

class Server {
 public:
  // Fails when the secret key file cannot be read or created, or a
  // questionnaire definition is invalid.
  static Result<std::unique_ptr<Server>> create(store::Store& store, const Clock& clock, ServerOptions options);
  ~Server();
  // Binds the socket and returns the port, or -1 when it cannot bind.
  int bind();
  // Serves until stop() is called from another thread or a signal handler.
  void run();
  void stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The OpenAPI 3 document (docs/openapi.json, compiled in).
const std::string& openapi_document();

}  // namespace regie::http
