// API routes of the privacy rights (docs/privacy.md): one person's export and
// their erasure on request. Rules and access checks live in service/privacy.
#include "http/api.h"
#include "service/access.h"
#include "service/privacy.h"

namespace regie::http {

namespace {
const std::string kPersonPath = "/api/v1/people/" + kIdSegment;
}

void add_privacy_routes(Api& api) {
  api.http.Get(kPersonPath + "/export", [&api](const httplib::Request& req, httplib::Response& res) {
    auto who = api.require_principal(req, res);
    if (!who) return;
    std::string format = req.has_param("format") ? req.get_param_value("format") : "json";
    service::Privacy svc(api.store, api.clock, api.sealer, api.instruments);
    // An unknown format is still judged for access first, so a refused caller learns nothing more.
    std::string text;
    if (format == "fhir") {
      auto doc = svc.export_fhir(*who, req.matches[1]);
      if (!doc) return send_error(res, doc.error());
      text = doc->dump(2);
    } else {
      auto doc = svc.export_json(*who, req.matches[1]);
      if (!doc) return send_error(res, doc.error());
      text = doc->dump(2);
    }
    if (format != "json" && format != "fhir") return send_error(res, invalid("format: json or fhir"));
    res.status = 200;
    res.set_header("Cache-Control", "no-store");
    res.set_header("Content-Disposition", "attachment; filename=\"person-export." + format + ".json\"");
    res.set_content(text, format == "fhir" ? "application/fhir+json" : "application/json; charset=utf-8");
  });

  api.http.Post(kPersonPath + "/erasure", [&api](const httplib::Request& req, httplib::Response& res) {
    auto who = api.require_principal(req, res);
    if (!who) return;
    if (auto st = service::require_role(api.store, api.clock, *who, {domain::Role::administrator}, "person.erase"); !st)
      return send_error(res, st.error());
    auto body = object_body(req);
    if (!body) return send_error(res, body.error());
    auto reason = string_field(*body, "reason");
    if (!reason) return send_error(res, reason.error());
    service::Privacy svc(api.store, api.clock, api.sealer, api.instruments);
    auto rec = svc.erase(*who, req.matches[1], *reason);
    if (!rec) return send_error(res, rec.error());
    res.status = 200;
    res.set_header("Cache-Control", "no-store");
    res.set_content(service::erasure_json(*rec).dump(), "application/json; charset=utf-8");
  });
}

}  // namespace regie::http
