// Reaching one household's records from another: through the caller's own
// household path with the other household's record ids, and through the
// other household's path. Either way the answer is a refusal or 404 without
// the other household's data, and the trail records a refusal (never a look
// that would show in a "who looked" list). Also: who may assign team leads,
// who exports clear BSNs, what an analyst may select, client-chosen ids, and
// what a parent sees of an adult child.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "http/access_fixture.h"
#include "store/audit_store.h"
#include "store/household_store.h"
#include "store/provision_store.h"
#include "domain/provision.h"

namespace regie {
namespace {

using nlohmann::json;
using namespace domain;

const std::vector<std::string> kH2Words = {"Bos", "Bert", "Bert's own care", "H2-M1"};

struct Attempt {
  std::string method, path, body;
  int status;  // through H1's path, as H1's director or its assigned team lead
};

class CrossHouseholdTest : public testing::AccessFixture {
 protected:
  // Calls on H2's records, with `hh` as the household in the path.
  std::vector<Attempt> attempts(const std::string& hh) {
    const auto mid = std::to_string(h2.measurement), wid = std::to_string(h2.wish), cid = std::to_string(h2.consent),
               rt = std::to_string(h2.round_table), part = std::to_string(h2.participant);
    const std::string base = "/api/v1/households/" + hh;
    const std::string provision =
        R"({"version":1,"domain":"wmo","provider_id":"O2","start_date":"2018-06-01","annual_cost_cents":100)";
    return {
        {"PUT", base + "/provisions/H2-P1", provision + "}", 404},
        {"POST", base + "/provisions/H2-P1/end", R"({"end_date":"2019-01-01","version":1})", 404},
        {"POST", base + "/provisions", provision + R"(,"member_id":"H2-M1"})", 400},
        {"PUT", base + "/members/H2-M1/bsn", R"({"bsn":"111222333"})", 404},
        {"GET", base + "/measurements/" + mid, "", 404},
        {"PUT", base + "/measurements/" + mid, R"({"version":1,"instrument_version":"1.0","answers":{}})", 404},
        {"DELETE", base + "/measurements/" + mid + "?version=1", "", 404},
        {"GET", base + "/measurements/" + mid + "/questionnaire-response", "", 404},
        {"POST", base + "/measurements",
         R"({"member_id":"H2-M1","instrument":"positive_health","instrument_version":"1.0","moment":"T2",)"
         R"("filled_by":"member"})",
         400},
        {"PUT", base + "/wishes/" + wid, R"({"version":1,"dimension":"participation","text":"x"})", 404},
        {"POST", base + "/wishes", R"({"member_id":"H2-M1","dimension":"participation","text":"x"})", 400},
        {"GET", base + "/consents/" + cid + "/text", "", 404},
        {"POST", base + "/consents/" + cid + "/withdraw", R"({"version":1})", 404},
        {"POST", base + "/consents",
         R"({"member_id":"H2-M1","organisation_id":"O2","purpose":"care_coordination"})", 400},
        {"PUT", base + "/round-tables/" + rt,
         R"({"version":1,"title":"x","duration_minutes":60,"window_from":"2019-01-07","window_to":"2019-01-31",)"
         R"("time_zone":"Europe/Amsterdam","status":"planning","participants":[]})",
         404},
        {"GET", base + "/round-tables/" + rt + "/slot", "", 404},
        {"POST", base + "/round-tables/" + rt + "/schedule", R"({"start":"2019-01-08T09:00:00Z","version":1})", 404},
        {"GET", base + "/round-tables/" + rt + "/participants/" + part + "/invitation.ics", "", 404},
    };
  }

  void expect_no_h2_data(const httplib::Result& r) {
    for (auto& word : kH2Words) EXPECT_EQ(r->body.find(word), std::string::npos) << word << " in " << r->body;
  }
};

TEST_P(CrossHouseholdTest, AnotherHouseholdsRecordIdsThroughTheOwnPathAre404AndAuditedAsDenied) {
  for (auto user : {"dir.a", "lead.a"}) {
    auto h = signed_in(user);
    for (auto& a : attempts("H1")) {
      SCOPED_TRACE(std::string(user) + " " + a.method + " " + a.path);
      const int denied = denied_events(user), allowed = allowed_events(user);
      auto r = call(a.method, a.path, h, a.body);
      ASSERT_TRUE(r);
      EXPECT_EQ(r->status, a.status) << r->body;
      expect_no_h2_data(r);
      EXPECT_EQ(denied_events(user), denied + 1) << "the refusal is not audited as denied";
      EXPECT_EQ(allowed_events(user), allowed) << "a refusal audited as allowed";
    }
  }
  // Nothing of it shows as a look in H2's list or in Bert's trail.
  auto looked = client->Get("/api/v1/me/file-views", signed_in("gezin.b"));
  ASSERT_EQ(looked->status, 200) << looked->body;
  EXPECT_TRUE(json::parse(looked->body)["file_views"].empty()) << looked->body;
  for (auto& e : regie::store::AuditStore(*store).recent(std::nullopt, 100000))
    if (e.person == "H2-M1") {
      EXPECT_NE(e.outcome, "allowed") << e.actor << " " << e.action;
    }
  // H2's records are unchanged.
  EXPECT_FALSE(regie::store::ProvisionStore(*store).find("H2-P1")->end);
  EXPECT_TRUE(store::MeasurementStore(*store).get(h2.measurement));
}

TEST_P(CrossHouseholdTest, AnotherHouseholdsPathIsRefusedWith403AndAuditedAsDenied) {
  for (auto user : {"dir.a", "lead.a"}) {
    auto h = signed_in(user);
    for (auto& a : attempts("H2")) {
      SCOPED_TRACE(std::string(user) + " " + a.method + " " + a.path);
      const int denied = denied_events(user);
      auto r = call(a.method, a.path, h, a.body);
      ASSERT_TRUE(r);
      EXPECT_EQ(r->status, 403) << r->body;
      expect_no_h2_data(r);
      EXPECT_GT(denied_events(user), denied);
    }
    auto person = client->Get("/api/v1/people/H2-M1/export", h);
    EXPECT_EQ(person->status, 403) << person->body;
    expect_no_h2_data(person);
  }
  auto looked = client->Get("/api/v1/me/file-views", signed_in("gezin.b"));
  EXPECT_TRUE(json::parse(looked->body)["file_views"].empty()) << looked->body;
}

TEST_P(CrossHouseholdTest, NobodyAssignsThemselvesToAHousehold) {
  auto lead = signed_in("lead");
  const int denied = denied_events("lead");
  auto self = client->Put("/api/v1/households/H1/team-leads/lead", lead, "", "application/json");
  EXPECT_EQ(self->status, 403) << self->body;
  EXPECT_EQ(denied_events("lead"), denied + 1);
  EXPECT_EQ(client->Get("/api/v1/households/H1", lead)->status, 403);
  EXPECT_EQ(client->Get("/api/v1/households/H1/$export?include_bsn=true", lead)->status, 403);
  // Another household's director may not bring anyone in; this household's director may.
  EXPECT_EQ(client->Put("/api/v1/households/H1/team-leads/lead", signed_in("dir.b"), "", "application/json")->status,
            403);
  auto by_director = client->Put("/api/v1/households/H1/team-leads/lead", signed_in("dir.a"), "", "application/json");
  EXPECT_EQ(by_director->status, 200) << by_director->body;
  EXPECT_EQ(client->Get("/api/v1/households/H1", lead)->status, 200);
  // An assigned team lead cannot re-assign themselves either.
  EXPECT_EQ(client->Put("/api/v1/households/H1/team-leads/lead.a", signed_in("lead.a"), "", "application/json")->status,
            403);
}

TEST_P(CrossHouseholdTest, OnlyTheHouseholdsDirectorExportsClearBsns) {
  auto director = signed_in("dir.a");
  ASSERT_EQ(client->Put("/api/v1/households/H1/members/H1-M1/bsn", director, R"({"bsn":"111222333"})",
                        "application/json")
                ->status,
            204);
  auto lead = signed_in("lead.a");
  const int denied = denied_events("lead.a");
  auto clear = client->Get("/api/v1/households/H1/$export?include_bsn=true", lead);
  EXPECT_EQ(clear->status, 403) << clear->body;
  EXPECT_EQ(clear->body.find("111222333"), std::string::npos);
  EXPECT_EQ(denied_events("lead.a"), denied + 1);
  auto plain = client->Get("/api/v1/households/H1/$export", lead);
  EXPECT_EQ(plain->status, 200) << plain->body;
  EXPECT_EQ(plain->body.find("111222333"), std::string::npos);
  auto file = client->Get("/api/v1/households/H1", lead);
  EXPECT_EQ(file->body.find("111222333"), std::string::npos);  // masked in the file
  auto own = client->Get("/api/v1/households/H1/$export?include_bsn=true", director);
  EXPECT_EQ(own->status, 200) << own->body;
  EXPECT_NE(own->body.find("111222333"), std::string::npos);
}

TEST_P(CrossHouseholdTest, AnAnalystCannotSelectHouseholdsByIdSoNoIdCanBeProbed) {
  auto ana = signed_in("ana");
  const std::string q = "/api/v1/businesscase?t1=2018-11-01&t2=2019-11-01";
  auto known = client->Get(q + "&household=H1", ana);
  auto unknown = client->Get(q + "&household=NOPE", ana);
  EXPECT_EQ(known->status, 403) << known->body;
  EXPECT_EQ(unknown->status, 403) << unknown->body;
  EXPECT_EQ(known->body, unknown->body);
  EXPECT_EQ(known->body.find("H1"), std::string::npos);
  EXPECT_EQ(client->Get(q, ana)->status, 200);
  EXPECT_EQ(client->Get("/api/v1/outcomes?households=H1", ana)->status, 403);
  // The roles that see households by name still select them.
  EXPECT_EQ(client->Get(q + "&household=H1", signed_in("lead"))->status, 200);
}

TEST_P(CrossHouseholdTest, AClientChosenIdTellsNothingAboutAnotherHousehold) {
  auto director = signed_in("dir.a");
  auto add = [&](const std::string& id) {
    return client->Post("/api/v1/households/H1/provisions", director,
                        R"({"id":")" + id +
                            R"(","domain":"wmo","provider_id":"O2","member_id":"H1-M1","start_date":"2018-06-01",)"
                            R"("annual_cost_cents":100})",
                        "application/json");
  };
  // Another household's id, taken or not: the same refusal of the id's form.
  auto taken = add("H2-P1"), free = add("H2-P9");
  EXPECT_EQ(taken->status, 400) << taken->body;
  EXPECT_EQ(free->status, 400) << free->body;
  EXPECT_EQ(taken->body, free->body);
  // In the own name space: a neutral conflict when taken, created when free.
  auto own_taken = add("H1-P1");
  EXPECT_EQ(own_taken->status, 409) << own_taken->body;
  EXPECT_EQ(own_taken->body.find("SQL"), std::string::npos);
  EXPECT_EQ(add("H1-P9")->status, 201);
  // A director does not choose household ids: the answer cannot tell whether H2 exists.
  auto household = [&](const std::string& id) {
    return client->Post("/api/v1/households", director,
                        R"({"id":")" + id +
                            R"(","family_name":"Claessens","referral_source":"gp","referral_reason":"x",)"
                            R"("referral_date":"2018-12-01"})",
                        "application/json");
  };
  auto h2 = household("H2"), h9 = household("H9");
  EXPECT_EQ(h2->status, 400) << h2->body;
  EXPECT_EQ(h2->body, h9->body);
  // A team lead sees every household anyway: a taken id is a plain conflict, and no look at H2's file.
  director = signed_in("lead");
  auto taken_by_lead = household("H2");
  EXPECT_EQ(taken_by_lead->status, 409) << taken_by_lead->body;
  auto looked = client->Get("/api/v1/me/file-views", signed_in("gezin.b"));
  EXPECT_TRUE(json::parse(looked->body)["file_views"].empty()) << looked->body;
}

TEST_P(CrossHouseholdTest, AParentSeesTheirMinorChildsCareButNotAnAdultChilds) {
  Member adult{"H1-M3", "H1", "Sanne", "Aarts", MemberRole::child, 1998, ConsentStatus::given, std::nullopt};
  ASSERT_TRUE(regie::store::HouseholdStore(*store).add_member(adult));
  Provision ggz;
  ggz.id = "H1-P9";
  ggz.household_id = "H1";
  ggz.member_id = "H1-M3";
  ggz.domain = Domain::zvw_ggz;
  ggz.provider_id = "O1";
  ggz.goal = "Sanne's therapy";
  ggz.start = *parse_date("2018-06-01");
  ggz.annual_cost = 500000;
  ASSERT_TRUE(regie::store::ProvisionStore(*store).add(
      ggz, domain::CareMapChange{0, "H1", "H1-P9", "dir.a", "2018-06-01T00:00:00Z", "added", "zvw_ggz"}));
  // The director reads Sanne's measurement: her own business, not her parent's.
  domain::Measurement m;
  m.household_id = "H1";
  m.member_id = "H1-M3";
  m.instrument = "positive_health";
  m.instrument_version = "1.0";
  m.moment = "T1";
  m.measured_on = *parse_date("2018-10-01");
  m.filled_by = "member";
  m.recorded_by = "dir.a";
  auto sanne = store::MeasurementStore(*store).add(m);
  ASSERT_TRUE(sanne);
  auto parent = signed_in("gezin.a");
  auto looks = [&] {
    int n = 0;
    const auto page = json::parse(client->Get("/api/v1/me/file-views", parent)->body);
    for (auto& v : page["file_views"]) n += v["looks"].get<int>();
    return n;
  };
  const auto before = looks();
  ASSERT_EQ(client->Get("/api/v1/households/H1/measurements/" + std::to_string(*sanne), signed_in("dir.a"))->status,
            200);
  EXPECT_EQ(looks(), before);
  // A look at Tim's (a minor's) measurement is the parent's business.
  m.member_id = "H1-M2";
  auto tim = store::MeasurementStore(*store).add(m);
  ASSERT_TRUE(tim);
  ASSERT_EQ(client->Get("/api/v1/households/H1/measurements/" + std::to_string(*tim), signed_in("dir.a"))->status,
            200);
  EXPECT_EQ(looks(), before + 1);

  auto me = client->Get("/api/v1/me", parent);
  ASSERT_EQ(me->status, 200) << me->body;
  EXPECT_EQ(me->body.find("Sanne's therapy"), std::string::npos) << me->body;
  EXPECT_NE(me->body.find("naar school"), std::string::npos) << "Tim (a minor) is missing";
  auto webs = json::parse(client->Get("/api/v1/me/spider-webs", parent)->body);
  for (auto& p : webs["people"]) EXPECT_NE(p["given_name"], "Sanne");
}

INSTANTIATE_TEST_SUITE_P(Backends, CrossHouseholdTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace regie
