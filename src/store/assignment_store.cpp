// Household assignments on both backends.
#include "store/assignment_store.h"

#include <soci/soci.h>

#include "store/rows.h"

namespace regie::store {

std::vector<Assignment> AssignmentStore::of_household(const std::string& household_id) {
  std::vector<Assignment> out;
  store_.query("SELECT x.household_id, x.username, a.display_name, x.assigned_by, x.assigned_at "
               "FROM household_assignment x LEFT JOIN account a ON a.username = x.username "
               "WHERE x.household_id = :h ORDER BY x.username",
               {household_id}, [&](const soci::row& r) {
                 out.push_back({str(r, "household_id"), str(r, "username"), str(r, "display_name"),
                                str(r, "assigned_by"), str(r, "assigned_at")});
               });
  return out;
}

bool AssignmentStore::is_assigned(const std::string& household_id, const std::string& username) {
  int n = 0;
  store_.read([&](soci::session& sql) {
    sql << "SELECT COUNT(*) FROM household_assignment WHERE household_id = :h AND username = :u",
        soci::use(household_id), soci::use(username), soci::into(n);
  });
  return n > 0;
}

Status AssignmentStore::assign(const Assignment& a) {
  Status out = ok_status();
  store_.write([&](soci::session& sql) {
    int households = 0;
    sql << "SELECT COUNT(*) FROM household WHERE id = :h", soci::use(a.household_id), soci::into(households);
    if (!households) {
      out = not_found("no household with this id");
      return;
    }
    // Two team leads assigning the same person at once both succeed; the first row stays.
    sql << "INSERT INTO household_assignment (household_id, username, assigned_by, assigned_at) "
           "VALUES (:h, :u, :b, :t) ON CONFLICT (household_id, username) DO NOTHING",
        soci::use(a.household_id), soci::use(a.username), soci::use(a.assigned_by), soci::use(a.assigned_at);
  });
  return out;
}

Status AssignmentStore::unassign(const std::string& household_id, const std::string& username) {
  Status out = ok_status();
  store_.write([&](soci::session& sql) {
    soci::statement st = (sql.prepare << "DELETE FROM household_assignment WHERE household_id = :h AND username = :u",
                          soci::use(household_id), soci::use(username));
    st.execute(true);
    if (st.get_affected_rows() == 0) out = not_found("this team lead is not assigned to this household");
  });
  return out;
}

}  // namespace regie::store
