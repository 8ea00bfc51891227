// Two servers on one database share sign-in throttling: failures counted by
// one count at the other, and a lockout holds on both. On PostgreSQL this is
// the production shape (several `regie serve` processes behind a balancer).
#include <gtest/gtest.h>
#include <httplib.h>
#include <soci/soci.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "http/server.h"
#include "support/backends.h"
#include "support/fixtures.h"
#include "support/temp_dir.h"
#include "support/totp.h"
#include "store/bundle.h"

namespace regie::http {
namespace {

using nlohmann::json;

struct RunningServer {
  RunningServer(store::Store& store, ManualClock& clock, const std::string& key_file, testing::TestCodes& codes)
      : clock(clock), codes(codes) {
    ServerOptions o;
    o.port = 0;
    o.secret_key_file = key_file;
    auto created = Server::create(store, clock, o);
    if (!created) throw std::runtime_error(created.error().message);
    server = std::move(*created);
    port = server->bind();
    thread = std::thread([this] { server->run(); });
    client = std::make_unique<httplib::Client>("127.0.0.1", port);
  }
  ~RunningServer() {
    server->stop();
    thread.join();
  }
  int sign_in(const std::string& user, const std::string& password) {
    auto r = client->Post(
        "/api/v1/session",
        json({{"username", user}, {"password", password}, {"code", codes.next(user, clock)}}).dump(),
        "application/json");
    return r ? r->status : -1;
  }
  ManualClock& clock;
  testing::TestCodes& codes;  // shared: both servers refuse a code used on either
  std::unique_ptr<Server> server;
  int port = 0;
  std::thread thread;
  std::unique_ptr<httplib::Client> client;
};

class SharedThrottleTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(regie::store::write_bundle(*store_a, testing::small_bundle()));
    testing::enrol_test_second_factors(*store_a, key_file, clock.now_seconds());
  }
  testing::TempDir dir;
  std::string key_file = dir.file("secret.key");
  testing::TestCodes codes;
  testing::TestDatabase db{GetParam()};
  std::unique_ptr<store::Store> store_a = db.open(), store_b = db.open();
  ManualClock clock{1'546'300'800};
};

TEST_P(SharedThrottleTest, FailuresOnTwoServersAddUpToOneLockout) {
  RunningServer a(*store_a, clock, key_file, codes), b(*store_b, clock, key_file, codes);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(a.sign_in("dir.a", "wrong"), 401);
  for (int i = 0; i < 2; ++i) EXPECT_EQ(b.sign_in("dir.a", "wrong"), 401);
  // Five failures in all: locked on both servers, even with the right password.
  EXPECT_EQ(a.sign_in("dir.a", "secret-dir.a"), 429);
  EXPECT_EQ(b.sign_in("dir.a", "secret-dir.a"), 429);
  // Another user from another client is not affected... but this client is:
  // the client key counted the same five failures.
  EXPECT_EQ(b.sign_in("dir.b", "secret-dir.b"), 429);
  clock.advance(16 * 60);
  EXPECT_EQ(a.sign_in("dir.a", "secret-dir.a"), 200);
  EXPECT_EQ(b.sign_in("dir.b", "secret-dir.b"), 200);
}

TEST_P(SharedThrottleTest, ConcurrentFailuresOnTwoServersAreAllCounted) {
  RunningServer a(*store_a, clock, key_file, codes), b(*store_b, clock, key_file, codes);
  // Four failures at once, two per server: none may be lost to a race.
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&, i] {
      httplib::Client c("127.0.0.1", i % 2 ? a.port : b.port);
      c.Post("/api/v1/session", R"({"username":"dir.a","password":"wrong"})", "application/json");
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(a.sign_in("dir.a", "wrong"), 401);  // the fifth
  EXPECT_EQ(b.sign_in("dir.a", "secret-dir.a"), 429);
}

TEST_P(SharedThrottleTest, TheStoreKeepsNoUserNameInClear) {
  RunningServer a(*store_a, clock, key_file, codes);
  EXPECT_EQ(a.sign_in("my-secret-password", "x"), 401);
  std::string keys;
  store_a->read([&](soci::session& sql) {
    soci::rowset<std::string> rs = (sql.prepare << "SELECT key_hash FROM sign_in_failure");
    for (auto& k : rs) keys += k + "\n";
  });
  EXPECT_FALSE(keys.empty());
  EXPECT_EQ(keys.find("my-secret-password"), std::string::npos);
  EXPECT_EQ(keys.find("127.0.0.1"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, SharedThrottleTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace regie::http
