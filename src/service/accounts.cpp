#include "service/accounts.h"

#include <algorithm>

#include "service/audit.h"
#include "service/totp.h"
#include "store/account_store.h"
#include "store/organisation_store.h"
#include "domain/account.h"

namespace regie::service {
namespace {

using domain::Role;

bool valid_username(const std::string& u) {
  if (u.size() < 2 || u.size() > 64) return false;
  for (char c : u)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) return false;
  return true;
}

// The audit subject of an account, kept apart from household ids.
std::string subject_of(const std::string& username) { return "account:" + username; }

AccountSummary summary_of(const domain::Account& a, bool second_factor) {
  AccountSummary s{a.username, a.display_name, a.role, a.disabled, a.professional_id, a.member_id, second_factor};
  s.phone = a.phone;
  s.email = a.email;
  return s;
}

Error unavailable_without_key() {
  return Error{ErrorCode::unavailable,
               "the server has no secret key file, so it cannot keep second-factor secrets; start it with one"};
}

}  // namespace

Status check_contact(const std::string& phone, const std::string& email) {
  if (!phone.empty()) {
    const bool chars = phone.find_first_not_of("0123456789+-() ") == std::string::npos;
    const auto digits = std::count_if(phone.begin(), phone.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!chars || phone.size() > 30 || digits < 6)
      return invalid("phone: 6 to 30 characters, digits with spaces, '+', '-' or brackets");
  }
  if (!email.empty()) {
    const auto at = email.find('@');
    const bool shape = at != std::string::npos && at > 0 && email.find('@', at + 1) == std::string::npos &&
                       email.find('.', at + 2) != std::string::npos && email.back() != '.';
    const bool chars = std::none_of(email.begin(), email.end(), [](unsigned char c) { return c <= ' ' || c == 127; });
    if (!shape || !chars || email.size() > 254) return invalid("email: an address like name@example.nl, up to 254 characters");
  }
  return ok_status();
}

Status check_new_password(const std::string& password) {
  if (password.size() < 12 || password.size() > 1024) return invalid("password: 12 to 1024 characters");
  if (password.find_first_not_of(" \t") == std::string::npos) return invalid("password: not only spaces");
  return ok_status();
}

Accounts::Accounts(store::Store& store, const Clock& clock, const Sealer* sealer)
    : store_(store), clock_(clock), sealer_(sealer) {}

bool Accounts::is_administrator(const Principal& who, const std::string& action, const std::string& subject) {
  bool allowed = who.role == Role::administrator;
  record_access(store_, clock_, who, action, subject, allowed);
  return allowed;
}

Result<CreatedAccount> Accounts::create(const Principal& who, const NewAccount& a) {
  if (!is_administrator(who, "account.create", subject_of(a.username)))
    return Error{ErrorCode::forbidden, "only an administrator can create accounts"};
  if (!valid_username(a.username))
    return invalid("username: 2 to 64 characters from a-z, 0-9, '.', '_' and '-'");
  if (a.display_name.empty() || a.display_name.size() > 200) return invalid("display_name: 1 to 200 characters");
  if (a.role == Role::professional) {
    if (!a.professional_id) return invalid("professional_id: required for a professional's account");
    if (!store::OrganisationStore(store_).professional(*a.professional_id)) return invalid("professional_id: no such professional");
  } else if (a.professional_id) {
    return invalid("professional_id: only a professional's account links to a professional");
  }
  store::AccountStore accounts(store_);
  if (a.role == Role::member) {
    if (!a.member_id) return invalid("member_id: required for a household member's account");
    if (!accounts.member_exists(*a.member_id)) return invalid("member_id: no such household member");
  } else if (a.member_id) {
    return invalid("member_id: only a household member's account links to a member");
  }
  if (a.password)
    if (auto st = check_new_password(*a.password); !st) return st.error();
  if (auto st = check_contact(a.phone, a.email); !st) return st.error();
  const bool second = needs_second_factor(a.role);
  if (second && !sealer_) return unavailable_without_key();

  CreatedAccount out;
  if (!a.password) out.initial_password = random_token(10);
  domain::Account account{a.username, a.display_name, a.role,
                          hash_password(a.password ? *a.password : out.initial_password), false,
                          a.professional_id, a.member_id, a.phone, a.email};
  if (auto st = accounts.create(account, clock_.now_iso8601()); !st) return st.error();
  if (second) {
    auto secret = new_totp_secret();
    if (auto st = store_totp_secret(store_, *sealer_, a.username, secret, clock_.now_seconds()); !st)
      return st.error();
    out.otpauth_uri = otpauth_uri(a.username, secret);
  }
  out.account = summary_of(account, second);
  return out;
}

Result<std::vector<AccountSummary>> Accounts::list(const Principal& who) {
  if (!is_administrator(who, "account.list", "accounts"))
    return Error{ErrorCode::forbidden, "only an administrator can list accounts"};
  auto enrolled = store::AccountStore(store_).enrolled();
  auto used = store::AccountStore(store_).codes_used();
  std::vector<AccountSummary> out;
  for (auto& a : store::AccountStore(store_).list()) {
    out.push_back(summary_of(a, std::binary_search(enrolled.begin(), enrolled.end(), a.username)));
    out.back().second_factor_in_use = std::binary_search(used.begin(), used.end(), a.username);
  }
  return out;
}

Status Accounts::set_disabled(const Principal& who, const std::string& username, bool disabled) {
  if (!is_administrator(who, disabled ? "account.disable" : "account.enable", subject_of(username)))
    return Error{ErrorCode::forbidden, "only an administrator can disable or enable accounts"};
  if (disabled && username == who.username) return invalid("username: you cannot disable your own account");
  return store::AccountStore(store_).set_disabled(username, disabled);
}

Status Accounts::set_contact(const Principal& who, const std::string& username, const std::string& phone,
                             const std::string& email) {
  if (!is_administrator(who, "account.contact", subject_of(username)))
    return Error{ErrorCode::forbidden, "only an administrator can change an account's phone and e-mail"};
  if (auto st = check_contact(phone, email); !st) return st.error();
  return store::AccountStore(store_).set_contact(username, phone, email);
}

Result<std::string> Accounts::reset_second_factor(const Principal& who, const std::string& username) {
  if (!is_administrator(who, "account.reset_totp", subject_of(username)))
    return Error{ErrorCode::forbidden, "only an administrator can reset a second factor"};
  auto account = store::AccountStore(store_).find(username);
  if (!account) return not_found("no account with that user name");
  if (!needs_second_factor(account->role)) return invalid("username: a household member signs in without a code");
  if (!sealer_) return unavailable_without_key();
  auto secret = new_totp_secret();
  if (auto st = store_totp_secret(store_, *sealer_, username, secret, clock_.now_seconds()); !st) return st.error();
  return otpauth_uri(username, secret);
}

}  // namespace regie::service
