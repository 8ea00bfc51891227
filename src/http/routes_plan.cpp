// API routes of the household plan, mandate decisions, round tables,
// aftercare and caseload. Translation only; the rules are in service/plan.h.
#include <fmt/format.h>

#include "common/money.h"
#include "domain/plan_json.h"
#include "http/handler.h"
#include "service/plan.h"
#include "domain/funding.h"
#include "domain/provision.h"

namespace regie::http {
namespace {

using service::Principal;

json plan_json(const domain::HouseholdPlan& p) {
  json agreed = json::array();
  for (auto& a : p.agreed_by) agreed.push_back(domain::to_json(a));
  return {{"plan_version", p.plan_version},
          {"status", p.status},
          {"goals", domain::goals_to_json(p.goals)},
          {"created_by", p.created_by},
          {"created_at", p.created_at},
          {"agreed_on", p.agreed_on ? json(format_date(*p.agreed_on)) : json(nullptr)},
          {"agreed_by", agreed},
          {"agreement_recorded_by", p.agreed_on ? json(p.agreement_recorded_by) : json(nullptr)}};
}

json decision_json(const domain::Decision& d) {
  return {{"id", d.id},
          {"kind", domain::to_string(d.kind)},
          {"reason", d.reason},
          {"effective_date", format_date(d.effective)},
          {"stopped", d.stopped},
          {"started", d.started},
          {"scaled", d.scaled},
          {"annual_effect_cents", domain::effect_to_json(d.annual_effect)},
          {"total_annual_effect_cents", d.total_effect()},
          {"round_table_id", d.round_table_id ? json(*d.round_table_id) : json(nullptr)},
          {"decided_by", d.decided_by},
          {"created_at", d.created_at},
          {"withdrawable", d.previous_end.has_value() && !d.withdrawn},
          {"withdrawn", d.withdrawn ? json{{"at", d.withdrawn->at},
                                           {"by", d.withdrawn->by},
                                           {"by_name", d.withdrawn->by_name},
                                           {"reason", d.withdrawn->reason}}
                                    : json(nullptr)}};
}

json round_table_json(const domain::RoundTable& t) {
  json participants = json::array();
  for (auto& p : t.participants) {
    json avail = json::array();
    for (auto& [from, to] : p.availability) avail.push_back({{"from", from}, {"to", to}});
    participants.push_back({{"id", p.id},
                            {"kind", p.party.kind},
                            {"party_id", p.party.id},
                            {"name", p.party.name},
                            {"email", p.email},
                            {"required", p.required},
                            {"time_zone", p.time_zone.empty() ? json(nullptr) : json(p.time_zone)},
                            {"availability", avail},
                            {"attendance", p.attendance}});
  }
  return {{"id", t.id},
          {"title", t.title},
          {"status", t.status},
          {"duration_minutes", t.duration_minutes},
          {"window_from", format_date(t.window_from)},
          {"window_to", format_date(t.window_to)},
          {"time_zone", t.time_zone},
          {"scheduled_at", t.scheduled_at ? json(*t.scheduled_at) : json(nullptr)},
          {"location", t.location},
          {"agenda", t.agenda},
          {"minutes", t.minutes},
          {"participants", participants},
          {"created_by", t.created_by},
          {"created_at", t.created_at},
          {"version", t.version}};
}

json aftercare_status_json(const std::optional<domain::AftercareStatus>& s) {
  if (!s) return nullptr;
  return {{"next_due", format_date(s->next_due)}, {"missed", s->missed}, {"overdue", s->overdue}};
}

Result<Date> date_field(const json& body, const char* name) {
  auto s = string_field(body, name);
  if (!s) return s.error();
  auto d = parse_date(*s);
  if (!d) return invalid(fmt::format("{}: not a date (yyyy-mm-dd)", name));
  return *d;
}

// A new provision inside a decision; it starts on the decision's effective date.
Result<domain::Provision> new_provision(const json& j, const std::string& field) {
  if (!j.is_object()) return invalid(fmt::format("{}: must be an object", field));
  domain::Provision p;
  auto text = [&](const char* name, bool required) -> Result<std::string> {
    auto r = string_field(j, name, required);
    if (!r) return invalid(fmt::format("{}.{}", field, r.error().message));
    return r;
  };
  auto dom = text("domain", true), provider = text("provider_id", true), member = text("member_id", false),
       professional = text("professional_id", false), goal = text("goal", false), hours = text("hours_per_week", false),
       price = text("price_code", false), units = text("units_per_year", false), end = text("end_date", false);
  for (auto* f : {&dom, &provider, &member, &professional, &goal, &hours, &price, &units, &end})
    if (!*f) return f->error();
  auto d = domain::parse_domain(*dom);
  if (!d) return invalid(fmt::format("{}.domain: unknown funding domain", field));
  p.domain = *d;
  p.basis = domain::default_basis(*d);
  p.indicated = domain::indicated_by_default(*d);
  p.provider_id = *provider;
  p.goal = *goal;
  if (!member->empty()) p.member_id = *member;
  if (!professional->empty()) p.professional_id = *professional;
  if (!hours->empty()) {
    auto h = parse_fixed(*hours, 2);
    if (!h || *h < 0) return invalid(fmt::format("{}.hours_per_week: a decimal like \"2.5\"", field));
    p.hours_per_week_centi = *h;
  }
  if (!end->empty()) {
    auto e = parse_date(*end);
    if (!e) return invalid(fmt::format("{}.end_date: not a date (yyyy-mm-dd)", field));
    p.end = *e;
  }
  if (!price->empty()) {
    p.price_code = *price;
    auto u = parse_fixed(*units, 2);
    if (!u || *u <= 0) return invalid(fmt::format("{}.units_per_year: a positive decimal like \"24\"", field));
    p.units_per_year_centi = *u;
  } else if (j.contains("annual_cost_cents")) {
    if (!j["annual_cost_cents"].is_number_integer() || j["annual_cost_cents"].get<std::int64_t>() < 0)
      return invalid(fmt::format("{}.annual_cost_cents: a whole, non-negative number of cents", field));
    p.annual_cost = j["annual_cost_cents"].get<std::int64_t>();
  }
  for (const char* flag : {"indicated", "coaching"})
    if (j.contains(flag)) {
      if (!j[flag].is_boolean()) return invalid(fmt::format("{}.{}: true or false", field, flag));
      (std::string(flag) == "indicated" ? p.indicated : p.coaching) = j[flag].get<bool>();
    }
  return p;
}

Result<domain::DecisionRequest> decision_from_json(const json& body, const std::string& household_id) {
  domain::DecisionRequest r;
  r.household_id = household_id;
  auto kind = string_field(body, "kind"), reason = string_field(body, "reason");
  if (!kind) return kind.error();
  if (!reason) return reason.error();
  auto k = domain::parse_decision_kind(*kind);
  if (!k) return invalid("kind: stop, start, scale_up, scale_down or replace");
  r.kind = *k;
  r.reason = *reason;
  auto eff = date_field(body, "effective_date");
  if (!eff) return eff.error();
  r.effective = *eff;
  if (body.contains("stop") && !body["stop"].is_null()) {
    if (!body["stop"].is_array()) return invalid("stop: a list of provision ids");
    for (auto& s : body["stop"]) {
      if (!s.is_string()) return invalid("stop: a list of provision ids");
      r.stop.push_back(s.get<std::string>());
    }
  }
  if (body.contains("start") && !body["start"].is_null()) {
    if (!body["start"].is_array()) return invalid("start: a list of new provisions");
    for (std::size_t i = 0; i < body["start"].size(); ++i) {
      auto p = new_provision(body["start"][i], fmt::format("start[{}]", i));
      if (!p) return p.error();
      r.start.push_back(*p);
    }
  }
  if (body.contains("scale") && !body["scale"].is_null()) {
    if (!body["scale"].is_array()) return invalid("scale: a list of changes");
    for (std::size_t i = 0; i < body["scale"].size(); ++i) {
      const json& s = body["scale"][i];
      const std::string field = fmt::format("scale[{}]", i);
      if (!s.is_object()) return invalid(fmt::format("{}: must be an object", field));
      domain::ProvisionScale sc;
      auto id = string_field(s, "provision_id");
      if (!id) return invalid(fmt::format("{}.{}", field, id.error().message));
      sc.provision_id = *id;
      auto hours = string_field(s, "hours_per_week", false), units = string_field(s, "units_per_year", false);
      if (hours && !hours->empty()) {
        auto h = parse_fixed(*hours, 2);
        if (!h) return invalid(fmt::format("{}.hours_per_week: a decimal like \"2.5\"", field));
        sc.hours_per_week_centi = *h;
      }
      if (units && !units->empty()) {
        auto u = parse_fixed(*units, 2);
        if (!u) return invalid(fmt::format("{}.units_per_year: a decimal like \"24\"", field));
        sc.units_per_year_centi = *u;
      }
      if (s.contains("annual_cost_cents") && !s["annual_cost_cents"].is_null()) {
        if (!s["annual_cost_cents"].is_number_integer())
          return invalid(fmt::format("{}.annual_cost_cents: a whole number of cents", field));
        sc.annual_cost = s["annual_cost_cents"].get<std::int64_t>();
      }
      r.scale.push_back(sc);
    }
  }
  if (body.contains("round_table_id") && !body["round_table_id"].is_null()) {
    if (!body["round_table_id"].is_number_integer()) return invalid("round_table_id: a round table id");
    r.round_table_id = body["round_table_id"].get<std::int64_t>();
  }
  return r;
}

Result<domain::RoundTable> round_table_from_json(const json& body, const std::string& household_id) {
  domain::RoundTable t;
  t.household_id = household_id;
  auto title = string_field(body, "title"), zone = string_field(body, "time_zone", false),
       location = string_field(body, "location", false), agenda = string_field(body, "agenda", false),
       minutes = string_field(body, "minutes", false), status = string_field(body, "status", false);
  for (auto* f : {&title, &zone, &location, &agenda, &minutes, &status})
    if (!*f) return f->error();
  t.title = *title;
  if (!zone->empty()) t.time_zone = *zone;
  t.location = *location;
  t.agenda = *agenda;
  t.minutes = *minutes;
  if (!status->empty()) t.status = *status;
  auto from = date_field(body, "window_from"), to = date_field(body, "window_to");
  if (!from) return from.error();
  if (!to) return to.error();
  t.window_from = *from;
  t.window_to = *to;
  if (body.contains("duration_minutes")) {
    auto d = integer_field(body, "duration_minutes");
    if (!d) return d.error();
    t.duration_minutes = static_cast<int>(*d);
  }
  if (body.contains("version")) {
    auto v = integer_field(body, "version");
    if (!v) return v.error();
    t.version = static_cast<int>(*v);
  }
  if (body.contains("participants")) {
    if (!body["participants"].is_array()) return invalid("participants: must be a list");
    for (std::size_t i = 0; i < body["participants"].size(); ++i) {
      const json& j = body["participants"][i];
      const std::string field = fmt::format("participants[{}]", i);
      if (!j.is_object()) return invalid(fmt::format("{}: must be an object", field));
      domain::RoundTableParticipant p;
      json party = {{"kind", j.value("kind", "")}, {"id", j.value("party_id", "")}, {"name", j.value("name", "")}};
      auto ref = domain::party_from_json(party, field);
      if (!ref) return ref.error();
      p.party = *ref;
      if (j.contains("id") && !j["id"].is_null()) {
        if (!j["id"].is_number_integer()) return invalid(fmt::format("{}.id: a participant id", field));
        p.id = j["id"].get<std::int64_t>();
      }
      auto email = string_field(j, "email", false), pz = string_field(j, "time_zone", false),
           att = string_field(j, "attendance", false);
      for (auto* f : {&email, &pz, &att})
        if (!*f) return invalid(fmt::format("{}.{}", field, f->error().message));
      p.email = *email;
      p.time_zone = *pz;
      if (!att->empty()) p.attendance = *att;
      if (j.contains("required")) {
        if (!j["required"].is_boolean()) return invalid(fmt::format("{}.required: true or false", field));
        p.required = j["required"].get<bool>();
      }
      if (j.contains("availability") && !j["availability"].is_null()) {
        if (!j["availability"].is_array()) return invalid(fmt::format("{}.availability: must be a list", field));
        for (std::size_t k = 0; k < j["availability"].size(); ++k) {
          const json& a = j["availability"][k];
          if (!a.is_object() || !a.contains("from") || !a.contains("to") || !a["from"].is_string() ||
              !a["to"].is_string())
            return invalid(fmt::format("{}.availability[{}]: an object with from and to", field, k));
          p.availability.emplace_back(a["from"].get<std::string>(), a["to"].get<std::string>());
        }
      }
      t.participants.push_back(p);
    }
  }
  return t;
}

json caseload_json(const service::Caseload& c) {
  auto row = [](const service::CaseloadHousehold& h) {
    return json{{"id", h.id},
                {"family_name", h.family_name},
                {"status", h.status},
                {"plan_active", h.plan_active},
                {"plan_agreed", h.plan_agreed},
                {"aftercare", aftercare_status_json(h.aftercare)}};
  };
  json households = json::array(), due = json::array();
  for (auto& h : c.households) households.push_back(row(h));
  for (auto& h : c.aftercare_due) due.push_back(row(h));
  json minutes = json::object();
  for (const char* k : {"direct", "indirect", "travel", "project"})
    minutes[k] = c.minutes_this_month.contains(k) ? c.minutes_this_month.at(k) : 0;
  json decisions = json::array();
  for (auto& row : c.decisions) {
    json d = decision_json(row.decision);
    d["household"] = {{"id", row.household_id}, {"family_name", row.family_name}};
    decisions.push_back(d);
  }
  return {{"director", c.director},
          {"decisions", decisions},
          {"households_per_status", c.households_per_status},
          {"minutes_this_month", minutes},
          {"households", households},
          {"aftercare_due", due},
          {"decided_annual_effect_cents", c.decided_annual_effect}};
}

}  // namespace

void add_plan_routes(Api& api) {
  // One service for the server's lifetime, shared by the routes below.
  auto svc = std::make_shared<service::Plans>(api.store, api.clock);
  Routes routes(api);
  const std::string& hh = kHouseholdPath;
  const std::string rt = hh + "/round-tables/" + R"(([0-9]{1,18}))";

  routes.get(hh + "/plans", [svc](const Call& c) { return list("plans", svc->plans(c.who, c.household()), plan_json); });
  routes.post(hh + "/plans", [svc](const Call& c) -> Answer {
    auto based_on = integer_field(c.body, "based_on");
    if (!based_on) return invalid("based_on: required, the latest plan version you read (0: none)");
    if (!c.body.contains("goals")) return invalid("goals: required");
    auto goals = domain::goals_from_json(c.body["goals"]);
    if (!goals) return goals.error();
    return answer(svc->save_plan(c.who, c.household(), *goals, static_cast<int>(*based_on)),
                  [](int v) { return json{{"plan_version", v}}; }, 201);
  });
  routes.post(hh + R"(/plans/([0-9]{1,9})/agreement)", [svc](const Call& c) -> Answer {
    auto on = date_field(c.body, "agreed_on");
    if (!on) return on.error();
    if (!c.body.contains("agreed_by") || !c.body["agreed_by"].is_array())
      return invalid("agreed_by: a list of parties (kind and id)");
    std::vector<domain::PartyRef> parties;
    for (std::size_t i = 0; i < c.body["agreed_by"].size(); ++i) {
      auto party = domain::party_from_json(c.body["agreed_by"][i], fmt::format("agreed_by[{}]", i));
      if (!party) return party.error();
      parties.push_back(*party);
    }
    const int version = std::stoi(c.part(2));
    if (auto st = svc->agree_plan(c.who, c.household(), version, parties, *on); !st) return st.error();
    return ok({{"plan_version", version}, {"agreed_on", format_date(*on)}});
  });

  routes.get(hh + "/decisions",
             [svc](const Call& c) { return list("decisions", svc->decisions(c.who, c.household()), decision_json); });
  routes.post(hh + "/decisions", [svc](const Call& c) -> Answer {
    auto r = decision_from_json(c.body, c.household());
    if (!r) return r.error();
    return answer(svc->record_decision(c.who, *r), decision_json, 201);
  });

  routes.get(hh + "/round-tables", [svc](const Call& c) {
    return list("round_tables", svc->round_tables(c.who, c.household()), round_table_json);
  });
  routes.post(hh + "/round-tables", [svc](const Call& c) -> Answer {
    auto t = round_table_from_json(c.body, c.household());
    if (!t) return t.error();
    return answer(svc->add_round_table(c.who, *t), round_table_json, 201);
  });
  routes.put(rt, [svc](const Call& c) -> Answer {
    if (!c.body.contains("version")) return invalid("version: required, the version you read");
    auto t = round_table_from_json(c.body, c.household());
    if (!t) return t.error();
    t->id = c.id(2);
    return answer(svc->update_round_table(c.who, *t), id_and_version(t->id));
  }, Need::record_ids({2}));
  routes.get(rt + "/slot", [svc](const Call& c) -> Answer {
    auto a = svc->find_slot(c.who, c.household(), c.id(2));
    if (!a) return a.error();
    if (!a->found) return ok({{"found", false}, {"message", a->message}});
    return ok({{"found", true},
               {"start", a->start_utc},
               {"end", a->end_utc},
               {"start_local", a->start_local},
               {"end_local", a->end_local},
               {"optional_available", a->optional_available},
               {"optional_missing", a->optional_missing}});
  }, Need::record_ids({2}));
  routes.post(rt + "/schedule", [svc](const Call& c) -> Answer {
    FieldReader f(c.body);
    auto start = f.text("start");
    auto version = f.integer("version");
    if (!f.ok()) return f.error();
    return answer(svc->schedule_round_table(c.who, c.household(), c.id(2), start, static_cast<int>(version)),
                  id_and_version(c.id(2)));
  }, Need::record_ids({2}));
  routes.get(rt + R"(/participants/([0-9]{1,18})/invitation\.ics)", [svc](const Call& c) -> Answer {
    auto ics = svc->invitation(c.who, c.household(), c.id(2), c.id(3));
    if (!ics) return ics.error();
    c.res.set_header("Content-Disposition",
                     fmt::format("attachment; filename=\"ronde-tafel-{}-{}.ics\"", c.id(2), c.id(3)));
    c.res.status = 200;
    c.res.set_content(*ics, "text/calendar; charset=utf-8; method=REQUEST");
    return written();
  }, Need::record_ids({2, 3}));

  routes.get(hh + "/aftercare", [svc](const Call& c) -> Answer {
    auto v = svc->aftercare(c.who, c.household());
    if (!v) return v.error();
    json contacts = json::array();
    for (auto& a : v->contacts)
      contacts.push_back({{"id", a.id},
                          {"contacted_on", format_date(a.contacted_on)},
                          {"note", a.note},
                          {"recorded_by", a.recorded_by}});
    json schedule = nullptr;
    if (v->schedule)
      schedule = {{"start_date", format_date(v->schedule->start)}, {"interval_months", v->schedule->interval_months}};
    return ok({{"schedule", schedule}, {"contacts", contacts}, {"status", aftercare_status_json(v->status)}});
  });
  routes.post(hh + "/aftercare", [svc](const Call& c) -> Answer {
    FieldReader f(c.body);
    auto start = f.date("start_date");
    auto version = f.integer("household_version");
    // Monthly contact unless the director chooses otherwise.
    auto interval = static_cast<int>(f.integer_or("interval_months", 1));
    if (!f.ok()) return f.error();
    if (auto st = svc->start_aftercare(c.who, c.household(), start, interval, static_cast<int>(version)); !st)
      return st.error();
    return ok({{"status", "aftercare"}, {"interval_months", interval}});
  });
  routes.post(hh + "/aftercare/contacts", [svc](const Call& c) -> Answer {
    FieldReader f(c.body);
    auto on = f.date("contacted_on");
    auto note = f.text("note", false);
    if (!f.ok()) return f.error();
    return answer(svc->add_aftercare_contact(c.who, c.household(), on, note), [](auto& a) {
      return json{{"id", a.id}, {"contacted_on", format_date(a.contacted_on)}};
    }, 201);
  });

  routes.get("/api/v1/caseload", [svc](const Call& c) {
    return list("caseloads", svc->caseload(c.who, c.param("director")), caseload_json);
  });
}

}  // namespace regie::http
