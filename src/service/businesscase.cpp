// Selection, access, director cost and virtual savings around the business case.
#include "service/businesscase.h"

#include "service/access.h"
#include "service/audit.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "common/pseudonym.h"
#include "domain/costs.h"
#include "domain/limits.h"
#include "service/costs.h"
#include "service/moments.h"
#include "store/household_store.h"
#include "store/price_store.h"
#include "store/time_store.h"
#include "domain/account.h"
#include "domain/time_entry.h"

namespace regie::service {

using domain::Role;

Status validate(const BusinessCaseQuery& q) {
  if (!q.own_dates && q.t2 <= q.t1) return invalid("t2 must be after t1");
  static const std::set<std::string> modes = {"norm", "fixed", "registered"};
  if (!modes.contains(q.director_cost_mode))
    return invalid(fmt::format("director_cost must be norm, fixed or registered, not '{}'", q.director_cost_mode));
  if (q.fixed_amount < 0 || q.hourly_rate < 0 || q.norm_hours_per_week_centi < 0 || q.norm_weeks < 1 ||
      q.norm_weeks > 53)
    return invalid("director cost figures must be positive (weeks 1 to 53)");
  if (auto st = domain::limits::check_director_cost(q.fixed_amount, q.hourly_rate, q.norm_hours_per_week_centi); !st)
    return st;
  return ok_status();
}

std::string BusinessCaseReports::pseudonym(const std::string& household_id) {
  return pseudonymise(household_id, installation_pseudonym_key(store_));
}

Result<BusinessCaseReport> BusinessCaseReports::report(const Principal& who, const BusinessCaseQuery& q) {
  // The role is judged before the query, so a refused caller learns nothing about it.
  const bool analyst = who.role == Role::analyst;
  std::optional<std::string> director = q.director;
  switch (who.role) {
    case Role::director:
      if (director && *director != who.username) {
        record_access(store_, clock_, who, "businesscase.read", *director, false);
        return forbidden("a director sees only their own households");
      }
      director = who.username;
      break;
    case Role::analyst:
      // A chosen household id would tie its pseudonym to it, and the answer
      // would tell which ids exist. Refused whatever the ids, so nothing can
      // be learned from the refusal either.
      if (!q.household_ids.empty()) {
        record_access(store_, clock_, who, "businesscase.read", "*", false, "household filter");
        return forbidden(kNoHouseholdFilter);
      }
      break;
    case Role::team_lead:
    case Role::administrator: break;
    default:
      record_access(store_, clock_, who, "businesscase.read", "*", false);
      return forbidden("your role has no business case view");
  }
  if (auto st = validate(q); !st) return st.error();
  BusinessCaseReport r;
  r.query = q;
  r.pseudonymised = analyst;
  std::vector<std::string> ids;
  std::vector<domain::Household> selected;
  std::set<std::string> directors;  // whose project time is reported apart (report §8.1)
  const std::set<std::string> wanted(q.household_ids.begin(), q.household_ids.end());
  for (auto& s : store::HouseholdStore(store_).list(director, q.own_dates ? clock_.today() : q.t1)) {
    if (!wanted.empty() && !wanted.contains(s.household.id)) continue;
    if (q.neighbourhood && s.household.neighbourhood != *q.neighbourhood) continue;
    ids.push_back(s.household.id);
    selected.push_back(s.household);
    if (!analyst) r.household_names[s.household.id] = s.household.family_name;
    if (!s.household.director.empty()) directors.insert(s.household.director);
  }
  std::string subject = q.household_ids.size() == 1 ? q.household_ids[0] : "*";
  const bool complete = ids.size() == wanted.size() || wanted.empty();
  record_access(store_, clock_, who, "businesscase.read", subject, complete);
  // A director is not told which ids exist; the roles that see every
  // household are told plainly that one is unknown.
  if (!complete && director) return forbidden("one or more of the households do not exist or are not yours to see");
  if (!complete) return not_found("one or more of the households do not exist");

  // Each family on its own dates, or all on the query's.
  std::vector<FamilyPeriod> periods;
  if (q.own_dates) {
    auto progress = family_progress(store_, selected, clock_.today());
    ids.clear();
    for (auto& h : selected) {
      const auto& p = progress[h.id];
      // A family that dropped out never counts, whatever was measured (report §5.2).
      const bool dropped = h.status == domain::HouseholdStatus::dropped;
      if (dropped || p.gap != domain::Gap::none) {
        r.excluded.push_back({analyst ? pseudonym(h.id) : h.id,
                              dropped ? std::string("dropped") : std::string(domain::to_string(p.gap)),
                              p.moments.t1.on, p.moments.t2.on});
        continue;
      }
      ids.push_back(h.id);
      periods.push_back({h.id, *p.moments.t1.on, *p.moments.t2.on});
      r.family_dates[analyst ? pseudonym(h.id) : h.id] = {*p.moments.t1.on, *p.moments.t2.on};
    }
    if (!periods.empty()) {
      r.query.t1 = std::min_element(periods.begin(), periods.end(), [](auto& a, auto& b) { return a.t1 < b.t1; })->t1;
      r.query.t2 = std::max_element(periods.begin(), periods.end(), [](auto& a, auto& b) { return a.t2 < b.t2; })->t2;
    }
  } else {
    for (auto& id : ids) periods.push_back({id, q.t1, q.t2});
  }
  auto lines = cost_lines_at(store_, periods);
  if (!periods.empty())
    for (auto& d : directors)
      for (auto& t : store::TimeStore(store_).entries(d, std::nullopt, r.query.t1, r.query.t2))
        if (!t.household_id && t.kind == domain::TimeKind::project) r.time.project += t.minutes;

  std::map<std::string, Cents> registered;
  for (auto& period : periods) {
    const auto& id = period.household_id;
    const std::int64_t period_days = period.t2.days - period.t1.days;
    std::int64_t client_minutes = 0;
    for (auto& t : store::TimeStore(store_).entries(std::nullopt, id, period.t1, period.t2)) {
      switch (t.kind) {
        case domain::TimeKind::direct: r.time.direct += t.minutes; break;
        case domain::TimeKind::indirect: r.time.indirect += t.minutes; break;
        case domain::TimeKind::travel: r.time.travel += t.minutes; break;
        case domain::TimeKind::project: break;  // never on a household
      }
      if (t.kind != domain::TimeKind::project) client_minutes += t.minutes;
    }
    // minutes × rate per hour, scaled from the period to a year of 365 days.
    registered[id] = static_cast<Cents>(div_round128(static_cast<__int128>(client_minutes) * q.hourly_rate * 365,
                                                     static_cast<__int128>(60) * period_days));
  }
  const auto norm = analytics::director_cost_from_hours(q.norm_hours_per_week_centi, q.norm_weeks, q.hourly_rate);
  r.norm_per_household = norm.per_household;
  analytics::DirectorCost director_cost = q.director_cost_mode == "fixed" ? analytics::director_cost_fixed(q.fixed_amount)
                                          : q.director_cost_mode == "registered"
                                              ? analytics::director_cost_registered(registered, q.hourly_rate)
                                              : norm;
  for (auto& id : ids) {
    for (auto& v : store::PriceStore(store_).virtual_savings(id)) {
      // One saving stored before the maximum was enforced is left out of the
      // total (and listed), so that it cannot turn the total into nonsense.
      const bool in_range = v.amount >= 0 && v.amount <= domain::limits::kVirtualSaving;
      auto sum = domain::limits::checked_add(r.virtual_total, in_range ? v.amount : 0);
      if (!sum) return invalid("the virtual savings are too large to add up");
      r.virtual_total = *sum;
      r.virtual_savings.push_back({analyst ? pseudonym(id) : id, v.kind, v.amount, analyst ? "" : v.note,
                                   v.recorded_on});
    }
  }
  if (analyst) {
    for (auto& l : lines) l.household_id = pseudonym(l.household_id);
    std::map<std::string, Cents> by_pseudonym;
    for (auto& [id, c] : director_cost.by_household) by_pseudonym[pseudonym(id)] = c;
    director_cost.by_household = std::move(by_pseudonym);
  }
  auto computed = analytics::compute_business_case(lines, director_cost);
  if (!computed) return computed.error();
  r.business_case = std::move(*computed);
  return r;
}

}  // namespace regie::service
