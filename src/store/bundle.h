// A set of records written together, all or nothing: the demo data, test
// fixtures and imports of whole households.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "common/result.h"
#include "domain/household.h"
#include "domain/organisation.h"
#include "domain/provision.h"
#include "domain/account.h"
#include "domain/status_history.h"
#include "store/store.h"

namespace regie::store {

struct Bundle {
  std::vector<domain::Organisation> organisations;
  std::vector<domain::Professional> professionals;
  std::vector<domain::Account> accounts;
  std::vector<domain::Household> households;
  std::vector<domain::Member> members;
  std::vector<domain::Provision> provisions;
  std::vector<std::pair<std::string, std::string>> settings;
  // Status histories by household id. A household with a referral and no
  // history here gets one line: referred, on the referral's date.
  std::vector<std::pair<std::string, domain::StatusChange>> status_history;
  // Measurement moments set for a family: (household id, "T1" or "T2",
  // date, held on that date).
  struct Moment {
    std::string household_id, moment;
    Date on;
    bool held = false;
  };
  std::vector<Moment> moments;
};

// Writes every record of `bundle` in one transaction; a duplicate or dangling
// id is a conflict naming the kind of record, and nothing is stored.
Status write_bundle(Store& store, const Bundle& bundle);

}  // namespace regie::store
