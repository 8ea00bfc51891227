// Each family's own measurement moments (report appendix 2, steps 2 and 9):
// T1 at the family's start, T2 about a year later. The dates drive the T2
// reminder and the family's cost snapshots in the business case, which
// counts a family only when both moments are complete (report §5.2: 12 of
// the 14 families guided).
#pragma once
#include <optional>
#include <string_view>

#include "common/date.h"

namespace regie::domain {

// Where a moment's date comes from: set by the director for this family, the
// day of its first completed measurement, planned (T1: the family's start;
// T2: a number of months after T1), or not known yet.
enum class MomentSource { set, measured, planned, none };
std::string_view to_string(MomentSource s);

struct MomentFacts {
  std::optional<Date> t1_set, t2_set;            // set by the director for this family
  bool t1_held_set = false, t2_held_set = false;  // the director recorded it as held on the date set
  std::optional<Date> t1_measured, t2_measured;  // day of the earliest completed measurement at that moment
  std::optional<Date> start;                     // the day the family entered intake
};

// A moment was held when a member's questionnaire at it is complete, or when
// the director recorded it as held (costs mapped, questionnaires not in Regie).
struct MomentDate {
  std::optional<Date> on;
  MomentSource source = MomentSource::none;
  bool measured = false;  // a completed measurement at this moment exists
  bool held = false;
};

struct FamilyMoments {
  MomentDate t1, t2;
};

// Default months from T1 to T2 (the report's "about a year"); a setting and
// each family can change it.
inline constexpr int kT2AfterMonths = 12;
// The reminder shows this many days before T2.
inline constexpr int kT2DueDaysBefore = 30;

// A date set wins; otherwise the first completed measurement; otherwise the
// plan: T1 on the family's start, T2 `t2_after_months` after T1.
FamilyMoments family_moments(const MomentFacts& f, int t2_after_months);

enum class T2Reminder { none, due, overdue };
// Due from kT2DueDaysBefore days before T2 up to T2 itself, overdue after it,
// while T2 was not held; none without a T2 date. Whether the family is still
// open is for the caller to judge.
T2Reminder t2_reminder(const FamilyMoments& m, Date today);

// What the family's cost snapshot on a moment's date holds: whether any
// provision is active then, and whether one of them has no known cost (no
// valid price, a figure out of range).
struct CostFacts {
  bool any = false;
  bool unknown = false;
};

// Why a family has no business case yet, first reason first.
enum class Gap {
  none,
  t1_not_held,      // T1 was not held (no date, nobody measured, not recorded as held)
  no_t1_costs,      // nothing on the care map at T1, or a cost there is unknown
  t2_not_reached,   // T2 lies in the future
  t2_not_held,      // T2 has passed without being held
  t2_not_after_t1,  // the dates do not make a period
  no_t2_costs,      // a cost on the care map at T2 is unknown
};
std::string_view to_string(Gap g);

// The report's two reasons (§5.2): "no second measurement yet" and "too
// little data".
enum class GapGroup { none, no_second_measurement, insufficient_data };
std::string_view to_string(GapGroup g);
GapGroup group_of(Gap g);

Gap business_case_gap(const FamilyMoments& m, Date today, const CostFacts& at_t1, const CostFacts& at_t2);

}  // namespace regie::domain
