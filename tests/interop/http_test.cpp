// The interop routes over a real socket: message upload (administrators,
// CSRF), the FHIR export (assigned director) and their error shapes.
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "common/sealer.h"
#include "http/server.h"
#include "support/backends.h"
#include "support/fixtures.h"
#include "support/totp.h"
#include "support/temp_dir.h"
#include "store/bundle.h"
#include "store/household_store.h"

#include <soci/soci.h>

namespace regie::http {
namespace {

using nlohmann::json;

const std::string kMessages =
    std::filesystem::path(REGIE_DEMO_DATA).parent_path().parent_path().parent_path().string() +
    "/tests/interop/messages/";

class InteropHttpTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(regie::store::write_bundle(*store, testing::small_bundle()));
    auto sealer = Sealer::from_key_file(dir.file("secret.key"), true);
    ASSERT_TRUE(sealer);
    ASSERT_TRUE(regie::store::HouseholdStore(*store).set_member_bsn("H1-M2", sealer->seal("111222333")));
    ServerOptions o;
    o.port = 0;
    o.web_root = dir.path();
    o.secret_key_file = dir.file("secret.key");
    testing::enrol_test_second_factors(*store, o.secret_key_file, clock.now_seconds());
    auto created = Server::create(*store, clock, o);
    ASSERT_TRUE(created) << created.error().message;
    server = std::move(*created);
    port = server->bind();
    thread = std::thread([this] { server->run(); });
    client = std::make_unique<httplib::Client>("127.0.0.1", port);
  }
  void TearDown() override {
    if (server) server->stop();
    if (thread.joinable()) thread.join();
  }
  std::pair<std::string, std::string> sign_in(const std::string& user) {
    auto r = client->Post(
        "/api/v1/session",
        json({{"username", user}, {"password", "secret-" + user}, {"code", codes.next(user, clock)}}).dump(),
        "application/json");
    EXPECT_TRUE(r && r->status == 200);
    auto cookie = r->get_header_value("Set-Cookie");
    return {cookie.substr(0, cookie.find(';')), json::parse(r->body)["csrf_token"]};
  }
  httplib::Result upload(const std::pair<std::string, std::string>& s, const std::string& file) {
    httplib::Headers h = {{"Cookie", s.first}, {"X-CSRF-Token", s.second}};
    return client->Post("/api/v1/interop/messages?standard=ijw", h, testing::read_file(kMessages + file),
                        "application/xml");
  }
  testing::TestDatabase db{GetParam()};
  std::unique_ptr<store::Store> store = db.open();
  testing::TempDir dir;
  ManualClock clock{1'559'347'200};  // 2019-06-01
  testing::TestCodes codes;
  std::unique_ptr<Server> server;
  std::thread thread;
  int port = 0;
  std::unique_ptr<httplib::Client> client;
};

TEST_P(InteropHttpTest, AnAdministratorUploadsMessagesAndTheDirectorExportsTheHousehold) {
  auto admin = sign_in("admin");
  auto r = upload(admin, "jw301_allocation.xml");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 201) << r->body;
  EXPECT_EQ(json::parse(r->body)["provisions"].size(), 2u);
  auto again = upload(admin, "jw301_allocation.xml");
  EXPECT_EQ(again->status, 200);
  EXPECT_TRUE(json::parse(again->body)["already_imported"]);
  auto bad = upload(admin, "refused/bad_unit_second_product.xml");
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(json::parse(bad->body)["error"]["code"], "invalid_input");

  auto dir_a = sign_in("dir.a");
  auto b = client->Get("/api/v1/households/H1/$export", {{"Cookie", dir_a.first}});
  ASSERT_TRUE(b);
  EXPECT_EQ(b->status, 200);
  EXPECT_EQ(b->get_header_value("Content-Type"), "application/fhir+json");
  auto bundle = json::parse(b->body);
  EXPECT_EQ(bundle["resourceType"], "Bundle");
  EXPECT_EQ(b->body.find("111222333"), std::string::npos);
  auto with_bsn = client->Get("/api/v1/households/H1/$export?include_bsn=true", {{"Cookie", dir_a.first}});
  EXPECT_NE(with_bsn->body.find("\"111222333\""), std::string::npos);
}

TEST_P(InteropHttpTest, UploadNeedsAnAdministratorAndTheCsrfTokenAndExportTheAssignedDirector) {
  auto dir_a = sign_in("dir.a");
  EXPECT_EQ(upload(dir_a, "jw301_allocation.xml")->status, 403);
  auto admin = sign_in("admin");
  auto no_csrf = client->Post("/api/v1/interop/messages?standard=ijw", {{"Cookie", admin.first}},
                              testing::read_file(kMessages + "jw301_allocation.xml"), "application/xml");
  EXPECT_EQ(no_csrf->status, 403);
  httplib::Headers h = {{"Cookie", admin.first}, {"X-CSRF-Token", admin.second}};
  EXPECT_EQ(client->Post("/api/v1/interop/messages?standard=xml", h, "<x/>", "application/xml")->status, 400);
  auto dir_b = sign_in("dir.b");
  EXPECT_EQ(client->Get("/api/v1/households/H1/$export", {{"Cookie", dir_b.first}})->status, 403);
  EXPECT_EQ(client->Get("/api/v1/households/H1/$export")->status, 401);
  long long messages = 0;
  store->read([&](soci::session& sql) { sql << "SELECT COUNT(*) FROM interop_message", soci::into(messages); });
  EXPECT_EQ(messages, 0);
}

// The upload takes a message up to 16 MiB, sixteen times the limit of every
// other request; a bigger one is refused before it is stored.
TEST_P(InteropHttpTest, TheUploadTakesMessagesUpTo16MiBAndRefusesBiggerOnes) {
  auto admin = sign_in("admin");
  httplib::Headers h = {{"Cookie", admin.first}, {"X-CSRF-Token", admin.second}};
  auto message = testing::read_file(kMessages + "jw301_allocation.xml");
  auto padded = message + std::string(ServerOptions{}.max_body_bytes * 2, ' ');
  auto r = client->Post("/api/v1/interop/messages?standard=ijw", h, padded, "application/xml");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 201) << r->body.substr(0, 300);

  auto oversized = message + std::string(ServerOptions{}.max_upload_bytes, ' ');
  auto big = client->Post("/api/v1/interop/messages?standard=ijw", h, oversized, "application/xml");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  long long messages = 0;
  store->read([&](soci::session& sql) { sql << "SELECT COUNT(*) FROM interop_message", soci::into(messages); });
  EXPECT_EQ(messages, 1);

  // Every other route keeps the general limit.
  auto other = client->Post("/api/v1/interop/providers", h, std::string(ServerOptions{}.max_body_bytes + 1, ' '),
                            "application/json");
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 413);
  EXPECT_EQ(client->Get("/healthz")->status, 200);
}

INSTANTIATE_TEST_SUITE_P(Backends, InteropHttpTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace regie::http
