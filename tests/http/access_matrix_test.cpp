// Every endpoint of the API document × every kind of caller, the anonymous
// one included: the exact status an allowed caller gets (a 500 fails like a
// refusal would), or a refusal (403 signed in, 401 anonymous) with no personal
// data and, for a signed-in caller, a new "denied" audit event. The endpoints
// come from the OpenAPI document the server serves (docs/openapi.json,
// compiled in), so an endpoint added there without an expectation fails.
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "http/access_fixture.h"
#include "store/provision_store.h"
#include "store/settings_store.h"

namespace regie {
namespace {

using nlohmann::json;
using namespace domain;

// The callers, each looking at household H1 (director dir.a).
const std::vector<std::string> kCallers = {
    "anon",       // nobody signed in
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

using Group = std::set<std::string>;
const Group kSignedIn = [] {
  Group g(kCallers.begin(), kCallers.end());
  g.erase("anon");
  return g;
}();
const Group kEveryone(kCallers.begin(), kCallers.end());
const Group kDirectors = {"dir.a", "dir.b"};
const Group kMembers = {"gezin.a", "gezin.b"};
const Group kLeads = {"lead", "lead.a"};
// Those who work on H1's file: its director and the team lead assigned to it.
const Group kAssigned = {"dir.a", "lead.a"};
const Group kAggregates = {"ana", "lead", "lead.a", "admin"};

// Caller → the exact status they get; a caller not named is refused.
using Cells = std::map<std::string, int>;

void allow(Cells& cells, const Group& who, int status) {
  for (auto& u : who) cells[u] = status;
}

// The calls send "{}" as the body of POST and PUT and no query, so a caller
// who passes the access rules mostly gets the body's 400; what matters is
// that it is exactly the status written here, for exactly these callers.
const std::map<std::string, Cells>& expectations() {
  static const std::map<std::string, Cells> m = [] {
    std::map<std::string, Cells> e;
    auto set = [&](const std::string& key, const Group& who, int status) { allow(e[key], who, status); };
    // Public, or about the caller's own session.
    set("GET /healthz", kEveryone, 200);
    set("GET /readyz", kEveryone, 200);
    set("GET /metrics", kEveryone, 200);  // the matrix calls from loopback, a monitoring address by default
    set("GET /api/v1/openapi.json", kEveryone, 200);
    set("POST /api/v1/session", kEveryone, 400);
    set("GET /api/v1/session", kSignedIn, 200);
    set("DELETE /api/v1/session", kSignedIn, 204);
    // Sign-in through an identity provider (docs/identity.md), before anyone
    // is signed in. The matrix's server has no provider configured: the start
    // sends the browser back to the sign-in page, the callback refuses "{}".
    set("GET /api/v1/oidc/providers", kEveryone, 200);
    set("GET /api/v1/oidc/{provider}/start", kEveryone, 303);
    set("POST /api/v1/oidc/callback", kEveryone, 400);
    // Reference data without personal data of households (the professionals'
    // directory holds work names and numbers).
    for (auto k : {"GET /api/v1/price-list", "GET /api/v1/organisations", "GET /api/v1/questionnaires",
                   "GET /api/v1/professionals"})
      set(k, kSignedIn, 200);
    // Caseloads: directors their own, team leads and administrators all (no file contents).
    set("GET /api/v1/households", {"dir.a", "dir.b", "lead", "lead.a", "admin"}, 200);
    set("POST /api/v1/households", {"dir.a", "dir.b", "lead", "lead.a"}, 400);
    set("POST /api/v1/intake/duplicates", {"dir.a", "dir.b", "lead", "lead.a"}, 400);
    set("GET /api/v1/caseload", {"dir.a", "dir.b", "lead", "lead.a", "admin"}, 200);
    // The file itself: those assigned, and a professional with covering consent.
    set("GET /api/v1/households/{id}", {"dir.a", "lead.a", "prof.yes"}, 200);
    // The shared plan under the same rule; the professional sets the status of
    // their own actions ("{}" lacks plan_version and status: 400).
    set("GET /api/v1/households/{id}/shared-plan", {"dir.a", "lead.a", "prof.yes"}, 200);
    set("PUT /api/v1/households/{id}/shared-plan/goals/{goal}/actions/{action}", {"dir.a", "lead.a", "prof.yes"}, 400);
    // A professional's start page: theirs, also when no consent covers them (then empty).
    set("GET /api/v1/me/work", {"prof.yes", "prof.none", "prof.gone"}, 200);
    set("PUT /api/v1/households/{id}/status", {"dir.a", "lead", "lead.a"}, 400);
    // Who is assigned is caseload information; team leads and the household's
    // director manage it ("nobody" is no team lead's account: 400, and not assigned: 404).
    set("GET /api/v1/households/{id}/team-leads", {"dir.a", "lead", "lead.a"}, 200);
    set("PUT /api/v1/households/{id}/team-leads/{username}", {"dir.a", "lead", "lead.a"}, 400);
    set("DELETE /api/v1/households/{id}/team-leads/{username}", {"dir.a", "lead", "lead.a"}, 404);
    // Pseudonymised aggregates.
    for (auto k : {"GET /api/v1/analytics/pareto", "GET /api/v1/analytics/stacking", "GET /api/v1/analytics/providers",
                   "GET /api/v1/analytics/targets", "GET /api/v1/analytics/stacking-by-neighbourhood"})
      set(k, kAggregates, 200);
    set("GET /api/v1/analytics/potential", kAggregates, 400);  // needs the business-case dates
    set("GET /api/v1/funnel", kAggregates, 200);                 // counts per referral source, no family named
    // A director's own due list (T2, aftercare, round tables, plans).
    set("GET /api/v1/me/due", kDirectors, 200);
    // Organisations are reference data; directors add the providers they meet.
    set("POST /api/v1/organisations", {"dir.a", "dir.b", "admin"}, 400);
    set("GET /api/v1/businesscase", {"dir.a", "dir.b", "ana", "lead", "lead.a", "admin"}, 400);
    set("GET /api/v1/outcomes", {"dir.a", "dir.b", "ana", "lead", "lead.a", "admin"}, 200);
    // Administration.
    set("POST /api/v1/price-list", {"admin"}, 400);
    set("PUT /api/v1/settings/{key}", {"admin"}, 400);
    set("POST /api/v1/interop/messages", {"admin"}, 400);
    set("GET /api/v1/interop/imports", {"admin"}, 200);
    set("GET /api/v1/interop/providers", {"admin"}, 200);
    set("POST /api/v1/interop/providers", {"admin"}, 400);
    set("GET /api/v1/audit", {"admin"}, 200);  // the supervisor's export of the trail
    set("GET /api/v1/accounts", {"admin"}, 200);
    set("POST /api/v1/accounts", {"admin"}, 400);
    for (auto k : {"POST /api/v1/accounts/{username}/disable", "POST /api/v1/accounts/{username}/enable",
                   "POST /api/v1/accounts/{username}/totp", "PUT /api/v1/accounts/{username}/contact"})
      set(k, {"admin"}, 404);
    set("POST /api/v1/professionals", {"dir.a", "dir.b", "admin"}, 400);
    set("GET /api/v1/time-entries", kDirectors, 200);
    set("POST /api/v1/time-entries", kDirectors, 400);
    // The household's own view: members only, each of their own household.
    for (auto k : {"GET /api/v1/me", "GET /api/v1/me/spider-webs", "GET /api/v1/me/file-views"}) set(k, kMembers, 200);
    // Privacy rights of one person (H1-M1, Els): her own export, her director's or assigned team lead's, and an
    // administrator handling her request; erasure is the administrator's alone.
    set("GET /api/v1/people/{member}/export", {"dir.a", "lead.a", "gezin.a", "admin"}, 200);
    set("POST /api/v1/people/{member}/erasure", {"admin"}, 400);

    // Every other household resource is for those assigned to it alone; the
    // status they get, with H1's own record ids in the path.
    const std::map<std::string, int> household_work = {
        {"GET /api/v1/households/{id}/$export", 200},
        {"GET /api/v1/households/{id}/aftercare", 200},
        {"POST /api/v1/households/{id}/aftercare", 400},
        {"POST /api/v1/households/{id}/aftercare/contacts", 400},
        {"GET /api/v1/households/{id}/care-map.csv", 200},
        {"GET /api/v1/households/{id}/consents", 200},
        {"GET /api/v1/households/{id}/contacts", 200},
        {"POST /api/v1/households/{id}/contacts", 400},
        {"GET /api/v1/households/{id}/moments", 200},
        {"PUT /api/v1/households/{id}/moments/{moment}", 400},
        {"GET /api/v1/households/{id}/status-history", 200},
        {"POST /api/v1/households/{id}/consents", 400},
        {"POST /api/v1/households/{id}/consents/preview", 400},
        {"GET /api/v1/households/{id}/consents/{cid}/text", 200},
        {"POST /api/v1/households/{id}/consents/{cid}/withdraw", 400},
        {"GET /api/v1/households/{id}/decisions", 200},
        {"POST /api/v1/households/{id}/decisions", 400},
        {"POST /api/v1/households/{id}/decisions/{did}/withdrawal", 400},
        {"GET /api/v1/households/{id}/mandate", 200},
        {"POST /api/v1/households/{id}/mandate", 400},
        {"GET /api/v1/households/{id}/external-plans", 200},
        {"POST /api/v1/households/{id}/external-plans", 400},
        {"PUT /api/v1/households/{id}/external-plans/{pid}", 400},
        {"GET /api/v1/households/{id}/measurements", 200},
        {"POST /api/v1/households/{id}/measurements", 400},
        {"GET /api/v1/households/{id}/measurements/{mid}", 200},
        {"PUT /api/v1/households/{id}/measurements/{mid}", 400},
        {"DELETE /api/v1/households/{id}/measurements/{mid}", 400},
        {"GET /api/v1/households/{id}/measurements/{mid}/questionnaire-response", 200},
        {"PUT /api/v1/households/{id}/members/{mid}/bsn", 400},
        {"POST /api/v1/households/{id}/members", 400},
        {"GET /api/v1/households/{id}/outcomes", 200},
        {"GET /api/v1/households/{id}/plans", 200},
        {"POST /api/v1/households/{id}/plans", 400},
        {"POST /api/v1/households/{id}/plans/{version}/agreement", 400},
        {"POST /api/v1/households/{id}/provisions", 400},
        {"PUT /api/v1/households/{id}/provisions/{pid}", 400},
        {"POST /api/v1/households/{id}/provisions/{pid}/end", 400},
        {"GET /api/v1/households/{id}/round-tables", 200},
        {"POST /api/v1/households/{id}/round-tables", 400},
        {"PUT /api/v1/households/{id}/round-tables/{rt}", 400},
        {"GET /api/v1/households/{id}/round-tables/{rt}/slot", 200},
        {"POST /api/v1/households/{id}/round-tables/{rt}/schedule", 400},
        {"GET /api/v1/households/{id}/round-tables/{rt}/participants/{pid}/invitation.ics", 400},
        {"POST /api/v1/households/{id}/signals/{code}/acknowledge", 400},
        {"GET /api/v1/households/{id}/time-entries", 200},
        {"POST /api/v1/households/{id}/time-entries", 400},
        {"GET /api/v1/households/{id}/virtual-savings", 200},
        {"POST /api/v1/households/{id}/virtual-savings", 400},
        {"GET /api/v1/households/{id}/wishes", 200},
        {"POST /api/v1/households/{id}/wishes", 400},
        {"PUT /api/v1/households/{id}/wishes/{wid}", 400},
    };
    for (auto& [k, status] : household_work) set(k, kAssigned, status);
    return e;
  }();
  return m;
}

const Cells* cells_for(const std::string& key) {
  auto& e = expectations();
  if (auto it = e.find(key); it != e.end()) return &it->second;
  ADD_FAILURE() << key << ": a new endpoint without an access expectation; add one to access_matrix_test.cpp";
  return nullptr;
}

// Words that only personal data of the fixture's households contain.
const std::vector<std::string> kPersonal = {"Aarts", "Els", "Tim", "Bos", "Bert", "H1-M", "H2-M", "naar school",
                                            "many helpers"};

class AccessMatrixTest : public testing::AccessFixture {
 protected:
  // Concrete values for the path's parameters, all within H1 and its own records.
  std::string concrete(std::string path) {
    auto put = [&](const std::string& name, const std::string& value) {
      for (auto at = path.find(name); at != std::string::npos; at = path.find(name))
        path.replace(at, name.size(), value);
    };
    // Round-table participants have numeric ids, unlike provisions; members share {mid} with measurements.
    put("participants/{pid}", "participants/" + std::to_string(h1.participant));
    put("members/{mid}", "members/" + h1.member);
    put("external-plans/{pid}", "external-plans/1");  // numeric, unlike provisions
    put("{did}", "1");
    put("{id}", "H1");
    put("{pid}", "H1-P2");
    put("{mid}", std::to_string(h1.measurement));
    put("{code}", "stacking");
    put("{key}", "signal.stacking_min");
    put("{moment}", "T2");
    put("{cid}", std::to_string(h1.consent));
    put("{version}", "1");
    put("{rt}", std::to_string(h1.round_table));
    put("{provider}", "staff");
    put("{wid}", std::to_string(h1.wish));
    put("{member}", "H1-M1");
    put("{goal}", "0");
    put("{action}", "0");
    put("{username}", "nobody");  // an account that does not exist: the matrix must not disable a caller
    EXPECT_EQ(path.find('{'), std::string::npos) << path << ": a parameter without a value in access_matrix_test.cpp";
    return path;
  }
};

TEST_P(AccessMatrixTest, EveryEndpointGivesEachCallerExactlyItsStatusAndRefusesTheRestAudited) {
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
  for (auto& user : kCallers) headers[user] = user == "anon" ? httplib::Headers{} : signed_in(user);
  const bool dump = std::getenv("REGIE_ACCESS_MATRIX_DUMP") != nullptr;

  int checked = 0;
  for (auto& [method, templated] : endpoints) {
    const std::string key = method + " " + templated;
    const Cells* cells = cells_for(key);
    if (!cells) continue;
    const std::string path = concrete(templated);
    for (auto& user : kCallers) {
      SCOPED_TRACE(key + " as " + user);
      const int before = denied_events(user);
      auto r = call(method, path, headers[user]);
      ASSERT_TRUE(r);
      ++checked;
      if (dump) std::printf("MATRIX %s | %s | %d\n", key.c_str(), user.c_str(), r->status);
      if (auto it = cells->find(user); it != cells->end()) {
        EXPECT_EQ(r->status, it->second) << r->body;
      } else {
        EXPECT_EQ(r->status, user == "anon" ? 401 : 403) << r->body;
        for (auto& word : kPersonal) EXPECT_EQ(r->body.find(word), std::string::npos) << word << " in " << r->body;
        if (user != "anon") {
          EXPECT_GT(denied_events(user), before) << "no denied audit event";
        }
      }
      if (key == "DELETE /api/v1/session" && r->status < 300 && user != "anon") headers[user] = signed_in(user);
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
  ASSERT_FALSE(h["timeline"].empty());
  for (auto& e : h["timeline"]) EXPECT_EQ(e["provision_id"], "H1-P1") << e;  // no records, no one else's
  EXPECT_TRUE(h["signals"].empty());
  // Why the household was referred is the director's working file.
  EXPECT_TRUE(h["referral"].is_null()) << h["referral"];
  EXPECT_EQ(r->body.find("many helpers"), std::string::npos);

  // Off the care team once the provision has ended: refused although consent still holds.
  clock.advance(1'577'836'800 - 1'546'300'800);  // to 2020-01-01
  auto p = regie::store::ProvisionStore(*store).find("H1-P1");
  p->end = *parse_date("2019-12-31");
  ASSERT_TRUE(regie::store::ProvisionStore(*store).update(*p, {0, "H1", "H1-P1", "dir.a", "2019-12-31T00:00:00Z", "ended", ""}));
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
  regie::store::SettingsStore(*store).set("access.minor_below_age", "8");
  EXPECT_EQ(json::parse(client->Get("/api/v1/me/spider-webs", member)->body)["people"].size(), 1u);

  EXPECT_EQ(client->Get("/api/v1/households/H1", member)->status, 403);
  EXPECT_EQ(client->Get("/api/v1/households/H2", member)->status, 403);
  EXPECT_EQ(client->Get("/api/v1/me", signed_in("dir.a"))->status, 403);
}

TEST_P(AccessMatrixTest, WhoLookedComesInPagesWithACursor) {
  // One line per person, organisation and day: three days, three lines.
  for (int i = 0; i < 3; ++i) {
    if (i > 0) clock.advance(24 * 3600);
    auto director = signed_in("dir.a");
    ASSERT_EQ(client->Get("/api/v1/households/H1", director)->status, 200);
    ASSERT_EQ(client->Get("/api/v1/households/H1", director)->status, 200);
  }
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
  for (auto& v : all["file_views"]) EXPECT_EQ(v["looks"], 2) << v;
  EXPECT_TRUE(all["next_before"].is_null());
  for (auto bad : {"limit=0", "limit=101", "limit=twee", "before=-3"}) {
    auto r = client->Get(std::string("/api/v1/me/file-views?") + bad, member);
    EXPECT_EQ(r->status, 400) << bad << " " << r->body;
  }
}

TEST_P(AccessMatrixTest, ATeamLeadAssignedThroughTheApiSeesTheDirectorsFileUntilUnassigned) {
  auto lead = signed_in("lead");
  EXPECT_EQ(client->Get("/api/v1/households/H1", lead)->status, 403);
  // A colleague brings them in; nobody assigns themselves (cross_household_test.cpp).
  auto put = client->Put("/api/v1/households/H1/team-leads/lead", signed_in("lead.a"), "", "application/json");
  ASSERT_EQ(put->status, 200) << put->body;
  EXPECT_EQ(json::parse(put->body)["team_leads"].size(), 2u);  // lead.a and lead

  auto directors = client->Get("/api/v1/households/H1", signed_in("dir.a"));
  auto leads = client->Get("/api/v1/households/H1", lead);
  ASSERT_EQ(leads->status, 200) << leads->body;
  EXPECT_EQ(leads->body, directors->body);
  EXPECT_EQ(json::parse(leads->body)["household"]["team_leads"].size(), 2u);

  // Stepping off needs nobody else.
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
