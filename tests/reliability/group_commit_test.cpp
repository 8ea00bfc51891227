// The audit trail's group commit: nobody returns before their row is written,
// rows are shared between commits under load, and a failed commit fails
// exactly the callers whose rows were in it.
#include "store/group_commit.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <set>
#include <stdexcept>
#include <thread>

namespace regie::store {
namespace {

TEST(GroupCommit, EveryRowIsWrittenOnceBeforeItsCallerReturnsAndCommitsAreShared) {
  std::mutex mu;
  std::set<int> written;
  std::atomic<int> flushes = 0;
  GroupCommit<int> gc([&](const std::vector<int>& rows) {
    ++flushes;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));  // a disk sync
    std::lock_guard lock(mu);
    for (int r : rows) EXPECT_TRUE(written.insert(r).second) << "row " << r << " written twice";
  });
  constexpr int kThreads = 8, kEach = 50;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        int row = t * 1000 + i;
        gc.append(row);
        std::lock_guard lock(mu);
        EXPECT_TRUE(written.contains(row)) << "append returned before row " << row << " was written";
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(written.size(), static_cast<std::size_t>(kThreads * kEach));
  EXPECT_LT(flushes.load(), kThreads * kEach) << "no commit was shared";
}

TEST(GroupCommit, AFailedCommitFailsItsCallersAndTheNextOneWorks) {
  std::atomic<bool> fail = true;
  GroupCommit<int> gc([&](const std::vector<int>&) {
    if (fail) throw std::runtime_error("database or disk is full");
  });
  EXPECT_THROW(gc.append(1), std::runtime_error);
  fail = false;
  EXPECT_NO_THROW(gc.append(2));
}

}  // namespace
}  // namespace regie::store
