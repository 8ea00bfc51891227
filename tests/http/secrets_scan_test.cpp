// The secrets scan: a realistic session against a real server, with the log
// captured, and no response body, response header (but the sign-in cookie) or
// log line may hold a BSN, a password, a session token or a TOTP secret.
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <mutex>
#include <regex>
#include <sstream>

#include "common/log.h"
#include "service/totp.h"
#include "support/api_server.h"

namespace regie::http {
namespace {

using nlohmann::json;

// Routes every log line of the process into a string while alive, in the
// format log.cpp gives it.
class CapturedLog {
 public:
  CapturedLog() : previous_(spdlog::default_logger()) {
    auto logger = std::make_shared<spdlog::logger>("captured",
                                                   std::make_shared<spdlog::sinks::ostream_sink_mt>(out_));
    logger->set_pattern(R"({"ts":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l",%v})", spdlog::pattern_time_type::utc);
    logger->set_level(spdlog::level::trace);
    spdlog::set_default_logger(logger);
  }
  ~CapturedLog() { spdlog::set_default_logger(previous_); }
  std::string text() {
    spdlog::default_logger()->flush();
    return out_.str();
  }

 private:
  std::ostringstream out_;
  std::shared_ptr<spdlog::logger> previous_;
};

class SecretsScanTest : public testing::ApiServerTest {
 protected:
  // One exchange, kept for the scan. `allowed` is a secret this answer may
  // carry by design (the one-time display at enrolment).
  httplib::Result send(const std::string& method, const std::string& path, const httplib::Headers& h,
                       const std::string& body = "", const std::string& allowed = "") {
    httplib::Result r = method == "GET"    ? client->Get(path, h)
                        : method == "PUT"  ? client->Put(path, h, body, "application/json")
                        : method == "DELETE" ? client->Delete(path, h)
                                           : client->Post(path, h, body, "application/json");
    EXPECT_TRUE(r) << method << " " << path;
    if (r) answers.push_back({method + " " + path, r->status, r->headers, r->body, allowed});
    return r;
  }
  httplib::Result sign_in_raw(const std::string& user, const std::string& password, const std::string& code) {
    json b = {{"username", user}, {"password", password}};
    if (!code.empty()) b["code"] = code;
    auto r = send("POST", "/api/v1/session", {}, b.dump());
    if (r && r->status == 200) {
      auto cookie = r->get_header_value("Set-Cookie");
      tokens.push_back(cookie.substr(cookie.find('=') + 1, cookie.find(';') - cookie.find('=') - 1));
    }
    return r;
  }
  httplib::Headers session_of(const httplib::Result& r) {
    auto cookie = r->get_header_value("Set-Cookie");
    return {{"Cookie", cookie.substr(0, cookie.find(';'))},
            {"X-CSRF-Token", json::parse(r->body)["csrf_token"].get<std::string>()}};
  }
  std::string code(const std::string& user) { return codes.next(user, clock); }

  // Every place a secret turned up, as "where: which".
  std::vector<std::string> leaks(const std::string& log_text) {
    std::vector<std::string> found;
    auto check = [&](const std::string& where, const std::string& text, const std::string& allowed) {
      for (auto& s : secrets)
        if (!s.empty() && s != allowed && text.find(s) != std::string::npos) found.push_back(where + ": " + s);
    };
    for (auto& a : answers) {
      check(a.what + " body", a.body, a.allowed);
      for (auto& [name, value] : a.headers) {
        // The session cookie of a sign-in is where the token must go.
        if (name == "Set-Cookie" && a.what == "POST /api/v1/session") continue;
        check(a.what + " header " + name, value, "");
      }
    }
    std::istringstream lines(log_text);
    for (std::string line; std::getline(lines, line);) check("log", line, "");
    return found;
  }

  struct Answer {
    std::string what;
    int status;
    httplib::Headers headers;
    std::string body;
    std::string allowed;
  };
  std::vector<Answer> answers;
  std::vector<std::string> tokens;
  std::vector<std::string> secrets;
};

TEST_P(SecretsScanTest, NoResponseHeaderOrLogLineHoldsABsnPasswordTokenOrTotpSecret) {
  CapturedLog log;
  const std::string bsn = "111222333", other_bsn = "123456782", bad_bsn = "123456789";
  const std::vector<std::string> passwords = {"secret-dir.a", "secret-admin", "secret-dir.b", "Wrong-Passw0rd!"};

  // Sign-in: no code, a wrong code, a wrong password, an unknown user, then right.
  EXPECT_EQ(sign_in_raw("admin", "secret-admin", "")->status, 401);
  EXPECT_EQ(sign_in_raw("admin", "secret-admin", "000000" == code("admin") ? "111111" : "000000")->status, 401);
  EXPECT_EQ(sign_in_raw("dir.a", "Wrong-Passw0rd!", code("dir.a"))->status, 401);
  EXPECT_EQ(sign_in_raw("Wrong-Passw0rd!", "secret-dir.a", "")->status, 401);  // a password typed as user name
  auto admin_r = sign_in_raw("admin", "secret-admin", code("admin"));
  ASSERT_EQ(admin_r->status, 200);
  auto admin = session_of(admin_r);
  auto dir_r = sign_in_raw("dir.a", "secret-dir.a", code("dir.a"));
  ASSERT_EQ(dir_r->status, 200);
  auto dir = session_of(dir_r);

  // Households, BSNs (a good one, a wrong one, someone else's household), errors.
  EXPECT_EQ(send("GET", "/api/v1/households", dir)->status, 200);
  EXPECT_EQ(send("PUT", "/api/v1/households/H1/members/H1-M1/bsn", dir, json({{"bsn", bsn}}).dump())->status, 204);
  EXPECT_EQ(send("PUT", "/api/v1/households/H1/members/H1-M2/bsn", dir, json({{"bsn", bad_bsn}}).dump())->status,
            400);
  EXPECT_EQ(send("PUT", "/api/v1/households/H2/members/H2-M1/bsn", dir, json({{"bsn", other_bsn}}).dump())->status,
            403);
  EXPECT_EQ(send("PUT", "/api/v1/households/H1/members/H1-M2/bsn", dir, R"({"bsn":)" + other_bsn + "}")->status,
            400);
  EXPECT_EQ(send("PUT", "/api/v1/households/H1/members/H1-M2/bsn", dir, "{\"bsn\":\"" + other_bsn)->status, 400);
  EXPECT_EQ(send("GET", "/api/v1/households/H1", dir)->status, 200);
  EXPECT_EQ(send("GET", "/api/v1/households/H1/$export", dir)->status, 200);
  // A person's export shows their own BSN only when the administrator handles
  // their request; the director's export and the erasure do not.
  EXPECT_EQ(send("GET", "/api/v1/people/H1-M1/export", dir)->status, 200);
  EXPECT_EQ(send("GET", "/api/v1/people/H1-M1/export?format=fhir", dir)->status, 200);
  EXPECT_EQ(send("GET", "/api/v1/people/H1-M1/export", admin, "", bsn)->status, 200);
  EXPECT_NE(answers.back().body.find(bsn), std::string::npos);
  EXPECT_EQ(send("GET", "/api/v1/people/H1-M1/export?format=fhir", admin, "", bsn)->status, 200);
  EXPECT_EQ(send("POST", "/api/v1/people/H1-M1/erasure", admin, json({{"reason", "request"}}).dump())->status, 200);
  EXPECT_EQ(send("GET", "/api/v1/people/H1-M1/export", admin)->status, 200);
  EXPECT_EQ(send("GET", "/api/v1/nothing-here?bsn=" + bsn, dir)->status, 404);
  EXPECT_EQ(send("PUT", "/api/v1/households/H1/members/H1-M2/bsn", {}, json({{"bsn", other_bsn}}).dump())->status,
            401);

  // Accounts: the one-time secrets appear in the answer that makes them only.
  auto created = send("POST", "/api/v1/accounts", admin,
                      json({{"username", "new.director"}, {"display_name", "N"}, {"role", "director"}}).dump());
  ASSERT_EQ(created->status, 201);
  auto c = json::parse(created->body);
  const std::string initial = c["initial_password"], uri = c["otpauth_uri"];
  const std::string new_secret = uri.substr(uri.find("secret=") + 7, 32);
  EXPECT_EQ(send("GET", "/api/v1/accounts", admin)->status, 200);
  auto reset = send("POST", "/api/v1/accounts/dir.b/totp", admin);
  ASSERT_EQ(reset->status, 200);
  const std::string reset_uri = json::parse(reset->body)["otpauth_uri"];
  const std::string reset_secret = reset_uri.substr(reset_uri.find("secret=") + 7, 32);
  EXPECT_EQ(send("POST", "/api/v1/accounts/dir.b/disable", admin)->status, 204);
  EXPECT_EQ(send("POST", "/api/v1/accounts/dir.b/enable", admin)->status, 204);
  EXPECT_EQ(send("GET", "/api/v1/accounts", dir)->status, 403);

  // Sign out; the old cookie is then worthless.
  EXPECT_EQ(send("DELETE", "/api/v1/session", dir)->status, 204);
  EXPECT_EQ(send("GET", "/api/v1/households", dir)->status, 401);

  // What must never show up elsewhere.
  secrets = {bsn, other_bsn, bad_bsn, initial, new_secret, reset_secret, uri, reset_uri};
  for (auto& p : passwords) secrets.push_back(p);
  for (auto& t : tokens) secrets.push_back(t);
  for (auto user : {"admin", "dir.a", "dir.b", "lead", "prof", "ana"}) {
    secrets.push_back(testing::test_totp_secret(user));
    secrets.push_back(service::totp_base32(testing::test_totp_secret(user)));
  }
  ASSERT_EQ(tokens.size(), 2u);

  // The two enrolment answers may carry their own secret and URI, nothing else.
  for (auto& a : answers) {
    if (a.body.find(uri) != std::string::npos) {
      EXPECT_NE(a.body.find(initial), std::string::npos);
      a.body.erase(a.body.find(uri), uri.size());
      a.body.erase(a.body.find(initial), initial.size());
    }
    if (a.body.find(reset_uri) != std::string::npos) a.body.erase(a.body.find(reset_uri), reset_uri.size());
  }
  auto text = log.text();
  EXPECT_NE(text.find("sign_in.refused"), std::string::npos) << "the log was not captured";
  auto found = leaks(text);
  EXPECT_TRUE(found.empty()) << ::testing::PrintToString(found);
}

// The scan itself: a secret written to the log on purpose is found.
TEST_P(SecretsScanTest, FindsASecretWrittenToTheLog) {
  CapturedLog log;
  secrets = {"secret-dir.a"};
  log::warn("test.leak", json({{"oops", "secret-dir.a"}}).dump());
  EXPECT_EQ(leaks(log.text()).size(), 1u);
  auto r = sign_in_raw("dir.a", "secret-dir.a", code("dir.a"));
  ASSERT_EQ(r->status, 200);
  secrets.push_back(tokens.back());
  send("GET", "/api/v1/households", session_of(r));
  answers.back().body += tokens.back();  // as if an answer echoed the token
  EXPECT_EQ(leaks("").size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, SecretsScanTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace regie::http
