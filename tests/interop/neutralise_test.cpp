// Exports never hand a spreadsheet a formula: text cells that start with
// = + - @ (or a tab / carriage return) are neutralised; numbers stay numbers.
#include <gtest/gtest.h>

#include "analytics/table.h"

namespace regie::analytics {
namespace {

TEST(Neutralise, TextThatLooksLikeAFormulaGetsAnApostrophe) {
  EXPECT_EQ(neutralised("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
  EXPECT_EQ(neutralised("+31 6 1234"), "'+31 6 1234");
  EXPECT_EQ(neutralised("-2+3"), "'-2+3");
  EXPECT_EQ(neutralised("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(neutralised("\tcmd"), "'\tcmd");
  EXPECT_EQ(neutralised("naar school"), "naar school");
  EXPECT_EQ(neutralised(""), "");
}

TEST(Neutralise, CsvNeutralisesTextColumnsOnly) {
  Table t;
  t.columns = {"key", "difference_eur"};
  t.numeric = {false, true};
  t.rows = {{"=cmd|' /C calc'!A0", "-120.50"}, {"gemeente", "-3"}};
  EXPECT_EQ(to_csv(t), "key,difference_eur\n'=cmd|' /C calc'!A0,-120.50\ngemeente,-3\n");
}

}  // namespace
}  // namespace regie::analytics
