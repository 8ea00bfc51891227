// SQL of the pending OpenID Connect sign-ins; see identity_store.h.
#include "store/identity_store.h"

#include "store/account_store.h"

#include <soci/soci.h>

#include <algorithm>
#include <cctype>

namespace regie::store {

Status IdentityStore::add_pending(const std::string& state_hash, const OidcPending& p, std::int64_t forget_before) {
  long long created = p.created_at, forget = forget_before;
  store_.write([&](soci::session& sql) {
    sql << "DELETE FROM oidc_pending WHERE created_at < :f", soci::use(forget);
    sql << "INSERT INTO oidc_pending (state_hash, provider, browser_hash, nonce, verifier, redirect_uri, created_at) "
           "VALUES (:s, :p, :b, :n, :v, :r, :c)",
        soci::use(state_hash, "s"), soci::use(p.provider, "p"), soci::use(p.browser_hash, "b"),
        soci::use(p.nonce, "n"), soci::use(p.verifier, "v"), soci::use(p.redirect_uri, "r"), soci::use(created, "c");
  });
  return ok_status();
}

std::optional<OidcPending> IdentityStore::take_pending(const std::string& state_hash, std::int64_t not_before) {
  std::optional<OidcPending> out;
  store_.write([&](soci::session& sql) {
    OidcPending p;
    long long created = 0;
    sql << "SELECT provider, browser_hash, nonce, verifier, redirect_uri, created_at FROM oidc_pending "
           "WHERE state_hash = :s",
        soci::use(state_hash), soci::into(p.provider), soci::into(p.browser_hash), soci::into(p.nonce),
        soci::into(p.verifier), soci::into(p.redirect_uri), soci::into(created);
    if (!sql.got_data()) return;
    // Only the server whose delete removed the row may go on with it: on
    // PostgreSQL a second server's delete waits for this one and finds nothing.
    soci::statement st = (sql.prepare << "DELETE FROM oidc_pending WHERE state_hash = :s", soci::use(state_hash));
    st.execute(true);
    if (st.get_affected_rows() != 1 || created < not_before) return;
    p.created_at = created;
    out = std::move(p);
  });
  return out;
}

std::optional<std::string> IdentityStore::account_by_email(const std::string& email) {
  std::string lower = email;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  std::optional<std::string> out;
  store_.read([&](soci::session& sql) {
    std::string username;
    // More than one account with the address links none: which person is meant is not clear.
    soci::rowset<std::string> rows = (sql.prepare << "SELECT username FROM account WHERE LOWER(email) = :e "
                                                     "ORDER BY username",
                                      soci::use(lower));
    int n = 0;
    for (auto& u : rows) {
      if (++n == 1) username = u;
    }
    if (n == 1) out = username;
  });
  return out;
}

std::optional<domain::Account> IdentityStore::account_of_member(const std::string& member_id) {
  std::optional<std::string> username;
  store_.read([&](soci::session& sql) {
    std::string u;
    sql << "SELECT username FROM account WHERE member_id = :m AND role = 'member' ORDER BY created_at, username LIMIT 1",
        soci::use(member_id), soci::into(u);
    if (sql.got_data()) username = u;
  });
  if (!username) return std::nullopt;
  return AccountStore(store_).find(*username);
}

}  // namespace regie::store
