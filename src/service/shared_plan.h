// The household plan as the professionals around a family see it (issue 20):
// the goals per life domain, the agreed actions with who does what and by
// when, the round tables, and who holds the mandate and for what. A
// professional reads it under the file view's rule (service/access.h: on the
// care team, and the consent of a member covers their organisation) and only
// what concerns covered members; they change nothing but the status of their
// own actions. Their start page (`work`) gathers this over every family
// whose consent covers them. Every read and change, allowed or refused, is
// audited.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "domain/mandate.h"
#include "service/auth.h"
#include "store/store.h"

namespace regie::service {

struct SharedAction {
  std::size_t goal = 0, action = 0;  // positions in the plan version, to address it
  std::string text, status;
  std::string responsible_kind, responsible_name;  // professional, member, director, other
  std::optional<Date> due;
  bool mine = false;  // the caller is the one responsible: they may set its status
};

struct SharedGoal {
  std::size_t index = 0;
  std::string life_domain, household_words, professional_words, status;
  std::vector<std::string> for_whom;  // given names; empty: the whole household
  std::vector<SharedAction> actions;
};

struct SharedRoundTable {
  std::int64_t id = 0;
  std::string title, status, location, agenda;
  std::string minutes;  // only when every member is covered
  Date window_from, window_to;
  std::optional<std::string> scheduled_at;  // UTC
  bool invited = false;                     // the caller is a participant
  std::vector<std::string> participants;    // names; members only when covered
};

struct SharedPlanView {
  std::string household_id, family_name;
  std::vector<std::string> members;  // given names of the members shown
  bool whole_household = false;      // every member is covered: household-wide items are shown
  std::string mandate_holder;        // the director's name
  std::vector<std::string> mandate_scope;  // the decision kinds the mandate allows
  std::optional<domain::MandateGrant> mandate_grant;  // who granted it, in which words, for which period
  std::optional<int> plan_version;   // the active version; none: no plan yet
  std::optional<Date> agreed_on;
  std::vector<SharedGoal> goals;
  std::vector<SharedRoundTable> round_tables;
};

// One family on a professional's start page.
struct WorkHousehold {
  std::string id, family_name;
  std::vector<std::string> members;  // given names of the covered members
  bool has_plan = false;
};

struct WorkAction {
  std::string household_id, family_name, life_domain;
  int plan_version = 0;
  SharedAction action;
};

struct WorkRoundTable {
  std::string household_id, family_name;
  SharedRoundTable round_table;
};

struct Work {
  std::string name, organisation;
  std::vector<WorkHousehold> households;
  std::vector<WorkAction> actions;          // theirs, earliest due date first, undated last
  std::vector<WorkRoundTable> round_tables;  // they are invited to, still planned or scheduled
};

class SharedPlans {
 public:
  SharedPlans(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // The shared plan of one household: for a professional with covering
  // consent the covered part, for those assigned to the household all of it.
  // Everyone else: the hidden-household refusal (403), audited.
  Result<SharedPlanView> view(const Principal& who, const std::string& household_id);

  // Sets the status (open, in_progress, done, dropped) of one action of the
  // active plan version. A professional sets only the actions they are
  // responsible for, in goals they may see; the assigned director or team
  // lead any action. A stale version is a conflict.
  Status set_action_status(const Principal& who, const std::string& household_id, int plan_version,
                           std::size_t goal, std::size_t action, const std::string& status);

  // A professional's start page. Other roles are refused.
  Result<Work> work(const Principal& who);

 private:
  std::optional<SharedPlanView> build(const Principal& who, const std::string& household_id, bool assigned);

  store::Store& store_;
  const Clock& clock_;
};

}  // namespace regie::service
