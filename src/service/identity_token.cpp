// ID token checks with cjose (signature) and nlohmann-json (claims).
#include "service/identity_token.h"

#include <cjose/cjose.h>
#include <sodium.h>

#include <set>
#include <vector>

namespace regie::service {

struct KeySet::Key {
  std::string kid, kty;
  cjose_jwk_t* jwk = nullptr;
};

struct KeySet::Keys {
  std::vector<Key> list;
  ~Keys() {
    for (auto& k : list) cjose_jwk_release(k.jwk);
  }
};

KeySet::~KeySet() = default;

Result<std::shared_ptr<const KeySet>> KeySet::parse(const std::string& jwks_json) {
  auto doc = nlohmann::json::parse(jwks_json, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("keys") || !doc["keys"].is_array())
    return invalid("the provider's key set (jwks_uri) is not a JSON Web Key Set");
  std::shared_ptr<KeySet> set(new KeySet());
  set->keys_ = std::make_unique<Keys>();
  for (auto& k : doc["keys"]) {
    if (!k.is_object()) continue;
    // Only signing keys; an encryption key must never check a signature.
    if (k.contains("use") && k["use"] != "sig") continue;
    const std::string kty = k.value("kty", "");
    if (kty != "RSA" && kty != "EC") continue;
    const std::string text = k.dump();
    cjose_err err;
    cjose_jwk_t* jwk = cjose_jwk_import(text.c_str(), text.size(), &err);
    if (!jwk) continue;  // a key type or curve cjose does not know: not usable for us
    set->keys_->list.push_back({k.value("kid", ""), kty, jwk});
  }
  return std::shared_ptr<const KeySet>(std::move(set));
}

const KeySet::Key* KeySet::find(const std::string& kid, const std::string& kty) const {
  const Key* only = nullptr;
  int of_type = 0;
  for (auto& k : keys_->list) {
    if (k.kty != kty) continue;
    ++of_type;
    only = &k;
    if (!kid.empty() && k.kid == kid) return &k;
  }
  // A token without a key id may name no key when the provider has one key of its type.
  return kid.empty() && of_type == 1 ? only : nullptr;
}

std::string_view to_string(TokenProblem p) {
  switch (p) {
    case TokenProblem::none: return "none";
    case TokenProblem::malformed: return "malformed";
    case TokenProblem::unknown_key: return "unknown_key";
    case TokenProblem::bad_signature: return "bad_signature";
    case TokenProblem::wrong_issuer: return "wrong_issuer";
    case TokenProblem::wrong_audience: return "wrong_audience";
    case TokenProblem::expired: return "expired";
    case TokenProblem::not_yet_valid: return "not_yet_valid";
    case TokenProblem::wrong_nonce: return "wrong_nonce";
  }
  return "malformed";
}

namespace {

bool same_text(const std::string& a, const std::string& b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

// Asymmetric algorithms only: "none" and the HMAC family (where a public key
// would serve as the shared secret) are refused before any key is looked at.
std::string key_type_of(const std::string& alg) {
  static const std::set<std::string> rsa{"RS256", "RS384", "RS512", "PS256", "PS384", "PS512"};
  static const std::set<std::string> ec{"ES256", "ES384", "ES512"};
  if (rsa.contains(alg)) return "RSA";
  if (ec.contains(alg)) return "EC";
  return {};
}

}  // namespace

VerifiedToken verify_id_token(const std::string& compact, const KeySet& keys, const TokenExpectations& want) {
  VerifiedToken out;
  auto fail = [&](TokenProblem p) {
    out.problem = p;
    out.claims = nlohmann::json();
    return out;
  };
  cjose_err err;
  std::unique_ptr<cjose_jws_t, void (*)(cjose_jws_t*)> jws(cjose_jws_import(compact.c_str(), compact.size(), &err),
                                                           cjose_jws_release);
  if (!jws) return fail(TokenProblem::malformed);
  cjose_header_t* header = cjose_jws_get_protected(jws.get());
  const char* alg = header ? cjose_header_get(header, CJOSE_HDR_ALG, &err) : nullptr;
  const char* kid = header ? cjose_header_get(header, CJOSE_HDR_KID, &err) : nullptr;
  const std::string kty = alg ? key_type_of(alg) : std::string();
  if (kty.empty()) return fail(TokenProblem::malformed);
  const KeySet::Key* key = keys.find(kid ? kid : "", kty);
  if (!key) return fail(TokenProblem::unknown_key);
  if (!cjose_jws_verify(jws.get(), key->jwk, &err)) return fail(TokenProblem::bad_signature);
  std::uint8_t* plain = nullptr;
  std::size_t plain_len = 0;
  if (!cjose_jws_get_plaintext(jws.get(), &plain, &plain_len, &err)) return fail(TokenProblem::malformed);
  auto claims = nlohmann::json::parse(std::string(reinterpret_cast<const char*>(plain), plain_len), nullptr, false);
  if (claims.is_discarded() || !claims.is_object()) return fail(TokenProblem::malformed);
  if (!claims.contains("sub") || !claims["sub"].is_string() || claims["sub"].get<std::string>().empty())
    return fail(TokenProblem::malformed);
  if (!claims.contains("iss") || claims["iss"] != want.issuer) return fail(TokenProblem::wrong_issuer);
  // aud is one string or a list; with several audiences, azp names us (Core 3.1.3.7, 3-5).
  bool ours = false;
  const auto& aud = claims.contains("aud") ? claims["aud"] : nlohmann::json();
  if (aud.is_string()) ours = aud == want.client_id;
  if (aud.is_array()) {
    for (auto& a : aud) ours = ours || a == want.client_id;
    if (aud.size() > 1 && (!claims.contains("azp") || claims["azp"] != want.client_id)) ours = false;
  }
  if (claims.contains("azp") && claims["azp"] != want.client_id) ours = false;
  if (!ours) return fail(TokenProblem::wrong_audience);
  auto number = [&](const char* name) -> std::optional<std::int64_t> {
    if (!claims.contains(name) || !claims[name].is_number()) return std::nullopt;
    return claims[name].get<std::int64_t>();
  };
  const auto exp = number("exp"), iat = number("iat"), nbf = number("nbf");
  if (!exp || !iat) return fail(TokenProblem::malformed);
  if (*exp + want.clock_skew_s <= want.now) return fail(TokenProblem::expired);
  if (*iat - want.clock_skew_s > want.now || (nbf && *nbf - want.clock_skew_s > want.now))
    return fail(TokenProblem::not_yet_valid);
  if (!claims.contains("nonce") || !claims["nonce"].is_string() ||
      !same_text(claims["nonce"].get<std::string>(), want.nonce))
    return fail(TokenProblem::wrong_nonce);
  out.claims = std::move(claims);
  return out;
}

}  // namespace regie::service
