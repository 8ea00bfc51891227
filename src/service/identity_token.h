// Checking an OpenID Connect ID token (OpenID Connect Core 3.1.3.7): its
// signature against the provider's published keys (JWKS, through cjose), its
// issuer, audience, times and nonce. No signature code of our own.
#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "common/result.h"

namespace regie::service {

// A provider's published signing keys, imported once.
class KeySet {
 public:
  // invalid_input when the document is not a JWKS.
  static Result<std::shared_ptr<const KeySet>> parse(const std::string& jwks_json);
  ~KeySet();
  KeySet(const KeySet&) = delete;
  KeySet& operator=(const KeySet&) = delete;
  struct Key;
  const Key* find(const std::string& kid, const std::string& kty) const;

 private:
  KeySet() = default;
  struct Keys;
  std::unique_ptr<Keys> keys_;
};

struct TokenExpectations {
  std::string issuer;
  std::string client_id;
  std::string nonce;
  std::int64_t now = 0;
  std::int64_t clock_skew_s = 120;
};

// Why a token was refused. `unknown_key` asks the caller to fetch the keys
// again once (the provider may have rotated them) and retry.
enum class TokenProblem { none, malformed, unknown_key, bad_signature, wrong_issuer, wrong_audience, expired,
                          not_yet_valid, wrong_nonce };
std::string_view to_string(TokenProblem p);

struct VerifiedToken {
  nlohmann::json claims;
  TokenProblem problem = TokenProblem::none;
  bool ok() const { return problem == TokenProblem::none; }
};

VerifiedToken verify_id_token(const std::string& compact, const KeySet& keys, const TokenExpectations& want);

}  // namespace regie::service
