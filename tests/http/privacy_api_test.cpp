// The privacy routes over HTTP: one person's export (JSON and FHIR) and their
// erasure, on every store backend. Who may call them is in access_matrix_test.
#include <gtest/gtest.h>

#include "store/audit_store.h"
#include "support/api_server.h"

namespace regie {
namespace {

using nlohmann::json;

class PrivacyApiTest : public testing::ApiServerTest {};

TEST_P(PrivacyApiTest, TheDirectorExportsAMemberAsJsonOrFhirAndAnotherDirectorIsRefused) {
  auto dir = signed_in("dir.a");
  auto r = client->Get("/api/v1/people/H1-M2/export", dir);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->get_header_value("Cache-Control"), "no-store");
  auto doc = json::parse(r->body);
  EXPECT_EQ(doc["person"]["given_name"], "Tim");
  ASSERT_EQ(doc["provisions"].size(), 2u);  // his own and the household's

  auto f = client->Get("/api/v1/people/H1-M2/export?format=fhir", dir);
  ASSERT_EQ(f->status, 200) << f->body;
  EXPECT_EQ(f->get_header_value("Content-Type"), "application/fhir+json");
  EXPECT_EQ(json::parse(f->body)["resourceType"], "Bundle");
  EXPECT_EQ(client->Get("/api/v1/people/H1-M2/export?format=xml", dir)->status, 400);

  auto other = client->Get("/api/v1/people/H1-M2/export", signed_in("dir.b"));
  EXPECT_EQ(other->status, 403);
  EXPECT_EQ(other->body.find("Tim"), std::string::npos);
}

TEST_P(PrivacyApiTest, AnAdministratorErasesAMemberAndSeesWhatWasKeptAndWhy) {
  auto admin = signed_in("admin");
  auto missing = client->Post("/api/v1/people/H1-M2/erasure", admin, "{}", "application/json");
  EXPECT_EQ(missing->status, 400);
  auto r = client->Post("/api/v1/people/H1-M2/erasure", admin, json({{"reason", "request of 2018-12-30"}}).dump(),
                        "application/json");
  ASSERT_EQ(r->status, 200) << r->body;
  auto e = json::parse(r->body);
  EXPECT_EQ(e["kind"], "request");
  EXPECT_EQ(e["member_id"], "H1-M2");
  std::set<std::string> kept;
  for (auto& x : e["retained"]) kept.insert(x["category"]);
  EXPECT_TRUE(kept.contains("audit_trail"));
  EXPECT_TRUE(kept.contains("youth_care"));  // his youth-care provision H1-P1
  auto after = json::parse(client->Get("/api/v1/people/H1-M2/export", admin)->body);
  EXPECT_EQ(after["person"]["given_name"], "[erased]");
  EXPECT_EQ(after["erasures"].size(), 1u);
  EXPECT_TRUE(store::AuditStore(*store).verify().intact);
  EXPECT_EQ(
      client->Post("/api/v1/people/H1-M9/erasure", admin, json({{"reason", "x"}}).dump(), "application/json")->status,
      404);
}

INSTANTIATE_TEST_SUITE_P(Backends, PrivacyApiTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace regie
