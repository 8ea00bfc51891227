// Account administration (administrators only; see docs/accounts.md). Answers
// that carry a one-time secret are never cached.
#include "common/problems.h"
#include "http/handler.h"
#include "service/accounts.h"
#include "domain/account.h"

namespace regie::http {
namespace {

json opt(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }

json account_json(const service::AccountSummary& a) {
  return {{"username", a.username},
          {"display_name", a.display_name},
          {"role", domain::to_string(a.role)},
          {"disabled", a.disabled},
          {"professional_id", opt(a.professional_id)},
          {"member_id", opt(a.member_id)},
          {"second_factor", a.second_factor},
          {"second_factor_in_use", a.second_factor_in_use},
          {"phone", a.phone.empty() ? json(nullptr) : json(a.phone)},
          {"email", a.email.empty() ? json(nullptr) : json(a.email)}};
}

Result<service::NewAccount> new_account_from(const json& body) {
  service::NewAccount a;
  FieldReader fields(body);
  auto text = [&](const char* name, bool required) { return fields.text(name, required); };
  auto& problems = fields.problems();
  a.username = text("username", true);
  a.display_name = text("display_name", true);
  auto role = text("role", true);
  if (auto r = domain::parse_role(role))
    a.role = *r;
  else if (!role.empty())
    problems.add("role: director, professional, member, analyst, team_lead or administrator");
  if (auto v = text("professional_id", false); !v.empty()) a.professional_id = v;
  if (auto v = text("member_id", false); !v.empty()) a.member_id = v;
  a.phone = text("phone", false);
  a.email = text("email", false);
  if (!problems.empty()) return problems.error();
  return a;
}

}  // namespace

void add_account_routes(Api& api) {
  auto service = std::make_shared<service::Accounts>(api.store, api.clock, api.sealer);
  Routes routes(api);
  const std::string accounts = "/api/v1/accounts";
  const std::string one = accounts + "/" + kIdSegment;

  routes.get(accounts, [service](const Call& c) { return list("accounts", service->list(c.who), account_json); });
  // The role before the body: a caller who may not create accounts learns
  // nothing about what a valid request looks like.
  routes.post(accounts, [service](const Call& c) -> Answer {
    auto a = new_account_from(c.body);
    if (!a) return a.error();
    return answer(service->create(c.who, *a), [](auto& created) {
      return json{{"account", account_json(created.account)},
                  {"initial_password", created.initial_password},
                  {"otpauth_uri", created.otpauth_uri.empty() ? json(nullptr) : json(created.otpauth_uri)}};
    }, 201);
  }, service::Permission::account_create);
  for (bool disable : {true, false}) {
    routes.post(one + (disable ? "/disable" : "/enable"), [service, disable](const Call& c) -> Answer {
      if (auto st = service->set_disabled(c.who, c.part(1), disable); !st) return st.error();
      return no_content();
    }, Body::none);
  }
  routes.put(one + "/contact", [service](const Call& c) -> Answer {
    FieldReader fields(c.body);
    auto phone = fields.text("phone", false), email = fields.text("email", false);
    if (!fields.problems().empty()) return fields.problems().error();
    if (auto st = service->set_contact(c.who, c.part(1), phone, email); !st) return st.error();
    return no_content();
  }, service::Permission::account_contact);
  routes.post(one + "/totp", [service](const Call& c) {
    return answer(service->reset_second_factor(c.who, c.part(1)), [](auto& uri) { return json{{"otpauth_uri", uri}}; });
  }, Body::none);
}

}  // namespace regie::http
