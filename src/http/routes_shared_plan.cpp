// The shared plan of a household and a professional's start page; the rules
// are in service/shared_plan.h.
#include "domain/plan.h"
#include "domain/plan_json.h"
#include "http/handler.h"
#include "service/shared_plan.h"

namespace regie::http {
namespace {

json date_or_null(const std::optional<Date>& d) { return d ? json(format_date(*d)) : json(nullptr); }

json action_json(const service::SharedAction& a) {
  return {{"goal", a.goal},
          {"action", a.action},
          {"text", a.text},
          {"status", a.status},
          {"responsible", {{"kind", a.responsible_kind}, {"name", a.responsible_name}}},
          {"due", date_or_null(a.due)},
          {"mine", a.mine}};
}

json round_table_json(const service::SharedRoundTable& t) {
  return {{"id", t.id},
          {"title", t.title},
          {"status", t.status},
          {"window_from", format_date(t.window_from)},
          {"window_to", format_date(t.window_to)},
          {"scheduled_at", t.scheduled_at ? json(*t.scheduled_at) : json(nullptr)},
          {"location", t.location},
          {"agenda", t.agenda},
          {"minutes", t.minutes},
          {"invited", t.invited},
          {"participants", t.participants}};
}

json mandate_json(const service::SharedPlanView& v) {
  return {{"holder", v.mandate_holder},
          {"scope", v.mandate_scope},
          {"grant", v.mandate_grant ? domain::to_json(*v.mandate_grant, false) : json(nullptr)}};
}

json shared_plan_json(const service::SharedPlanView& v) {
  json goals = json::array(), tables = json::array();
  for (auto& g : v.goals) {
    json actions = json::array();
    for (auto& a : g.actions) actions.push_back(action_json(a));
    goals.push_back({{"index", g.index},
                     {"life_domain", g.life_domain},
                     {"for_whom", g.for_whom},
                     {"household_words", g.household_words},
                     {"professional_words", g.professional_words},
                     {"status", g.status},
                     {"actions", actions}});
  }
  for (auto& t : v.round_tables) tables.push_back(round_table_json(t));
  return {{"household", {{"id", v.household_id}, {"family_name", v.family_name}, {"members", v.members}}},
          {"whole_household", v.whole_household},
          {"mandate", mandate_json(v)},
          {"plan", v.plan_version ? json{{"plan_version", *v.plan_version},
                                         {"agreed_on", date_or_null(v.agreed_on)},
                                         {"goals", goals}}
                                  : json(nullptr)},
          {"round_tables", tables}};
}

json work_json(const service::Work& w) {
  json households = json::array(), actions = json::array(), tables = json::array();
  for (auto& h : w.households)
    households.push_back(
        {{"id", h.id}, {"family_name", h.family_name}, {"members", h.members}, {"has_plan", h.has_plan}});
  for (auto& a : w.actions) {
    json j = action_json(a.action);
    j["household"] = {{"id", a.household_id}, {"family_name", a.family_name}};
    j["life_domain"] = a.life_domain;
    j["plan_version"] = a.plan_version;
    actions.push_back(std::move(j));
  }
  for (auto& t : w.round_tables) {
    json j = round_table_json(t.round_table);
    j["household"] = {{"id", t.household_id}, {"family_name", t.family_name}};
    tables.push_back(std::move(j));
  }
  return {{"name", w.name},
          {"organisation", w.organisation},
          {"households", households},
          {"actions", actions},
          {"round_tables", tables}};
}

}  // namespace

void add_shared_plan_routes(Api& api) {
  auto svc = std::make_shared<service::SharedPlans>(api.store, api.clock);
  Routes routes(api);
  const std::string& hh = kHouseholdPath;

  routes.get(hh + "/shared-plan",
             [svc](const Call& c) { return answer(svc->view(c.who, c.household()), shared_plan_json); });

  routes.put(hh + R"(/shared-plan/goals/([0-9]{1,4})/actions/([0-9]{1,4}))", [svc](const Call& c) -> Answer {
    FieldReader f(c.body);
    const auto version = f.integer("plan_version", 1, 1'000'000'000);
    const auto status = f.text("status");
    if (f.ok() && !domain::is_action_status(status)) f.add("status: open, in_progress, done or dropped");
    if (!f.ok()) return f.error();
    const auto goal = static_cast<std::size_t>(std::stoul(c.part(2)));
    const auto action = static_cast<std::size_t>(std::stoul(c.part(3)));
    if (auto st = svc->set_action_status(c.who, c.household(), static_cast<int>(version), goal, action, status); !st)
      return st.error();
    return ok({{"plan_version", version}, {"goal", goal}, {"action", action}, {"status", status}});
  });

  routes.get("/api/v1/me/work", [svc](const Call& c) { return answer(svc->work(c.who), work_json); });
}

}  // namespace regie::http
