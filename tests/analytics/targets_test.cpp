#include "analytics/targets.h"

#include <gtest/gtest.h>

#include "support/temp_dir.h"

namespace regie::analytics {
namespace {

using testing::TempDir;
const std::string kPop = std::string(REGIE_SHARED_DATA) + "/population/";
const std::string kHeader =
    "allocation_id,household_id,client_id,neighbourhood,domain,provider_id,product_code,start_date,end_date,"
    "hours_per_week,yearly_cost_eur\n";
const std::string kKey = "0123456789abcdef0123456789abcdef";

TEST(Targets, ListsTheTargetGroupOfThePopulationRankedByCostUnderPseudonyms) {
  TargetOptions o;
  o.key = kKey;
  auto t = target_group(kPop + "households.csv", kPop + "allocations.csv", o);
  ASSERT_TRUE(t) << t.error().message;
  auto pareto_table = pareto(kPop + "households.csv", kPop + "allocations.csv", ParetoOptions{});
  ASSERT_TRUE(pareto_table);
  const auto& target_row = pareto_table->rows.back();  // TARGET>=30000
  ASSERT_EQ(std::to_string(t->rows.size()), target_row[1]);
  long clients = 0;
  for (std::size_t i = 0; i < t->rows.size(); ++i) {
    const auto& r = t->rows[i];
    EXPECT_EQ(r[0], std::to_string(i + 1));
    EXPECT_TRUE(r[1].starts_with("HH-")) << r[1];
    EXPECT_EQ(r[1].find("HH0"), std::string::npos);
    EXPECT_GE(std::stol(r[3]), 30000);
    if (i > 0) EXPECT_LE(std::stol(r[3]), std::stol(t->rows[i - 1][3]));
    clients += std::stol(r[4]);
  }
  EXPECT_EQ(std::to_string(clients), target_row[2]);
  EXPECT_EQ(count_target_households(kPop + "households.csv", kPop + "allocations.csv", o).value(),
            static_cast<std::int64_t>(t->rows.size()));
}

TEST(Targets, PseudonymsDependOnTheKeyAndAreStable) {
  TempDir dir;
  auto hh = dir.write("h.csv", "household_id,neighbourhood,members\nA,Noord,2\n");
  auto al = dir.write("a.csv", kHeader + "1,A,A1,Noord,wmo,P1,W,2018-01-01,,1,40000\n");
  TargetOptions o;
  o.key = kKey;
  auto one = target_group(hh, al, o);
  auto again = target_group(hh, al, o);
  o.key = "another key of sixteen+ bytes";
  auto other = target_group(hh, al, o);
  ASSERT_TRUE(one && again && other);
  EXPECT_EQ(one->rows[0][1], again->rows[0][1]);
  EXPECT_NE(one->rows[0][1], other->rows[0][1]);
  EXPECT_EQ(one->rows[0][2], "Noord");
  o.key = "short";
  EXPECT_FALSE(target_group(hh, al, o));
}

TEST(Targets, ReadsTheStackingSignalsOnTheReferenceDate) {
  TempDir dir;
  auto hh = dir.write("h.csv", "household_id,neighbourhood\nA,N\nB,N\n");
  auto al = dir.write("a.csv", kHeader +
                                   "1,A,A1,N,jeugd,P1,J,2018-01-01,,1,20000\n"
                                   "2,A,A2,N,jeugd,P1,J,2018-01-01,,1,20000\n"
                                   "3,A,A1,N,schuldhulp,P2,S,2018-01-01,,1,100\n"
                                   "4,A,A1,N,zvw_ggz,G1,G,2018-01-01,,1,100\n"
                                   "5,A,A1,N,zvw_ggz,G2,G,2018-01-01,2019-06-30,1,100\n"
                                   "6,B,B1,N,wmo,P1,W,2018-01-01,,1,35000\n");
  TargetOptions o;
  o.key = kKey;
  auto t = target_group(hh, al, o);
  ASSERT_TRUE(t) << t.error().message;
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0][3], "40000");  // A first: highest cost
  EXPECT_EQ(t->rows[0][4], "2");      // clients with a target-domain provision
  EXPECT_EQ(t->rows[0][5], "2");      // provisions in the target domains
  EXPECT_EQ(t->rows[0][6], "4");      // providers over the year: P1, P2, G1, G2
  EXPECT_EQ(t->rows[0][8], "stacking;one_provider_several_members");  // G2 ended before 31 December
  o.reference = *parse_date("2019-06-01");
  auto earlier = target_group(hh, al, o);
  EXPECT_EQ(earlier->rows[0][8], "stacking;one_provider_several_members;several_ggz_providers");
  EXPECT_EQ(t->rows[1][8], "");
}

TEST(StackingByNeighbourhood, CountsStackedHouseholdsPerNeighbourhoodAndAddsUpToTheScan) {
  StackingOptions o;
  o.date = *parse_date("2019-12-31");
  auto t = stacking_by_neighbourhood(kPop + "households.csv", kPop + "allocations.csv", o);
  ASSERT_TRUE(t) << t.error().message;
  auto scan = stacking_scan(kPop + "allocations.csv", o);
  ASSERT_TRUE(scan);
  long households = 0, stacked = 0;
  for (std::size_t i = 0; i + 1 < t->rows.size(); ++i) {
    households += std::stol(t->rows[i][1]);
    stacked += std::stol(t->rows[i][2]);
  }
  EXPECT_EQ(t->rows.back()[0], "TOTAL");
  EXPECT_EQ(std::to_string(households), t->rows.back()[1]);
  EXPECT_EQ(households, 9449);  // every line of households.csv
  EXPECT_EQ(static_cast<std::size_t>(stacked), scan->rows.size());
}

TEST(Potential, MultipliesTheTargetGroupByTheNetSavingAndSaysSo) {
  auto t = savings_potential(648, -2193037, "the pilot");
  EXPECT_EQ(t.rows[0][0], "648");
  EXPECT_EQ(t.rows[0][1], "-21930");
  EXPECT_EQ(t.rows[0][2], "-14210880");  // 648 x -21930.37
  EXPECT_NE(t.rows[0][3].find("the pilot"), std::string::npos);
}

}  // namespace
}  // namespace regie::analytics
