// Accounts and their TOTP secrets on both backends.
#include "store/account_store.h"

#include <soci/soci.h>

#include "store/rows.h"
#include "domain/account.h"

namespace regie::store {

domain::Account account_from(const soci::row& r) {
  domain::Account a;
  a.username = str(r, "username");
  a.display_name = str(r, "display_name");
  a.role = must(domain::parse_role(str(r, "role")), "role");
  a.password_hash = str(r, "password_hash");
  a.disabled = i64(r, "disabled") != 0;
  a.professional_id = opt_str(r, "professional_id");
  a.member_id = opt_str(r, "member_id");
  a.phone = opt_str(r, "phone").value_or("");
  a.email = opt_str(r, "email").value_or("");
  return a;
}

std::optional<domain::Account> AccountStore::find(const std::string& username) {
  std::optional<domain::Account> out;
  // Kept prepared on the pooled connection (Store::query): one round trip.
  store_.query("SELECT * FROM account WHERE username = :u", {username}, [&](const soci::row& r) {
    if (!out) out = account_from(r);
  });
  return out;
}

std::vector<domain::Account> AccountStore::list() {
  std::vector<domain::Account> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs = (sql.prepare << "SELECT * FROM account ORDER BY username");
    for (auto& r : rs) out.push_back(account_from(r));
  });
  return out;
}

Status AccountStore::set_password_hash(const std::string& username, const std::string& hash) {
  Status out = ok_status();
  store_.write([&](soci::session& sql) {
    soci::statement st = (sql.prepare << "UPDATE account SET password_hash = :h WHERE username = :u", soci::use(hash),
                          soci::use(username));
    st.execute(true);
    if (st.get_affected_rows() == 0) out = not_found("no account with that user name");
  });
  return out;
}

Status AccountStore::set_disabled(const std::string& username, bool disabled) {
  Status out = ok_status();
  int flag = disabled ? 1 : 0;
  store_.write([&](soci::session& sql) {
    soci::statement st = (sql.prepare << "UPDATE account SET disabled = :d WHERE username = :u", soci::use(flag),
                          soci::use(username));
    st.execute(true);
    if (st.get_affected_rows() == 0) {
      out = not_found("no account with that user name");
      return;
    }
    if (disabled) sql << "DELETE FROM session WHERE username = :u", soci::use(username);
  });
  return out;
}

Status AccountStore::create(const domain::Account& a, const std::string& created_at) {
  Status out = ok_status();
  store_.write([&](soci::session& sql) {
    int exists = 0;
    sql << "SELECT COUNT(*) FROM account WHERE username = :u", soci::use(a.username), soci::into(exists);
    if (exists) {
      out = Error{ErrorCode::conflict, "an account with that user name exists already"};
      return;
    }
    int disabled = a.disabled ? 1 : 0;
    soci::indicator pro = a.professional_id ? soci::i_ok : soci::i_null;
    soci::indicator mem = a.member_id ? soci::i_ok : soci::i_null;
    std::string pro_id = a.professional_id.value_or(""), mem_id = a.member_id.value_or("");
    std::string role(domain::to_string(a.role));
    soci::indicator phone = a.phone.empty() ? soci::i_null : soci::i_ok;
    soci::indicator email = a.email.empty() ? soci::i_null : soci::i_ok;
    sql << "INSERT INTO account (username, display_name, role, password_hash, disabled, created_at, professional_id, "
           "member_id, phone, email) VALUES (:u, :d, :r, :h, :x, :c, :p, :m, :ph, :em)",
        soci::use(a.username), soci::use(a.display_name), soci::use(role), soci::use(a.password_hash),
        soci::use(disabled), soci::use(created_at), soci::use(pro_id, pro), soci::use(mem_id, mem),
        soci::use(a.phone, phone), soci::use(a.email, email);
  });
  return out;
}

Status AccountStore::set_contact(const std::string& username, const std::string& phone, const std::string& email) {
  Status out = ok_status();
  store_.write([&](soci::session& sql) {
    soci::indicator ph = phone.empty() ? soci::i_null : soci::i_ok;
    soci::indicator em = email.empty() ? soci::i_null : soci::i_ok;
    soci::statement st = (sql.prepare << "UPDATE account SET phone = :p, email = :e WHERE username = :u",
                          soci::use(phone, ph), soci::use(email, em), soci::use(username));
    st.execute(true);
    if (st.get_affected_rows() == 0) out = not_found("no account with that user name");
  });
  return out;
}

std::vector<std::string> AccountStore::enrolled() {
  std::vector<std::string> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<std::string> rs = (sql.prepare << "SELECT username FROM account_totp ORDER BY username");
    for (auto& u : rs) out.push_back(u);
  });
  return out;
}

std::vector<std::string> AccountStore::codes_used() {
  std::vector<std::string> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<std::string> rs =
        (sql.prepare << "SELECT username FROM account_totp WHERE last_step > 0 ORDER BY username");
    for (auto& u : rs) out.push_back(u);
  });
  return out;
}

std::optional<TotpRecord> AccountStore::totp(const std::string& username) {
  std::optional<TotpRecord> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT secret_sealed, last_step FROM account_totp WHERE username = :u", soci::use(username));
    for (auto& r : rs) out = TotpRecord{str(r, "secret_sealed"), i64(r, "last_step")};
  });
  return out;
}

Status AccountStore::set_totp(const std::string& username, const std::string& secret_sealed, std::int64_t now) {
  Status out = ok_status();
  store_.write([&](soci::session& sql) {
    int exists = 0;
    sql << "SELECT COUNT(*) FROM account WHERE username = :u", soci::use(username), soci::into(exists);
    if (!exists) {
      out = not_found("no account with that user name");
      return;
    }
    long long at = now;
    sql << "DELETE FROM account_totp WHERE username = :u", soci::use(username);
    sql << "INSERT INTO account_totp (username, secret_sealed, last_step, enrolled_at) VALUES (:u, :s, 0, :a)",
        soci::use(username), soci::use(secret_sealed), soci::use(at);
  });
  return out;
}

bool AccountStore::claim_step(const std::string& username, std::int64_t step) {
  bool claimed = false;
  store_.write([&](soci::session& sql) {
    long long s = step;
    soci::statement st = (sql.prepare << "UPDATE account_totp SET last_step = :s WHERE username = :u AND last_step < :s2",
                          soci::use(s, "s"), soci::use(username, "u"), soci::use(s, "s2"));
    st.execute(true);
    claimed = st.get_affected_rows() == 1;
  });
  return claimed;
}

bool AccountStore::member_exists(const std::string& member_id) {
  int n = 0;
  store_.read([&](soci::session& sql) {
    sql << "SELECT COUNT(*) FROM member WHERE id = :m", soci::use(member_id), soci::into(n);
  });
  return n > 0;
}

}  // namespace regie::store
