#include "analytics/population.h"

#include <gtest/gtest.h>

#include "support/temp_dir.h"

namespace regie::analytics {
namespace {

using testing::read_file;
using testing::TempDir;
const std::string kPop = std::string(REGIE_SHARED_DATA) + "/population/";
const std::string kHeader =
    "allocation_id,household_id,client_id,neighbourhood,domain,provider_id,product_code,start_date,end_date,"
    "hours_per_week,yearly_cost_eur\n";

TEST(Pareto, ReproducesTheCountsAndCostsOfTheReportsTable6) {
  auto t = pareto(kPop + "households.csv", kPop + "allocations.csv", ParetoOptions{});
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(to_csv(*t), read_file(kPop + "expected_pareto.csv"));
}

TEST(Pareto, ProratesByDaysAndComparesBinEdgesExactly) {
  TempDir dir;
  auto hh = dir.write("h.csv", "household_id,neighbourhood,members\nA,X,1\nB,X,2\nC,X,1\n");
  // A: exactly 10000.00 over the whole year -> second bin. B: 20000 for half of
  // 2019 (2019-07-02..12-31 = 183 days) -> 10027.39. C: beschermd_wonen only -> not counted.
  auto al = dir.write("a.csv", kHeader +
                                   "1,A,A1,X,wmo,P1,W,2018-01-01,,1,10000\n"
                                   "2,B,B1,X,jeugd,P1,J,2019-07-02,,1,20000\n"
                                   "3,B,B2,X,wmo,P2,W,2015-01-01,2018-12-31,1,99999\n"
                                   "4,C,C1,X,beschermd_wonen,P3,B,2019-01-01,,1,50000\n");
  auto t = pareto(hh, al, ParetoOptions{});
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->rows[0][1], "0");
  EXPECT_EQ(t->rows[1], (std::vector<std::string>{"10000-20000", "2", "2", "1.0", "1.0", "100", "100", "10014",
                                                   "20027"}));
  EXPECT_EQ(t->rows[6][0], "TOTAL");
  EXPECT_EQ(t->rows[7], (std::vector<std::string>{"TARGET>=30000", "0", "0", "0.0", "0.0", "0", "0", "0", "0"}));
}

TEST(Pareto, RefusesAllocationsOfUnknownHouseholds) {
  TempDir dir;
  auto hh = dir.write("h.csv", "household_id\nA\n");
  auto al = dir.write("a.csv", kHeader + "1,Z,Z1,X,wmo,P1,W,2018-01-01,,1,10\n");
  auto t = pareto(hh, al, ParetoOptions{});
  ASSERT_FALSE(t);
  EXPECT_NE(t.error().message.find("'Z'"), std::string::npos);
}

TEST(Allocations, EveryBadFieldIsReportedWithLineAndColumn) {
  TempDir dir;
  auto al = dir.write("a.csv", kHeader +
                                   "1,A,A1,X,wmo,P1,W,2018-01-01,,1,10\n"
                                   "2,A,A1,X,wmoo,P1,W,2018-02-30,,1,10\n"
                                   "3,A,A1,X,wmo,P1,W,2018-01-01,2017-01-01,1,-5\n");
  int calls = 0;
  auto st = for_each_allocation(al, [&](const Allocation&) { ++calls; });
  ASSERT_FALSE(st);
  const auto& m = st.error().message;
  EXPECT_NE(m.find("a.csv:3: column 'domain': unknown domain 'wmoo'"), std::string::npos) << m;
  EXPECT_NE(m.find("a.csv:3: column 'start_date'"), std::string::npos) << m;
  EXPECT_NE(m.find("a.csv:4: column 'end_date': ends before it starts"), std::string::npos) << m;
  EXPECT_NE(m.find("a.csv:4: column 'yearly_cost_eur'"), std::string::npos) << m;
}

TEST(Stacking, ListsHouseholdsWithThreeOrMoreActiveAllocationsInTheDomains) {
  TempDir dir;
  auto al = dir.write("a.csv", kHeader +
                                   "1,H9,C1,X,wmo,P1,W,2018-01-01,,1,10\n"
                                   "2,H9,C1,X,jeugd,P2,J,2018-01-01,2019-12-31,1,10\n"
                                   "3,H9,C2,X,schuldhulp,P2,S,2019-12-31,,1,10\n"
                                   "4,H10,C3,X,wmo,P1,W,2018-01-01,,1,10\n"
                                   "5,H10,C3,X,wmo,P1,W,2018-01-01,,1,10\n"
                                   "6,H10,C3,X,zvw_ggz,P1,G,2018-01-01,,1,10\n"
                                   "7,H10,C3,X,jeugd,P1,J,2018-01-01,2019-12-30,1,10\n");
  StackingOptions o;
  o.date = *parse_date("2019-12-31");
  auto t = stacking_scan(al, o);
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(to_csv(*t), "household_id,allocations,providers,domains\nH9,3,2,3\n");
}

TEST(Providers, CountsDistinctProvidersPerNeighbourhoodAndInTotal) {
  TempDir dir;
  auto al = dir.write("a.csv", kHeader +
                                   "1,H1,C1,Noord,wmo,P1,W,2018-01-01,,1,10\n"
                                   "2,H2,C2,Noord,jeugd,P1,J,2018-01-01,,1,10\n"
                                   "3,H3,C3,Zuid,jeugd,P2,J,2018-01-01,,1,10\n"
                                   "4,H3,C3,Zuid,jeugd,P1,J,2018-01-01,,1,10\n"
                                   "5,H4,C4,Zuid,zvw_ggz,P9,G,2018-01-01,,1,10\n");
  ProvidersOptions o;
  o.date = *parse_date("2019-12-31");
  auto t = providers_per_neighbourhood(al, o);
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(to_csv(*t), "neighbourhood,providers\nNoord,1\nZuid,2\nTOTAL,2\n");
}

}  // namespace
}  // namespace regie::analytics
