// Team leads assigned to a household next to its director (migration 0014).
#pragma once
#include <string>
#include <vector>

#include "common/result.h"
#include "store/store.h"

namespace regie::store {

struct Assignment {
  std::string household_id;
  std::string username;
  std::string display_name;  // the account's, for lists
  std::string assigned_by;
  std::string assigned_at;  // UTC, ISO 8601
};

class AssignmentStore {
 public:
  explicit AssignmentStore(Store& store) : store_(store) {}

  // The household's assignments, by user name.
  std::vector<Assignment> of_household(const std::string& household_id);
  bool is_assigned(const std::string& household_id, const std::string& username);
  // Adds the assignment; one that exists already is kept as it was (its
  // first assigner and time stay). An unknown household is not_found.
  Status assign(const Assignment& a);
  // Removes the assignment; not_found when there is none.
  Status unassign(const std::string& household_id, const std::string& username);

 private:
  Store& store_;
};

}  // namespace regie::store
