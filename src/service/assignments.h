// Which team leads are assigned to a household next to its director. A team
// lead sees caseloads, not file contents; once assigned to a household they
// work on its file as its director does, until they are unassigned
// (docs/access.md). Team leads manage the assignments; every change and
// every read is audited.
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
  // A team lead assigns a team lead (themselves or a colleague) whose account
  // is active. Assigning someone already assigned changes nothing. Returns
  // the household's assignments afterwards.
  Result<std::vector<store::Assignment>> assign(const Principal& who, const std::string& household_id,
                                                const std::string& username);
  // A team lead ends an assignment; the file is closed to that team lead from
  // their next request on.
  Status unassign(const Principal& who, const std::string& household_id, const std::string& username);

 private:
  store::Store& store_;
  const Clock& clock_;
};

}  // namespace regie::service
