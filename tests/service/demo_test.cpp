// The demo households must add up, per household and category, to the pilot's
// costs: the business case computed from the demo's care maps is the report's.
#include "service/demo.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "analytics/businesscase.h"
#include "service/auth.h"
#include "service/businesscase.h"
#include "service/costs.h"
#include "service/funnel.h"
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

TEST_P(DemoTest, ThePortfolioOnEachFamilysOwnDatesReproducesThePilotBusinessCase) {
  auto data = read_demo_file(REGIE_DEMO_DATA);
  ASSERT_TRUE(data) << data.error().message;
  auto logins = load_demo(*store, std::move(*data), sealer);
  ASSERT_TRUE(logins) << logins.error().message;
  EXPECT_EQ(store->count("household"), 20u);  // the report's 20 referrals (§5.2)
  SystemClock clock;
  BusinessCaseQuery q;
  q.own_dates = true;
  q.director_cost_mode = "fixed";
  auto report = BusinessCaseReports(*store, clock).report(Principal{"teamleider", "", domain::Role::team_lead, ""}, q);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(analytics::to_csv(analytics::to_table(report->business_case)),
            read_file(std::string(REGIE_SHARED_DATA) + "/pilot/expected_businesscase.csv"));
  // The two guided families without a business case, each with the report's reason.
  std::map<std::string, std::string> excluded;
  for (auto& e : report->excluded) excluded[e.household] = e.reason;
  EXPECT_EQ(excluded["BZHH04"], "t2_not_held");  // no second measurement
  EXPECT_EQ(excluded["BZHH05"], "no_t1_costs");  // too little data
  EXPECT_EQ(excluded["BZHH20"], "dropped");      // the six drop-outs never count
  EXPECT_EQ(excluded.size(), 8u);
}

// Table 1 and the text of §5.2: 20 referrals by source, six drop-outs by
// reason, 14 families guided, 12 business cases (one without a second
// measurement, one with too little data). The report's figures, computed here
// from the demo's households and histories.
TEST_P(DemoTest, TheReferralFunnelOfTheDemoIsTable1) {
  auto data = read_demo_file(REGIE_DEMO_DATA);
  ASSERT_TRUE(data) << data.error().message;
  ASSERT_TRUE(load_demo(*store, std::move(*data), sealer));
  SystemClock clock;
  auto rows = referral_funnel(*store, clock.today());
  std::map<std::string, int> by_source;
  for (auto& r : rows)
    if (r.source) by_source[std::string(domain::to_string(*r.source))] = r.referred;
  const std::map<std::string, int> table1 = {
      {"wmo", 2},         {"gp", 10},         {"practice_nurse", 1}, {"gp_with_practice_nurse", 2},
      {"gp_with_safety_house", 1}, {"social_team", 1}, {"youth_doctor", 1},   {"social_work", 1},
      {"other", 1}};
  EXPECT_EQ(by_source, table1);
  const auto& total = rows.back();
  EXPECT_EQ(total.referred, 20);
  EXPECT_EQ(total.intake, 20);  // all approached with the family's consent
  EXPECT_EQ(total.guided, 14);
  EXPECT_EQ(total.business_case, 12);
  EXPECT_EQ(total.waiting, 0);
  EXPECT_EQ(total.dropped, (std::map<std::string, int>{{"not_needed", 2}, {"no_consent", 1}, {"withdrew", 2},
                                                       {"outside_area", 1}}));
  EXPECT_EQ(total.without_business_case,
            (std::map<std::string, int>{{"no_second_measurement", 1}, {"insufficient_data", 1}}));
  // The family that gave no consent was asked for by the Wmo (§5.2).
  EXPECT_EQ(rows[0].dropped.at("no_consent"), 1);
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
