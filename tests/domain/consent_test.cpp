#include "domain/consent.h"

#include <gtest/gtest.h>

namespace regie::domain {
namespace {

Consent given(const std::string& member, const std::string& org, ConsentPurpose p) {
  Consent c;
  c.member_id = member;
  c.organisation_id = org;
  c.purpose = p;
  c.given_on = make_date(2019, 1, 1);
  return c;
}

TEST(ConsentTest, CountsFromItsDateUntilExpiryAndStopsOnTheDayOfWithdrawal) {
  auto c = given("M1", "O1", ConsentPurpose::care_coordination);
  c.expires_on = make_date(2019, 12, 31);
  EXPECT_FALSE(in_force(c, make_date(2018, 12, 31)));
  EXPECT_TRUE(in_force(c, make_date(2019, 1, 1)));
  EXPECT_TRUE(in_force(c, make_date(2019, 12, 31)));
  EXPECT_FALSE(in_force(c, make_date(2020, 1, 1)));
  c.withdrawn_on = make_date(2019, 6, 1);
  EXPECT_TRUE(in_force(c, make_date(2019, 5, 31)));
  EXPECT_FALSE(in_force(c, make_date(2019, 6, 1)));
}

TEST(ConsentTest, CoversOnlyItsMemberOrganisationAndPurpose) {
  std::vector<Consent> all{given("M1", "O1", ConsentPurpose::care_coordination)};
  auto on = make_date(2019, 3, 1);
  EXPECT_TRUE(covers(all, "M1", "O1", ConsentPurpose::care_coordination, on));
  EXPECT_FALSE(covers(all, "M2", "O1", ConsentPurpose::care_coordination, on));
  EXPECT_FALSE(covers(all, "M1", "O2", ConsentPurpose::care_coordination, on));
  EXPECT_FALSE(covers(all, "M1", "O1", ConsentPurpose::research, on));
}

TEST(ConsentTest, TheTextIsShortAndPlainAndNamesScopeExpiryAndHowToStop) {
  ConsentScope s{"Linda van den Berg", "", "Jeugdzorg Zuid", ConsentPurpose::information_exchange,
                 make_date(2020, 11, 1)};
  auto text = consent_text(s);
  EXPECT_NE(text.find("U geeft toestemming aan Jeugdzorg Zuid."), std::string::npos) << text;
  EXPECT_NE(text.find("tot en met 1 november 2020"), std::string::npos) << text;
  EXPECT_NE(text.find("U mag altijd stoppen."), std::string::npos);
  EXPECT_NE(text.find("wie uw gegevens heeft bekeken"), std::string::npos);
  // Plain language: short sentences.
  std::size_t start = 0, longest = 0, words = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ') ++words;
    if (text[i] == '.' || text[i] == '\n') {
      longest = std::max(longest, words);
      words = 0;
      start = i;
    }
  }
  (void)start;
  EXPECT_LE(longest, 20u) << text;
  ConsentScope child{"Demi van den Berg", "Linda van den Berg", "GGZ Heuvelrand", ConsentPurpose::care_coordination,
                     std::nullopt};
  auto ct = consent_text(child);
  EXPECT_NE(ct.find("Linda van den Berg is de ouder of voogd van Demi van den Berg."), std::string::npos) << ct;
  EXPECT_NE(ct.find("tot u zegt dat u wilt stoppen"), std::string::npos);
}

}  // namespace
}  // namespace regie::domain
