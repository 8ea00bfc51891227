// Access rules and workflow of the household plan, decisions, round tables,
// aftercare and caseload; see plan.h.
#include "service/plan.h"

#include "service/audit.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "schedule/slots.h"
#include "schedule/zone.h"
#include "domain/limits.h"
#include "interop/ics.h"
#include "service/households.h"
#include "service/mandate.h"
#include "store/measurement_store.h"
#include "store/account_store.h"
#include "store/household_store.h"
#include "store/organisation_store.h"
#include "store/plan_store.h"
#include "store/price_store.h"
#include "store/provision_store.h"
#include "store/time_store.h"
#include "domain/household.h"
#include "domain/provision.h"
#include "domain/account.h"

namespace regie::service {

using domain::Role;



Status Plans::check_party(const std::string& household_id, domain::PartyRef& party, const std::string& field) {
  if (party.kind == "member") {
    for (auto& m : store::HouseholdStore(store_).members(household_id))
      if (m.id == party.id) {
        party.name = m.given_name + " " + m.family_name;
        return ok_status();
      }
    return invalid(fmt::format("{}: {} is not a member of this household", field, party.id));
  }
  if (party.kind == "professional") {
    auto p = store::OrganisationStore(store_).professional(party.id);
    if (!p) return invalid(fmt::format("{}: unknown professional {}", field, party.id));
    party.name = p->name;
    return ok_status();
  }
  if (party.kind == "director") {
    auto h = store::HouseholdStore(store_).find(household_id);
    if (!h || h->director != party.id) return invalid(fmt::format("{}: not this household's director", field));
    if (auto a = store::AccountStore(store_).find(party.id)) party.name = a->display_name;
    return ok_status();
  }
  if (party.name.empty()) return invalid(fmt::format("{}.name: required", field));
  return ok_status();
}

Result<std::vector<domain::HouseholdPlan>> Plans::plans(const Principal& who, const std::string& household_id) {
  if (auto st = require_assigned(store_, clock_, who, household_id, "plan.read"); !st) return st.error();
  return plans_.plans(household_id);
}

Result<int> Plans::save_plan(const Principal& who, const std::string& household_id,
                                   std::vector<domain::PlanGoal> goals, int based_on) {
  if (auto st = require_assigned(store_, clock_, who, household_id, "plan.write"); !st) return st.error();
  if (goals.empty()) return invalid("goals: a plan needs at least one goal");
  std::set<std::string> members, wishes;
  for (auto& m : store::HouseholdStore(store_).members(household_id)) members.insert(m.id);
  for (auto& w : store::MeasurementStore(store_).wishes(household_id)) wishes.insert(std::to_string(w.id));
  for (std::size_t i = 0; i < goals.size(); ++i) {
    for (auto& m : goals[i].member_ids)
      if (!members.contains(m))
        return invalid(fmt::format("goals[{}].member_ids: {} is not a member of this household", i, m));
    if (goals[i].wish_id && !wishes.contains(*goals[i].wish_id))
      return invalid(fmt::format("goals[{}].wish_id: {} is not a wish for change of this household", i,
                                 *goals[i].wish_id));
    for (std::size_t k = 0; k < goals[i].actions.size(); ++k)
      if (auto st = check_party(household_id, goals[i].actions[k].responsible,
                                fmt::format("goals[{}].actions[{}].responsible", i, k));
          !st)
        return st.error();
  }
  domain::HouseholdPlan plan;
  plan.household_id = household_id;
  plan.goals = std::move(goals);
  plan.created_by = who.username;
  plan.created_at = clock_.now_iso8601();
  return plans_.add_plan_version(plan, based_on);
}

Status Plans::agree_plan(const Principal& who, const std::string& household_id, int plan_version,
                               std::vector<domain::PartyRef> parties, Date on) {
  if (auto st = require_assigned(store_, clock_, who, household_id, "plan.agree"); !st) return st.error();
  if (on > clock_.today()) return invalid("agreed_on: cannot lie in the future");
  bool member = false;
  for (std::size_t i = 0; i < parties.size(); ++i) {
    if (auto st = check_party(household_id, parties[i], fmt::format("agreed_by[{}]", i)); !st) return st;
    member |= parties[i].kind == "member";
  }
  if (!member) return invalid("agreed_by: the plan is agreed with the household: name at least one member");
  return plans_.agree_plan(household_id, plan_version, parties, on, who.username);
}

Result<std::vector<domain::Decision>> Plans::decisions(const Principal& who, const std::string& household_id) {
  if (auto st = require_assigned(store_, clock_, who, household_id, "decision.read"); !st) return st.error();
  return plans_.decisions(household_id);
}

Status Plans::check_new_provision(const domain::Provision& p, const std::string& field) {
  if (auto st = domain::limits::check_optional_id(field + ".id", p.id); !st) return st;
  if (p.member_id) {
    bool here = false;
    for (auto& m : store::HouseholdStore(store_).members(p.household_id)) here |= m.id == *p.member_id;
    if (!here) return invalid(fmt::format("{}.member_id: not a member of this household", field));
  }
  if (!store::OrganisationStore(store_).find(p.provider_id)) return invalid(fmt::format("{}.provider_id: unknown organisation", field));
  if (p.professional_id && !store::OrganisationStore(store_).professional(*p.professional_id))
    return invalid(fmt::format("{}.professional_id: unknown professional", field));
  if (p.price_code) {
    if (p.units_per_year_centi <= 0)
      return invalid(fmt::format("{}.units_per_year: required with a price code", field));
    bool known = false;
    const auto prices = store::PriceStore(store_).price_list();  // named: a temporary's items would dangle in the loop
    for (auto& i : prices.items()) known |= i.code == *p.price_code;
    if (!known) return invalid(fmt::format("{}.price_code: not on the price list", field));
  } else if (p.annual_cost <= 0) {
    return invalid(fmt::format("{}.annual_cost_cents: required (or a price_code with units_per_year)", field));
  }
  return ok_status();
}

Result<domain::Decision> Plans::record_decision(const Principal& who, domain::DecisionRequest req) {
  if (auto st = require_assigned(store_, clock_, who, req.household_id, "decision.add"); !st) return st.error();
  // The director decides within the mandate as granted, when one is recorded.
  if (auto grant = grant_in_force(store_, req.household_id))
    if (auto st = domain::grant_covers(*grant, req.kind, req.effective); !st) return st.error();
  for (std::size_t i = 0; i < req.start.size(); ++i) {
    req.start[i].household_id = req.household_id;
    if (req.start[i].price_code) req.start[i].annual_cost = 0;  // computed from the price list
    if (auto st = check_new_provision(req.start[i], fmt::format("start[{}]", i)); !st) return st.error();
    if (auto st = check_chosen_provision_id(store_, req.household_id, req.start[i].id, fmt::format("start[{}].id", i));
        !st)
      return st.error();
  }
  if (req.round_table_id) {
    auto rt = plans_.round_table(*req.round_table_id);
    if (!rt || rt->household_id != req.household_id)
      return invalid("round_table_id: not a round table of this household");
  }
  auto effect = domain::plan_decision(req, store::ProvisionStore(store_).of_household(req.household_id), store::PriceStore(store_).price_list());
  if (!effect) return effect.error();
  domain::Decision d;
  d.household_id = req.household_id;
  d.kind = req.kind;
  d.reason = req.reason;
  d.effective = req.effective;
  d.annual_effect = effect->annual_effect;
  d.round_table_id = req.round_table_id;
  d.decided_by = who.username;
  d.created_at = clock_.now_iso8601();
  std::set<std::string> scaled;
  for (auto& s : req.scale) scaled.insert(s.provision_id);
  for (auto& p : effect->ended) (scaled.contains(p.id) ? d.scaled : d.stopped).push_back(p.id);
  for (auto& p : effect->added) {
    if (p.id.empty()) p.id = req.household_id + "-P" + random_token(4);
    d.started.push_back(p.id);
  }
  auto id = plans_.add_decision(d, *effect, d.created_at);
  if (!id) return id.error();
  d.id = *id;
  return d;
}

Result<std::vector<domain::RoundTable>> Plans::round_tables(const Principal& who,
                                                                  const std::string& household_id) {
  if (auto st = require_assigned(store_, clock_, who, household_id, "round_table.read"); !st) return st.error();
  return plans_.round_tables(household_id);
}

namespace {

Status check_round_table(const domain::RoundTable& rt) {
  if (rt.title.empty()) return invalid("title: required");
  if (rt.duration_minutes < 15 || rt.duration_minutes > 8 * 60) return invalid("duration_minutes: 15 to 480");
  if (rt.window_to < rt.window_from) return invalid("window_to: before window_from");
  if (rt.window_to.days - rt.window_from.days > 92) return invalid("window_to: the window is at most three months");
  static const std::set<std::string> statuses{"planning", "scheduled", "held", "cancelled"};
  if (!statuses.contains(rt.status)) return invalid("status: planning, scheduled, held or cancelled");
  if (auto z = schedule::TimeZone::load(rt.time_zone); !z) return z.error();
  for (std::size_t i = 0; i < rt.participants.size(); ++i) {
    auto& p = rt.participants[i];
    const std::string field = fmt::format("participants[{}]", i);
    if (!domain::is_attendance(p.attendance))
      return invalid(fmt::format("{}.attendance: unknown, present, absent or excused", field));
    // The address goes into calendar invitations: nothing that could end a line there.
    if (!p.email.empty() && !domain::limits::is_valid_email(p.email))
      return invalid(fmt::format("{}.email: an e-mail address such as name@example.nl", field));
    if (!p.time_zone.empty())
      if (auto z = schedule::TimeZone::load(p.time_zone); !z)
        return invalid(fmt::format("{}.{}", field, z.error().message));
    for (std::size_t k = 0; k < p.availability.size(); ++k) {
      auto from = schedule::parse_local_time(p.availability[k].first);
      auto to = schedule::parse_local_time(p.availability[k].second);
      if (!from || !to || !(*from < *to))
        return invalid(fmt::format("{}.availability[{}]: from and to as yyyy-mm-ddThh:mm, from before to", field, k));
    }
  }
  return ok_status();
}

}  // namespace

Result<domain::RoundTable> Plans::add_round_table(const Principal& who, domain::RoundTable rt) {
  if (auto st = require_assigned(store_, clock_, who, rt.household_id, "round_table.add"); !st) return st.error();
  rt.status = "planning";
  rt.scheduled_at.reset();
  if (auto st = check_round_table(rt); !st) return st.error();
  for (std::size_t i = 0; i < rt.participants.size(); ++i)
    if (auto st = check_party(rt.household_id, rt.participants[i].party, fmt::format("participants[{}]", i)); !st)
      return st.error();
  rt.created_by = who.username;
  rt.created_at = clock_.now_iso8601();
  auto id = plans_.add_round_table(rt);
  if (!id) return id.error();
  return *plans_.round_table(*id);
}

// The round table, when the caller works on the household and it is this
// household's; recorded as a look only then, as a refusal otherwise.
Result<domain::RoundTable> Plans::round_table_of(const Principal& who, const std::string& household_id,
                                                       std::int64_t id, const std::string& action) {
  auto rt = plans_.round_table(id);
  const bool here = rt && rt->household_id == household_id;
  if (auto st = may_work_on_record(store_, clock_, who, household_id, action, {"round_table", std::to_string(id), ""},
                                   here, not_found("no round table with this id in this household"));
      !st)
    return st.error();
  return *rt;
}

Result<int> Plans::update_round_table(const Principal& who, domain::RoundTable rt) {
  auto stored = round_table_of(who, rt.household_id, rt.id, "round_table.write");
  if (!stored) return stored.error();
  if (auto st = check_round_table(rt); !st) return st.error();
  for (std::size_t i = 0; i < rt.participants.size(); ++i) {
    auto& p = rt.participants[i];
    if (p.id != 0 &&
        std::none_of(stored->participants.begin(), stored->participants.end(), [&](auto& s) { return s.id == p.id; }))
      return invalid(fmt::format("participants[{}].id: not a participant of this round table", i));
    if (auto st = check_party(rt.household_id, p.party, fmt::format("participants[{}]", i)); !st) return st.error();
  }
  if (rt.status == "scheduled" && !stored->scheduled_at) return invalid("status: set a time first");
  rt.scheduled_at = stored->scheduled_at;  // changed only by scheduling
  rt.sequence = stored->sequence;
  return plans_.save_round_table(rt);
}

Result<SlotAnswer> Plans::find_slot(const Principal& who, const std::string& household_id, std::int64_t id) {
  auto rt = round_table_of(who, household_id, id, "round_table.read");
  if (!rt) return rt.error();
  auto zone = schedule::TimeZone::load(rt->time_zone);
  if (!zone) return zone.error();
  schedule::SlotQuery q;
  q.window = {zone->to_utc({rt->window_from, 0}), zone->to_utc({Date{rt->window_to.days + 1}, 0})};
  q.duration = static_cast<std::int64_t>(rt->duration_minutes) * 60;
  int required = 0;
  for (auto& p : rt->participants) {
    schedule::TimeZone own = *zone;
    if (!p.time_zone.empty())
      if (auto z = schedule::TimeZone::load(p.time_zone)) own = *z;
    schedule::SlotParticipant sp{std::to_string(p.id), p.required, {}};
    for (auto& [from, to] : p.availability) {
      auto f = schedule::parse_local_time(from), t = schedule::parse_local_time(to);
      if (f && t) sp.available.push_back({own.to_utc(*f), own.to_utc(*t)});
    }
    required += p.required ? 1 : 0;
    q.participants.push_back(sp);
  }
  SlotAnswer a;
  if (required == 0) {
    a.message = "no participant is required: mark at least one participant as required";
    return a;
  }
  auto slot = schedule::earliest_slot(q);
  if (!slot) {
    a.message = fmt::format("no time between {} and {} suits every required participant", format_date(rt->window_from),
                            format_date(rt->window_to));
    return a;
  }
  a.found = true;
  a.start_utc = schedule::format_utc(slot->meeting.start);
  a.end_utc = schedule::format_utc(slot->meeting.end);
  a.start_local = schedule::format_local_time(zone->to_local(slot->meeting.start));
  a.end_local = schedule::format_local_time(zone->to_local(slot->meeting.end));
  a.optional_available = slot->optional_available;
  a.optional_missing = slot->optional_missing;
  return a;
}

Result<int> Plans::schedule_round_table(const Principal& who, const std::string& household_id, std::int64_t id,
                                              const std::string& start_utc, int version) {
  auto rt = round_table_of(who, household_id, id, "round_table.schedule");
  if (!rt) return rt.error();
  auto start = schedule::parse_utc(start_utc);
  if (!start) return invalid("start: a UTC time as yyyy-mm-ddThh:mm:ssZ");
  rt->scheduled_at = schedule::format_utc(*start);
  rt->status = "scheduled";
  rt->sequence += 1;
  rt->version = version;
  return plans_.save_round_table(*rt);
}

Result<std::string> Plans::invitation(const Principal& who, const std::string& household_id, std::int64_t id,
                                            std::int64_t participant_id) {
  auto rt = round_table_of(who, household_id, id, "round_table.invitation");
  if (!rt) return rt.error();
  if (!rt->scheduled_at) return invalid("the round table has no time yet");
  if (std::none_of(rt->participants.begin(), rt->participants.end(), [&](auto& p) { return p.id == participant_id; }))
    return not_found("no participant with this id at this round table");
  interop::IcsInvitation inv;
  inv.uid = fmt::format("round-table-{}@regie", rt->id);
  inv.sequence = rt->sequence;
  inv.start = *schedule::parse_utc(*rt->scheduled_at);
  inv.end = inv.start + static_cast<std::int64_t>(rt->duration_minutes) * 60;
  inv.stamp = clock_.now_seconds();
  inv.summary = "Ronde tafel: " + rt->title;
  inv.description = rt->agenda;
  inv.location = rt->location;
  inv.organizer = {who.display_name, "", true};
  for (auto& p : rt->participants) inv.attendees.push_back({p.party.name, p.email, p.required});
  return interop::write_invitation(inv);
}

Result<AftercareView> Plans::aftercare(const Principal& who, const std::string& household_id) {
  if (auto st = require_assigned(store_, clock_, who, household_id, "aftercare.read"); !st) return st.error();
  AftercareView v;
  v.schedule = plans_.aftercare_schedule(household_id);
  v.contacts = plans_.aftercare_contacts(household_id);
  if (v.schedule) {
    std::vector<Date> dates;
    for (auto& c : v.contacts) dates.push_back(c.contacted_on);
    v.status = domain::aftercare_status(*v.schedule, dates, clock_.today());
  }
  return v;
}

Status Plans::start_aftercare(const Principal& who, const std::string& household_id, Date start,
                                    int interval_months, int household_version) {
  if (auto st = require_assigned(store_, clock_, who, household_id, "aftercare.start"); !st) return st;
  if (interval_months < 1 || interval_months > 12) return invalid("interval_months: 1 to 12");
  auto h = store::HouseholdStore(store_).find(household_id);
  if (h->status != domain::HouseholdStatus::active && h->status != domain::HouseholdStatus::aftercare)
    return invalid("status: only an active household moves to aftercare");
  std::optional<int> move;
  if (h->status == domain::HouseholdStatus::active) move = household_version;
  return plans_.set_aftercare({household_id, start, interval_months}, who.username, clock_.now_iso8601(), move);
}

Result<domain::AftercareContact> Plans::add_aftercare_contact(const Principal& who,
                                                                    const std::string& household_id, Date on,
                                                                    const std::string& note) {
  if (auto st = require_assigned(store_, clock_, who, household_id, "aftercare.contact"); !st) return st.error();
  if (on > clock_.today()) return invalid("contacted_on: cannot lie in the future");
  if (!plans_.aftercare_schedule(household_id)) return invalid("the household has no aftercare schedule");
  domain::AftercareContact c{0, household_id, on, note, who.username};
  auto id = plans_.add_aftercare_contact(c, clock_.now_iso8601());
  if (!id) return id.error();
  c.id = *id;
  return c;
}

Caseload Plans::caseload_of(const std::string& director) {
  Caseload c;
  c.director = director;
  const Date today = clock_.today();
  for (auto& s : store::HouseholdStore(store_).list(director, today)) {
    const auto& h = s.household;
    CaseloadHousehold row{h.id, h.family_name, std::string(domain::to_string(h.status)), false, false, {}};
    c.households_per_status[row.status] += 1;
    auto plan = store::PlanStore(store_).state(h.id);
    row.plan_active = plan.active > 0;
    row.plan_agreed = plan.agreed;
    if (h.status == domain::HouseholdStatus::aftercare) {
      auto schedule = plans_.aftercare_schedule(h.id);
      if (schedule) {
        std::vector<Date> dates;
        for (auto& x : plans_.aftercare_contacts(h.id)) dates.push_back(x.contacted_on);
        row.aftercare = domain::aftercare_status(*schedule, dates, today);
      } else {
        row.aftercare = domain::AftercareStatus{today, 0, true};  // no schedule: contact now
      }
      c.aftercare_due.push_back(row);
    }
    for (auto& d : plans_.decisions(h.id)) {
      if (d.withdrawn) continue;  // taken back: it saves nothing
      // Each effect is bounded (domain/limits.h); a sum that would still not fit stays where it was.
      if (auto sum = domain::limits::checked_add(c.decided_annual_effect, d.total_effect()))
        c.decided_annual_effect = *sum;
      c.decisions.push_back({h.id, h.family_name, d});
    }
    c.households.push_back(row);
  }
  std::sort(c.aftercare_due.begin(), c.aftercare_due.end(), [](auto& a, auto& b) {
    if (a.aftercare->overdue != b.aftercare->overdue) return a.aftercare->overdue;
    return a.aftercare->next_due < b.aftercare->next_due;
  });
  std::stable_sort(c.decisions.begin(), c.decisions.end(),
                   [](auto& a, auto& b) { return a.decision.effective > b.decision.effective; });
  auto iso = format_date(today);
  const Date month_start = *parse_date(iso.substr(0, 8) + "01");
  for (auto& t : store::TimeStore(store_).entries(director, std::nullopt, month_start, today))
    c.minutes_this_month[std::string(domain::to_string(t.kind))] += t.minutes;
  return c;
}

Result<std::vector<Caseload>> Plans::caseload(const Principal& who, const std::string& director) {
  std::vector<Caseload> out;
  auto audit = [&](bool allowed) {
    record_access(store_, clock_, who, "caseload.read", director.empty() ? "*" : director, allowed);
  };
  if (who.role == Role::director) {
    if (!director.empty() && director != who.username) {
      audit(false);
      return forbidden("a director sees their own caseload");
    }
    audit(true);
    out.push_back(caseload_of(who.username));
    return out;
  }
  if (who.role != Role::team_lead && who.role != Role::administrator) {
    audit(false);
    return forbidden("your role has no caseload overview");
  }
  audit(true);
  for (auto& a : store::AccountStore(store_).list())
    if (a.role == Role::director && !a.disabled && (director.empty() || a.username == director))
      out.push_back(caseload_of(a.username));
  return out;
}

}  // namespace regie::service
