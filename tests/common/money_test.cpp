#include "common/money.h"

#include <gtest/gtest.h>

namespace regie {
namespace {

TEST(Money, ParsesEuroAmountsWithUpToTwoDecimals) {
  EXPECT_EQ(parse_euros("1234"), 123400);
  EXPECT_EQ(parse_euros("1234.5"), 123450);
  EXPECT_EQ(parse_euros("1234.56"), 123456);
  EXPECT_EQ(parse_euros("-0.05"), -5);
  EXPECT_EQ(parse_euros(".5"), 50);
}

TEST(Money, RefusesWhatIsNotAPlainDecimal) {
  for (auto bad : {"", "-", "1.", "1.234", "1,50", "1e3", "12a", "€5", " 5", "99999999999999999999"})
    EXPECT_FALSE(parse_euros(bad).has_value()) << bad;
}

TEST(Money, RoundsHalfAwayFromZero) {
  EXPECT_EQ(div_round(5, 10), 1);
  EXPECT_EQ(div_round(-5, 10), -1);
  EXPECT_EQ(div_round(4, 10), 0);
  EXPECT_EQ(div_round(-15, 10), -2);
  EXPECT_EQ(format_whole_euros(-4941608), "-49416");
  EXPECT_EQ(format_whole_euros(50), "1");
  EXPECT_EQ(format_whole_euros(-50), "-1");
}

TEST(Money, FormatsCents) {
  EXPECT_EQ(format_cents(123456), "1234.56");
  EXPECT_EQ(format_cents(-50), "-0.50");
  EXPECT_EQ(format_cents(0), "0.00");
  EXPECT_EQ(format_fixed(250, 2, true), "2.5");
  EXPECT_EQ(format_fixed(300, 2, true), "3");
}

}  // namespace
}  // namespace regie

namespace regie {
namespace {
// Found by the tariff and response CSV fuzz targets: the bound on the whole
// part ignored the number of decimals, so six decimals overflowed.
TEST(Money, AWholePartTooLargeForTheDecimalsIsRefusedNotWrapped) {
  EXPECT_FALSE(parse_fixed("99999999999999999", 6));
  EXPECT_FALSE(parse_fixed("9223372036855", 6));
  ASSERT_TRUE(parse_fixed("9223372036853.999999", 6));
  EXPECT_EQ(*parse_fixed("9223372036853.999999", 6), 9'223'372'036'853'999'999);
  EXPECT_FALSE(parse_fixed("92233720368547758.00", 2));
  ASSERT_TRUE(parse_fixed("92233720368547757.99", 2));
  EXPECT_FALSE(parse_fixed("1", 19));
}
}  // namespace
}  // namespace regie
