#include "common/csv.h"

#include <gtest/gtest.h>

#include "support/temp_dir.h"

namespace regie {
namespace {

using testing::TempDir;

std::vector<std::vector<std::string>> read_all(CsvReader& r) {
  std::vector<std::vector<std::string>> out;
  while (r.next()) out.emplace_back(r.fields().begin(), r.fields().end());
  return out;
}

TEST(Csv, ReadsQuotedFieldsCrlfAndFindsColumnsByName) {
  TempDir dir;
  auto path = dir.write("a.csv", "\xEF\xBB\xBFid,name,extra\r\n1,\"Jansen, Piet\",x\r\n2,\"zei \"\"hoi\"\"\",y\r\n\r\n3,\"twee\nregels\",z");
  auto r = CsvReader::open(path);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ((*r)->column("id"), 0);
  EXPECT_EQ((*r)->column("name"), 1);
  EXPECT_EQ((*r)->column("missing"), -1);
  auto rows = read_all(**r);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0][1], "Jansen, Piet");
  EXPECT_EQ(rows[1][1], "zei \"hoi\"");
  EXPECT_EQ(rows[2][1], "twee\nregels");
  EXPECT_FALSE((*r)->error());
}

TEST(Csv, ReportsLineNumbersAcrossChunks) {
  TempDir dir;
  std::string big = "id,v\n";
  for (int i = 0; i < 100000; ++i) big += std::to_string(i) + ",\"value " + std::to_string(i) + "\"\n";
  auto r = CsvReader::open(dir.write("big.csv", big));
  ASSERT_TRUE(r);
  long n = 0;
  while ((*r)->next()) {
    ++n;
    ASSERT_EQ((*r)->field(0), std::to_string(n - 1));
    ASSERT_EQ((*r)->line(), n + 1);
  }
  EXPECT_EQ(n, 100000);
}

TEST(Csv, NamesTheLineOfAnUnclosedQuote) {
  TempDir dir;
  auto r = CsvReader::open(dir.write("bad.csv", "a,b\n1,2\n3,\"open\n"));
  ASSERT_TRUE(r);
  EXPECT_TRUE((*r)->next());
  EXPECT_FALSE((*r)->next());
  ASSERT_TRUE((*r)->error());
  EXPECT_NE((*r)->error()->message.find("bad.csv:3"), std::string::npos) << (*r)->error()->message;
}

TEST(Csv, RequiresAHeaderAndNamesMissingColumns) {
  TempDir dir;
  auto empty = CsvReader::open(dir.write("empty.csv", ""));
  ASSERT_FALSE(empty);
  EXPECT_NE(empty.error().message.find("header"), std::string::npos);
  auto r = CsvReader::open(dir.write("h.csv", "a,b\n"));
  ASSERT_TRUE(r);
  auto cols = (*r)->require_columns({"a", "c", "d"});
  ASSERT_FALSE(cols);
  EXPECT_NE(cols.error().message.find("c, d"), std::string::npos);
}

TEST(Csv, EscapesOutputFields) {
  EXPECT_EQ(csv_escape("plain"), "plain");
  EXPECT_EQ(csv_escape("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_escape("say \"x\""), "\"say \"\"x\"\"\"");
}

}  // namespace
}  // namespace regie
