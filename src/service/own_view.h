// The household's own view of its file: who helps them and why, their plan,
// their appointments, their spider webs and who looked at their file. Only a
// household member reads it, and only of their own household: what concerns
// themselves or the whole household and, for a parent, their minor children
// (service/access.h); another adult's care stays theirs. Every
// read, allowed or refused, is audited like any other access.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "domain/plan.h"
#include "interop/questionnaire.h"
#include "service/audit.h"
#include "service/auth.h"
#include "service/measurements.h"
#include "store/store.h"
#include "domain/household.h"

namespace regie::service {

// One helper who comes to the door (or calls), and what for.
struct Helper {
  std::string name, role, organisation, phone;
  std::string what_for;   // the provision's goal, as written on the care map
  std::string domain;     // jeugd, wmo, ... (the front end words it)
  std::string for_whom;   // a member's given name; empty: the whole household
  Date since;
};

struct OwnGoal {
  std::string life_domain, words, status;  // the household's own words when there are any
  std::vector<std::string> for_whom;       // given names; empty: everyone
  struct Step {
    std::string text, who, status;
    std::optional<Date> due;
  };
  std::vector<Step> steps;
};

struct Appointment {
  std::string kind;  // round_table or aftercare
  std::string title;
  std::optional<std::string> at;  // UTC time when scheduled
  std::optional<Date> on;         // date only (aftercare, or a round table still being planned)
  std::string location;
};

// What the support this member sees costs per year: the same annual figures
// as the director's household view (price list included), summed over the
// helpers listed for them, so never another adult's own care.
struct SupportCost {
  Cents annual = 0;
  int helpers = 0;                    // provisions counted
  bool estimated = false;             // at least one figure is an estimate (insured GGZ)
  std::vector<std::string> children;  // minor children whose own care is counted (a parent's view)
  Date on;
};

struct OwnHousehold {
  std::string household_id, family_name;
  std::string me;  // the signed-in member's given name
  std::string director_name, director_phone, director_email;
  std::vector<std::string> members;  // given names
  std::vector<Helper> helpers;
  std::optional<Date> plan_agreed_on;
  std::vector<OwnGoal> goals;
  std::vector<Appointment> appointments;
  SupportCost cost;
};

struct OwnSpiderWebs {
  struct Person {
    std::string member_id, given_name;
    bool me = false;
    std::vector<MeasurementView> measurements;
  };
  std::vector<Person> people;  // the member first, then their minor children
};

class OwnView {
 public:
  OwnView(store::Store& store, const Clock& clock, std::shared_ptr<const interop::Instruments> instruments)
      : store_(store), clock_(clock), instruments_(std::move(instruments)) {}

  Result<OwnHousehold> household(const Principal& who);
  Result<OwnSpiderWebs> spider_webs(const Principal& who);
  // One page of "who looked at our file" (see service::who_looked): `limit`
  // 1 to kFileViewPageMax, `before` the cursor the previous page gave.
  Result<FileViewPage> file_views(const Principal& who, int limit = kFileViewPage,
                                  std::optional<std::int64_t> before = std::nullopt);

 private:
  // The member's own household, or forbidden (audited either way).
  Result<domain::Household> own_household(const Principal& who, const std::string& action);
  // The members whose own care and records the signed-in member sees:
  // themselves and, for a parent, their minor children (service/access.h).
  std::set<std::string> own_people(const Principal& who, const std::vector<domain::Member>& members);

  store::Store& store_;
  const Clock& clock_;
  std::shared_ptr<const interop::Instruments> instruments_;
};

}  // namespace regie::service
