// Privacy rights: the export of one person, erasure and the retention rule.
#include "service/privacy.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/money.h"
#include "interop/fhir.h"
#include "service/access.h"
#include "service/audit.h"
#include "service/measurements.h"
#include "store/audit_store.h"
#include "store/consent_store.h"
#include "store/interop_store.h"
#include "store/measurement_store.h"
#include "store/plan_store.h"
#include "store/account_store.h"
#include "store/household_store.h"
#include "store/organisation_store.h"
#include "store/provision_store.h"
#include "store/settings_store.h"
#include "domain/household.h"
#include "domain/account.h"

namespace regie::service {
namespace {

using domain::Role;
using nlohmann::json;
using ojson = nlohmann::ordered_json;

const char* kNotYours = "no person with this id whose data you may export";

ojson date_or_null(const std::optional<Date>& d) { return d ? ojson(format_date(*d)) : ojson(nullptr); }

ojson consent_json(const domain::Consent& c) {
  return {{"id", c.id},
          {"member_id", c.member_id},
          {"given_by_guardian", c.guardian_member_id.value_or("")},
          {"purpose", std::string(domain::to_string(c.purpose))},
          {"organisation_id", c.organisation_id},
          {"method", std::string(domain::to_string(c.method))},
          {"witness", c.witness},
          {"given_on", format_date(c.given_on)},
          {"expires_on", date_or_null(c.expires_on)},
          {"withdrawn_on", date_or_null(c.withdrawn_on)},
          {"recorded_by", c.recorded_by}};
}

bool names(const domain::PlanGoal& g, const std::string& member_id) {
  if (std::find(g.member_ids.begin(), g.member_ids.end(), member_id) != g.member_ids.end()) return true;
  for (auto& a : g.actions)
    if (a.responsible.kind == "member" && a.responsible.id == member_id) return true;
  return false;
}

}  // namespace

std::vector<domain::RetentionRule> retention_rules(store::Store& store) {
  auto rules = domain::default_retention_rules();
  for (auto& r : rules) {
    if (r.setting.empty()) continue;
    if (auto v = store::SettingsStore(store).get(r.setting))
      if (auto n = parse_fixed(*v, 0); n && *n >= 1 && *n <= 100) r.years = static_cast<int>(*n);
  }
  return rules;
}

int closed_file_years(store::Store& store) {
  if (auto v = store::SettingsStore(store).get("retention.closed_file_years"))
    if (auto n = parse_fixed(*v, 0); n && *n >= 1 && *n <= 100) return static_cast<int>(*n);
  return 7;
}

ojson erasure_json(const store::ErasureRecord& e) {
  ojson kept = ojson::array();
  for (auto& x : e.exceptions)
    kept.push_back({{"category", x.category},
                    {"records", x.records},
                    {"legal_ground", x.legal_ground},
                    {"retain_until", date_or_null(x.retain_until)}});
  ojson erased = ojson::parse(e.erased, nullptr, false);
  if (erased.is_discarded()) erased = ojson::object();
  ojson out = {{"kind", e.kind},           {"household_id", e.household_id}, {"reason", e.reason},
               {"erased_by", e.erased_by}, {"erased_at", e.erased_at},       {"erased", erased},
               {"retained", kept}};
  if (e.id) out["id"] = e.id;
  if (!e.member_id.empty()) out["member_id"] = e.member_id;
  return out;
}

ojson retention_json(const RetentionReport& r) {
  ojson items = ojson::array();
  for (auto& i : r.items) {
    ojson item = erasure_json(i.record);
    item["action"] = i.action;
    item["closed_on"] = format_date(i.closed_on);
    item["closed_on_estimated"] = i.closed_on_estimated;
    items.push_back(item);
  }
  return {{"dry_run", r.dry_run},
          {"closed_file_years", r.closed_file_years},
          {"cutoff", format_date(r.cutoff)},
          {"households", items}};
}

namespace {
// Whose export shows the BSN in full: the person (or their parent) and the
// administrator handling their request. Whoever works on the file (director,
// assigned team lead) keeps seeing it masked, as in the file.
bool shows_bsn(const Principal& who) { return who.role == Role::administrator || who.role == Role::member; }
}  // namespace

Result<domain::Member> Privacy::exportable(const Principal& who, const std::string& member_id,
                                           const std::string& format) {
  auto member = store::PrivacyStore(store_).member(member_id);
  std::optional<domain::Household> h;
  if (member) h = store::HouseholdStore(store_).find(member->household_id);
  bool allowed = false;
  if (member && h) {
    switch (who.role) {
      case Role::administrator:
        allowed = true;
        break;
      case Role::director:
      case Role::team_lead:  // an assigned team lead works on the file as its director does
        allowed = is_assigned(store_, who, *h);
        break;
      case Role::member:
        if (who.member_id == member_id) {
          allowed = true;
        } else if (!who.member_id.empty() && who.household_id == h->id && member->role == domain::MemberRole::child &&
                   is_minor(*member, clock_.today(), minor_below_age(store_))) {
          // A parent answers for their minor child.
          for (auto& m : store::HouseholdStore(store_).members(h->id))
            allowed |= m.id == who.member_id && m.role == domain::MemberRole::parent;
        }
        break;
      default:
        break;
    }
  }
  record_access(store_, clock_, who, "person.export", h ? h->id : std::string("*"), allowed, "format=" + format,
                AccessedRecord{"member", member_id, member ? member_id : std::string()});
  // An administrator may see every member, so for them an unknown id is simply not found.
  if (!member && who.role == Role::administrator) return not_found("no household member with this id");
  if (!allowed) return forbidden(kNotYours);
  return *member;
}

Result<ojson> Privacy::export_json(const Principal& who, const std::string& member_id) {
  auto m = exportable(who, member_id, "json");
  if (!m) return m.error();
  const auto h = *store::HouseholdStore(store_).find(m->household_id);
  const Date today = clock_.today();

  ojson person = {{"id", m->id},
                  {"given_name", m->given_name},
                  {"family_name", m->family_name},
                  {"role", std::string(domain::to_string(m->role))},
                  {"birth_year", m->birth_year},
                  {"consent_status", std::string(domain::to_string(m->consent))},
                  {"bsn_stored", m->bsn_sealed.has_value()}};
  // Their own BSN, opened only for this export of their own data: for the
  // person, their parent, or the administrator handling their request. The
  // director keeps seeing it masked, as in the file.
  if (m->bsn_sealed && sealer_ && shows_bsn(who))
    if (auto bsn = sealer_->open(*m->bsn_sealed)) person["bsn"] = *bsn;

  ojson household = {{"id", h.id},
                     {"family_name", h.family_name},
                     {"address", h.address},
                     {"postcode", h.postcode},
                     {"city", h.city},
                     {"status", std::string(domain::to_string(h.status))},
                     {"director", {{"username", h.director}, {"name", ""}}}};
  if (auto a = store::AccountStore(store_).find(h.director)) household["director"]["name"] = a->display_name;

  ojson provisions = ojson::array();
  for (auto& p : store::ProvisionStore(store_).of_household(h.id)) {
    if (p.member_id && *p.member_id != m->id) continue;
    ojson j = {{"id", p.id},
               {"for", p.member_id ? "member" : "household"},
               {"domain", std::string(domain::to_string(p.domain))},
               {"provider_id", p.provider_id},
               {"provider", ""},
               {"professional", ""},
               {"goal", p.goal},
               {"start_date", format_date(p.start)},
               {"end_date", date_or_null(p.end)},
               {"active", p.active_on(today)},
               {"hours_per_week_centi", p.hours_per_week_centi},
               {"annual_cost_cents", p.annual_cost},
               {"cost_basis", std::string(domain::to_string(p.basis))}};
    if (auto o = store::OrganisationStore(store_).find(p.provider_id)) j["provider"] = o->name;
    if (p.professional_id)
      if (auto pr = store::OrganisationStore(store_).professional(*p.professional_id)) j["professional"] = pr->name;
    provisions.push_back(j);
  }

  ojson allocations = ojson::array();
  for (auto& a : store::PrivacyStore(store_).allocations_of(m->id))
    allocations.push_back({{"standard", a.standard},
                           {"municipality", a.municipality},
                           {"allocation_number", a.allocation_number},
                           {"provision_id", a.provision_id},
                           {"provider_agb", a.provider_agb},
                           {"product_category", a.product_category},
                           {"product_code", a.product_code},
                           {"allocated_start", a.allocated_start},
                           {"allocated_end", a.allocated_end ? ojson(*a.allocated_end) : ojson(nullptr)}});

  ojson consents = ojson::array();
  for (auto& c : store::ConsentStore(store_).of_household(h.id))
    if (c.member_id == m->id || c.guardian_member_id == m->id) consents.push_back(consent_json(c));

  ojson measurements = ojson::array();
  std::optional<Measurements> scorer;
  if (instruments_) scorer.emplace(store_, clock_, instruments_);
  store::MeasurementStore ms(store_);
  for (auto& x : ms.of_household(h.id)) {
    if (x.member_id != m->id) continue;
    ojson answers = ojson::object();
    for (auto& [item, value] : x.answers) answers[item] = value;
    ojson j = {{"id", x.id},
               {"instrument", x.instrument},
               {"instrument_version", x.instrument_version},
               {"moment", x.moment},
               {"measured_on", format_date(x.measured_on)},
               {"filled_by", x.filled_by},
               {"completed", x.completed},
               {"answers", answers}};
    if (scorer) {
      ojson scores = ojson::object();
      for (auto& [key, tenths] : scorer->view(x).score_tenths) scores[key] = tenths ? ojson(*tenths) : ojson(nullptr);
      j["score_tenths"] = scores;
    }
    measurements.push_back(j);
  }
  ojson wishes = ojson::array();
  for (auto& w : ms.wishes(h.id))
    if (w.member_id == m->id)
      wishes.push_back({{"id", w.id}, {"dimension", w.dimension}, {"text", w.text}, {"created_at", w.created_at}});

  store::PlanStore plans(store_);
  ojson goals = ojson::array();
  for (auto& plan : plans.plans(h.id))
    for (auto& g : plan.goals) {
      if (!names(g, m->id)) continue;
      ojson actions = ojson::array();
      for (auto& a : g.actions)
        actions.push_back(
            {{"text", a.text},
             {"responsible", a.responsible.kind == "member" && a.responsible.id == m->id ? "me" : a.responsible.kind},
             {"due", date_or_null(a.due)},
             {"status", a.status}});
      goals.push_back({{"plan_version", plan.plan_version},
                       {"plan_status", plan.status},
                       {"life_domain", g.life_domain},
                       {"household_words", g.household_words},
                       {"professional_words", g.professional_words},
                       {"status", g.status},
                       {"actions", actions}});
    }

  ojson appointments = ojson::array();
  for (auto& rt : plans.round_tables(h.id))
    for (auto& part : rt.participants) {
      if (part.party.kind != "member" || part.party.id != m->id) continue;
      appointments.push_back({{"kind", "round_table"},
                              {"title", rt.title},
                              {"status", rt.status},
                              {"scheduled_at", rt.scheduled_at ? ojson(*rt.scheduled_at) : ojson(nullptr)},
                              {"window_from", format_date(rt.window_from)},
                              {"window_to", format_date(rt.window_to)},
                              {"location", rt.location},
                              {"required", part.required},
                              {"attendance", part.attendance}});
    }

  store::AuditQuery q;
  q.person = m->id;
  ojson audit = ojson::array();
  for (auto& e : store::AuditStore(store_).query(q))
    audit.push_back({{"at", e.at},
                     {"who", e.actor},
                     {"role", e.role},
                     {"organisation", e.organisation},
                     {"action", e.action},
                     {"outcome", e.outcome},
                     {"record_type", e.record_type},
                     {"record_id", e.record_id}});

  ojson erasures = ojson::array();
  for (auto& e : store::PrivacyStore(store_).erasures_of(m->id, h.id)) erasures.push_back(erasure_json(e));

  return ojson{{"format", "regie.person-export.v1"},
               {"generated_at", clock_.now_iso8601()},
               {"person", person},
               {"household", household},
               {"provisions", provisions},
               {"allocations", allocations},
               {"consents", consents},
               {"measurements", measurements},
               {"wishes", wishes},
               {"plan_goals", goals},
               {"appointments", appointments},
               {"audit", audit},
               {"erasures", erasures}};
}

Result<json> Privacy::export_fhir(const Principal& who, const std::string& member_id) {
  auto m = exportable(who, member_id, "fhir");
  if (!m) return m.error();
  interop::FhirInput in;
  in.household = *store::HouseholdStore(store_).find(m->household_id);
  in.director_username = in.household.director;
  if (auto a = store::AccountStore(store_).find(in.household.director)) in.director_display_name = a->display_name;
  in.members = {*m};
  if (m->bsn_sealed && sealer_ && shows_bsn(who))
    if (auto bsn = sealer_->open(*m->bsn_sealed)) in.bsn[m->id] = *bsn;
  for (auto& p : store::ProvisionStore(store_).of_household(m->household_id))
    if (p.member_id == m->id) in.provisions.push_back(p);
  for (auto& o : store::OrganisationStore(store_).list()) in.organisations[o.id] = o;
  for (auto& p : store::OrganisationStore(store_).professionals()) in.professionals[p.id] = p;
  for (auto& [provision, number] : store::InteropStore(store_).allocation_numbers(m->household_id))
    for (auto& p : in.provisions)
      if (p.id == provision) in.allocation_numbers[provision] = number;
  for (auto& x : store::MeasurementStore(store_).of_household(m->household_id)) {
    if (x.member_id != m->id) continue;
    for (auto& [item, value] : x.answers)
      in.measurements.push_back(
          {x.member_id, x.instrument, x.moment, format_date(x.measured_on), item, std::int64_t{value} * 1000});
  }
  for (auto& c : store::ConsentStore(store_).of_household(m->household_id))
    if (c.member_id == m->id) in.consents.push_back(c);
  store::AuditQuery q;
  q.person = m->id;
  in.audit_events = store::AuditStore(store_).query(q);
  in.generated_at = clock_.now_iso8601();
  in.today = clock_.today();
  return interop::fhir_bundle(in);
}

Result<store::ErasureRecord> Privacy::erase(const Principal& who, const std::string& member_id,
                                            const std::string& reason) {
  const bool admin = who.role == Role::administrator;
  auto member = admin ? store::PrivacyStore(store_).member(member_id) : std::nullopt;
  const std::string subject = member ? member->household_id : std::string("*");
  if (!admin) {
    record_access(store_, clock_, who, "person.erase", subject, false, {}, AccessedRecord{"member", member_id, ""});
    return forbidden("only an administrator erases a person's data");
  }
  if (reason.empty()) return invalid("reason: say why (e.g. the person's request of yyyy-mm-dd)");
  if (reason.size() > 1000) return invalid("reason: at most 1000 characters");
  if (!member) {
    // Nothing was erased or seen: a refusal, not an act on someone's data.
    record_access(store_, clock_, who, "person.erase", "*", false, "not found", AccessedRecord{"member", member_id, ""});
    return not_found("no household member with this id");
  }
  store::ErasureRequest req;
  req.household_id = member->household_id;
  req.member_ids = {member_id};
  // The household's own data (name, address) goes with its last member.
  int left = 0;
  for (auto& m : store::HouseholdStore(store_).members(member->household_id)) left += m.id != member_id && m.given_name != domain::kErased;
  req.household_data = left == 0;
  req.kind = "request";
  req.reason = reason;
  req.by = who.username;
  req.at = clock_.now_iso8601();
  req.today = clock_.today();
  req.rules = retention_rules(store_);
  auto rec = store::PrivacyStore(store_).erase(req);
  if (!rec) return rec.error();
  if (req.household_data) rec->member_id = member_id;  // the request was about this member
  record_access(store_, clock_, who, "person.erase", member->household_id, true, fmt::format("erasure {}", rec->id),
                AccessedRecord{"member", member_id, member_id});
  return rec;
}

Result<RetentionReport> Privacy::retention(const Principal& who, bool dry_run) {
  const bool allowed = who.role == Role::administrator;
  record_access(store_, clock_, who, dry_run ? "privacy.retention_dry_run" : "privacy.retention", "*", allowed);
  if (!allowed) return forbidden("only an administrator runs the retention rule");
  RetentionReport report;
  report.dry_run = dry_run;
  report.closed_file_years = closed_file_years(store_);
  const Date today = clock_.today();
  report.cutoff = domain::retain_until(today, -report.closed_file_years);
  const auto rules = retention_rules(store_);
  store::PrivacyStore ps(store_);
  const std::string reason =
      fmt::format("retention rule: file closed more than {} years ago", report.closed_file_years);
  for (auto& f : ps.closed_files()) {
    RetentionItem item;
    item.household_id = f.household_id;
    item.closed_on_estimated = !f.closed_on;
    item.closed_on = f.closed_on ? *f.closed_on : f.last_date.value_or(today);
    if (item.closed_on >= report.cutoff) continue;
    std::optional<Date> keep_until = f.keep_until;
    if (!f.erased_on) {
      store::ErasureRequest req;
      req.household_id = f.household_id;
      for (auto& m : store::HouseholdStore(store_).members(f.household_id)) req.member_ids.push_back(m.id);
      req.household_data = true;
      req.kind = "retention";
      req.reason = reason;
      req.by = who.username;
      req.at = clock_.now_iso8601();
      req.today = today;
      req.rules = rules;
      req.dry_run = dry_run;
      auto rec = ps.erase(req);
      if (!rec) return rec.error();
      if (!dry_run)
        record_access(store_, clock_, who, "household.erase", f.household_id, true,
                      fmt::format("erasure {} (retention)", rec->id));
      for (auto& x : rec->exceptions)
        if (x.retain_until && (!keep_until || *x.retain_until > *keep_until)) keep_until = x.retain_until;
      item.action = "erase";
      item.record = *rec;
      report.items.push_back(item);
    }
    // Once nothing has to be kept any more, the file goes altogether.
    if (!keep_until || *keep_until <= today) {
      auto rec = ps.remove_household(f.household_id, reason, who.username, clock_.now_iso8601(), rules, dry_run);
      if (!rec) return rec.error();
      if (!dry_run)
        record_access(store_, clock_, who, "household.remove", f.household_id, true,
                      fmt::format("erasure {} (removal)", rec->id));
      item.action = "remove";
      item.record = *rec;
      report.items.push_back(item);
    }
  }
  return report;
}

}  // namespace regie::service
