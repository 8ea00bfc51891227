// Consent per member, purpose and organisation; see docs/consent.md.
#include "common/money.h"
#include "common/problems.h"
#include "http/api.h"
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
  auto auth = api.require_principal;
  const std::string consents = kHouseholdPath + "/consents";

  api.http.Get(consents, [service, auth](const httplib::Request& req, httplib::Response& res) {
    auto p = auth(req, res);
    if (!p) return;
    auto list = service->list(*p, req.matches[1]);
    if (!list) return send_error(res, list.error());
    send_list(res, "consents", *list, consent_json);
  });
  api.http.Post(consents, [service, auth](const httplib::Request& req, httplib::Response& res) {
    auto p = auth(req, res);
    if (!p) return;
    auto body = object_body(req);
    if (!body) return send_error(res, body.error());
    auto c = consent_from(*body);
    if (!c) return send_error(res, c.error());
    auto stored = service->add(*p, req.matches[1], *c);
    if (!stored) return send_error(res, stored.error());
    send_json(res, 201, consent_json(*stored));
  });
  // The text for a scope before it is given: what the household reads and signs.
  api.http.Post(consents + "/preview", [service, auth](const httplib::Request& req, httplib::Response& res) {
    auto p = auth(req, res);
    if (!p) return;
    auto body = object_body(req);
    if (!body) return send_error(res, body.error());
    auto c = consent_from(*body);
    if (!c) return send_error(res, c.error());
    auto text = service->preview(*p, req.matches[1], *c);
    if (!text) return send_error(res, text.error());
    send_json(res, 200, {{"text", *text}});
  });
  const std::string one = consents + "/" + kIdSegment;
  api.http.Get(one + "/text", [service, auth](const httplib::Request& req, httplib::Response& res) {
    auto p = auth(req, res);
    if (!p) return;
    auto id = record_id(req.matches[2]);
    if (!id) return send_error(res, id.error());
    auto text = service->text(*p, req.matches[1], *id);
    if (!text) return send_error(res, text.error());
    res.set_header("Cache-Control", "no-store");
    send_json(res, 200, {{"text", *text}});
  });
  api.http.Post(one + "/withdraw", [service, auth](const httplib::Request& req, httplib::Response& res) {
    auto p = auth(req, res);
    if (!p) return;
    auto id = record_id(req.matches[2]);
    if (!id) return send_error(res, id.error());
    auto body = object_body(req);
    if (!body) return send_error(res, body.error());
    auto version = integer_field(*body, "version");
    if (!version) return send_error(res, version.error());
    auto c = service->withdraw(*p, req.matches[1], *id, static_cast<int>(*version));
    if (!c) return send_error(res, c.error());
    send_json(res, 200, consent_json(*c));
  });
}

}  // namespace regie::http
