// Sign-in throttling on both backends. The row is created first (a no-op when
// it exists) so that the updates after it hold its lock: on PostgreSQL a
// second server's failure for the same key waits for this transaction, and
// on SQLite the write transaction serialises everything anyway.
#include "store/throttle_store.h"

#include <soci/soci.h>

namespace regie::store {

std::int64_t ThrottleStore::locked_for(const std::string& key_hash, std::int64_t now) {
  std::int64_t out = 0;
  store_.read([&](soci::session& sql) {
    long long until = 0;
    soci::indicator ind = soci::i_null;
    sql << "SELECT locked_until FROM sign_in_failure WHERE key_hash = :k", soci::use(key_hash),
        soci::into(until, ind);
    if (sql.got_data() && ind == soci::i_ok && until > now) out = until - now;
  });
  return out;
}

void ThrottleStore::record_failure(const std::string& key_hash, std::int64_t now, const ThrottlePolicy& policy) {
  long long at = now, window = policy.window_s, lockout_end = now + policy.lockout_s, forget = now - policy.window_s;
  int max = policy.max_failures;
  store_.write([&](soci::session& sql) {
    sql << "INSERT INTO sign_in_failure (key_hash, failures, first_at, locked_until) VALUES (:k, 0, :a, 0) "
           "ON CONFLICT (key_hash) DO NOTHING",
        soci::use(key_hash, "k"), soci::use(at, "a");
    // A failure after the window starts a new count.
    sql << "UPDATE sign_in_failure SET failures = 0, first_at = :a, locked_until = 0 "
           "WHERE key_hash = :k AND :a2 - first_at > :w AND locked_until <= :a3",
        soci::use(at, "a"), soci::use(key_hash, "k"), soci::use(at, "a2"), soci::use(window, "w"),
        soci::use(at, "a3");
    sql << "UPDATE sign_in_failure SET failures = failures + 1 WHERE key_hash = :k", soci::use(key_hash, "k");
    sql << "UPDATE sign_in_failure SET locked_until = :u WHERE key_hash = :k AND failures >= :m AND locked_until <= :a",
        soci::use(lockout_end, "u"), soci::use(key_hash, "k"), soci::use(max, "m"), soci::use(at, "a");
    // Quiet keys (window over, no lock in force) carry no information any more.
    sql << "DELETE FROM sign_in_failure WHERE first_at < :f AND locked_until <= :a AND key_hash <> :k",
        soci::use(forget, "f"), soci::use(at, "a"), soci::use(key_hash, "k");
  });
}

void ThrottleStore::clear(const std::string& key_hash) {
  store_.write([&](soci::session& sql) {
    sql << "DELETE FROM sign_in_failure WHERE key_hash = :k", soci::use(key_hash);
  });
}

}  // namespace regie::store
