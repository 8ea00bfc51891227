// The household's own view: the director's contact details and what the
// support the member sees costs per year, on every backend.
#include "service/own_view.h"

#include <gtest/gtest.h>

#include "service/accounts.h"
#include "store/account_store.h"
#include "store/bundle.h"
#include "store/price_store.h"
#include "support/backends.h"
#include "support/fixtures.h"
#include "domain/costs.h"

namespace regie::service {
namespace {

using domain::Role;

Principal member_of_h1(const std::string& member) {
  Principal p{"m-" + member, member, Role::member, ""};
  p.member_id = member;
  p.household_id = "H1";
  return p;
}

class OwnViewTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto b = testing::small_bundle();
    // A partner and an adult child, each with care of their own: GGZ through
    // the insurer (an estimate) and debt counselling.
    b.members.push_back({"H1-M3", "H1", "Rob", "Aarts", domain::MemberRole::parent, 1978,
                         domain::ConsentStatus::given, std::nullopt});
    b.members.push_back({"H1-M4", "H1", "Sara", "Aarts", domain::MemberRole::child, 1998,
                         domain::ConsentStatus::given, std::nullopt});
    auto ggz = b.provisions[0];
    ggz.id = "H1-P3";
    ggz.member_id = "H1-M3";
    ggz.domain = domain::Domain::zvw_ggz;
    ggz.basis = domain::CostBasis::estimate;
    ggz.annual_cost = 700000;
    auto debt = b.provisions[0];
    debt.id = "H1-P4";
    debt.member_id = "H1-M4";
    debt.domain = domain::Domain::schuldhulp;
    debt.annual_cost = 90000;
    b.provisions.push_back(ggz);
    b.provisions.push_back(debt);
    provisions = b.provisions;
    ASSERT_TRUE(store::write_bundle(*store, b));
  }
  // The figure the director's household view shows for one provision today.
  Cents cost_of(const std::string& id) {
    for (auto& p : provisions)
      if (p.id == id) return domain::annual_cost_on(p, clock.today(), store::PriceStore(*store).price_list()).annual;
    return -1;
  }
  testing::TestDatabase db{GetParam()};
  std::unique_ptr<store::Store> store = db.open();
  ManualClock clock{1'546'300'800};  // 2019-01-01
  OwnView view{*store, clock, nullptr};
  std::vector<domain::Provision> provisions;
  Principal admin{"admin", "Administrator", Role::administrator, ""};
};

TEST_P(OwnViewTest, TheMemberSeesTheirDirectorsPhoneAndEmailOnceTheAdministratorFilledThemIn) {
  auto before = view.household(member_of_h1("H1-M1"));
  ASSERT_TRUE(before) << before.error().message;
  EXPECT_EQ(before->director_name, "Director A");
  EXPECT_EQ(before->director_phone, "");
  EXPECT_EQ(before->director_email, "");

  Accounts accounts(*store, clock, nullptr);
  Principal dir_a{"dir.a", "Director A", Role::director, ""};
  EXPECT_EQ(accounts.set_contact(dir_a, "dir.a", "06-12345678", "a@example.nl").error().code, ErrorCode::forbidden);
  EXPECT_EQ(accounts.set_contact(admin, "dir.a", "bel me", "").error().code, ErrorCode::invalid_input);
  EXPECT_EQ(accounts.set_contact(admin, "dir.a", "", "geen adres").error().code, ErrorCode::invalid_input);
  EXPECT_EQ(accounts.set_contact(admin, "nobody", "06-12345678", "").error().code, ErrorCode::not_found);
  ASSERT_TRUE(accounts.set_contact(admin, "dir.a", "06-12345678", "a.director@example.nl"));

  auto after = view.household(member_of_h1("H1-M1"));
  ASSERT_TRUE(after);
  EXPECT_EQ(after->director_phone, "06-12345678");
  EXPECT_EQ(after->director_email, "a.director@example.nl");
  auto listed = accounts.list(admin);
  ASSERT_TRUE(listed);
  for (auto& a : *listed)
    if (a.username == "dir.a") EXPECT_EQ(a.email, "a.director@example.nl");

  // Emptying clears both.
  ASSERT_TRUE(accounts.set_contact(admin, "dir.a", "", ""));
  EXPECT_EQ(store::AccountStore(*store).find("dir.a")->phone, "");
}

TEST_P(OwnViewTest, AParentsCostCountsTheirOwnTheHouseholdsAndTheMinorChildrensCareNotAnotherAdults) {
  auto els = view.household(member_of_h1("H1-M1"));
  ASSERT_TRUE(els) << els.error().message;
  EXPECT_EQ(els->cost.annual, cost_of("H1-P1") + cost_of("H1-P2"));  // Tim's youth care and the household's
  EXPECT_EQ(els->cost.helpers, 2);
  EXPECT_FALSE(els->cost.estimated);  // Rob's GGZ estimate is not hers to see
  EXPECT_EQ(els->cost.children, std::vector<std::string>{"Tim"});
  EXPECT_EQ(format_date(els->cost.on), "2019-01-01");
  EXPECT_EQ(els->cost.helpers, static_cast<int>(els->helpers.size()));

  auto rob = view.household(member_of_h1("H1-M3"));
  ASSERT_TRUE(rob);
  EXPECT_EQ(rob->cost.annual, cost_of("H1-P1") + cost_of("H1-P2") + cost_of("H1-P3"));
  EXPECT_TRUE(rob->cost.estimated);

  auto sara = view.household(member_of_h1("H1-M4"));
  ASSERT_TRUE(sara);
  EXPECT_EQ(sara->cost.annual, cost_of("H1-P2") + cost_of("H1-P4"));  // her own and the household's
  EXPECT_TRUE(sara->cost.children.empty());
}

TEST_P(OwnViewTest, ProvisionsThatEndedNoLongerCost) {
  clock.advance(86400 * 200);  // 2019-07-20: the household's provision ended on 2019-06-30
  auto sara = view.household(member_of_h1("H1-M4"));
  ASSERT_TRUE(sara);
  EXPECT_EQ(sara->cost.annual, cost_of("H1-P4"));
  EXPECT_EQ(sara->cost.helpers, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, OwnViewTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace regie::service
