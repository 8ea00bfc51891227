// Intake: a referral with its referring person and a combined source, members
// with a birth date, the duplicate check before a second file, and the file's
// consent state taken from the consent records. Both backends.
#include <gtest/gtest.h>

#include "service/assignments.h"
#include "service/consent.h"
#include "service/duplicates.h"
#include "service/households.h"
#include "support/backends.h"
#include "support/fixtures.h"
#include "support/temp_dir.h"
#include "store/audit_store.h"
#include "store/bundle.h"
#include "store/household_store.h"
#include "domain/account.h"
#include "domain/household.h"

namespace regie::service {
namespace {

using domain::Role;
using testing::TestDatabase;

constexpr const char* kBsnA = "111222333";  // passes the 11-check
constexpr const char* kBsnB = "123456782";

class IntakeTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto b = testing::small_bundle();
    b.households[0].address = "Hoofdstraat 1a";
    b.households[0].postcode = "6211 AB";
    b.households[1].address = "Kerkweg 7";
    ASSERT_TRUE(regie::store::write_bundle(*store, b));
    ASSERT_TRUE(households.set_bsn(dir_a, "H1", "H1-M1", kBsnA));
    ASSERT_TRUE(households.set_bsn(dir_b, "H2", "H2-M1", kBsnB));
  }
  std::vector<domain::AuditEvent> events(const std::string& actor, const std::string& action) {
    std::vector<domain::AuditEvent> out;
    for (auto& e : regie::store::AuditStore(*store).query(regie::store::AuditQuery{}))
      if (e.actor == actor && e.action == action) out.push_back(e);
    return out;
  }
  TestDatabase db{GetParam()};
  std::unique_ptr<store::Store> store = db.open();
  testing::TempDir dir;
  Sealer sealer = *Sealer::from_key_file(dir.file("secret.key"), true);
  ManualClock clock{1'546'300'800};  // 2019-01-01
  Households households{*store, clock, &sealer};
  Duplicates duplicates{*store, clock, &sealer};
  Consents consents{*store, clock};
  Assignments assignments{*store, clock};
  Principal dir_a{"dir.a", "Director A", Role::director, ""};
  Principal dir_b{"dir.b", "Director B", Role::director, ""};
  Principal lead{"lead", "Team Lead", Role::team_lead, ""};
  Principal prof{"prof", "Professional", Role::professional, ""};
};

TEST_P(IntakeTest, AReferralKeepsItsReferrerAndACombinedSource) {
  domain::Household h;
  h.family_name = "Claes";
  h.address = "Markt 3";
  h.neighbourhood = "Wyckerpoort";
  h.referral = domain::Referral{domain::ReferralSource::gp_with_practice_nurse, "veel hulp", *parse_date("2018-12-01"),
                                "dr. Jansen en POH Smeets"};
  auto added = households.add_household(dir_a, h);
  ASSERT_TRUE(added) << added.error().message;
  auto stored = regie::store::HouseholdStore(*store).find(added->id);
  ASSERT_TRUE(stored && stored->referral);
  EXPECT_EQ(stored->referral->source, domain::ReferralSource::gp_with_practice_nurse);
  EXPECT_EQ(stored->referral->referrer, "dr. Jansen en POH Smeets");
  EXPECT_EQ(domain::parse_referral_source("gp_with_safety_house"), domain::ReferralSource::gp_with_safety_house);

  domain::Member m{"", added->id, "Lotte", "Claes", domain::MemberRole::child, 2012, domain::ConsentStatus::pending,
                   std::nullopt, parse_date("2012-05-17")};
  auto member = households.add_member(dir_a, m);
  ASSERT_TRUE(member) << member.error().message;
  auto members = regie::store::HouseholdStore(*store).members(added->id);
  ASSERT_EQ(members.size(), 1u);
  ASSERT_TRUE(members[0].birth_date);
  EXPECT_EQ(format_date(*members[0].birth_date), "2012-05-17");
  // Members of older files keep only their year.
  EXPECT_FALSE(regie::store::HouseholdStore(*store).members("H1")[0].birth_date);
}

TEST_P(IntakeTest, ABsnInTheCallersOwnFileNamesTheFileAndTheMember) {
  auto found = duplicates.find(dir_a, {"", "", {kBsnB, kBsnA}});
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_EQ(found->size(), 2u);
  const auto& own = (*found)[0];  // H1, in id order
  EXPECT_TRUE(own.visible);
  EXPECT_EQ(own.household_id, "H1");
  EXPECT_EQ(own.family_name, "Aarts");
  EXPECT_EQ(own.member_names, std::vector<std::string>{"Els Aarts"});
  EXPECT_EQ(own.bsn_indexes, std::vector<int>{1});
  EXPECT_FALSE(own.same_address);
}

TEST_P(IntakeTest, AnotherDirectorsHouseholdIsOnlySaidToExistWithItsDirector) {
  auto found = duplicates.find(dir_a, {"", "", {kBsnB}});
  ASSERT_TRUE(found);
  ASSERT_EQ(found->size(), 1u);
  const auto& other = (*found)[0];
  EXPECT_FALSE(other.visible);
  EXPECT_EQ(other.director, "Director B");
  EXPECT_EQ(other.bsn_indexes, std::vector<int>{0});
  EXPECT_TRUE(other.household_id.empty());
  EXPECT_TRUE(other.family_name.empty());
  EXPECT_TRUE(other.status.empty());
  EXPECT_TRUE(other.member_names.empty());
  // The caller learned that this person is known there: a look, naming the member.
  auto looks = events("dir.a", "household.duplicates");
  ASSERT_EQ(looks.size(), 1u);
  EXPECT_EQ(looks[0].subject, "H2");
  EXPECT_EQ(looks[0].person, "H2-M1");
  EXPECT_EQ(looks[0].outcome, "allowed");
}

TEST_P(IntakeTest, AnAddressMatchesAsPeopleTypeIt) {
  auto same = duplicates.find(dir_b, {"hoofdstraat 1 A", "6211ab", {}});
  ASSERT_TRUE(same);
  ASSERT_EQ(same->size(), 1u);
  EXPECT_TRUE((*same)[0].same_address);
  EXPECT_FALSE((*same)[0].visible);
  EXPECT_EQ((*same)[0].director, "Director A");
  // Another postcode is another address; without one, the street and number decide.
  EXPECT_TRUE(duplicates.find(dir_b, {"Hoofdstraat 1a", "1234 XY", {}})->empty());
  EXPECT_EQ(duplicates.find(dir_b, {"Hoofdstraat 1a", "", {}})->size(), 1u);
  EXPECT_TRUE(duplicates.find(dir_b, {"Hoofdstraat 1", "", {}})->empty());
  // Nothing found is recorded too, naming no household.
  auto looks = events("dir.b", "household.duplicates");
  ASSERT_FALSE(looks.empty());
  EXPECT_EQ(looks.back().subject, "*");
}

TEST_P(IntakeTest, ATeamLeadSeesTheFileOnlyWhileAssigned) {
  auto before = duplicates.find(lead, {"", "", {kBsnA}});
  ASSERT_TRUE(before);
  ASSERT_EQ(before->size(), 1u);
  EXPECT_FALSE((*before)[0].visible);
  ASSERT_TRUE(assignments.assign(dir_a, "H1", "lead"));
  auto during = duplicates.find(lead, {"", "", {kBsnA}});
  ASSERT_TRUE(during);
  EXPECT_TRUE((*during)[0].visible);
  EXPECT_EQ((*during)[0].household_id, "H1");
}

TEST_P(IntakeTest, WrongQuestionsAreRefusedWithoutEchoingTheBsn) {
  auto refused = duplicates.find(prof, {"", "", {kBsnA}});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::forbidden);
  ASSERT_EQ(events("prof", "household.duplicates").size(), 1u);
  EXPECT_EQ(events("prof", "household.duplicates")[0].outcome, "denied");

  auto bad = duplicates.find(dir_a, {"", "", {kBsnA, "111222334"}});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::invalid_input);
  EXPECT_EQ(bad.error().message.find("111222334"), std::string::npos);
  EXPECT_NE(bad.error().message.find("bsns[1]"), std::string::npos);
  EXPECT_FALSE(duplicates.find(dir_a, {"  ", "", {}}));
  std::vector<std::string> many(kMaxDuplicateBsns + 1, kBsnA);
  EXPECT_FALSE(duplicates.find(dir_a, {"", "", many}));
}

TEST_P(IntakeTest, TheFileShowsConsentFromTheRecordsNotTheStoredField) {
  auto state = [&](const std::string& member) {
    auto file = households.get(dir_a, "H1");
    for (auto& m : file->members)
      if (m.id == member) return m.consent;
    ADD_FAILURE() << member;
    return domain::ConsentStatus::refused;
  };
  // The fixture's member rows say "given"; there is no record yet.
  EXPECT_EQ(state("H1-M1"), domain::ConsentStatus::pending);
  domain::Consent c;
  c.member_id = "H1-M1";
  c.organisation_id = "O1";
  c.purpose = domain::ConsentPurpose::care_coordination;
  c.method = domain::ConsentMethod::verbal_witnessed;
  c.witness = "Anna de Vries";
  c.expires_on = parse_date("2019-06-30");
  auto given = consents.add(dir_a, "H1", c);
  ASSERT_TRUE(given) << given.error().message;
  EXPECT_EQ(state("H1-M1"), domain::ConsentStatus::given);
  EXPECT_EQ(state("H1-M2"), domain::ConsentStatus::pending);
  clock.advance(200 * 86400);  // past the expiry
  EXPECT_EQ(state("H1-M1"), domain::ConsentStatus::pending);
  c.expires_on.reset();
  c.given_on = clock.today();
  auto again = consents.add(dir_a, "H1", c);
  ASSERT_TRUE(again);
  EXPECT_EQ(state("H1-M1"), domain::ConsentStatus::given);
  ASSERT_TRUE(consents.withdraw(dir_a, "H1", again->id, again->version));
  EXPECT_EQ(state("H1-M1"), domain::ConsentStatus::withdrawn);
}

INSTANTIATE_TEST_SUITE_P(Backends, IntakeTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace regie::service
