#include "analytics/outcomes.h"

#include <gtest/gtest.h>

#include "support/temp_dir.h"

namespace regie::analytics {
namespace {

using testing::read_file;
using testing::TempDir;

TEST(Outcomes, ReproducesTheReportsTable2) {
  const std::string pilot = std::string(REGIE_SHARED_DATA) + "/pilot/";
  auto t = outcomes_from_csv(pilot + "responses.csv");
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(to_csv(*t), read_file(pilot + "expected_outcomes.csv"));
}

TEST(Outcomes, CountsOnlyPersonsWithBothMoments) {
  TempDir dir;
  auto path = dir.write("r.csv",
                        "household_id,person_id,instrument,item,moment,score\n"
                        "H,P1,general,health,T1,3\nH,P1,general,health,T2,4\n"
                        "H,P2,general,health,T1,3\n"
                        "H,P3,general,health,T1,3.5\nH,P3,general,health,T2,3.50\n"
                        "H,P4,general,health,T2,1\nH,P4,general,health,T1,2\n");
  auto t = outcomes_from_csv(path);
  ASSERT_TRUE(t) << t.error().message;
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_EQ(t->rows[0], (std::vector<std::string>{"general", "health", "1", "1", "1", "3"}));
}

TEST(Outcomes, RefusesASecondScoreForTheSamePersonItemAndMoment) {
  TempDir dir;
  auto path = dir.write("r.csv",
                        "household_id,person_id,instrument,item,moment,score\n"
                        "H,P1,general,health,T1,3\nH,P1,general,health,T1,4\n");
  auto t = outcomes_from_csv(path);
  ASSERT_FALSE(t);
  EXPECT_NE(t.error().message.find("r.csv:3"), std::string::npos) << t.error().message;
  EXPECT_NE(t.error().message.find("line 2"), std::string::npos);
}

}  // namespace
}  // namespace regie::analytics
