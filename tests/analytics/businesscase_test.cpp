#include "analytics/businesscase.h"

#include <gtest/gtest.h>

#include <limits>

#include "support/temp_dir.h"

namespace regie::analytics {
namespace {

using testing::read_file;
using testing::TempDir;
const std::string kPilot = std::string(REGIE_SHARED_DATA) + "/pilot/";

TEST(BusinessCase, ReproducesTheReportsTables3To5FromThePilotCosts) {
  auto lines = read_cost_lines(kPilot + "costs.csv");
  ASSERT_TRUE(lines) << lines.error().message;
  auto table = business_case(*lines, director_cost_fixed(800000));
  EXPECT_EQ(to_csv(table), read_file(kPilot + "expected_businesscase.csv"));
}

TEST(BusinessCase, ACostLineBeyondTheMaximumIsRefusedAndATotalThatWouldOverflowIsAnError) {
  TempDir dir;
  auto path = dir.write("costs.csv", "household_id,moment,category,annual_cost_eur\n"
                                     "A,T1,gemeente,10000000\n"
                                     "A,T2,gemeente,10000000.01\n");
  auto lines = read_cost_lines(path);
  ASSERT_FALSE(lines);
  EXPECT_NE(lines.error().message.find(":3: column 'annual_cost_eur': 0 to 10000000 euros"), std::string::npos)
      << lines.error().message;
  // Lines built in code are not bounded; their sum must still not wrap.
  const Cents huge = std::numeric_limits<Cents>::max() / 2 + 1;
  auto bc = compute_business_case({{"A", "T1", "gemeente", huge}, {"B", "T1", "gemeente", huge}},
                                  director_cost_fixed(0));
  ASSERT_FALSE(bc);
  EXPECT_EQ(bc.error().code, ErrorCode::invalid_input);
  EXPECT_TRUE(compute_business_case({{"A", "T1", "gemeente", 100}}, director_cost_fixed(0)));
}

TEST(BusinessCase, ComputesTheDirectorCostFromHoursAndShowsHow) {
  auto d = director_cost_from_hours(250, 45, 7000);
  EXPECT_EQ(d.per_household, 787500);
  EXPECT_EQ(d.mode, DirectorCost::Mode::norm);
  EXPECT_NE(d.explain().find("2.5 h/week x 45 weeks"), std::string::npos);
  EXPECT_NE(director_cost_fixed(800000).explain().find("configured"), std::string::npos);
}

TEST(BusinessCase, AddsUpLinesWithTheSameKeyAndAveragesOverHouseholdsWithTheCategory) {
  std::vector<CostLine> lines = {{"A", "T1", "gemeente", 1000000}, {"A", "T1", "gemeente", 50},
                                 {"A", "T2", "gemeente", 500000},  {"B", "T1", "gemeente", 200000},
                                 {"B", "T2", "gemeente", 100000},  {"B", "T1", "uwv", 300001}};
  auto t = business_case(lines, director_cost_fixed(0));
  // A: 10000.50 -> 5000 (-5000.50, -50 %); B: 5000.01 -> 1000
  EXPECT_EQ(t.rows[0], (std::vector<std::string>{"3", "A", "1", "10001", "5000", "-5001", "-50", "-5001"}));
  EXPECT_EQ(t.rows[2][1], "TOTAL");
  EXPECT_EQ(t.rows[2][5], "-9001");   // -9000.51
  EXPECT_EQ(t.rows[2][7], "-4500");   // -4500.255 per household
  EXPECT_EQ(t.rows[4], (std::vector<std::string>{"4", "uwv", "1", "3000", "0", "-3000", "-100", "-3000"}));
}

TEST(BusinessCase, RefusesBadLinesNamingFileLineAndColumn) {
  TempDir dir;
  auto path = dir.write("costs.csv",
                        "household_id,moment,category,annual_cost_eur\nA,T1,gemeente,10\nA,T3,gemeente,1,5\n"
                        "B,T2,gemeente,12.345\n");
  auto r = read_cost_lines(path);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("costs.csv:3: column 'moment'"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("costs.csv:4: column 'annual_cost_eur'"), std::string::npos);
}

}  // namespace
}  // namespace regie::analytics
