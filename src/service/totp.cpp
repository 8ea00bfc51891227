// TOTP through liboath; secrets sealed with the server's key.
#include "service/totp.h"

#include <liboath/oath.h>
#include <sodium.h>

#include <cctype>
#include <cstdlib>
#include <stdexcept>

#include "store/account_store.h"

namespace regie::service {
namespace {

void ensure_oath() {
  static const bool ready = oath_init() == OATH_OK && sodium_init() >= 0;
  if (!ready) throw std::runtime_error("liboath could not be initialised");
}

// Percent-encoding for the label of an otpauth URI.
std::string uri_escape(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace

std::string new_totp_secret() {
  ensure_oath();
  std::string s(20, '\0');
  randombytes_buf(s.data(), s.size());
  return s;
}

std::string totp_base32(const std::string& secret) {
  ensure_oath();
  char* out = nullptr;
  std::size_t n = 0;
  if (oath_base32_encode(secret.data(), secret.size(), &out, &n) != OATH_OK)
    throw std::runtime_error("base32 encoding failed");
  std::string s(out, n);
  sodium_memzero(out, n);
  std::free(out);
  while (!s.empty() && s.back() == '=') s.pop_back();
  return s;
}

std::string otpauth_uri(const std::string& username, const std::string& secret) {
  return "otpauth://totp/Regie:" + uri_escape(username) + "?secret=" + totp_base32(secret) +
         "&issuer=Regie&algorithm=SHA1&digits=" + std::to_string(kTotpDigits) + "&period=" + std::to_string(kTotpStep);
}

std::string totp_code(const std::string& secret, std::int64_t unix_time) {
  ensure_oath();
  char out[kTotpDigits + 1] = {};
  if (oath_totp_generate(secret.data(), secret.size(), static_cast<time_t>(unix_time), kTotpStep, 0, kTotpDigits,
                         out) != OATH_OK)
    throw std::runtime_error("TOTP generation failed");
  return out;
}

std::optional<std::int64_t> totp_match(const std::string& secret, const std::string& code, std::int64_t now) {
  ensure_oath();
  if (code.size() != static_cast<std::size_t>(kTotpDigits)) return std::nullopt;
  for (char c : code)
    if (c < '0' || c > '9') return std::nullopt;
  int pos = 0;
  std::uint64_t counter = 0;
  int rc = oath_totp_validate3(secret.data(), secret.size(), static_cast<time_t>(now), kTotpStep, 0, 1, &pos,
                               &counter, code.c_str());
  if (rc < 0) return std::nullopt;
  return static_cast<std::int64_t>(counter);
}

Status store_totp_secret(store::Store& store, const Sealer& sealer, const std::string& username,
                         const std::string& secret, std::int64_t now) {
  return store::AccountStore(store).set_totp(username, sealer.seal(secret), now);
}

}  // namespace regie::service
