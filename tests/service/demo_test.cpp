// The demo households must add up, per household and category, to the pilot's
// costs: the business case computed from the demo's care maps is the report's.
#include "service/demo.h"

#include <gtest/gtest.h>

#include "analytics/businesscase.h"
#include "service/auth.h"
#include "service/costs.h"
#include "support/backends.h"

namespace regie::service {
namespace {

using testing::read_file;
using testing::TestDatabase;

class DemoTest : public ::testing::TestWithParam<std::string> {
 protected:
  TestDatabase db{GetParam()};
  std::unique_ptr<store::Store> store = db.open();
};

TEST_P(DemoTest, CareMapCostsReproduceThePilotBusinessCase) {
  auto data = read_demo_file(REGIE_DEMO_DATA);
  ASSERT_TRUE(data) << data.error().message;
  Date t1 = data->t1, t2 = data->t2;
  auto logins = load_demo(*store, std::move(*data));
  ASSERT_TRUE(logins) << logins.error().message;
  EXPECT_EQ(store->count("household"), 12u);
  auto lines = cost_lines_from_store(*store, t1, t2);
  auto table = analytics::business_case(lines, analytics::director_cost_fixed(800000));
  EXPECT_EQ(analytics::to_csv(table),
            read_file(std::string(REGIE_SHARED_DATA) + "/pilot/expected_businesscase.csv"));
}

TEST_P(DemoTest, PrintsWorkingLoginsAndResetsThemOnlyOnADemoDatabase) {
  auto data = read_demo_file(REGIE_DEMO_DATA);
  ASSERT_TRUE(data);
  auto logins = load_demo(*store, std::move(*data));
  ASSERT_TRUE(logins);
  ASSERT_GE(logins->size(), 3u);
  EXPECT_EQ(logins->front().role, domain::Role::director);
  ManualClock clock{1'700'000'000};
  Auth auth(*store, clock);
  EXPECT_TRUE(auth.sign_in(logins->front().username, logins->front().password, "c"));
  auto again = reset_demo_passwords(*store);
  ASSERT_TRUE(again);
  EXPECT_FALSE(auth.sign_in(logins->front().username, logins->front().password, "c"));
  EXPECT_TRUE(auth.sign_in(again->front().username, again->front().password, "c"));

  TestDatabase plain{"sqlite3"};
  auto other = plain.open();
  auto refused = reset_demo_passwords(*other);
  ASSERT_FALSE(refused);
}

INSTANTIATE_TEST_SUITE_P(Backends, DemoTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

TEST(DemoFile, NamesTheJsonPathOfEveryBadField) {
  testing::TempDir dir;
  auto path = dir.write("d.json", R"({"measurement_dates":{"T1":"2018-11-01","T2":"2019-13-01"},
    "directors":[{"username":"d","display_name":"D"}],"organisations":[],"professionals":[],
    "households":[{"id":"H","family_name":"F","status":"actief","director":"x",
      "members":[{"id":"M","given_name":"A","family_name":"F","role":"parent","birth_year":"1980","consent_status":"given"}],
      "provisions":[{"id":"P","member_id":"M","domain":"wmo","provider_id":"O","professional_id":null,"goal":"",
        "start_date":"2019-01-01","end_date":"2018-01-01","hours_per_week":"1","annual_cost_eur":12.5,
        "cost_basis":"declared","indicated":true}]}]})");
  auto r = read_demo_file(path);
  ASSERT_FALSE(r);
  const auto& m = r.error().message;
  EXPECT_NE(m.find("$.measurement_dates.T2: not a date"), std::string::npos) << m;
  EXPECT_NE(m.find("$.households[0].status: unknown value 'actief'"), std::string::npos) << m;
  EXPECT_NE(m.find("$.households[0].director: 'x' is not one of the directors"), std::string::npos) << m;
  EXPECT_NE(m.find("$.households[0].members[0].birth_year: expected a whole number"), std::string::npos) << m;
  EXPECT_NE(m.find("$.households[0].provisions[0].end_date: ends before it starts"), std::string::npos) << m;
  EXPECT_NE(m.find("$.households[0].provisions[0].annual_cost_eur: expected a string"), std::string::npos) << m;
}

}  // namespace
}  // namespace regie::service
