// The household area: the list and the file, referrals, members, provisions
// on the care map, the status pipeline, signals and their thresholds, and the
// organisations and professionals a care map names. Rules in service/households.
#include <fmt/format.h>

#include "http/handler.h"
#include "http/household_json.h"
#include "service/duplicates.h"
#include "service/households.h"
#include "service/moments.h"
#include "service/organisations.h"
#include "domain/household.h"
#include "domain/organisation.h"

namespace regie::http {

void add_household_routes(Api& api) {
  auto svc = std::make_shared<service::Households>(api.store, api.clock, api.sealer);
  Routes routes(api);
  const std::string& hh = kHouseholdPath;
  using service::Permission;

  routes.get("/api/v1/households", [svc](const Call& c) {
    return list("households", svc->list(c.who), household_summary_json);
  });
  routes.get(hh, [svc](const Call& c) -> Answer {
    auto body = svc->rendered(c.who, c.household(),
                              [](const service::HouseholdDetail& d) { return household_detail_json(d).dump(); });
    if (!body) return body.error();
    c.res.status = 200;
    c.res.set_content(**body, "application/json; charset=utf-8");
    return written();
  });
  // A referral arrives: team leads and directors register it.
  routes.post("/api/v1/households", [svc](const Call& c) -> Answer {
    FieldReader f(c.body);
    domain::Household h;
    h.id = f.text("id", false);
    h.family_name = f.text("family_name");
    h.address = f.text("address", false);
    h.postcode = f.text("postcode", false);
    h.city = f.text("city", false);
    h.neighbourhood = f.text("neighbourhood", false);
    h.director = f.text("director", false);
    auto source = f.choice("referral_source", domain::parse_referral_source,
                           "gp, practice_nurse, gp_with_practice_nurse, gp_with_safety_house, wmo, social_team, "
                           "youth_doctor, social_work or other");
    auto reason = f.text("referral_reason");
    auto date = f.date("referral_date");
    auto referrer = f.text("referral_referrer", false);
    if (!f.ok()) return f.error();
    h.referral = domain::Referral{source, reason, date, referrer};
    return answer(svc->add_household(c.who, h), [](auto& a) { return json{{"id", a.id}, {"status", "referred"}}; },
                  201);
  }, Permission::household_add);

  // Before a second file is made: households sharing the address or a BSN.
  // Outside /households/{id}, as it names no household; BSNs travel in the body only.
  auto duplicates = std::make_shared<service::Duplicates>(api.store, api.clock, api.sealer);
  routes.post("/api/v1/intake/duplicates", [duplicates](const Call& c) -> Answer {
    FieldReader f(c.body);
    service::DuplicateQuery q;
    q.address = f.text("address", false);
    q.postcode = f.text("postcode", false);
    if (c.body.contains("bsns")) {
      const auto& list = c.body["bsns"];
      if (!list.is_array()) f.add("bsns: a list of BSNs");
      else
        for (std::size_t i = 0; i < list.size() && i <= service::kMaxDuplicateBsns; ++i) {
          if (list[i].is_string()) q.bsns.push_back(list[i].get<std::string>());
          else f.add(fmt::format("bsns[{}]: nine digits as text", i));
        }
    }
    if (!f.ok()) return f.error();
    return answer(duplicates->find(c.who, q), [](const std::vector<service::DuplicateMatch>& found) {
      json matches = json::array();
      for (auto& m : found) {
        json one = {{"visible", m.visible},
                    {"director", m.director},
                    {"same_address", m.same_address},
                    {"bsn_indexes", m.bsn_indexes}};
        if (m.visible) {
          one["household_id"] = m.household_id;
          one["family_name"] = m.family_name;
          one["status"] = m.status;
          one["member_names"] = m.member_names;
        }
        matches.push_back(std::move(one));
      }
      return json{{"matches", matches}};
    });
  }, Permission::household_add);

  routes.post(hh + "/members", [svc](const Call& c) -> Answer {
    FieldReader f(c.body);
    auto given = f.text("given_name"), family = f.text("family_name", false);
    auto role = f.choice("role", domain::parse_member_role, "parent, child or other");
    auto consent = f.text("consent_status", false);
    // A birth date gives the year; a year alone is still accepted (older clients, imports).
    auto born = f.optional_date("birth_date");
    auto year = born ? f.integer_or("birth_year", year_of(*born)) : f.integer("birth_year");
    if (born && year != year_of(*born)) f.add("birth_year: not the year of birth_date");
    auto status = consent.empty() ? std::optional(domain::ConsentStatus::pending) : domain::parse_consent_status(consent);
    if (f.ok() && !status) f.add("consent_status: given, pending, refused or withdrawn");
    if (!f.ok()) return f.error();
    domain::Member m{"", c.household(), given, family, role, static_cast<int>(year), *status, std::nullopt, born};
    return answer(svc->add_member(c.who, m), [](auto& a) { return json{{"id", a.id}}; }, 201);
  });
  routes.put(hh + "/members/" + kIdSegment + "/bsn", [svc](const Call& c) -> Answer {
    FieldReader f(c.body);
    auto bsn = f.text("bsn");
    if (!f.ok()) return f.error();
    if (auto st = svc->set_bsn(c.who, c.household(), c.part(2), bsn); !st) return st.error();
    return no_content();
  });

  routes.post(hh + "/provisions", [svc](const Call& c) -> Answer {
    auto provision = provision_from_json(c.body, c.household());
    if (!provision) return provision.error();
    return answer(svc->add_provision(c.who, *provision), [](auto& a) { return json{{"id", a.id}}; }, 201);
  });
  routes.put(hh + "/provisions/" + kIdSegment, [svc](const Call& c) -> Answer {
    if (!c.body.contains("version")) return invalid("version: required, the version you read");
    auto provision = provision_from_json(c.body, c.household());
    if (!provision) return provision.error();
    provision->id = c.part(2);
    return answer(svc->update_provision(c.who, *provision),
                  id_and_version(provision->id));
  });
  routes.post(hh + "/provisions/" + kIdSegment + "/end", [svc](const Call& c) -> Answer {
    FieldReader f(c.body);
    auto end = f.date("end_date");
    auto version = f.integer("version");
    if (!f.ok()) return f.error();
    return answer(svc->end_provision(c.who, c.household(), c.part(2), end, static_cast<int>(version)),
                  id_and_version(c.part(2)));
  });

  routes.post(hh + R"(/signals/([a-z_]{1,64})/acknowledge)", [svc](const Call& c) -> Answer {
    FieldReader f(c.body);
    auto note = f.text("note");
    if (!f.ok()) return f.error();
    if (auto st = svc->acknowledge_signal(c.who, c.household(), c.part(2), note); !st) return st.error();
    return created({{"signal", c.part(2)}});
  });
  routes.put(hh + "/status", [svc](const Call& c) -> Answer {
    FieldReader f(c.body);
    auto status = f.text("status"), reason = f.text("drop_reason", false);
    auto version = f.integer("version");
    if (!f.ok()) return f.error();
    auto to = domain::parse_household_status(status);
    if (!to) return invalid("status: referred, intake, active, aftercare, closed or dropped");
    return answer(svc->change_status(c.who, c.household(), *to, reason, static_cast<int>(version)),
                  [&](int v) { return json{{"status", status}, {"version", v}}; });
  });
  auto moments = std::make_shared<service::Moments>(api.store, api.clock);
  routes.put(R"(/api/v1/settings/(signal\.[a-z_]{1,64}|measurement\.t2_after_months))", [svc, moments](const Call& c) -> Answer {
    FieldReader f(c.body);
    auto value = f.integer("value");
    if (!f.ok()) return f.error();
    const auto key = c.part(1);
    auto st = key.starts_with("measurement.") ? moments->set_t2_after_months(c.who, static_cast<int>(value))
                                              : svc->set_signal_threshold(c.who, key, static_cast<int>(value));
    if (!st) return st.error();
    return ok({{"key", c.part(1)}, {"value", value}});
  }, Permission::setting_change);

  routes.get("/api/v1/organisations", [svc](const Call&) {
    return list("organisations", Result(svc->organisations()),
                [](auto& o) { return json{{"id", o.id}, {"name", o.name}, {"kind", o.kind}}; });
  });
  auto organisations = std::make_shared<service::Organisations>(api.store, api.clock);
  routes.post("/api/v1/organisations", [organisations](const Call& c) -> Answer {
    FieldReader f(c.body);
    auto name = f.text("name"), kind = f.text("kind");
    if (!f.ok()) return f.error();
    return answer(organisations->add(c.who, domain::Organisation{"", name, kind}),
                  [](auto& o) { return json{{"id", o.id}, {"name", o.name}, {"kind", o.kind}}; }, 201);
  }, Permission::organisation_add);
  routes.get("/api/v1/professionals", [svc](const Call&) {
    return list("professionals", Result(svc->professionals()), [](auto& p) {
      return json{{"id", p.id}, {"name", p.name}, {"organisation_id", p.organisation_id}, {"role", p.role},
                  {"phone", p.phone}};
    });
  });
  routes.post("/api/v1/professionals", [svc](const Call& c) -> Answer {
    FieldReader f(c.body);
    auto name = f.text("name"), org = f.text("organisation_id"), role = f.text("role"), phone = f.text("phone", false);
    if (!f.ok()) return f.error();
    return answer(svc->add_professional(c.who, domain::Professional{"", name, org, role, phone}),
                  [](auto& a) { return json{{"id", a.id}}; }, 201);
  }, Permission::professional_add);

  // A family's way from referral to closing lives beside its file.
  add_progress_routes(api);
}

}  // namespace regie::http
