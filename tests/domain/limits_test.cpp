#include "domain/limits.h"

#include <gtest/gtest.h>

#include <limits>

#include "domain/costs.h"

namespace regie::domain {
namespace {

TEST(Limits, OneRuleForClientChosenIds) {
  for (const char* ok : {"H1", "BZHH01", "H1-M2", "a.b_c-d", "0"}) EXPECT_TRUE(limits::is_valid_id(ok)) << ok;
  EXPECT_TRUE(limits::is_valid_id(std::string(64, 'x')));
  for (const char* bad : {"", "../etc", "..", "a..b", ".hidden", "-x", "_x", "a/b", "a'b", "a\"b", "a b", "a\nb",
                          "a\\b", "a%2e"})
    EXPECT_FALSE(limits::is_valid_id(bad)) << bad;
  EXPECT_FALSE(limits::is_valid_id(std::string(65, 'x')));
  auto st = limits::check_id("id", "../x");
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, ErrorCode::invalid_input);
  EXPECT_EQ(st.error().message.rfind("id: ", 0), 0u) << st.error().message;
}

TEST(Limits, EmailAddressesCannotCarryALineBreak) {
  for (const char* ok : {"anna@example.org", "a.b+c@sub.example.nl", "e\xC3\xA9n@example.nl"})
    EXPECT_TRUE(limits::is_valid_email(ok)) << ok;
  for (const char* bad : {"", "anna", "anna@", "@example.org", "anna@example", "anna@example.org\r\nATTENDEE:x",
                          "anna@example.org\n", "an na@example.org", "\"anna\"@example.org", "a@b@example.org",
                          "anna@exa mple.org", "anna@example..org", "<anna@example.org>", "anna@example.org;x=y"})
    EXPECT_FALSE(limits::is_valid_email(bad)) << bad;
}

TEST(Limits, CheckedAdditionReportsOverflowInsteadOfWrapping) {
  EXPECT_EQ(limits::checked_add(1, 2), 3);
  EXPECT_FALSE(limits::checked_add(std::numeric_limits<Cents>::max(), 1));
  EXPECT_FALSE(limits::checked_add(std::numeric_limits<Cents>::min(), -1));
}

TEST(Limits, AProvisionBeyondTheMaximaIsRefusedNamingTheField) {
  Provision p;
  p.start = *parse_date("2019-01-01");
  p.annual_cost = std::numeric_limits<Cents>::max();
  auto st = check_provision_numbers(p, {});
  ASSERT_FALSE(st);
  EXPECT_NE(st.error().message.find("annual_cost_cents"), std::string::npos);
  EXPECT_NE(st.error().message.find("1000000000"), std::string::npos) << st.error().message;
  p.annual_cost = limits::kAnnualCost;
  EXPECT_TRUE(check_provision_numbers(p, {}));
  p.hours_per_week_centi = 168'01;
  st = check_provision_numbers(p, {}, "start[0].");
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().message.rfind("start[0].hours_per_week: 0 to 168", 0), 0u) << st.error().message;
  p.hours_per_week_centi = 0;
  // Priced from the list: the price times the units must stay within the annual maximum.
  PriceList prices({{"MW-01", "Maatschappelijk werk", PriceUnit::hour, limits::kPrice, *parse_date("2018-01-01")}});
  p.annual_cost = 0;
  p.price_code = "MW-01";
  p.units_per_year_centi = 11'00;
  st = check_provision_numbers(p, prices);
  ASSERT_FALSE(st);
  EXPECT_NE(st.error().message.find("units_per_year"), std::string::npos);
  p.units_per_year_centi = 10'00;
  EXPECT_TRUE(check_provision_numbers(p, prices));
}

TEST(Limits, AStoredFigureBeyondTheMaximumCountsZeroAndSaysSo) {
  Provision big, small;
  big.start = small.start = *parse_date("2019-01-01");
  big.domain = small.domain = Domain::wmo;
  big.annual_cost = std::numeric_limits<Cents>::max();
  small.annual_cost = 500000;
  auto f = annual_cost_on(big, *parse_date("2019-06-01"), {});
  EXPECT_TRUE(f.out_of_range);
  EXPECT_EQ(f.annual, 0);
  EXPECT_NE(f.explanation.find("maximum"), std::string::npos);
  auto snapshot = cost_snapshot({big, small, big}, *parse_date("2019-06-01"), {});
  EXPECT_EQ(snapshot[Category::gemeente], 500000);
}

}  // namespace
}  // namespace regie::domain
