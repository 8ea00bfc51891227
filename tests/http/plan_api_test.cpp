// The plan, decision, round-table, aftercare and caseload API over a real socket.
#include <gtest/gtest.h>
#include <httplib.h>
#include <soci/soci.h>

#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "support/api_server.h"

namespace regie::http {
namespace {

using nlohmann::json;

class PlanApiTest : public testing::ApiServerTest {
 protected:
  void SetUp() override {
    ApiServerTest::SetUp();
    headers = signed_in("dir.a");
  }
  std::pair<int, json> post(const std::string& path, const json& body) {
    auto r = client->Post(path, headers, body.dump(), "application/json");
    return {r->status, r->body.empty() ? json() : json::parse(r->body)};
  }
  std::pair<int, json> get(const std::string& path) {
    auto r = client->Get(path, headers);
    return {r->status, json::parse(r->body)};
  }
  httplib::Headers headers;
};

TEST_P(PlanApiTest, PlanDecisionAndTimelineEndToEnd) {
  auto [sw, wish] = post("/api/v1/households/H1/wishes",
                         {{"member_id", "H1-M2"}, {"dimension", "participation"}, {"text", "Weer naar school"}});
  ASSERT_EQ(sw, 201) << wish.dump();
  json goal = {{"life_domain", "school_work"},
               {"member_ids", {"H1-M2"}},
               {"wish_id", wish["id"]},
               {"household_words", "Tim wil weer naar school"},
               {"professional_words", "Schoolgang herstellen"},
               {"actions",
                {{{"text", "Gesprek met mentor"},
                  {"responsible", {{"kind", "professional"}, {"id", "PR1"}}},
                  {"due_date", "2019-02-01"}}}}};
  auto [s1, b1] = post("/api/v1/households/H1/plans", {{"based_on", 0}, {"goals", {goal}}});
  ASSERT_EQ(s1, 201) << b1.dump();
  auto [s2, b2] = post("/api/v1/households/H1/plans/1/agreement",
                       {{"agreed_on", "2019-01-01"}, {"agreed_by", {{{"kind", "member"}, {"id", "H1-M1"}}}}});
  ASSERT_EQ(s2, 200) << b2.dump();
  auto [s3, b3] = post("/api/v1/households/H1/plans", {{"based_on", 0}, {"goals", {goal}}});
  EXPECT_EQ(s3, 409);
  goal["life_domain"] = "luck";
  auto [s4, b4] = post("/api/v1/households/H1/plans", {{"based_on", 1}, {"goals", {goal}}});
  EXPECT_EQ(s4, 400);
  EXPECT_EQ(b4["error"]["message"], "goals[0].life_domain: not a life domain");
  goal["life_domain"] = "school_work";
  goal["wish_id"] = "999999";
  auto [s4b, b4b] = post("/api/v1/households/H1/plans", {{"based_on", 1}, {"goals", {goal}}});
  EXPECT_EQ(s4b, 400);
  EXPECT_EQ(b4b["error"]["message"], "goals[0].wish_id: 999999 is not a wish for change of this household");

  const json systemic = {
      {"domain", "jeugd"}, {"provider_id", "O2"}, {"goal", "gezinsbehandeling"}, {"annual_cost_cents", 800000}};
  auto [s5, b5] = post("/api/v1/households/H1/decisions", {{"kind", "replace"},
                                                           {"reason", "een aanbieder voor het gezin"},
                                                           {"effective_date", "2019-02-01"},
                                                           {"stop", {"H1-P1", "H1-P2"}},
                                                           {"start", {systemic}}});
  ASSERT_EQ(s5, 201) << b5.dump();
  EXPECT_EQ(b5["total_annual_effect_cents"], -584567);
  EXPECT_EQ(b5["annual_effect_cents"]["gemeente"], -434567);

  // Today (1 January) the care map is unchanged; on 1 February it has changed.
  auto [s6, view] = get("/api/v1/households/H1");
  ASSERT_EQ(s6, 200);
  EXPECT_EQ(view["household"]["total_annual_cost_cents"], 1234567 + 150000);
  std::set<std::string> kinds;
  for (auto& e : view["household"]["timeline"]) kinds.insert(e["kind"]);
  for (auto k : {"plan_version", "plan_agreed", "decision", "care_map_ended", "care_map_added"})
    EXPECT_TRUE(kinds.contains(k)) << k;
  clock.advance(31 * 86400);
  headers = signed_in("dir.a");  // the session has timed out meanwhile
  auto [s7, later] = get("/api/v1/households/H1");
  EXPECT_EQ(later["household"]["total_annual_cost_cents"], 800000);

  auto [s8, b8] = post("/api/v1/households/H1/decisions",
                       {{"kind", "stop"}, {"reason", "x"}, {"effective_date", "2019-03-01"}, {"stop", {"H2-X"}}});
  EXPECT_EQ(s8, 400);
  auto [s9, log] = get("/api/v1/households/H1/decisions");
  EXPECT_EQ(log["decisions"].size(), 1u);
  auto [s10, other] = get("/api/v1/households/H2/decisions");
  EXPECT_EQ(s10, 403);
}

TEST_P(PlanApiTest, RoundTableSlotScheduleInvitationAndCaseload) {
  json body = {{"title", "Ronde tafel"},
               {"window_from", "2019-01-07"},
               {"window_to", "2019-01-18"},
               {"duration_minutes", 60},
               {"participants",
                {{{"kind", "member"},
                  {"party_id", "H1-M1"},
                  {"required", true},
                  {"availability", {{{"from", "2019-01-15T10:00"}, {"to", "2019-01-15T12:00"}}}}},
                 {{"kind", "professional"},
                  {"party_id", "PR1"},
                  {"email", "anna@example.org"},
                  {"required", true},
                  {"availability", {{{"from", "2019-01-15T11:00"}, {"to", "2019-01-15T13:00"}}}}}}}};
  auto [s1, rt] = post("/api/v1/households/H1/round-tables", body);
  ASSERT_EQ(s1, 201) << rt.dump();
  const std::string path = "/api/v1/households/H1/round-tables/" + std::to_string(rt["id"].get<long long>());
  auto [s2, slot] = get(path + "/slot");
  ASSERT_EQ(s2, 200);
  ASSERT_TRUE(slot["found"]) << slot.dump();
  EXPECT_EQ(slot["start_local"], "2019-01-15T11:00");
  auto [s3, sched] = post(path + "/schedule", {{"start", slot["start"]}, {"version", rt["version"]}});
  ASSERT_EQ(s3, 200) << sched.dump();
  auto ics = client->Get(
      path + "/participants/" + std::to_string(rt["participants"][1]["id"].get<long long>()) + "/invitation.ics",
      headers);
  ASSERT_EQ(ics->status, 200);
  EXPECT_NE(ics->get_header_value("Content-Type").find("text/calendar"), std::string::npos);
  EXPECT_NE(ics->body.find("DTSTART:20190115T100000Z"), std::string::npos);

  auto [s4, load] = get("/api/v1/caseload");
  ASSERT_EQ(s4, 200);
  ASSERT_EQ(load["caseloads"].size(), 1u);
  EXPECT_EQ(load["caseloads"][0]["households_per_status"]["active"], 1);
  EXPECT_TRUE(load["caseloads"][0]["minutes_this_month"].contains("travel"));
}

TEST_P(PlanApiTest, AParticipantEmailWithALineBreakIsRefusedAndAStoredOneCannotInjectIntoTheInvitation) {
  json participant = {{"kind", "professional"},
                      {"party_id", "PR1"},
                      {"email", "anna@example.org\r\nATTENDEE:mailto:evil@example.org"},
                      {"required", true}};
  json body = {{"title", "Ronde tafel"},
               {"window_from", "2019-01-07"},
               {"window_to", "2019-01-18"},
               {"duration_minutes", 60},
               {"participants", {participant}}};
  auto [s1, refused] = post("/api/v1/households/H1/round-tables", body);
  EXPECT_EQ(s1, 400) << refused.dump();
  EXPECT_NE(refused.dump().find("participants[0].email"), std::string::npos) << refused.dump();
  for (const char* bad : {"anna", "anna@example.org\n", "\"a\"@example.org", "a b@example.org"}) {
    body["participants"][0]["email"] = bad;
    EXPECT_EQ(post("/api/v1/households/H1/round-tables", body).first, 400) << bad;
  }
  // A bad address stored before addresses were checked.
  body["participants"][0]["email"] = "anna@example.org";
  auto [s2, rt] = post("/api/v1/households/H1/round-tables", body);
  ASSERT_EQ(s2, 201) << rt.dump();
  const std::string stored = "anna@example.org\r\nATTENDEE:mailto:evil@example.org";
  store->write([&](soci::session& sql) { sql << "UPDATE round_table_participant SET email = :e", soci::use(stored); });
  const std::string path = "/api/v1/households/H1/round-tables/" + std::to_string(rt["id"].get<long long>());
  auto [s3, sched] = post(path + "/schedule", {{"start", "2019-01-15T10:00:00Z"}, {"version", rt["version"]}});
  ASSERT_EQ(s3, 200) << sched.dump();
  auto ics = client->Get(
      path + "/participants/" + std::to_string(rt["participants"][0]["id"].get<long long>()) + "/invitation.ics",
      headers);
  ASSERT_EQ(ics->status, 200) << ics->body;
  EXPECT_EQ(ics->body.find("evil@example.org"), std::string::npos) << ics->body;
  EXPECT_EQ(ics->body.find("\nATTENDEE:mailto:anna"), std::string::npos) << ics->body;
}

INSTANTIATE_TEST_SUITE_P(Backends, PlanApiTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace regie::http
