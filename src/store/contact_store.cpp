// SQL of the contact log; see contact_store.h.
#include "store/contact_store.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include "store/rows.h"

namespace regie::store {

using namespace regie::domain;

Result<std::int64_t> ContactStore::add(const Contact& c) {
  long long id = 0;
  auto stored = write_checked(
      store_,
      [&](soci::session& sql) {
        std::string kind(to_string(c.kind)), on = format_date(c.on), pro = c.professional_id.value_or("");
        soci::indicator pro_ind = c.professional_id ? soci::i_ok : soci::i_null;
        sql << "INSERT INTO contact (household_id, kind, contact_on, minutes, travel_minutes, professional_id, note, "
               "recorded_by, recorded_at) VALUES (:h, :k, :o, :m, :t, :p, :n, :b, :a) RETURNING id",
            soci::use(c.household_id), soci::use(kind), soci::use(on), soci::use(c.minutes),
            soci::use(c.travel_minutes), soci::use(pro, pro_ind), soci::use(c.note), soci::use(c.recorded_by),
            soci::use(c.recorded_at), soci::into(id);
        for (auto& t : time_entries_for(c)) {
          std::string tkind(to_string(t.kind)), date = format_date(t.date), household = t.household_id.value_or("");
          sql << "INSERT INTO time_entry (household_id, director, entry_date, minutes, kind, contact_id) "
                 "VALUES (:h, :d, :e, :m, :k, :c)",
              soci::use(household), soci::use(t.director), soci::use(date), soci::use(t.minutes), soci::use(tkind),
              soci::use(id);
        }
      },
      [](const soci::soci_error& e) {
        return Error{ErrorCode::conflict, fmt::format("the contact could not be stored: {}", constraint_reason(e))};
      });
  if (!stored) return stored.error();
  return static_cast<std::int64_t>(id);
}

std::vector<Contact> ContactStore::of_household(const std::string& household_id) {
  std::vector<Contact> out;
  store_.query("SELECT * FROM contact WHERE household_id = :h ORDER BY contact_on DESC, id DESC", {household_id},
               [&](const soci::row& r) {
                 Contact c;
                 c.id = i64(r, "id");
                 c.household_id = str(r, "household_id");
                 c.kind = must(parse_contact_kind(str(r, "kind")), "contact kind");
                 c.on = must_date(str(r, "contact_on"));
                 c.minutes = static_cast<int>(i64(r, "minutes"));
                 c.travel_minutes = static_cast<int>(i64(r, "travel_minutes"));
                 c.professional_id = opt_str(r, "professional_id");
                 c.note = str(r, "note");
                 c.recorded_by = str(r, "recorded_by");
                 c.recorded_at = str(r, "recorded_at");
                 out.push_back(std::move(c));
               });
  return out;
}

}  // namespace regie::store
