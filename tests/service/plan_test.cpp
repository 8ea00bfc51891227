#include "service/plan.h"

#include <gtest/gtest.h>

#include "store/measurement_store.h"

#include "domain/costs.h"
#include "service/households.h"
#include "support/backends.h"
#include "support/fixtures.h"
#include "store/bundle.h"
#include "store/household_store.h"
#include "store/plan_store.h"
#include "store/price_store.h"
#include "store/provision_store.h"
#include "domain/funding.h"
#include "domain/household.h"
#include "domain/provision.h"
#include "domain/account.h"

namespace regie::service {
namespace {

using domain::Role;

Date d(const char* s) { return *parse_date(s); }

class PlansTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(regie::store::write_bundle(*store, testing::small_bundle()));
    domain::Wish w;
    w.household_id = "H1";
    w.member_id = "H1-M2";
    w.dimension = "participation";
    w.text = "Weer naar school";
    w.created_by = "dir.a";
    w.created_at = "2019-01-01T00:00:00Z";
    auto id = store::MeasurementStore(*store).add_wish(w);
    ASSERT_TRUE(id);
    wish_id = std::to_string(*id);
  }

  domain::PlanGoal goal(const char* words) {
    domain::PlanGoal g;
    g.life_domain = "school_work";
    g.member_ids = {"H1-M2"};
    g.wish_id = wish_id;
    g.household_words = words;
    g.professional_words = "Schoolgang herstellen";
    g.actions = {{"Gesprek met mentor", {"professional", "PR1", ""}, d("2019-02-01"), "open"}};
    return g;
  }

  // Active provisions' annual cost on `on`, as the household view shows it.
  Cents cost_on(const char* on) {
    Cents total = 0;
    for (auto& p : regie::store::ProvisionStore(*store).of_household("H1"))
      if (p.active_on(d(on))) total += domain::annual_cost_on(p, d(on), regie::store::PriceStore(*store).price_list()).annual;
    return total;
  }

  testing::TestDatabase db{GetParam()};
  std::unique_ptr<store::Store> store = db.open();
  std::string wish_id;
  ManualClock clock{1'546'300'800};  // 2019-01-01
  Plans plans{*store, clock};
  Households households{*store, clock};
  Principal dir_a{"dir.a", "Director A", Role::director, ""};
  Principal dir_b{"dir.b", "Director B", Role::director, ""};
  Principal lead{"lead", "Team Lead", Role::team_lead, ""};
};

TEST_P(PlansTest, OnePlanWithVersionsAgreementAndHouseholdWords) {
  auto v1 = plans.save_plan(dir_a, "H1", {goal("Tim wil weer naar school")}, 0);
  ASSERT_TRUE(v1) << v1.error().message;
  EXPECT_EQ(*v1, 1);
  // A second director's save based on nothing is stale.
  auto stale = plans.save_plan(dir_a, "H1", {goal("x")}, 0);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::conflict);
  // Agreement needs the household.
  EXPECT_FALSE(plans.agree_plan(dir_a, "H1", 1, {{"professional", "PR1", ""}}, d("2019-01-01")));
  ASSERT_TRUE(
      plans.agree_plan(dir_a, "H1", 1, {{"member", "H1-M1", ""}, {"professional", "PR1", ""}}, d("2019-01-01")));
  EXPECT_EQ(plans.agree_plan(dir_a, "H1", 1, {{"member", "H1-M1", ""}}, d("2019-01-01")).error().code,
            ErrorCode::conflict);  // already agreed
  auto v2 = plans.save_plan(dir_a, "H1", {goal("Tim gaat elke dag naar school")}, 1);
  ASSERT_TRUE(v2);
  auto all = plans.plans(dir_a, "H1");
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].status, "superseded");
  EXPECT_EQ((*all)[0].goals[0].household_words, "Tim wil weer naar school");  // older versions stay readable
  EXPECT_EQ((*all)[0].agreed_by.size(), 2u);
  EXPECT_EQ((*all)[0].agreed_by[1].name, "Anna Prof");
  EXPECT_EQ((*all)[1].status, "active");
  EXPECT_TRUE((*all)[1].agreed_by.empty());  // the new version is not agreed yet
  EXPECT_EQ((*all)[1].goals[0].wish_id, std::optional<std::string>(wish_id));
  EXPECT_EQ((*all)[1].goals[0].actions[0].responsible.name, "Anna Prof");
  auto state = regie::store::PlanStore(*store).state("H1");
  EXPECT_EQ(state.active, 1);
  EXPECT_FALSE(state.agreed);
  // A member of another household cannot be in the plan; another director cannot write it.
  auto g = goal("x");
  g.member_ids = {"H2-M1"};
  EXPECT_EQ(plans.save_plan(dir_a, "H1", {g}, 2).error().code, ErrorCode::invalid_input);
  EXPECT_EQ(plans.save_plan(dir_b, "H1", {goal("x")}, 2).error().code, ErrorCode::forbidden);
  EXPECT_EQ(plans.plans(dir_b, "H1").error().code, ErrorCode::forbidden);
}

TEST_P(PlansTest, AFutureDecisionChangesNothingUntilItsDate) {
  const Cents before = cost_on("2019-01-01");
  domain::DecisionRequest r{"H1",
                            domain::DecisionKind::replace,
                            "one provider for the whole family",
                            d("2019-03-01"),
                            {"H1-P1", "H1-P2"},
                            {},
                            {},
                            {}};
  domain::Provision systemic;
  systemic.domain = domain::Domain::jeugd;
  systemic.provider_id = "O2";
  systemic.goal = "gezinsbehandeling";
  systemic.annual_cost = 800'000;
  r.start = {systemic};
  auto dec = plans.record_decision(dir_a, r);
  ASSERT_TRUE(dec) << dec.error().message;
  EXPECT_EQ(dec->stopped.size(), 2u);
  ASSERT_EQ(dec->started.size(), 1u);
  // -12 345.67 + 8 000 municipal, -1 500 non-indicated.
  EXPECT_EQ(dec->annual_effect.at(domain::Category::gemeente), -434'567);
  EXPECT_EQ(dec->annual_effect.at(domain::Category::niet_geindiceerd), -150'000);
  EXPECT_EQ(cost_on("2019-01-01"), before);
  EXPECT_EQ(cost_on("2019-02-28"), before);
  EXPECT_EQ(cost_on("2019-03-01"), 800'000);
  auto changes = regie::store::ProvisionStore(*store).changes("H1");
  EXPECT_EQ(changes.size(), 3u);  // two ended, one added
  // The log shows it and the timeline has it on its effective date.
  auto log = plans.decisions(dir_a, "H1");
  ASSERT_TRUE(log);
  ASSERT_EQ(log->size(), 1u);
  EXPECT_EQ((*log)[0].total_effect(), -584'567);
  // The caseload shows the saving per decision and in total.
  auto load = plans.caseload(dir_a, "");
  ASSERT_TRUE(load);
  ASSERT_EQ(load->at(0).decisions.size(), 1u);
  EXPECT_EQ(load->at(0).decisions[0].family_name, "Aarts");
  EXPECT_EQ(load->at(0).decided_annual_effect, -584'567);
  auto detail = households.get(dir_a, "H1");
  ASSERT_TRUE(detail);
  bool in_timeline = false;
  for (auto& rec : detail->records) in_timeline |= rec.kind == "decision" && rec.date == "2019-03-01";
  EXPECT_TRUE(in_timeline);
  // The stopped provisions cannot be stopped again from the same date.
  domain::DecisionRequest again{"H1", domain::DecisionKind::stop, "again", d("2019-04-01"), {"H1-P1"}, {}, {}, {}};
  EXPECT_FALSE(plans.record_decision(dir_a, again));
}

TEST_P(PlansTest, ADecisionCannotTouchAnotherHouseholdsProvisions) {
  // H2 has a provision of its own, assigned to dir.b.
  domain::Provision theirs;
  theirs.id = "H2-P1";
  theirs.household_id = "H2";
  theirs.domain = domain::Domain::wmo;
  theirs.provider_id = "O1";
  theirs.start = d("2018-01-01");
  theirs.annual_cost = 100'000;
  ASSERT_TRUE(regie::store::ProvisionStore(*store).add(theirs));
  domain::DecisionRequest r{"H1", domain::DecisionKind::stop, "not mine", d("2019-03-01"), {"H1-P1", "H2-P1"}, {}, {},
                            {}};
  auto refused = plans.record_decision(dir_a, r);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::invalid_input);
  EXPECT_EQ(refused.error().message, "stop[1]: provision H2-P1 is not on this household's care map");
  // Nothing stored: neither the decision nor the end of H1-P1.
  EXPECT_TRUE(plans.decisions(dir_a, "H1")->empty());
  EXPECT_FALSE(regie::store::ProvisionStore(*store).find("H1-P1")->end);
  EXPECT_FALSE(regie::store::ProvisionStore(*store).find("H2-P1")->end);
  // Another director cannot decide for H1 at all.
  r.stop = {"H1-P1"};
  EXPECT_EQ(plans.record_decision(dir_b, r).error().code, ErrorCode::forbidden);
}

TEST_P(PlansTest, RoundTableFindsASlotAndWritesInvitations) {
  domain::RoundTable rt;
  rt.household_id = "H1";
  rt.title = "Eerste ronde tafel";
  rt.window_from = d("2019-01-07");
  rt.window_to = d("2019-01-11");
  rt.agenda = "Plan bespreken";
  rt.participants = {
      {0, {"director", "dir.a", ""}, "", true, "", {{"2019-01-07T09:00", "2019-01-11T17:00"}}, "unknown"},
      {0, {"member", "H1-M1", ""}, "", true, "", {{"2019-01-09T13:00", "2019-01-09T16:00"}}, "unknown"},
      {0,
       {"professional", "PR1", ""},
       "anna@example.org",
       true,
       "",
       {{"2019-01-09T14:00", "2019-01-09T17:00"}},
       "unknown"},
      {0, {"other", "", "Juf Jansen"}, "", false, "", {}, "unknown"},
  };
  auto added = plans.add_round_table(dir_a, rt);
  ASSERT_TRUE(added) << added.error().message;
  EXPECT_EQ(added->participants[1].party.name, "Els Aarts");
  auto slot = plans.find_slot(dir_a, "H1", added->id);
  ASSERT_TRUE(slot);
  ASSERT_TRUE(slot->found) << slot->message;
  EXPECT_EQ(slot->start_local, "2019-01-09T14:00");
  EXPECT_EQ(slot->start_utc, "2019-01-09T13:00:00Z");
  EXPECT_EQ(slot->optional_missing.size(), 1u);
  auto v = plans.schedule_round_table(dir_a, "H1", added->id, slot->start_utc, added->version);
  ASSERT_TRUE(v) << v.error().message;
  auto ics = plans.invitation(dir_a, "H1", added->id, added->participants[2].id);
  ASSERT_TRUE(ics) << ics.error().message;
  EXPECT_NE(ics->find("DTSTART:20190109T130000Z"), std::string::npos);
  EXPECT_NE(ics->find("mailto:anna@example.org"), std::string::npos);
  // Attendance and minutes after the meeting, with the version check.
  auto stored = plans.round_tables(dir_a, "H1");
  ASSERT_TRUE(stored);
  auto held = stored->at(0);
  held.status = "held";
  held.minutes = "Afspraken gemaakt";
  held.participants[1].attendance = "present";
  ASSERT_TRUE(plans.update_round_table(dir_a, held));
  EXPECT_EQ(plans.update_round_table(dir_a, held).error().code, ErrorCode::conflict);
  // A window in which the required participants never meet says so.
  rt.participants[2].availability = {{"2019-01-10T09:00", "2019-01-10T10:00"}};
  auto none = plans.add_round_table(dir_a, rt);
  ASSERT_TRUE(none);
  auto answer = plans.find_slot(dir_a, "H1", none->id);
  ASSERT_TRUE(answer);
  EXPECT_FALSE(answer->found);
  EXPECT_EQ(answer->message, "no time between 2019-01-07 and 2019-01-11 suits every required participant");
  EXPECT_EQ(plans.find_slot(dir_b, "H1", none->id).error().code, ErrorCode::forbidden);
}

TEST_P(PlansTest, AftercareScheduleFlagsMissedContactsOnTheCaseload) {
  auto h = regie::store::HouseholdStore(*store).find("H1");
  ASSERT_TRUE(plans.start_aftercare(dir_a, "H1", d("2018-10-15"), 1, h->version));
  EXPECT_EQ(regie::store::HouseholdStore(*store).find("H1")->status, domain::HouseholdStatus::aftercare);
  ASSERT_TRUE(plans.add_aftercare_contact(dir_a, "H1", d("2018-11-10"), "goed gesprek"));
  auto view = plans.aftercare(dir_a, "H1");
  ASSERT_TRUE(view);
  ASSERT_TRUE(view->status);
  EXPECT_EQ(view->status->missed, 1);  // nothing between 15 November and 15 December
  EXPECT_TRUE(view->status->overdue);
  auto mine = plans.caseload(dir_a, "");
  ASSERT_TRUE(mine);
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ(mine->at(0).households_per_status.at("aftercare"), 1);
  ASSERT_EQ(mine->at(0).aftercare_due.size(), 1u);
  EXPECT_TRUE(mine->at(0).aftercare_due[0].aftercare->overdue);
  EXPECT_EQ(plans.caseload(dir_a, "dir.b").error().code, ErrorCode::forbidden);
  EXPECT_EQ(plans.caseload(lead, "")->size(), 2u);
  // Back to active through the status pipeline.
  ASSERT_TRUE(
      households.change_status(dir_a, "H1", domain::HouseholdStatus::active, "", regie::store::HouseholdStore(*store).find("H1")->version));
}

INSTANTIATE_TEST_SUITE_P(Backends, PlansTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace regie::service
