#include "domain/questionnaire.h"

#include <gtest/gtest.h>

namespace regie::domain {
namespace {

Instrument two_dimensions() {
  Instrument in;
  in.key = "ph";
  in.version = "1.0";
  in.scoring = Scoring::group_mean;
  in.groups = {{"body", "Lichaam", {{"body_1", "", 0, 10, {}}, {"body_2", "", 0, 10, {}}, {"body_3", "", 0, 10, {}}}},
               {"mind", "Geest", {{"mind_1", "", 0, 10, {}}, {"mind_2", "", 0, 10, {}}}}};
  return in;
}

TEST(QuestionnaireTest, ADimensionScoreIsTheMeanOfItsAnsweredItemsWithOneDecimal) {
  auto in = two_dimensions();
  auto s = score_tenths(in, {{"body_1", 7}, {"body_2", 8}, {"body_3", 8}});
  EXPECT_EQ(s.at("body"), 77);  // 23 / 3 = 7.666... -> 7.7
  EXPECT_EQ(s.at("mind"), std::nullopt);
  auto half = score_tenths(in, {{"mind_1", 6}, {"mind_2", 7}, {"body_1", 0}});
  EXPECT_EQ(half.at("mind"), 65);  // exactly 6.5
  EXPECT_EQ(half.at("body"), 0);   // an answered 0 is a score of 0, not a missing one
}

TEST(QuestionnaireTest, MissingItemsAreLeftOutNotCountedAsZero) {
  auto in = two_dimensions();
  Answers a{{"body_1", 9}};
  EXPECT_EQ(score_tenths(in, a).at("body"), 90);
  EXPECT_EQ(missing_items(in, a), (std::vector<std::string>{"body_2", "body_3", "mind_1", "mind_2"}));
}

TEST(QuestionnaireTest, RefusesUnknownItemsAndValuesOutsideTheRangeOrChoices) {
  auto in = two_dimensions();
  in.groups.push_back({"level", "Niveau", {{"level", "", 1, 4, {{1, "niet"}, {2, "beetje"}, {4, "volledig"}}}}});
  EXPECT_TRUE(check_answers(in, {{"body_1", 10}, {"body_2", 0}, {"mind_1", std::nullopt}, {"level", 4}}));
  auto bad = check_answers(in, {{"body_1", 11}, {"nope", 3}, {"level", 3}, {"mind_2", -1}});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::invalid_input);
  for (auto want : {"answers.body_1: 11 is outside 0..10", "answers.nope: ph 1.0 has no such item",
                    "answers.level: 3 is not one of the choices (1, 2, 4)", "answers.mind_2: -1 is outside 0..10"})
    EXPECT_NE(bad.error().message.find(want), std::string::npos) << want << "\n" << bad.error().message;
}

TEST(QuestionnaireTest, TheCapabilityIndexNeedsATariffAndEveryAttribute) {
  Instrument in;
  in.key = "icecap";
  in.scoring = Scoring::item;
  in.groups = {{"a", "", {{"a", "", 1, 2, {}}}}, {"b", "", {{"b", "", 1, 2, {}}}}};
  Tariff t{{"a", {{1, 100000}, {2, 500000}}}, {"b", {{1, 0}, {2, 500000}}}};
  EXPECT_EQ(capability_index_millionths(in, {{"a", 2}, {"b", 1}}, t), 500000);
  EXPECT_EQ(capability_index_millionths(in, {{"a", 2}}, t), std::nullopt);
  EXPECT_EQ(capability_index_millionths(in, {{"a", 2}, {"b", 2}}, {}), std::nullopt);
}

TEST(QuestionnaireTest, MomentsAndFillersAreChecked) {
  EXPECT_TRUE(is_moment("T1"));
  EXPECT_TRUE(is_moment("T12"));
  EXPECT_FALSE(is_moment("T0"));
  EXPECT_FALSE(is_moment("t1"));
  EXPECT_FALSE(is_moment("T1a"));
  EXPECT_TRUE(is_filled_by("proxy"));
  EXPECT_FALSE(is_filled_by("neighbour"));
}

}  // namespace
}  // namespace regie::domain
