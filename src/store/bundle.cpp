// Bulk loading of a bundle of records (demo data, fixtures, imports); see bundle.h.
#include "store/bundle.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include <set>

#include "common/clock.h"
#include "store/rows.h"

namespace regie::store {

using namespace regie::domain;

Status write_bundle(Store& store, const Bundle& b) {
  std::string step;
  return write_checked(
      store,
      [&](soci::session& sql) {
        step = "organisation";
        for (auto& o : b.organisations)
          sql << "INSERT INTO organisation (id, name, kind) VALUES (:id, :n, :k)", soci::use(o.id), soci::use(o.name),
              soci::use(o.kind);
        step = "professional";
        for (auto& p : b.professionals)
          sql << "INSERT INTO professional (id, name, organisation_id, role, phone) VALUES (:i, :n, :o, :r, :p)",
              soci::use(p.id), soci::use(p.name), soci::use(p.organisation_id), soci::use(p.role), soci::use(p.phone);
        step = "account";
        std::string now = SystemClock().now_iso8601();
        for (auto& a : b.accounts) {
          std::string role(to_string(a.role));
          int disabled = a.disabled ? 1 : 0;
          soci::indicator pro_ind = a.professional_id ? soci::i_ok : soci::i_null;
          soci::indicator mem_ind = a.member_id ? soci::i_ok : soci::i_null;
          std::string pro = a.professional_id.value_or(""), mem = a.member_id.value_or("");
          soci::indicator phone_ind = a.phone.empty() ? soci::i_null : soci::i_ok;
          soci::indicator email_ind = a.email.empty() ? soci::i_null : soci::i_ok;
          sql << "INSERT INTO account (username, display_name, role, password_hash, disabled, created_at, "
                 "professional_id, member_id, phone, email) VALUES (:u, :d, :r, :h, :x, :c, :p, :m, :ph, :em)",
              soci::use(a.username), soci::use(a.display_name), soci::use(role), soci::use(a.password_hash),
              soci::use(disabled), soci::use(now), soci::use(pro, pro_ind), soci::use(mem, mem_ind),
              soci::use(a.phone, phone_ind), soci::use(a.email, email_ind);
        }
        step = "household";
        for (auto& h : b.households) {
          std::string status(to_string(h.status));
          soci::indicator dir_ind = h.director.empty() ? soci::i_null : soci::i_ok;
          soci::indicator ref_ind = h.referral ? soci::i_ok : soci::i_null;
          std::string src = h.referral ? std::string(to_string(h.referral->source)) : "";
          std::string reason = h.referral ? h.referral->reason : "";
          std::string date = h.referral ? format_date(h.referral->date) : "";
          std::string referrer = h.referral ? h.referral->referrer : "";
          soci::indicator referrer_ind = referrer.empty() ? soci::i_null : soci::i_ok;
          sql << "INSERT INTO household (id, family_name, address, postcode, city, neighbourhood, status, director, "
                 "referral_source, referral_reason, referral_date, referral_referrer, drop_reason) "
                 "VALUES (:i, :f, :a, :p, :c, :n, :s, :d, :rs, :rr, :rd, :rp, :dr)",
              soci::use(h.id), soci::use(h.family_name), soci::use(h.address), soci::use(h.postcode), soci::use(h.city),
              soci::use(h.neighbourhood), soci::use(status), soci::use(h.director, dir_ind), soci::use(src, ref_ind),
              soci::use(reason, ref_ind), soci::use(date, ref_ind), soci::use(referrer, referrer_ind),
              soci::use(h.drop_reason);
        }
        step = "status history";
        std::set<std::string> with_history;
        for (auto& [household, change] : b.status_history) {
          insert_status_change(sql, household, change, now);
          with_history.insert(household);
        }
        for (auto& h : b.households)
          if (h.referral && !with_history.contains(h.id))
            insert_status_change(sql, h.id, {HouseholdStatus::referred, h.referral->date, "", ""}, now);
        step = "measurement moment";
        for (auto& m : b.moments) {
          std::string on = format_date(m.on), by = "import";
          int held = m.held ? 1 : 0;
          sql << "INSERT INTO measurement_moment (household_id, moment, planned_on, held, set_by, set_at) "
                 "VALUES (:h, :m, :o, :x, :b, :a)",
              soci::use(m.household_id), soci::use(m.moment), soci::use(on), soci::use(held), soci::use(by),
              soci::use(now);
        }
        step = "member";
        for (auto& m : b.members) insert_member(sql, m);
        step = "provision";
        for (auto& p : b.provisions) insert_provision(sql, p);
        step = "setting";
        for (auto& [k, v] : b.settings)
          sql << "INSERT INTO setting (key, value) VALUES (:k, :v)", soci::use(k), soci::use(v);
      },
      [&](const soci::soci_error& e) {
        // Constraint violations are the caller's input (duplicate or dangling ids).
        return Error{ErrorCode::conflict,
                     fmt::format("could not store the {} records: {}", step, constraint_reason(e))};
      });
}

}  // namespace regie::store
