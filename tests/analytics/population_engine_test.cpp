// The population engine's paths must agree: parts on several threads, the
// full CSV reader it falls back to, rows in any order, and all three analyses
// in one pass against each alone.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "analytics/interner.h"
#include "analytics/population.h"
#include "support/temp_dir.h"

namespace regie::analytics {
namespace {

using testing::read_file;
using testing::TempDir;
const std::string kPop = std::string(REGIE_SHARED_DATA) + "/population/";

// The fixture's allocation lines in a fixed shuffled order, so that no
// household's rows are together.
std::string shuffled_allocations() {
  std::istringstream in(read_file(kPop + "allocations.csv"));
  std::string header, line;
  std::getline(in, header);
  std::vector<std::string> lines;
  while (std::getline(in, line)) lines.push_back(line);
  std::uint64_t s = 42;
  for (std::size_t i = lines.size(); i > 1; --i) {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    std::swap(lines[i - 1], lines[(s >> 33) % i]);
  }
  std::string out = header + "\n";
  for (auto& l : lines) out += l + "\n";
  return out;
}

PopulationRequest all_three() {
  PopulationRequest q;
  q.pareto.emplace();
  q.stacking.emplace().date = make_date(2019, 12, 31);
  q.providers.emplace().date = make_date(2019, 12, 31);
  return q;
}

std::string tables(const PopulationTables& t) {
  return to_csv(*t.pareto) + "--\n" + to_csv(*t.stacking) + "--\n" + to_csv(*t.providers);
}

TEST(PopulationEngine, PartsShuffledRowsAndOnePassGiveTheFiguresOfEachAnalysisAlone) {
  TempDir dir;
  const auto shuffled = dir.write("shuffled.csv", shuffled_allocations());
  auto list = read_households(kPop + "households.csv");
  ASSERT_TRUE(list) << list.error().message;

  // Each analysis alone, through the full CSV reader on the grouped file.
  std::string alone;
  {
    auto p = pareto(kPop + "households.csv", kPop + "allocations.csv", {});
    auto s = stacking_scan(kPop + "allocations.csv", *all_three().stacking);
    auto v = providers_per_neighbourhood(kPop + "allocations.csv", *all_three().providers);
    ASSERT_TRUE(p && s && v);
    EXPECT_EQ(to_csv(*p), read_file(kPop + "expected_pareto.csv"));
    alone = to_csv(*p) + "--\n" + to_csv(*s) + "--\n" + to_csv(*v);
  }
  for (const auto& path : {kPop + "allocations.csv", shuffled})
    for (int threads : {1, 2, 3}) {
      AllocationFile rows(path, threads);
      auto t = analyze(&*list, rows, all_three());
      ASSERT_TRUE(t) << t.error().message;
      EXPECT_TRUE(rows.was_fast());
      EXPECT_EQ(tables(*t), alone) << path << " on " << threads << " threads";
    }
}

TEST(PopulationEngine, AFileWithQuotesIsReadByTheFullReaderWithTheSameFigures) {
  TempDir dir;
  // The same rows, one with a quoted household id that holds a comma.
  auto text = read_file(kPop + "allocations.csv");
  text += "AL99999999,\"HH, extra\",CLX,Binnenstad,wmo,PRV0001,WM1,2019-01-01,,1,10.00\n";
  const auto quoted = dir.write("quoted.csv", text);
  AllocationFile rows(quoted, 2);
  PopulationRequest q;
  q.stacking.emplace().date = make_date(2019, 12, 31);
  auto t = analyze(nullptr, rows, q);
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_FALSE(rows.was_fast());
  auto s = stacking_scan(kPop + "allocations.csv", *q.stacking);
  ASSERT_TRUE(s);
  EXPECT_EQ(to_csv(*t->stacking), to_csv(*s));  // one allocation does not stack
}

TEST(PopulationEngine, ABadLineFarIntoTheFileIsNamedByLineAndColumn) {
  TempDir dir;
  auto text = read_file(kPop + "allocations.csv");
  const auto lines = std::count(text.begin(), text.end(), '\n');
  text += "AL99999999,HH0000001,CLX,Binnenstad,wmo,PRV0001,WM1,2019-02-30,,1,10.00\n";
  const auto bad = dir.write("bad.csv", text);
  AllocationFile rows(bad, 2);
  PopulationRequest q;
  q.providers.emplace().date = make_date(2019, 12, 31);
  auto t = analyze(nullptr, rows, q);
  ASSERT_FALSE(t);
  EXPECT_NE(t.error().message.find(fmt::format("bad.csv:{}: column 'start_date'", lines + 1)), std::string::npos)
      << t.error().message;
}

TEST(PopulationEngine, HouseholdsOnlyTheRowsKnowAreStackedAcrossParts) {
  TempDir dir;
  std::string text =
      "allocation_id,household_id,client_id,neighbourhood,domain,provider_id,product_code,start_date,end_date,"
      "hours_per_week,yearly_cost_eur\n";
  // Household "a-household-with-a-long-id" has a row in each quarter of the file.
  for (int i = 0; i < 400; ++i)
    text += fmt::format("A{},{},C{},X,wmo,P{},W,2019-01-01,,1,10\n", i,
                        i % 100 == 0 ? std::string("a-household-with-a-long-id") : fmt::format("H{}", i), i, i % 7);
  const auto path = dir.write("a.csv", text);
  AllocationFile rows(path, 4);
  PopulationRequest q;
  q.stacking.emplace().date = make_date(2019, 12, 31);
  auto t = analyze(nullptr, rows, q);
  ASSERT_TRUE(t) << t.error().message;
  ASSERT_EQ(t->stacking->rows.size(), 1u);
  EXPECT_EQ(t->stacking->rows[0], (std::vector<std::string>{"a-household-with-a-long-id", "4", "4", "1"}));
}

// Regressions found in review: the fast path must not read past what the full
// reader takes as the end of a record, and must name the first problem first.
TEST(PopulationEngine, ACarriageReturnOfItsOwnEndsARecordOnEveryPath) {
  TempDir dir;
  auto text = read_file(kPop + "allocations.csv");
  text += "AL99999999,HH0000001,CLX,Cen\rtrum,wmo,PRV0001,WM1,2019-01-01,,1,10.00\n";
  const auto path = dir.write("cr.csv", text);
  PopulationRequest q;
  q.providers.emplace().date = make_date(2019, 12, 31);
  AllocationFile rows(path, 2);
  auto t = analyze(nullptr, rows, q);
  ASSERT_FALSE(t) << "the full reader refuses the two halves of the line";
  EXPECT_FALSE(rows.was_fast());

  auto list = read_households(dir.write("h.csv", "household_id,neighbourhood\nH1,N1\rH2,N2\n"));
  ASSERT_TRUE(list) << list.error().message;
  EXPECT_EQ(list->ids.count(), 2u);
  EXPECT_EQ(list->ids.key(1), "H2");
}

TEST(PopulationEngine, TheFirstUnknownHouseholdIsTheFirstInTheFile) {
  TempDir dir;
  std::istringstream in(read_file(kPop + "allocations.csv"));
  std::string header, line, body;
  std::getline(in, header);
  while (std::getline(in, line)) body += line + "\n";
  const std::string first = "AL00000000,HXFIRST,C,X,wmo,P,W,2019-01-01,,1,10\n";
  const std::string last = "AL99999999,HXLAST,C,X,wmo,P,W,2019-01-01,,1,10\n";
  const auto path = dir.write("a.csv", header + "\n" + first + body + last);
  AllocationFile rows(path, 3);
  PopulationRequest q;
  q.pareto.emplace();
  auto list = read_households(kPop + "households.csv");
  ASSERT_TRUE(list);
  auto t = analyze(&*list, rows, q);
  ASSERT_FALSE(t);
  EXPECT_NE(t.error().message.find("2 allocation(s)"), std::string::npos) << t.error().message;
  EXPECT_NE(t.error().message.find("(first: 'HXFIRST')"), std::string::npos) << t.error().message;
}

TEST(Interner, ShortAndLongKeysEachGetOneId) {
  Interner in;
  std::vector<std::string> keys = {"", "A", std::string("A\0", 2), "AB", "12345678901", "123456789012",
                                   "a-key-longer-than-a-slot-holds", "a-key-longer-than-a-slot-holds!"};
  for (int i = 0; i < 5000; ++i) keys.push_back(fmt::format("client-number-{:06}", i));
  for (std::size_t i = 0; i < keys.size(); ++i) EXPECT_EQ(in.id(keys[i]), i) << keys[i];
  for (std::size_t i = 0; i < keys.size(); ++i) {
    EXPECT_EQ(in.lookup(keys[i]), i);
    EXPECT_EQ(in.find(keys[i]), i);
    EXPECT_EQ(in.key(static_cast<std::uint32_t>(i)), keys[i]);
  }
  EXPECT_EQ(in.lookup("client-number-999999"), Interner::kNone);
  EXPECT_EQ(in.lookup("B"), Interner::kNone);
}

}  // namespace
}  // namespace regie::analytics
