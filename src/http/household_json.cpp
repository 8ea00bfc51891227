// The household's JSON: the list row and the whole file.
#include "http/household_json.h"

#include <algorithm>
#include <map>

#include "common/date.h"
#include "common/money.h"
#include "domain/costs.h"
#include "domain/funding.h"
#include "domain/household.h"

namespace regie::http {
namespace {

json signals_json(const service::HouseholdDetail& d) {
  json out = json::array();
  for (auto& sig : d.signals) {
    const std::string code(domain::to_string(sig.code));
    json ack = nullptr;
    for (auto& a : d.acknowledgements)  // the latest acknowledgement counts
      if (a.signal == code) ack = {{"note", a.note}, {"by", a.by}, {"by_name", a.by_name}, {"at", a.at}};
    out.push_back({{"code", code}, {"detail", sig.detail}, {"provisions", sig.provisions}, {"acknowledged", ack}});
  }
  return out;
}

json counts_json(const domain::CareMapCounts& c) {
  json per_domain = json::object();
  for (auto& [dom, n] : c.provisions_per_domain) per_domain[std::string(domain::to_string(dom))] = n;
  return {{"providers", c.providers},
          {"professionals", c.professionals},
          {"provisions_per_domain", per_domain},
          {"turnover_6_months", c.turnover}};
}

// Provision starts and ends, care-map edits, measurements, mandate decisions
// and round tables, newest first.
json timeline_json(const service::HouseholdDetail& d) {
  struct Event {
    std::string date, kind, provision, text;
    int count = 1;
    std::string by_name;
  };
  std::vector<Event> events;
  for (auto& p : d.provisions) {
    events.push_back({format_date(p.start), "provision_started", p.id, std::string(domain::to_string(p.domain))});
    if (p.end && *p.end <= d.on)
      events.push_back({format_date(*p.end), "provision_ended", p.id, std::string(domain::to_string(p.domain))});
  }
  for (auto& c : d.changes)
    events.push_back({c.day, "care_map_" + c.change, c.provision_id.value_or(""), c.by, c.count, c.by_name});
  for (auto& r : d.records) events.push_back({r.date, r.kind, "", r.detail});
  std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.date > b.date; });
  json out = json::array();
  for (auto& e : events)
    out.push_back(
        {{"date", e.date}, {"kind", e.kind}, {"provision_id", e.provision}, {"detail", e.text}, {"count", e.count},
         {"by_name", e.by_name}});
  return out;
}

}  // namespace

std::string t2_reminder_name(domain::T2Reminder r) {
  switch (r) {
    case domain::T2Reminder::due: return "due";
    case domain::T2Reminder::overdue: return "overdue";
    case domain::T2Reminder::none: return "none";
  }
  return "none";
}

json intervention_json(const std::optional<domain::InterventionSpan>& span) {
  if (!span) return nullptr;
  return {{"start", format_date(span->start)},
          {"end", span->end ? json(format_date(*span->end)) : json(nullptr)},
          {"days", span->days},
          {"status", domain::to_string(span->status)},
          {"status_since", format_date(span->status_since)},
          {"days_in_status", span->days_in_status}};
}

json household_summary_json(const store::HouseholdSummary& s) {
  const auto& h = s.household;
  json director = nullptr;
  if (!h.director.empty()) director = {{"username", h.director}, {"display_name", s.director_display_name}};
  json next_statuses = json::array();
  for (auto n : domain::allowed_next(h.status)) next_statuses.push_back(domain::to_string(n));
  return {{"id", h.id},
          {"family_name", h.family_name},
          {"neighbourhood", h.neighbourhood},
          {"status", domain::to_string(h.status)},
          {"director", director},
          {"member_count", s.member_count},
          {"provision_count", s.provision_count},
          {"annual_cost_cents", s.annual_cost},
          {"cost_out_of_range", s.cost_out_of_range},
          {"signals", s.signals},
          {"version", h.version},
          {"allowed_next_statuses", next_statuses},
          {"may_open", s.may_open},
          {"team_leads", s.team_lead_names},
          {"intervention", intervention_json(s.span)},
          {"t2", {{"date", s.t2_on ? json(format_date(*s.t2_on)) : json(nullptr)},
                  {"reminder", t2_reminder_name(s.t2_reminder)}}}};
}

json household_detail_json(const service::HouseholdDetail& d) {
  const auto& h = d.household;
  json members = json::array();
  for (auto& m : d.members)
    members.push_back({{"id", m.id},
                       {"given_name", m.given_name},
                       {"family_name", m.family_name},
                       {"role", domain::to_string(m.role)},
                       {"birth_year", m.birth_year},
                       {"birth_date", m.birth_date ? json(format_date(*m.birth_date)) : json(nullptr)},
                       {"consent_status", domain::to_string(m.consent)},
                       {"bsn_masked", d.bsn_masked.contains(m.id) ? json(d.bsn_masked.at(m.id)) : json(nullptr)}});
  json provisions = json::array();
  std::map<domain::Category, Cents> by_category;
  Cents total = 0;
  for (auto& p : d.provisions) {
    bool active = p.active_on(d.on);
    auto cost = domain::annual_cost_on(p, d.on, d.prices);
    if (active) {
      by_category[p.category()] += cost.annual;
      total += cost.annual;
    }
    json provider = {{"id", p.provider_id}, {"name", ""}};
    if (auto it = d.organisations.find(p.provider_id); it != d.organisations.end()) provider["name"] = it->second.name;
    json professional = nullptr;
    if (p.professional_id) {
      if (auto it = d.professionals.find(*p.professional_id); it != d.professionals.end())
        professional = {{"id", it->second.id}, {"name", it->second.name}, {"role", it->second.role}};
    }
    provisions.push_back({{"id", p.id},
                          {"member_id", p.member_id ? json(*p.member_id) : json(nullptr)},
                          {"domain", domain::to_string(p.domain)},
                          {"category", domain::to_string(p.category())},
                          {"provider", provider},
                          {"professional", professional},
                          {"goal", p.goal},
                          {"start_date", format_date(p.start)},
                          {"end_date", p.end ? json(format_date(*p.end)) : json(nullptr)},
                          {"hours_per_week", format_fixed(p.hours_per_week_centi, 2, true)},
                          {"annual_cost_cents", cost.annual},
                          {"cost_basis", domain::to_string(p.basis)},
                          {"cost_explanation", cost.explanation},
                          {"price_code", p.price_code ? json(*p.price_code) : json(nullptr)},
                          {"units_per_year", p.price_code ? json(format_fixed(p.units_per_year_centi, 2, true))
                                                          : json(nullptr)},
                          {"missing_price", cost.missing_price},
                          {"cost_out_of_range", cost.out_of_range},
                          {"indicated", p.indicated},
                          {"coaching", p.coaching},
                          {"version", p.version},
                          {"active", active}});
  }
  json categories = json::array();
  for (auto& [c, cents] : by_category)
    categories.push_back({{"category", domain::to_string(c)}, {"annual_cost_cents", cents}});
  json referral = nullptr;
  if (h.referral)
    referral = {{"source", domain::to_string(h.referral->source)},
                {"reason", h.referral->reason},
                {"date", format_date(h.referral->date)},
                {"referrer", h.referral->referrer}};
  json director = nullptr;
  if (!h.director.empty()) director = {{"username", h.director}, {"display_name", d.director_display_name}};
  json next_statuses = json::array();
  for (auto n : domain::allowed_next(h.status)) next_statuses.push_back(domain::to_string(n));
  json team_leads = json::array();
  for (auto& a : d.team_leads) team_leads.push_back({{"username", a.username}, {"display_name", a.display_name}});
  json import_warnings = json::array();
  for (auto& w : d.import_warnings)
    import_warnings.push_back({{"member_id", w.member_id}, {"message", w.message}, {"text", w.text}, {"at", w.at}});
  return {{"household",
           {{"id", h.id},
            {"family_name", h.family_name},
            {"address", h.address},
            {"postcode", h.postcode},
            {"city", h.city},
            {"neighbourhood", h.neighbourhood},
            {"status", domain::to_string(h.status)},
            {"drop_reason", h.drop_reason.empty() ? json(nullptr) : json(h.drop_reason)},
            {"allowed_next_statuses", next_statuses},
            {"version", h.version},
            {"director", director},
            {"team_leads", team_leads},
            {"import_warnings", import_warnings},
            {"referral", referral},
            {"members", members},
            {"provisions", provisions},
            {"cost_by_category", categories},
            {"total_annual_cost_cents", total},
            {"signals", signals_json(d)},
            {"counts", counts_json(d.counts)},
            {"timeline", timeline_json(d)},
            {"as_of", format_date(d.on)}}}};
}

}  // namespace regie::http
