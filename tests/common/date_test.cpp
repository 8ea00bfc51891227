#include "common/date.h"

#include <gtest/gtest.h>

#include "common/clock.h"

namespace regie {
namespace {

TEST(Date, RoundTripsIsoDates) {
  for (auto s : {"1970-01-01", "2019-12-31", "2020-02-29", "1999-03-01", "9999-12-31"}) {
    auto d = parse_date(s);
    ASSERT_TRUE(d) << s;
    EXPECT_EQ(format_date(*d), s);
  }
  EXPECT_EQ(parse_date("9999-12-31")->days, kOpenEnd.days);
}

TEST(Date, RefusesImpossibleDates) {
  for (auto s : {"2019-02-29", "2019-13-01", "2019-00-10", "2019-04-31", "19-01-01", "2019/01/01", "2019-1-01", ""})
    EXPECT_FALSE(parse_date(s)) << s;
}

TEST(Date, CountsInclusiveOverlap) {
  auto d = [](const char* s) { return *parse_date(s); };
  EXPECT_EQ(overlap_days(d("2019-01-01"), d("2019-12-31"), d("2019-01-01"), d("2019-12-31")), 365);
  EXPECT_EQ(overlap_days(d("2018-06-01"), d("2019-01-01"), d("2019-01-01"), d("2019-12-31")), 1);
  EXPECT_EQ(overlap_days(d("2020-01-01"), kOpenEnd, d("2019-01-01"), d("2019-12-31")), 0);
  EXPECT_EQ(days_in_year(2020), 366);
  EXPECT_EQ(days_in_year(1900), 365);
  EXPECT_EQ(days_in_year(2000), 366);
}

TEST(Clock, FormatsUtcTimestamps) {
  ManualClock c(1'700'000'000);
  EXPECT_EQ(c.now_iso8601(), "2023-11-14T22:13:20Z");
  EXPECT_EQ(format_date(c.today()), "2023-11-14");
}

}  // namespace
}  // namespace regie
