// Sign-ins that went to an OpenID Connect provider and have not come back
// yet (table oidc_pending). Kept in the store so that any server behind the
// proxy can finish a sign-in another one started.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "common/result.h"
#include "domain/account.h"
#include "store/store.h"

namespace regie::store {

struct OidcPending {
  std::string provider;      // "staff" or "citizen"
  std::string browser_hash;  // hash of the cookie that ties it to one browser
  std::string nonce;
  std::string verifier;      // PKCE code verifier
  std::string redirect_uri;
  std::int64_t created_at = 0;
};

class IdentityStore {
 public:
  explicit IdentityStore(Store& store) : store_(store) {}

  // Stores a new pending sign-in and removes those older than `forget_before`.
  Status add_pending(const std::string& state_hash, const OidcPending& p, std::int64_t forget_before);
  // Takes the pending sign-in out of the store: it is returned to exactly one
  // caller, however many servers ask at once; nothing for an unknown, used or
  // expired state.
  std::optional<OidcPending> take_pending(const std::string& state_hash, std::int64_t not_before);

  // The one account whose e-mail address is `email` (case-insensitive);
  // none when no account or more than one has it.
  std::optional<std::string> account_by_email(const std::string& email);
  // The account of a household member (the oldest, should there be more).
  std::optional<domain::Account> account_of_member(const std::string& member_id);

 private:
  Store& store_;
};

}  // namespace regie::store
