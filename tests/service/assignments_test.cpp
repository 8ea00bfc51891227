// Team leads see caseloads, not file contents, unless assigned to the
// household; then they work on the file as its director does, until unassigned.
#include "service/assignments.h"

#include <gtest/gtest.h>

#include "service/access.h"
#include "service/consent.h"
#include "service/households.h"
#include "support/backends.h"
#include "support/fixtures.h"
#include "store/assignment_store.h"
#include "store/audit_store.h"
#include "store/bundle.h"
#include "store/household_store.h"
#include "store/provision_store.h"
#include "domain/household.h"
#include "domain/account.h"

namespace regie::service {
namespace {

using domain::Role;
using testing::TestDatabase;

class AssignmentsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto b = testing::small_bundle();
    b.accounts.push_back({"lead.b", "Team Lead B", Role::team_lead, "x", false});
    b.accounts.push_back({"lead.gone", "Team Lead Gone", Role::team_lead, "x", true});
    ASSERT_TRUE(regie::store::write_bundle(*store, b));
  }
  int events(const std::string& actor, const std::string& action, const std::string& outcome) {
    int n = 0;
    for (auto& e : regie::store::AuditStore(*store).recent(std::nullopt, 1000))
      n += e.actor == actor && e.action == action && e.outcome == outcome;
    return n;
  }
  TestDatabase db{GetParam()};
  std::unique_ptr<store::Store> store = db.open();
  ManualClock clock{1'546'300'800};  // 2019-01-01
  Households households{*store, clock};
  Assignments assignments{*store, clock};
  Principal dir_a{"dir.a", "Director A", Role::director, ""};
  Principal dir_b{"dir.b", "Director B", Role::director, ""};
  Principal lead{"lead", "Team Lead", Role::team_lead, ""};
  Principal lead_b{"lead.b", "Team Lead B", Role::team_lead, ""};
  Principal admin{"admin", "Administrator", Role::administrator, ""};
};

TEST_P(AssignmentsTest, AnUnassignedTeamLeadSeesTheCaseloadButNotTheFile) {
  auto list = households.list(lead);
  ASSERT_TRUE(list);
  EXPECT_EQ(list->size(), 2u);
  auto file = households.get(lead, "H1");
  ASSERT_FALSE(file);
  EXPECT_EQ(file.error().code, ErrorCode::forbidden);
  EXPECT_FALSE(Consents(*store, clock).list(lead, "H1"));
  EXPECT_FALSE(is_assigned_director(*store, clock, lead, "H1", "test.read"));
  EXPECT_EQ(events("lead", "household.read", "denied"), 1);
}

// The list says per household whether the caller may open its file, so a
// start page links only where the file opens (issue 20).
TEST_P(AssignmentsTest, TheListSaysWhichFilesOpenAndWhoIsAssigned) {
  auto may_open = [](const std::vector<store::HouseholdSummary>& list, const std::string& id) {
    for (auto& s : list)
      if (s.household.id == id) return s.may_open;
    ADD_FAILURE() << id << " not listed";
    return false;
  };
  auto before = households.list(lead_b);
  ASSERT_TRUE(before);
  EXPECT_FALSE(may_open(*before, "H1"));
  ASSERT_TRUE(assignments.assign(lead, "H1", "lead.b"));
  auto during = households.list(lead_b);
  ASSERT_TRUE(during);
  EXPECT_TRUE(may_open(*during, "H1"));
  EXPECT_FALSE(may_open(*during, "H2"));
  for (auto& s : *during)
    if (s.household.id == "H1") EXPECT_EQ(s.team_lead_names, std::vector<std::string>{"Team Lead B"});
  auto others = households.list(lead);
  ASSERT_TRUE(others);
  EXPECT_FALSE(may_open(*others, "H1"));
  auto own = households.list(dir_a);
  ASSERT_TRUE(own);
  for (auto& s : *own) EXPECT_TRUE(s.may_open) << s.household.id;
  auto admins = households.list(admin);
  ASSERT_TRUE(admins);
  for (auto& s : *admins) EXPECT_FALSE(s.may_open) << s.household.id;
}

TEST_P(AssignmentsTest, AnAssignedTeamLeadWorksOnTheFileAsTheDirectorDoesUntilUnassigned) {
  auto after = assignments.assign(lead, "H1", "lead.b");
  ASSERT_TRUE(after) << after.error().message;
  ASSERT_EQ(after->size(), 1u);
  EXPECT_EQ((*after)[0].username, "lead.b");
  EXPECT_EQ((*after)[0].display_name, "Team Lead B");
  EXPECT_EQ((*after)[0].assigned_by, "lead");

  auto theirs = households.get(lead_b, "H1");
  auto directors = households.get(dir_a, "H1");
  ASSERT_TRUE(theirs);
  ASSERT_TRUE(directors);
  // The whole file: every member, every provision, the BSN column and the timeline as the director has them.
  EXPECT_EQ(theirs->members.size(), directors->members.size());
  EXPECT_EQ(theirs->provisions.size(), directors->provisions.size());
  EXPECT_EQ(theirs->changes.size(), directors->changes.size());
  ASSERT_EQ(directors->team_leads.size(), 1u);
  EXPECT_EQ(directors->team_leads[0].username, "lead.b");
  // And the same work: consents, provisions.
  EXPECT_TRUE(Consents(*store, clock).list(lead_b, "H1"));
  auto p = regie::store::ProvisionStore(*store).of_household("H1").front();
  p.goal = "weer naar school";
  EXPECT_TRUE(households.update_provision(lead_b, p));
  // Only this household: H2 stays closed, and the assigning lead is not assigned themselves.
  EXPECT_FALSE(households.get(lead_b, "H2"));
  EXPECT_FALSE(households.get(lead, "H1"));

  ASSERT_TRUE(assignments.unassign(lead, "H1", "lead.b"));
  auto gone = households.get(lead_b, "H1");
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code, ErrorCode::forbidden);
  EXPECT_FALSE(Consents(*store, clock).list(lead_b, "H1"));
  EXPECT_TRUE(households.list(lead_b));  // the caseload stays
  EXPECT_EQ(events("lead", "household.assign", "allowed"), 1);
  EXPECT_EQ(events("lead", "household.unassign", "allowed"), 1);
}

// Issue #17: within one request the gate and the service ask once. The
// gate's reading stands for the request (an unassignment between the two
// does not split the request's answer); the next request reads afresh.
TEST_P(AssignmentsTest, ARequestDecidesAccessToAHouseholdOnce) {
  ASSERT_TRUE(assignments.assign(lead, "H1", "lead.b"));
  {
    RequestAccess request;
    ASSERT_TRUE(may_use_household(*store, clock, lead_b, "H1", HouseholdUse::work, "household.access"));
    ASSERT_TRUE(regie::store::AssignmentStore(*store).unassign("H1", "lead.b"));
    EXPECT_TRUE(require_assigned(*store, clock, lead_b, "H1", "time.read"));
    // Taken once: a second check in the same request reads the store.
    EXPECT_FALSE(require_assigned(*store, clock, lead_b, "H1", "time.read"));
  }
  RequestAccess next;
  EXPECT_FALSE(may_use_household(*store, clock, lead_b, "H1", HouseholdUse::work, "household.access"));
  EXPECT_FALSE(require_assigned(*store, clock, lead_b, "H1", "time.read"));
}

TEST_P(AssignmentsTest, NobodyAssignsThemselvesAndAssigningTwiceChangesNothing) {
  auto self = assignments.assign(lead, "H1", "lead");
  ASSERT_FALSE(self);
  EXPECT_EQ(self.error().code, ErrorCode::forbidden);
  EXPECT_EQ(events("lead", "household.assign", "denied"), 1);
  EXPECT_EQ(events("lead", "household.assign", "allowed"), 0);
  EXPECT_FALSE(households.get(lead, "H1"));

  ASSERT_TRUE(assignments.assign(lead_b, "H1", "lead"));
  auto again = assignments.assign(dir_a, "H1", "lead");
  ASSERT_TRUE(again) << again.error().message;
  ASSERT_EQ(again->size(), 1u);
  EXPECT_EQ((*again)[0].assigned_by, "lead.b");  // the first assignment stays
  EXPECT_TRUE(households.get(lead, "H1"));
  // Being assigned does not let a team lead assign themselves again.
  EXPECT_EQ(assignments.assign(lead, "H1", "lead").error().code, ErrorCode::forbidden);
  auto listed = assignments.list(dir_a, "H1");
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->size(), 1u);
}

TEST_P(AssignmentsTest, TeamLeadsAndTheHouseholdsDirectorAssignOnlyActiveTeamLeads) {
  for (auto* who : {&dir_b, &admin}) {
    auto r = assignments.assign(*who, "H1", "lead");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::forbidden);
    EXPECT_EQ(r.error().message, "no household with this id that you may see");
    EXPECT_EQ(assignments.unassign(*who, "H1", "lead").error().code, ErrorCode::forbidden);
  }
  EXPECT_FALSE(assignments.list(dir_b, "H1"));
  EXPECT_EQ(events("dir.b", "household.assign", "denied"), 1);
  // The household's director of record brings a team lead in and ends it.
  auto by_director = assignments.assign(dir_a, "H1", "lead");
  ASSERT_TRUE(by_director) << by_director.error().message;
  EXPECT_EQ((*by_director)[0].assigned_by, "dir.a");
  ASSERT_TRUE(assignments.unassign(dir_a, "H1", "lead"));

  for (const char* who : {"dir.a", "admin", "lead.gone", "nobody"}) {
    auto r = assignments.assign(lead, "H1", who);
    ASSERT_FALSE(r) << who;
    EXPECT_EQ(r.error().code, ErrorCode::invalid_input) << who;
  }
  EXPECT_EQ(assignments.assign(lead, "H404", "lead.b").error().code, ErrorCode::forbidden);
  EXPECT_EQ(assignments.unassign(lead, "H1", "lead.b").error().code, ErrorCode::not_found);
  EXPECT_TRUE(assignments.list(lead, "H1")->empty());
}

TEST_P(AssignmentsTest, AnAssignedTeamLeadMayChangeTheStatusAsAnyTeamLeadMay) {
  ASSERT_TRUE(assignments.assign(lead, "H1", "lead.b"));
  auto h = regie::store::HouseholdStore(*store).find("H1");
  auto v = households.change_status(lead_b, "H1", domain::allowed_next(h->status).front(), "", h->version);
  EXPECT_TRUE(v) << v.error().message;
}

INSTANTIATE_TEST_SUITE_P(Backends, AssignmentsTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace regie::service
