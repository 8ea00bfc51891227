#include "service/businesscase.h"

#include <gtest/gtest.h>

#include <limits>

#include "domain/limits.h"
#include "service/records.h"

#include "support/backends.h"
#include "support/fixtures.h"
#include "store/audit_store.h"
#include "store/bundle.h"
#include "store/price_store.h"
#include "store/time_store.h"
#include "domain/funding.h"
#include "domain/account.h"
#include "domain/time_entry.h"
#include "domain/virtual_saving.h"

namespace regie::service {
namespace {

using domain::Role;
using testing::TestDatabase;

class BusinessCaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto b = testing::small_bundle();
    // H2 gets support that stops between T1 and T2.
    auto p = b.provisions[0];
    p.id = "H2-P1";
    p.household_id = "H2";
    p.member_id = "H2-M1";
    p.domain = domain::Domain::wmo;
    p.annual_cost = 1000000;
    p.end = *parse_date("2019-03-31");
    b.provisions.push_back(p);
    ASSERT_TRUE(regie::store::write_bundle(*store, b));
  }
  BusinessCaseQuery query() {
    BusinessCaseQuery q;
    q.t1 = *parse_date("2018-11-01");
    q.t2 = *parse_date("2019-11-01");
    return q;
  }
  TestDatabase db{"sqlite3"};
  std::unique_ptr<store::Store> store = db.open();
  ManualClock clock{1'600'000'000};
  BusinessCaseReports service{*store, clock};
  Principal dir_a{"dir.a", "Director A", Role::director, ""};
  Principal lead{"lead", "Team Lead", Role::team_lead, ""};
  Principal analyst{"ana", "Analyst", Role::analyst, ""};
  Principal prof{"prof", "Professional", Role::professional, ""};
};

TEST_F(BusinessCaseTest, ADirectorGetsTheCaseOfTheirOwnHouseholdsOnly) {
  auto r = service.report(dir_a, query());
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->business_case.households.size(), 1u);
  const auto& h1 = r->business_case.households.at("H1");
  EXPECT_EQ(h1.t1, 1234567 + 150000);  // H1-P2 ends 2019-06-30
  EXPECT_EQ(h1.t2, 1234567);
  auto other = query();
  other.director = "dir.b";
  EXPECT_EQ(service.report(dir_a, other).error().code, ErrorCode::forbidden);
  auto foreign = query();
  foreign.household_ids = {"H2"};
  EXPECT_EQ(service.report(dir_a, foreign).error().code, ErrorCode::forbidden);
  EXPECT_EQ(service.report(prof, query()).error().code, ErrorCode::forbidden);
  EXPECT_FALSE(regie::store::AuditStore(*store).recent(std::nullopt, 10).empty());
}

TEST_F(BusinessCaseTest, ShowsTheNormFigureNextToAFixedAmount) {
  auto q = query();
  q.director_cost_mode = "fixed";
  q.fixed_amount = 800000;
  auto r = service.report(lead, q);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->business_case.household_count(), 2);
  EXPECT_EQ(r->business_case.director_total, 1600000);
  EXPECT_EQ(r->norm_per_household, 787500);
  q.director_cost_mode = "norm";
  EXPECT_EQ(service.report(lead, q)->business_case.director_total, 2 * 787500);
}

TEST_F(BusinessCaseTest, RegisteredTimeIsClientTimeOnlyAnnualisedOverThePeriod) {
  auto add = [&](const char* h, int minutes, domain::TimeKind kind) {
    ASSERT_TRUE(regie::store::TimeStore(*store).add({0, std::string(h), "dir.a", *parse_date("2019-02-01"), minutes, kind}));
  };
  add("H1", 600, domain::TimeKind::direct);
  add("H1", 300, domain::TimeKind::indirect);
  add("H1", 60, domain::TimeKind::travel);
  ASSERT_TRUE(regie::store::TimeStore(*store).add({0, std::nullopt, "dir.a", *parse_date("2019-02-01"), 120, domain::TimeKind::project}));
  auto q = query();  // 365 days
  q.director_cost_mode = "registered";
  auto r = service.report(dir_a, q);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->business_case.director.for_household("H1"), 16 * 7000);  // 960 minutes at €70/h
  EXPECT_EQ(r->time.direct, 600);
  EXPECT_EQ(r->time.project, 120);  // reported apart, and not in the director cost above
  q.t2 = *parse_date("2019-05-01");  // 181 days: scaled up to a year
  auto half = service.report(dir_a, q);
  ASSERT_TRUE(half);
  EXPECT_EQ(half->business_case.director.for_household("H1"), div_round(16 * 7000 * 365, 181));
}

TEST_F(BusinessCaseTest, VirtualSavingsAreReportedApartAndNeverAddedToTheNetResult) {
  auto q = query();
  auto before = service.report(lead, q);
  ASSERT_TRUE(regie::store::PriceStore(*store).add_virtual_saving(
      {0, "H1", domain::VirtualSavingKind::eviction, 1500000, "betalingsregeling", "dir.a", *parse_date("2019-05-01")}));
  auto after = service.report(lead, q);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->virtual_total, 1500000);
  ASSERT_EQ(after->virtual_savings.size(), 1u);
  EXPECT_EQ(after->virtual_savings[0].note, "betalingsregeling");
  EXPECT_EQ(after->business_case.net(), before->business_case.net());
}

TEST_F(BusinessCaseTest, AnAnalystSeesPseudonymsAndNoNotes) {
  ASSERT_TRUE(regie::store::PriceStore(*store).add_virtual_saving(
      {0, "H1", domain::VirtualSavingKind::eviction, 1500000, "Els Aarts", "dir.a", *parse_date("2019-05-01")}));
  auto r = service.report(analyst, query());
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->pseudonymised);
  EXPECT_TRUE(r->household_names.empty());  // no family names next to pseudonyms
  ASSERT_EQ(r->business_case.households.size(), 2u);
  for (auto& [key, pair] : r->business_case.households) {
    EXPECT_TRUE(key.starts_with("HH-")) << key;
    EXPECT_EQ(key.find("H1"), std::string::npos);
  }
  EXPECT_EQ(r->virtual_savings[0].note, "");
  EXPECT_TRUE(r->virtual_savings[0].household.starts_with("HH-"));
  // Stable: the same household gets the same pseudonym next time.
  auto again = service.report(analyst, query());
  EXPECT_EQ(again->business_case.households.begin()->first, r->business_case.households.begin()->first);
  EXPECT_EQ(analytics::to_table(r->business_case).rows.back()[5],
            analytics::to_table(service.report(lead, query())->business_case).rows.back()[5]);
}

TEST_F(BusinessCaseTest, RefusesABadQuery) {
  auto q = query();
  q.t2 = q.t1;
  EXPECT_EQ(service.report(lead, q).error().code, ErrorCode::invalid_input);
  q = query();
  q.director_cost_mode = "guess";
  EXPECT_NE(service.report(lead, q).error().message.find("director_cost"), std::string::npos);
}

TEST_F(BusinessCaseTest, AVirtualSavingBeyondTheMaximumIsRefusedAndAStoredOneCannotWrapTheTotal) {
  CostRecords records{*store, clock};
  domain::VirtualSaving v{0, "H1", domain::VirtualSavingKind::eviction, std::numeric_limits<Cents>::max(), "te veel",
                          "", {}};
  auto refused = records.add_virtual_saving(dir_a, v);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::invalid_input);
  EXPECT_NE(refused.error().message.find("amount_cents: 0 to 1000000000"), std::string::npos)
      << refused.error().message;
  // Stored before the maximum existed: left out of the total, which stays right.
  v.recorded_on = *parse_date("2019-05-01");
  v.recorded_by = "dir.a";
  ASSERT_TRUE(regie::store::PriceStore(*store).add_virtual_saving(v));
  ASSERT_TRUE(regie::store::PriceStore(*store).add_virtual_saving(v));
  ASSERT_TRUE(regie::store::PriceStore(*store).add_virtual_saving(
      {0, "H1", domain::VirtualSavingKind::eviction, 1500000, "betalingsregeling", "dir.a", *parse_date("2019-05-01")}));
  auto r = service.report(lead, query());
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->virtual_total, 1500000);
  EXPECT_EQ(r->virtual_savings.size(), 3u);
}

TEST_F(BusinessCaseTest, DirectorCostFiguresHaveMaxima) {
  auto q = query();
  q.director_cost_mode = "fixed";
  q.fixed_amount = domain::limits::kDirectorCostPerHousehold + 1;
  auto r = service.report(lead, q);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::invalid_input);
  q.fixed_amount = 800000;
  q.hourly_rate = std::numeric_limits<Cents>::max();
  EXPECT_FALSE(service.report(lead, q));
}

}  // namespace
}  // namespace regie::service
