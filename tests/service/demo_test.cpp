// The demo households must add up, per household and category, to the pilot's
// costs: the business case computed from the demo's care maps is the report's.
#include "service/demo.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "analytics/businesscase.h"
#include "service/auth.h"
#include "service/costs.h"
#include "service/shared_plan.h"
#include "store/account_store.h"
#include "service/totp.h"
#include "support/backends.h"
#include "support/temp_dir.h"
#include "domain/account.h"

namespace regie::service {
namespace {

using testing::read_file;
using testing::TestDatabase;

class DemoTest : public ::testing::TestWithParam<std::string> {
 protected:
  TestDatabase db{GetParam()};
  std::unique_ptr<store::Store> store = db.open();
  testing::TempDir dir;
  Sealer sealer = *Sealer::from_key_file(dir.file("demo.key"), true);
};

// The code an authenticator app shows for a printed base32 secret.
std::string code_for(const std::string& base32, std::int64_t now) {
  // Decoded through the otpauth form's inverse: base32 of the raw secret.
  static const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string raw;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : base32) {
    buffer = (buffer << 5) | static_cast<unsigned>(alphabet.find(c));
    bits += 5;
    if (bits >= 8) {
      raw += static_cast<char>((buffer >> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return totp_code(raw, now);
}

TEST_P(DemoTest, CareMapCostsReproduceThePilotBusinessCase) {
  auto data = read_demo_file(REGIE_DEMO_DATA);
  ASSERT_TRUE(data) << data.error().message;
  Date t1 = data->t1, t2 = data->t2;
  auto logins = load_demo(*store, std::move(*data), sealer);
  ASSERT_TRUE(logins) << logins.error().message;
  EXPECT_EQ(store->count("household"), 12u);
  auto lines = cost_lines_from_store(*store, t1, t2);
  auto table = analytics::business_case(lines, analytics::director_cost_fixed(800000));
  EXPECT_EQ(analytics::to_csv(table),
            read_file(std::string(REGIE_SHARED_DATA) + "/pilot/expected_businesscase.csv"));
}

TEST_P(DemoTest, TheDemoProfessionalSeesTwoConsentingFamiliesWithActionsOfTheirOwn) {
  auto data = read_demo_file(REGIE_DEMO_DATA);
  ASSERT_TRUE(data) << data.error().message;
  ASSERT_TRUE(load_demo(*store, std::move(*data), sealer));
  auto account = store::AccountStore(*store).find("hulpverlener");
  ASSERT_TRUE(account && account->professional_id);
  EXPECT_EQ(*account->professional_id, "PRO012");
  Principal pro{"hulpverlener", account->display_name, domain::Role::professional, "", *account->professional_id,
                "ORG21"};
  SystemClock clock;  // the demo's consents and round tables count from the day it was made
  SharedPlans shared(*store, clock);
  auto work = shared.work(pro);
  ASSERT_TRUE(work) << work.error().message;
  // On three care teams; the Hermans family gave no consent.
  ASSERT_EQ(work->households.size(), 2u);
  EXPECT_EQ(work->households[0].family_name, "Lemmens");
  EXPECT_EQ(work->households[1].family_name, "Smeets");
  for (auto& h : work->households) {
    EXPECT_TRUE(h.has_plan) << h.id;
    auto mine = std::count_if(work->actions.begin(), work->actions.end(), [&](auto& a) { return a.household_id == h.id; });
    EXPECT_GE(mine, 1) << h.id;
    auto view = shared.view(pro, h.id);
    ASSERT_TRUE(view) << view.error().message;
    EXPECT_TRUE(view->agreed_on.has_value());
    EXPECT_FALSE(view->mandate_holder.empty());
  }
  EXPECT_EQ(work->round_tables.size(), 2u);
  // Every member of the Lemmens family consented, only Wendy of the Smeets family.
  EXPECT_TRUE(shared.view(pro, "BZHH08")->whole_household);
  EXPECT_EQ(shared.view(pro, "BZHH09")->members, std::vector<std::string>{"Wendy"});
  EXPECT_EQ(shared.view(pro, "BZHH02").error().code, ErrorCode::forbidden);
}

TEST_P(DemoTest, PrintsWorkingLoginsAndResetsThemOnlyOnADemoDatabase) {
  auto data = read_demo_file(REGIE_DEMO_DATA);
  ASSERT_TRUE(data);
  auto logins = load_demo(*store, std::move(*data), sealer);
  ASSERT_TRUE(logins);
  ASSERT_GE(logins->size(), 3u);
  EXPECT_EQ(logins->front().role, domain::Role::director);
  ManualClock clock{1'700'000'000};
  Auth auth(*store, clock, &sealer);
  const auto& first = logins->front();
  ASSERT_FALSE(first.totp_secret.empty());
  EXPECT_TRUE(auth.sign_in(first.username, first.password, code_for(first.totp_secret, clock.now_seconds()), "c"));
  for (auto& l : *logins) EXPECT_EQ(l.totp_secret.empty(), l.role == domain::Role::member) << l.username;
  auto again = reset_demo_passwords(*store, sealer);
  ASSERT_TRUE(again);
  clock.advance(30);
  EXPECT_FALSE(auth.sign_in(first.username, first.password, code_for(first.totp_secret, clock.now_seconds()), "c"));
  const auto& renewed = again->front();
  EXPECT_FALSE(auth.sign_in(renewed.username, renewed.password, code_for(first.totp_secret, clock.now_seconds()), "c"));
  EXPECT_TRUE(
      auth.sign_in(renewed.username, renewed.password, code_for(renewed.totp_secret, clock.now_seconds()), "c"));

  TestDatabase plain{"sqlite3"};
  auto other = plain.open();
  auto refused = reset_demo_passwords(*other, sealer);
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
