// Name redaction and retention dates of the privacy rules.
#include "domain/privacy.h"

#include <gtest/gtest.h>

namespace regie::domain {
namespace {

TEST(RedactNames, ReplacesWholeWordsOnlyAndTheFullNameFirst) {
  EXPECT_EQ(redact_names("Els Aarts belt Els; Elsa niet", {"Els", "Els Aarts"}), "[erased] belt [erased]; Elsa niet");
  EXPECT_EQ(redact_names("{\"words\":\"Els vindt werk\"}", {"Els"}), "{\"words\":\"[erased] vindt werk\"}");
  EXPECT_EQ(redact_names("Zoë en Zoëlla", {"Zoë"}), "[erased] en Zoëlla");  // UTF-8 letters are word characters
  EXPECT_EQ(redact_names("A en B", {"A"}), "A en B");                       // an initial would match everywhere
  EXPECT_EQ(redact_names("", {"Els"}), "");
}

TEST(RetentionRules, EveryRuleNamesItsLegalGroundAndPeriodSetting) {
  auto rules = default_retention_rules();
  ASSERT_EQ(rules.size(), 4u);
  for (auto& r : rules) {
    EXPECT_NE(r.legal_ground.find("AVG art."), std::string::npos) << r.category;
    if (r.category != "consent") {
      EXPECT_TRUE(r.setting.starts_with("retention.")) << r.category;
    }
  }
  EXPECT_EQ(format_date(retain_until(make_date(2018, 12, 31), 7)), "2025-12-31");
  EXPECT_EQ(format_date(retain_until(make_date(2020, 2, 29), 1)), "2021-03-01");
  EXPECT_EQ(format_date(retain_until(make_date(2019, 1, 1), -7)), "2012-01-01");
}

}  // namespace
}  // namespace regie::domain
