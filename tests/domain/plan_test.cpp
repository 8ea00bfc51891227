#include "domain/plan.h"

#include <gtest/gtest.h>

#include "domain/plan_json.h"

namespace regie::domain {
namespace {

Date d(const char* s) { return *parse_date(s); }

Provision provision(const char* id, Domain dom, Cents cost, const char* start = "2025-01-01") {
  Provision p;
  p.id = id;
  p.household_id = "H1";
  p.domain = dom;
  p.provider_id = "O1";
  p.start = d(start);
  p.annual_cost = cost;
  p.hours_per_week_centi = 200;
  return p;
}

class DecisionRules : public ::testing::Test {
 protected:
  std::vector<Provision> care_map{provision("P1", Domain::jeugd, 1'000'000), provision("P2", Domain::wmo, 500'000),
                                  provision("P3", Domain::zvw_ggz, 300'000)};
  PriceList prices;
};

TEST_F(DecisionRules, ReplaceEndsTheOldProvisionsTheDayBeforeAndStartsTheNewOne) {
  DecisionRequest r{"H1", DecisionKind::replace, "one provider for the family", d("2026-03-01"), {"P1", "P2"}, {}, {},
                    {}};
  Provision systemic = provision("", Domain::jeugd, 900'000);
  r.start = {systemic};
  auto e = plan_decision(r, care_map, prices);
  ASSERT_TRUE(e) << e.error().message;
  ASSERT_EQ(e->ended.size(), 2u);
  EXPECT_EQ(format_date(*e->ended[0].end), "2026-02-28");
  ASSERT_EQ(e->added.size(), 1u);
  EXPECT_EQ(format_date(e->added[0].start), "2026-03-01");
  // Municipal: -10 000 - 5 000 + 9 000 euro a year.
  EXPECT_EQ(e->annual_effect.at(Category::gemeente), -600'000);
}

TEST_F(DecisionRules, RefusesProvisionsOfAnotherHouseholdAndIncompleteKinds) {
  DecisionRequest r{"H1", DecisionKind::stop, "x", d("2026-03-01"), {"H2-P9"}, {}, {}, {}};
  auto e = plan_decision(r, care_map, prices);
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().message, "stop[0]: provision H2-P9 is not on this household's care map");
  r.stop = {};
  EXPECT_FALSE(plan_decision(r, care_map, prices));
  r = {"H1", DecisionKind::replace, "x", d("2026-03-01"), {"P1"}, {}, {}, {}};
  EXPECT_FALSE(plan_decision(r, care_map, prices));  // a replacement must start something
  r = {"H1", DecisionKind::stop, "", d("2026-03-01"), {"P1"}, {}, {}, {}};
  EXPECT_EQ(plan_decision(r, care_map, prices).error().message, "reason: required");
  r = {"H1", DecisionKind::stop, "x", d("2025-01-01"), {"P1"}, {}, {}, {}};
  EXPECT_FALSE(plan_decision(r, care_map, prices));  // would end before it started
  r = {"H1", DecisionKind::stop, "x", d("2026-03-01"), {"P1", "P1"}, {}, {}, {}};
  EXPECT_FALSE(plan_decision(r, care_map, prices));
}

TEST_F(DecisionRules, ScalingContinuesTheProvisionWithOtherHoursInTheRightDirection) {
  DecisionRequest r{"H1", DecisionKind::scale_down, "fewer hours", d("2026-03-01"), {}, {}, {}, {}};
  r.scale = {{"P2", 100, 250'000, std::nullopt}};
  auto e = plan_decision(r, care_map, prices);
  ASSERT_TRUE(e) << e.error().message;
  ASSERT_EQ(e->added.size(), 1u);
  EXPECT_EQ(e->added[0].hours_per_week_centi, 100);
  EXPECT_EQ(e->annual_effect.at(Category::gemeente), -250'000);
  r.kind = DecisionKind::scale_up;
  EXPECT_FALSE(plan_decision(r, care_map, prices));
}

TEST(Aftercare, MonthlyDueDatesAndMissedContacts) {
  AftercareSchedule s{"H1", d("2026-01-15"), 1};
  // No contacts: on 20 March the due dates of 15 February and 15 March have passed.
  auto st = aftercare_status(s, {}, d("2026-03-20"));
  EXPECT_EQ(st.missed, 2);
  EXPECT_TRUE(st.overdue);
  EXPECT_EQ(format_date(st.next_due), "2026-03-15");
  // A contact in each interval: nothing missed, the next due date is 15 April.
  st = aftercare_status(s, {d("2026-02-10"), d("2026-03-01")}, d("2026-03-20"));
  EXPECT_EQ(st.missed, 0);
  EXPECT_FALSE(st.overdue);
  EXPECT_EQ(format_date(st.next_due), "2026-04-15");
  // February missed, caught up in March: flagged once, not overdue now.
  st = aftercare_status(s, {d("2026-03-01")}, d("2026-03-20"));
  EXPECT_EQ(st.missed, 1);
  EXPECT_FALSE(st.overdue);
  EXPECT_EQ(format_date(add_months(d("2026-01-31"), 1)), "2026-02-28");
}

TEST(PlanJson, NamesTheBadElement) {
  auto j = nlohmann::json::parse(R"([{"life_domain":"housing","household_words":"een eigen huis",
    "actions":[{"text":"aanvraag","responsible":{"kind":"member","id":"M1"},"due_date":"2026-02-30"}]}])");
  auto g = goals_from_json(j);
  ASSERT_FALSE(g);
  EXPECT_EQ(g.error().message, "goals[0].actions[0].due_date: not a date (yyyy-mm-dd)");
  j[0]["actions"][0]["due_date"] = "2026-02-27";
  j[0]["life_domain"] = "luck";
  EXPECT_EQ(goals_from_json(j).error().message, "goals[0].life_domain: not a life domain");
  j[0]["life_domain"] = "meaningfulness";
  auto ok = goals_from_json(j);
  ASSERT_TRUE(ok);
  auto back = goals_from_json(goals_to_json(*ok));
  ASSERT_TRUE(back);
  EXPECT_EQ((*back)[0].household_words, "een eigen huis");
  EXPECT_EQ(format_date(*(*back)[0].actions[0].due), "2026-02-27");
}

}  // namespace
}  // namespace regie::domain
