// Parallel writers on one record: optimistic concurrency must lose no update.
// Each writer reads the provision, adds one euro to its cost and writes it
// back with the version it read, retrying on a conflict. If any write were
// lost (two writers both succeeding on one version), the total would fall short.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "service/households.h"
#include "support/backends.h"
#include "support/fixtures.h"
#include "store/bundle.h"
#include "store/household_store.h"
#include "store/provision_store.h"
#include "domain/household.h"
#include "domain/account.h"

namespace regie::service {
namespace {

using domain::Role;

class ParallelWritersTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { ASSERT_TRUE(regie::store::write_bundle(*store, testing::small_bundle())); }
  testing::TestDatabase db{GetParam()};
  std::unique_ptr<store::Store> store = db.open();
  ManualClock clock{1'546'300'800};  // 2019-01-01
  Principal dir_a{"dir.a", "Director A", Role::director, ""};
};

TEST_P(ParallelWritersTest, NoCareMapUpdateIsLostAndStaleWritesAreConflicts) {
  // A second store on the same database stands for a second server process.
  auto other_process = db.open();
  Households here{*store, clock}, there{*other_process, clock};
  const auto before = *regie::store::ProvisionStore(*store).find("H1-P1");
  const auto changes_before = regie::store::ProvisionStore(*store).changes("H1").size();
  constexpr int kWriters = 4, kEach = 15;
  std::atomic<int> conflicts = 0, failures = 0;
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      Households& service = w % 2 == 0 ? here : there;
      store::Store& s = w % 2 == 0 ? *store : *other_process;
      for (int done = 0; done < kEach;) {
        auto p = *regie::store::ProvisionStore(s).find("H1-P1");
        p.annual_cost += 100;
        auto v = service.update_provision(dir_a, p);
        if (v) {
          ++done;
        } else if (v.error().code == ErrorCode::conflict) {
          ++conflicts;
        } else {
          ++failures;
          ADD_FAILURE() << v.error().message;
          return;
        }
      }
    });
  }
  for (auto& t : writers) t.join();
  ASSERT_EQ(failures, 0);
  auto after = *regie::store::ProvisionStore(*store).find("H1-P1");
  EXPECT_EQ(after.annual_cost, before.annual_cost + 100 * kWriters * kEach);
  EXPECT_EQ(after.version, before.version + kWriters * kEach);
  EXPECT_EQ(regie::store::ProvisionStore(*store).changes("H1").size(), changes_before + kWriters * kEach);
  // Each conflict was a real race that was refused, not swallowed.
  RecordProperty("conflicts", conflicts.load());
}

TEST_P(ParallelWritersTest, AStaleWriteIsAConflictThatNamesTheCurrentVersion) {
  Households service{*store, clock};
  auto p = *regie::store::ProvisionStore(*store).find("H1-P1");
  auto first = p;
  first.goal = "first writer";
  ASSERT_TRUE(service.update_provision(dir_a, first));
  auto second = p;  // still the version read before the first write
  second.goal = "second writer";
  auto stale = service.update_provision(dir_a, second);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::conflict);
  EXPECT_NE(stale.error().message.find("version " + std::to_string(p.version + 1)), std::string::npos)
      << stale.error().message;
  EXPECT_EQ(regie::store::ProvisionStore(*store).find("H1-P1")->goal, "first writer");
}

TEST_P(ParallelWritersTest, OfTwoStatusChangesOnOneVersionExactlyOneWins) {
  auto other_process = db.open();
  Households here{*store, clock}, there{*other_process, clock};
  const int version = regie::store::HouseholdStore(*store).find("H1")->version;
  const auto status = regie::store::HouseholdStore(*store).find("H1")->status;
  std::vector<domain::HouseholdStatus> next;
  for (auto n : domain::allowed_next(status))
    if (n != domain::HouseholdStatus::dropped) next.push_back(n);
  ASSERT_FALSE(next.empty());
  std::atomic<int> won = 0, conflicted = 0;
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i)
    threads.emplace_back([&, i] {
      auto r = (i == 0 ? here : there).change_status(dir_a, "H1", next.front(), "", version);
      if (r) ++won;
      else if (r.error().code == ErrorCode::conflict) ++conflicted;
      else ADD_FAILURE() << r.error().message;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(won, 1);
  EXPECT_EQ(conflicted, 1);
  EXPECT_EQ(regie::store::HouseholdStore(*store).find("H1")->version, version + 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, ParallelWritersTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace regie::service
