// Measurement moments per family and when a business case is complete; see moments.h.
#include "domain/moments.h"

#include "domain/plan.h"

namespace regie::domain {

std::string_view to_string(MomentSource s) {
  switch (s) {
    case MomentSource::set: return "set";
    case MomentSource::measured: return "measured";
    case MomentSource::planned: return "planned";
    case MomentSource::none: return "none";
  }
  return "none";
}

std::string_view to_string(Gap g) {
  switch (g) {
    case Gap::none: return "none";
    case Gap::t1_not_held: return "t1_not_held";
    case Gap::no_t1_costs: return "no_t1_costs";
    case Gap::t2_not_reached: return "t2_not_reached";
    case Gap::t2_not_held: return "t2_not_held";
    case Gap::no_t2_costs: return "no_t2_costs";
    case Gap::t2_not_after_t1: return "t2_not_after_t1";
  }
  return "none";
}

std::string_view to_string(GapGroup g) {
  switch (g) {
    case GapGroup::none: return "none";
    case GapGroup::no_second_measurement: return "no_second_measurement";
    case GapGroup::insufficient_data: return "insufficient_data";
  }
  return "none";
}

GapGroup group_of(Gap g) {
  switch (g) {
    case Gap::none: return GapGroup::none;
    case Gap::t2_not_reached:
    case Gap::t2_not_held: return GapGroup::no_second_measurement;
    case Gap::t1_not_held:
    case Gap::no_t1_costs:
    case Gap::no_t2_costs:
    case Gap::t2_not_after_t1: return GapGroup::insufficient_data;
  }
  return GapGroup::insufficient_data;
}

FamilyMoments family_moments(const MomentFacts& f, int t2_after_months) {
  FamilyMoments m;
  m.t1.measured = f.t1_measured.has_value();
  m.t2.measured = f.t2_measured.has_value();
  if (f.t1_set)
    m.t1 = {f.t1_set, MomentSource::set, m.t1.measured, m.t1.measured || f.t1_held_set};
  else if (f.t1_measured)
    m.t1 = {f.t1_measured, MomentSource::measured, true, true};
  else if (f.start)
    m.t1 = {f.start, MomentSource::planned, false, false};
  if (f.t2_set)
    m.t2 = {f.t2_set, MomentSource::set, m.t2.measured, m.t2.measured || f.t2_held_set};
  else if (f.t2_measured)
    m.t2 = {f.t2_measured, MomentSource::measured, true, true};
  else if (m.t1.on)
    m.t2 = {add_months(*m.t1.on, t2_after_months), MomentSource::planned, false, false};
  return m;
}

T2Reminder t2_reminder(const FamilyMoments& m, Date today) {
  if (!m.t2.on || m.t2.held) return T2Reminder::none;
  if (today > *m.t2.on) return T2Reminder::overdue;
  if (today.days >= m.t2.on->days - kT2DueDaysBefore) return T2Reminder::due;
  return T2Reminder::none;
}

Gap business_case_gap(const FamilyMoments& m, Date today, const CostFacts& at_t1, const CostFacts& at_t2) {
  if (!m.t1.held || !m.t1.on || *m.t1.on > today) return Gap::t1_not_held;
  if (!at_t1.any || at_t1.unknown) return Gap::no_t1_costs;
  if (!m.t2.on || (!m.t2.held && *m.t2.on > today)) return Gap::t2_not_reached;
  if (!m.t2.held || *m.t2.on > today) return Gap::t2_not_held;
  if (*m.t2.on <= *m.t1.on) return Gap::t2_not_after_t1;
  if (at_t2.unknown) return Gap::no_t2_costs;
  return Gap::none;
}

}  // namespace regie::domain
