// A family's way from referral to closing as rules: the time a contact stands
// for, how long each status lasted, each family's own measurement moments
// with the T2 reminder and the business-case gap, and the referral funnel.
#include <gtest/gtest.h>

#include "domain/contact.h"
#include "domain/funnel.h"
#include "domain/moments.h"
#include "domain/status_history.h"

namespace regie::domain {
namespace {

Date d(const char* iso) { return *parse_date(iso); }

TEST(Contact, AHomeVisitIsDirectTimeWithItsTravelApart) {
  Contact c;
  c.household_id = "H1";
  c.kind = ContactKind::home_visit;
  c.on = d("2019-03-04");
  c.minutes = 90;
  c.travel_minutes = 20;
  c.recorded_by = "dir.a";
  auto t = time_entries_for(c);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].kind, TimeKind::direct);
  EXPECT_EQ(t[0].minutes, 90);
  EXPECT_EQ(t[1].kind, TimeKind::travel);
  EXPECT_EQ(t[1].minutes, 20);
  EXPECT_EQ(*t[0].household_id, "H1");
  EXPECT_EQ(t[0].director, "dir.a");
}

TEST(Contact, ATalkWithAProfessionalAndANoShowAreIndirectTime) {
  Contact c;
  c.kind = ContactKind::professional;
  c.minutes = 30;
  c.professional_id = "PR1";
  EXPECT_EQ(time_entries_for(c).at(0).kind, TimeKind::indirect);
  c.kind = ContactKind::no_show;
  c.professional_id.reset();
  EXPECT_EQ(time_entries_for(c).at(0).kind, TimeKind::indirect);
  EXPECT_EQ(time_entries_for(c).size(), 1u);
}

TEST(Contact, BadFieldsAreNamed) {
  Contact c;
  c.minutes = 0;
  EXPECT_EQ(check_contact(c).error().message.rfind("minutes:", 0), 0u);
  c.minutes = 30;
  c.travel_minutes = 1430;
  EXPECT_EQ(check_contact(c).error().message.rfind("travel_minutes:", 0), 0u);
  c.travel_minutes = 0;
  c.kind = ContactKind::professional;
  EXPECT_EQ(check_contact(c).error().message.rfind("professional_id:", 0), 0u);
  c.kind = ContactKind::phone_call;
  c.professional_id = "PR1";
  EXPECT_EQ(check_contact(c).error().message.rfind("professional_id:", 0), 0u);
  c.professional_id.reset();
  c.note = std::string(kContactNoteMax + 1, 'x');
  EXPECT_EQ(check_contact(c).error().message.rfind("note:", 0), 0u);
  c.note = "belde moeder";
  EXPECT_TRUE(check_contact(c));
  EXPECT_EQ(parse_contact_kind("home_visit"), ContactKind::home_visit);
  EXPECT_FALSE(parse_contact_kind("visit"));
}

std::vector<StatusChange> history() {
  return {{HouseholdStatus::referred, d("2018-09-01"), "lead", ""},
          {HouseholdStatus::intake, d("2018-09-11"), "dir.a", ""},
          {HouseholdStatus::active, d("2018-11-01"), "dir.a", ""}};
}

TEST(StatusHistory, EachStatusLastsUntilTheNextAndTheCurrentOneUntilToday) {
  auto p = status_periods(history(), d("2019-11-01"));
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0].days, 10);
  EXPECT_EQ(*p[0].to, d("2018-09-11"));
  EXPECT_EQ(p[1].days, 51);
  EXPECT_FALSE(p[2].to);
  EXPECT_EQ(p[2].days, 365);
  auto span = intervention_span(history(), d("2019-11-01"));
  ASSERT_TRUE(span);
  EXPECT_EQ(span->start, d("2018-09-01"));
  EXPECT_EQ(span->days, 426);
  EXPECT_EQ(span->status, HouseholdStatus::active);
  EXPECT_EQ(span->days_in_status, 365);
  EXPECT_FALSE(span->end);
}

TEST(StatusHistory, AClosedFileStopsCounting) {
  auto h = history();
  h.push_back({HouseholdStatus::aftercare, d("2019-11-01"), "dir.a", ""});
  h.push_back({HouseholdStatus::closed, d("2020-05-01"), "dir.a", ""});
  auto span = intervention_span(h, d("2026-01-01"));
  EXPECT_EQ(*span->end, d("2020-05-01"));
  EXPECT_EQ(span->days, d("2020-05-01").days - d("2018-09-01").days);
  EXPECT_EQ(span->days_in_status, 0);
  EXPECT_FALSE(intervention_span({}, d("2026-01-01")));
}

TEST(StatusHistory, ReachedFollowsTheHistoryOrElseTheCurrentStatus) {
  auto dropped = std::vector<StatusChange>{{HouseholdStatus::referred, d("2018-06-01"), "", ""},
                                           {HouseholdStatus::intake, d("2018-06-09"), "", ""},
                                           {HouseholdStatus::dropped, d("2018-07-01"), "", "withdrew"}};
  EXPECT_TRUE(reached(dropped, HouseholdStatus::dropped, HouseholdStatus::intake));
  EXPECT_FALSE(reached(dropped, HouseholdStatus::dropped, HouseholdStatus::active));
  EXPECT_TRUE(reached({}, HouseholdStatus::aftercare, HouseholdStatus::active));
  EXPECT_FALSE(reached({}, HouseholdStatus::referred, HouseholdStatus::intake));
}

TEST(Moments, T1FollowsTheFirstMeasurementAndT2IsPlannedAYearLater) {
  MomentFacts f;
  f.start = d("2018-09-11");
  auto m = family_moments(f, kT2AfterMonths);
  EXPECT_EQ(m.t1.source, MomentSource::planned);
  EXPECT_EQ(*m.t1.on, d("2018-09-11"));
  EXPECT_FALSE(m.t1.held);
  f.t1_measured = d("2018-10-03");
  m = family_moments(f, kT2AfterMonths);
  EXPECT_EQ(m.t1.source, MomentSource::measured);
  EXPECT_TRUE(m.t1.held);
  EXPECT_EQ(*m.t2.on, d("2019-10-03"));
  EXPECT_EQ(m.t2.source, MomentSource::planned);
  EXPECT_EQ(*family_moments(f, 9).t2.on, d("2019-07-03"));
  f.t2_set = d("2019-12-01");
  m = family_moments(f, kT2AfterMonths);
  EXPECT_EQ(m.t2.source, MomentSource::set);
  EXPECT_FALSE(m.t2.held);
  f.t2_held_set = true;
  EXPECT_TRUE(family_moments(f, kT2AfterMonths).t2.held);
}

TEST(Moments, TheT2ReminderIsDueAMonthAheadAndOverdueAfterwards) {
  MomentFacts f;
  f.t1_measured = d("2018-11-01");
  auto m = family_moments(f, 12);
  EXPECT_EQ(t2_reminder(m, d("2019-09-30")), T2Reminder::none);
  EXPECT_EQ(t2_reminder(m, d("2019-10-02")), T2Reminder::due);
  EXPECT_EQ(t2_reminder(m, d("2019-11-01")), T2Reminder::due);
  EXPECT_EQ(t2_reminder(m, d("2019-11-02")), T2Reminder::overdue);
  f.t2_measured = d("2019-11-20");
  EXPECT_EQ(t2_reminder(family_moments(f, 12), d("2019-12-01")), T2Reminder::none);
}

TEST(Moments, ABusinessCaseNeedsBothMomentsHeldAndTheCostsKnown) {
  const CostFacts known{true, false}, none{false, false}, unknown{true, true};
  MomentFacts f;
  const Date today = d("2020-06-01");
  EXPECT_EQ(business_case_gap(family_moments(f, 12), today, known, known), Gap::t1_not_held);
  f.t1_measured = d("2018-11-01");
  EXPECT_EQ(business_case_gap(family_moments(f, 12), today, none, known), Gap::no_t1_costs);
  EXPECT_EQ(business_case_gap(family_moments(f, 12), today, unknown, known), Gap::no_t1_costs);
  EXPECT_EQ(business_case_gap(family_moments(f, 12), today, known, known), Gap::t2_not_held);
  EXPECT_EQ(business_case_gap(family_moments(f, 12), d("2019-06-01"), known, known), Gap::t2_not_reached);
  f.t2_measured = d("2019-11-04");
  EXPECT_EQ(business_case_gap(family_moments(f, 12), today, known, unknown), Gap::no_t2_costs);
  EXPECT_EQ(business_case_gap(family_moments(f, 12), today, known, none), Gap::none);  // everything stopped: €0
  EXPECT_EQ(group_of(Gap::t2_not_held), GapGroup::no_second_measurement);
  EXPECT_EQ(group_of(Gap::no_t1_costs), GapGroup::insufficient_data);
}

TEST(Funnel, CountsEachStageAndEachReasonPerSource) {
  std::vector<FunnelFamily> f = {
      {ReferralSource::gp, HouseholdStatus::active, true, true, "", Gap::none},
      {ReferralSource::gp, HouseholdStatus::active, true, true, "", Gap::t2_not_held},
      {ReferralSource::gp, HouseholdStatus::dropped, true, false, "withdrew", Gap::none},
      {ReferralSource::wmo, HouseholdStatus::dropped, true, false, "no_consent", Gap::none},
      {ReferralSource::wmo, HouseholdStatus::intake, true, false, "", Gap::none},
      {ReferralSource::wmo, HouseholdStatus::dropped, true, true, "moved_away", Gap::none},
  };
  auto rows = referral_funnel(f);
  ASSERT_EQ(rows.size(), table1_sources().size() + 1);
  const auto& wmo = rows[0];
  EXPECT_EQ(*wmo.source, ReferralSource::wmo);
  EXPECT_EQ(wmo.referred, 3);
  EXPECT_EQ(wmo.guided, 1);
  EXPECT_EQ(wmo.waiting, 1);
  EXPECT_EQ(wmo.dropped.at("no_consent"), 1);
  EXPECT_EQ(wmo.dropped.at("moved_away"), 1);
  const auto& gp = rows[1];
  EXPECT_EQ(gp.referred, 3);
  EXPECT_EQ(gp.guided, 2);
  EXPECT_EQ(gp.business_case, 1);
  EXPECT_EQ(gp.without_business_case.at("no_second_measurement"), 1);
  const auto& total = rows.back();
  EXPECT_FALSE(total.source);
  EXPECT_EQ(total.referred, 6);
  EXPECT_EQ(total.intake, 6);
  EXPECT_EQ(total.guided, 3);
  EXPECT_EQ(rows[2].referred, 0);  // a source without referrals is still listed
}

}  // namespace
}  // namespace regie::domain
