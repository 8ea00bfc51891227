// Bad input at the API's edge: oversize bodies, deep nesting and invalid
// UTF-8 are refused with a clear 4xx, nothing is stored, and the server
// keeps serving.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "http/bodies.h"
#include "http/rate_limit.h"
#include "http/server.h"
#include "support/backends.h"
#include "support/fixtures.h"
#include "support/temp_dir.h"
#include "support/totp.h"
#include "store/bundle.h"
#include "store/provision_store.h"

namespace regie::http {
namespace {

using nlohmann::json;

TEST(ParseObject, RefusesNestingBeyondTheLimitButNotBracketsInStrings) {
  std::string ok = std::string(kMaxJsonDepth - 1, '[') + std::string(kMaxJsonDepth - 1, ']');
  EXPECT_TRUE(parse_object("{\"a\":" + ok + "}"));
  std::string deep = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
  auto refused = parse_object("{\"a\":" + deep + "}");
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("deeper"), std::string::npos);
  EXPECT_TRUE(parse_object(R"({"goal":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{"})"));
}

TEST(ParseObject, RefusesInvalidUtf8AndNonObjects) {
  EXPECT_FALSE(parse_object("{\"goal\":\"\xff\xfe\"}"));
  EXPECT_FALSE(parse_object("{\"goal\":\"\xc3\"}"));       // truncated sequence
  EXPECT_FALSE(parse_object("{\"goal\":\"\xed\xa0\x80\"}"));  // a surrogate as UTF-8
  EXPECT_TRUE(parse_object("{\"goal\":\"caf\xc3\xa9\"}"));
  EXPECT_FALSE(parse_object("[1,2]"));
  EXPECT_FALSE(parse_object(""));
  EXPECT_FALSE(parse_object(std::string("{\"a\":1}\0garbage", 15)));
}

class LimitsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(regie::store::write_bundle(*store, testing::small_bundle()));
    ServerOptions o;
    o.port = 0;
    o.secret_key_file = dir.file("secret.key");
    testing::enrol_test_second_factors(*store, o.secret_key_file, clock.now_seconds());
    auto created = Server::create(*store, clock, o);
    ASSERT_TRUE(created);
    server = std::move(*created);
    port = server->bind();
    thread = std::thread([this] { server->run(); });
    client = std::make_unique<httplib::Client>("127.0.0.1", port);
    auto r = client->Post(
        "/api/v1/session",
        json({{"username", "dir.a"}, {"password", "secret-dir.a"}, {"code", codes.next("dir.a", clock)}}).dump(),
        "application/json");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200);
    auto cookie = r->get_header_value("Set-Cookie");
    headers = {{"Cookie", cookie.substr(0, cookie.find(';'))},
               {"X-CSRF-Token", json::parse(r->body)["csrf_token"].get<std::string>()}};
  }
  void TearDown() override {
    server->stop();
    thread.join();
  }
  httplib::Result add(const std::string& body) {
    return client->Post("/api/v1/households/H1/provisions", headers, body, "application/json");
  }
  void expect_alive_and_nothing_stored() {
    EXPECT_EQ(regie::store::ProvisionStore(*store).of_household("H1").size(), 2u);
    auto h = client->Get("/healthz");
    ASSERT_TRUE(h);
    EXPECT_EQ(h->status, 200);
  }

  testing::TestDatabase db{"sqlite3"};
  std::unique_ptr<store::Store> store = db.open();
  testing::TempDir dir;
  ManualClock clock{1'546'300'800};
  testing::TestCodes codes;
  std::unique_ptr<Server> server;
  int port = 0;
  std::thread thread;
  std::unique_ptr<httplib::Client> client;
  httplib::Headers headers;
};

TEST_F(LimitsTest, ABodyOverTheLimitIs413) {
  std::string big = R"({"domain":"wmo","provider_id":"O1","start_date":"2019-01-01","goal":")" +
                    std::string(ServerOptions{}.max_body_bytes, 'x') + "\"}";
  auto r = add(big);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  expect_alive_and_nothing_stored();
}

TEST_F(LimitsTest, DeepJsonIs400NotACrash) {
  // Far deeper than any recursion would survive, well under the body limit.
  std::string deep = "{\"goal\":" + std::string(200000, '[') + std::string(200000, ']') + "}";
  auto r = add(deep);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_NE(r->body.find("deeper"), std::string::npos);
  auto s = client->Post("/api/v1/session", std::string(100000, '{'), "application/json");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->status, 400);
  expect_alive_and_nothing_stored();
}

TEST_F(LimitsTest, InvalidUtf8Is400AndNothingIsStored) {
  auto r = add("{\"domain\":\"wmo\",\"provider_id\":\"O1\",\"start_date\":\"2019-01-01\",\"annual_cost_cents\":1,"
               "\"goal\":\"\xff\xfe\xfd\"}");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(json::parse(r->body)["error"]["code"], "invalid_input");
  expect_alive_and_nothing_stored();
}

TEST_F(LimitsTest, WrongTypesAndHugeNumbersAreNamedNotTrusted) {
  auto r = add(R"({"domain":"wmo","provider_id":"O1","start_date":"2019-01-01","annual_cost_cents":1e400,
                   "version":99999999999999999999,"hours_per_week":"99999999999999999999999"})");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  expect_alive_and_nothing_stored();
}

}  // namespace
}  // namespace regie::http

namespace regie::http {
namespace {

TEST(RateLimit, ABurstIsAllowedThenTheRateAndEachClientHasItsOwnBudget) {
  RateLimit limit(2, 3);  // 2 per second, 3 at once
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limit.allow("10.0.0.1", 100.0)) << i;
  int retry = 0;
  EXPECT_FALSE(limit.allow("10.0.0.1", 100.0, &retry));
  EXPECT_EQ(retry, 1);
  EXPECT_TRUE(limit.allow("10.0.0.2", 100.0));  // someone else is not held back
  EXPECT_TRUE(limit.allow("10.0.0.1", 100.5));  // half a second refills one
  EXPECT_FALSE(limit.allow("10.0.0.1", 100.5));
  EXPECT_TRUE(limit.allow("10.0.0.1", 200.0));
  RateLimit off(0, 1);
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(off.allow("10.0.0.1", 1.0));
}

TEST(RateLimit, AServerAnswers429WithRetryAfterOverTheLimitButHealthChecksPass) {
  testing::TestDatabase db("sqlite3");
  auto store = db.open();
  ManualClock clock{1'546'300'800};
  ServerOptions o;
  o.port = 0;
  o.rate_limit_per_second = 0.01;  // no refill within the test
  o.rate_limit_burst = 5;
  auto created = Server::create(*store, clock, o);
  ASSERT_TRUE(created);
  auto& server = *created;
  int port = server->bind();
  std::thread t([&] { server->run(); });
  httplib::Client client("127.0.0.1", port);
  for (int i = 0; i < 5; ++i) {
    auto r = client.Get("/api/v1/openapi.json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << i;
  }
  auto over = client.Get("/api/v1/households");
  ASSERT_TRUE(over);
  EXPECT_EQ(over->status, 429);
  EXPECT_FALSE(over->get_header_value("Retry-After").empty());
  EXPECT_EQ(nlohmann::json::parse(over->body)["error"]["code"], "throttled");
  auto health = client.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  server->stop();
  t.join();
}

}  // namespace
}  // namespace regie::http
