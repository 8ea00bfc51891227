// Accounts: reading them, their password and disabled flag as an
// administrator manages them, and their second factor. The
// TOTP secret arrives here sealed (see common/sealer.h); this layer never sees
// it in the clear.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/account.h"
#include "store/store.h"

namespace regie::store {

struct TotpRecord {
  std::string secret_sealed;
  std::int64_t last_step = 0;  // the newest time step a code was accepted for
};

class AccountStore {
 public:
  explicit AccountStore(Store& store) : store_(store) {}

  std::optional<domain::Account> find(const std::string& username);
  std::vector<domain::Account> list();  // by user name
  Status set_password_hash(const std::string& username, const std::string& hash);
  // Disabling also ends every session of the account, in the same transaction.
  Status set_disabled(const std::string& username, bool disabled);
  // Phone and e-mail (empty clears them); an unknown user name is not_found.
  Status set_contact(const std::string& username, const std::string& phone, const std::string& email);

  // A new account; a user name that exists already is a conflict.
  Status create(const domain::Account& a, const std::string& created_at);
  // Usernames that have a TOTP secret.
  std::vector<std::string> enrolled();
  // The accounts whose current secret has accepted a code: the person has
  // set up the authenticator app, not only been given its QR code. Sorted.
  std::vector<std::string> codes_used();
  std::optional<TotpRecord> totp(const std::string& username);
  // Sets (or replaces) the sealed secret; a new secret starts with no used step.
  Status set_totp(const std::string& username, const std::string& secret_sealed, std::int64_t now);
  // Records `step` as used when it is newer than every step used before, in
  // one statement, so that two servers cannot both accept the same code.
  bool claim_step(const std::string& username, std::int64_t step);
  bool member_exists(const std::string& member_id);

 private:
  Store& store_;
};

}  // namespace regie::store
