// Backup while a writer keeps going, then restore into a fresh database: the
// copy is one consistent moment (every provision has its history row) and it
// holds what was written before the backup started.
#include "store/backup.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <thread>

#include "support/backends.h"
#include "support/fixtures.h"
#include "support/temp_dir.h"
#include "store/account_store.h"
#include "store/bundle.h"
#include "store/household_store.h"
#include "store/provision_store.h"
#include "domain/household.h"
#include "domain/provision.h"

namespace regie::store {
namespace {

// Adds provisions to H1, each with its care-map change in the same transaction.
class Writer {
 public:
  explicit Writer(Store& s) : store_(s), thread_([this] { run(); }) {}
  ~Writer() { stop(); }
  void stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }
  int written() const { return written_; }

 private:
  void run() {
    for (int i = 0; !stop_; ++i) {
      domain::Provision p = *regie::store::ProvisionStore(store_).find("H1-P1");
      p.id = "W" + std::to_string(i);
      p.version = 1;
      domain::CareMapChange c{0, "H1", p.id, "dir.a", "2019-01-01T00:00:00Z", "added", "writer"};
      if (regie::store::ProvisionStore(store_).add(p, c)) ++written_;
    }
  }
  Store& store_;
  std::atomic<bool> stop_ = false;
  std::atomic<int> written_ = 0;
  std::thread thread_;
};

long long count_where(Store& s, const std::string& sql_text) {
  long long n = 0;
  s.read([&](soci::session& sql) { sql << sql_text, soci::into(n); });
  return n;
}

class BackupTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { ASSERT_TRUE(regie::store::write_bundle(*store, testing::small_bundle())); }
  testing::TestDatabase db{GetParam()};
  std::unique_ptr<Store> store = db.open();
  testing::TempDir dir;
};

TEST_P(BackupTest, AnOnlineBackupWhileWritingRestoresConsistently) {
  Writer writer(*store);
  // Bounded: a writer whose every insert fails would otherwise hang the suite
  // until CTest kills it, with no word on why.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (writer.written() < 20 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_GE(writer.written(), 20) << "the writer stored only " << writer.written()
                                  << " provisions in 30 s; the backup would not run while writing";
  const int before = writer.written();
  auto info = backup(db.url(), dir.file("regie.backup"));
  ASSERT_TRUE(info) << info.error().message;
  const int after_backup = writer.written();
  writer.stop();
  EXPECT_GT(info->bytes, 0);

  testing::TestDatabase target(GetParam());
  auto st = restore(dir.file("regie.backup"), target.url());
  ASSERT_TRUE(st) << st.error().message;
  auto restored = target.open();  // migrates: a no-op on a current backup
  ASSERT_TRUE(restored->check_integrity());
  const long long w = count_where(*restored, "SELECT COUNT(*) FROM provision WHERE id LIKE 'W%'");
  const long long c = count_where(*restored, "SELECT COUNT(*) FROM care_map_change WHERE detail = 'writer'");
  EXPECT_GE(w, before);
  EXPECT_LE(w, after_backup);
  EXPECT_EQ(w, c) << "a provision without its history row (or the reverse): not one consistent moment";
  EXPECT_EQ(restored->count("household"), 2u);
  EXPECT_TRUE(regie::store::AccountStore(*restored).find("dir.a"));
}

TEST_P(BackupTest, RestoreReplacesLaterChangesWithTheBackedUpState) {
  ASSERT_TRUE(backup(db.url(), dir.file("b1")));
  ASSERT_TRUE(regie::store::HouseholdStore(*store).set_status("H1", {domain::HouseholdStatus::closed, make_date(2020, 1, 1), "tester", ""}, regie::store::HouseholdStore(*store).find("H1")->version, "2020-01-01T00:00:00Z"));
  store.reset();  // restore is for a stopped server
  ASSERT_TRUE(restore(dir.file("b1"), db.url()));
  auto reopened = db.open();
  EXPECT_NE(regie::store::HouseholdStore(*reopened).find("H1")->status, domain::HouseholdStatus::closed);
}

TEST_P(BackupTest, ABrokenBackupFileIsRefusedAndTheDatabaseIsUntouched) {
  {
    std::ofstream out(dir.file("junk"));
    out << "this is not a backup\n";
  }
  auto st = restore(dir.file("junk"), db.url());
  ASSERT_FALSE(st);
  EXPECT_EQ(store->count("household"), 2u);
  EXPECT_TRUE(store->check_integrity());
  EXPECT_FALSE(restore(dir.file("missing"), db.url()));
}

TEST_P(BackupTest, ABackupToAnUnwritablePlaceFailsCleanly) {
  auto info = backup(db.url(), "/nonexistent-folder/regie.backup");
  ASSERT_FALSE(info);
  EXPECT_FALSE(info.error().message.empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, BackupTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace regie::store
