// Account administration: creating accounts, listing them, disabling and
// enabling them, and resetting their second factor. Only an administrator may;
// everyone else gets 403 and the attempt is audited. Secrets (the initial
// password, the TOTP secret) are returned once, by the call that makes them,
// and kept only as a hash or sealed.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "common/sealer.h"
#include "service/auth.h"
#include "store/store.h"
#include "domain/account.h"

namespace regie::service {

struct NewAccount {
  std::string username;
  std::string display_name;
  domain::Role role = domain::Role::member;
  std::optional<std::string> professional_id;  // required for professionals
  std::optional<std::string> member_id;        // required for household members
  // The first password, when the creator chose it (the command line reads it
  // from a file or standard input); otherwise one is made and returned once.
  std::optional<std::string> password = std::nullopt;
  std::string phone = {}, email = {};  // optional; shown to the households of a director
};

// A chosen password: 12 to 1024 bytes, not only spaces. The message never
// repeats the password.
Status check_new_password(const std::string& password);
// A phone number (digits, spaces, '+', '-', brackets; 6 or more digits) and an
// e-mail address of the plain name@domain.tld shape; either may be empty.
Status check_contact(const std::string& phone, const std::string& email);

// What a list shows: never a hash or a secret.
struct AccountSummary {
  std::string username;
  std::string display_name;
  domain::Role role = domain::Role::member;
  bool disabled = false;
  std::optional<std::string> professional_id;
  std::optional<std::string> member_id;
  bool second_factor = false;          // a TOTP secret is issued
  bool second_factor_in_use = false;   // and a code from it was accepted at sign-in
  std::string phone = {}, email = {};
};

struct CreatedAccount {
  AccountSummary account;
  std::string initial_password;  // shown once; empty when the creator chose it
  std::string otpauth_uri;       // shown once; empty for household members
};

class Accounts {
 public:
  // Without a sealer, accounts that need a second factor cannot be created.
  Accounts(store::Store& store, const Clock& clock, const Sealer* sealer);

  Result<CreatedAccount> create(const Principal& who, const NewAccount& a);
  Result<std::vector<AccountSummary>> list(const Principal& who);
  // Disabling ends the account's sessions at once. An administrator cannot
  // disable their own account (so that one is always left to undo it).
  Status set_disabled(const Principal& who, const std::string& username, bool disabled);
  // Phone and e-mail of an account (empty clears them). A director's are
  // shown to the households they direct, on their own page.
  Status set_contact(const Principal& who, const std::string& username, const std::string& phone,
                     const std::string& email);
  // A new TOTP secret for the account, as an otpauth URI shown once; the old
  // secret stops working at once.
  Result<std::string> reset_second_factor(const Principal& who, const std::string& username);

 private:
  bool is_administrator(const Principal& who, const std::string& action, const std::string& subject);

  store::Store& store_;
  const Clock& clock_;
  const Sealer* sealer_;
};

}  // namespace regie::service
