#include "analytics/table.h"

#include <gtest/gtest.h>

namespace regie::analytics {
namespace {

// Found by the cost_csv fuzz target: a category read from a CSV file with a
// byte that is not UTF-8 made the JSON rendering throw, which ended
// `regie businesscase --format json` and answered 500 for every analysis of
// a store holding such a neighbourhood.
TEST(Table, JsonReplacesBytesThatAreNotUtf8) {
  Table t{{"category", "amount"}, {{std::string("gem\x81" "ente"), "12.50"}}, {false, true}};
  std::string json;
  ASSERT_NO_THROW(json = to_json(t));
  EXPECT_NE(json.find("gem\xEF\xBF\xBD" "ente"), std::string::npos) << json;  // U+FFFD in place of the byte
  EXPECT_NE(json.find("12.5"), std::string::npos);
}

}  // namespace
}  // namespace regie::analytics
