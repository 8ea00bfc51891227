// A family's way from referral to closing over the store: contacts that
// register time, status changes with who and when, each family's own
// measurement moments with the T2 reminder on the due list, the business
// case on own dates without incomplete families, and the referral funnel.
// Both backends.
#include <gtest/gtest.h>

#include <algorithm>

#include "service/businesscase.h"
#include "service/contacts.h"
#include "service/due.h"
#include "service/funnel.h"
#include "service/households.h"
#include "service/moments.h"
#include "service/status_history.h"
#include "store/audit_store.h"
#include "store/household_store.h"
#include "store/time_store.h"
#include "support/backends.h"
#include "support/fixtures.h"
#include "domain/account.h"

namespace regie::service {
namespace {

using domain::Role;
using testing::TestDatabase;

constexpr std::int64_t kDay = 86'400;
constexpr std::int64_t k2019 = 1'546'300'800;  // 2019-01-01

Date d(const char* iso) { return *parse_date(iso); }

class ProgressTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { ASSERT_TRUE(regie::store::write_bundle(*store, testing::small_bundle())); }
  int events(const std::string& actor, const std::string& action, const std::string& outcome) {
    int n = 0;
    for (auto& e : regie::store::AuditStore(*store).query(regie::store::AuditQuery{}))
      n += e.actor == actor && e.action == action && e.outcome == outcome;
    return n;
  }
  TestDatabase db{GetParam()};
  std::unique_ptr<store::Store> store = db.open();
  ManualClock clock{k2019};
  Households households{*store, clock};
  Contacts contacts{*store, clock};
  StatusHistories histories{*store, clock};
  Moments moments{*store, clock};
  Principal dir_a{"dir.a", "Director A", Role::director, ""};
  Principal dir_b{"dir.b", "Director B", Role::director, ""};
  Principal lead{"lead", "Team Lead", Role::team_lead, ""};
  Principal ana{"ana", "Analyst", Role::analyst, ""};
};

TEST_P(ProgressTest, AContactIsLoggedWithItsTimeAndShowsOnTheTimeline) {
  domain::Contact c;
  c.household_id = "H1";
  c.kind = domain::ContactKind::home_visit;
  c.on = d("2018-12-20");
  c.minutes = 90;
  c.travel_minutes = 20;
  c.note = "Spinnenweb ingevuld met moeder";
  auto added = contacts.add(dir_a, c);
  ASSERT_TRUE(added) << added.error().message;
  EXPECT_EQ(added->recorded_by_name, "Director A");
  c.kind = domain::ContactKind::professional;
  c.professional_id = "PR1";
  c.travel_minutes = 0;
  c.minutes = 30;
  c.note = "Afstemming met jeugdhulp";
  ASSERT_TRUE(contacts.add(dir_a, c));

  auto list = contacts.list(dir_a, "H1");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ(list->at(0).professional_name, "Anna Prof");  // newest first (same day: last recorded first)
  std::int64_t direct = 0, indirect = 0, travel = 0;
  for (auto& t : store::TimeStore(*store).entries(std::nullopt, std::string("H1"), Date{0}, kOpenEnd)) {
    EXPECT_EQ(t.director, "dir.a");
    (t.kind == domain::TimeKind::direct ? direct : t.kind == domain::TimeKind::indirect ? indirect : travel) +=
        t.minutes;
  }
  EXPECT_EQ(direct, 90);
  EXPECT_EQ(indirect, 30);
  EXPECT_EQ(travel, 20);
  auto timeline = store::HouseholdStore(*store).timeline("H1");
  EXPECT_TRUE(std::any_of(timeline.begin(), timeline.end(), [](auto& r) {
    return r.kind == "contact" && r.detail == "home_visit 90: Spinnenweb ingevuld met moeder";
  }));
  EXPECT_EQ(events("dir.a", "contact.add", "allowed"), 2);
  EXPECT_EQ(events("dir.a", "contact.read", "allowed"), 1);
}

TEST_P(ProgressTest, ContactsAreRefusedToOthersAndCheckedForTheirFields) {
  domain::Contact c;
  c.household_id = "H1";
  c.on = d("2018-12-20");
  c.minutes = 15;
  EXPECT_EQ(contacts.add(dir_b, c).error().code, ErrorCode::forbidden);
  EXPECT_EQ(contacts.list(dir_b, "H1").error().code, ErrorCode::forbidden);
  EXPECT_EQ(events("dir.b", "contact.add", "denied"), 1);
  c.on = d("2019-01-02");
  EXPECT_EQ(contacts.add(dir_a, c).error().message, "date: a contact cannot lie in the future");
  c.on = d("2018-12-20");
  c.kind = domain::ContactKind::professional;
  c.professional_id = "NOPE";
  EXPECT_EQ(contacts.add(dir_a, c).error().message, "professional_id: unknown professional");
  EXPECT_TRUE(store::TimeStore(*store).entries(std::nullopt, std::string("H1"), Date{0}, kOpenEnd).empty());
}

TEST_P(ProgressTest, EveryStatusChangeKeepsItsDayAndWhoMadeIt) {
  domain::Household h;
  h.family_name = "Claes";
  h.referral = domain::Referral{domain::ReferralSource::gp_with_practice_nurse, "veel hulp", d("2018-12-01")};
  auto made = households.add_household(dir_a, h);
  ASSERT_TRUE(made) << made.error().message;
  clock.advance(10 * kDay);  // 2019-01-11
  ASSERT_TRUE(households.change_status(dir_a, made->id, domain::HouseholdStatus::intake, "", 1));
  clock.advance(20 * kDay);  // 2019-01-31
  ASSERT_TRUE(households.change_status(lead, made->id, domain::HouseholdStatus::active, "", 2));
  clock.advance(5 * kDay);  // 2019-02-05

  auto v = histories.get(dir_a, made->id);
  ASSERT_TRUE(v) << v.error().message;
  ASSERT_EQ(v->changes.size(), 3u);
  EXPECT_EQ(v->changes[0].change.on, d("2018-12-01"));
  EXPECT_EQ(v->changes[0].by_name, "Director A");
  EXPECT_EQ(v->changes[0].days, 41);
  EXPECT_EQ(v->changes[1].change.on, d("2019-01-11"));
  EXPECT_EQ(v->changes[2].by_name, "Team Lead");
  EXPECT_FALSE(v->changes[2].until);
  ASSERT_TRUE(v->span);
  EXPECT_EQ(v->span->days, 66);
  EXPECT_EQ(v->span->days_in_status, 5);
  EXPECT_EQ(histories.get(dir_b, made->id).error().code, ErrorCode::forbidden);

  auto list = households.list(dir_a);
  ASSERT_TRUE(list);
  auto row = std::find_if(list->begin(), list->end(), [&](auto& s) { return s.household.id == made->id; });
  ASSERT_NE(row, list->end());
  ASSERT_TRUE(row->span);
  EXPECT_EQ(row->span->status_since, d("2019-01-31"));
  // A file from before the history was kept has only its referral: its
  // current status's day is unknown, and the list says nothing rather than
  // something wrong.
  auto h1 = std::find_if(list->begin(), list->end(), [](auto& s) { return s.household.id == "H1"; });
  EXPECT_FALSE(h1->span);
}

TEST_P(ProgressTest, T2IsDueAMonthAheadOnTheDueListAndCanBeMovedForOneFamily) {
  auto set = moments.set(dir_a, "H1", "T1", d("2018-11-01"), true, 0);
  ASSERT_TRUE(set) << set.error().message;
  auto v = moments.get(dir_a, "H1");
  ASSERT_TRUE(v);
  EXPECT_EQ(*v->progress.moments.t2.on, d("2019-11-01"));
  EXPECT_EQ(v->progress.moments.t2.source, domain::MomentSource::planned);

  clock.advance(287 * kDay);  // 2019-10-15
  auto due = due_for_director(*store, clock, "dir.a");
  auto t2 = std::find_if(due.begin(), due.end(), [](auto& i) { return i.kind == DueItem::Kind::t2_measurement; });
  ASSERT_NE(t2, due.end());
  EXPECT_EQ(*t2->when, "2019-11-01");
  EXPECT_FALSE(t2->overdue);
  clock.advance(31 * kDay);  // 2019-11-15
  due = due_for_director(*store, clock, "dir.a");
  EXPECT_TRUE(due.front().overdue);
  EXPECT_EQ(due.front().kind, DueItem::Kind::t2_measurement);
  auto others = due_for_director(*store, clock, "dir.b");
  EXPECT_TRUE(std::none_of(others.begin(), others.end(), [](auto& i) { return i.household_id == "H1"; }));

  // Moved for this family: no longer overdue.
  EXPECT_EQ(moments.set(dir_a, "H1", "T2", d("2018-10-01"), false, 0).error().message,
            "date: T2 must lie after T1 (2018-11-01)");
  EXPECT_EQ(moments.set(dir_a, "H1", "T2", d("2020-01-15"), true, 0).error().message,
            "held: a moment in the future was not held yet");
  ASSERT_TRUE(moments.set(dir_a, "H1", "T2", d("2019-12-01"), false, 0));
  EXPECT_EQ(moments.set(dir_a, "H1", "T2", d("2019-12-05"), false, 0).error().code, ErrorCode::conflict);
  due = due_for_director(*store, clock, "dir.a");
  t2 = std::find_if(due.begin(), due.end(), [](auto& i) { return i.kind == DueItem::Kind::t2_measurement; });
  ASSERT_NE(t2, due.end());
  EXPECT_EQ(*t2->when, "2019-12-01");
  EXPECT_FALSE(t2->overdue);
  EXPECT_EQ(moments.get(dir_b, "H1").error().code, ErrorCode::forbidden);
  EXPECT_EQ(DueWork(*store, clock).mine(lead).error().code, ErrorCode::forbidden);
  EXPECT_EQ(events("lead", "due.read", "denied"), 1);
}

TEST_P(ProgressTest, ThePortfolioOnOwnDatesCountsCompleteFamiliesAndSaysWhyOthersAreLeftOut) {
  ASSERT_TRUE(moments.set(dir_a, "H1", "T1", d("2018-11-01"), true, 0));
  ASSERT_TRUE(moments.set(dir_a, "H1", "T2", d("2018-12-15"), true, 0));
  BusinessCaseQuery q;
  q.own_dates = true;
  auto r = BusinessCaseReports(*store, clock).report(lead, q);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->business_case.households.size(), 1u);
  const auto& h1 = r->business_case.households.at("H1");
  EXPECT_EQ(h1.t1, 1234567 + 150000);  // both provisions run on 2018-11-01
  EXPECT_EQ(h1.t2, 1234567 + 150000);
  EXPECT_EQ(r->query.t1, d("2018-11-01"));
  EXPECT_EQ(r->query.t2, d("2018-12-15"));
  ASSERT_EQ(r->excluded.size(), 1u);
  EXPECT_EQ(r->excluded[0].household, "H2");
  EXPECT_EQ(r->excluded[0].reason, "t1_not_held");

  // Without the second moment held, H1 is left out too, with its own reason.
  ASSERT_TRUE(moments.set(dir_a, "H1", "T2", d("2019-03-01"), false, 1));
  r = BusinessCaseReports(*store, clock).report(lead, q);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->business_case.households.empty());
  EXPECT_EQ(r->excluded[0].reason, "t2_not_reached");
  // Analysts see pseudonyms in the list of families left out.
  r = BusinessCaseReports(*store, clock).report(ana, q);
  ASSERT_TRUE(r);
  for (auto& e : r->excluded) EXPECT_TRUE(e.household != "H1" && e.household != "H2") << e.household;
  EXPECT_EQ(r->excluded.size(), 2u);
}

TEST_P(ProgressTest, TheFunnelIsForAggregateRolesAndCountsReferredFamilies) {
  auto rows = ReferralFunnels(*store, clock).report(ana);
  ASSERT_TRUE(rows) << rows.error().message;
  const auto& total = rows->back();
  EXPECT_EQ(total.referred, 1);  // H2 has no referral
  EXPECT_EQ(total.guided, 1);    // H1 is active
  EXPECT_EQ(total.without_business_case.at("insufficient_data"), 1);
  EXPECT_EQ(ReferralFunnels(*store, clock).report(dir_a).error().code, ErrorCode::forbidden);
  EXPECT_EQ(events("dir.a", "funnel.read", "denied"), 1);
  EXPECT_EQ(events("ana", "funnel.read", "allowed"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, ProgressTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace regie::service
