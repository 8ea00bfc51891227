// Consent per member, purpose and organisation; see docs/consent.md.
#include "common/money.h"
#include "common/problems.h"
#include "http/handler.h"
#include "service/consent.h"

namespace regie::http {
namespace {

json consent_json(const domain::Consent& c) {
  auto opt_date = [](const std::optional<Date>& d) -> json { return d ? json(format_date(*d)) : json(nullptr); };
  return {{"id", std::to_string(c.id)},
          {"member_id", c.member_id},
          {"guardian_member_id", c.guardian_member_id ? json(*c.guardian_member_id) : json(nullptr)},
          {"purpose", domain::to_string(c.purpose)},
          {"organisation_id", c.organisation_id},
          {"method", domain::to_string(c.method)},
          {"witness", c.witness},
          {"given_on", format_date(c.given_on)},
          {"expires_on", opt_date(c.expires_on)},
          {"withdrawn_on", opt_date(c.withdrawn_on)},
          {"recorded_by", c.recorded_by},
          {"version", c.version}};
}

// Every field checked; one message names all the wrong ones.
Result<domain::Consent> consent_from(const json& body) {
  domain::Consent c;
  FieldReader fields(body);
  auto text = [&](const char* name, bool required) { return fields.text(name, required); };
  auto& problems = fields.problems();
  c.member_id = text("member_id", true);
  auto guardian = text("guardian_member_id", false);
  if (!guardian.empty()) c.guardian_member_id = guardian;
  c.organisation_id = text("organisation_id", true);
  auto purpose = text("purpose", true);
  if (auto p = domain::parse_consent_purpose(purpose))
    c.purpose = *p;
  else if (!purpose.empty())
    problems.add("purpose: care_coordination, information_exchange, business_case or research");
  auto method = text("method", false);
  if (method.empty()) method = "signed_form";
  if (auto m = domain::parse_consent_method(method))
    c.method = *m;
  else
    problems.add("method: signed_form or verbal_witnessed");
  c.witness = text("witness", false);
  auto date = [&](const char* name) -> std::optional<Date> {
    auto v = text(name, false);
    if (v.empty()) return std::nullopt;
    auto d = parse_date(v);
    if (!d) problems.add(std::string(name) + ": not a date (yyyy-mm-dd)");
    return d;
  };
  if (auto d = date("given_on")) c.given_on = *d;  // else today, set by the service
  c.expires_on = date("expires_on");
  if (!problems.empty()) return problems.error();
  return c;
}

}  // namespace

void add_consent_routes(Api& api) {
  auto service = std::make_shared<service::Consents>(api.store, api.clock);
  Routes routes(api);
  const std::string consents = kHouseholdPath + "/consents";

  // With the guardian age, so that a form asks for a parent exactly when the server will.
  store::Store* store = &api.store;
  routes.get(consents, [service, store](const Call& c) -> Answer {
    auto found = service->list(c.who, c.household());
    if (!found) return found.error();
    json all = json::array();
    for (auto& one : *found) all.push_back(consent_json(one));
    return ok({{"consents", all}, {"guardian_below_age", service::guardian_below_age(*store)}});
  });
  routes.post(consents, [service](const Call& c) -> Answer {
    auto consent = consent_from(c.body);
    if (!consent) return consent.error();
    return answer(service->add(c.who, c.household(), *consent), consent_json, 201);
  });
  // The text for a scope before it is given: what the household reads and signs.
  routes.post(consents + "/preview", [service](const Call& c) -> Answer {
    auto consent = consent_from(c.body);
    if (!consent) return consent.error();
    return answer(service->preview(c.who, c.household(), *consent), [](auto& text) { return json{{"text", text}}; });
  });
  const std::string one = consents + "/" + kIdSegment;
  routes.get(one + "/text", [service](const Call& c) {
    return answer(service->text(c.who, c.household(), c.id(2)), [](auto& text) { return json{{"text", text}}; });
  }, Need::record_ids({2}));
  routes.post(one + "/withdraw", [service](const Call& c) -> Answer {
    FieldReader f(c.body);
    auto version = f.integer("version");
    if (!f.ok()) return f.error();
    return answer(service->withdraw(c.who, c.household(), c.id(2), static_cast<int>(version)), consent_json);
  }, Need::record_ids({2}));
}

}  // namespace regie::http
