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
    service::ImportOptions options;
    options.file_name = req.get_param_value("file");  // the name the administrator chose, for the kept outcome
    auto r = svc.import_message(*who, req.body, *standard, options);
    if (!r) return send_error(res, r.error());
    send_json(res, r->already_imported ? 200 : 201,
              {{"message", r->message},
               {"already_imported", r->already_imported},
               {"provisions", r->provisions},
               {"warnings", r->warnings}});
  });

  // The kept outcome of every file offered, newest first.
  api.http.Get("/api/v1/interop/imports", [&api](const httplib::Request& req, httplib::Response& res) {
    auto who = api.require_principal(req, res);
    if (!who) return;
    if (auto st = service::require_role(api.store, api.clock, *who, {domain::Role::administrator}, "interop.imports");
        !st)
      return send_error(res, st.error());
    service::Interop svc(api.store, api.clock, api.sealer);
    auto r = svc.outcomes(*who);
    if (!r) return send_error(res, r.error());
    send_list(res, "imports", *r, [](const store::InteropStore::Outcome& o) {
      return json{{"id", o.id},         {"standard", o.standard}, {"file", o.file_name}, {"message", o.message},
                  {"outcome", o.outcome}, {"rule", o.rule},       {"detail", o.detail},  {"by", o.by},
                  {"at", o.at}};
    });
  });

  api.http.Get("/api/v1/interop/providers", [&api](const httplib::Request& req, httplib::Response& res) {
    auto who = api.require_principal(req, res);
    if (!who) return;
    if (auto st = service::require_role(api.store, api.clock, *who, {domain::Role::administrator}, "interop.providers");
        !st)
      return send_error(res, st.error());
    service::Interop svc(api.store, api.clock, api.sealer);
    auto r = svc.providers(*who);
    if (!r) return send_error(res, r.error());
    send_list(res, "providers", *r, [](const store::InteropStore::ProviderLink& p) {
      return json{{"agb", p.agb}, {"organisation_id", p.organisation_id}, {"organisation_name", p.organisation_name},
                  {"linked", p.linked}};
    });
  });

  // Body {"agb": "65656055", "organisation_id": "ORG1"}: that code's provisions read the organisation from now on.
  api.http.Post("/api/v1/interop/providers", [&api](const httplib::Request& req, httplib::Response& res) {
    auto who = api.require_principal(req, res);
    if (!who) return;
    if (auto st = service::require_role(api.store, api.clock, *who, {domain::Role::administrator}, "interop.link_provider");
        !st)
      return send_error(res, st.error());
    auto body = object_body(req);
    if (!body) return send_error(res, body.error());
    auto text = [&](const char* key) {
      auto it = body->find(key);
      return it != body->end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    auto agb = text("agb"), org = text("organisation_id");
    if (agb.empty() || org.empty()) return send_error(res, invalid("agb en organisation_id zijn verplicht"));
    service::Interop svc(api.store, api.clock, api.sealer);
    auto st = svc.link_provider(*who, agb, org);
    if (!st) return send_error(res, st.error());
    send_json(res, 200, {{"agb", agb}, {"organisation_id", org}, {"linked", true}});
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
