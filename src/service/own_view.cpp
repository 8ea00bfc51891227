#include "service/own_view.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "service/access.h"
#include "domain/costs.h"
#include "domain/limits.h"
#include "store/measurement_store.h"
#include "store/price_store.h"
#include "store/plan_store.h"
#include "store/account_store.h"
#include "store/household_store.h"
#include "store/organisation_store.h"
#include "store/provision_store.h"
#include "domain/household.h"
#include "domain/account.h"

namespace regie::service {
namespace {


std::string given_name(const std::vector<domain::Member>& members, const std::string& id) {
  for (auto& m : members)
    if (m.id == id) return m.given_name;
  return {};
}

}  // namespace

Result<domain::Household> OwnView::own_household(const Principal& who, const std::string& action) {
  std::optional<domain::Household> h;
  if (who.role == domain::Role::member && !who.household_id.empty() && !who.member_id.empty())
    h = store::HouseholdStore(store_).find(who.household_id);
  record_access(store_, clock_, who, action, h ? h->id : std::string("*"), h.has_value());
  if (!h) return forbidden("this view is for members of a household, about their own household");
  return *h;
}

std::set<std::string> OwnView::own_people(const Principal& who, const std::vector<domain::Member>& members) {
  std::set<std::string> people{who.member_id};
  const domain::Member* me = nullptr;
  for (auto& m : members)
    if (m.id == who.member_id) me = &m;
  if (!me || me->role != domain::MemberRole::parent) return people;
  const int below = minor_below_age(store_);
  const Date today = clock_.today();
  for (auto& m : members)
    if (m.role == domain::MemberRole::child && is_minor(m, today, below)) people.insert(m.id);
  return people;
}

Result<OwnHousehold> OwnView::household(const Principal& who) {
  auto h = own_household(who, "own_view.read");
  if (!h) return h.error();
  const Date today = clock_.today();
  OwnHousehold out;
  out.household_id = h->id;
  out.family_name = h->family_name;
  if (auto a = store::AccountStore(store_).find(h->director)) {
    out.director_name = a->display_name;
    out.director_phone = a->phone;
    out.director_email = a->email;
  }
  auto members = store::HouseholdStore(store_).members(h->id);
  out.me = given_name(members, who.member_id);
  for (auto& m : members) out.members.push_back(m.given_name);
  const auto mine = own_people(who, members);
  for (auto& m : members)
    if (m.id != who.member_id && mine.contains(m.id)) out.cost.children.push_back(m.given_name);
  out.cost.on = today;
  const auto prices = store::PriceStore(store_).price_list();

  for (auto& p : store::ProvisionStore(store_).of_household(h->id)) {
    if (!p.active_on(today)) continue;
    if (p.member_id && !mine.contains(*p.member_id)) continue;  // another adult's care is theirs
    const auto figure = domain::annual_cost_on(p, today, prices);
    // Bounded figures (an out-of-range one counts 0); a sum beyond them saturates.
    if (auto sum = domain::limits::checked_add(out.cost.annual, figure.annual)) out.cost.annual = *sum;
    else out.cost.annual = std::numeric_limits<Cents>::max();
    out.cost.helpers += 1;
    out.cost.estimated |= figure.basis == domain::CostBasis::estimate && figure.annual > 0;
    Helper helper;
    helper.what_for = p.goal;
    helper.domain = std::string(domain::to_string(p.domain));
    helper.since = p.start;
    if (p.member_id) helper.for_whom = given_name(members, *p.member_id);
    if (auto org = store::OrganisationStore(store_).find(p.provider_id)) helper.organisation = org->name;
    if (p.professional_id)
      if (auto pro = store::OrganisationStore(store_).professional(*p.professional_id)) {
        helper.name = pro->name;
        helper.role = pro->role;
        helper.phone = pro->phone;
      }
    out.helpers.push_back(std::move(helper));
  }

  store::PlanStore plans(store_);
  for (auto& plan : plans.plans(h->id)) {
    if (plan.status != "active") continue;
    out.plan_agreed_on = plan.agreed_on;
    for (auto& g : plan.goals) {
      // A goal for everyone, or for at least one of the people this member sees.
      if (!g.member_ids.empty() &&
          std::none_of(g.member_ids.begin(), g.member_ids.end(), [&](auto& id) { return mine.contains(id); }))
        continue;
      OwnGoal goal;
      goal.life_domain = g.life_domain;
      goal.words = g.household_words.empty() ? g.professional_words : g.household_words;
      goal.status = g.status;
      for (auto& id : g.member_ids) goal.for_whom.push_back(given_name(members, id));
      for (auto& a : g.actions) {
        std::string by = a.responsible.name;
        if (a.responsible.kind == "member") by = given_name(members, a.responsible.id);
        else if (a.responsible.kind == "professional") {
          if (auto pro = store::OrganisationStore(store_).professional(a.responsible.id)) by = pro->name;
        } else if (a.responsible.kind == "director") {
          by = out.director_name;
        }
        goal.steps.push_back({a.text, by, a.status, a.due});
      }
      out.goals.push_back(std::move(goal));
    }
  }

  const std::string now = clock_.now_iso8601();
  for (auto& rt : plans.round_tables(h->id)) {
    if (rt.status == "scheduled" && rt.scheduled_at && *rt.scheduled_at >= now)
      out.appointments.push_back({"round_table", rt.title, rt.scheduled_at, std::nullopt, rt.location});
    else if (rt.status == "planning" && rt.window_to >= today)
      out.appointments.push_back({"round_table", rt.title, std::nullopt, std::max(rt.window_from, today), rt.location});
  }
  if (auto schedule = plans.aftercare_schedule(h->id)) {
    std::vector<Date> dates;
    for (auto& c : plans.aftercare_contacts(h->id)) dates.push_back(c.contacted_on);
    auto status = domain::aftercare_status(*schedule, dates, today);
    out.appointments.push_back({"aftercare", "", std::nullopt, std::max(status.next_due, today), ""});
  }
  std::stable_sort(out.appointments.begin(), out.appointments.end(), [](const Appointment& a, const Appointment& b) {
    auto key = [](const Appointment& x) { return x.at ? x.at->substr(0, 10) : format_date(*x.on); };
    return key(a) < key(b);
  });
  return out;
}

Result<OwnSpiderWebs> OwnView::spider_webs(const Principal& who) {
  auto h = own_household(who, "own_view.spider_webs");
  if (!h) return h.error();
  auto members = store::HouseholdStore(store_).members(h->id);
  const domain::Member* me = nullptr;
  for (auto& m : members)
    if (m.id == who.member_id) me = &m;
  OwnSpiderWebs out;
  if (!me) return out;
  out.people.push_back({me->id, me->given_name, true, {}});
  // A parent also reads their minor children's webs; adults keep theirs to themselves.
  const auto mine = own_people(who, members);
  for (auto& m : members)
    if (m.id != me->id && mine.contains(m.id)) out.people.push_back({m.id, m.given_name, false, {}});
  if (!instruments_) return out;
  Measurements scorer(store_, clock_, instruments_);
  for (auto& m : store::MeasurementStore(store_).of_household(h->id))
    for (auto& person : out.people)
      if (person.member_id == m.member_id) person.measurements.push_back(scorer.view(m));
  return out;
}

Result<FileViewPage> OwnView::file_views(const Principal& who, int limit, std::optional<std::int64_t> before) {
  auto h = own_household(who, "own_view.file_views");
  if (!h) return h.error();
  if (limit < 1 || limit > kFileViewPageMax) return invalid(fmt::format("limit: 1 to {}", kFileViewPageMax));
  if (before && *before < 1) return invalid("before: the next_before of the page before");
  // The household's own reads are in the trail too, but listing them here
  // would bury the looks of others, which is what this list is for. Records
  // from before roles were stored fall back to the account's role.
  // Looks at another adult's own data are in that adult's list, not here.
  const auto mine = own_people(who, store::HouseholdStore(store_).members(h->id));
  return who_looked(store_, h->id, limit, before, "member",
                    [&](const std::string& member) { return mine.contains(member); });
}

}  // namespace regie::service
