#include "service/mandate.h"

#include <gtest/gtest.h>

#include "domain/costs.h"
#include "service/households.h"
#include "service/plan.h"
#include "service/shared_plan.h"
#include "store/bundle.h"
#include "store/price_store.h"
#include "store/provision_store.h"
#include "support/backends.h"
#include "support/fixtures.h"

namespace regie::service {
namespace {

using domain::DecisionKind;
using domain::Role;

Date d(const char* s) { return *parse_date(s); }

class MandateTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { ASSERT_TRUE(regie::store::write_bundle(*store, testing::small_bundle())); }

  Cents cost_on(const char* on) {
    Cents total = 0;
    const auto prices = regie::store::PriceStore(*store).price_list();
    for (auto& p : regie::store::ProvisionStore(*store).of_household("H1"))
      if (p.active_on(d(on))) total += domain::annual_cost_on(p, d(on), prices).annual;
    return total;
  }

  domain::DecisionRequest replace_both() {
    domain::DecisionRequest r{"H1", DecisionKind::replace, "een aanbieder voor het hele gezin", d("2019-03-01"),
                              {"H1-P1", "H1-P2"}, {}, {}, {}};
    domain::Provision systemic;
    systemic.domain = domain::Domain::jeugd;
    systemic.provider_id = "O2";
    systemic.annual_cost = 800'000;
    r.start = {systemic};
    return r;
  }

  domain::MandateGrant grant(std::vector<DecisionKind> kinds) {
    domain::MandateGrant g;
    g.household_id = "H1";
    g.granted_by = "M. de Vries, teamleider";
    g.granted_on = d("2018-12-20");
    g.kinds = std::move(kinds);
    g.scope = "Jeugd en Wmo, tot 20 000 euro per jaar";
    g.valid_from = d("2019-01-01");
    g.valid_to = d("2019-12-31");
    return g;
  }

  testing::TestDatabase db{GetParam()};
  std::unique_ptr<store::Store> store = db.open();
  ManualClock clock{1'546'300'800};  // 2019-01-01
  Mandates mandates{*store, clock};
  Plans plans{*store, clock};
  Households households{*store, clock};
  Principal dir_a{"dir.a", "Director A", Role::director, ""};
  Principal dir_b{"dir.b", "Director B", Role::director, ""};
};

TEST_P(MandateTest, AWithdrawnDecisionPutsTheCareMapBackAndStaysInTheLog) {
  const Cents before = cost_on("2019-06-01");
  auto ended_before = regie::store::ProvisionStore(*store).find("H1-P1")->end;
  auto dec = plans.record_decision(dir_a, replace_both());
  ASSERT_TRUE(dec) << dec.error().message;
  ASSERT_NE(cost_on("2019-06-01"), before);
  const std::string started = dec->started.at(0);

  EXPECT_EQ(mandates.withdraw_decision(dir_a, "H1", dec->id, " ").error().code, ErrorCode::invalid_input);
  EXPECT_EQ(mandates.withdraw_decision(dir_b, "H1", dec->id, "vergissing").error().code, ErrorCode::forbidden);
  EXPECT_EQ(mandates.withdraw_decision(dir_a, "H1", dec->id + 100, "vergissing").error().code, ErrorCode::not_found);

  auto back = mandates.withdraw_decision(dir_a, "H1", dec->id, "verkeerd gezin gekozen");
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(cost_on("2019-06-01"), before);
  EXPECT_EQ(regie::store::ProvisionStore(*store).find("H1-P1")->end, ended_before);
  EXPECT_FALSE(regie::store::ProvisionStore(*store).find(started));

  auto log = plans.decisions(dir_a, "H1");
  ASSERT_TRUE(log);
  ASSERT_EQ(log->size(), 1u);  // recorded, not erased
  ASSERT_TRUE((*log)[0].withdrawn);
  EXPECT_EQ((*log)[0].withdrawn->reason, "verkeerd gezin gekozen");
  EXPECT_EQ((*log)[0].withdrawn->by_name, "Director A");
  EXPECT_EQ(mandates.withdraw_decision(dir_a, "H1", dec->id, "nog eens").error().code, ErrorCode::conflict);

  // The caseload no longer counts its saving; the timeline says it was withdrawn.
  EXPECT_EQ(plans.caseload(dir_a, "")->at(0).decided_annual_effect, 0);
  bool on_timeline = false;
  auto file = households.get(dir_a, "H1");  // kept: a range-for over a temporary's member dangles
  ASSERT_TRUE(file);
  for (auto& rec : file->records) on_timeline |= rec.kind == "decision_withdrawn";
  EXPECT_TRUE(on_timeline);
  bool removed = false;
  for (auto& c : regie::store::ProvisionStore(*store).changes("H1")) removed |= c.change == "removed";
  EXPECT_TRUE(removed);
}

TEST_P(MandateTest, ALaterDecisionOnTheSameProvisionsMustBeWithdrawnFirst) {
  auto first = plans.record_decision(dir_a, replace_both());
  ASSERT_TRUE(first) << first.error().message;
  domain::DecisionRequest stop{"H1", DecisionKind::stop, "niet meer nodig", d("2019-05-01"), {first->started.at(0)},
                               {}, {}, {}};
  auto second = plans.record_decision(dir_a, stop);
  ASSERT_TRUE(second) << second.error().message;
  auto refused = mandates.withdraw_decision(dir_a, "H1", first->id, "vergissing");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::conflict);
  ASSERT_TRUE(mandates.withdraw_decision(dir_a, "H1", second->id, "vergissing"));
  ASSERT_TRUE(mandates.withdraw_decision(dir_a, "H1", first->id, "vergissing"));
  EXPECT_FALSE(regie::store::ProvisionStore(*store).find("H1-P1")->end);
}

TEST_P(MandateTest, DecisionsStayWithinTheGrantedMandate) {
  EXPECT_FALSE(grant_in_force(*store, "H1"));
  auto g = mandates.record_grant(dir_a, grant({DecisionKind::stop, DecisionKind::scale_down}));
  ASSERT_TRUE(g) << g.error().message;
  EXPECT_EQ(g->recorded_by_name, "Director A");
  // Replacing is not in this mandate.
  auto refused = plans.record_decision(dir_a, replace_both());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::invalid_input);
  EXPECT_NE(refused.error().message.find("M. de Vries"), std::string::npos);
  // Stopping is, but not after the period.
  domain::DecisionRequest late{"H1", DecisionKind::stop, "klaar", d("2020-02-01"), {"H1-P1"}, {}, {}, {}};
  EXPECT_EQ(plans.record_decision(dir_a, late).error().code, ErrorCode::invalid_input);
  late.effective = d("2019-06-01");
  EXPECT_TRUE(plans.record_decision(dir_a, late));
  // A new grant replaces it; the old one stays readable.
  ASSERT_TRUE(mandates.record_grant(dir_a, grant({DecisionKind::replace})));
  auto all = mandates.grants(dir_a, "H1");
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 2u);
  EXPECT_EQ(grant_in_force(*store, "H1")->kinds, std::vector<DecisionKind>{DecisionKind::replace});
  // Bad grants are refused, and another director may not grant here.
  auto empty = grant({});
  EXPECT_EQ(mandates.record_grant(dir_a, empty).error().code, ErrorCode::invalid_input);
  auto backwards = grant({DecisionKind::stop});
  backwards.valid_to = d("2018-01-01");
  EXPECT_EQ(mandates.record_grant(dir_a, backwards).error().code, ErrorCode::invalid_input);
  EXPECT_EQ(mandates.record_grant(dir_b, grant({DecisionKind::stop})).error().code, ErrorCode::forbidden);
}

TEST_P(MandateTest, AnotherOrganisationsPlanRaisesTheSeveralPlansSignal) {
  auto has_signal = [&] {
    auto detail = households.get(dir_a, "H1");
    EXPECT_TRUE(detail);
    for (auto& s : detail->signals)
      if (s.code == domain::SignalCode::several_plans) return true;
    return false;
  };
  domain::PlanGoal goal;
  goal.life_domain = "housing";
  goal.household_words = "Een eigen huis";
  ASSERT_TRUE(plans.save_plan(dir_a, "H1", {goal}, 0));
  EXPECT_FALSE(has_signal());

  domain::ExternalPlan p;
  p.household_id = "H1";
  p.organisation = "Jeugdbescherming Limburg";
  p.title = "Plan van aanpak ondertoezichtstelling";
  p.coordinator = "J. Smits";
  p.starts_on = d("2018-10-01");
  auto added = mandates.add_external_plan(dir_a, p);
  ASSERT_TRUE(added) << added.error().message;
  EXPECT_EQ(plans_in_force(*store, "H1", d("2019-01-01")), 2);
  EXPECT_TRUE(has_signal());

  // Ended: the signal goes; a stale version is a conflict.
  auto ended = *added;
  ended.ends_on = d("2018-12-31");
  auto v = mandates.update_external_plan(dir_a, ended);
  ASSERT_TRUE(v) << v.error().message;
  EXPECT_EQ(mandates.update_external_plan(dir_a, ended).error().code, ErrorCode::conflict);
  EXPECT_FALSE(has_signal());

  p.organisation = "";
  EXPECT_EQ(mandates.add_external_plan(dir_a, p).error().code, ErrorCode::invalid_input);
  EXPECT_EQ(mandates.external_plans(dir_b, "H1").error().code, ErrorCode::forbidden);
}

INSTANTIATE_TEST_SUITE_P(Backends, MandateTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace regie::service
