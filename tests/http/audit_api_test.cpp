// GET /api/v1/audit: administrators read the trail as JSON, CSV or XLSX;
// every other role gets 403, and both the reading and the refusal are recorded.
#include <gtest/gtest.h>

#include "store/audit_store.h"
#include "support/api_server.h"

namespace regie::http {
namespace {

using nlohmann::json;

class AuditApiTest : public testing::ApiServerTest {};

TEST_P(AuditApiTest, OnlyAnAdministratorReadsTheTrailAndEveryReadingIsRecorded) {
  for (const std::string user : {"dir.a", "lead", "prof", "ana"}) {
    auto r = client->Get("/api/v1/audit?person=H1-M1", signed_in(user));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 403) << user;
    EXPECT_EQ(r->body.find("H1-M1"), std::string::npos) << user;
    auto last = store::AuditStore(*store).query({}).back();
    EXPECT_EQ(last.actor, user);
    EXPECT_EQ(last.action, "audit.read");
    EXPECT_EQ(last.outcome, "denied");
    EXPECT_EQ(last.client, "127.0.0.1");
  }
  EXPECT_EQ(client->Get("/api/v1/audit")->status, 401);

  auto admin = signed_in("admin");
  auto r = client->Get("/api/v1/audit?person=H1-M1&from=2019-01-01&to=2019-01-01", admin);
  ASSERT_EQ(r->status, 200) << r->body;
  auto rows = json::parse(r->body)["rows"];
  // The four refusals asked about H1-M1, and so does this reading.
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[4]["actor"], "admin");
  EXPECT_EQ(rows[4]["outcome"], "allowed");
  EXPECT_EQ(rows[0]["role"], "director");

  auto csv = client->Get("/api/v1/audit?format=csv&from=2019-01-02", admin);
  ASSERT_EQ(csv->status, 200);
  EXPECT_EQ(csv->get_header_value("Content-Type").rfind("text/csv", 0), 0u);
  EXPECT_EQ(csv->body.rfind("seq,at,actor,role,organisation,action,outcome", 0), 0u) << csv->body;
  auto xlsx = client->Get("/api/v1/audit?format=xlsx", admin);
  ASSERT_EQ(xlsx->status, 200);
  EXPECT_EQ(xlsx->body.rfind("PK", 0), 0u);

  auto bad = client->Get("/api/v1/audit?from=yesterday", admin);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("from"), std::string::npos);
  EXPECT_TRUE(store::AuditStore(*store).verify().intact);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditApiTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace regie::http
