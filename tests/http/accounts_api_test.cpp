// Account administration and the second factor through the API: only an
// administrator manages accounts, secrets are shown once, a disabled account
// loses its sessions, and a new account signs in with its own TOTP secret.
#include <gtest/gtest.h>

#include <regex>

#include "service/totp.h"
#include "support/api_server.h"
#include "store/account_store.h"
#include "store/audit_store.h"

namespace regie::http {
namespace {

using nlohmann::json;

class AccountsApiTest : public testing::ApiServerTest {
 protected:
  std::pair<int, json> call(const std::string& method, const std::string& path, const httplib::Headers& h,
                            const json& body = nullptr) {
    httplib::Result r = method == "GET" ? client->Get(path, h)
                                        : client->Post(path, h, body.is_null() ? "" : body.dump(), "application/json");
    EXPECT_TRUE(r);
    return {r->status, r->body.empty() ? json() : json::parse(r->body)};
  }
  static std::string secret_of(const std::string& uri) {
    std::smatch m;
    EXPECT_TRUE(std::regex_search(uri, m, std::regex("secret=([A-Z2-7]+)")));
    std::string raw;
    unsigned buffer = 0;
    int bits = 0;
    for (char c : m[1].str()) {
      buffer = (buffer << 5) | static_cast<unsigned>(std::string("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567").find(c));
      bits += 5;
      if (bits >= 8) raw += static_cast<char>((buffer >> (bits -= 8)) & 0xff);
    }
    return raw;
  }
  httplib::Result sign_in_with(const std::string& user, const std::string& password, const std::string& code) {
    json body = {{"username", user}, {"password", password}};
    if (!code.empty()) body["code"] = code;
    return client->Post("/api/v1/session", body.dump(), "application/json");
  }
};

TEST_P(AccountsApiTest, OnlyAnAdministratorManagesAccountsAndOthersAreAudited) {
  for (auto user : {"dir.a", "lead", "prof", "ana"}) {
    auto h = signed_in(user);
    EXPECT_EQ(call("GET", "/api/v1/accounts", h).first, 403) << user;
    auto [status, body] = call("POST", "/api/v1/accounts", h,
                               {{"username", "x.y"}, {"display_name", "X"}, {"role", "administrator"}});
    EXPECT_EQ(status, 403) << user;
    EXPECT_FALSE(body.contains("initial_password"));
    EXPECT_EQ(call("POST", "/api/v1/accounts/dir.b/disable", h).first, 403) << user;
    EXPECT_EQ(call("POST", "/api/v1/accounts/dir.b/totp", h).first, 403) << user;
  }
  EXPECT_FALSE(regie::store::AccountStore(*store).find("x.y"));
  EXPECT_FALSE(regie::store::AccountStore(*store).find("dir.b")->disabled);
  int denied = 0;
  for (auto& e : regie::store::AuditStore(*store).recent(std::nullopt, 1000))
    if (e.action.starts_with("account.") && e.outcome == "denied") ++denied;
  EXPECT_EQ(denied, 16);
}

TEST_P(AccountsApiTest, CreatesAnAccountWhoseSecretsAreShownOnceAndWork) {
  auto admin = signed_in("admin");
  auto [status, created] = call("POST", "/api/v1/accounts", admin,
                                {{"username", "pro.two"}, {"display_name", "Piet Prof"}, {"role", "professional"},
                                 {"professional_id", "PR1"}});
  ASSERT_EQ(status, 201) << created.dump();
  const std::string password = created["initial_password"], uri = created["otpauth_uri"];
  EXPECT_GE(password.size(), 16u);
  EXPECT_TRUE(uri.starts_with("otpauth://totp/Regie:pro.two?secret=")) << uri;
  EXPECT_EQ(created["account"]["second_factor"], true);

  auto [ls, list] = call("GET", "/api/v1/accounts", admin);
  ASSERT_EQ(ls, 200);
  EXPECT_EQ(list["accounts"].size(), 7u);
  EXPECT_EQ(list.dump().find(password), std::string::npos);
  EXPECT_EQ(list.dump().find("argon2"), std::string::npos);
  EXPECT_EQ(list.dump().find(uri.substr(uri.find("secret=") + 7, 32)), std::string::npos);

  // The password alone is not enough: the answer says the code is needed.
  auto no_code = sign_in_with("pro.two", password, "");
  ASSERT_EQ(no_code->status, 401);
  EXPECT_EQ(json::parse(no_code->body)["error"]["reason"], "code_required");
  auto in_use = [&] {
    const auto listed = call("GET", "/api/v1/accounts", admin).second;
    for (auto& a : listed["accounts"])
      if (a["username"] == "pro.two") return a["second_factor_in_use"].get<bool>();
    ADD_FAILURE() << "pro.two is not listed";
    return false;
  };
  // Issued is not set up: the list says so until a code from the app is accepted.
  EXPECT_FALSE(in_use());
  auto ok = sign_in_with("pro.two", password, service::totp_code(secret_of(uri), clock.now_seconds()));
  ASSERT_EQ(ok->status, 200) << ok->body;
  EXPECT_EQ(json::parse(ok->body)["user"]["role"], "professional");
  EXPECT_TRUE(in_use());

  // After a reset the old secret no longer works.
  auto [rs, reset] = call("POST", "/api/v1/accounts/pro.two/totp", admin);
  ASSERT_EQ(rs, 200);
  EXPECT_FALSE(in_use());  // a new secret is not set up until it is used
  clock.advance(30);
  auto old = sign_in_with("pro.two", password, service::totp_code(secret_of(uri), clock.now_seconds()));
  EXPECT_EQ(old->status, 401);
  EXPECT_EQ(json::parse(old->body)["error"]["reason"], "code_invalid");
  auto renewed = sign_in_with("pro.two", password,
                              service::totp_code(secret_of(reset["otpauth_uri"]), clock.now_seconds()));
  EXPECT_EQ(renewed->status, 200);
}

TEST_P(AccountsApiTest, AHouseholdMembersAccountHasNoSecondFactor) {
  auto admin = signed_in("admin");
  auto [status, created] = call("POST", "/api/v1/accounts", admin,
                                {{"username", "els"}, {"display_name", "Els"}, {"role", "member"},
                                 {"member_id", "H1-M1"}});
  ASSERT_EQ(status, 201) << created.dump();
  EXPECT_TRUE(created["otpauth_uri"].is_null());
  auto r = sign_in_with("els", created["initial_password"], "");
  EXPECT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(call("POST", "/api/v1/accounts/els/totp", admin).first, 400);
}

TEST_P(AccountsApiTest, RefusesBadAccountsNamingTheField) {
  auto admin = signed_in("admin");
  auto expect_400 = [&](const json& body, const std::string& field) {
    auto [status, answer] = call("POST", "/api/v1/accounts", admin, body);
    EXPECT_EQ(status, 400) << body.dump();
    EXPECT_NE(answer.dump().find(field), std::string::npos) << answer.dump();
  };
  expect_400({{"username", "Bad Name"}, {"display_name", "X"}, {"role", "director"}}, "username");
  expect_400({{"username", "ok"}, {"display_name", "X"}, {"role", "king"}}, "role");
  expect_400({{"username", "ok"}, {"display_name", "X"}, {"role", "professional"}}, "professional_id");
  expect_400({{"username", "ok"}, {"display_name", "X"}, {"role", "professional"}, {"professional_id", "NOPE"}},
             "professional_id");
  expect_400({{"username", "ok"}, {"display_name", "X"}, {"role", "member"}, {"member_id", "NOPE"}}, "member_id");
  expect_400({{"username", "ok"}, {"display_name", "X"}, {"role", "director"}, {"member_id", "H1-M1"}}, "member_id");
  EXPECT_FALSE(regie::store::AccountStore(*store).find("ok"));
  auto [dup, body] = call("POST", "/api/v1/accounts", admin,
                          {{"username", "dir.a"}, {"display_name", "X"}, {"role", "director"}});
  EXPECT_EQ(dup, 409);
  EXPECT_EQ(call("POST", "/api/v1/accounts/nobody/disable", admin).first, 404);
  EXPECT_EQ(call("POST", "/api/v1/accounts/admin/disable", admin).first, 400);
}

TEST_P(AccountsApiTest, DisablingEndsTheSessionsAtOnceAndEnablingAllowsSigningInAgain) {
  auto admin = signed_in("admin");
  auto dir = signed_in("dir.b");
  ASSERT_EQ(call("GET", "/api/v1/households", dir).first, 200);
  ASSERT_EQ(call("POST", "/api/v1/accounts/dir.b/disable", admin).first, 204);
  EXPECT_EQ(call("GET", "/api/v1/households", dir).first, 401);
  auto refused = sign_in_with("dir.b", "secret-dir.b", codes.next("dir.b", clock));
  EXPECT_EQ(refused->status, 401);
  EXPECT_EQ(json::parse(refused->body)["error"]["reason"], "bad_credentials");
  ASSERT_EQ(call("POST", "/api/v1/accounts/dir.b/enable", admin).first, 204);
  EXPECT_EQ(call("GET", "/api/v1/households", signed_in("dir.b")).first, 200);
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountsApiTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace regie::http
