// Password hashing, sign-in throttling and session checks.
#include "service/auth.h"

#include <algorithm>
#include <sodium.h>

#include <stdexcept>

#include "common/log.h"
#include "service/totp.h"
#include "store/account_store.h"
#include "store/household_store.h"
#include "store/organisation_store.h"
#include "store/session_store.h"
#include "store/settings_store.h"
#include "domain/account.h"

namespace regie::service {
namespace {

void ensure_sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium could not be initialised");
}

std::string hex(const unsigned char* data, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, n);
  out.pop_back();
  return out;
}

std::string token_hash(const std::string& token) {
  unsigned char h[32];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
  return hex(h, sizeof h);
}

// The principal of an account, with the links its access rules need.
Principal principal_of(store::Store& store, const domain::Account& a, const std::string& csrf) {
  Principal p{a.username, a.display_name, a.role, csrf};
  if (a.professional_id) {
    p.professional_id = *a.professional_id;
    if (auto pro = store::OrganisationStore(store).professional(*a.professional_id)) p.organisation_id = pro->organisation_id;
  }
  if (a.member_id) {
    p.member_id = *a.member_id;
    if (auto household = store::HouseholdStore(store).household_of_member(p.member_id)) p.household_id = *household;
  }
  return p;
}

}  // namespace

std::string_view to_string(SignInRefusal r) {
  switch (r) {
    case SignInRefusal::none: return "none";
    case SignInRefusal::bad_credentials: return "bad_credentials";
    case SignInRefusal::code_required: return "code_required";
    case SignInRefusal::code_invalid: return "code_invalid";
    case SignInRefusal::totp_not_enrolled: return "totp_not_enrolled";
    case SignInRefusal::throttled: return "throttled";
    case SignInRefusal::use_identity_provider: return "use_identity_provider";
  }
  return "none";
}

bool needs_second_factor(domain::Role role) { return role != domain::Role::member; }

std::string hash_password(const std::string& password) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("out of memory while hashing a password");
  return out;
}

bool verify_password(const std::string& hash, const std::string& password) {
  ensure_sodium();
  if (hash.empty()) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string random_token(std::size_t bytes) {
  ensure_sodium();
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  return hex(reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
}

std::string installation_pseudonym_key(store::Store& store) {
  auto key = store::SettingsStore(store).get("pseudonym_key");
  if (!key) {
    store::SettingsStore(store).set("pseudonym_key", random_token(32));
    key = store::SettingsStore(store).get("pseudonym_key");
  }
  return *key;
}

Auth::Auth(store::Store& store, const Clock& clock, const Sealer* sealer, AuthPolicy policy)
    : store_(store), throttle_(store), clock_(clock), sealer_(sealer), policy_(policy) {}

Result<SignIn> Auth::sign_in(const std::string& username, const std::string& password, const std::string& code,
                            const std::string& client, SignInRefusal* why, std::int64_t* retry_after_s) {
  auto refuse = [&](SignInRefusal r, Error e) -> Result<SignIn> {
    if (why) *why = r;
    log::warn("sign_in.refused", R"({"reason":")" + std::string(to_string(r)) + "\"}");
    return e;
  };
  const auto now = clock_.now_seconds();
  // Hashed: what someone typed as a user name may be a password.
  const std::string user_key = token_hash("user:" + username), client_key = token_hash("client:" + client);
  const store::ThrottlePolicy tp{policy_.max_failures, policy_.failure_window_s, policy_.lockout_s};
  auto fail = [&](SignInRefusal r, Error e) {
    throttle_.record_failure(user_key, now, tp);
    throttle_.record_failure(client_key, now, tp);
    return refuse(r, std::move(e));
  };
  if (auto wait = std::max(throttle_.locked_for(user_key, now), throttle_.locked_for(client_key, now)); wait > 0) {
    if (retry_after_s) *retry_after_s = wait;
    return refuse(SignInRefusal::throttled,
                  Error{ErrorCode::throttled, "too many failed sign-in attempts; try again later"});
  }
  auto account = store::AccountStore(store_).find(username);
  // Verify against a dummy hash when the user does not exist, so that timing
  // does not tell which user names exist.
  static const std::string dummy = hash_password(random_token(16));
  bool good = verify_password(account ? account->password_hash : dummy, password) && account && !account->disabled;
  if (!good)
    return fail(SignInRefusal::bad_credentials, Error{ErrorCode::unauthenticated, "unknown user name or wrong password"});
  if (needs_second_factor(account->role) && !policy_.staff_passwords)
    return refuse(SignInRefusal::use_identity_provider,
                  Error{ErrorCode::unauthenticated, "sign in with your organisation's account"});
  if (needs_second_factor(account->role)) {
    store::AccountStore accounts(store_);
    auto totp = accounts.totp(account->username);
    std::optional<std::string> secret;
    if (totp && sealer_) secret = sealer_->open(totp->secret_sealed);
    if (!secret)
      return refuse(SignInRefusal::totp_not_enrolled,
                    Error{ErrorCode::unauthenticated,
                          "this account has no second factor set up yet; ask an administrator to set one up"});
    if (code.empty())
      return refuse(SignInRefusal::code_required,
                    Error{ErrorCode::unauthenticated, "enter the 6-digit code from your authenticator app"});
    auto step = totp_match(*secret, code, now);
    sodium_memzero(secret->data(), secret->size());
    // Claiming the step in the store refuses a code seen before, also when
    // another server process accepted it.
    if (!step || !accounts.claim_step(account->username, *step))
      return fail(SignInRefusal::code_invalid,
                  Error{ErrorCode::unauthenticated,
                        "the code is wrong or was used already; wait for the next code and try again"});
  }
  throttle_.clear(user_key);
  return open_session(*account, "password");
}

SignIn Auth::open_session(const domain::Account& account, std::string_view via) {
  const auto now = clock_.now_seconds();
  SignIn s;
  s.token = random_token(32);
  s.principal = principal_of(store_, account, random_token(16));
  store::SessionStore(store_).create(token_hash(s.token), store::SessionRecord{account.username, s.principal.csrf_token, now, now, {}});
  log::info("sign_in.ok", R"({"role":")" + std::string(domain::to_string(account.role)) + R"(","via":")" +
                              std::string(via) + "\"}");
  return s;
}

Result<Principal> Auth::authenticate(const std::string& token) {
  if (token.empty()) return Error{ErrorCode::unauthenticated, "sign in first"};
  const auto now = clock_.now_seconds();
  const auto key = token_hash(token);
  auto s = store::SessionStore(store_).find(key);
  if (!s) return Error{ErrorCode::unauthenticated, "sign in first"};
  if (now - s->last_seen_at > policy_.idle_timeout_s || now - s->created_at > policy_.absolute_timeout_s) {
    store::SessionStore(store_).remove(key);
    return Error{ErrorCode::unauthenticated, "your session has expired; sign in again"};
  }
  const auto& account = s->account;
  if (!account || account->disabled) {
    store::SessionStore(store_).remove(key);
    return Error{ErrorCode::unauthenticated, "this account is disabled"};
  }
  // Touch at most once a minute, to keep reads from turning into writes.
  if (now - s->last_seen_at >= 60) store::SessionStore(store_).touch(key, now);
  return principal_of(store_, *account, s->csrf_token);
}

void Auth::sign_out(const std::string& token) {
  if (!token.empty()) store::SessionStore(store_).remove(token_hash(token));
}

bool schema_current(store::Store& store) { return store.is_current(); }

}  // namespace regie::service
