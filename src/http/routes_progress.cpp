// A family's way from referral to closing: the contact log, the status
// history with durations, the measurement moments, the director's due list
// and the referral funnel. Translation only; the rules are in
// service/contacts, status_history, moments, due and funnel.
#include "domain/contact.h"
#include "domain/funnel.h"
#include "http/handler.h"
#include "http/household_json.h"
#include "service/contacts.h"
#include "service/due.h"
#include "service/funnel.h"
#include "service/moments.h"
#include "service/status_history.h"

namespace regie::http {
namespace {

json contact_json(const service::ContactView& v) {
  const auto& c = v.contact;
  return {{"id", c.id},
          {"kind", domain::to_string(c.kind)},
          {"date", format_date(c.on)},
          {"minutes", c.minutes},
          {"travel_minutes", c.travel_minutes},
          {"professional_id", c.professional_id ? json(*c.professional_id) : json(nullptr)},
          {"professional_name", v.professional_name},
          {"note", c.note},
          {"recorded_by", c.recorded_by},
          {"recorded_by_name", v.recorded_by_name},
          {"recorded_at", c.recorded_at}};
}

json history_json(const service::StatusHistoryView& v) {
  json changes = json::array();
  for (auto& c : v.changes)
    changes.push_back({{"status", domain::to_string(c.change.status)},
                       {"date", format_date(c.change.on)},
                       {"until", c.until ? json(format_date(*c.until)) : json(nullptr)},
                       {"days", c.days},
                       {"by", c.change.by},
                       {"by_name", c.by_name},
                       {"drop_reason", c.change.drop_reason}});
  return {{"changes", changes}, {"intervention", intervention_json(v.span)}};
}

json moment_json(const domain::MomentDate& m, const std::vector<store::SetMoment>& set, const char* name) {
  int version = 0;
  for (auto& s : set)
    if (s.moment == name) version = s.version;
  return {{"date", m.on ? json(format_date(*m.on)) : json(nullptr)},
          {"source", domain::to_string(m.source)},
          {"measured", m.measured},
          {"held", m.held},
          {"version", version}};
}

json moments_json(const service::MomentsView& v) {
  const auto& p = v.progress;
  return {{"t2_after_months", v.t2_after_months},
          {"t1", moment_json(p.moments.t1, v.set, "T1")},
          {"t2", moment_json(p.moments.t2, v.set, "T2")},
          {"t2_reminder", t2_reminder_name(p.reminder)},
          {"business_case",
           {{"complete", p.gap == domain::Gap::none},
            {"reason", domain::to_string(p.gap)},
            {"group", domain::to_string(domain::group_of(p.gap))}}}};
}

json due_json(const service::DueItem& d) {
  return {{"household_id", d.household_id},
          {"family_name", d.family_name},
          {"kind", service::to_string(d.kind)},
          {"when", d.when ? json(*d.when) : json(nullptr)},
          {"overdue", d.overdue},
          {"title", d.title}};
}

json funnel_row_json(const domain::FunnelRow& r) {
  return {{"source", r.source ? json(domain::to_string(*r.source)) : json(nullptr)},
          {"referred", r.referred},
          {"intake", r.intake},
          {"guided", r.guided},
          {"business_case", r.business_case},
          {"waiting", r.waiting},
          {"dropped", json(r.dropped)},
          {"without_business_case", json(r.without_business_case)}};
}

}  // namespace

void add_progress_routes(Api& api) {
  auto contacts = std::make_shared<service::Contacts>(api.store, api.clock);
  auto histories = std::make_shared<service::StatusHistories>(api.store, api.clock);
  auto moments = std::make_shared<service::Moments>(api.store, api.clock);
  auto due = std::make_shared<service::DueWork>(api.store, api.clock);
  auto funnels = std::make_shared<service::ReferralFunnels>(api.store, api.clock);
  Routes routes(api);
  const std::string& hh = kHouseholdPath;

  routes.get(hh + "/contacts", [contacts](const Call& c) {
    return list("contacts", contacts->list(c.who, c.household()), contact_json);
  });
  routes.post(hh + "/contacts", [contacts](const Call& c) -> Answer {
    FieldReader f(c.body);
    domain::Contact contact;
    contact.household_id = c.household();
    contact.kind = f.choice("kind", domain::parse_contact_kind, "phone_call, home_visit, professional or no_show");
    contact.on = f.date("date");
    contact.minutes = static_cast<int>(f.integer("minutes", 1, 24 * 60));
    contact.travel_minutes = static_cast<int>(f.integer_or("travel_minutes", 0));
    auto pro = f.text("professional_id", false);
    if (!pro.empty()) contact.professional_id = pro;
    contact.note = f.text("note", false);
    if (!f.ok()) return f.error();
    return answer(contacts->add(c.who, contact), contact_json, 201);
  });

  routes.get(hh + "/status-history", [histories](const Call& c) {
    return answer(histories->get(c.who, c.household()), history_json);
  });

  routes.get(hh + "/moments", [moments](const Call& c) {
    return answer(moments->get(c.who, c.household()), moments_json);
  });
  routes.put(hh + "/moments/(T1|T2)", [moments](const Call& c) -> Answer {
    FieldReader f(c.body);
    auto date = f.date("date");
    auto version = f.integer("version", 0, 1'000'000);
    if (!f.ok()) return f.error();
    auto held_field = c.body.find("held");
    if (held_field != c.body.end() && !held_field->is_boolean()) return invalid("held: true or false");
    const bool held = held_field != c.body.end() && held_field->get<bool>();
    const std::string moment = c.part(2);
    return answer(moments->set(c.who, c.household(), moment, date, held, static_cast<int>(version)), [&](int v) {
      return json{{"moment", moment}, {"date", format_date(date)}, {"held", held}, {"version", v}};
    });
  });

  routes.get("/api/v1/me/due", [due](const Call& c) { return list("items", due->mine(c.who), due_json); });

  routes.get("/api/v1/funnel", [funnels](const Call& c) {
    return list("rows", funnels->report(c.who), funnel_row_json);
  });
}

}  // namespace regie::http
