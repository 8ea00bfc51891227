// API routes of the interoperability area: iJw/iWmo message upload for
// administrators and a household's FHIR export for its director. Rules and
// access checks live in service/interop.
#include <fmt/format.h>

#include "http/api.h"
#include "service/access.h"
#include "service/interop.h"

namespace regie::http {

void add_interop_routes(Api& api) {
  // Body: the message XML itself (one message per request), so that a
  // provider's file goes in unchanged; ?standard=ijw|iwmo says which.
  api.http.Post("/api/v1/interop/messages", [&api](const httplib::Request& req, httplib::Response& res) {
    auto who = api.require_principal(req, res);
    if (!who) return;
    if (auto st = service::require_role(api.store, api.clock, *who, {domain::Role::administrator}, "interop.import");
        !st)
      return send_error(res, st.error());
    auto standard = interop::parse_standard(req.get_param_value("standard"));
    if (!standard) return send_error(res, invalid("standard: ijw or iwmo"));
    service::Interop svc(api.store, api.clock, api.sealer);
    auto r = svc.import_message(*who, req.body, *standard);
    if (!r) return send_error(res, r.error());
    send_json(res, r->already_imported ? 200 : 201,
              {{"message", r->message}, {"already_imported", r->already_imported}, {"provisions", r->provisions}});
  });

  api.http.Get(kHouseholdPath + R"(/\$export)", [&api](const httplib::Request& req, httplib::Response& res) {
    auto who = api.require_principal(req, res);
    if (!who) return;
    bool include_bsn = req.get_param_value("include_bsn") == "true";
    service::Interop svc(api.store, api.clock, api.sealer);
    auto bundle = svc.export_fhir(*who, req.matches[1], include_bsn);
    if (!bundle) return send_error(res, bundle.error());
    res.status = 200;
    res.set_header("Cache-Control", "no-store");
    res.set_content(bundle->dump(), "application/fhir+json");
  });
}

}  // namespace regie::http
