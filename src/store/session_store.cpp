// SQL of sessions; see session_store.h.
#include "store/session_store.h"

#include <soci/soci.h>

#include "store/account_store.h"
#include "store/rows.h"

namespace regie::store {

Status SessionStore::create(const std::string& token_hash, const SessionRecord& s) {
  long long created = s.created_at, seen = s.last_seen_at;
  store_.write([&](soci::session& sql) {
    sql << "INSERT INTO session (token_hash, username, csrf_token, created_at, last_seen_at) "
           "VALUES (:t, :u, :c, :a, :b)",
        soci::use(token_hash), soci::use(s.username), soci::use(s.csrf_token), soci::use(created), soci::use(seen);
  });
  return ok_status();
}

std::optional<SessionRecord> SessionStore::find(const std::string& token_hash) {
  std::optional<SessionRecord> out;
  store_.query(
      "SELECT s.username AS session_user, s.csrf_token, s.created_at AS session_created, s.last_seen_at, "
      "a.username, a.display_name, a.role, a.password_hash, a.disabled, a.professional_id, a.member_id, a.phone, a.email "
      "FROM session s LEFT JOIN account a ON a.username = s.username WHERE s.token_hash = :t",
      {token_hash}, [&](const soci::row& r) {
        out = SessionRecord{
            str(r, "session_user"), str(r, "csrf_token"), i64(r, "session_created"), i64(r, "last_seen_at"), {}};
        if (r.get_indicator("username") != soci::i_null) out->account = account_from(r);
      });
  return out;
}

void SessionStore::touch(const std::string& token_hash, std::int64_t now) {
  long long n = now;
  store_.write([&](soci::session& sql) {
    sql << "UPDATE session SET last_seen_at = :n WHERE token_hash = :t", soci::use(n), soci::use(token_hash);
  });
}

void SessionStore::remove(const std::string& token_hash) {
  store_.write([&](soci::session& sql) { sql << "DELETE FROM session WHERE token_hash = :t", soci::use(token_hash); });
}

void SessionStore::remove_of(const std::string& username) {
  store_.write([&](soci::session& sql) { sql << "DELETE FROM session WHERE username = :u", soci::use(username); });
}

}  // namespace regie::store
