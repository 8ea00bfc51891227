// The HTTP server's wiring: limits, the pre-routing checks (framing, text,
// rate limit), authentication with the household gate, the health check,
// every area's routes (routes_<area>.cpp) and the error and exception handlers.
#include "http/server.h"

#include "http/api.h"
#include "http/client_address.h"
#include "http/connection_guard.h"
#include "http/framing.h"
#include "http/metrics.h"
#include "http/rate_limit.h"

#include <httplib.h>
#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "common/log.h"
#include "common/sealer.h"
#include "service/access.h"
#include "service/auth.h"
#include "store/unavailable.h"

namespace regie::http {

using service::Principal;

namespace {
// cpp-httplib 0.11 compresses with brotli at its slowest setting (quality
// 11): the web UI's 260 KB script took 0.8 s to send on loopback, and every
// JSON answer paid the same way. Without "br" in Accept-Encoding it uses gzip
// at zlib's default level, a hundred times faster for a few percent more bytes.
void prefer_gzip(const httplib::Request& req) {
  auto& headers = const_cast<httplib::Request&>(req).headers;
  auto it = headers.find("Accept-Encoding");
  if (it == headers.end() || it->second.find("br") == std::string::npos) return;
  std::string kept;
  std::size_t start = 0;
  const std::string& value = it->second;
  while (start <= value.size()) {
    auto comma = value.find(',', start);
    std::string token = value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    const auto first = token.find_first_not_of(" \t");
    const auto name = first == std::string::npos ? std::string{} : token.substr(first, token.find(';', first) - first);
    if (name.substr(0, name.find_last_not_of(" \t") + 1) != "br" && first != std::string::npos)
      kept += (kept.empty() ? "" : ",") + token;
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  it->second = kept;
}

service::AuthPolicy auth_policy(const ServerOptions& o) {
  service::AuthPolicy p;
  p.staff_passwords = o.identity.staff_passwords;
  return p;
}

// A request runs on one worker thread from pre-routing to the logger, so
// its start can wait there for the logger to read it.
thread_local std::optional<std::chrono::steady_clock::time_point> request_start;
}  // namespace

struct Server::Impl {
  store::Store& store;
  const Clock& clock;
  ServerOptions options;
  AddressRanges proxies;
  AddressRanges metrics_from;
  Metrics metrics{openapi_document()};
  std::optional<Sealer> sealer;  // before the services that keep a pointer to it
  service::Auth auth;
  ConnectionGuard guard;  // outlives the server's task queue, which calls it
  httplib::Server http;
  RateLimit rate_limit;
  Api api;

  Impl(store::Store& s, const Clock& c, ServerOptions o, AddressRanges proxies_in, AddressRanges metrics_in,
       std::optional<Sealer> sealer_in, std::shared_ptr<const interop::Instruments> instruments)
      : store(s),
        clock(c),
        options(std::move(o)),
        proxies(std::move(proxies_in)),
        metrics_from(std::move(metrics_in)),
        sealer(std::move(sealer_in)),
        auth(s, c, sealer ? &*sealer : nullptr, auth_policy(options)),
        guard(ConnectionLimits{options.header_timeout_s, options.keep_alive_timeout_s, options.min_body_bytes_per_s,
                               options.max_connections_per_client,
                               [this](const std::string& peer) { return proxies.contains(peer); }}),
        rate_limit(options.rate_limit_per_second, options.rate_limit_burst),
        api{http, s, c, sealer ? &*sealer : nullptr,
            std::move(instruments),
            [this](const httplib::Request& req, httplib::Response& res) { return require_principal(req, res); },
            auth, options.secure_cookies,
            [this](const httplib::Request& req) { guard.handler_started(req); }} {}

  // Household resources are refused before their body is even read, so a
  // caller without access learns nothing, not even what a valid body is.
  // The file itself (GET /households/{id}) is left to the service, which
  // reads the household for its own check and audit anyway.
  bool may_use_household_in_path(const httplib::Request& req, const Principal& p) {
    static constexpr std::string_view prefix = "/api/v1/households/";
    std::string_view path = req.path;
    if (!path.starts_with(prefix)) return true;
    path.remove_prefix(prefix.size());
    const auto slash = path.find('/');
    const std::string_view id = path.substr(0, slash);
    const std::string_view rest = slash == std::string_view::npos ? std::string_view{} : path.substr(slash);
    const bool id_shaped = !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
    });
    if (!id_shaped) return true;  // no household route matches; the router answers 404
    auto use = service::HouseholdUse::work;
    if (rest.empty() && req.method == "GET") return true;
    if (rest == "/status" && req.method == "PUT") use = service::HouseholdUse::change_status;
    if (rest == "/team-leads" || rest.starts_with("/team-leads/")) use = service::HouseholdUse::assignments;
    if (rest == "/shared-plan" || rest.starts_with("/shared-plan/")) use = service::HouseholdUse::shared_plan;
    return service::may_use_household(api.store, api.clock, p, std::string(id), use, "household.access");
  }

  // Authenticates the request; on failure writes the 401/403 answer and returns nullopt.
  std::optional<Principal> require_principal(const httplib::Request& req, httplib::Response& res) {
    guard.handler_started(req);  // the body is in; the answer may take as long as it needs
    auto p = auth.authenticate(cookie_value(req, "regie_session"));
    if (!p) {
      send_error(res, p.error());
      return std::nullopt;
    }
    if (is_state_changing(req.method)) {
      auto sent = req.get_header_value("X-CSRF-Token");
      const auto& want = p->csrf_token;
      if (sent.size() != want.size() || sodium_memcmp(sent.data(), want.data(), want.size()) != 0) {
        send_error(res, forbidden("missing or wrong X-CSRF-Token header"));
        return std::nullopt;
      }
    }
    p->client = client_address(req);
    if (!may_use_household_in_path(req, *p)) {
      send_error(res, service::hidden_household());
      return std::nullopt;
    }
    return *p;
  }

  void routes() {
    // The library's limit is the largest route's; pre-routing holds each
    // request to its own route's limit.
    http.set_payload_max_length(std::max(options.max_body_bytes, options.max_upload_bytes));
    http.set_read_timeout(options.read_timeout_ms / 1000, (options.read_timeout_ms % 1000) * 1000);
    http.set_write_timeout(options.write_timeout_s, 0);
    http.set_keep_alive_timeout(options.keep_alive_timeout_s);
    // The library's default of 5 requests per connection makes busy clients reconnect all the time.
    http.set_keep_alive_max_count(options.keep_alive_max_requests);
    http.new_task_queue = [this] { return guard.make_task_queue(static_cast<std::size_t>(options.threads)); };
    // Without it, small JSON answers wait for delayed ACKs: ~40 ms per request on loopback.
    http.set_tcp_nodelay(true);
    http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                              {"X-Frame-Options", "DENY"},
                              {"Referrer-Policy", "no-referrer"},
                              {"Content-Security-Policy",
                               "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                               "frame-ancestors 'none'"}});

    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      request_start = std::chrono::steady_clock::now();
      set_client_address(req, proxies.client_of(req));
      prefer_gzip(req);
      // What follows a broken request on its connection is not a request: the
      // library may still parse some of it, but nothing of it is run.
      if (guard.closing(req)) {
        send_error(res, invalid("this connection is closed after a request that could not be read"));
        return httplib::Server::HandlerResponse::Handled;
      }
      std::uint64_t content_length = 0;
      const auto limit = body_limit(req, options.max_body_bytes, options.max_upload_bytes);
      if (auto problem = framing_problem(req, limit, &content_length)) {
        guard.close_after_answer(req);
        send_json(res, problem->status,
                  {{"error", {{"code", "invalid_input"}, {"message", problem->message}}}});
        return httplib::Server::HandlerResponse::Handled;
      }
      // A request without a length or a transfer coding has no body (RFC 9112
      // 6.3); the library would read one until the client closes.
      if (!req.has_header("Content-Length") && (req.method == "POST" || req.method == "PUT" || req.method == "PATCH"))
        const_cast<httplib::Request&>(req).headers.emplace("Content-Length", "0");
      guard.headers_read(req, content_length);
      // Answered here, a request's body is never read: the connection must not
      // read it as the next request either.
      auto refuse = [&](const Error& e) {
        if (content_length > 0) guard.close_after_answer(req);
        send_error(res, e);
        return httplib::Server::HandlerResponse::Handled;
      };
      // The request object is the library's, handed to us read-only; its
      // query pairs are replaced by a parse that keeps '=' inside values.
      const_cast<httplib::Request&>(req).params = parse_query(req.target);
      // The decoded path and query must be text before anything keys, logs or
      // matches on them: "/%ff" is refused here, not deep inside a handler.
      if (!request_text_ok(req))
        return refuse(invalid("the address holds bytes that are not valid UTF-8 text, or control characters"));
      // For monitors and balancers, which ask often from one address.
      if (req.path == "/healthz" || req.path == "/readyz" || req.path == "/metrics")
        return httplib::Server::HandlerResponse::Unhandled;
      const double now = std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
      int retry_after = 1;
      if (rate_limit.allow(client_address(req), now, &retry_after)) {
        if (content_length > limit) const_cast<httplib::Request&>(req).path = kTooLargePath;
        return httplib::Server::HandlerResponse::Unhandled;
      }
      res.set_header("Retry-After", std::to_string(retry_after));
      return refuse(Error{ErrorCode::throttled, "too many requests from this address; try again shortly"});
    });

    auto too_large = [this](const httplib::Request&, httplib::Response& res) {
      send_json(res, 413, {{"error", {{"code", "invalid_input"},
                                      {"message", "the request body is larger than this address accepts (" +
                                                      std::to_string(options.max_body_bytes) + " bytes)"}}}});
    };
    http.Post(kTooLargePath, too_large);
    http.Put(kTooLargePath, too_large);
    http.Patch(kTooLargePath, too_large);
    http.Delete(kTooLargePath, too_large);

    // Liveness: the process answers. It does not ask the database, so an
    // outage of the database does not get every server restarted.
    http.Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
      send_json(res, 200, {{"status", "ok"}, {"backend", store.backend()}});
    });
    // Readiness: this server can do its work now (the database answers and
    // has this binary's schema); a balancer sends it requests only then.
    http.Get("/readyz", [this](const httplib::Request&, httplib::Response& res) {
      bool ok = false;
      try {
        ok = service::schema_current(store);
      } catch (const store::Unavailable&) {
        return send_json(res, 503, {{"status", "database_unavailable"}, {"backend", store.backend()}});
      }
      send_json(res, ok ? 200 : 503, {{"status", ok ? "ok" : "schema_outdated"}, {"backend", store.backend()}});
    });
    http.Get("/metrics", [this](const httplib::Request& req, httplib::Response& res) {
      if (!metrics_from.contains(client_address(req)))
        return send_error(res, forbidden("metrics are served only to the monitoring addresses (--metrics-from)"));
      res.set_content(metrics.render(store.stats(), store.backend()), "text/plain; version=0.0.4; charset=utf-8");
    });
    http.Get("/api/v1/openapi.json", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(openapi_document(), "application/json; charset=utf-8");
    });

    add_session_routes(api);
    add_household_routes(api);
    add_cost_routes(api);
    add_analytics_routes(api);
    add_measurement_routes(api);
    add_interop_routes(api);
    add_plan_routes(api);
    add_consent_routes(api);
    add_audit_routes(api);
    add_me_routes(api);
    add_shared_plan_routes(api);
    add_mandate_routes(api);
    add_account_routes(api);
    add_assignment_routes(api);
    add_privacy_routes(api);
    add_identity_routes(api, options.identity);

    // Unknown API paths answer JSON, never the UI's index page.
    auto api_not_found = [](const httplib::Request&, httplib::Response& res) {
      send_error(res, not_found("no such API endpoint"));
    };
    http.Get(R"(/api/.*)", api_not_found);
    http.Post(R"(/api/.*)", api_not_found);
    http.Put(R"(/api/.*)", api_not_found);
    http.Delete(R"(/api/.*)", api_not_found);

    if (!options.web_root.empty()) {
      http.set_mount_point("/", options.web_root);
      // Client-side routes such as /huishoudens/BZHH01 get the UI's index page.
      http.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (res.status == 404 && req.method == "GET" && !req.path.starts_with("/api/") &&
            req.path.find('.') == std::string::npos) {
          std::ifstream in(std::filesystem::path(options.web_root) / "index.html", std::ios::binary);
          if (in) {
            std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            res.status = 200;
            res.set_content(html, "text/html; charset=utf-8");
          }
        }
      });
    }

    http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
      std::string what = "unknown";
      bool environment = false;
      try {
        std::rethrow_exception(ep);
      } catch (const store::Unavailable& e) {
        what = e.what();
        environment = e.environment();
      } catch (const std::exception& e) {
        what = e.what();
      } catch (...) {
      }
      log::error("request.failed", json({{"error", what}}).dump(-1, ' ', false, json::error_handler_t::replace));
      // A full disk is the operator's to fix and the user's to know: nothing was stored.
      if (environment)
        return send_error(res, Error{ErrorCode::unavailable,
                                     "the server cannot store data right now (disk full or I/O error); nothing was "
                                     "saved, try again later"});
      send_error(res, Error{ErrorCode::internal, "an internal error occurred; it has been logged"});
    });
    http.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
      // The path only: query strings could carry search terms about people.
      // The logger runs outside the library's exception guard: it must not throw
      // on the bytes a client chose, or the whole process ends.
      guard.answered(req);
      try {
        const double took = request_start
                                ? std::chrono::duration<double>(std::chrono::steady_clock::now() - *request_start).count()
                                : 0.0;
        request_start.reset();
        metrics.observe(req.method, req.path, res.status, took);
        log::info("request", json({{"method", req.method}, {"path", req.path}, {"status", res.status}})
                                 .dump(-1, ' ', false, json::error_handler_t::replace));
      } catch (...) {
      }
    });
  }
};

Result<std::unique_ptr<Server>> Server::create(store::Store& store, const Clock& clock, ServerOptions options) {
  auto proxies = AddressRanges::parse(options.trusted_proxies);
  if (!proxies) return proxies.error();
  auto metrics_from = AddressRanges::parse(options.metrics_from);
  if (!metrics_from) return metrics_from.error();
  std::optional<Sealer> sealer;
  if (!options.secret_key_file.empty()) {
    auto s = Sealer::from_key_file(options.secret_key_file, true);
    if (!s) return s.error();
    sealer = std::move(*s);
  }
  std::shared_ptr<const interop::Instruments> instruments;
  if (!options.questionnaires_dir.empty()) {
    auto loaded = interop::load_instruments(options.questionnaires_dir);
    if (!loaded) return loaded.error();
    instruments = std::make_shared<const interop::Instruments>(std::move(*loaded));
  }
  return std::unique_ptr<Server>(new Server(
      std::make_unique<Impl>(store, clock, std::move(options), std::move(*proxies), std::move(*metrics_from),
                             std::move(sealer), std::move(instruments))));
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) { impl_->routes(); }

Server::~Server() = default;

int Server::bind() {
  auto& o = impl_->options;
  int port = o.port == 0 ? impl_->http.bind_to_any_port(o.host) : (impl_->http.bind_to_port(o.host, o.port) ? o.port : -1);
  impl_->guard.set_port(port);
  return port;
}

void Server::run() { impl_->http.listen_after_bind(); }
void Server::stop() { impl_->http.stop(); }

}  // namespace regie::http
