// How long a family has been in each status and in the intervention as a
// whole (report §10.1: how long should an intervention last, when does it
// close?), from the history of its status changes.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "domain/household.h"

namespace regie::domain {

// One status the household entered: on which day, by whom (a user name;
// empty for changes from before the history was kept) and, for `dropped`,
// the reason.
struct StatusChange {
  HouseholdStatus status = HouseholdStatus::referred;
  Date on;
  std::string by;
  std::string drop_reason;
};

// A stretch of time in one status: from the day it was entered up to the day
// the next one was (exclusive), or up to `today` for the current one.
struct StatusPeriod {
  HouseholdStatus status = HouseholdStatus::referred;
  Date from;
  std::optional<Date> to;  // none while it is the current status
  std::int64_t days = 0;
};

// The periods of a history in order of the day entered (changes on one day
// keep their recorded order). A history that is empty gives no periods.
std::vector<StatusPeriod> status_periods(const std::vector<StatusChange>& history, Date today);

// The whole intervention: from the first recorded status (the referral) to
// the day the file was closed or the family dropped out, else to today; and
// the current status since its day. None for an empty history.
struct InterventionSpan {
  Date start;
  std::optional<Date> end;  // the day it was closed or dropped
  std::int64_t days = 0;
  HouseholdStatus status = HouseholdStatus::referred;
  Date status_since;
  std::int64_t days_in_status = 0;
};
std::optional<InterventionSpan> intervention_span(const std::vector<StatusChange>& history, Date today);

// True when the history (or, without one, the current status) shows that the
// household went through `stage` of the pipeline referred -> intake -> active:
// a household now in aftercare or closed was active once.
bool reached(const std::vector<StatusChange>& history, HouseholdStatus current, HouseholdStatus stage);

}  // namespace regie::domain
