// SQL of the measurement moments per family; see moment_store.h.
#include "store/moment_store.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include "store/rows.h"

namespace regie::store {

std::vector<SetMoment> MomentStore::of_household(const std::string& household_id) {
  std::vector<SetMoment> out;
  store_.query("SELECT * FROM measurement_moment WHERE household_id = :h ORDER BY moment", {household_id},
               [&](const soci::row& r) {
                 out.push_back({str(r, "moment"), must_date(str(r, "planned_on")), i64(r, "held") != 0,
                                str(r, "set_by"), str(r, "set_at"), static_cast<int>(i64(r, "version"))});
               });
  return out;
}

Result<int> MomentStore::set(const std::string& household_id, const std::string& moment, Date on, bool held,
                             const std::string& by, const std::string& at, int version) {
  Result<int> out = version + 1;
  std::string date = format_date(on);
  int held_flag = held ? 1 : 0;
  auto stored = write_checked(
      store_,
      [&](soci::session& sql) {
        int current = 0;
        soci::indicator ind = soci::i_null;
        sql << "SELECT version FROM measurement_moment WHERE household_id = :h AND moment = :m",
            soci::use(household_id), soci::use(moment), soci::into(current, ind);
        const bool exists = sql.got_data() && ind == soci::i_ok;
        if ((exists ? current : 0) != version) {
          out = Error{ErrorCode::conflict,
                      fmt::format("the date of {} was changed by someone else; reload and try again", moment)};
          return;
        }
        if (exists)
          sql << "UPDATE measurement_moment SET planned_on = :o, held = :x, set_by = :b, set_at = :a, "
                 "version = version + 1 WHERE household_id = :h AND moment = :m",
              soci::use(date), soci::use(held_flag), soci::use(by), soci::use(at), soci::use(household_id),
              soci::use(moment);
        else
          sql << "INSERT INTO measurement_moment (household_id, moment, planned_on, held, set_by, set_at) "
                 "VALUES (:h, :m, :o, :x, :b, :a)",
              soci::use(household_id), soci::use(moment), soci::use(date), soci::use(held_flag), soci::use(by),
              soci::use(at);
      },
      [](const soci::soci_error& e) {
        return Error{ErrorCode::conflict, fmt::format("the date could not be stored: {}", constraint_reason(e))};
      });
  if (!stored) return stored.error();
  return out;
}

std::map<std::string, domain::MomentFacts> MomentStore::facts(const std::set<std::string>& ids) {
  std::map<std::string, domain::MomentFacts> out;
  auto wanted = [&](const std::string& id) { return ids.empty() || ids.contains(id); };
  store_.read([&](soci::session& sql) {
    {
      soci::rowset<soci::row> rs =
          (sql.prepare << "SELECT household_id, moment, planned_on, held FROM measurement_moment");
      for (auto& r : rs) {
        auto id = str(r, "household_id");
        if (!wanted(id)) continue;
        auto on = must_date(str(r, "planned_on"));
        const bool t1 = str(r, "moment") == "T1";
        (t1 ? out[id].t1_set : out[id].t2_set) = on;
        (t1 ? out[id].t1_held_set : out[id].t2_held_set) = i64(r, "held") != 0;
      }
    }
    {
      soci::rowset<soci::row> rs =
          (sql.prepare << "SELECT household_id, moment, MIN(measured_on) AS first_on FROM measurement "
                          "WHERE status = 'completed' AND moment IN ('T1', 'T2') GROUP BY household_id, moment");
      for (auto& r : rs) {
        auto id = str(r, "household_id");
        if (!wanted(id)) continue;
        auto on = must_date(str(r, "first_on"));
        (str(r, "moment") == "T1" ? out[id].t1_measured : out[id].t2_measured) = on;
      }
    }
    {
      soci::rowset<soci::row> rs = (sql.prepare << "SELECT household_id, MIN(changed_on) AS first_on "
                                                   "FROM status_change WHERE status = 'intake' GROUP BY household_id");
      for (auto& r : rs) {
        auto id = str(r, "household_id");
        if (wanted(id)) out[id].start = must_date(str(r, "first_on"));
      }
    }
  });
  return out;
}

}  // namespace regie::store
