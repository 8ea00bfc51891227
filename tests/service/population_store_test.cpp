// The store path of the population analyses against the file path, on the
// shared population fixture imported into the store: one engine, so the
// figures must be the same, on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include "analytics/population.h"
#include "analytics/targets.h"
#include "common/pseudonym.h"
#include "common/sealer.h"
#include "domain/account.h"
#include "service/interop.h"
#include "service/population.h"
#include "support/backends.h"
#include "support/temp_dir.h"

namespace regie::service {
namespace {

using domain::Role;

const std::string kPop = std::string(REGIE_SHARED_DATA) + "/population/";

class PopulationStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto s = Sealer::from_key_file(keys.file("regie.key"), true);
    ASSERT_TRUE(s);
    sealer.emplace(*s);
    Interop interop(*store, clock, &*sealer);
    auto r = interop.import_csv(admin, kPop + "households.csv", kPop + "allocations.csv");
    ASSERT_TRUE(r) << r.error().message;
  }
  testing::TestDatabase db{GetParam()};
  std::unique_ptr<store::Store> store = db.open();
  testing::TempDir keys;
  std::optional<Sealer> sealer;
  ManualClock clock{1'577'750'400};  // 2019-12-31
  Principal admin{"admin", "Administrator", Role::administrator, ""};
  Principal analyst{"ana", "Analyst", Role::analyst, ""};
};

TEST_P(PopulationStoreTest, TheStoreGivesTheFilesFigures) {
  PopulationAnalyses population(*store, clock);
  const Date date = make_date(2019, 12, 31);

  PopulationQuery q;
  q.year = 2019;
  auto from_store = population.run(analyst, q);
  ASSERT_TRUE(from_store) << from_store.error().message;
  auto from_file = analytics::pareto(kPop + "households.csv", kPop + "allocations.csv", {});
  ASSERT_TRUE(from_file) << from_file.error().message;
  EXPECT_EQ(from_store->rows, from_file->rows);
  EXPECT_EQ(from_store->rows.size(), 8u);

  q.analysis = PopulationAnalysis::providers;
  q.date = date;
  from_store = population.run(analyst, q);
  ASSERT_TRUE(from_store) << from_store.error().message;
  from_file = analytics::providers_per_neighbourhood(kPop + "allocations.csv", {date, {}});
  ASSERT_TRUE(from_file) << from_file.error().message;
  EXPECT_EQ(from_store->rows, from_file->rows);

  // The analyst sees the stacking scan under pseudonyms; the same ones as the file's ids give.
  q.analysis = PopulationAnalysis::stacking;
  from_store = population.run(analyst, q);
  ASSERT_TRUE(from_store) << from_store.error().message;
  analytics::StackingOptions s;
  s.date = date;
  from_file = analytics::stacking_scan(kPop + "allocations.csv", s);
  ASSERT_TRUE(from_file) << from_file.error().message;
  const auto key = installation_pseudonym_key(*store);
  for (auto& row : from_file->rows) row[0] = pseudonymise(row[0], key);
  std::sort(from_file->rows.begin(), from_file->rows.end());
  std::sort(from_store->rows.begin(), from_store->rows.end());
  EXPECT_GT(from_file->rows.size(), 100u);
  EXPECT_EQ(from_store->rows, from_file->rows);

  q.analysis = PopulationAnalysis::stacking_by_neighbourhood;
  from_store = population.run(analyst, q);
  ASSERT_TRUE(from_store) << from_store.error().message;
  from_file = analytics::stacking_by_neighbourhood(kPop + "households.csv", kPop + "allocations.csv", s);
  ASSERT_TRUE(from_file) << from_file.error().message;
  EXPECT_EQ(from_store->rows, from_file->rows);

  q.analysis = PopulationAnalysis::targets;
  from_store = population.run(analyst, q);
  ASSERT_TRUE(from_store) << from_store.error().message;
  analytics::TargetOptions t;
  t.key = key;
  from_file = analytics::target_group(kPop + "households.csv", kPop + "allocations.csv", t);
  ASSERT_TRUE(from_file) << from_file.error().message;
  EXPECT_EQ(from_store->rows, from_file->rows);
}

INSTANTIATE_TEST_SUITE_P(Backends, PopulationStoreTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace regie::service
