// Helpers for reading and writing rows, shared by the store and the area
// stores (store/*_store.cpp) that build on Store::read / Store::write.
#pragma once
#include <fmt/format.h>
#include <soci/soci.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "common/date.h"
#include "common/result.h"
#include "domain/household.h"
#include "domain/provision.h"
#include "domain/account.h"
#include "domain/status_history.h"
#include "store/store.h"

namespace regie::store {

inline std::int64_t i64(const soci::row& r, const std::string& name) {
  if (r.get_indicator(name) == soci::i_null) return 0;
  switch (r.get_properties(name).get_data_type()) {
    case soci::dt_integer: return r.get<int>(name);
    case soci::dt_long_long: return r.get<long long>(name);
    case soci::dt_unsigned_long_long: return static_cast<std::int64_t>(r.get<unsigned long long>(name));
    case soci::dt_double: return static_cast<std::int64_t>(r.get<double>(name));
    case soci::dt_string: return std::stoll(r.get<std::string>(name));
    default: throw soci::soci_error("unexpected column type for " + name);
  }
}

inline std::string str(const soci::row& r, const std::string& name) {
  if (r.get_indicator(name) == soci::i_null) return {};
  return r.get<std::string>(name);
}

inline std::optional<std::string> opt_str(const soci::row& r, const std::string& name) {
  if (r.get_indicator(name) == soci::i_null) return std::nullopt;
  return r.get<std::string>(name);
}

// A household from a row holding the household table's columns.
domain::Household household_from(const soci::row& r);

// Stored enums were checked on the way in; a bad value here means a broken database.
template <class T>
T must(std::optional<T> v, const char* what) {
  if (!v) throw soci::soci_error(fmt::format("the database holds an invalid {}", what));
  return *v;
}

inline Date must_date(const std::string& s) {
  auto d = parse_date(s);
  if (!d) throw soci::soci_error("the database holds an invalid date");
  return *d;
}

// Bumps the version if it is still `version`; the conflict names the current one.
inline Result<int> bump_version(soci::session& sql, const char* table, std::int64_t id, int version) {
  long long lid = id;
  int current = 0;
  soci::indicator ind = soci::i_ok;
  sql << fmt::format("SELECT version FROM {} WHERE id = :i", table), soci::use(lid), soci::into(current, ind);
  if (!sql.got_data()) return not_found(fmt::format("no {} with id {}", table, id));
  if (current != version)
    return Error{ErrorCode::conflict,
                 fmt::format("the {} was changed by someone else: it is at version {}, not {}", table, current, version)};
  sql << fmt::format("UPDATE {} SET version = version + 1 WHERE id = :i", table), soci::use(lid);
  return current + 1;
}

// True when a statement failed because of the machine, not the records: a
// full disk, an I/O error, a read-only file. Such errors must not be reported
// as the caller's bad input (a 409 or "duplicate id"); the catch blocks that
// translate constraint violations rethrow them with rethrow_if_environment.
inline bool is_environment_failure(const soci::soci_error& e) {
  const std::string what = e.what();
  for (const char* sign : {"database or disk is full", "disk I/O error", "readonly database", "No space left",
                           "could not extend file", "could not write", "out of memory"})
    if (what.find(sign) != std::string::npos) return true;
  return false;
}
// Call inside a catch block only: rethrows the exception being handled.
inline void rethrow_if_environment(const soci::soci_error& e) {
  if (is_environment_failure(e)) throw;
}

// What a constraint violation means, in a few words and without the driver's
// text: that text holds the SQL statement and the values, which would let a
// caller read the schema or learn about records in another household.
inline std::string constraint_reason(const soci::soci_error& e) {
  const std::string what = e.what();
  auto has = [&](const char* s) { return what.find(s) != std::string::npos; };
  if (has("UNIQUE") || has("unique constraint") || has("PRIMARY KEY") || has("duplicate key"))
    return "a record with this id already exists";
  if (has("FOREIGN KEY") || has("foreign key")) return "it refers to a record that does not exist";
  if (has("NOT NULL") || has("not-null")) return "a required value is missing";
  if (has("CHECK") || has("check constraint")) return "a value is outside its allowed range";
  return "the store refused it";
}

// Runs `fn` in store.write(). A statement the database refuses because of the
// records (a constraint: a duplicate or dangling id, a value out of range)
// rolls the transaction back and comes back as the error `why` makes of it;
// an environment failure still escapes, as Unavailable.
Status write_checked(Store& store, const std::function<void(soci::session&)>& fn,
                     const std::function<Error(const soci::soci_error&)>& why);

// An account from a row holding the account table's columns.
domain::Account account_from(const soci::row& r);

// A provision row as the domain type, and the insert that checks its constraints.
domain::Provision provision_from(const soci::row& r);
void insert_provision(soci::session& sql, const domain::Provision& p);
void insert_change(soci::session& sql, const domain::CareMapChange& c);
void insert_member(soci::session& sql, const domain::Member& m);
// Appends one status change to a household's history, in the transaction that
// moves the status (household_store, and plan_store for aftercare); `at` is
// the ISO 8601 moment it was recorded.
void insert_status_change(soci::session& sql, const std::string& household_id, const domain::StatusChange& c,
                          const std::string& at);

}  // namespace regie::store
