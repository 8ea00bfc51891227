// The shared plan as a professional sees it, their own actions and their
// start page (service/shared_plan.h), on both backends.
#include "service/shared_plan.h"

#include <gtest/gtest.h>

#include "service/plan.h"
#include "store/audit_store.h"
#include "store/bundle.h"
#include "store/consent_store.h"
#include "store/plan_store.h"
#include "support/backends.h"
#include "support/fixtures.h"
#include "domain/account.h"

namespace regie::service {
namespace {

using domain::Role;

Date d(const char* s) { return *parse_date(s); }

class SharedPlansTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(regie::store::write_bundle(*store, testing::small_bundle()));
    // Tim's consent covers Anna's organisation (O1); Anna (PR1) helps Tim on H1-P1.
    tims_consent = consent("H1-M2");
    auto goal = [](const char* domain, std::vector<std::string> members, std::vector<domain::PlanAction> actions) {
      domain::PlanGoal g;
      g.life_domain = domain;
      g.member_ids = std::move(members);
      g.household_words = std::string("woorden ") + domain;
      g.professional_words = std::string("doel ") + domain;
      g.actions = std::move(actions);
      return g;
    };
    const domain::PartyRef anna{"professional", "PR1", ""}, director{"director", "dir.a", ""};
    auto v = plans.save_plan(
        dir_a, "H1",
        {goal("school_work", {"H1-M2"},
              {{"Gesprek met mentor", anna, d("2019-02-01"), "open"}, {"School bellen", director, {}, "open"}}),
         goal("finances", {"H1-M1"}, {{"Budget maken", anna, d("2019-01-15"), "open"}}),
         goal("housing", {}, {{"Woning zoeken", anna, {}, "open"}})},
        0);
    ASSERT_TRUE(v) << v.error().message;
    ASSERT_TRUE(plans.agree_plan(dir_a, "H1", 1, {{"member", "H1-M1", ""}}, d("2019-01-01")));
    invited = round_table("Met Anna", true);
    others = round_table("Zonder Anna", false);
  }

  std::int64_t consent(const char* member) {
    domain::Consent c;
    c.household_id = "H1";
    c.member_id = member;
    c.organisation_id = "O1";
    c.given_on = d("2018-06-01");
    c.recorded_by = "dir.a";
    auto id = regie::store::ConsentStore(*store).add(c);
    EXPECT_TRUE(id);
    return id ? *id : 0;
  }

  std::int64_t round_table(const char* title, bool with_anna) {
    domain::RoundTable rt;
    rt.household_id = "H1";
    rt.title = title;
    rt.window_from = d("2019-01-07");
    rt.window_to = d("2019-01-31");
    rt.minutes = "verslag";
    rt.participants.push_back({0, {"member", "H1-M1", ""}, "", true, "", {}, "unknown"});
    if (with_anna) rt.participants.push_back({0, {"professional", "PR1", ""}, "", true, "", {}, "unknown"});
    auto added = plans.add_round_table(dir_a, rt);
    EXPECT_TRUE(added) << added.error().message;
    return added ? added->id : 0;
  }

  int events(const std::string& action, const std::string& outcome) {
    int n = 0;
    for (auto& e : regie::store::AuditStore(*store).recent(std::nullopt, 10000))
      n += e.actor == anna.username && e.action == action && e.outcome == outcome;
    return n;
  }

  testing::TestDatabase db{GetParam()};
  std::unique_ptr<store::Store> store = db.open();
  ManualClock clock{1'546'300'800};  // 2019-01-01
  Plans plans{*store, clock};
  SharedPlans shared{*store, clock};
  std::int64_t tims_consent = 0, invited = 0, others = 0;
  Principal dir_a{"dir.a", "Director A", Role::director, ""};
  Principal anna{"prof", "Anna Prof", Role::professional, "", "PR1", "O1"};
  Principal stranger{"prof2", "Piet", Role::professional, "", "PR9", "O2"};
};

TEST_P(SharedPlansTest, AProfessionalSeesOnlyWhatConcernsTheCoveredMembers) {
  auto v = shared.view(anna, "H1");
  ASSERT_TRUE(v) << v.error().message;
  EXPECT_EQ(v->members, std::vector<std::string>{"Tim"});
  EXPECT_FALSE(v->whole_household);
  EXPECT_EQ(v->mandate_holder, "Director A");
  EXPECT_EQ(v->mandate_scope.size(), 5u);
  ASSERT_EQ(v->plan_version, 1);
  EXPECT_EQ(v->agreed_on, d("2019-01-01"));
  // Tim's goal only: not Els's, not the household-wide one.
  ASSERT_EQ(v->goals.size(), 1u);
  EXPECT_EQ(v->goals[0].life_domain, "school_work");
  EXPECT_EQ(v->goals[0].for_whom, std::vector<std::string>{"Tim"});
  ASSERT_EQ(v->goals[0].actions.size(), 2u);
  EXPECT_TRUE(v->goals[0].actions[0].mine);
  EXPECT_EQ(v->goals[0].actions[0].responsible_name, "Anna Prof");
  EXPECT_FALSE(v->goals[0].actions[1].mine);
  // The round table she is invited to, without its minutes and without Els.
  ASSERT_EQ(v->round_tables.size(), 1u);
  EXPECT_EQ(v->round_tables[0].id, invited);
  EXPECT_TRUE(v->round_tables[0].invited);
  EXPECT_TRUE(v->round_tables[0].minutes.empty());
  EXPECT_EQ(v->round_tables[0].participants, std::vector<std::string>{"Anna Prof"});
  EXPECT_EQ(events("plan.read", "allowed"), 1);
}

TEST_P(SharedPlansTest, WithEveryMembersConsentTheWholeHouseholdsPartIsShown) {
  consent("H1-M1");
  auto v = shared.view(anna, "H1");
  ASSERT_TRUE(v) << v.error().message;
  EXPECT_TRUE(v->whole_household);
  ASSERT_EQ(v->goals.size(), 3u);
  EXPECT_TRUE(v->goals[2].for_whom.empty());
  ASSERT_EQ(v->round_tables.size(), 2u);
  EXPECT_EQ(v->round_tables[1].id, others);
  EXPECT_FALSE(v->round_tables[1].invited);
  EXPECT_EQ(v->round_tables[1].minutes, "verslag");
}

TEST_P(SharedPlansTest, WithoutCoveringConsentThePlanIsRefusedAndAudited) {
  ASSERT_TRUE(regie::store::ConsentStore(*store).withdraw(tims_consent, 1, d("2019-01-01")));
  auto v = shared.view(anna, "H1");
  ASSERT_FALSE(v);
  EXPECT_EQ(v.error().code, ErrorCode::forbidden);
  EXPECT_EQ(events("plan.read", "denied"), 1);
  EXPECT_EQ(shared.set_action_status(anna, "H1", 1, 0, 0, "done").error().code, ErrorCode::forbidden);
  EXPECT_EQ(events("plan.action_status", "denied"), 1);
  // Not on the care team at all, and unknown households: the same refusal.
  EXPECT_EQ(shared.view(stranger, "H1").error().code, ErrorCode::forbidden);
  EXPECT_EQ(shared.view(anna, "NOPE").error().code, ErrorCode::forbidden);
  auto work = shared.work(anna);
  ASSERT_TRUE(work);
  EXPECT_TRUE(work->households.empty());
  EXPECT_TRUE(work->actions.empty());
}

TEST_P(SharedPlansTest, AProfessionalMarksTheirOwnActionDoneAndNothingElse) {
  ASSERT_TRUE(shared.set_action_status(anna, "H1", 1, 0, 0, "done"));
  auto v = shared.view(anna, "H1");
  EXPECT_EQ(v->goals[0].actions[0].status, "done");
  // Still version 1, still agreed.
  auto stored = regie::store::PlanStore(*store).plans("H1");
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_TRUE(stored[0].agreed_on);
  EXPECT_EQ(stored[0].goals[0].actions[0].status, "done");
  EXPECT_EQ(events("plan.action_status", "allowed"), 1);

  // The director's action, a goal she may not see, a stale version, a wrong status.
  EXPECT_EQ(shared.set_action_status(anna, "H1", 1, 0, 1, "done").error().code, ErrorCode::forbidden);
  EXPECT_EQ(shared.set_action_status(anna, "H1", 1, 1, 0, "done").error().code, ErrorCode::not_found);
  EXPECT_EQ(shared.set_action_status(anna, "H1", 2, 0, 0, "done").error().code, ErrorCode::conflict);
  EXPECT_EQ(shared.set_action_status(anna, "H1", 1, 0, 0, "klaar").error().code, ErrorCode::invalid_input);
  EXPECT_EQ(events("plan.action_status", "denied"), 3);
  EXPECT_EQ(regie::store::PlanStore(*store).plans("H1")[0].goals[1].actions[0].status, "open");
  // The director sets any action.
  ASSERT_TRUE(shared.set_action_status(dir_a, "H1", 1, 1, 0, "in_progress"));
  EXPECT_EQ(regie::store::PlanStore(*store).plans("H1")[0].goals[1].actions[0].status, "in_progress");
}

TEST_P(SharedPlansTest, TheStartPageGathersFamiliesActionsAndRoundTables) {
  auto w = shared.work(anna);
  ASSERT_TRUE(w) << w.error().message;
  EXPECT_EQ(w->name, "Anna Prof");
  EXPECT_EQ(w->organisation, "Jeugdhulp Test");
  ASSERT_EQ(w->households.size(), 1u);
  EXPECT_EQ(w->households[0].id, "H1");
  EXPECT_EQ(w->households[0].members, std::vector<std::string>{"Tim"});
  EXPECT_TRUE(w->households[0].has_plan);
  ASSERT_EQ(w->actions.size(), 1u);  // Els's and the household's are not shown
  EXPECT_EQ(w->actions[0].action.text, "Gesprek met mentor");
  EXPECT_EQ(w->actions[0].plan_version, 1);
  ASSERT_EQ(w->round_tables.size(), 1u);
  EXPECT_EQ(w->round_tables[0].round_table.id, invited);
  EXPECT_EQ(events("plan.list", "allowed"), 1);
  // Other roles have no such page.
  EXPECT_EQ(shared.work(dir_a).error().code, ErrorCode::forbidden);
}

INSTANTIATE_TEST_SUITE_P(Backends, SharedPlansTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace regie::service
