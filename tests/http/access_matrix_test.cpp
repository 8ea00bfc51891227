// Every endpoint of the API document × every kind of caller: allowed, or 403
// with no personal data and a "denied" audit event. The endpoints come from
// the OpenAPI document the server serves (docs/openapi.json, compiled in), so
// an endpoint added there without an expectation here fails the test.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "service/auth.h"
#include "store/assignment_store.h"
#include "store/consent_store.h"
#include "support/api_server.h"

namespace regie {
namespace {

using nlohmann::json;
using namespace domain;

// The callers, each looking at household H1 (director dir.a).
const std::vector<std::string> kCallers = {
    "dir.a",      // director, assigned to H1
    "dir.b",      // director, not assigned to H1
    "prof.yes",   // professional on H1's care team, consent of Tim covers their organisation
    "prof.none",  // professional on H1's care team, no consent for their organisation
    "prof.gone",  // professional on H1's care team, consent withdrawn
    "gezin.a",    // household member of H1 (its own household)
    "gezin.b",    // household member of H2 (another household)
    "ana",        // analyst
    "lead",       // team lead, not assigned to H1
    "lead.a",     // team lead assigned to H1 next to its director
    "admin",      // administrator
};

const std::set<std::string> kEveryone(kCallers.begin(), kCallers.end());
const std::set<std::string> kDirectors = {"dir.a", "dir.b"};
const std::set<std::string> kMembers = {"gezin.a", "gezin.b"};
const std::set<std::string> kLeads = {"lead", "lead.a"};
// Those who work on H1's file: its director and the team lead assigned to it.
const std::set<std::string> kAssigned = {"dir.a", "lead.a"};

// Who gets past the access rules, per "METHOD path" of the API document.
// Anything else must be refused with 403.
const std::map<std::string, std::set<std::string>>& expectations() {
  static const std::map<std::string, std::set<std::string>> m = [] {
    std::map<std::string, std::set<std::string>> e;
    const std::set<std::string> aggregates = {"ana", "lead", "lead.a", "admin"};
    // Public, or about the caller's own session.
    for (auto k : {"GET /healthz", "GET /api/v1/openapi.json", "POST /api/v1/session", "GET /api/v1/session",
                   "DELETE /api/v1/session"})
      e[k] = kEveryone;
    // Reference data without personal data of households (the professionals'
    // directory holds work names and numbers).
    for (auto k : {"GET /api/v1/price-list", "GET /api/v1/organisations", "GET /api/v1/questionnaires",
                   "GET /api/v1/professionals"})
      e[k] = kEveryone;
    // Caseloads: directors their own, team leads and administrators all (no file contents).
    e["GET /api/v1/households"] = {"dir.a", "dir.b", "lead", "lead.a", "admin"};
    e["POST /api/v1/households"] = {"dir.a", "dir.b", "lead", "lead.a"};
    e["GET /api/v1/caseload"] = {"dir.a", "dir.b", "lead", "lead.a", "admin"};
    // The file itself: those assigned, and a professional with covering consent.
    e["GET /api/v1/households/{id}"] = {"dir.a", "lead.a", "prof.yes"};
    e["PUT /api/v1/households/{id}/status"] = {"dir.a", "lead", "lead.a"};
    // Who is assigned is caseload information; team leads manage it.
    e["GET /api/v1/households/{id}/team-leads"] = {"dir.a", "lead", "lead.a"};
    e["PUT /api/v1/households/{id}/team-leads/{username}"] = kLeads;
    e["DELETE /api/v1/households/{id}/team-leads/{username}"] = kLeads;
    // Pseudonymised aggregates.
    for (auto k : {"GET /api/v1/analytics/pareto", "GET /api/v1/analytics/stacking", "GET /api/v1/analytics/providers",
                   "GET /api/v1/analytics/targets", "GET /api/v1/analytics/potential",
                   "GET /api/v1/analytics/stacking-by-neighbourhood"})
      e[k] = aggregates;
    e["GET /api/v1/businesscase"] = {"dir.a", "dir.b", "ana", "lead", "lead.a", "admin"};
    e["GET /api/v1/outcomes"] = {"dir.a", "dir.b", "ana", "lead", "lead.a", "admin"};
    // Administration.
    e["POST /api/v1/price-list"] = {"admin"};
    e["PUT /api/v1/settings/{key}"] = {"admin"};
    e["POST /api/v1/interop/messages"] = {"admin"};
    e["GET /api/v1/audit"] = {"admin"};  // the supervisor's export of the trail
    for (auto k : {"GET /api/v1/accounts", "POST /api/v1/accounts", "POST /api/v1/accounts/{username}/disable",
                   "POST /api/v1/accounts/{username}/enable", "POST /api/v1/accounts/{username}/totp"})
      e[k] = {"admin"};
    e["POST /api/v1/professionals"] = {"dir.a", "dir.b", "admin"};
    e["GET /api/v1/time-entries"] = kDirectors;
    e["POST /api/v1/time-entries"] = kDirectors;
    // The household's own view: members only, each of their own household.
    for (auto k : {"GET /api/v1/me", "GET /api/v1/me/spider-webs", "GET /api/v1/me/file-views"}) e[k] = kMembers;
    // Privacy rights of one person (H1-M1, Els): her own export, her director's or assigned team lead's, and an
    // administrator handling her request; erasure is the administrator's alone.
    e["GET /api/v1/people/{member}/export"] = {"dir.a", "lead.a", "gezin.a", "admin"};
    e["POST /api/v1/people/{member}/erasure"] = {"admin"};
    return e;
  }();
  return m;
}

// Every other household resource is for those assigned to it alone.
std::set<std::string> allowed_for(const std::string& key) {
  auto& e = expectations();
  if (auto it = e.find(key); it != e.end()) return it->second;
  if (key.find(" /api/v1/households/{id}/") != std::string::npos) return kAssigned;
  ADD_FAILURE() << key << ": a new endpoint without an access expectation; add one to access_matrix_test.cpp";
  return {};
}

// Concrete values for the path's parameters, all within H1.
std::string concrete(std::string path) {
  // Round-table participants have numeric ids, unlike provisions.
  for (auto at = path.find("participants/{pid}"); at != std::string::npos; at = path.find("participants/{pid}"))
    path.replace(at, 18, "participants/1");
  static const std::vector<std::pair<std::string, std::string>> values = {
      {"{id}", "H1"},  {"{pid}", "H1-P2"}, {"{mid}", "1"}, {"{code}", "stacking"}, {"{key}", "signal.stacking_min"},
      {"{cid}", "1"},  {"{version}", "1"}, {"{rt}", "1"},  {"{wid}", "1"},  {"{member}", "H1-M1"},
      {"{username}", "nobody"}};  // an account that does not exist: the matrix must not disable a caller
  for (auto& [name, value] : values)
    for (auto at = path.find(name); at != std::string::npos; at = path.find(name)) path.replace(at, name.size(), value);
  EXPECT_EQ(path.find('{'), std::string::npos) << path << ": a parameter without a value in access_matrix_test.cpp";
  return path;
}

// Words that only personal data of the fixture's households contain.
const std::vector<std::string> kPersonal = {"Aarts", "Els", "Tim", "Bos", "Bert", "H1-M", "H2-M", "naar school",
                                            "many helpers"};

class AccessMatrixTest : public testing::ApiServerTest {
 protected:
  void SetUp() override {
    ApiServerTest::SetUp();
    store::Bundle b;
    b.organisations = {{"O3", "Schuldhulp Test", "provider"}};
    b.professionals = {{"PR2", "Piet Wijk", "O2", "wijkwerker", ""}, {"PR3", "Sara Schuld", "O3", "schuldhulp", ""}};
    auto account = [](const std::string& user, Role role, std::optional<std::string> pro,
                      std::optional<std::string> member) {
      Account a{user, user, role, service::hash_password("secret-" + user), false};
      a.professional_id = std::move(pro);
      a.member_id = std::move(member);
      return a;
    };
    b.accounts = {account("prof.yes", Role::professional, "PR1", std::nullopt),
                  account("prof.none", Role::professional, "PR2", std::nullopt),
                  account("prof.gone", Role::professional, "PR3", std::nullopt),
                  account("gezin.a", Role::member, std::nullopt, "H1-M1"),
                  account("gezin.b", Role::member, std::nullopt, "H2-M1"),
                  account("lead.a", Role::team_lead, std::nullopt, std::nullopt)};
    // PR1 already helps Tim (H1-P1); PR2 and PR3 help Els from today's care map.
    Provision p;
    p.household_id = "H1";
    p.member_id = "H1-M1";
    p.domain = Domain::wmo;
    p.goal = "samen de post doen";
    p.start = *parse_date("2018-06-01");
    p.annual_cost = 100000;
    p.id = "H1-P3", p.provider_id = "O2", p.professional_id = "PR2";
    b.provisions.push_back(p);
    p.id = "H1-P4", p.provider_id = "O3", p.professional_id = "PR3";
    b.provisions.push_back(p);
    ASSERT_TRUE(store->write_bundle(b));
    ASSERT_TRUE(store::AssignmentStore(*store).assign({"H1", "lead.a", "", "lead", "2019-01-01T00:00:00Z"}));
    testing::enrol_test_second_factors(*store, web.file("secret.key"), clock.now_seconds());

    store::ConsentStore consents(*store);
    Consent c;
    c.household_id = "H1";
    c.member_id = "H1-M2";
    c.guardian_member_id = "H1-M1";
    c.organisation_id = "O1";
    c.given_on = *parse_date("2018-06-01");
    c.recorded_by = "dir.a";
    ASSERT_TRUE(consents.add(c));
    c.member_id = "H1-M1";
    c.guardian_member_id.reset();
    c.organisation_id = "O3";
    auto gone = consents.add(c);
    ASSERT_TRUE(gone);
    ASSERT_TRUE(consents.withdraw(*gone, 1, *parse_date("2018-12-01")));
  }

  int denied_events(const std::string& user) {
    int n = 0;
    for (auto& e : store->audit_events(std::nullopt, 100000)) n += e.actor == user && e.outcome == "denied";
    return n;
  }

  httplib::Result call(const std::string& method, const std::string& path, const httplib::Headers& h) {
    if (method == "GET") return client->Get(path, h);
    if (method == "POST") return client->Post(path, h, "{}", "application/json");
    if (method == "PUT") return client->Put(path, h, "{}", "application/json");
    if (method == "DELETE") return client->Delete(path, h);
    ADD_FAILURE() << "no test call for method " << method;
    return client->Get(path, h);
  }
};

TEST_P(AccessMatrixTest, EveryEndpointAllowsOnlyItsRolesAndRefusesTheRestWith403AndAnAuditEvent) {
  auto doc = client->Get("/api/v1/openapi.json");
  ASSERT_TRUE(doc);
  ASSERT_EQ(doc->status, 200);
  auto api = json::parse(doc->body);
  std::vector<std::pair<std::string, std::string>> endpoints;  // method, templated path
  for (auto& [path, ops] : api["paths"].items())
    for (auto& [method, _] : ops.items()) {
      std::string m = method;
      for (auto& ch : m) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      if (m == "GET" || m == "POST" || m == "PUT" || m == "DELETE" || m == "PATCH") endpoints.emplace_back(m, path);
    }
  ASSERT_GT(endpoints.size(), 50u);

  std::map<std::string, httplib::Headers> headers;
  for (auto& user : kCallers) headers[user] = signed_in(user);

  int checked = 0;
  for (auto& [method, templated] : endpoints) {
    const std::string key = method + " " + templated;
    const auto allowed = allowed_for(key);
    const std::string path = concrete(templated);
    for (auto& user : kCallers) {
      SCOPED_TRACE(key + " as " + user);
      const int before = denied_events(user);
      auto r = call(method, path, headers[user]);
      ASSERT_TRUE(r);
      ++checked;
      if (allowed.contains(user)) {
        EXPECT_NE(r->status, 403) << r->body;
        EXPECT_NE(r->status, 401) << r->body;
      } else {
        EXPECT_EQ(r->status, 403) << r->body;
        for (auto& word : kPersonal) EXPECT_EQ(r->body.find(word), std::string::npos) << word << " in " << r->body;
        EXPECT_GT(denied_events(user), before) << "no denied audit event";
      }
      if (key == "DELETE /api/v1/session" && r->status < 300) headers[user] = signed_in(user);
    }
  }
  EXPECT_EQ(checked, static_cast<int>(endpoints.size() * kCallers.size()));
}

TEST_P(AccessMatrixTest, AProfessionalSeesOnlyTheMembersAndProvisionsTheConsentCovers) {
  auto r = client->Get("/api/v1/households/H1", signed_in("prof.yes"));
  ASSERT_EQ(r->status, 200) << r->body;
  auto h = json::parse(r->body)["household"];
  ASSERT_EQ(h["members"].size(), 1u);
  EXPECT_EQ(h["members"][0]["id"], "H1-M2");
  std::set<std::string> provisions;
  for (auto& p : h["provisions"]) provisions.insert(p["id"]);
  EXPECT_EQ(provisions, (std::set<std::string>{"H1-P1"}));  // not Els's, not the household-wide one
  for (auto& e : h["timeline"]) EXPECT_EQ(e["provision_id"], "H1-P1") << e;  // no records, no one else's
  EXPECT_TRUE(h["signals"].empty());

  // Off the care team once the provision has ended: refused although consent still holds.
  clock.advance(1'577'836'800 - 1'546'300'800);  // to 2020-01-01
  auto p = store->provision("H1-P1");
  p->end = *parse_date("2019-12-31");
  ASSERT_TRUE(store->update_provision(*p, {0, "H1", "H1-P1", "dir.a", "2019-12-31T00:00:00Z", "ended", ""}));
  EXPECT_EQ(client->Get("/api/v1/households/H1", signed_in("prof.yes"))->status, 403);
}

TEST_P(AccessMatrixTest, AMemberSeesTheirOwnHouseholdAndWhoLookedButNoHouseholdUrl) {
  // The director looks first; the household sees it.
  ASSERT_EQ(client->Get("/api/v1/households/H1", signed_in("dir.a"))->status, 200);
  auto member = signed_in("gezin.a");
  auto me = client->Get("/api/v1/me", member);
  ASSERT_EQ(me->status, 200) << me->body;
  auto body = json::parse(me->body);
  EXPECT_EQ(body["household"]["id"], "H1");
  EXPECT_EQ(body["me"], "Els");
  ASSERT_FALSE(body["helpers"].empty());
  auto looked = client->Get("/api/v1/me/file-views", member);
  ASSERT_EQ(looked->status, 200);
  bool director_seen = false;
  const auto views = json::parse(looked->body);
  for (auto& v : views["file_views"]) {
    director_seen |= v["who"] == "Director A";
    EXPECT_NE(v["role"], "member");  // their own reads are not listed
  }
  EXPECT_TRUE(director_seen) << looked->body;
  auto webs = client->Get("/api/v1/me/spider-webs", member);
  ASSERT_EQ(webs->status, 200);
  const auto people = json::parse(webs->body).at("people");
  ASSERT_EQ(people.size(), 2u);  // Els, and Tim (born 2010) as a minor child
  EXPECT_EQ(people[1]["given_name"], "Tim");

  // Above the age rule, a child's web is their own.
  store->set_setting("access.minor_below_age", "8");
  EXPECT_EQ(json::parse(client->Get("/api/v1/me/spider-webs", member)->body)["people"].size(), 1u);

  EXPECT_EQ(client->Get("/api/v1/households/H1", member)->status, 403);
  EXPECT_EQ(client->Get("/api/v1/households/H2", member)->status, 403);
  EXPECT_EQ(client->Get("/api/v1/me", signed_in("dir.a"))->status, 403);
}

TEST_P(AccessMatrixTest, WhoLookedComesInPagesWithACursor) {
  auto director = signed_in("dir.a");
  for (int i = 0; i < 3; ++i) ASSERT_EQ(client->Get("/api/v1/households/H1", director)->status, 200);
  auto member = signed_in("gezin.a");
  auto first = client->Get("/api/v1/me/file-views?limit=2", member);
  ASSERT_EQ(first->status, 200) << first->body;
  auto page = json::parse(first->body);
  ASSERT_EQ(page["file_views"].size(), 2u);
  ASSERT_TRUE(page["next_before"].is_number_integer()) << first->body;
  auto next = client->Get("/api/v1/me/file-views?limit=2&before=" + std::to_string(page["next_before"].get<long long>()),
                          member);
  ASSERT_EQ(next->status, 200) << next->body;
  auto rest = json::parse(next->body);
  EXPECT_EQ(rest["file_views"].size(), 1u);
  EXPECT_TRUE(rest["next_before"].is_null());
  // The default page holds them all here.
  auto all = json::parse(client->Get("/api/v1/me/file-views", member)->body);
  EXPECT_EQ(all["file_views"].size(), 3u);
  EXPECT_TRUE(all["next_before"].is_null());
  for (auto bad : {"limit=0", "limit=101", "limit=twee", "before=-3"}) {
    auto r = client->Get(std::string("/api/v1/me/file-views?") + bad, member);
    EXPECT_EQ(r->status, 400) << bad << " " << r->body;
  }
}

TEST_P(AccessMatrixTest, ATeamLeadAssignedThroughTheApiSeesTheDirectorsFileUntilUnassigned) {
  auto lead = signed_in("lead");
  EXPECT_EQ(client->Get("/api/v1/households/H1", lead)->status, 403);
  auto put = client->Put("/api/v1/households/H1/team-leads/lead", lead, "", "application/json");
  ASSERT_EQ(put->status, 200) << put->body;
  EXPECT_EQ(json::parse(put->body)["team_leads"].size(), 2u);  // lead.a and lead

  auto directors = client->Get("/api/v1/households/H1", signed_in("dir.a"));
  auto leads = client->Get("/api/v1/households/H1", lead);
  ASSERT_EQ(leads->status, 200) << leads->body;
  EXPECT_EQ(leads->body, directors->body);
  EXPECT_EQ(json::parse(leads->body)["household"]["team_leads"].size(), 2u);

  EXPECT_EQ(client->Delete("/api/v1/households/H1/team-leads/lead", lead)->status, 204);
  auto after = client->Get("/api/v1/households/H1", lead);
  EXPECT_EQ(after->status, 403);
  for (auto& word : kPersonal) EXPECT_EQ(after->body.find(word), std::string::npos) << word;
  // The caseload stays.
  EXPECT_EQ(client->Get("/api/v1/households", lead)->status, 200);
}

INSTANTIATE_TEST_SUITE_P(Backends, AccessMatrixTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace regie
