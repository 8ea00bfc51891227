// The audit trail as services write it and its readers see it: who, whose,
// what and from where come from the principal; who_looked shows allowed
// looks with role and organisation; only administrators export the trail,
// and every export (or attempt) is itself recorded.
#include "service/audit.h"

#include <gtest/gtest.h>

#include "support/backends.h"
#include "support/fixtures.h"
#include "store/bundle.h"
#include "domain/account.h"
#include "domain/audit_event.h"

namespace regie::service {
namespace {

using domain::Role;
using testing::TestDatabase;

class AuditServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(regie::store::write_bundle(*store, testing::small_bundle()));
    prof.organisation_id = "O1";
    prof.professional_id = "PR1";
    prof.client = "10.1.2.3";
  }
  std::vector<domain::AuditEvent> trail(store::AuditQuery q = {}) { return store::AuditStore(*store).query(q); }

  TestDatabase db{"sqlite3"};
  std::unique_ptr<store::Store> store = db.open();
  ManualClock clock{1'546'300'800};  // 2019-01-01
  Principal prof{"prof", "Professional", Role::professional, ""};
  Principal dir_b{"dir.b", "Director B", Role::director, ""};
  Principal admin{"admin", "Administrator", Role::administrator, ""};
  Principal analyst{"ana", "Analyst", Role::analyst, ""};
};

TEST_F(AuditServiceTest, RecordsWhoWhoseWhatAndFromWhere) {
  record_access(*store, clock, prof, "consent.read", "H1", true, "", AccessedRecord{"consent", "17", "H1-M1"});
  record_access(*store, clock, dir_b, "household.read", "H1", false);
  auto events = trail();
  ASSERT_EQ(events.size(), 2u);
  auto& e = events[0];
  EXPECT_EQ(e.actor, "prof");
  EXPECT_EQ(e.role, "professional");
  EXPECT_EQ(e.organisation, "O1");
  EXPECT_EQ(e.person, "H1-M1");
  EXPECT_EQ(e.record_type, "consent");
  EXPECT_EQ(e.record_id, "17");
  EXPECT_EQ(e.client, "10.1.2.3");
  EXPECT_EQ(e.at, "2019-01-01T00:00:00Z");
  EXPECT_EQ(e.outcome, "allowed");
  // Without a record, the action and subject say what it was.
  EXPECT_EQ(events[1].record_type, "household");
  EXPECT_EQ(events[1].record_id, "H1");
  EXPECT_EQ(events[1].person, "");
  EXPECT_EQ(events[1].outcome, "denied");
}

TEST_F(AuditServiceTest, WhoLookedShowsAllowedLooksWithRoleAndOrganisationNewestFirst) {
  record_access(*store, clock, prof, "household.read", "H1", true, "", AccessedRecord{"", "", "H1-M2"});
  record_access(*store, clock, dir_b, "household.read", "H1", false);
  clock.advance(60);
  record_access(*store, clock, admin, "household.read", "H1", true);
  record_access(*store, clock, prof, "household.read", "H2", true);
  auto page = who_looked(*store, "H1");
  EXPECT_FALSE(page.next_before);
  auto& looks = page.views;
  ASSERT_EQ(looks.size(), 2u);
  EXPECT_EQ(looks[0].who, "Administrator");
  EXPECT_EQ(looks[0].at, "2019-01-01T00:01:00Z");
  EXPECT_EQ(looks[1].who, "Professional");
  EXPECT_EQ(looks[1].role, "professional");
  EXPECT_EQ(looks[1].organisation, "Jeugdhulp Test");
  EXPECT_EQ(looks[1].person, "H1-M2");
  EXPECT_EQ(who_looked(*store, "H1", 1).views.size(), 1u);
}

// Issue #20: a visit in which the director saves twenty answers is one line,
// not twenty; another day is another line, and the page cursor still works.
TEST_F(AuditServiceTest, WhoLookedShowsOneLinePerPersonOrganisationAndDay) {
  for (int i = 0; i < 20; ++i) {
    record_access(*store, clock, admin, i % 2 ? "measurement.answer" : "household.read", "H1", true);
    clock.advance(30);
  }
  record_access(*store, clock, prof, "household.read", "H1", true);
  clock.advance(24 * 3600);
  record_access(*store, clock, admin, "household.read", "H1", true);
  auto page = who_looked(*store, "H1");
  ASSERT_EQ(page.views.size(), 3u);
  EXPECT_EQ(page.views[0].looks, 1);
  EXPECT_EQ(page.views[0].at.substr(0, 10), "2019-01-02");
  EXPECT_EQ(page.views[1].who, "Professional");
  EXPECT_EQ(page.views[2].who, "Administrator");
  EXPECT_EQ(page.views[2].looks, 20);
  EXPECT_EQ(page.views[2].actions, (std::vector<std::string>{"measurement.answer", "household.read"}));
  EXPECT_FALSE(page.next_before);

  auto first = who_looked(*store, "H1", 2);
  ASSERT_EQ(first.views.size(), 2u);
  ASSERT_TRUE(first.next_before);
  auto rest = who_looked(*store, "H1", 2, first.next_before);
  ASSERT_EQ(rest.views.size(), 1u);
  EXPECT_EQ(rest.views[0].looks, 20);
  EXPECT_FALSE(rest.next_before);
}

// "Who looked at our file" in pages, newest first: every look exactly once
// across the pages, also when new looks arrive between two pages.
class WhoLookedPagingTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { ASSERT_TRUE(regie::store::write_bundle(*store, testing::small_bundle())); }
  TestDatabase db{GetParam()};
  std::unique_ptr<store::Store> store = db.open();
  ManualClock clock{1'546'300'800};  // 2019-01-01
  Principal dir_a{"dir.a", "Director A", Role::director, ""};
  Principal member{"gezin", "Gezin", Role::member, ""};
};

TEST_P(WhoLookedPagingTest, PagesHoldEveryLookOnceNewestFirstAndLeaveOutTheGivenRole) {
  // One look a day: a person's looks on one day are one line.
  for (int i = 0; i < 7; ++i) {
    clock.advance(24 * 3600);
    record_access(*store, clock, dir_a, "household.read", "H1", true, "", AccessedRecord{"", "", std::to_string(i)});
    record_access(*store, clock, member, "own_view.household", "H1", true);
  }
  auto first = who_looked(*store, "H1", 3, std::nullopt, "member");
  ASSERT_EQ(first.views.size(), 3u);
  ASSERT_TRUE(first.next_before);
  EXPECT_EQ(first.views[0].person, "6");
  // A look between two pages does not move the older pages (it joins today's line).
  record_access(*store, clock, dir_a, "household.read", "H1", true, "", AccessedRecord{"", "", "new"});
  auto second = who_looked(*store, "H1", 3, first.next_before, "member");
  ASSERT_EQ(second.views.size(), 3u);
  ASSERT_TRUE(second.next_before);
  auto third = who_looked(*store, "H1", 3, second.next_before, "member");
  ASSERT_EQ(third.views.size(), 1u);
  EXPECT_FALSE(third.next_before);
  std::vector<std::string> seen;
  for (auto* page : {&first, &second, &third})
    for (auto& v : page->views) {
      EXPECT_NE(v.role, "member");
      seen.push_back(v.person);
    }
  EXPECT_EQ(seen, (std::vector<std::string>{"6", "5", "4", "3", "2", "1", "0"}));
  // Exactly a page's worth: no next page is promised.
  EXPECT_FALSE(who_looked(*store, "H1", 7, std::nullopt, "member").next_before);
  EXPECT_EQ(who_looked(*store, "H1", 7, std::nullopt, "member").views.size(), 7u);
  // Without leaving anyone out, the member's own reads are there too.
  EXPECT_EQ(who_looked(*store, "H1", 100).views.size(), 14u);
}

INSTANTIATE_TEST_SUITE_P(Backends, WhoLookedPagingTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

TEST_F(AuditServiceTest, OnlyAnAdministratorExportsAndEveryReadingIsRecorded) {
  record_access(*store, clock, prof, "consent.read", "H1", true, "", AccessedRecord{"consent", "1", "H1-M1"});
  record_access(*store, clock, prof, "consent.read", "H1", true, "", AccessedRecord{"consent", "2", "H1-M2"});
  store::AuditQuery q;
  q.person = "H1-M1";
  auto refused = audit_export(*store, clock, analyst, q);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::forbidden);
  auto last = trail().back();
  EXPECT_EQ(last.action, "audit.read");
  EXPECT_EQ(last.actor, "ana");
  EXPECT_EQ(last.outcome, "denied");

  auto t = audit_export(*store, clock, admin, q);
  ASSERT_TRUE(t) << t.error().message;
  // The person's record, the analyst's attempt and this reading itself: all about H1-M1.
  ASSERT_EQ(t->rows.size(), 3u);
  const auto col = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(t->columns.begin(), t->columns.end(), name) - t->columns.begin());
  };
  for (auto& row : t->rows) EXPECT_EQ(row[col("person")], "H1-M1");
  EXPECT_EQ(t->rows[0][col("record_id")], "1");
  EXPECT_EQ(t->rows[2][col("actor")], "admin");
  EXPECT_EQ(t->rows[2][col("action")], "audit.read");
  EXPECT_EQ(t->rows[2][col("outcome")], "allowed");
  EXPECT_EQ(t->rows[2][col("detail")], "person=H1-M1");
  EXPECT_EQ(t->rows[2][col("hash")].size(), 64u);
  EXPECT_TRUE(store::AuditStore(*store).verify().intact);
}

}  // namespace
}  // namespace regie::service
