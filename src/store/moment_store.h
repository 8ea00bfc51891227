// Each family's measurement moments: the dates a director set for T1 or T2,
// and what the rules in domain/moments.h need to work out the rest (the first
// completed measurement at each moment, the day the family entered intake).
// On Store::read / Store::write.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/moments.h"
#include "store/store.h"

namespace regie::store {

struct SetMoment {
  std::string moment;  // "T1" or "T2"
  Date on;
  bool held = false;  // recorded as held on `on`
  std::string set_by, set_at;
  int version = 1;
};

class MomentStore {
 public:
  explicit MomentStore(Store& store) : store_(store) {}

  std::vector<SetMoment> of_household(const std::string& household_id);
  // Sets a family's T1 or T2, and whether it was held on that date.
  // `version` is the version read (0 when none was set yet); another is a
  // conflict. Returns the new version.
  Result<int> set(const std::string& household_id, const std::string& moment, Date on, bool held,
                  const std::string& by, const std::string& at, int version);
  // The facts of the given households (all when `ids` is empty), in a few
  // statements over all of them.
  std::map<std::string, domain::MomentFacts> facts(const std::set<std::string>& ids);

 private:
  Store& store_;
};

}  // namespace regie::store
