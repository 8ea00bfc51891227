#include "service/consent.h"

#include <gtest/gtest.h>

#include "support/backends.h"
#include "support/fixtures.h"
#include "store/bundle.h"
#include "store/settings_store.h"
#include "domain/account.h"

namespace regie::service {
namespace {

using domain::Role;

class ConsentsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { ASSERT_TRUE(regie::store::write_bundle(*store, testing::small_bundle())); }
  domain::Consent scope(const std::string& member) {
    domain::Consent c;
    c.member_id = member;
    c.organisation_id = "O1";
    c.purpose = domain::ConsentPurpose::care_coordination;
    return c;
  }
  testing::TestDatabase db{GetParam()};
  std::unique_ptr<store::Store> store = db.open();
  ManualClock clock{1'546'300'800};  // 2019-01-01
  Consents consents{*store, clock};
  Principal dir_a{"dir.a", "Director A", Role::director, ""};
  Principal dir_b{"dir.b", "Director B", Role::director, ""};
};

TEST_P(ConsentsTest, AnAdultGivesConsentAndWithdrawingItEndsItFromThatDay) {
  auto c = consents.add(dir_a, "H1", scope("H1-M1"));
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(format_date(c->given_on), "2019-01-01");
  auto list = *consents.list(dir_a, "H1");
  EXPECT_TRUE(domain::covers(list, "H1-M1", "O1", domain::ConsentPurpose::care_coordination, clock.today()));
  clock.advance(86400 * 30);
  auto w = consents.withdraw(dir_a, "H1", c->id, 1);
  ASSERT_TRUE(w) << w.error().message;
  EXPECT_EQ(format_date(*w->withdrawn_on), "2019-01-31");
  list = *consents.list(dir_a, "H1");
  EXPECT_FALSE(domain::covers(list, "H1-M1", "O1", domain::ConsentPurpose::care_coordination, clock.today()));
  // What was obtained before the withdrawal stays explainable: it was in force then.
  EXPECT_TRUE(domain::covers(list, "H1-M1", "O1", domain::ConsentPurpose::care_coordination, make_date(2019, 1, 15)));
  EXPECT_EQ(consents.withdraw(dir_a, "H1", c->id, 2).error().code, ErrorCode::conflict);
}

TEST_P(ConsentsTest, AParentGivesConsentForAChildBelowTheConfiguredAge) {
  auto child = consents.add(dir_a, "H1", scope("H1-M2"));  // born 2010
  ASSERT_FALSE(child);
  EXPECT_NE(child.error().message.find("guardian_member_id"), std::string::npos);
  auto by_parent = scope("H1-M2");
  by_parent.guardian_member_id = "H1-M1";
  auto ok = consents.add(dir_a, "H1", by_parent);
  ASSERT_TRUE(ok) << ok.error().message;
  auto text = consents.text(dir_a, "H1", ok->id);
  ASSERT_TRUE(text);
  EXPECT_NE(text->find("Els Aarts is de ouder of voogd van Tim Aarts."), std::string::npos) << *text;
  regie::store::SettingsStore(*store).set("consent.guardian_below_age", "8");
  EXPECT_TRUE(consents.add(dir_a, "H1", scope("H1-M2")));  // 9 years old: now old enough
  auto adult_with_guardian = scope("H1-M1");
  adult_with_guardian.guardian_member_id = "H1-M2";
  EXPECT_FALSE(consents.add(dir_a, "H1", adult_with_guardian));
}

TEST_P(ConsentsTest, RefusesIncompleteConsentWholeAndOtherDirectors) {
  auto verbal = scope("H1-M1");
  verbal.method = domain::ConsentMethod::verbal_witnessed;
  verbal.organisation_id = "O404";
  verbal.expires_on = make_date(2018, 1, 1);
  auto bad = consents.add(dir_a, "H1", verbal);
  ASSERT_FALSE(bad);
  for (auto want : {"witness:", "organisation_id:", "expires_on:"})
    EXPECT_NE(bad.error().message.find(want), std::string::npos) << want << "\n" << bad.error().message;
  EXPECT_TRUE(consents.list(dir_a, "H1")->empty());
  EXPECT_EQ(consents.add(dir_b, "H1", scope("H1-M1")).error().code, ErrorCode::forbidden);
  EXPECT_EQ(consents.add(dir_a, "H1", scope("H2-M1")).error().code, ErrorCode::invalid_input);
}

INSTANTIATE_TEST_SUITE_P(Backends, ConsentsTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace regie::service
