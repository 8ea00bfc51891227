// Rules of the household plan, mandate decisions and aftercare.
#include "domain/plan.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <set>

#include "domain/limits.h"
#include "domain/signals.h"

namespace regie::domain {
namespace {

template <std::size_t N>
bool one_of(const std::string_view (&codes)[N], std::string_view s) {
  return std::find(std::begin(codes), std::end(codes), s) != std::end(codes);
}

constexpr std::string_view kDecisionKinds[] = {"stop", "start", "scale_up", "scale_down", "replace"};
constexpr std::string_view kAttendance[] = {"unknown", "present", "absent", "excused"};

}  // namespace

bool is_life_domain(std::string_view s) { return one_of(kLifeDomains, s); }
bool is_goal_status(std::string_view s) { return one_of(kGoalStatuses, s); }
bool is_action_status(std::string_view s) { return one_of(kActionStatuses, s); }
bool is_attendance(std::string_view s) { return one_of(kAttendance, s); }

std::string_view to_string(DecisionKind k) { return kDecisionKinds[static_cast<int>(k)]; }

std::optional<DecisionKind> parse_decision_kind(std::string_view s) {
  for (std::size_t i = 0; i < std::size(kDecisionKinds); ++i)
    if (kDecisionKinds[i] == s) return static_cast<DecisionKind>(i);
  return std::nullopt;
}

Cents Decision::total_effect() const {
  // Each effect is bounded by the maxima of domain/limits.h; a total beyond
  // 64 bits can only come from corrupt data and saturates instead of wrapping.
  Cents t = 0;
  for (auto& [c, v] : annual_effect)
    if (auto sum = limits::checked_add(t, v)) t = *sum;
    else t = v < 0 ? std::numeric_limits<Cents>::min() : std::numeric_limits<Cents>::max();
  return t;
}

Result<DecisionEffect> plan_decision(const DecisionRequest& req, const std::vector<Provision>& household_provisions,
                                     const PriceList& prices) {
  if (req.reason.empty()) return invalid("reason: required");
  switch (req.kind) {
    case DecisionKind::stop:
      if (req.stop.empty() || !req.start.empty() || !req.scale.empty())
        return invalid("stop: a stop decision names the provisions to stop, and nothing else");
      break;
    case DecisionKind::start:
      if (req.start.empty() || !req.stop.empty() || !req.scale.empty())
        return invalid("start: a start decision names the new provisions, and nothing else");
      break;
    case DecisionKind::scale_up:
    case DecisionKind::scale_down:
      if (req.scale.empty() || !req.stop.empty() || !req.start.empty())
        return invalid("scale: a scale decision names the provisions to change, and nothing else");
      break;
    case DecisionKind::replace:
      if (req.stop.empty() || req.start.empty() || !req.scale.empty())
        return invalid("replace: a replacement stops at least one provision and starts at least one");
      break;
  }
  auto find = [&](const std::string& id) -> const Provision* {
    for (auto& p : household_provisions)
      if (p.id == id) return &p;
    return nullptr;
  };
  const Date last_day{req.effective.days - 1};
  // A touched provision must run on the day before and on the effective date.
  auto touchable = [&](const std::string& field, const std::string& id) -> Result<const Provision*> {
    const Provision* p = find(id);
    if (!p) return invalid(fmt::format("{}: provision {} is not on this household's care map", field, id));
    if (p->start >= req.effective)
      return invalid(fmt::format("{}: provision {} starts on or after the effective date", field, id));
    if (p->end && *p->end < req.effective)
      return invalid(fmt::format("{}: provision {} has already ended before the effective date", field, id));
    return p;
  };
  DecisionEffect out;
  std::set<std::string> seen;
  auto effect_of = [&](const Provision& p) { return annual_cost_on(p, req.effective, prices).annual; };
  for (std::size_t i = 0; i < req.stop.size(); ++i) {
    const std::string field = fmt::format("stop[{}]", i);
    auto p = touchable(field, req.stop[i]);
    if (!p) return p.error();
    if (!seen.insert(req.stop[i]).second) return invalid(fmt::format("{}: provision named twice", field));
    Provision ended = **p;
    out.previous_end[ended.id] = ended.end;
    ended.end = last_day;
    out.annual_effect[ended.category()] -= effect_of(**p);
    out.ended.push_back(ended);
  }
  for (std::size_t i = 0; i < req.scale.size(); ++i) {
    const auto& s = req.scale[i];
    const std::string field = fmt::format("scale[{}]", i);
    auto p = touchable(field, s.provision_id);
    if (!p) return p.error();
    if (!seen.insert(s.provision_id).second) return invalid(fmt::format("{}: provision named twice", field));
    Provision next = **p;
    if (s.hours_per_week_centi) next.hours_per_week_centi = *s.hours_per_week_centi;
    if (s.annual_cost) next.annual_cost = *s.annual_cost;
    if (s.units_per_year_centi) next.units_per_year_centi = *s.units_per_year_centi;
    if (next.hours_per_week_centi < 0 || next.annual_cost < 0 || next.units_per_year_centi < 0)
      return invalid(fmt::format("{}: hours and cost cannot be negative", field));
    if (auto st = check_provision_numbers(next, prices, field + "."); !st) return st.error();
    const Cents before = effect_of(**p);
    next.start = req.effective;
    next.end = (*p)->end;
    next.version = 1;
    next.id.clear();  // the service gives the successor its id
    const Cents after = effect_of(next);
    const auto hours_before = (*p)->hours_per_week_centi;
    const bool up = after > before || (after == before && next.hours_per_week_centi > hours_before);
    const bool down = after < before || (after == before && next.hours_per_week_centi < hours_before);
    if (req.kind == DecisionKind::scale_up && !up)
      return invalid(fmt::format("{}: scaling up needs more hours or a higher cost", field));
    if (req.kind == DecisionKind::scale_down && !down)
      return invalid(fmt::format("{}: scaling down needs fewer hours or a lower cost", field));
    Provision ended = **p;
    out.previous_end[ended.id] = ended.end;
    ended.end = last_day;
    out.ended.push_back(ended);
    out.annual_effect[next.category()] += after - before;
    out.added.push_back(next);
  }
  for (std::size_t i = 0; i < req.start.size(); ++i) {
    Provision n = req.start[i];
    n.household_id = req.household_id;
    n.start = req.effective;
    if (n.end && *n.end < n.start) return invalid(fmt::format("start[{}].end_date: before the effective date", i));
    n.version = 1;
    if (auto st = check_provision_numbers(n, prices, fmt::format("start[{}].", i)); !st) return st.error();
    out.annual_effect[n.category()] += effect_of(n);
    out.added.push_back(n);
  }
  return out;
}

Date add_months(Date d, int months) { return months_before(d, -months); }

AftercareStatus aftercare_status(const AftercareSchedule& s, const std::vector<Date>& contacts, Date today) {
  AftercareStatus st;
  const int step = std::max(1, s.interval_months);
  Date previous = s.start;
  for (int k = 1;; ++k) {
    const Date due = add_months(s.start, k * step);
    bool covered = std::any_of(contacts.begin(), contacts.end(), [&](Date c) { return previous < c && c <= due; });
    if (due < today) {
      if (!covered) ++st.missed;
      st.overdue = !covered;
    } else if (!covered) {
      st.next_due = st.overdue ? previous : due;
      return st;
    }
    previous = due;
    if (k > 1200) {  // a century of months: the schedule is broken, stop counting
      st.next_due = due;
      return st;
    }
  }
}

}  // namespace regie::domain
