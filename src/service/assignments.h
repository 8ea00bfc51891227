// Which team leads are assigned to a household next to its director. A team
// lead sees caseloads, not file contents; once assigned to a household they
// work on its file as its director does, until they are unassigned
// (docs/access.md). Team leads and the household's director manage the
// assignments, nobody assigns themselves; every change and every read is
// audited.
#pragma once
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "service/auth.h"
#include "store/assignment_store.h"
#include "store/store.h"

namespace regie::service {

class Assignments {
 public:
  Assignments(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Any team lead (caseload information), and whoever works on the file.
  Result<std::vector<store::Assignment>> list(const Principal& who, const std::string& household_id);
  // A team lead, or the household's director of record, assigns a team lead
  // whose account is active; never themselves (forbidden, audited as
  // denied). Assigning someone already assigned changes nothing. Returns the
  // household's assignments afterwards.
  Result<std::vector<store::Assignment>> assign(const Principal& who, const std::string& household_id,
                                                const std::string& username);
  // A team lead (also the assigned one, stepping off) or the household's
  // director of record ends an assignment; the file is closed to that team
  // lead from their next request on.
  Status unassign(const Principal& who, const std::string& household_id, const std::string& username);

 private:
  store::Store& store_;
  const Clock& clock_;
};

}  // namespace regie::service
