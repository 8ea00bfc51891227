#include "service/measurements.h"

#include <gtest/gtest.h>

#include "support/backends.h"
#include "support/fixtures.h"
#include "store/audit_store.h"
#include "store/bundle.h"
#include "domain/account.h"

namespace regie::service {
namespace {

using domain::Role;
using testing::TestDatabase;

std::shared_ptr<const interop::Instruments> shipped() {
  auto loaded = interop::load_instruments(REGIE_QUESTIONNAIRES);
  EXPECT_TRUE(loaded) << loaded.error().message;
  return std::make_shared<const interop::Instruments>(std::move(*loaded));
}

class MeasurementsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { ASSERT_TRUE(regie::store::write_bundle(*store, testing::small_bundle())); }
  NewMeasurement ph(const std::string& member, const std::string& moment) {
    return {member, "positive_health", "1.0", moment, "with_director", make_date(2019, 1, 1)};
  }
  TestDatabase db{GetParam()};
  std::unique_ptr<store::Store> store = db.open();
  ManualClock clock{1'546'300'800};  // 2019-01-01
  Measurements service{*store, clock, shipped()};
  Principal dir_a{"dir.a", "Director A", Role::director, ""};
  Principal dir_b{"dir.b", "Director B", Role::director, ""};
  Principal analyst{"ana", "Analyst", Role::analyst, ""};
};

TEST_P(MeasurementsTest, APartlyFilledQuestionnaireIsSavedAndFinishedLater) {
  auto m = service.start(dir_a, "H1", ph("H1-M1", "T1"));
  ASSERT_TRUE(m) << m.error().message;
  EXPECT_EQ(m->missing.size(), 42u);
  auto saved = service.save(dir_a, "H1", m->measurement.id,
                            {1, "1.0", {{"bodily_functions_1", 6}, {"bodily_functions_2", 7}}, false});
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_FALSE(saved->measurement.completed);
  EXPECT_EQ(saved->measurement.version, 2);
  EXPECT_EQ(saved->missing.size(), 40u);
  EXPECT_EQ(saved->score_tenths.at("bodily_functions"), 65);
  EXPECT_EQ(saved->score_tenths.at("meaningfulness"), std::nullopt);  // missing, not zero

  // Later: one answer changed, one cleared, then finished.
  auto later = service.save(dir_a, "H1", m->measurement.id,
                            {2, "1.0", {{"bodily_functions_1", 8}, {"bodily_functions_2", std::nullopt}}, true});
  ASSERT_TRUE(later) << later.error().message;
  EXPECT_TRUE(later->measurement.completed);
  EXPECT_EQ(later->measurement.answers, (domain::Answers{{"bodily_functions_1", 8}}));
  auto listed = service.list(dir_a, "H1");
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].measurement.version, 3);
}

TEST_P(MeasurementsTest, InvalidAnswersAreRefusedWholeAndNothingIsStored) {
  auto m = service.start(dir_a, "H1", ph("H1-M1", "T1"));
  ASSERT_TRUE(m);
  auto id = m->measurement.id;
  auto bad = service.save(dir_a, "H1", id, {1, "1.0", {{"bodily_functions_1", 5}, {"bodily_functions_2", 11},
                                                       {"unknown_item", 3}}, false});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::invalid_input);
  EXPECT_NE(bad.error().message.find("answers.bodily_functions_2: 11 is outside 0..10"), std::string::npos);
  EXPECT_NE(bad.error().message.find("answers.unknown_item"), std::string::npos);
  auto wrong_version = service.save(dir_a, "H1", id, {1, "0.9", {{"bodily_functions_1", 5}}, false});
  ASSERT_FALSE(wrong_version);
  EXPECT_NE(wrong_version.error().message.find("instrument_version"), std::string::npos);
  auto stored = service.get(dir_a, "H1", id);
  ASSERT_TRUE(stored);
  EXPECT_TRUE(stored->measurement.answers.empty());
  EXPECT_EQ(stored->measurement.version, 1);

  auto old_definition = ph("H1-M1", "T2");
  old_definition.instrument_version = "0.9";
  EXPECT_FALSE(service.start(dir_a, "H1", old_definition));
  auto unknown = ph("H1-M1", "T2");
  unknown.instrument = "sf36";
  EXPECT_FALSE(service.start(dir_a, "H1", unknown));
  EXPECT_FALSE(service.start(dir_a, "H1", ph("H2-M1", "T2")));  // not a member of H1
  EXPECT_FALSE(service.start(dir_a, "H1", ph("H1-M1", "X")));
}

TEST_P(MeasurementsTest, AStaleVersionConflictsAndOneMomentIsMeasuredOnce) {
  auto m = service.start(dir_a, "H1", ph("H1-M1", "T1"));
  ASSERT_TRUE(m);
  ASSERT_TRUE(service.save(dir_a, "H1", m->measurement.id, {1, "1.0", {{"bodily_functions_1", 5}}, false}));
  auto stale = service.save(dir_a, "H1", m->measurement.id, {1, "1.0", {{"bodily_functions_1", 9}}, false});
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::conflict);
  EXPECT_NE(stale.error().message.find("version 2"), std::string::npos);
  auto again = service.start(dir_a, "H1", ph("H1-M1", "T1"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
  EXPECT_FALSE(service.remove(dir_a, "H1", m->measurement.id, 1));  // stale
  EXPECT_TRUE(service.remove(dir_a, "H1", m->measurement.id, 2));
  EXPECT_TRUE(service.list(dir_a, "H1")->empty());
}

TEST_P(MeasurementsTest, OnlyTheAssignedDirectorSeesOrChangesMeasurements) {
  auto m = service.start(dir_a, "H1", ph("H1-M1", "T1"));
  ASSERT_TRUE(m);
  EXPECT_EQ(service.list(dir_b, "H1").error().code, ErrorCode::forbidden);
  EXPECT_FALSE(service.start(dir_b, "H1", ph("H1-M1", "T2")));
  EXPECT_FALSE(service.save(dir_b, "H1", m->measurement.id, {1, "1.0", {{"bodily_functions_1", 1}}, false}));
  // An id of H1 through a household dir.b does have is not found either.
  EXPECT_EQ(service.get(dir_b, "H2", m->measurement.id).error().code, ErrorCode::not_found);
  EXPECT_FALSE(service.list(analyst, "H1"));
  auto audit = regie::store::AuditStore(*store).recent("H1", 50);
  int denied = 0;
  for (auto& e : audit) denied += e.outcome == "denied";
  EXPECT_EQ(denied, 4);  // dir.b's list, start and save, and the analyst's list
}

TEST_P(MeasurementsTest, WishesForChangeBelongToAMemberAndADimension) {
  domain::Wish w;
  w.member_id = "H1-M1";
  w.dimension = "meaningfulness";
  w.text = "Weer vrijwilligerswerk doen";
  auto added = service.add_wish(dir_a, "H1", w);
  ASSERT_TRUE(added) << added.error().message;
  EXPECT_EQ(added->created_by, "dir.a");
  auto edited = service.update_wish(dir_a, "H1", added->id, 1, "participation", "Twee dagen per week vrijwilliger");
  ASSERT_TRUE(edited);
  EXPECT_EQ(edited->version, 2);
  EXPECT_EQ(service.update_wish(dir_a, "H1", added->id, 1, "participation", "x").error().code, ErrorCode::conflict);
  w.dimension = "wealth";
  EXPECT_EQ(service.add_wish(dir_a, "H1", w).error().code, ErrorCode::invalid_input);
  w.dimension = "participation";
  w.member_id = "H2-M1";
  EXPECT_EQ(service.add_wish(dir_a, "H1", w).error().code, ErrorCode::invalid_input);
  EXPECT_EQ(service.wishes(dir_a, "H1")->size(), 1u);
  EXPECT_FALSE(service.wishes(dir_b, "H1"));
}

TEST_P(MeasurementsTest, TheOutcomeReportComparesT1AndT2PerDimension) {
  auto t1 = service.start(dir_a, "H1", ph("H1-M1", "T1"));
  auto t2 = service.start(dir_a, "H1", ph("H1-M1", "T2"));
  auto only_t1 = service.start(dir_a, "H1", ph("H1-M2", "T1"));
  ASSERT_TRUE(t1 && t2 && only_t1);
  ASSERT_TRUE(service.save(dir_a, "H1", t1->measurement.id, {1, "1.0", {{"meaningfulness_1", 4}, {"meaningfulness_2", 5}}, true}));
  ASSERT_TRUE(service.save(dir_a, "H1", t2->measurement.id, {1, "1.0", {{"meaningfulness_1", 6}}, true}));
  ASSERT_TRUE(service.save(dir_a, "H1", only_t1->measurement.id, {1, "1.0", {{"meaningfulness_1", 1}}, true}));
  auto t = service.outcomes(dir_a, {});
  ASSERT_TRUE(t) << t.error().message;
  ASSERT_EQ(t->rows.size(), 1u);  // only the dimension with scores; H1-M2 lacks T2
  EXPECT_EQ(t->rows[0], (std::vector<std::string>{"positive_health", "meaningfulness", "1", "0", "0", "1", "1.50"}));
  EXPECT_EQ(service.outcomes(dir_b, {"H1"}).error().code, ErrorCode::forbidden);
  EXPECT_TRUE(service.outcomes(analyst, {}));
}

INSTANTIATE_TEST_SUITE_P(Backends, MeasurementsTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace regie::service
