// API routes of the interoperability area: iJw/iWmo message upload for
// administrators and a household's FHIR export for its director. Rules and
// access checks live in service/interop.
#include <fmt/format.h>

#include "http/handler.h"
#include "service/interop.h"

namespace regie::http {

void add_interop_routes(Api& api) {
  Routes routes(api);
  using service::Permission;
  auto svc = [&api] { return service::Interop(api.store, api.clock, api.sealer); };
  // Body: the message XML itself (one message per request), so that a
  // provider's file goes in unchanged; ?standard=ijw|iwmo says which.
  routes.post("/api/v1/interop/messages", [svc](const Call& c) -> Answer {
    auto standard = interop::parse_standard(c.param("standard"));
    if (!standard) return invalid("standard: ijw or iwmo");
    service::ImportOptions options;
    options.file_name = c.param("file");  // the name the administrator chose, for the kept outcome
    auto r = svc().import_message(c.who, c.req.body, *standard, options);
    if (!r) return r.error();
    return {r->already_imported ? 200 : 201, json{{"message", r->message},
                                                  {"already_imported", r->already_imported},
                                                  {"provisions", r->provisions},
                                                  {"warnings", r->warnings}}};
  }, Need(Permission::interop_import, Body::raw));

  // The kept outcome of every file offered, newest first.
  routes.get("/api/v1/interop/imports", [svc](const Call& c) {
    return list("imports", svc().outcomes(c.who), [](const store::InteropStore::Outcome& o) {
      return json{{"id", o.id},         {"standard", o.standard}, {"file", o.file_name}, {"message", o.message},
                  {"outcome", o.outcome}, {"rule", o.rule},       {"detail", o.detail},  {"by", o.by},
                  {"at", o.at}};
    });
  }, Permission::interop_imports);

  routes.get("/api/v1/interop/providers", [svc](const Call& c) {
    return list("providers", svc().providers(c.who), [](const store::InteropStore::ProviderLink& p) {
      return json{{"agb", p.agb}, {"organisation_id", p.organisation_id}, {"organisation_name", p.organisation_name},
                  {"linked", p.linked}};
    });
  }, Permission::interop_providers);

  // Body {"agb": "65656055", "organisation_id": "ORG1"}: that code's provisions read the organisation from now on.
  routes.post("/api/v1/interop/providers", [svc](const Call& c) -> Answer {
    auto text = [&](const char* key) {
      auto it = c.body.find(key);
      return it != c.body.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    auto agb = text("agb"), org = text("organisation_id");
    if (agb.empty() || org.empty()) return invalid("agb en organisation_id zijn verplicht");
    if (auto st = svc().link_provider(c.who, agb, org); !st) return st.error();
    return ok({{"agb", agb}, {"organisation_id", org}, {"linked", true}});
  }, Permission::interop_link_provider);

  routes.get(kHouseholdPath + R"(/\$export)", [svc](const Call& c) -> Answer {
    auto bundle = svc().export_fhir(c.who, c.household(), c.param("include_bsn") == "true");
    if (!bundle) return bundle.error();
    c.res.status = 200;
    c.res.set_content(bundle->dump(), "application/fhir+json");
    return written();
  });
}

}  // namespace regie::http
