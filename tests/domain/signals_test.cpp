#include "domain/signals.h"

#include <gtest/gtest.h>

namespace regie::domain {
namespace {

Date d(const char* s) { return *parse_date(s); }

Provision prov(const char* id, Domain domain, const char* member, const char* provider, const char* professional,
               const char* start, const char* end = nullptr) {
  Provision p;
  p.id = id;
  p.domain = domain;
  if (member) p.member_id = member;
  p.provider_id = provider;
  if (professional) p.professional_id = professional;
  p.start = d(start);
  if (end) p.end = d(end);
  return p;
}

std::vector<SignalCode> codes(const std::vector<Signal>& s) {
  std::vector<SignalCode> out;
  for (auto& x : s) out.push_back(x.code);
  return out;
}

const SignalThresholds kReport{};

TEST(Signals, StackingNeedsThreeActiveInTheFourDomainsAndNoAgreedPlan) {
  CareMapInput in;
  in.provisions = {prov("1", Domain::wmo, "A", "P1", nullptr, "2019-01-01"),
                   prov("2", Domain::jeugd, "B", "P2", nullptr, "2019-01-01"),
                   prov("3", Domain::schuldhulp, "A", "P3", nullptr, "2019-01-01", "2019-06-30"),
                   prov("4", Domain::zvw_ggz, "A", "P4", nullptr, "2019-01-01")};
  auto on_last_day = stacking_signals(in, d("2019-06-30"), kReport);
  ASSERT_EQ(codes(on_last_day), std::vector<SignalCode>{SignalCode::stacking});
  EXPECT_EQ(on_last_day[0].provisions, (std::vector<std::string>{"1", "2", "3"}));
  EXPECT_TRUE(stacking_signals(in, d("2019-07-01"), kReport).empty());  // the debt relief ended
  in.coordinated = true;
  EXPECT_TRUE(stacking_signals(in, d("2019-06-30"), kReport).empty());
  in.coordinated = false;
  SignalThresholds four = kReport;
  four.stacking_min = 4;
  EXPECT_TRUE(stacking_signals(in, d("2019-06-30"), four).empty());
}

TEST(Signals, SeveralPlans) {
  CareMapInput in;
  in.active_plans = 1;
  EXPECT_TRUE(stacking_signals(in, d("2019-01-01"), kReport).empty());
  in.active_plans = 2;
  EXPECT_EQ(codes(stacking_signals(in, d("2019-01-01"), kReport)), std::vector<SignalCode>{SignalCode::several_plans});
}

TEST(Signals, OneProviderServingSeveralMembersSeparately) {
  CareMapInput in;
  in.members = {{"A", "H", "Anna", "X", MemberRole::parent, 1980, ConsentStatus::given},
                {"B", "H", "Bram", "X", MemberRole::child, 2010, ConsentStatus::given}};
  in.provider_names = {{"P1", "Zorg Zuid"}};
  in.provisions = {prov("1", Domain::zvw_ggz, "A", "P1", nullptr, "2019-01-01"),
                   prov("2", Domain::zvw_ggz, "A", "P1", nullptr, "2019-01-01")};
  EXPECT_TRUE(stacking_signals(in, d("2019-02-01"), kReport).empty());  // one member twice is not it
  in.provisions.push_back(prov("3", Domain::jeugd, "B", "P1", nullptr, "2019-01-01"));
  auto s = stacking_signals(in, d("2019-02-01"), kReport);
  ASSERT_EQ(codes(s), std::vector<SignalCode>{SignalCode::one_provider_several_members});
  EXPECT_NE(s[0].detail.find("Zorg Zuid serves Anna, Bram"), std::string::npos) << s[0].detail;
  in.provisions.push_back(prov("4", Domain::wmo, nullptr, "P1", nullptr, "2019-01-01"));  // household-wide: not a member
  EXPECT_EQ(stacking_signals(in, d("2019-02-01"), kReport)[0].provisions.size(), 3u);
}

TEST(Signals, SeveralGgzProvidersForOnePerson) {
  CareMapInput in;
  in.provisions = {prov("1", Domain::zvw_ggz, "A", "G1", nullptr, "2019-01-01"),
                   prov("2", Domain::zvw_ggz, "B", "G2", nullptr, "2019-01-01")};
  EXPECT_TRUE(stacking_signals(in, d("2019-02-01"), kReport).empty());
  in.provisions.push_back(prov("3", Domain::zvw_ggz, "A", "G2", nullptr, "2019-01-01", "2019-01-31"));
  EXPECT_TRUE(stacking_signals(in, d("2019-02-01"), kReport).empty());  // ended the day before
  auto s = codes(stacking_signals(in, d("2019-01-31"), kReport));
  // G2 then also serves A and B separately.
  EXPECT_EQ(s, (std::vector<SignalCode>{SignalCode::one_provider_several_members, SignalCode::several_ggz_providers}));
}

TEST(Signals, TenProfessionalsInTheLastTwelveMonths) {
  CareMapInput in;
  for (int i = 0; i < 9; ++i)
    in.provisions.push_back(prov(("p" + std::to_string(i)).c_str(), Domain::niet_geindiceerd, "A",
                                 ("O" + std::to_string(i)).c_str(), ("PR" + std::to_string(i)).c_str(), "2018-01-01"));
  EXPECT_TRUE(stacking_signals(in, d("2019-06-01"), kReport).empty());
  // The tenth ended exactly twelve months before: still inside the window.
  in.provisions.push_back(prov("p9", Domain::niet_geindiceerd, "A", "O9", "PR9", "2017-01-01", "2018-06-01"));
  EXPECT_EQ(codes(stacking_signals(in, d("2019-06-01"), kReport)),
            std::vector<SignalCode>{SignalCode::many_professionals});
  EXPECT_TRUE(stacking_signals(in, d("2019-06-02"), kReport).empty());
}

TEST(Signals, OverlappingCoachingFromDifferentProviders) {
  CareMapInput in;
  auto a = prov("1", Domain::wmo, "A", "P1", nullptr, "2019-01-01");
  auto b = prov("2", Domain::schuldhulp, "A", "P1", nullptr, "2019-01-01");
  a.coaching = b.coaching = true;
  in.provisions = {a, b};
  EXPECT_TRUE(stacking_signals(in, d("2019-02-01"), kReport).empty());  // one provider
  in.provisions[1].provider_id = "P2";
  EXPECT_EQ(codes(stacking_signals(in, d("2019-02-01"), kReport)),
            std::vector<SignalCode>{SignalCode::overlapping_coaching});
}

TEST(Counts, ProvidersProfessionalsDomainsAndTurnover) {
  std::vector<Provision> ps = {prov("1", Domain::wmo, "A", "P1", "PR1", "2018-01-01"),
                               prov("2", Domain::wmo, "B", "P1", "PR2", "2019-03-01"),          // joined
                               prov("3", Domain::jeugd, "B", "P2", "PR3", "2017-01-01", "2019-04-30"),  // left
                               prov("4", Domain::jeugd, "B", "P2", "PR4", "2017-01-01", "2018-01-01")}; // long gone
  auto c = care_map_counts(ps, d("2019-06-01"), SignalThresholds{});
  EXPECT_EQ(c.providers, 1);
  EXPECT_EQ(c.professionals, 2);
  EXPECT_EQ(c.provisions_per_domain[Domain::wmo], 2);
  EXPECT_FALSE(c.provisions_per_domain.contains(Domain::jeugd));
  EXPECT_EQ(c.turnover, 2);
}

TEST(Dates, MonthsBeforeClampsToTheEndOfTheMonth) {
  EXPECT_EQ(format_date(months_before(d("2019-03-31"), 1)), "2019-02-28");
  EXPECT_EQ(format_date(months_before(d("2020-03-31"), 1)), "2020-02-29");
  EXPECT_EQ(format_date(months_before(d("2019-06-01"), 12)), "2018-06-01");
  EXPECT_EQ(format_date(months_before(d("2019-01-15"), 6)), "2018-07-15");
}

}  // namespace
}  // namespace regie::domain
