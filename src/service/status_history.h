// The status history of a household with who made each change and how long
// each status lasted, and the intervention's length for the caseload (report
// §10.1). For those assigned to the household; reads are audited.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "domain/household.h"
#include "domain/status_history.h"
#include "service/auth.h"
#include "store/store.h"

namespace regie::service {

struct StatusChangeView {
  domain::StatusChange change;
  std::string by_name;  // display name; empty when unknown (changes from before the history was kept)
  std::optional<Date> until;  // the day the next status began; none for the current one
  std::int64_t days = 0;
};

struct StatusHistoryView {
  std::vector<StatusChangeView> changes;  // oldest first
  std::optional<domain::InterventionSpan> span;
};

// The intervention's span when the history ends in the household's current
// status (a history from before it was kept may not); none otherwise.
std::optional<domain::InterventionSpan> span_of(const domain::Household& h,
                                                const std::vector<domain::StatusChange>& history, Date today);

class StatusHistories {
 public:
  StatusHistories(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Audited as "status.read".
  Result<StatusHistoryView> get(const Principal& who, const std::string& household_id);

 private:
  store::Store& store_;
  const Clock& clock_;
};

}  // namespace regie::service
