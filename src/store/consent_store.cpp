// SQL for consents; portable between SQLite and PostgreSQL.
#include "store/consent_store.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include "store/rows.h"

namespace regie::store {
namespace {

using domain::Consent;

std::optional<Date> opt_date(const soci::row& r, const std::string& name) {
  auto s = opt_str(r, name);
  if (!s) return std::nullopt;
  return must_date(*s);
}

Consent consent_from(const soci::row& r) {
  Consent c;
  c.id = i64(r, "id");
  c.household_id = str(r, "household_id");
  c.member_id = str(r, "member_id");
  c.guardian_member_id = opt_str(r, "guardian_member_id");
  c.purpose = must(domain::parse_consent_purpose(str(r, "purpose")), "consent purpose");
  c.organisation_id = str(r, "organisation_id");
  c.method = must(domain::parse_consent_method(str(r, "method")), "consent method");
  c.witness = str(r, "witness");
  c.given_on = must_date(str(r, "given_on"));
  c.expires_on = opt_date(r, "expires_on");
  c.withdrawn_on = opt_date(r, "withdrawn_on");
  c.recorded_by = str(r, "recorded_by");
  c.version = static_cast<int>(i64(r, "version"));
  return c;
}

}  // namespace

Result<std::int64_t> ConsentStore::add(const Consent& c) {
  long long id = 0;
  std::string purpose(domain::to_string(c.purpose)), method(domain::to_string(c.method)),
      given = format_date(c.given_on);
  soci::indicator guardian_ind = c.guardian_member_id ? soci::i_ok : soci::i_null,
                  expires_ind = c.expires_on ? soci::i_ok : soci::i_null;
  std::string guardian = c.guardian_member_id.value_or(""), expires = c.expires_on ? format_date(*c.expires_on) : "";
  auto stored = write_checked(
      store_, [&](soci::session& sql) {
      sql << "INSERT INTO consent (household_id, member_id, guardian_member_id, purpose, organisation_id, method, "
             "witness, given_on, expires_on, recorded_by) VALUES (:h, :m, :g, :p, :o, :me, :w, :gi, :e, :r) "
             "RETURNING id",
          soci::use(c.household_id), soci::use(c.member_id), soci::use(guardian, guardian_ind), soci::use(purpose),
          soci::use(c.organisation_id), soci::use(method), soci::use(c.witness), soci::use(given),
          soci::use(expires, expires_ind), soci::use(c.recorded_by), soci::into(id);
    },
      [&](const soci::soci_error& e) {
        return Error{ErrorCode::conflict, fmt::format("the consent could not be stored: {}", constraint_reason(e))};
      });
  if (!stored) return stored.error();
  return static_cast<std::int64_t>(id);
}

std::optional<Consent> ConsentStore::get(std::int64_t id) {
  std::optional<Consent> out;
  long long lid = id;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs = (sql.prepare << "SELECT * FROM consent WHERE id = :i", soci::use(lid));
    for (auto& r : rs) out = consent_from(r);
  });
  return out;
}

std::vector<Consent> ConsentStore::of_household(const std::string& household_id) {
  std::vector<Consent> out;
  // Kept prepared on the pooled connection (Store::query): one round trip.
  store_.query("SELECT * FROM consent WHERE household_id = :h ORDER BY id", {household_id},
               [&](const soci::row& r) { out.push_back(consent_from(r)); });
  return out;
}

Result<int> ConsentStore::withdraw(std::int64_t id, int version, Date on) {
  Result<int> result = 0;
  long long lid = id;
  std::string day = format_date(on);
  store_.write([&](soci::session& sql) {
    result = bump_version(sql, "consent", id, version);
    if (!result) return;
    sql << "UPDATE consent SET withdrawn_on = :d WHERE id = :i", soci::use(day), soci::use(lid);
  });
  return result;
}

}  // namespace regie::store
