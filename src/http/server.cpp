// Routes, JSON mapping and error-to-status translation for the API.
#include "http/server.h"

#include "http/api.h"
#include "http/connection_guard.h"
#include "http/framing.h"
#include "http/rate_limit.h"

#include <fmt/format.h>
#include <httplib.h>
#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <nlohmann/json.hpp>

#include "common/log.h"
#include "common/problems.h"
#include "common/sealer.h"
#include "service/access.h"
#include "service/auth.h"
#include "store/organisation_store.h"
#include "store/unavailable.h"
#include "interop/xlsx.h"
#include "service/businesscase.h"
#include "service/households.h"
#include "service/population.h"
#include "service/records.h"

namespace regie::http {
namespace {

using service::Principal;


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
          {"annual_cost_cents", s.annual_cost},
          {"cost_out_of_range", s.cost_out_of_range},
          {"signals", s.signals}};
}

json signals_json(const service::HouseholdDetail& d) {
  json out = json::array();
  for (auto& sig : d.signals) {
    const std::string code(domain::to_string(sig.code));
    json ack = nullptr;
    for (auto& a : d.acknowledgements)  // the latest acknowledgement counts
      if (a.signal == code) ack = {{"note", a.note}, {"by", a.by}, {"at", a.at}};
    out.push_back({{"code", code}, {"detail", sig.detail}, {"provisions", sig.provisions}, {"acknowledged", ack}});
  }
  return out;
}

json counts_json(const domain::CareMapCounts& c) {
  json per_domain = json::object();
  for (auto& [dom, n] : c.provisions_per_domain) per_domain[std::string(domain::to_string(dom))] = n;
  return {{"providers", c.providers},
          {"professionals", c.professionals},
          {"provisions_per_domain", per_domain},
          {"turnover_6_months", c.turnover}};
}

// Provision starts and ends, care-map edits, measurements, mandate decisions
// and round tables, newest first.
json timeline_json(const service::HouseholdDetail& d) {
  struct Event {
    std::string date, kind, provision, text;
    int count = 1;
  };
  std::vector<Event> events;
  for (auto& p : d.provisions) {
    events.push_back({format_date(p.start), "provision_started", p.id, std::string(domain::to_string(p.domain))});
    if (p.end && *p.end <= d.on)
      events.push_back({format_date(*p.end), "provision_ended", p.id, std::string(domain::to_string(p.domain))});
  }
  for (auto& c : d.changes)
    events.push_back({c.day, "care_map_" + c.change, c.provision_id.value_or(""), c.by, c.count});
  for (auto& r : d.records) events.push_back({r.date, r.kind, "", r.detail});
  std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.date > b.date; });
  json out = json::array();
  for (auto& e : events)
    out.push_back(
        {{"date", e.date}, {"kind", e.kind}, {"provision_id", e.provision}, {"detail", e.text}, {"count", e.count}});
  return out;
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
                       {"consent_status", domain::to_string(m.consent)},
                       {"bsn_masked", d.bsn_masked.contains(m.id) ? json(d.bsn_masked.at(m.id)) : json(nullptr)}});
  json provisions = json::array();
  std::map<domain::Category, Cents> by_category;
  Cents total = 0;
  for (auto& p : d.provisions) {
    bool active = p.active_on(d.on);
    auto cost = domain::annual_cost_on(p, d.on, d.prices);
    if (active) {
      by_category[p.category()] += cost.annual;
      total += cost.annual;
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
                          {"annual_cost_cents", cost.annual},
                          {"cost_basis", domain::to_string(p.basis)},
                          {"cost_explanation", cost.explanation},
                          {"price_code", p.price_code ? json(*p.price_code) : json(nullptr)},
                          {"units_per_year", p.price_code ? json(format_fixed(p.units_per_year_centi, 2, true))
                                                          : json(nullptr)},
                          {"missing_price", cost.missing_price},
                          {"cost_out_of_range", cost.out_of_range},
                          {"indicated", p.indicated},
                          {"coaching", p.coaching},
                          {"version", p.version},
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
  json next_statuses = json::array();
  for (auto n : domain::allowed_next(h.status)) next_statuses.push_back(domain::to_string(n));
  json team_leads = json::array();
  for (auto& a : d.team_leads) team_leads.push_back({{"username", a.username}, {"display_name", a.display_name}});
  json import_warnings = json::array();
  for (auto& w : d.import_warnings)
    import_warnings.push_back({{"member_id", w.member_id}, {"message", w.message}, {"text", w.text}, {"at", w.at}});
  return {{"household",
           {{"id", h.id},
            {"family_name", h.family_name},
            {"address", h.address},
            {"postcode", h.postcode},
            {"city", h.city},
            {"neighbourhood", h.neighbourhood},
            {"status", domain::to_string(h.status)},
            {"drop_reason", h.drop_reason.empty() ? json(nullptr) : json(h.drop_reason)},
            {"allowed_next_statuses", next_statuses},
            {"version", h.version},
            {"director", director},
            {"team_leads", team_leads},
            {"import_warnings", import_warnings},
            {"referral", referral},
            {"members", members},
            {"provisions", provisions},
            {"cost_by_category", categories},
            {"total_annual_cost_cents", total},
            {"signals", signals_json(d)},
            {"counts", counts_json(d.counts)},
            {"timeline", timeline_json(d)},
            {"as_of", format_date(d.on)}}}};
}

json business_case_json(const service::BusinessCaseReport& r) {
  const auto& bc = r.business_case;
  json households = json::array();
  for (auto& [key, p] : bc.households)
    households.push_back({{"key", key}, {"t1_cents", p.t1}, {"t2_cents", p.t2}, {"difference_cents", p.difference()},
                          {"director_cost_cents", bc.director.for_household(key)}});
  json categories = json::array();
  for (auto& [cat, p] : bc.categories)
    categories.push_back({{"category", cat},
                          {"households", bc.category_households.at(cat)},
                          {"t1_cents", p.t1},
                          {"t2_cents", p.t2},
                          {"difference_cents", p.difference()}});
  json savings = json::array();
  for (auto& v : r.virtual_savings)
    savings.push_back({{"household", v.household},
                       {"kind", domain::to_string(v.kind)},
                       {"amount_cents", v.amount},
                       {"note", v.note},
                       {"recorded_on", format_date(v.recorded_on)}});
  const auto& d = bc.director;
  return {{"t1", format_date(r.query.t1)},
          {"t2", format_date(r.query.t2)},
          {"pseudonymised", r.pseudonymised},
          {"household_count", bc.household_count()},
          {"households", households},
          {"categories", categories},
          {"total", {{"t1_cents", bc.total.t1}, {"t2_cents", bc.total.t2}, {"difference_cents", bc.total.difference()}}},
          {"director_cost",
           {{"mode", d.mode_name()},
            {"per_household_cents", d.mode == analytics::DirectorCost::Mode::registered ? json(nullptr)
                                                                                        : json(d.per_household)},
            {"total_cents", bc.director_total},
            {"norm_per_household_cents", r.norm_per_household},
            {"norm_hours_per_week", format_fixed(r.query.norm_hours_per_week_centi, 2, true)},
            {"norm_weeks", r.query.norm_weeks},
            {"hourly_rate_cents", r.query.hourly_rate},
            {"explanation", d.explain()}}},
          {"net_cents", bc.net()},
          {"registered_minutes",
           {{"direct", r.time.direct}, {"indirect", r.time.indirect}, {"travel", r.time.travel},
            {"project", r.time.project}}},
          {"virtual_savings", {{"items", savings}, {"total_cents", r.virtual_total}}},
          {"table", json::parse(analytics::to_json(analytics::to_table(bc)))}};
}

// Reads the business-case query from URL parameters; errors name the parameter.
Result<service::BusinessCaseQuery> business_case_query(const httplib::Request& req) {
  service::BusinessCaseQuery q;
  auto date = [&](const char* name, Date& out) -> Status {
    if (!req.has_param(name)) return invalid(fmt::format("{}: required (yyyy-mm-dd)", name));
    auto d = parse_date(req.get_param_value(name));
    if (!d) return invalid(fmt::format("{}: not a date (yyyy-mm-dd)", name));
    out = *d;
    return ok_status();
  };
  if (auto st = date("t1", q.t1); !st) return st.error();
  if (auto st = date("t2", q.t2); !st) return st.error();
  auto opt = [&](const char* name) -> std::optional<std::string> {
    if (!req.has_param(name) || req.get_param_value(name).empty()) return std::nullopt;
    return req.get_param_value(name);
  };
  if (auto h = opt("household")) {
    std::stringstream list(*h);
    for (std::string id; std::getline(list, id, ',');)
      if (!id.empty()) q.household_ids.push_back(id);
  }
  q.director = opt("director");
  q.neighbourhood = opt("neighbourhood");
  if (auto m = opt("director_cost")) q.director_cost_mode = *m;
  auto amount = [&](const char* name, Cents& out) -> Status {
    if (auto v = opt(name)) {
      auto c = parse_euros(*v);
      if (!c || *c < 0) return invalid(fmt::format("{}: expected an amount in euros like 70 or 8000.00", name));
      out = *c;
    }
    return ok_status();
  };
  if (auto st = amount("fixed_amount", q.fixed_amount); !st) return st.error();
  if (auto st = amount("hourly_rate", q.hourly_rate); !st) return st.error();
  if (auto v = opt("hours_per_week")) {
    auto h = parse_fixed(*v, 2);
    if (!h || *h < 0) return invalid("hours_per_week: expected a number like 2.5");
    q.norm_hours_per_week_centi = *h;
  }
  if (auto v = opt("weeks")) {
    auto w = parse_fixed(*v, 0);
    if (!w) return invalid("weeks: expected a whole number");
    q.norm_weeks = static_cast<int>(*w);
  }
  if (auto st = service::validate(q); !st) return st.error();
  return q;
}

// Year, date and threshold of a population analysis; defaults are the report's.
Result<service::PopulationQuery> population_query(const httplib::Request& req) {
  service::PopulationQuery q;
  if (req.has_param("year")) {
    auto y = parse_fixed(req.get_param_value("year"), 0);
    if (!y || *y < 1900 || *y > 9999) return invalid("year: a year like 2019");
    q.year = static_cast<int>(*y);
  }
  q.date = make_date(q.year, 12, 31);
  if (req.has_param("date")) {
    auto d = parse_date(req.get_param_value("date"));
    if (!d) return invalid("date: not a date (yyyy-mm-dd)");
    q.date = *d;
  }
  if (req.has_param("threshold")) {
    auto t = parse_euros(req.get_param_value("threshold"));
    if (!t || *t < 0) return invalid("threshold: an amount in euros like 30000");
    q.threshold = *t;
  }
  return q;
}

json time_entry_json(const domain::TimeEntry& t) {
  return {{"id", t.id}, {"date", format_date(t.date)}, {"minutes", t.minutes}, {"kind", domain::to_string(t.kind)},
          {"director", t.director}};
}

json virtual_saving_json(const domain::VirtualSaving& v) {
  return {{"id", v.id}, {"kind", domain::to_string(v.kind)}, {"amount_cents", v.amount}, {"note", v.note},
          {"recorded_by", v.recorded_by}, {"recorded_on", format_date(v.recorded_on)}};
}

}  // namespace

struct Server::Impl {
  store::Store& store;
  const Clock& clock;
  ServerOptions options;
  std::optional<Sealer> sealer;  // before the services that keep a pointer to it
  service::Auth auth;
  service::Households households;
  service::BusinessCaseService business_cases;
  service::CostRecords records;
  service::PopulationService population;
  ConnectionGuard guard;  // outlives the server's task queue, which calls it
  httplib::Server http;
  RateLimit rate_limit;
  Api api;

  Impl(store::Store& s, const Clock& c, ServerOptions o, std::optional<Sealer> sealer_in,
       std::shared_ptr<const interop::Instruments> instruments)
      : store(s),
        clock(c),
        options(std::move(o)),
        sealer(std::move(sealer_in)),
        auth(s, c, sealer ? &*sealer : nullptr),
        households(s, c, sealer ? &*sealer : nullptr),
        business_cases(s, c),
        records(s, c),
        population(s, c),
        guard(ConnectionLimits{options.header_timeout_s, options.keep_alive_timeout_s, options.min_body_bytes_per_s,
                               options.max_connections_per_client}),
        rate_limit(options.rate_limit_per_second, options.rate_limit_burst),
        api{http, s, c, sealer ? &*sealer : nullptr,
            std::move(instruments),
            [this](const httplib::Request& req, httplib::Response& res) { return require_principal(req, res); }} {}

  std::string session_cookie(const std::string& token, std::int64_t max_age) const {
    return "regie_session=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age) +
           (options.secure_cookies ? "; Secure" : "");
  }

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
    p->client = req.remote_addr;
    if (!may_use_household_in_path(req, *p)) {
      send_error(res, forbidden("no household with this id that you may see"));
      return std::nullopt;
    }
    return *p;
  }

  void analytics_routes() {
    const std::pair<const char*, service::PopulationAnalysis> kinds[] = {
        {"pareto", service::PopulationAnalysis::pareto},
        {"stacking", service::PopulationAnalysis::stacking},
        {"providers", service::PopulationAnalysis::providers},
        {"targets", service::PopulationAnalysis::targets},
        {"stacking-by-neighbourhood", service::PopulationAnalysis::stacking_by_neighbourhood}};
    for (auto [name, kind] : kinds) {
      http.Get(std::string("/api/v1/analytics/") + name, [this, kind = kind](const httplib::Request& req,
                                                                      httplib::Response& res) {
        auto p = require_principal(req, res);
        if (!p) return;
        auto q = population_query(req);
        if (!q) return send_error(res, q.error());
        q->analysis = kind;
        auto t = population.run(*p, *q);
        if (!t) return send_error(res, t.error());
        res.set_header("Cache-Control", "no-store");
        res.set_content(analytics::to_json(*t), "application/json; charset=utf-8");
      });
    }
    http.Get("/api/v1/analytics/potential", [this](const httplib::Request& req, httplib::Response& res) {
      auto p = require_principal(req, res);
      if (!p) return;
      using domain::Role;
      if (auto st = service::require_role(store, clock, *p, {Role::analyst, Role::team_lead, Role::administrator},
                                          "population.potential");
          !st)
        return send_error(res, st.error());
      auto q = population_query(req);
      if (!q) return send_error(res, q.error());
      auto bc = business_case_query(req);
      if (!bc) return send_error(res, bc.error());
      auto t = population.potential(*p, *q, *bc);
      if (!t) return send_error(res, t.error());
      res.set_content(analytics::to_json(*t), "application/json; charset=utf-8");
    });
  }

  void cost_routes() {
    http.Get("/api/v1/businesscase", [this](const httplib::Request& req, httplib::Response& res) {
      auto p = require_principal(req, res);
      if (!p) return;
      using domain::Role;
      if (auto st = service::require_role(store, clock, *p,
                                          {Role::director, Role::team_lead, Role::administrator, Role::analyst},
                                          "businesscase.read");
          !st)
        return send_error(res, st.error());
      auto q = business_case_query(req);
      if (!q) return send_error(res, q.error());
      auto r = business_cases.report(*p, *q);
      if (!r) return send_error(res, r.error());
      // JSON carries more than the table (households, explanation); the files hold the table.
      if (!req.has_param("format") || req.get_param_value("format") == "json") {
        res.set_header("Cache-Control", "no-store");
        return send_json(res, 200, business_case_json(*r));
      }
      auto table = analytics::to_table(r->business_case);
      analytics::Table notes{{"toelichting"}, {{r->business_case.director.explain()}}, {false}};
      send_table(req, res, table, "businesscase",
                 {{"businesscase", table, {}},
                  {"Tabel 3 huishoudens", analytics::select_rows(table, 0, "3"), {}},
                  {"Tabel 4 categorieen", analytics::select_rows(table, 0, "4"), {}},
                  {"Tabel 5 netto", analytics::select_rows(table, 0, "5"), {}},
                  {"Toelichting", notes, {}}});
    });

    http.Get("/api/v1/price-list", [this](const httplib::Request& req, httplib::Response& res) {
      if (!require_principal(req, res)) return;
      json items = json::array();
      const auto prices = records.price_list();  // items() refers into it: keep it alive
      for (auto& i : prices.items())
        items.push_back({{"code", i.code}, {"name", i.name}, {"unit", domain::to_string(i.unit)},
                         {"amount_cents", i.amount}, {"valid_from", format_date(i.valid_from)}});
      send_json(res, 200, {{"items", items}});
    });
    http.Post("/api/v1/price-list", [this](const httplib::Request& req, httplib::Response& res) {
      auto p = require_principal(req, res);
      if (!p) return;
      if (auto st = service::require_role(store, clock, *p, {domain::Role::administrator}, "price_list.add"); !st)
        return send_error(res, st.error());
      auto body = object_body(req);
      if (!body) return send_error(res, body.error());
      domain::PriceItem item;
      auto code = string_field(*body, "code"), name = string_field(*body, "name"), unit = string_field(*body, "unit"),
           from = string_field(*body, "valid_from");
      auto amount = integer_field(*body, "amount_cents");
      for (auto* r : {&code, &name, &unit, &from})
        if (!*r) return send_error(res, r->error());
      if (!amount) return send_error(res, amount.error());
      auto u = domain::parse_price_unit(*unit);
      if (!u) return send_error(res, invalid("unit: intervention, hour, month or year"));
      auto d = parse_date(*from);
      if (!d) return send_error(res, invalid("valid_from: not a date (yyyy-mm-dd)"));
      item = domain::PriceItem{*code, *name, *u, *amount, *d};
      auto st = records.add_price_item(*p, item);
      if (!st) return send_error(res, st.error());
      send_json(res, 201, {{"code", item.code}, {"valid_from", format_date(item.valid_from)}});
    });

    const std::string household = R"(/api/v1/households/([A-Za-z0-9_.\-]{1,64}))";
    http.Post(household + "/provisions", [this](const httplib::Request& req, httplib::Response& res) {
      auto p = require_principal(req, res);
      if (!p) return;
      auto body = object_body(req);
      if (!body) return send_error(res, body.error());
      auto provision = provision_from_json(*body, req.matches[1]);
      if (!provision) return send_error(res, provision.error());
      auto added = households.add_provision(*p, *provision);
      if (!added) return send_error(res, added.error());
      send_json(res, 201, {{"id", added->id}});
    });
    http.Put(household + R"(/provisions/([A-Za-z0-9_.\-]{1,64}))", [this](const httplib::Request& req,
                                                                      httplib::Response& res) {
      auto p = require_principal(req, res);
      if (!p) return;
      auto body = object_body(req);
      if (!body) return send_error(res, body.error());
      if (!body->contains("version")) return send_error(res, invalid("version: required, the version you read"));
      auto provision = provision_from_json(*body, req.matches[1]);
      if (!provision) return send_error(res, provision.error());
      provision->id = req.matches[2];
      auto v = households.update_provision(*p, *provision);
      if (!v) return send_error(res, v.error());
      send_json(res, 200, {{"id", provision->id}, {"version", *v}});
    });
    http.Post(household + R"(/provisions/([A-Za-z0-9_.\-]{1,64})/end)", [this](const httplib::Request& req,
                                                                          httplib::Response& res) {
      auto p = require_principal(req, res);
      if (!p) return;
      auto body = object_body(req);
      if (!body) return send_error(res, body.error());
      auto end = string_field(*body, "end_date");
      auto version = integer_field(*body, "version");
      if (!end) return send_error(res, end.error());
      if (!version) return send_error(res, version.error());
      auto d = parse_date(*end);
      if (!d) return send_error(res, invalid("end_date: not a date (yyyy-mm-dd)"));
      auto v = households.end_provision(*p, req.matches[1], req.matches[2], *d, static_cast<int>(*version));
      if (!v) return send_error(res, v.error());
      send_json(res, 200, {{"id", std::string(req.matches[2])}, {"version", *v}});
    });
    http.Post(household + R"(/signals/([a-z_]{1,64})/acknowledge)", [this](const httplib::Request& req,
                                                                      httplib::Response& res) {
      auto p = require_principal(req, res);
      if (!p) return;
      auto body = object_body(req);
      if (!body) return send_error(res, body.error());
      auto note = string_field(*body, "note");
      if (!note) return send_error(res, note.error());
      auto st = households.acknowledge_signal(*p, req.matches[1], req.matches[2], *note);
      if (!st) return send_error(res, st.error());
      send_json(res, 201, {{"signal", std::string(req.matches[2])}});
    });
    http.Put(household + "/status", [this](const httplib::Request& req, httplib::Response& res) {
      auto p = require_principal(req, res);
      if (!p) return;
      auto body = object_body(req);
      if (!body) return send_error(res, body.error());
      auto status = string_field(*body, "status"), reason = string_field(*body, "drop_reason", false);
      auto version = integer_field(*body, "version");
      if (!status) return send_error(res, status.error());
      if (!reason) return send_error(res, reason.error());
      if (!version) return send_error(res, version.error());
      auto to = domain::parse_household_status(*status);
      if (!to) return send_error(res, invalid("status: referred, intake, active, aftercare, closed or dropped"));
      auto v = households.change_status(*p, req.matches[1], *to, *reason, static_cast<int>(*version));
      if (!v) return send_error(res, v.error());
      send_json(res, 200, {{"status", *status}, {"version", *v}});
    });
    http.Put(household + R"(/members/([A-Za-z0-9_.\-]{1,64})/bsn)", [this](const httplib::Request& req,
                                                                     httplib::Response& res) {
      auto p = require_principal(req, res);
      if (!p) return;
      auto body = object_body(req);
      if (!body) return send_error(res, body.error());
      auto bsn = string_field(*body, "bsn");
      if (!bsn) return send_error(res, bsn.error());
      auto st = households.set_bsn(*p, req.matches[1], req.matches[2], *bsn);
      if (!st) return send_error(res, st.error());
      res.status = 204;
    });
    http.Post("/api/v1/households", [this](const httplib::Request& req, httplib::Response& res) {
      auto p = require_principal(req, res);
      if (!p) return;
      if (auto st = service::require_role(store, clock, *p, {domain::Role::team_lead, domain::Role::director}, "household.add"); !st)
        return send_error(res, st.error());
      auto body = object_body(req);
      if (!body) return send_error(res, body.error());
      FieldReader fields(*body);
      auto text = [&](const char* name, bool required) { return fields.text(name, required); };
      auto& problems = fields.problems();
      domain::Household h;
      h.id = text("id", false);
      h.family_name = text("family_name", true);
      h.address = text("address", false);
      h.postcode = text("postcode", false);
      h.city = text("city", false);
      h.neighbourhood = text("neighbourhood", false);
      h.director = text("director", false);
      auto source = text("referral_source", true), reason = text("referral_reason", true),
           date = text("referral_date", true);
      auto src = domain::parse_referral_source(source);
      auto d = parse_date(date);
      if (!source.empty() && !src)
        problems.add("referral_source: gp, practice_nurse, wmo, social_team, youth_doctor, social_work or other");
      if (!date.empty() && !d) problems.add("referral_date: not a date (yyyy-mm-dd)");
      if (!problems.empty()) return send_error(res, problems.error());
      h.referral = domain::Referral{*src, reason, *d};
      auto added = households.add_household(*p, h);
      if (!added) return send_error(res, added.error());
      send_json(res, 201, {{"id", added->id}, {"status", "referred"}});
    });
    http.Post(household + "/members", [this](const httplib::Request& req, httplib::Response& res) {
      auto p = require_principal(req, res);
      if (!p) return;
      auto body = object_body(req);
      if (!body) return send_error(res, body.error());
      auto given = string_field(*body, "given_name"), family = string_field(*body, "family_name", false),
           role = string_field(*body, "role"), consent = string_field(*body, "consent_status", false);
      auto year = integer_field(*body, "birth_year");
      for (auto* f : {&given, &family, &role, &consent})
        if (!*f) return send_error(res, f->error());
      if (!year) return send_error(res, year.error());
      auto r = domain::parse_member_role(*role);
      if (!r) return send_error(res, invalid("role: parent, child or other"));
      auto c = consent->empty() ? std::optional(domain::ConsentStatus::pending) : domain::parse_consent_status(*consent);
      if (!c) return send_error(res, invalid("consent_status: given, pending, refused or withdrawn"));
      auto added = households.add_member(
          *p, domain::Member{"", req.matches[1], *given, *family, *r, static_cast<int>(*year), *c, std::nullopt});
      if (!added) return send_error(res, added.error());
      send_json(res, 201, {{"id", added->id}});
    });
    http.Put(R"(/api/v1/settings/(signal\.[a-z_]{1,64}))", [this](const httplib::Request& req,
                                                               httplib::Response& res) {
      auto p = require_principal(req, res);
      if (!p) return;
      if (auto st = service::require_role(store, clock, *p, {domain::Role::administrator}, "setting.change"); !st)
        return send_error(res, st.error());
      auto body = object_body(req);
      if (!body) return send_error(res, body.error());
      auto value = integer_field(*body, "value");
      if (!value) return send_error(res, value.error());
      auto st = households.set_signal_threshold(*p, req.matches[1], static_cast<int>(*value));
      if (!st) return send_error(res, st.error());
      send_json(res, 200, {{"key", std::string(req.matches[1])}, {"value", *value}});
    });
    http.Get("/api/v1/organisations", [this](const httplib::Request& req, httplib::Response& res) {
      if (!require_principal(req, res)) return;
      json out = json::array();
      for (auto& o : store::OrganisationStore(store).list())
        out.push_back({{"id", o.id}, {"name", o.name}, {"kind", o.kind}});
      send_json(res, 200, {{"organisations", out}});
    });
    http.Get("/api/v1/professionals", [this](const httplib::Request& req, httplib::Response& res) {
      if (!require_principal(req, res)) return;
      json out = json::array();
      for (auto& p : store::OrganisationStore(store).professionals())
        out.push_back({{"id", p.id}, {"name", p.name}, {"organisation_id", p.organisation_id}, {"role", p.role},
                       {"phone", p.phone}});
      send_json(res, 200, {{"professionals", out}});
    });
    http.Post("/api/v1/professionals", [this](const httplib::Request& req, httplib::Response& res) {
      auto p = require_principal(req, res);
      if (!p) return;
      if (auto st = service::require_role(store, clock, *p, {domain::Role::director, domain::Role::administrator}, "professional.add"); !st)
        return send_error(res, st.error());
      auto body = object_body(req);
      if (!body) return send_error(res, body.error());
      auto name = string_field(*body, "name"), org = string_field(*body, "organisation_id"),
           role = string_field(*body, "role"), phone = string_field(*body, "phone", false);
      for (auto* f : {&name, &org, &role, &phone})
        if (!*f) return send_error(res, f->error());
      auto added = households.add_professional(*p, domain::Professional{"", *name, *org, *role, *phone});
      if (!added) return send_error(res, added.error());
      send_json(res, 201, {{"id", added->id}});
    });
    http.Get(household + "/time-entries", [this](const httplib::Request& req, httplib::Response& res) {
      auto p = require_principal(req, res);
      if (!p) return;
      auto list = records.time_entries(*p, req.matches[1]);
      if (!list) return send_error(res, list.error());
      json out = json::array();
      for (auto& t : *list) out.push_back(time_entry_json(t));
      send_json(res, 200, {{"time_entries", out}});
    });
    http.Post(household + "/time-entries", [this](const httplib::Request& req, httplib::Response& res) {
      auto p = require_principal(req, res);
      if (!p) return;
      auto body = object_body(req);
      if (!body) return send_error(res, body.error());
      auto date = string_field(*body, "date"), kind = string_field(*body, "kind");
      auto minutes = integer_field(*body, "minutes");
      if (!date) return send_error(res, date.error());
      if (!kind) return send_error(res, kind.error());
      if (!minutes) return send_error(res, minutes.error());
      auto d = parse_date(*date);
      auto k = domain::parse_time_kind(*kind);
      if (!d) return send_error(res, invalid("date: not a date (yyyy-mm-dd)"));
      if (!k) return send_error(res, invalid("kind: direct, indirect or travel"));
      if (*minutes < 1 || *minutes > 24 * 60) return send_error(res, invalid("minutes: between 1 and 1440"));
      domain::TimeEntry e{0, std::string(req.matches[1]), "", *d, static_cast<int>(*minutes), *k};
      auto added = records.add_time_entry(*p, e);
      if (!added) return send_error(res, added.error());
      send_json(res, 201, time_entry_json(*added));
    });
    http.Get("/api/v1/time-entries", [this](const httplib::Request& req, httplib::Response& res) {
      auto p = require_principal(req, res);
      if (!p) return;
      auto list = records.project_time(*p);
      if (!list) return send_error(res, list.error());
      json out = json::array();
      for (auto& t : *list) out.push_back(time_entry_json(t));
      send_json(res, 200, {{"time_entries", out}});
    });
    http.Post("/api/v1/time-entries", [this](const httplib::Request& req, httplib::Response& res) {
      auto p = require_principal(req, res);
      if (!p) return;
      if (auto st = service::require_role(store, clock, *p, {domain::Role::director}, "time.project"); !st)
        return send_error(res, st.error());
      auto body = object_body(req);
      if (!body) return send_error(res, body.error());
      auto date = string_field(*body, "date");
      auto minutes = integer_field(*body, "minutes");
      if (!date) return send_error(res, date.error());
      if (!minutes) return send_error(res, minutes.error());
      auto d = parse_date(*date);
      if (!d) return send_error(res, invalid("date: not a date (yyyy-mm-dd)"));
      if (*minutes < 1 || *minutes > 24 * 60) return send_error(res, invalid("minutes: between 1 and 1440"));
      auto added = records.add_project_time(
          *p, domain::TimeEntry{0, std::nullopt, "", *d, static_cast<int>(*minutes), domain::TimeKind::project});
      if (!added) return send_error(res, added.error());
      send_json(res, 201, time_entry_json(*added));
    });
    http.Get(household + "/virtual-savings", [this](const httplib::Request& req, httplib::Response& res) {
      auto p = require_principal(req, res);
      if (!p) return;
      auto list = records.virtual_savings(*p, req.matches[1]);
      if (!list) return send_error(res, list.error());
      json out = json::array();
      for (auto& v : *list) out.push_back(virtual_saving_json(v));
      send_json(res, 200, {{"virtual_savings", out}});
    });
    http.Post(household + "/virtual-savings", [this](const httplib::Request& req, httplib::Response& res) {
      auto p = require_principal(req, res);
      if (!p) return;
      auto body = object_body(req);
      if (!body) return send_error(res, body.error());
      auto kind = string_field(*body, "kind"), note = string_field(*body, "note");
      auto amount = integer_field(*body, "amount_cents");
      if (!kind) return send_error(res, kind.error());
      if (!note) return send_error(res, note.error());
      if (!amount) return send_error(res, amount.error());
      auto k = domain::parse_virtual_saving_kind(*kind);
      if (!k)
        return send_error(res, invalid("kind: out_of_home_placement, eviction, crisis_admission, "
                                       "police_intervention or other"));
      domain::VirtualSaving v{0, std::string(req.matches[1]), *k, *amount, *note, "", Date{}};
      auto added = records.add_virtual_saving(*p, v);
      if (!added) return send_error(res, added.error());
      send_json(res, 201, virtual_saving_json(*added));
    });
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
      if (req.path == "/healthz") return httplib::Server::HandlerResponse::Unhandled;  // for monitors and balancers
      const double now = std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
      int retry_after = 1;
      if (rate_limit.allow(req.remote_addr, now, &retry_after)) {
        if (content_length > limit) const_cast<httplib::Request&>(req).path = kTooLargePath;
        return httplib::Server::HandlerResponse::Unhandled;
      }
      res.set_header("Retry-After", std::to_string(retry_after));
      return refuse(Error{ErrorCode::throttled, "too many requests from this address; try again shortly"});
    });

    auto too_large = [this](const httplib::Request& req, httplib::Response& res) {
      send_json(res, 413, {{"error", {{"code", "invalid_input"},
                                      {"message", "the request body is larger than this address accepts (" +
                                                      std::to_string(options.max_body_bytes) + " bytes)"}}}});
    };
    http.Post(kTooLargePath, too_large);
    http.Put(kTooLargePath, too_large);
    http.Patch(kTooLargePath, too_large);
    http.Delete(kTooLargePath, too_large);

    http.Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
      bool ok = store.is_current();
      send_json(res, ok ? 200 : 503, {{"status", ok ? "ok" : "schema_outdated"}, {"backend", store.backend()}});
    });
    http.Get("/api/v1/openapi.json", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(openapi_document(), "application/json; charset=utf-8");
    });

    http.Post("/api/v1/session", [this](const httplib::Request& req, httplib::Response& res) {
      guard.handler_started(req);  // the password hash takes its time; the body is in
      // A form on another site may post text/plain without a preflight: signing
      // a victim's browser into the attacker's account (login CSRF) is refused
      // by asking for JSON and, when the browser names an origin, our own.
      if (!is_json_content_type(req.get_header_value("Content-Type")))
        return send_json(res, 415, {{"error", {{"code", "invalid_input"},
                                               {"message", "sign in with a JSON body (Content-Type: application/json)"}}}});
      if (!same_origin(req))
        return send_error(res, Error{ErrorCode::forbidden, "sign-in is only accepted from this site's own pages"});
      auto parsed = parse_object(req.body);
      json body = parsed ? std::move(*parsed) : json();
      if (!parsed || !body.contains("username") || !body["username"].is_string() ||
          !body.contains("password") || !body["password"].is_string() ||
          (body.contains("code") && !body["code"].is_string())) {
        send_error(res, invalid("the body must be a JSON object with string fields username and password (and "
                                "code, the 6-digit code of the second factor)"));
        return;
      }
      std::string code = body.value("code", "");
      std::erase(code, ' ');  // apps show "123 456"
      service::SignInRefusal why = service::SignInRefusal::none;
      std::int64_t retry_after = 0;
      auto s = auth.sign_in(body["username"], body["password"], code, req.remote_addr, &why, &retry_after);
      if (!s) {
        if (retry_after > 0) res.set_header("Retry-After", std::to_string(retry_after));
        // The reason lets the UI ask for the code instead of reporting an error.
        send_json(res, status_of(s.error().code),
                  {{"error", {{"code", to_string(s.error().code)},
                              {"message", s.error().message},
                              {"reason", service::to_string(why)}}}});
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
      auto body = households.rendered(*p, req.matches[1],
                                      [](const service::HouseholdDetail& d) { return household_detail_json(d).dump(); });
      if (!body) return send_error(res, body.error());
      res.set_header("Cache-Control", "no-store");
      res.status = 200;
      res.set_content(**body, "application/json; charset=utf-8");
    });

    cost_routes();
    analytics_routes();
    add_measurement_routes(api);
    add_interop_routes(api);
    add_plan_routes(api);
    add_consent_routes(api);
    add_audit_routes(api);
    add_me_routes(api);
    add_account_routes(api);
    add_assignment_routes(api);
    add_privacy_routes(api);

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
        log::info("request", json({{"method", req.method}, {"path", req.path}, {"status", res.status}})
                                 .dump(-1, ' ', false, json::error_handler_t::replace));
      } catch (...) {
      }
    });
  }
};

Result<std::unique_ptr<Server>> Server::create(store::Store& store, const Clock& clock, ServerOptions options) {
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
      std::make_unique<Impl>(store, clock, std::move(options), std::move(sealer), std::move(instruments))));
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
