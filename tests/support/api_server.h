// A Regie server on a free loopback port over a fresh database with the small
// fixture bundle, for API tests on every backend.
#pragma once
#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <utility>

#include "http/server.h"
#include "support/backends.h"
#include "support/fixtures.h"
#include "support/temp_dir.h"
#include "support/totp.h"
#include "store/bundle.h"

namespace regie::testing {

class ApiServerTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(regie::store::write_bundle(*store, small_bundle()));
    http::ServerOptions o;
    o.port = 0;
    o.rate_limit_per_second = 0;  // API suites send hundreds of requests at once; limits_test covers the limit
    // Each request may arrive on a new connection before the server has seen
    // the last one close; on a loaded machine that hit the per-address cap.
    // hardening_test covers the cap.
    o.max_connections_per_client = 0;
    o.web_root = web.path();
    web.write("index.html", "<!doctype html><html lang=\"nl\"><title>Regie</title></html>");
    o.secret_key_file = web.file("secret.key");
    enrol_test_second_factors(*store, o.secret_key_file, clock.now_seconds());
    o.questionnaires_dir = REGIE_QUESTIONNAIRES;
    configure(o);
    auto created = http::Server::create(*store, clock, o);
    ASSERT_TRUE(created) << created.error().message;
    server = std::move(*created);
    port = server->bind();
    ASSERT_GT(port, 0);
    thread = std::thread([this] { server->run(); });
    client = std::make_unique<httplib::Client>("127.0.0.1", port);
  }
  // A suite that needs other limits or timeouts sets them here.
  virtual void configure(http::ServerOptions&) {}
  void TearDown() override {
    if (server) server->stop();
    if (thread.joinable()) thread.join();
  }

  // Signs in (with the second factor's code) and returns the cookie header
  // and the CSRF token.
  std::pair<std::string, std::string> sign_in(const std::string& user, const std::string& password) {
    auto r = client->Post(
        "/api/v1/session",
        nlohmann::json({{"username", user}, {"password", password}, {"code", codes.next(user, clock)}}).dump(),
        "application/json");
    EXPECT_TRUE(r);
    EXPECT_EQ(r->status, 200) << r->body;
    auto cookie = r->get_header_value("Set-Cookie");
    return {cookie.substr(0, cookie.find(';')), nlohmann::json::parse(r->body)["csrf_token"]};
  }
  // Headers of a signed-in user, CSRF token included.
  httplib::Headers signed_in(const std::string& user) {
    auto [cookie, csrf] = sign_in(user, "secret-" + user);
    return {{"Cookie", cookie}, {"X-CSRF-Token", csrf}};
  }

  TestDatabase db{GetParam()};
  std::unique_ptr<store::Store> store = db.open();
  TempDir web;
  ManualClock clock{1'546'300'800};  // 2019-01-01
  TestCodes codes;
  std::unique_ptr<http::Server> server;
  std::thread thread;
  int port = 0;
  std::unique_ptr<httplib::Client> client;
};

}  // namespace regie::testing
