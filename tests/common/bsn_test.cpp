#include "common/bsn.h"

#include <gtest/gtest.h>

namespace regie {
namespace {

TEST(Bsn, AcceptsNumbersPassingTheElevenCheck) {
  EXPECT_TRUE(is_valid_bsn("111222333"));
  EXPECT_TRUE(is_valid_bsn("123456782"));
}

TEST(Bsn, RefusesOthers) {
  for (auto s : {"123456789", "11122233", "1112223330", "11122233a", "000000000", ""}) EXPECT_FALSE(is_valid_bsn(s)) << s;
}

TEST(Bsn, MasksAllButTheLastThreeDigits) { EXPECT_EQ(mask_bsn("111222333"), "******333"); }

}  // namespace
}  // namespace regie
