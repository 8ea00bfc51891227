// What is due in the directors' work, for the reminders by mail: a member's
// second measurement (T2), an aftercare contact, a consent that is about to
// expire. The T2 date is the family's own (service/moments.h), the same one the
// director's caseload shows.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "common/date.h"
#include "store/store.h"

namespace regie::service {

struct DuePolicy {
  int consent_expiry_days = 30;
};

struct DueReminder {
  std::string kind;  // t2, aftercare, consent_expiry
  std::string household_id;
  std::string member_id;        // t2, consent_expiry
  std::int64_t consent_id = 0;  // consent_expiry
  Date due;                     // when it is (or was) due; for a consent, its expiry
  std::string key;              // stable name of this piece of work: one reminder per key
};

// Due work on `today` in households that are active or in aftercare: T2 for
// members without one once the family's T2 date has come; the
// aftercare contact that is due or overdue; consents in force that expire
// within `consent_expiry_days`.
std::vector<DueReminder> due_reminders(store::Store& store, Date today, const DuePolicy& policy);

}  // namespace regie::service
