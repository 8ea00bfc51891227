// Sign-in through an OpenID Connect provider, end to end through the API,
// against a provider that runs in the test (discovery, JWKS, token endpoint)
// so that each way a token can be wrong is tried: bad signature, wrong
// audience, expired, replayed nonce, unknown key, "none". The browser test
// (web/e2e/identity.mjs) does the same through a real provider's pages.
#include <cjose/cjose.h>
#include <sodium.h>

#include <map>
#include <mutex>

#include "common/sealer.h"
#include "service/auth.h"
#include "store/account_store.h"
#include "store/household_store.h"
#include "support/api_server.h"

namespace regie::testing {
namespace {

using nlohmann::json;

// An RSA signing key of the test provider.
struct TestKey {
  std::string kid;
  cjose_jwk_t* jwk = nullptr;
  explicit TestKey(std::string id) : kid(std::move(id)) {
    static const std::uint8_t e[] = {0x01, 0x00, 0x01};
    cjose_err err;
    jwk = cjose_jwk_create_RSA_random(2048, e, sizeof e, &err);
    cjose_jwk_set_kid(jwk, kid.c_str(), kid.size(), &err);
  }
  ~TestKey() { cjose_jwk_release(jwk); }
  json public_jwk() const {
    cjose_err err;
    char* text = cjose_jwk_to_json(jwk, false, &err);
    json j = json::parse(text);
    free(text);
    j["use"] = "sig";
    j["alg"] = "RS256";
    return j;
  }
  // A compact JWS of `claims`, with `kid` in its header (another key's, to forge).
  std::string sign(const json& claims, const std::string& header_kid, const char* alg = nullptr) const {
    cjose_err err;
    cjose_header_t* h = cjose_header_new(&err);
    cjose_header_set(h, CJOSE_HDR_ALG, alg ? alg : CJOSE_HDR_ALG_RS256, &err);
    cjose_header_set(h, CJOSE_HDR_KID, header_kid.c_str(), &err);
    const std::string payload = claims.dump();
    cjose_jws_t* jws =
        cjose_jws_sign(jwk, h, reinterpret_cast<const std::uint8_t*>(payload.data()), payload.size(), &err);
    const char* compact = nullptr;
    cjose_jws_export(jws, &compact, &err);
    std::string out = compact;
    cjose_jws_release(jws);
    cjose_header_release(h);
    return out;
  }
};

std::string base64url_sha256(const std::string& text) {
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  char out[64];
  sodium_bin2base64(out, sizeof out, h, sizeof h, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

std::map<std::string, std::string> query_of(const std::string& url) {
  std::map<std::string, std::string> out;
  auto q = url.substr(url.find('?') + 1);
  std::size_t at = 0;
  while (at <= q.size()) {
    auto amp = q.find('&', at);
    auto part = q.substr(at, amp == std::string::npos ? std::string::npos : amp - at);
    auto eq = part.find('=');
    out[part.substr(0, eq)] = httplib::detail::decode_url(part.substr(eq + 1), true);
    if (amp == std::string::npos) break;
    at = amp + 1;
  }
  return out;
}

// The provider: its documents, its keys, and a token endpoint that answers
// what the test decides, after checking the client's secret and PKCE.
class TestProvider {
 public:
  TestProvider() {
    port_ = http_.bind_to_any_port("127.0.0.1");
    issuer = "http://127.0.0.1:" + std::to_string(port_);
    http_.Get("/.well-known/openid-configuration", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content(json({{"issuer", issuer},
                            {"authorization_endpoint", issuer + "/authorize"},
                            {"token_endpoint", issuer + "/token"},
                            {"jwks_uri", issuer + "/jwks"}})
                          .dump(),
                      "application/json");
    });
    http_.Get("/jwks", [this](const httplib::Request&, httplib::Response& res) {
      std::lock_guard lock(mu);
      json keys = json::array();
      for (auto* k : published) keys.push_back(k->public_jwk());
      ++jwks_fetches;
      res.set_content(json({{"keys", keys}}).dump(), "application/json");
    });
    http_.Post("/token", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard lock(mu);
      const std::string pair = "regie-client:client-secret";
      std::string encoded(sodium_base64_encoded_len(pair.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
      sodium_bin2base64(encoded.data(), encoded.size(), reinterpret_cast<const unsigned char*>(pair.data()), pair.size(),
                        sodium_base64_VARIANT_ORIGINAL);
      const std::string basic = "Basic " + std::string(encoded.c_str());
      if (req.get_header_value("Authorization") != basic) {
        res.status = 401;
        return res.set_content(R"({"error":"invalid_client"})", "application/json");
      }
      if (base64url_sha256(req.get_param_value("code_verifier")) != challenge ||
          req.get_param_value("grant_type") != "authorization_code") {
        res.status = 400;
        return res.set_content(R"({"error":"invalid_grant"})", "application/json");
      }
      res.set_content(json({{"access_token", "at"}, {"token_type", "Bearer"}, {"id_token", id_token}}).dump(),
                      "application/json");
    });
    thread_ = std::thread([this] { http_.listen_after_bind(); });
  }
  ~TestProvider() {
    http_.stop();
    thread_.join();
  }
  std::mutex mu;
  std::string issuer;
  std::vector<const TestKey*> published;
  std::string challenge;  // of the sign-in under way
  std::string id_token;   // what the token endpoint hands out
  int jwks_fetches = 0;

 private:
  httplib::Server http_;
  int port_ = 0;
  std::thread thread_;
};

class IdentityApiTest : public ApiServerTest {
 protected:
  void configure(http::ServerOptions& o) override {
    secret_file = web.file("client.secret");
    web.write("client.secret", "client-secret\n");
    for (auto* p : {&o.identity.staff, &o.identity.citizen}) {
      p->issuer = provider.issuer;
      p->client_id = "regie-client";
      p->client_secret_file = secret_file;
    }
    o.identity.staff.name = "Gemeente Test";
    o.identity.jwks_refetch_s = 0;
    provider.published = {&key_a};
    key_file = o.secret_key_file;
  }

  struct Started {
    std::string state, nonce, cookie;
  };
  Started start(const std::string& kind = "staff") {
    auto r = client->Get("/api/v1/oidc/" + kind + "/start");
    EXPECT_TRUE(r);
    EXPECT_EQ(r->status, 303);
    auto q = query_of(r->get_header_value("Location"));
    EXPECT_EQ(q["code_challenge_method"], "S256");
    EXPECT_EQ(q["client_id"], "regie-client");
    EXPECT_NE(q["scope"].find("openid"), std::string::npos);
    std::lock_guard lock(provider.mu);
    provider.challenge = q["code_challenge"];
    auto cookie = r->get_header_value("Set-Cookie");
    return {q["state"], q["nonce"], cookie.substr(0, cookie.find(';'))};
  }
  json claims(const std::string& nonce, const std::string& email = "a@gemeente.example") {
    const auto now = clock.now_seconds();
    return {{"iss", provider.issuer}, {"aud", "regie-client"}, {"sub", "person-1"}, {"email", email},
            {"email_verified", true}, {"nonce", nonce}, {"iat", now}, {"exp", now + 300}};
  }
  void hand_out(const std::string& token) {
    std::lock_guard lock(provider.mu);
    provider.id_token = token;
  }
  httplib::Result finish(const Started& s, const std::string& cookie = "") {
    return client->Post("/api/v1/oidc/callback", {{"Cookie", cookie.empty() ? s.cookie : cookie}},
                        json({{"state", s.state}, {"code", "the-code"}}).dump(), "application/json");
  }
  static std::string reason(const httplib::Result& r) {
    return json::parse(r->body, nullptr, false).value("error", json::object()).value("reason", "");
  }
  void link_email(const std::string& user, const std::string& email) {
    ASSERT_TRUE(store::AccountStore(*store).set_contact(user, "", email));
  }
  // Signs in with a token signed by `key`; returns the answer.
  httplib::Result sign_in_with(const std::function<std::string(const std::string& nonce)>& token) {
    auto s = start();
    hand_out(token(s.nonce));
    return finish(s);
  }

  TestProvider provider;
  TestKey key_a{"key-a"}, key_b{"key-b"};
  std::string secret_file, key_file;
};

TEST_P(IdentityApiTest, ADirectorSignsInThroughTheProviderAndKeepsTheirRegieRole) {
  link_email("dir.a", "A@Gemeente.example");
  auto r = sign_in_with([&](const std::string& nonce) { return key_a.sign(claims(nonce), key_a.kid); });
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  auto body = json::parse(r->body);
  EXPECT_EQ(body["user"]["username"], "dir.a");
  EXPECT_EQ(body["user"]["role"], "director");
  std::string session;
  for (auto& [k, v] : r->headers)
    if (k == "Set-Cookie" && v.starts_with("regie_session=")) session = v.substr(0, v.find(';'));
  ASSERT_FALSE(session.empty());
  auto me = client->Get("/api/v1/session", {{"Cookie", session}});
  ASSERT_EQ(me->status, 200);
  EXPECT_EQ(json::parse(me->body)["user"]["role"], "director");
  EXPECT_EQ(client->Get("/api/v1/households", {{"Cookie", session}})->status, 200);
}

TEST_P(IdentityApiTest, AValidPersonWithoutAnAccountGetsNoAccess) {
  auto r = sign_in_with([&](const std::string& nonce) { return key_a.sign(claims(nonce, "nobody@x.example"), key_a.kid); });
  ASSERT_EQ(r->status, 401);
  EXPECT_EQ(reason(r), "unknown_person");
  EXPECT_EQ(r->get_header_value("Set-Cookie").find("regie_session="), std::string::npos);
}

TEST_P(IdentityApiTest, ATokenWithABadSignatureIsRefused) {
  link_email("dir.a", "a@gemeente.example");
  // Signed with another key, naming the published key's id.
  auto r = sign_in_with([&](const std::string& nonce) { return key_b.sign(claims(nonce), key_a.kid); });
  ASSERT_EQ(r->status, 401);
  EXPECT_EQ(reason(r), "failed");
}

TEST_P(IdentityApiTest, ATokenForAnotherClientIsRefused) {
  link_email("dir.a", "a@gemeente.example");
  auto r = sign_in_with([&](const std::string& nonce) {
    auto c = claims(nonce);
    c["aud"] = "another-client";
    return key_a.sign(c, key_a.kid);
  });
  ASSERT_EQ(r->status, 401);
  // Several audiences, ours among them, but azp naming another client.
  r = sign_in_with([&](const std::string& nonce) {
    auto c = claims(nonce);
    c["aud"] = json::array({"regie-client", "other"});
    c["azp"] = "other";
    return key_a.sign(c, key_a.kid);
  });
  ASSERT_EQ(r->status, 401);
}

TEST_P(IdentityApiTest, AnExpiredTokenIsRefusedButClockSkewIsAllowed) {
  link_email("dir.a", "a@gemeente.example");
  auto r = sign_in_with([&](const std::string& nonce) {
    auto c = claims(nonce);
    c["iat"] = clock.now_seconds() - 900;
    c["exp"] = clock.now_seconds() - 600;
    return key_a.sign(c, key_a.kid);
  });
  ASSERT_EQ(r->status, 401);
  // A minute off either way is a clock, not an attack.
  r = sign_in_with([&](const std::string& nonce) {
    auto c = claims(nonce);
    c["iat"] = clock.now_seconds() + 60;
    c["exp"] = clock.now_seconds() - 60;
    return key_a.sign(c, key_a.kid);
  });
  EXPECT_EQ(r->status, 200) << r->body;
}

TEST_P(IdentityApiTest, AReplayedNonceOrStateIsRefused) {
  link_email("dir.a", "a@gemeente.example");
  auto first = start();
  const std::string old_token = key_a.sign(claims(first.nonce), key_a.kid);
  hand_out(old_token);
  ASSERT_EQ(finish(first)->status, 200);
  // The same answer from the provider again: its state was used.
  auto again = finish(first);
  ASSERT_EQ(again->status, 401);
  EXPECT_EQ(reason(again), "failed");
  // A new sign-in that gets the old token (the old nonce) back.
  auto second = start();
  hand_out(old_token);
  ASSERT_EQ(finish(second)->status, 401);
}

TEST_P(IdentityApiTest, ASignInFinishesOnlyInTheBrowserThatStartedIt) {
  link_email("dir.a", "a@gemeente.example");
  auto s = start();
  hand_out(key_a.sign(claims(s.nonce), key_a.kid));
  auto r = finish(s, "regie_oidc=" + std::string(64, 'a'));
  ASSERT_EQ(r->status, 401);
}

TEST_P(IdentityApiTest, TokensWithoutAnAsymmetricSignatureAreRefused) {
  link_email("dir.a", "a@gemeente.example");
  auto payload = [&](const std::string& nonce) {
    std::string p = claims(nonce).dump();
    std::string out(sodium_base64_encoded_len(p.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(p.data()), p.size(),
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return std::string(out.c_str());
  };
  // alg "none" (eyJhbGciOiJub25lIn0 is {"alg":"none"}) with an empty signature.
  auto r = sign_in_with([&](const std::string& nonce) { return "eyJhbGciOiJub25lIn0." + payload(nonce) + "."; });
  EXPECT_EQ(r->status, 401);
  r = sign_in_with([&](const std::string&) { return std::string("not-a-token"); });
  EXPECT_EQ(r->status, 401);
}

TEST_P(IdentityApiTest, RotatedKeysAreFetchedAgain) {
  link_email("dir.a", "a@gemeente.example");
  ASSERT_EQ(sign_in_with([&](const std::string& n) { return key_a.sign(claims(n), key_a.kid); })->status, 200);
  {
    std::lock_guard lock(provider.mu);
    provider.published = {&key_b};
  }
  auto r = sign_in_with([&](const std::string& n) { return key_b.sign(claims(n), key_b.kid); });
  EXPECT_EQ(r->status, 200) << r->body;
  // The old key is gone from the provider: a token under it no longer counts.
  r = sign_in_with([&](const std::string& n) { return key_a.sign(claims(n), key_a.kid); });
  EXPECT_EQ(r->status, 401);
}

TEST_P(IdentityApiTest, StaffPasswordsCanBeSwitchedOffWhileMembersKeepTheirs) {
  service::AuthPolicy policy;
  policy.staff_passwords = false;
  service::Auth auth(*store, clock, nullptr, policy);
  service::SignInRefusal why{};
  EXPECT_FALSE(auth.sign_in("dir.a", "secret-dir.a", "", "test", &why));
  EXPECT_EQ(why, service::SignInRefusal::use_identity_provider);
  // A wrong password still says only that.
  EXPECT_FALSE(auth.sign_in("dir.a", "wrong", "", "test", &why));
  EXPECT_EQ(why, service::SignInRefusal::bad_credentials);
}

class DigidApiTest : public IdentityApiTest {
 protected:
  void SetUp() override {
    IdentityApiTest::SetUp();
    auto sealer = Sealer::from_key_file(key_file, false);
    ASSERT_TRUE(sealer);
    ASSERT_TRUE(store::HouseholdStore(*store).set_member_bsn("H1-M1", sealer->seal("111222333")));
    ASSERT_TRUE(store::HouseholdStore(*store).set_member_bsn("H1-M2", sealer->seal("123456782")));
  }
  httplib::Result digid(const std::string& bsn) {
    auto s = start("citizen");
    auto c = claims(s.nonce);
    c.erase("email");
    c["bsn"] = bsn;
    hand_out(key_a.sign(c, key_a.kid));
    return finish(s);
  }
};

TEST_P(DigidApiTest, AHouseholdMemberSignsInWithTheirBsnAndSeesTheirOwnPage) {
  auto r = digid("111222333");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(json::parse(r->body)["user"]["role"], "member");
  EXPECT_EQ(r->body.find("111222333"), std::string::npos);
  std::string session;
  for (auto& [k, v] : r->headers)
    if (k == "Set-Cookie" && v.starts_with("regie_session=")) session = v.substr(0, v.find(';'));
  auto me = client->Get("/api/v1/me", {{"Cookie", session}});
  ASSERT_EQ(me->status, 200) << me->body;
  EXPECT_EQ(me->body.find("111222333"), std::string::npos);
  // The second time, the same account.
  auto again = digid("111222333");
  ASSERT_EQ(again->status, 200);
  EXPECT_EQ(json::parse(again->body)["user"]["username"], json::parse(r->body)["user"]["username"]);
}

TEST_P(DigidApiTest, ABsnOfNoMemberGetsNothingAndIsNotRepeated) {
  auto r = digid("999999990");
  ASSERT_EQ(r->status, 401);
  EXPECT_EQ(reason(r), "no_member");
  EXPECT_EQ(r->body.find("999999990"), std::string::npos);
  EXPECT_EQ(r->get_header_value("Set-Cookie").find("regie_session="), std::string::npos);
  // A child (under 16 by the access rules) gets no account of their own this way.
  auto child = digid("123456782");
  ASSERT_EQ(child->status, 401);
  EXPECT_EQ(reason(child), "too_young");
}

INSTANTIATE_TEST_SUITE_P(Backends, IdentityApiTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });
INSTANTIATE_TEST_SUITE_P(Backends, DigidApiTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace regie::testing
