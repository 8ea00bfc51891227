// Routes, JSON mapping and error-to-status translation for the API.
#include "http/server.h"

#include <httplib.h>
#include <sodium.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "common/log.h"
#include "service/auth.h"
#include "service/households.h"

namespace regie::http {
namespace {

using nlohmann::json;
using service::Principal;

int status_of(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_input: return 400;
    case ErrorCode::unauthenticated: return 401;
    case ErrorCode::forbidden: return 403;
    case ErrorCode::not_found: return 404;
    case ErrorCode::conflict: return 409;
    case ErrorCode::throttled: return 429;
    case ErrorCode::unavailable: return 503;
    case ErrorCode::internal: return 500;
  }
  return 500;
}

void send_json(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, const Error& e) {
  send_json(res, status_of(e.code), {{"error", {{"code", to_string(e.code)}, {"message", e.message}}}});
}

std::string cookie_value(const httplib::Request& req, const std::string& name) {
  auto header = req.get_header_value("Cookie");
  std::string_view rest = header;
  while (!rest.empty()) {
    auto semi = rest.find(';');
    auto part = rest.substr(0, semi);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.starts_with(name + "=")) return std::string(part.substr(name.size() + 1));
    rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
  }
  return {};
}

json principal_json(const Principal& p) {
  return {{"user", {{"username", p.username}, {"display_name", p.display_name}, {"role", domain::to_string(p.role)}}},
          {"csrf_token", p.csrf_token}};
}

json household_summary_json(const store::HouseholdSummary& s) {
  const auto& h = s.household;
  json director = nullptr;
  if (!h.director.empty()) director = {{"username", h.director}, {"display_name", s.director_display_name}};
  return {{"id", h.id},
          {"family_name", h.family_name},
          {"neighbourhood", h.neighbourhood},
          {"status", domain::to_string(h.status)},
          {"director", director},
          {"member_count", s.member_count},
          {"provision_count", s.provision_count},
          {"annual_cost_cents", s.annual_cost}};
}

json household_detail_json(const service::HouseholdDetail& d) {
  const auto& h = d.household;
  json members = json::array();
  for (auto& m : d.members)
    members.push_back({{"id", m.id},
                       {"given_name", m.given_name},
                       {"family_name", m.family_name},
                       {"role", domain::to_string(m.role)},
                       {"birth_year", m.birth_year},
                       {"consent_status", domain::to_string(m.consent)}});
  json provisions = json::array();
  std::map<domain::Category, Cents> by_category;
  Cents total = 0;
  for (auto& p : d.provisions) {
    bool active = p.active_on(d.on);
    if (active) {
      by_category[p.category()] += p.annual_cost;
      total += p.annual_cost;
    }
    json provider = {{"id", p.provider_id}, {"name", ""}};
    if (auto it = d.organisations.find(p.provider_id); it != d.organisations.end()) provider["name"] = it->second.name;
    json professional = nullptr;
    if (p.professional_id) {
      if (auto it = d.professionals.find(*p.professional_id); it != d.professionals.end())
        professional = {{"id", it->second.id}, {"name", it->second.name}, {"role", it->second.role}};
    }
    provisions.push_back({{"id", p.id},
                          {"member_id", p.member_id ? json(*p.member_id) : json(nullptr)},
                          {"domain", domain::to_string(p.domain)},
                          {"category", domain::to_string(p.category())},
                          {"provider", provider},
                          {"professional", professional},
                          {"goal", p.goal},
                          {"start_date", format_date(p.start)},
                          {"end_date", p.end ? json(format_date(*p.end)) : json(nullptr)},
                          {"hours_per_week", format_fixed(p.hours_per_week_centi, 2, true)},
                          {"annual_cost_cents", p.annual_cost},
                          {"cost_basis", domain::to_string(p.basis)},
                          {"indicated", p.indicated},
                          {"active", active}});
  }
  json categories = json::array();
  for (auto& [c, cents] : by_category)
    categories.push_back({{"category", domain::to_string(c)}, {"annual_cost_cents", cents}});
  json referral = nullptr;
  if (h.referral)
    referral = {{"source", domain::to_string(h.referral->source)},
                {"reason", h.referral->reason},
                {"date", format_date(h.referral->date)}};
  json director = nullptr;
  if (!h.director.empty()) director = {{"username", h.director}, {"display_name", d.director_display_name}};
  return {{"household",
           {{"id", h.id},
            {"family_name", h.family_name},
            {"address", h.address},
            {"postcode", h.postcode},
            {"city", h.city},
            {"neighbourhood", h.neighbourhood},
            {"status", domain::to_string(h.status)},
            {"director", director},
            {"referral", referral},
            {"members", members},
            {"provisions", provisions},
            {"cost_by_category", categories},
            {"total_annual_cost_cents", total},
            {"as_of", format_date(d.on)}}}};
}

bool is_state_changing(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

}  // namespace

struct Server::Impl {
  store::Store& store;
  const Clock& clock;
  ServerOptions options;
  service::Auth auth;
  service::Households households;
  httplib::Server http;

  Impl(store::Store& s, const Clock& c, ServerOptions o)
      : store(s), clock(c), options(std::move(o)), auth(s, c), households(s, c) {}

  std::string session_cookie(const std::string& token, std::int64_t max_age) const {
    return "regie_session=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age) +
           (options.secure_cookies ? "; Secure" : "");
  }

  // Authenticates the request; on failure writes the 401/403 answer and returns nullopt.
  std::optional<Principal> require_principal(const httplib::Request& req, httplib::Response& res) {
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
    return *p;
  }

  void routes() {
    http.set_payload_max_length(options.max_body_bytes);
    http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                              {"X-Frame-Options", "DENY"},
                              {"Referrer-Policy", "no-referrer"},
                              {"Content-Security-Policy",
                               "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                               "frame-ancestors 'none'"}});

    http.Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
      bool ok = store.is_current();
      send_json(res, ok ? 200 : 503, {{"status", ok ? "ok" : "schema_outdated"}, {"backend", store.backend()}});
    });
    http.Get("/api/v1/openapi.json", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(openapi_document(), "application/json; charset=utf-8");
    });

    http.Post("/api/v1/session", [this](const httplib::Request& req, httplib::Response& res) {
      json body = json::parse(req.body, nullptr, false);
      if (body.is_discarded() || !body.is_object() || !body.contains("username") || !body["username"].is_string() ||
          !body.contains("password") || !body["password"].is_string()) {
        send_error(res, invalid("the body must be a JSON object with string fields username and password"));
        return;
      }
      auto s = auth.sign_in(body["username"], body["password"], req.remote_addr);
      if (!s) {
        send_error(res, s.error());
        return;
      }
      res.set_header("Set-Cookie", session_cookie(s->token, 12 * 3600));
      res.set_header("Cache-Control", "no-store");
      send_json(res, 200, principal_json(s->principal));
    });
    http.Get("/api/v1/session", [this](const httplib::Request& req, httplib::Response& res) {
      if (auto p = require_principal(req, res)) {
        res.set_header("Cache-Control", "no-store");
        send_json(res, 200, principal_json(*p));
      }
    });
    http.Delete("/api/v1/session", [this](const httplib::Request& req, httplib::Response& res) {
      if (!require_principal(req, res)) return;
      auth.sign_out(cookie_value(req, "regie_session"));
      res.set_header("Set-Cookie", session_cookie("", 0));
      res.status = 204;
    });

    http.Get("/api/v1/households", [this](const httplib::Request& req, httplib::Response& res) {
      auto p = require_principal(req, res);
      if (!p) return;
      auto list = households.list(*p);
      if (!list) return send_error(res, list.error());
      json out = json::array();
      for (auto& s : *list) out.push_back(household_summary_json(s));
      res.set_header("Cache-Control", "no-store");
      send_json(res, 200, {{"households", out}});
    });
    http.Get(R"(/api/v1/households/([A-Za-z0-9_.\-]{1,64}))", [this](const httplib::Request& req,
                                                                   httplib::Response& res) {
      auto p = require_principal(req, res);
      if (!p) return;
      auto d = households.get(*p, req.matches[1]);
      if (!d) return send_error(res, d.error());
      res.set_header("Cache-Control", "no-store");
      send_json(res, 200, household_detail_json(*d));
    });

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
      try {
        std::rethrow_exception(ep);
      } catch (const std::exception& e) {
        what = e.what();
      } catch (...) {
      }
      log::error("request.failed", json({{"error", what}}).dump());
      send_error(res, Error{ErrorCode::internal, "an internal error occurred; it has been logged"});
    });
    http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      // The path only: query strings could carry search terms about people.
      log::info("request", json({{"method", req.method}, {"path", req.path}, {"status", res.status}}).dump());
    });
  }
};

Server::Server(store::Store& store, const Clock& clock, ServerOptions options)
    : impl_(std::make_unique<Impl>(store, clock, std::move(options))) {
  impl_->routes();
}

Server::~Server() = default;

int Server::bind() {
  auto& o = impl_->options;
  if (o.port == 0) return impl_->http.bind_to_any_port(o.host);
  return impl_->http.bind_to_port(o.host, o.port) ? o.port : -1;
}

void Server::run() { impl_->http.listen_after_bind(); }
void Server::stop() { impl_->http.stop(); }

}  // namespace regie::http
