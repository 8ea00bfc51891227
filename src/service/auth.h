// Sign-in and sessions. Passwords are hashed with Argon2id (libsodium); a
// session token is 256 random bits handed to the browser in an HttpOnly
// cookie, and only its hash is stored. Sessions end after an idle and an
// absolute timeout, and at once when the account is disabled.
//
// Thread-safe. Failed sign-ins are throttled per user name and per client;
// the counts live in the store, so several server processes share them.
#pragma once
#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/result.h"
#include "common/sealer.h"
#include "domain/account.h"
#include "store/store.h"
#include "store/throttle_store.h"

namespace regie::service {

struct Principal {
  std::string username;
  std::string display_name;
  domain::Role role = domain::Role::member;
  std::string csrf_token;
  // For professionals: their professional record and its organisation. For
  // household members: the member and their household. Empty otherwise.
  std::string professional_id = {};
  std::string organisation_id = {};
  std::string member_id = {};
  std::string household_id = {};
  // Where the request came from (remote address), for the audit trail.
  std::string client = {};
};

struct SignIn {
  std::string token;  // goes into the cookie only; never logged
  Principal principal;
};

struct AuthPolicy {
  std::int64_t idle_timeout_s = 30 * 60;
  std::int64_t absolute_timeout_s = 12 * 3600;
  int max_failures = 5;                // within the window, then locked
  std::int64_t failure_window_s = 15 * 60;
  std::int64_t lockout_s = 15 * 60;
  // False when staff sign in only through the organisation's identity
  // provider (docs/identity.md); household members keep their password.
  bool staff_passwords = true;
};

// Why a sign-in was refused, for the client to act on (ask for the code,
// tell the user to see an administrator). Only a correct password gets past
// bad_credentials; see docs/accounts.md for why that is acceptable.
enum class SignInRefusal {
  none,
  bad_credentials,    // unknown user, wrong password or disabled account
  code_required,      // the password is right; the second factor is missing
  code_invalid,       // the code is wrong, too old, or was used already
  totp_not_enrolled,  // the account needs a second factor it does not have yet
  throttled,          // too many failures; locked out for a while
  use_identity_provider,  // the password is right, but staff sign in through the identity provider
};
std::string_view to_string(SignInRefusal r);

// Every role but a household member signs in with a TOTP code as well.
bool needs_second_factor(domain::Role role);

// Argon2id hash string for storage; throws only when memory is exhausted.
std::string hash_password(const std::string& password);
bool verify_password(const std::string& hash, const std::string& password);
// Random URL-safe secret of `bytes` random bytes (hex encoded).
std::string random_token(std::size_t bytes);

// The installation's pseudonym key, kept in the store and created on first
// use. Safe when several processes ask at once: the stored key is returned.
std::string installation_pseudonym_key(store::Store& store);

class Auth {
 public:
  // `sealer` opens the stored TOTP secrets; without it, only accounts that
  // need no second factor can sign in.
  Auth(store::Store& store, const Clock& clock, const Sealer* sealer, AuthPolicy policy = {});

  // `code` is the TOTP code ("" when the user gave none); `client` identifies
  // the caller for throttling (e.g. the remote address). A wrong password and
  // a wrong code both count as failures. `why` (when given) receives the reason
  // of a refusal; `retry_after_s` how long a lock-out still lasts.
  Result<SignIn> sign_in(const std::string& username, const std::string& password, const std::string& code,
                         const std::string& client, SignInRefusal* why = nullptr,
                         std::int64_t* retry_after_s = nullptr);
  // A session for an account whose person proved who they are elsewhere (an
  // OpenID Connect provider, DigiD); the caller has checked that the account
  // is active. `via` goes into the log ("oidc", "digid").
  SignIn open_session(const domain::Account& account, std::string_view via);
  // Checks the token's session and refreshes its idle timer.
  Result<Principal> authenticate(const std::string& token);
  void sign_out(const std::string& token);

 private:
  store::Store& store_;
  store::ThrottleStore throttle_;
  const Clock& clock_;
  const Sealer* sealer_;
  AuthPolicy policy_;
};

// For the health check: true when the store's schema is the one this build expects.
bool schema_current(store::Store& store);

}  // namespace regie::service
