// The household's own view: GET /api/v1/me and its parts; see docs/own-view.md.
#include "http/handler.h"
#include "service/own_view.h"

namespace regie::http {
namespace {

json date_or_null(const std::optional<Date>& d) { return d ? json(format_date(*d)) : json(nullptr); }

json own_household_json(const service::OwnHousehold& h) {
  json helpers = json::array(), goals = json::array(), appointments = json::array();
  for (auto& x : h.helpers)
    helpers.push_back({{"name", x.name},
                       {"role", x.role},
                       {"organisation", x.organisation},
                       {"phone", x.phone},
                       {"what_for", x.what_for},
                       {"domain", x.domain},
                       {"for_whom", x.for_whom.empty() ? json(nullptr) : json(x.for_whom)},
                       {"since", format_date(x.since)}});
  for (auto& g : h.goals) {
    json steps = json::array();
    for (auto& s : g.steps)
      steps.push_back({{"text", s.text}, {"who", s.who}, {"status", s.status}, {"due", date_or_null(s.due)}});
    goals.push_back({{"life_domain", g.life_domain},
                     {"words", g.words},
                     {"status", g.status},
                     {"for_whom", g.for_whom},
                     {"steps", steps}});
  }
  for (auto& a : h.appointments)
    appointments.push_back({{"kind", a.kind},
                            {"title", a.title},
                            {"at", a.at ? json(*a.at) : json(nullptr)},
                            {"on", date_or_null(a.on)},
                            {"location", a.location}});
  return {{"household", {{"id", h.household_id}, {"family_name", h.family_name}, {"members", h.members}}},
          {"me", h.me},
          {"director", h.director_name},
          {"director_phone", h.director_phone.empty() ? json(nullptr) : json(h.director_phone)},
          {"director_email", h.director_email.empty() ? json(nullptr) : json(h.director_email)},
          {"support_cost",
           {{"annual_cents", h.cost.annual},
            {"helpers", h.cost.helpers},
            {"estimated", h.cost.estimated},
            {"children", h.cost.children},
            {"on", format_date(h.cost.on)}}},
          {"helpers", helpers},
          {"plan", {{"agreed_on", date_or_null(h.plan_agreed_on)}, {"goals", goals}}},
          {"appointments", appointments}};
}

// The shape of the measurements API without the answers and who recorded
// them: the web draws it with the same spider-web component.
json web_measurement_json(const service::MeasurementView& v) {
  json out = measurement_json(v);
  out["answers"] = json::object();
  out.erase("recorded_by");
  out.erase("index");
  return out;
}

}  // namespace

void add_me_routes(Api& api) {
  auto service = std::make_shared<service::OwnView>(api.store, api.clock, api.instruments);
  Routes routes(api);

  routes.get("/api/v1/me", [service](const Call& c) { return answer(service->household(c.who), own_household_json); });

  routes.get("/api/v1/me/spider-webs", [service](const Call& c) -> Answer {
    auto webs = service->spider_webs(c.who);
    if (!webs) return webs.error();
    json people = json::array();
    for (auto& person : webs->people) {
      json ms = json::array();
      for (auto& m : person.measurements) ms.push_back(web_measurement_json(m));
      people.push_back(
          {{"member_id", person.member_id}, {"given_name", person.given_name}, {"me", person.me}, {"measurements", ms}});
    }
    return ok({{"people", people}});
  });

  routes.get("/api/v1/me/file-views", [service](const Call& c) -> Answer {
    // Malformed numbers go to the service as out of range, which names the parameter.
    auto number = [&](const char* name, std::int64_t fallback) -> std::int64_t {
      if (!c.has(name)) return fallback;
      auto n = record_id(c.param(name));
      return n ? *n : -1;
    };
    const auto limit = number("limit", service::kFileViewPage);
    std::optional<std::int64_t> before;
    if (c.has("before")) before = number("before", 0);
    auto page = service->file_views(c.who, limit > service::kFileViewPageMax ? -1 : static_cast<int>(limit), before);
    if (!page) return page.error();
    json views = json::array();
    for (auto& v : page->views)
      views.push_back(
          {{"at", v.at}, {"who", v.who}, {"role", v.role}, {"organisation", v.organisation}, {"action", v.action},
           {"looks", v.looks}, {"actions", v.actions}});
    return ok({{"file_views", views}, {"next_before", page->next_before ? json(*page->next_before) : json(nullptr)}});
  });
}

}  // namespace regie::http
