// The households, callers and records the access tests share: H1 (director
// dir.a, team lead lead.a assigned) and H2 (director dir.b), each with a
// measurement, a wish, a consent, a round table and a provision of its own,
// so that every resource can be addressed with the other household's id.
#pragma once
#include <gtest/gtest.h>

#include <string>

#include "service/auth.h"
#include "store/assignment_store.h"
#include "store/consent_store.h"
#include "store/measurement_store.h"
#include "store/plan_store.h"
#include "support/api_server.h"
#include "store/audit_store.h"
#include "store/bundle.h"

namespace regie::testing {

// Ids of the records SetUp creates, per household.
struct HouseholdRecords {
  std::string household, member, provision;
  std::int64_t measurement = 0, wish = 0, consent = 0, round_table = 0, participant = 0;
};

class AccessFixture : public ApiServerTest {
 protected:
  void SetUp() override {
    ApiServerTest::SetUp();
    using namespace domain;
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
    // H2's own provision, for Bert, with nobody of the matrix on it.
    p.id = "H2-P1", p.household_id = "H2", p.member_id = "H2-M1", p.provider_id = "O2";
    p.professional_id.reset();
    p.goal = "Bert's own care";
    b.provisions.push_back(p);
    ASSERT_TRUE(regie::store::write_bundle(*store, b));
    ASSERT_TRUE(store::AssignmentStore(*store).assign({"H1", "lead.a", "", "lead", "2019-01-01T00:00:00Z"}));
    enrol_test_second_factors(*store, web.file("secret.key"), clock.now_seconds());

    store::ConsentStore consents(*store);
    Consent c;
    c.household_id = "H1";
    c.member_id = "H1-M2";
    c.guardian_member_id = "H1-M1";
    c.organisation_id = "O1";
    c.given_on = *parse_date("2018-06-01");
    c.recorded_by = "dir.a";
    auto tims = consents.add(c);
    ASSERT_TRUE(tims);
    h1.consent = *tims;
    c.member_id = "H1-M1";
    c.guardian_member_id.reset();
    c.organisation_id = "O3";
    auto gone = consents.add(c);
    ASSERT_TRUE(gone);
    ASSERT_TRUE(consents.withdraw(*gone, 1, *parse_date("2018-12-01")));
    c.household_id = "H2";
    c.member_id = "H2-M1";
    c.organisation_id = "O2";
    c.recorded_by = "dir.b";
    auto berts = consents.add(c);
    ASSERT_TRUE(berts);
    h2.consent = *berts;

    add_records(h1, "dir.a");
    add_records(h2, "dir.b");
  }

  // A measurement, a wish and a round table (with one member invited) in the household of `r`.
  void add_records(HouseholdRecords& r, const std::string& director) {
    store::MeasurementStore measurements(*store);
    domain::Measurement m;
    m.household_id = r.household;
    m.member_id = r.member;
    m.instrument = "positive_health";
    m.instrument_version = "1.0";
    m.moment = "T1";
    m.measured_on = *parse_date("2018-10-01");
    m.filled_by = "member";
    m.recorded_by = director;
    auto mid = measurements.add(m);
    ASSERT_TRUE(mid);
    r.measurement = *mid;
    domain::Wish w{0, r.household, r.member, "participation", "weer aan het werk", director, "2018-10-01T10:00:00Z"};
    auto wid = measurements.add_wish(w);
    ASSERT_TRUE(wid);
    r.wish = *wid;
    domain::RoundTable rt;
    rt.household_id = r.household;
    rt.title = "ronde tafel";
    rt.window_from = *parse_date("2019-01-07");
    rt.window_to = *parse_date("2019-01-31");
    domain::RoundTableParticipant part;
    part.party = {"member", r.member, "lid"};
    part.email = "lid@example.org";
    rt.participants.push_back(part);
    rt.created_by = director;
    rt.created_at = "2019-01-01T00:00:00Z";
    store::PlanStore plans(*store);
    auto id = plans.add_round_table(rt);
    ASSERT_TRUE(id);
    r.round_table = *id;
    auto stored = plans.round_table(*id);
    ASSERT_TRUE(stored);
    ASSERT_EQ(stored->participants.size(), 1u);
    r.participant = stored->participants[0].id;
  }

  int denied_events(const std::string& user) {
    int n = 0;
    for (auto& e : regie::store::AuditStore(*store).recent(std::nullopt, 100000)) n += e.actor == user && e.outcome == "denied";
    return n;
  }
  int allowed_events(const std::string& user) {
    int n = 0;
    for (auto& e : regie::store::AuditStore(*store).recent(std::nullopt, 100000)) n += e.actor == user && e.outcome == "allowed";
    return n;
  }

  httplib::Result call(const std::string& method, const std::string& path, const httplib::Headers& h,
                       const std::string& body = "{}") {
    if (method == "GET") return client->Get(path, h);
    if (method == "POST") return client->Post(path, h, body, "application/json");
    if (method == "PUT") return client->Put(path, h, body, "application/json");
    if (method == "DELETE") return client->Delete(path, h);
    ADD_FAILURE() << "no test call for method " << method;
    return client->Get(path, h);
  }

  HouseholdRecords h1{"H1", "H1-M1", "H1-P1"};
  HouseholdRecords h2{"H2", "H2-M1", "H2-P1"};
};

}  // namespace regie::testing
