// FHIR R4 mapping of a household; see fhir.h.
#include "interop/fhir.h"
#include "domain/household.h"

#include <fmt/format.h>
#include <sodium.h>

#include <set>
#include <stdexcept>

namespace regie::interop {

using nlohmann::json;

namespace {

// A name-based UUID (hash of the record's kind and id), so that the same
// record gets the same fullUrl in every export.
std::string uuid_for(const std::string& kind, const std::string& id) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  std::string key = "regie/" + kind + "/" + id;
  unsigned char h[16];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(key.data()), key.size(), nullptr, 0);
  h[6] = static_cast<unsigned char>((h[6] & 0x0f) | 0x50);
  h[8] = static_cast<unsigned char>((h[8] & 0x3f) | 0x80);
  std::string hex;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) hex += '-';
    hex += fmt::format("{:02x}", h[i]);
  }
  return "urn:uuid:" + hex;
}

json ident(const std::string& kind, const std::string& value) {
  return {{"system", "urn:regie:" + kind}, {"value", value}};
}
json reference_to(const std::string& url, const std::string& display = "") {
  json r = {{"reference", url}};
  if (!display.empty()) r["display"] = display;
  return r;
}

constexpr const char* kConsentScopeSystem = "http://terminology.hl7.org/CodeSystem/consentscope";
constexpr const char* kActCodeSystem = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
constexpr const char* kParticipationSystem = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

constexpr const char* kAuditTypeSystem = "http://terminology.hl7.org/CodeSystem/audit-event-type";

// AuditEvent.action (C, R, U, D, E) from the trail's action, e.g. "household.read".
std::string audit_action(const std::string& action) {
  auto verb = action.substr(action.find('.') + 1);
  for (auto r : {"read", "list", "export", "export_fhir", "export_fhir_bsn", "spider_webs", "file_views"})
    if (verb == r) return "R";
  for (auto c : {"add", "start", "import"})
    if (verb == c) return "C";
  for (auto d : {"delete", "remove", "erase"})
    if (verb == d) return "D";
  for (auto u : {"edit", "answer", "withdraw", "status", "bsn", "end", "acknowledge", "change"})
    if (verb == u) return "U";
  return "E";
}

// Withdrawn or expired: inactive; not yet in force: proposed; else active.
std::string consent_record_status(const domain::Consent& c, Date today) {
  if (c.withdrawn_on && *c.withdrawn_on <= today) return "inactive";
  if (c.expires_on && *c.expires_on < today) return "inactive";
  if (c.given_on > today) return "proposed";
  return "active";
}

std::string plan_status(const std::string& s) {
  static const std::set<std::string> fhir = {"draft", "active", "on-hold", "revoked", "completed", "entered-in-error"};
  if (fhir.contains(s)) return s;
  if (s == "agreed") return "active";
  if (s == "archived" || s == "superseded") return "completed";
  return "unknown";
}

}  // namespace

json fhir_bundle(const FhirInput& in) {
  json entries = json::array();
  auto add = [&](const std::string& url, json resource) {
    entries.push_back({{"fullUrl", url}, {"resource", std::move(resource)}});
  };
  const auto& hh = in.household;
  const std::string group_url = uuid_for("household", hh.id);

  // Practitioners: the director, then the professionals named on the care map.
  std::string director_role_url;
  json team = json::array();
  if (!in.director_username.empty()) {
    auto pract = uuid_for("account", in.director_username);
    add(pract, {{"resourceType", "Practitioner"},
                {"identifier", json::array({ident("account", in.director_username)})},
                {"active", true},
                {"name", json::array({{{"text", in.director_display_name}}})}});
    director_role_url = uuid_for("account-role", in.director_username);
    add(director_role_url,
        {{"resourceType", "PractitionerRole"},
         {"active", true},
         {"practitioner", reference_to(pract, in.director_display_name)},
         {"code", json::array({{{"text", "gezinsregisseur (family director)"}}})}});
    team.push_back({{"role", json::array({{{"text", "gezinsregisseur (family director)"}}})},
                    {"member", reference_to(director_role_url, in.director_display_name)}});
  }
  std::set<std::string> org_ids, prof_ids;
  for (auto& p : in.provisions) {
    org_ids.insert(p.provider_id);
    if (p.professional_id) prof_ids.insert(*p.professional_id);
  }
  for (auto& id : prof_ids)
    if (auto it = in.professionals.find(id); it != in.professionals.end()) org_ids.insert(it->second.organisation_id);
  // The organisations a consent lets see the data are referenced from it,
  // but are on the care team only when they help.
  const std::set<std::string> care_orgs = org_ids;
  std::set<std::string> member_ids;
  for (auto& m : in.members) member_ids.insert(m.id);
  for (auto& c : in.consents)
    if (member_ids.contains(c.member_id)) org_ids.insert(c.organisation_id);
  for (auto& id : org_ids) {
    auto it = in.organisations.find(id);
    if (it == in.organisations.end()) continue;
    json ids = json::array({ident("organisation", id)});
    if (id.starts_with("AGB") && id.size() == 11) ids.push_back({{"system", kAgbSystem}, {"value", id.substr(3)}});
    add(uuid_for("organisation", id), {{"resourceType", "Organization"},
                                       {"identifier", ids},
                                       {"active", true},
                                       {"type", json::array({{{"text", it->second.kind}}})},
                                       {"name", it->second.name}});
    if (care_orgs.contains(id))
      team.push_back({{"role", json::array({{{"text", "provider"}}})},
                      {"member", reference_to(uuid_for("organisation", id), it->second.name)}});
  }
  for (auto& id : prof_ids) {
    auto it = in.professionals.find(id);
    if (it == in.professionals.end()) continue;
    auto pract = uuid_for("professional", id);
    add(pract, {{"resourceType", "Practitioner"},
                {"identifier", json::array({ident("professional", id)})},
                {"active", true},
                {"name", json::array({{{"text", it->second.name}}})}});
    json role = {{"resourceType", "PractitionerRole"},
                 {"active", true},
                 {"practitioner", reference_to(pract, it->second.name)},
                 {"code", json::array({{{"text", it->second.role}}})}};
    if (in.organisations.contains(it->second.organisation_id))
      role["organization"] = reference_to(uuid_for("organisation", it->second.organisation_id));
    add(uuid_for("professional-role", id), role);
    team.push_back({{"role", json::array({{{"text", it->second.role}}})},
                    {"member", reference_to(uuid_for("professional-role", id), it->second.name)}});
  }

  // Members.
  json group_members = json::array();
  for (auto& m : in.members) {
    auto url = uuid_for("member", m.id);
    json ids = json::array({ident("member", m.id)});
    if (auto it = in.bsn.find(m.id); it != in.bsn.end()) ids.push_back({{"system", kBsnSystem}, {"value", it->second}});
    json patient = {{"resourceType", "Patient"}, {"identifier", ids}, {"active", true}};
    json name = json::object();
    if (!m.family_name.empty()) name["family"] = m.family_name;
    if (!m.given_name.empty()) name["given"] = json::array({m.given_name});
    if (!name.empty()) patient["name"] = json::array({name});
    if (m.birth_year > 0) patient["birthDate"] = fmt::format("{:04d}", m.birth_year);
    add(url, patient);
    group_members.push_back({{"entity", reference_to(url, m.given_name)}});
  }
  // Each consent record: who allowed which organisation to see their data,
  // for which purpose, how and when, until its expiry or withdrawal.
  std::set<std::string> with_record;
  for (auto& c : in.consents) {
    if (!member_ids.contains(c.member_id)) continue;
    with_record.insert(c.member_id);
    const auto patient = uuid_for("member", c.member_id);
    json method = {{"text", c.method == domain::ConsentMethod::signed_form ? "signed form" : "verbal, witnessed"}};
    json consent = {{"resourceType", "Consent"},
                    {"identifier", json::array({ident("consent", std::to_string(c.id))})},
                    {"status", consent_record_status(c, in.today)},
                    {"scope", {{"coding", json::array({{{"system", kConsentScopeSystem}, {"code", "patient-privacy"}}})}}},
                    {"category", json::array({{{"coding", json::array({{{"system", "http://loinc.org"},
                                                                         {"code", "59284-0"},
                                                                         {"display", "Consent Document"}}})}},
                                              method})},
                    {"patient", reference_to(patient)},
                    {"dateTime", format_date(c.given_on)},
                    {"policyRule", {{"coding", json::array({{{"system", kActCodeSystem}, {"code", "OPTIN"}}})}}}};
    // Given by a parent or guardian for a child: they are the performer.
    const auto& giver = c.guardian_member_id ? *c.guardian_member_id : c.member_id;
    if (member_ids.contains(giver)) consent["performer"] = json::array({reference_to(uuid_for("member", giver))});
    if (c.method == domain::ConsentMethod::verbal_witnessed)
      consent["verification"] = json::array(
          {{{"verified", true}, {"verifiedWith", {{"display", c.witness}}}, {"verificationDate", format_date(c.given_on)}}});
    json period = {{"start", format_date(c.given_on)}};
    std::optional<Date> end = c.expires_on;
    if (c.withdrawn_on && (!end || *c.withdrawn_on < *end)) end = c.withdrawn_on;
    if (end) period["end"] = format_date(*end);
    json provision = {{"type", "permit"},
                      {"period", period},
                      {"purpose", json::array({{{"system", "urn:regie:consent-purpose"},
                                                {"code", std::string(domain::to_string(c.purpose))}}})}};
    json actor = {{"role", {{"coding", json::array({{{"system", kParticipationSystem}, {"code", "IRCP"},
                                                      {"display", "information recipient"}}})}}},
                  {"reference", reference_to(uuid_for("organisation", c.organisation_id))}};
    if (in.organisations.contains(c.organisation_id)) provision["actor"] = json::array({actor});
    consent["provision"] = provision;
    add(uuid_for("consent", std::to_string(c.id)), consent);
  }
  // A refusal is recorded only on the member, as there is no consent to record.
  for (auto& m : in.members) {
    if (m.consent != domain::ConsentStatus::refused || with_record.contains(m.id)) continue;
    add(uuid_for("consent-refusal", m.id),
        {{"resourceType", "Consent"},
         {"status", "rejected"},
         {"scope", {{"coding", json::array({{{"system", kConsentScopeSystem}, {"code", "patient-privacy"}}})}}},
         {"category", json::array({{{"coding", json::array({{{"system", "http://loinc.org"}, {"code", "59284-0"},
                                                             {"display", "Consent Document"}}})}}})},
         {"patient", reference_to(uuid_for("member", m.id))},
         {"policyRule", {{"coding", json::array({{{"system", kActCodeSystem}, {"code", "OPTOUT"}}})}}}});
  }
  json group = {{"resourceType", "Group"},
                {"identifier", json::array({ident("household", hh.id)})},
                {"active", hh.status != domain::HouseholdStatus::closed &&
                               hh.status != domain::HouseholdStatus::dropped},
                {"type", "person"},
                {"actual", true},
                {"name", hh.family_name.empty() ? "Household " + hh.id : "Household " + hh.family_name},
                {"quantity", in.members.size()}};
  if (!group_members.empty()) group["member"] = group_members;
  if (!director_role_url.empty()) group["managingEntity"] = reference_to(director_role_url, in.director_display_name);
  entries.insert(entries.begin(), json{{"fullUrl", group_url}, {"resource", group}});

  json care_team = {{"resourceType", "CareTeam"},
                    {"identifier", json::array({ident("care-team", hh.id)})},
                    {"status", "active"},
                    {"name", "Care team of household " + hh.id},
                    {"subject", reference_to(group_url)}};
  if (!team.empty()) care_team["participant"] = team;
  auto team_url = uuid_for("care-team", hh.id);
  add(team_url, care_team);

  // The care map: one CarePlan with an activity per provision.
  json activities = json::array();
  for (auto& p : in.provisions) {
    std::string status = in.today < p.start ? "not-started" : (p.end && *p.end < in.today ? "completed" : "in-progress");
    json detail = {{"kind", "ServiceRequest"},
                   {"status", status},
                   {"code", {{"text", std::string(domain::to_string(p.domain)) + (p.goal.empty() ? "" : ": " + p.goal)}}},
                   {"scheduledPeriod", p.end ? json{{"start", format_date(p.start)}, {"end", format_date(*p.end)}}
                                             : json{{"start", format_date(p.start)}}}};
    json performers = json::array();
    if (in.organisations.contains(p.provider_id)) performers.push_back(reference_to(uuid_for("organisation", p.provider_id)));
    if (p.professional_id && in.professionals.contains(*p.professional_id))
      performers.push_back(reference_to(uuid_for("professional-role", *p.professional_id)));
    if (!performers.empty()) detail["performer"] = performers;
    if (p.member_id) detail["description"] = "for member " + *p.member_id;
    json activity = {{"detail", detail}};
    if (auto it = in.allocation_numbers.find(p.id); it != in.allocation_numbers.end())
      activity["detail"]["description"] = detail.value("description", std::string("for the household")) +
                                           ", allocation " + it->second;
    activities.push_back(activity);
  }
  json care_map = {{"resourceType", "CarePlan"},
                   {"identifier", json::array({ident("care-map", hh.id)})},
                   {"status", "active"},
                   {"intent", "plan"},
                   {"title", "Care map (zorgkaart)"},
                   {"subject", reference_to(group_url)},
                   {"careTeam", json::array({reference_to(team_url)})}};
  if (!activities.empty()) care_map["activity"] = activities;
  add(uuid_for("care-map", hh.id), care_map);

  for (auto& plan : in.plans) {
    json cp = {{"resourceType", "CarePlan"},
               {"identifier", json::array({ident("household-plan", std::to_string(plan.id))})},
               {"status", plan_status(plan.status)},
               {"intent", "plan"},
               {"title", fmt::format("Household plan, version {}", plan.version)},
               {"subject", reference_to(group_url)},
               {"created", plan.created_at},
               {"careTeam", json::array({reference_to(team_url)})}};
    add(uuid_for("household-plan", std::to_string(plan.id)), cp);
  }

  // Questionnaire scores: one response per member, instrument and moment.
  std::map<std::tuple<std::string, std::string, std::string>, json> responses;
  for (auto& m : in.measurements) {
    auto key = std::make_tuple(m.member_id, m.instrument, m.moment);
    auto& r = responses[key];
    if (r.is_null())
      r = {{"resourceType", "QuestionnaireResponse"},
           {"identifier", ident("measurement", m.member_id + "/" + m.instrument + "/" + m.moment)},
           {"status", "completed"},
           {"subject", reference_to(uuid_for("member", m.member_id))},
           {"authored", m.measured_on},
           {"item", json::array()}};
    json item = {{"linkId", m.instrument + "." + m.item}, {"text", m.item}};
    if (m.score_milli)
      item["answer"] = json::array({{{"valueDecimal", static_cast<double>(*m.score_milli) / 1000.0}}});
    r["item"].push_back(item);
  }
  for (auto& [key, r] : responses)
    add(uuid_for("measurement", std::get<0>(key) + "/" + std::get<1>(key) + "/" + std::get<2>(key)), r);

  // Who looked at or changed a member's data, as the audit trail recorded it.
  for (auto& e : in.audit_events) {
    if (!member_ids.contains(e.person)) continue;
    json agent = {{"who", {{"identifier", ident("account", e.actor)}, {"display", e.actor}}}, {"requestor", true}};
    if (!e.role.empty()) agent["role"] = json::array({{{"text", e.role}}});
    json entities = json::array({{{"what", reference_to(uuid_for("member", e.person))}}});
    if (!e.record_type.empty() && !e.record_id.empty())
      entities.push_back({{"what", {{"identifier", ident(e.record_type, e.record_id)}}}});
    add(uuid_for("audit", std::to_string(e.seq ? e.seq : e.id)),
        {{"resourceType", "AuditEvent"},
         {"type", {{"system", kAuditTypeSystem}, {"code", "rest"}, {"display", "RESTful Operation"}}},
         {"subtype", json::array({{{"system", "urn:regie:action"}, {"code", e.action}}})},
         {"action", audit_action(e.action)},
         {"recorded", e.at},
         {"outcome", e.outcome == "allowed" ? "0" : "4"},
         {"agent", json::array({agent})},
         {"source", {{"observer", {{"display", "Regie"}}}}},
         {"entity", entities}});
  }

  return {{"resourceType", "Bundle"},
          {"type", "collection"},
          {"timestamp", in.generated_at},
          {"identifier", ident("export", hh.id + "/" + in.generated_at)},
          {"entry", entries}};
}

}  // namespace regie::interop
