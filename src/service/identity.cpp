// The authorization code flow with PKCE against a configured provider, and
// the link from the person it names to a Regie account; see identity.h.
#include "service/identity.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>

#include "common/bsn.h"
#include "common/log.h"
#include "service/access.h"
#include "service/audit.h"
#include "service/identity_http.h"
#include "store/account_store.h"
#include "store/household_store.h"
#include "store/identity_store.h"

namespace regie::service {
namespace {

constexpr std::int64_t kPendingSeconds = 600;  // a sign-in at the provider may take this long
constexpr auto kMetadataLifetime = std::chrono::hours(1);

std::string sha256_hex(const std::string& text) {
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  char out[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(out, sizeof out, h, sizeof h);
  return out;
}

std::string base64url(const unsigned char* data, std::size_t n) {
  std::string out(sodium_base64_encoded_len(n, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), data, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::strlen(out.c_str()));
  return out;
}

// RFC 7636 4.1-4.2: 32 random bytes as the verifier, its SHA-256 as the challenge.
std::pair<std::string, std::string> pkce_pair() {
  unsigned char raw[32];
  randombytes_buf(raw, sizeof raw);
  std::string verifier = base64url(raw, sizeof raw);
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(verifier.data()), verifier.size());
  return {verifier, base64url(h, sizeof h)};
}

Result<std::string> read_secret(const std::string& path, const std::string& what) {
  if (path.empty()) return invalid(what + ": name the file that holds the client secret");
  std::ifstream in(path, std::ios::binary);
  if (!in) return invalid(what + ": cannot read the secret file " + path);
  std::stringstream buf;
  buf << in.rdbuf();
  std::string s = buf.str();
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  if (s.empty()) return invalid(what + ": the secret file " + path + " is empty");
  return s;
}

std::string trim_slash(std::string s) {
  while (!s.empty() && s.back() == '/') s.pop_back();
  return s;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

}  // namespace

std::string_view to_string(IdentityRefusal r) {
  switch (r) {
    case IdentityRefusal::none: return "none";
    case IdentityRefusal::failed: return "failed";
    case IdentityRefusal::unknown_person: return "unknown_person";
    case IdentityRefusal::no_member: return "no_member";
    case IdentityRefusal::too_young: return "too_young";
    case IdentityRefusal::unavailable: return "unavailable";
  }
  return "failed";
}

Status check_identity_options(const IdentityOptions& o) {
  for (auto* p : {&o.staff, &o.citizen}) {
    if (!p->configured()) continue;
    const std::string what = p == &o.staff ? "oidc-staff" : "oidc-citizen";
    if (!p->issuer.starts_with("https://") && !p->issuer.starts_with("http://127.0.0.1") &&
        !p->issuer.starts_with("http://localhost"))
      return invalid(what + "-issuer: an https:// address (plain http only on this machine, for tests)");
    if (p->client_id.empty()) return invalid(what + "-client-id: give the client id the provider registered");
    if (p->claim.empty()) return invalid(what + "-claim: name the claim");
    if (p == &o.staff && p->link_to != "email" && p->link_to != "username")
      return invalid(what + "-link-to: email or username");
    if (auto s = read_secret(p->client_secret_file, what + "-client-secret-file"); !s) return s.error();
  }
  if (!o.staff_passwords && !o.staff.configured())
    return invalid("staff-passwords: switching passwords off for staff needs a staff provider (oidc-staff-issuer)");
  if (!o.public_url.empty() && !o.public_url.starts_with("https://") && !o.public_url.starts_with("http://"))
    return invalid("public-url: an address such as https://regie.gemeente.nl");
  return ok_status();
}

struct Identity::ProviderState {
  std::string key;
  OidcProviderOptions options;
  std::string secret;
  HttpClientOptions http;
  std::mutex mu;  // guards what follows
  struct Metadata {
    std::string authorization_endpoint, token_endpoint, jwks_uri;
  };
  std::optional<Metadata> metadata;
  std::chrono::steady_clock::time_point metadata_at;
  std::shared_ptr<const KeySet> keys;
  std::optional<std::chrono::steady_clock::time_point> keys_at;

  // The discovery document (OpenID Connect Discovery 1.0, 4), cached for an hour.
  Result<Metadata> discover() {
    std::lock_guard lock(mu);
    const auto now = std::chrono::steady_clock::now();
    if (metadata && now - metadata_at < kMetadataLifetime) return *metadata;
    auto reply = http_get(trim_slash(options.issuer) + "/.well-known/openid-configuration", http);
    if (!reply) return reply.error();
    auto doc = nlohmann::json::parse(reply->body, nullptr, false);
    auto text = [&](const char* k) { return doc.is_object() && doc.contains(k) && doc[k].is_string() ? doc[k].get<std::string>() : ""; };
    // The document must name the issuer we were configured with (4.3).
    if (reply->status != 200 || text("issuer") != options.issuer || text("authorization_endpoint").empty() ||
        text("token_endpoint").empty() || text("jwks_uri").empty())
      return Error{ErrorCode::unavailable, "the provider's discovery document is missing or names another issuer"};
    metadata = Metadata{text("authorization_endpoint"), text("token_endpoint"), text("jwks_uri")};
    metadata_at = now;
    return *metadata;
  }

  // The published keys; fetched again when `refresh` and the last fetch is old enough.
  Result<std::shared_ptr<const KeySet>> key_set(const std::string& jwks_uri, bool refresh, std::int64_t min_age_s) {
    std::lock_guard lock(mu);
    const auto now = std::chrono::steady_clock::now();
    if (keys && (!refresh || (keys_at && now - *keys_at < std::chrono::seconds(min_age_s)))) return keys;
    auto reply = http_get(jwks_uri, http);
    if (!reply) return reply.error();
    if (reply->status != 200) return Error{ErrorCode::unavailable, "the provider's key set could not be fetched"};
    auto parsed = KeySet::parse(reply->body);
    if (!parsed) return Error{ErrorCode::unavailable, parsed.error().message};
    keys = *parsed;
    keys_at = now;
    return keys;
  }
};

Identity::Identity(store::Store& store, const Clock& clock, const Sealer* sealer, Auth& auth, IdentityOptions options)
    : store_(store), clock_(clock), sealer_(sealer), auth_(auth), options_(std::move(options)) {
  for (auto [key, p] : {std::pair{"staff", &options_.staff}, std::pair{"citizen", &options_.citizen}}) {
    if (!p->configured()) continue;
    auto state = std::make_unique<ProviderState>();
    state->key = key;
    state->options = *p;
    auto secret = read_secret(p->client_secret_file, key);
    if (secret) state->secret = *secret;
    state->http.ca_file = p->ca_file;
    providers_.push_back(std::move(state));
  }
}

Identity::~Identity() = default;

std::vector<Identity::Provider> Identity::providers() const {
  std::vector<Provider> out;
  for (auto& p : providers_) out.push_back({p->key, p->options.name});
  return out;
}

Identity::ProviderState* Identity::provider(const std::string& key) {
  for (auto& p : providers_)
    if (p->key == key) return p.get();
  return nullptr;
}

Result<Identity::Started> Identity::start(const std::string& key, const std::string& base_url,
                                          const std::string& browser_token) {
  auto* p = provider(key);
  if (!p) return not_found("no such sign-in provider");
  auto meta = p->discover();
  if (!meta) {
    log::warn("sign_in.provider_unavailable", R"({"provider":")" + key + "\"}");
    return meta.error();
  }
  const std::string redirect_uri = trim_slash(options_.public_url.empty() ? base_url : options_.public_url) +
                                   "/inloggen/terug";
  Started out;
  // The browser's own cookie is kept when it has our shape (one sign-in per browser at a time is not required).
  const bool ours = browser_token.size() == 64 &&
                    std::all_of(browser_token.begin(), browser_token.end(), [](unsigned char c) { return std::isxdigit(c); });
  out.browser_token = ours ? browser_token : random_token(32);
  const std::string state = random_token(32), nonce = random_token(32);
  auto [verifier, challenge] = pkce_pair();
  const auto now = clock_.now_seconds();
  store::IdentityStore(store_).add_pending(
      sha256_hex(state), {key, sha256_hex(out.browser_token), nonce, verifier, redirect_uri, now}, now - kPendingSeconds);
  std::string scope = "openid";
  for (auto& s : p->options.scopes)
    if (s != "openid" && !s.empty()) scope += " " + s;
  out.location = meta->authorization_endpoint + (meta->authorization_endpoint.find('?') == std::string::npos ? "?" : "&") +
                 "response_type=code&client_id=" + form_encode(p->options.client_id) +
                 "&redirect_uri=" + form_encode(redirect_uri) + "&scope=" + form_encode(scope) +
                 "&state=" + state + "&nonce=" + nonce + "&code_challenge=" + challenge +
                 "&code_challenge_method=S256";
  return out;
}

Result<SignIn> Identity::finish(const std::string& state, const std::string& code, const std::string& browser_token,
                                const std::string& client, IdentityRefusal* why) {
  auto refuse = [&](IdentityRefusal r, const std::string& provider, std::string_view detail) -> Result<SignIn> {
    if (why) *why = r;
    log::warn("sign_in.refused", R"({"reason":")" + std::string(to_string(r)) + R"(","provider":")" + provider +
                                      R"(","detail":")" + std::string(detail) + "\"}");
    if (r == IdentityRefusal::unavailable)
      return Error{ErrorCode::unavailable, "the sign-in service cannot be reached right now; try again later"};
    return Error{ErrorCode::unauthenticated, "the sign-in was not accepted"};
  };
  const auto now = clock_.now_seconds();
  auto pending = store::IdentityStore(store_).take_pending(sha256_hex(state), now - kPendingSeconds);
  // A state that is unknown, used before or too old; or the sign-in was started in another browser.
  if (!pending) return refuse(IdentityRefusal::failed, "", "unknown_state");
  const std::string browser_hash = sha256_hex(browser_token);
  if (browser_hash.size() != pending->browser_hash.size() ||
      sodium_memcmp(browser_hash.data(), pending->browser_hash.data(), browser_hash.size()) != 0)
    return refuse(IdentityRefusal::failed, pending->provider, "other_browser");
  auto* p = provider(pending->provider);
  if (!p) return refuse(IdentityRefusal::failed, pending->provider, "provider_gone");
  auto meta = p->discover();
  if (!meta) return refuse(IdentityRefusal::unavailable, p->key, "discovery");
  auto reply = http_post_form(meta->token_endpoint,
                              {{"grant_type", "authorization_code"},
                               {"code", code},
                               {"redirect_uri", pending->redirect_uri},
                               {"code_verifier", pending->verifier}},
                              p->options.client_id, p->secret, p->http);
  if (!reply) return refuse(IdentityRefusal::unavailable, p->key, "token_endpoint");
  auto body = nlohmann::json::parse(reply->body, nullptr, false);
  if (reply->status != 200 || !body.is_object() || !body.contains("id_token") || !body["id_token"].is_string())
    return refuse(IdentityRefusal::failed, p->key, "token_refused");
  const std::string id_token = body["id_token"];
  const TokenExpectations want{p->options.issuer, p->options.client_id, pending->nonce, now, options_.clock_skew_s};
  VerifiedToken verified;
  for (bool refresh : {false, true}) {
    auto keys = p->key_set(meta->jwks_uri, refresh, options_.jwks_refetch_s);
    if (!keys) return refuse(IdentityRefusal::unavailable, p->key, "jwks");
    verified = verify_id_token(id_token, **keys, want);
    // A key id we do not know: the provider may have rotated its keys.
    if (verified.problem != TokenProblem::unknown_key) break;
  }
  if (!verified.ok()) return refuse(IdentityRefusal::failed, p->key, to_string(verified.problem));
  auto signed_in = p->key == "staff" ? staff_account(verified.claims, why) : citizen_account(verified.claims, client, why);
  if (!signed_in) return refuse(why ? *why : IdentityRefusal::failed, p->key, "no_link");
  return signed_in;
}

Result<SignIn> Identity::staff_account(const nlohmann::json& claims, IdentityRefusal* why) {
  auto no = [&](IdentityRefusal r) -> Result<SignIn> {
    if (why) *why = r;
    return Error{ErrorCode::unauthenticated, "not linked"};
  };
  const auto& o = options_.staff;
  if (!claims.contains(o.claim) || !claims[o.claim].is_string()) return no(IdentityRefusal::unknown_person);
  const std::string value = claims[o.claim];
  store::AccountStore accounts(store_);
  std::optional<domain::Account> account;
  if (o.link_to == "email") {
    // An address the provider says it has not verified names nobody.
    if (claims.contains("email_verified") && claims["email_verified"] == false) return no(IdentityRefusal::unknown_person);
    if (auto username = store::IdentityStore(store_).account_by_email(value)) account = accounts.find(*username);
  } else {
    account = accounts.find(lower(value));
  }
  // Household members sign in through DigiD, not through the staff provider.
  if (!account || account->disabled || account->role == domain::Role::member) return no(IdentityRefusal::unknown_person);
  return auth_.open_session(*account, "oidc");
}

Result<SignIn> Identity::citizen_account(const nlohmann::json& claims, const std::string& client,
                                         IdentityRefusal* why) {
  auto no = [&](IdentityRefusal r) -> Result<SignIn> {
    if (why) *why = r;
    return Error{ErrorCode::unauthenticated, "not linked"};
  };
  const auto& o = options_.citizen;
  if (!claims.contains(o.claim) || !claims[o.claim].is_string()) return no(IdentityRefusal::no_member);
  std::string bsn = claims[o.claim];
  // Brokers may prefix the number with its kind ("s00000000:123456782"); the last nine digits count.
  if (auto colon = bsn.rfind(':'); colon != std::string::npos) bsn.erase(0, colon + 1);
  if (!is_valid_bsn(bsn)) return no(IdentityRefusal::no_member);
  if (!sealer_) return no(IdentityRefusal::unavailable);
  store::HouseholdStore households(store_);
  std::vector<store::HouseholdStore::SealedBsn> hits;
  for (auto& row : households.sealed_bsns()) {
    auto opened = sealer_->open(row.sealed);
    if (opened && *opened == bsn) hits.push_back(row);
    if (opened) sodium_memzero(opened->data(), opened->size());
  }
  sodium_memzero(bsn.data(), bsn.size());
  // Two members with one BSN (a duplicate file) is for the director to sort out, not a guess.
  if (hits.size() != 1) return no(IdentityRefusal::no_member);
  const auto& hit = hits.front();
  store::AccountStore accounts(store_);
  auto account = store::IdentityStore(store_).account_of_member(hit.member_id);
  if (!account) {
    std::optional<domain::Member> member;
    for (auto& m : households.members(hit.household_id))
      if (m.id == hit.member_id) member = m;
    if (!member) return no(IdentityRefusal::no_member);
    // A child's page is their parent's to open (docs/identity.md).
    if (is_minor(*member, clock_.today(), minor_below_age(store_))) return no(IdentityRefusal::too_young);
    domain::Account a;
    a.username = "digid." + lower(hit.member_id);
    std::erase_if(a.username, [](char c) { return !std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '_'; });
    a.display_name = member->given_name + (member->family_name.empty() ? "" : " " + member->family_name);
    a.role = domain::Role::member;
    a.member_id = hit.member_id;
    if (auto st = accounts.create(a, clock_.now_iso8601()); !st && st.error().code != ErrorCode::conflict)
      return no(IdentityRefusal::failed);
    account = accounts.find(a.username);
    if (!account || account->member_id != hit.member_id) return no(IdentityRefusal::failed);
  }
  if (account->disabled || account->role != domain::Role::member) return no(IdentityRefusal::unknown_person);
  auto s = auth_.open_session(*account, "digid");
  s.principal.client = client;
  record_access(store_, clock_, s.principal, "session.digid", hit.household_id, true, {},
                {"member", hit.member_id, hit.member_id});
  return s;
}

}  // namespace regie::service
