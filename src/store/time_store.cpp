// SQL of time entries; see time_store.h.
#include "store/time_store.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include "store/rows.h"

namespace regie::store {

using namespace regie::domain;

Result<std::int64_t> TimeStore::add(const TimeEntry& t) {
  std::string kind(to_string(t.kind)), date = format_date(t.date), household = t.household_id.value_or("");
  soci::indicator hi = t.household_id ? soci::i_ok : soci::i_null;
  long long id = 0;
  auto stored = write_checked(
      store_,
      [&](soci::session& sql) {
        sql << "INSERT INTO time_entry (household_id, director, entry_date, minutes, kind) "
               "VALUES (:h, :d, :e, :m, :k) RETURNING id",
            soci::use(household, hi), soci::use(t.director), soci::use(date), soci::use(t.minutes), soci::use(kind),
            soci::into(id);
      },
      [](const soci::soci_error& e) {
        return Error{ErrorCode::conflict, fmt::format("the time entry could not be stored: {}", constraint_reason(e))};
      });
  if (!stored) return stored.error();
  return static_cast<std::int64_t>(id);
}

std::vector<TimeEntry> TimeStore::entries(const std::optional<std::string>& director,
                                          const std::optional<std::string>& household_id, Date from, Date to) {
  std::string d = director.value_or(""), h = household_id.value_or(""), f = format_date(from), t = format_date(to);
  int any_d = director ? 0 : 1, any_h = household_id ? 0 : 1;
  std::vector<TimeEntry> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT * FROM time_entry WHERE (:ad = 1 OR director = :d) AND (:ah = 1 OR household_id = :h) "
                        "AND entry_date >= :f AND entry_date <= :t ORDER BY entry_date, id",
         soci::use(any_d, "ad"), soci::use(d, "d"), soci::use(any_h, "ah"), soci::use(h, "h"), soci::use(f, "f"),
         soci::use(t, "t"));
    for (auto& r : rs)
      out.push_back(TimeEntry{i64(r, "id"), opt_str(r, "household_id"), str(r, "director"),
                              must_date(str(r, "entry_date")), static_cast<int>(i64(r, "minutes")),
                              must(parse_time_kind(str(r, "kind")), "time kind")});
  });
  return out;
}

}  // namespace regie::store
