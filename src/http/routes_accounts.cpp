// Account administration (administrators only; see docs/accounts.md). Answers
// that carry a one-time secret are never cached.
#include "common/problems.h"
#include "http/api.h"

#include "service/access.h"
#include "service/accounts.h"

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
          {"second_factor", a.second_factor}};
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
  if (!problems.empty()) return problems.error();
  return a;
}

}  // namespace

void add_account_routes(Api& api) {
  auto service = std::make_shared<service::Accounts>(api.store, api.clock, api.sealer);
  auto auth = api.require_principal;
  const std::string accounts = "/api/v1/accounts";
  const std::string one = accounts + "/" + kIdSegment;

  api.http.Get(accounts, [service, auth](const httplib::Request& req, httplib::Response& res) {
    auto p = auth(req, res);
    if (!p) return;
    auto list = service->list(*p);
    if (!list) return send_error(res, list.error());
    send_list(res, "accounts", *list, account_json);
  });
  api.http.Post(accounts, [service, auth, store = &api.store, clock = &api.clock](const httplib::Request& req,
                                                                                 httplib::Response& res) {
    auto p = auth(req, res);
    if (!p) return;
    // The role before the body: a caller who may not create accounts learns
    // nothing about what a valid request looks like.
    if (auto st = service::require_role(*store, *clock, *p, {domain::Role::administrator},
                                        "account.create");
        !st)
      return send_error(res, st.error());
    auto body = object_body(req);
    if (!body) return send_error(res, body.error());
    auto a = new_account_from(*body);
    if (!a) return send_error(res, a.error());
    auto created = service->create(*p, *a);
    if (!created) return send_error(res, created.error());
    res.set_header("Cache-Control", "no-store");
    json out = {{"account", account_json(created->account)}, {"initial_password", created->initial_password}};
    out["otpauth_uri"] = created->otpauth_uri.empty() ? json(nullptr) : json(created->otpauth_uri);
    send_json(res, 201, out);
  });
  for (bool disable : {true, false}) {
    api.http.Post(one + (disable ? "/disable" : "/enable"),
                  [service, auth, disable](const httplib::Request& req, httplib::Response& res) {
                    auto p = auth(req, res);
                    if (!p) return;
                    auto st = service->set_disabled(*p, req.matches[1], disable);
                    if (!st) return send_error(res, st.error());
                    res.status = 204;
                  });
  }
  api.http.Post(one + "/totp", [service, auth](const httplib::Request& req, httplib::Response& res) {
    auto p = auth(req, res);
    if (!p) return;
    auto uri = service->reset_second_factor(*p, req.matches[1]);
    if (!uri) return send_error(res, uri.error());
    res.set_header("Cache-Control", "no-store");
    send_json(res, 200, {{"otpauth_uri", *uri}});
  });
}

}  // namespace regie::http
