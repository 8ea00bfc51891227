// What asks for a director's action in their caseload: T2 measurements that
// are due or overdue, aftercare contacts, round tables coming up or still
// being planned, and families in intake or active without an agreed plan.
// One function, so that the director's start page and reminders by mail say
// the same thing.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "service/auth.h"
#include "store/store.h"

namespace regie::service {

struct DueItem {
  enum class Kind { t2_measurement, aftercare, round_table, round_table_planning, plan };
  std::string household_id, family_name;
  Kind kind = Kind::plan;
  std::optional<std::string> when;  // yyyy-mm-dd, or the UTC date-time of a scheduled round table
  bool overdue = false;
  std::string title;  // a round table's title
};
std::string_view to_string(DueItem::Kind k);

// Everything due for the households of `director` (their director of
// record) on the clock's day: overdue first, then by date, undated last.
// No access check and no audit: for callers acting for that director (the
// start page through DueWork, a reminder by mail).
std::vector<DueItem> due_for_director(store::Store& store, const Clock& clock, const std::string& director);

class DueWork {
 public:
  DueWork(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}
  // A director's own list; other roles are refused. Audited as "due.read".
  Result<std::vector<DueItem>> mine(const Principal& who);

 private:
  store::Store& store_;
  const Clock& clock_;
};

}  // namespace regie::service
