// API routes of the director's mandate grant, other organisations' plans and
// the withdrawal of a decision. Translation only; the rules are in service/mandate.h.
#include <fmt/format.h>

#include "domain/mandate.h"
#include "domain/plan_json.h"
#include "http/handler.h"
#include "service/mandate.h"

namespace regie::http {
namespace {

json external_plan_json(const domain::ExternalPlan& p) {
  return {{"id", p.id},
          {"organisation", p.organisation},
          {"title", p.title},
          {"coordinator", p.coordinator},
          {"starts_on", format_date(p.starts_on)},
          {"ends_on", p.ends_on ? json(format_date(*p.ends_on)) : json(nullptr)},
          {"note", p.note},
          {"recorded_at", p.recorded_at},
          {"version", p.version}};
}

Result<domain::ExternalPlan> external_plan_from_json(const json& body, const std::string& household_id) {
  FieldReader f(body);
  domain::ExternalPlan p;
  p.household_id = household_id;
  p.organisation = f.text("organisation");
  p.title = f.text("title");
  p.coordinator = f.text("coordinator", false);
  p.starts_on = f.date("starts_on");
  p.ends_on = f.optional_date("ends_on");
  p.note = f.text("note", false);
  if (!f.ok()) return f.error();
  return p;
}

}  // namespace

void add_mandate_routes(Api& api) {
  auto svc = std::make_shared<service::Mandates>(api.store, api.clock);
  Routes routes(api);
  const std::string& hh = kHouseholdPath;

  routes.get(hh + "/mandate", [svc](const Call& c) -> Answer {
    auto grants = svc->grants(c.who, c.household());
    if (!grants) return grants.error();
    json all = json::array();
    for (auto& g : *grants) all.push_back(domain::to_json(g, true));
    return ok({{"grants", all}, {"in_force", grants->empty() ? json(nullptr) : all.back()}});
  });
  routes.post(hh + "/mandate", [svc](const Call& c) -> Answer {
    FieldReader f(c.body);
    domain::MandateGrant g;
    g.household_id = c.household();
    g.granted_by = f.text("granted_by");
    g.granted_on = f.date("granted_on");
    g.scope = f.text("scope", false);
    g.valid_from = f.date("valid_from");
    g.valid_to = f.optional_date("valid_to");
    if (!c.body.contains("kinds") || !c.body["kinds"].is_array()) {
      f.add("kinds: a list of decision kinds (stop, start, scale_up, scale_down, replace)");
    } else {
      for (std::size_t i = 0; i < c.body["kinds"].size(); ++i) {
        auto& k = c.body["kinds"][i];
        auto kind = k.is_string() ? domain::parse_decision_kind(k.get<std::string>()) : std::nullopt;
        if (!kind) f.add(fmt::format("kinds[{}]: stop, start, scale_up, scale_down or replace", i));
        else g.kinds.push_back(*kind);
      }
    }
    if (!f.ok()) return f.error();
    return answer(svc->record_grant(c.who, g), [](auto& x) { return domain::to_json(x, true); }, 201);
  });

  routes.get(hh + "/external-plans", [svc](const Call& c) {
    return list("external_plans", svc->external_plans(c.who, c.household()), external_plan_json);
  });
  routes.post(hh + "/external-plans", [svc](const Call& c) -> Answer {
    auto p = external_plan_from_json(c.body, c.household());
    if (!p) return p.error();
    return answer(svc->add_external_plan(c.who, *p), external_plan_json, 201);
  });
  routes.put(hh + "/external-plans/" + R"(([0-9]{1,18}))", [svc](const Call& c) -> Answer {
    auto version = integer_field(c.body, "version");
    if (!version) return invalid("version: required, the version you read");
    auto p = external_plan_from_json(c.body, c.household());
    if (!p) return p.error();
    p->id = c.id(2);
    p->version = static_cast<int>(*version);
    return answer(svc->update_external_plan(c.who, *p), id_and_version(p->id));
  }, Need::record_ids({2}));

  routes.post(hh + "/decisions/" + R"(([0-9]{1,18}))" + "/withdrawal", [svc](const Call& c) -> Answer {
    FieldReader f(c.body);
    auto reason = f.text("reason");
    if (!f.ok()) return f.error();
    auto d = svc->withdraw_decision(c.who, c.household(), c.id(2), reason);
    if (!d) return d.error();
    return ok({{"id", d->id},
               {"withdrawn", {{"at", d->withdrawn->at}, {"by", d->withdrawn->by}, {"reason", d->withdrawn->reason}}}});
  }, Need::record_ids({2}));
}

}  // namespace regie::http
