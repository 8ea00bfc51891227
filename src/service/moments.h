// Each family's measurement moments over the store (domain/moments.h): the
// T1 and T2 dates, the T2 reminder, and whether the family's business case
// is complete and, if not, why. The business case, the director's due list
// and the referral funnel read them through family_progress(); the director
// sees and sets them through Moments.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "domain/household.h"
#include "domain/moments.h"
#include "service/auth.h"
#include "store/moment_store.h"
#include "store/store.h"

namespace regie::service {

// The months from T1 to T2: setting "measurement.t2_after_months" (1 to 60),
// else domain::kT2AfterMonths.
int t2_after_months(store::Store& store);

struct FamilyProgress {
  domain::FamilyMoments moments;
  domain::T2Reminder reminder = domain::T2Reminder::none;  // none for a closed or dropped family
  domain::Gap gap = domain::Gap::none;
};

// The moments, reminder and business-case gap of each household given, by id,
// on `today`. No access check and no audit: for services that have decided
// who may see these households. Without `with_gap` the care maps are not read
// and every gap is left at none (for lists that show only dates and reminders).
std::map<std::string, FamilyProgress> family_progress(store::Store& store,
                                                      const std::vector<domain::Household>& households, Date today,
                                                      bool with_gap = true);

struct MomentsView {
  FamilyProgress progress;
  int t2_after_months = domain::kT2AfterMonths;
  std::vector<store::SetMoment> set;  // the dates set for this family, with their versions
};

class Moments {
 public:
  Moments(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // For those assigned to the household; audited as "moments.read".
  Result<MomentsView> get(const Principal& who, const std::string& household_id);
  // Sets the family's T1 or T2 (those assigned), audited as "moments.set";
  // `held` records that the moment took place on that date (not in the
  // future) without questionnaires in Regie. T2 must lie after T1 and T1
  // before a T2 that was set; `version` is that of the date read (0 when none
  // was set). Returns the new version.
  Result<int> set(const Principal& who, const std::string& household_id, const std::string& moment, Date on,
                  bool held, int version);
  // The municipality's default months from T1 to T2 (administrators; 1 to 60).
  Status set_t2_after_months(const Principal& who, int months);

 private:
  store::Store& store_;
  const Clock& clock_;
};

}  // namespace regie::service
