#include "service/population.h"

#include <gtest/gtest.h>

#include <limits>

#include "support/backends.h"
#include "support/fixtures.h"
#include "store/audit_store.h"
#include "store/bundle.h"
#include "store/provision_store.h"
#include "domain/funding.h"
#include "domain/account.h"

namespace regie::service {
namespace {

using domain::Role;
using testing::TestDatabase;

class PopulationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto b = testing::small_bundle();
    // H2: three stacked provisions on 2019-12-31 and €31 000 a year in 2019.
    for (int i = 0; i < 3; ++i) {
      auto p = b.provisions[0];
      p.id = "H2-P" + std::to_string(i);
      p.household_id = "H2";
      p.member_id = "H2-M1";
      p.domain = i == 0 ? domain::Domain::wmo : domain::Domain::jeugd;
      p.provider_id = i == 2 ? "O2" : "O1";
      p.annual_cost = 1'033'334;
      b.provisions.push_back(p);
    }
    b.households[1].neighbourhood = "Caberg";
    ASSERT_TRUE(regie::store::write_bundle(*store, b));
  }
  TestDatabase db{"sqlite3"};
  std::unique_ptr<store::Store> store = db.open();
  ManualClock clock{1'600'000'000};
  PopulationAnalyses population{*store, clock};
  Principal analyst{"ana", "Analyst", Role::analyst, ""};
  Principal director{"dir.a", "Director A", Role::director, ""};
};

TEST_F(PopulationTest, AProvisionStoredBeyondTheMaximumDoesNotBreakTheParetoTable) {
  auto p = regie::store::ProvisionStore(*store).of_household("H1").front();
  p.id = "H1-BIG";
  p.domain = domain::Domain::jeugd;
  p.price_code.reset();
  p.annual_cost = std::numeric_limits<Cents>::max();
  ASSERT_TRUE(regie::store::ProvisionStore(*store).add(p));
  PopulationQuery q;
  q.year = 2019;
  auto t = population.run(analyst, q);
  ASSERT_TRUE(t) << t.error().message;
  // Counted as 0: H1 keeps its €12 346 and H2 its €31 000.
  EXPECT_EQ(t->rows[1][1], "1");
  EXPECT_EQ(t->rows[3][1], "1");
}

TEST_F(PopulationTest, RunsTheParetoTableOverTheStore) {
  PopulationQuery q;
  q.year = 2019;
  auto t = population.run(analyst, q);
  ASSERT_TRUE(t) << t.error().message;
  // H1: jeugd €12 345.67 (the non-indicated line does not count); H2: 3 × €10 333.34.
  EXPECT_EQ(t->rows[1], (std::vector<std::string>{"10000-20000", "1", "1", "1.0", "1.0", "50", "28", "12346",
                                                   "12346"}));
  EXPECT_EQ(t->rows[3][1], "1");  // 30000-40000
  EXPECT_EQ(t->rows.back()[0], "TARGET>=30000");
  EXPECT_EQ(t->rows.back()[1], "1");
}

TEST_F(PopulationTest, ShowsStackingAndTargetsOnlyUnderPseudonyms) {
  PopulationQuery q;
  q.analysis = PopulationAnalysis::stacking;
  q.date = *parse_date("2019-12-31");
  auto s = population.run(analyst, q);
  ASSERT_TRUE(s) << s.error().message;
  ASSERT_EQ(s->rows.size(), 1u);
  EXPECT_EQ(s->columns[0], "pseudonym");
  EXPECT_TRUE(s->rows[0][0].starts_with("HH-"));
  EXPECT_EQ(s->rows[0][1], "3");
  q.analysis = PopulationAnalysis::targets;
  auto t = population.run(analyst, q);
  ASSERT_TRUE(t);
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_EQ(t->rows[0][1], s->rows[0][0]);  // the same pseudonym in both views
  EXPECT_EQ(t->rows[0][2], "Caberg");
  EXPECT_EQ(t->rows[0][8], "stacking");  // one member, so no provider serves several members
}

TEST_F(PopulationTest, IsRefusedToDirectorsAndAudited) {
  auto r = population.run(director, PopulationQuery{});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::forbidden);
  auto events = regie::store::AuditStore(*store).recent(std::nullopt, 5);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0].action, "population.pareto");
  EXPECT_EQ(events[0].outcome, "denied");
}

TEST_F(PopulationTest, ComputesTheSavingsPotentialFromTheStoresBusinessCase) {
  BusinessCaseQuery bc;
  bc.t1 = *parse_date("2018-11-01");
  bc.t2 = *parse_date("2019-11-01");
  bc.director_cost_mode = "fixed";
  bc.fixed_amount = 100000;
  auto t = population.potential(analyst, PopulationQuery{}, bc);
  ASSERT_TRUE(t) << t.error().message;
  // One target household; H1 went from 13 845.67 to 12 345.67 (-1 500) and H2 stayed: net -1 500 + 2 x 1 000.
  EXPECT_EQ(t->rows[0][0], "1");
  EXPECT_EQ(t->rows[0][1], "250");
  EXPECT_NE(t->rows[0][3].find("2 households"), std::string::npos);
}

}  // namespace
}  // namespace regie::service
