// Time-based one-time passwords (RFC 6238) as authenticator apps make them:
// HMAC-SHA-1, 30-second steps from the Unix epoch, 6 digits. The arithmetic
// is liboath's; this file adds secrets, their otpauth:// form and their
// sealed storage. A secret is raw bytes in memory and never leaves the server
// except once, at enrolment, as an otpauth URI.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "common/result.h"
#include "common/sealer.h"
#include "store/store.h"

namespace regie::service {

inline constexpr std::int64_t kTotpStep = 30;
inline constexpr int kTotpDigits = 6;

// 20 random bytes, the size RFC 4226 recommends for HMAC-SHA-1.
std::string new_totp_secret();
// RFC 4648 base32 without padding, as authenticator apps take it.
std::string totp_base32(const std::string& secret);
// otpauth://totp/Regie:<user>?secret=...&issuer=Regie&algorithm=SHA1&digits=6&period=30
std::string otpauth_uri(const std::string& username, const std::string& secret);
// The code for the time step holding `unix_time`.
std::string totp_code(const std::string& secret, std::int64_t unix_time);
// The time step (counted from the epoch) whose code `code` is, looking one
// step either side of `now` to allow for clock drift; nothing when none.
std::optional<std::int64_t> totp_match(const std::string& secret, const std::string& code, std::int64_t now);

// Seals and stores `secret` as the account's second factor, replacing any
// earlier one (its used steps are forgotten with it).
Status store_totp_secret(store::Store& store, const Sealer& sealer, const std::string& username,
                         const std::string& secret, std::int64_t now);

}  // namespace regie::service
