#include "analytics/population.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <sstream>

#include "support/temp_dir.h"

namespace regie::analytics {
namespace {

using testing::read_file;
using testing::TempDir;
const std::string kPop = std::string(REGIE_SHARED_DATA) + "/population/";
const std::string kHeader =
    "allocation_id,household_id,client_id,neighbourhood,domain,provider_id,product_code,start_date,end_date,"
    "hours_per_week,yearly_cost_eur\n";

TEST(Pareto, ReproducesTheCountsAndCostsOfTheReportsTable6) {
  auto t = pareto(kPop + "households.csv", kPop + "allocations.csv", ParetoOptions{});
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(to_csv(*t), read_file(kPop + "expected_pareto.csv"));
}

TEST(Pareto, ProratesByDaysAndComparesBinEdgesExactly) {
  TempDir dir;
  auto hh = dir.write("h.csv", "household_id,neighbourhood,members\nA,X,1\nB,X,2\nC,X,1\n");
  // A: exactly 10000.00 over the whole year -> second bin. B: 20000 for half of
  // 2019 (2019-07-02..12-31 = 183 days) -> 10027.39. C: beschermd_wonen only -> not counted.
  auto al = dir.write("a.csv", kHeader +
                                   "1,A,A1,X,wmo,P1,W,2018-01-01,,1,10000\n"
                                   "2,B,B1,X,jeugd,P1,J,2019-07-02,,1,20000\n"
                                   "3,B,B2,X,wmo,P2,W,2015-01-01,2018-12-31,1,99999\n"
                                   "4,C,C1,X,beschermd_wonen,P3,B,2019-01-01,,1,50000\n");
  auto t = pareto(hh, al, ParetoOptions{});
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->rows[0][1], "0");
  EXPECT_EQ(t->rows[1], (std::vector<std::string>{"10000-20000", "2", "2", "1.0", "1.0", "100", "100", "10014",
                                                   "20027"}));
  EXPECT_EQ(t->rows[6][0], "TOTAL");
  EXPECT_EQ(t->rows[7], (std::vector<std::string>{"TARGET>=30000", "0", "0", "0.0", "0.0", "0", "0", "0", "0"}));
}

TEST(Pareto, RefusesAllocationsOfUnknownHouseholds) {
  TempDir dir;
  auto hh = dir.write("h.csv", "household_id\nA\n");
  auto al = dir.write("a.csv", kHeader + "1,Z,Z1,X,wmo,P1,W,2018-01-01,,1,10\n");
  auto t = pareto(hh, al, ParetoOptions{});
  ASSERT_FALSE(t);
  EXPECT_NE(t.error().message.find("'Z'"), std::string::npos);
}

TEST(Allocations, EveryBadFieldIsReportedWithLineAndColumn) {
  TempDir dir;
  auto al = dir.write("a.csv", kHeader +
                                   "1,A,A1,X,wmo,P1,W,2018-01-01,,1,10\n"
                                   "2,A,A1,X,wmoo,P1,W,2018-02-30,,1,10\n"
                                   "3,A,A1,X,wmo,P1,W,2018-01-01,2017-01-01,1,-5\n");
  int calls = 0;
  auto st = for_each_allocation(al, [&](const Allocation&) { ++calls; });
  ASSERT_FALSE(st);
  const auto& m = st.error().message;
  EXPECT_NE(m.find("a.csv:3: column 'domain': unknown domain 'wmoo'"), std::string::npos) << m;
  EXPECT_NE(m.find("a.csv:3: column 'start_date'"), std::string::npos) << m;
  EXPECT_NE(m.find("a.csv:4: column 'end_date': ends before it starts"), std::string::npos) << m;
  EXPECT_NE(m.find("a.csv:4: column 'yearly_cost_eur'"), std::string::npos) << m;
}

TEST(Stacking, ListsHouseholdsWithThreeOrMoreActiveAllocationsInTheDomains) {
  TempDir dir;
  auto al = dir.write("a.csv", kHeader +
                                   "1,H9,C1,X,wmo,P1,W,2018-01-01,,1,10\n"
                                   "2,H9,C1,X,jeugd,P2,J,2018-01-01,2019-12-31,1,10\n"
                                   "3,H9,C2,X,schuldhulp,P2,S,2019-12-31,,1,10\n"
                                   "4,H10,C3,X,wmo,P1,W,2018-01-01,,1,10\n"
                                   "5,H10,C3,X,wmo,P1,W,2018-01-01,,1,10\n"
                                   "6,H10,C3,X,zvw_ggz,P1,G,2018-01-01,,1,10\n"
                                   "7,H10,C3,X,jeugd,P1,J,2018-01-01,2019-12-30,1,10\n");
  StackingOptions o;
  o.date = *parse_date("2019-12-31");
  auto t = stacking_scan(al, o);
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(to_csv(*t), "household_id,allocations,providers,domains\nH9,3,2,3\n");
}

TEST(Providers, CountsDistinctProvidersPerNeighbourhoodAndInTotal) {
  TempDir dir;
  auto al = dir.write("a.csv", kHeader +
                                   "1,H1,C1,Noord,wmo,P1,W,2018-01-01,,1,10\n"
                                   "2,H2,C2,Noord,jeugd,P1,J,2018-01-01,,1,10\n"
                                   "3,H3,C3,Zuid,jeugd,P2,J,2018-01-01,,1,10\n"
                                   "4,H3,C3,Zuid,jeugd,P1,J,2018-01-01,,1,10\n"
                                   "5,H4,C4,Zuid,zvw_ggz,P9,G,2018-01-01,,1,10\n");
  ProvidersOptions o;
  o.date = *parse_date("2019-12-31");
  auto t = providers_per_neighbourhood(al, o);
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(to_csv(*t), "neighbourhood,providers\nNoord,1\nZuid,2\nTOTAL,2\n");
}

TEST(Pareto, CountsDistinctClientsWhenAHouseholdsRowsAreNotTogether) {
  TempDir dir;
  auto hh = dir.write("h.csv", "household_id\nB\nA\n");
  auto al = dir.write("a.csv", kHeader +
                                   "1,A,A1,X,wmo,P1,W,2018-01-01,,1,100\n"
                                   "2,B,B1,X,wmo,P1,W,2018-01-01,,1,100\n"
                                   "3,A,A1,X,jeugd,P1,J,2018-01-01,,1,100\n"
                                   "4,A,A2,X,jeugd,P1,J,2018-01-01,,1,100\n"
                                   "5,B,B1,X,wmo,P1,W,2018-01-01,,1,100\n");
  auto t = pareto(hh, al, ParetoOptions{});
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->rows[0], (std::vector<std::string>{"<10000", "2", "3", "1.5", "2.5", "100", "100", "250", "500"}));
}

// An independent check: the same analyses written as SQL over the fixture,
// loaded into an in-memory SQLite table by the simplest possible code (the
// fixture has no quoted fields), must give the same table row for row.
class SqlCheck : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    exec("CREATE TABLE allocations (household_id TEXT, client_id TEXT, neighbourhood TEXT, domain TEXT,"
         " provider_id TEXT, start_date TEXT, end_date TEXT)");
    exec("BEGIN");
    sqlite3_stmt* ins = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db_, "INSERT INTO allocations VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULLIF(?7, ''))", -1,
                                 &ins, nullptr),
              SQLITE_OK);
    std::ifstream in(kPop + "allocations.csv");
    std::string line;
    std::getline(in, line);  // the fixture ends lines with CRLF
    if (!line.empty() && line.back() == '\r') line.pop_back();
    ASSERT_EQ(line + "\n", kHeader);
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty()) continue;
      std::vector<std::string> f;
      std::stringstream ss(line);
      for (std::string cell; std::getline(ss, cell, ',');) f.push_back(cell);
      if (line.back() == ',') f.emplace_back();
      ASSERT_EQ(f.size(), 11u) << line;
      // household_id, client_id, neighbourhood, domain, provider_id, start_date, end_date
      const int cols[] = {1, 2, 3, 4, 5, 7, 8};
      for (int i = 0; i < 7; ++i)
        sqlite3_bind_text(ins, i + 1, f[cols[i]].c_str(), static_cast<int>(f[cols[i]].size()), SQLITE_TRANSIENT);
      ASSERT_EQ(sqlite3_step(ins), SQLITE_DONE);
      sqlite3_reset(ins);
      ++loaded_;
    }
    sqlite3_finalize(ins);
    exec("COMMIT");
  }
  void TearDown() override { sqlite3_close(db_); }

  void exec(const char* sql) {
    char* err = nullptr;
    ASSERT_EQ(sqlite3_exec(db_, sql, nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
  }
  std::vector<std::vector<std::string>> query(const std::string& sql) {
    std::vector<std::vector<std::string>> rows;
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr), SQLITE_OK) << sqlite3_errmsg(db_);
    while (sqlite3_step(st) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int i = 0; i < sqlite3_column_count(st); ++i)
        row.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, i)));
      rows.push_back(std::move(row));
    }
    sqlite3_finalize(st);
    return rows;
  }

  sqlite3* db_ = nullptr;
  std::size_t loaded_ = 0;
};

// ISO dates compare correctly as text; an open end (NULL) is active on any later date.
constexpr const char* kActive = "start_date <= '2019-12-31' AND (end_date IS NULL OR end_date >= '2019-12-31')";

TEST_F(SqlCheck, StackingScanEqualsSql) {
  EXPECT_EQ(loaded_, 34544u);
  auto expected = query(std::string("SELECT household_id, COUNT(*), COUNT(DISTINCT provider_id), COUNT(DISTINCT domain)"
                                    " FROM allocations WHERE domain IN ('wmo', 'jeugd', 'participatie', 'schuldhulp')"
                                    " AND ") +
                        kActive + " GROUP BY household_id HAVING COUNT(*) >= 3 ORDER BY household_id");
  ASSERT_GT(expected.size(), 100u);
  StackingOptions o;
  o.date = *parse_date("2019-12-31");
  auto t = stacking_scan(kPop + "allocations.csv", o);
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->rows, expected);
}

TEST_F(SqlCheck, ProvidersPerNeighbourhoodEqualsSql) {
  const std::string where = std::string(" FROM allocations WHERE domain IN ('jeugd', 'wmo') AND ") + kActive;
  auto expected = query("SELECT neighbourhood, COUNT(DISTINCT provider_id)" + where +
                        " GROUP BY neighbourhood ORDER BY neighbourhood");
  ASSERT_GT(expected.size(), 10u);
  auto total = query("SELECT 'TOTAL', COUNT(DISTINCT provider_id)" + where);
  expected.insert(expected.end(), total.begin(), total.end());
  ProvidersOptions o;
  o.date = *parse_date("2019-12-31");
  auto t = providers_per_neighbourhood(kPop + "allocations.csv", o);
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->rows, expected);
}

}  // namespace
}  // namespace regie::analytics
