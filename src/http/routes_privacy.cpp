// API routes of the privacy rights (docs/privacy.md): one person's export and
// their erasure on request. Rules and access checks live in service/privacy.
#include "http/handler.h"
#include "service/privacy.h"

namespace regie::http {

namespace {
const std::string kPersonPath = "/api/v1/people/" + kIdSegment;
}

void add_privacy_routes(Api& api) {
  Routes routes(api);
  routes.get(kPersonPath + "/export", [&api](const Call& c) -> Answer {
    std::string format = c.has("format") ? c.param("format") : "json";
    service::Privacy svc(api.store, api.clock, api.sealer, api.instruments);
    // An unknown format is still judged for access first, so a refused caller learns nothing more.
    std::string text;
    if (format == "fhir") {
      auto doc = svc.export_fhir(c.who, c.part(1));
      if (!doc) return doc.error();
      text = doc->dump(2);
    } else {
      auto doc = svc.export_json(c.who, c.part(1));
      if (!doc) return doc.error();
      text = doc->dump(2);
    }
    if (format != "json" && format != "fhir") return invalid("format: json or fhir");
    c.res.status = 200;
    c.res.set_header("Content-Disposition", "attachment; filename=\"person-export." + format + ".json\"");
    c.res.set_content(text, format == "fhir" ? "application/fhir+json" : "application/json; charset=utf-8");
    return written();
  });

  routes.post(kPersonPath + "/erasure", [&api](const Call& c) -> Answer {
    FieldReader f(c.body);
    auto reason = f.text("reason");
    if (!f.ok()) return f.error();
    service::Privacy svc(api.store, api.clock, api.sealer, api.instruments);
    auto rec = svc.erase(c.who, c.part(1), reason);
    if (!rec) return rec.error();
    c.res.status = 200;
    c.res.set_content(service::erasure_json(*rec).dump(), "application/json; charset=utf-8");
    return written();
  }, service::Permission::person_erase);
}

}  // namespace regie::http
