#include "service/households.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <limits>
#include <map>

#include "domain/limits.h"

#include "support/backends.h"
#include "support/fixtures.h"
#include "store/audit_store.h"
#include "store/bundle.h"
#include "store/provision_store.h"
#include "domain/funding.h"
#include "domain/household.h"
#include "domain/organisation.h"
#include "domain/provision.h"
#include "domain/account.h"

namespace regie::service {
namespace {

using domain::Role;
using testing::TestDatabase;

class HouseholdsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(regie::store::write_bundle(*store, testing::small_bundle())); }
  TestDatabase db{"sqlite3"};
  std::unique_ptr<store::Store> store = db.open();
  ManualClock clock{1'546'300'800};  // 2019-01-01
  Households households{*store, clock};
  Principal dir_a{"dir.a", "Director A", Role::director, ""};
  Principal dir_b{"dir.b", "Director B", Role::director, ""};
  Principal lead{"lead", "Team Lead", Role::team_lead, ""};
  Principal prof{"prof", "Professional", Role::professional, ""};
};

TEST_F(HouseholdsTest, ADirectorListsOnlyTheirOwnHouseholds) {
  auto list = households.list(dir_a);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].household.id, "H1");
  // The cost of the provisions active today (2019-01-01), computed in the service.
  EXPECT_EQ((*list)[0].annual_cost, 1234567 + 150000);
  EXPECT_FALSE((*list)[0].cost_out_of_range);
  EXPECT_EQ(households.list(lead)->size(), 2u);
  auto refused = households.list(prof);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::forbidden);
}

TEST_F(HouseholdsTest, OnlyTheAssignedDirectorReadsTheFileAndEveryReadIsAudited) {
  auto mine = households.get(dir_a, "H1");
  ASSERT_TRUE(mine);
  EXPECT_EQ(mine->members.size(), 2u);
  EXPECT_EQ(mine->provisions.size(), 2u);
  EXPECT_EQ(mine->organisations.at("O1").name, "Jeugdhulp Test");
  EXPECT_EQ(mine->professionals.at("PR1").name, "Anna Prof");
  EXPECT_EQ(mine->director_display_name, "Director A");

  auto other = households.get(dir_b, "H1");
  auto unknown = households.get(dir_b, "H404");
  auto caseload_only = households.get(lead, "H1");
  ASSERT_FALSE(other);
  ASSERT_FALSE(unknown);
  ASSERT_FALSE(caseload_only);
  EXPECT_EQ(other.error().code, ErrorCode::forbidden);
  EXPECT_EQ(other.error().message, unknown.error().message);  // existence is not revealed

  auto events = regie::store::AuditStore(*store).recent(std::string("H1"), 10);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[2].actor, "dir.a");
  EXPECT_EQ(events[2].outcome, "allowed");
  EXPECT_EQ(events[1].actor, "dir.b");
  EXPECT_EQ(events[1].outcome, "denied");
  EXPECT_EQ(events[0].actor, "lead");
  EXPECT_EQ(events[0].at, "2019-01-01T00:00:00Z");
}

TEST_F(HouseholdsTest, TheTimelineHoldsMeasurementsDecisionsAndRoundTables) {
  // Written straight into the file: the screens that create these records come later.
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.url().c_str(), &raw), SQLITE_OK);
  const char* sql =
      "INSERT INTO measurement (household_id, member_id, instrument, instrument_version, moment, measured_on, "
      "filled_by, status, recorded_by) VALUES "
      "('H1','H1-M1','positive_health','1.0','T1','2018-11-01','member','completed','dir.a');"
      "INSERT INTO decision (household_id, kind, reason, effective_date, decided_by, created_at) VALUES "
      "('H1','stop','dubbel','2019-02-01','dir.a','2019-01-20T10:00:00Z');"
      "INSERT INTO round_table (household_id, scheduled_at) VALUES ('H1','2019-01-15T14:00:00Z');"
      "INSERT INTO decision (household_id, kind, reason, effective_date, decided_by, created_at) VALUES "
      "('H2','start','x','2019-03-01','dir.b','2019-01-20T10:00:00Z');";
  ASSERT_EQ(sqlite3_exec(raw, sql, nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(raw);
  auto d = households.get(dir_a, "H1");
  ASSERT_TRUE(d);
  std::map<std::string, std::string> by_kind;
  for (auto& r : d->records) by_kind[r.kind] = r.date;
  // One measurement moment, one decision of H1, one round table, and the referral as its first status.
  EXPECT_EQ(d->records.size(), 4u);
  EXPECT_EQ(by_kind["measurement"], "2018-11-01");
  EXPECT_EQ(by_kind["decision"], "2019-02-01");
  EXPECT_EQ(by_kind["round_table"], "2019-01-15");
  EXPECT_EQ(by_kind["status"], "2018-09-01");
}

domain::Provision a_provision(Cents cost) {
  domain::Provision p;
  p.household_id = "H1";
  p.domain = domain::Domain::wmo;
  p.provider_id = "O1";
  p.start = *parse_date("2018-06-01");
  p.annual_cost = cost;
  return p;
}

TEST_F(HouseholdsTest, AnAnnualCostBeyondTheMaximumIsRefusedNamingFieldAndMaximum) {
  auto refused = households.add_provision(dir_a, a_provision(std::numeric_limits<Cents>::max()));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::invalid_input);
  EXPECT_NE(refused.error().message.find("annual_cost_cents"), std::string::npos) << refused.error().message;
  EXPECT_NE(refused.error().message.find("1000000000"), std::string::npos) << refused.error().message;
  auto hours = a_provision(100000);
  hours.hours_per_week_centi = 200'00;
  auto too_many = households.add_provision(dir_a, hours);
  ASSERT_FALSE(too_many);
  EXPECT_NE(too_many.error().message.find("hours_per_week: 0 to 168"), std::string::npos);
  EXPECT_TRUE(households.add_provision(dir_a, a_provision(domain::limits::kAnnualCost)));
  // The same rule when the provision is edited.
  auto stored = regie::store::ProvisionStore(*store).of_household("H1").front();
  stored.annual_cost = domain::limits::kAnnualCost + 1;
  EXPECT_FALSE(households.update_provision(dir_a, stored));
}

TEST_F(HouseholdsTest, AFigureStoredBeyondTheMaximumMarksOneHouseholdAndTheListStillAnswers) {
  // As data from before the maxima: written past the service.
  auto p = a_provision(std::numeric_limits<Cents>::max());
  p.id = "H1-BIG";
  ASSERT_TRUE(regie::store::ProvisionStore(*store).add(p));
  p.id = "H1-BIG2";
  ASSERT_TRUE(regie::store::ProvisionStore(*store).add(p));
  for (auto* who : {&dir_a, &lead}) {
    auto list = households.list(*who);
    ASSERT_TRUE(list) << list.error().message;
    for (auto& s : *list) {
      EXPECT_GE(s.annual_cost, 0);
      EXPECT_EQ(s.cost_out_of_range, s.household.id == "H1") << s.household.id;
    }
  }
  auto file = households.get(dir_a, "H1");
  ASSERT_TRUE(file);
}

TEST_F(HouseholdsTest, ClientChosenIdsFollowOneRule) {
  for (const char* bad : {"../H9", "H'9", "H 9", ".H9", "a..b"}) {
    domain::Household h;
    h.id = bad;
    h.family_name = "Claes";
    h.referral = domain::Referral{domain::ReferralSource::gp, "reden", *parse_date("2018-12-01")};
    auto r = households.add_household(dir_a, h);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::invalid_input);
    EXPECT_EQ(r.error().message.rfind("id: ", 0), 0u) << r.error().message;
    auto p = a_provision(1000);
    p.id = bad;
    auto added = households.add_provision(dir_a, p);
    ASSERT_FALSE(added) << bad;
    EXPECT_EQ(added.error().message.rfind("id: ", 0), 0u) << added.error().message;
    auto pro = households.add_professional(dir_a, domain::Professional{bad, "Piet", "O1", "coach", ""});
    ASSERT_FALSE(pro) << bad;
    EXPECT_EQ(pro.error().message.rfind("id: ", 0), 0u);
  }
}

}  // namespace
}  // namespace regie::service
