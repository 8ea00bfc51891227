// Builds the small test bundle.
#include "support/fixtures.h"

#include "service/auth.h"
#include "store/bundle.h"

namespace regie::testing {

using namespace regie::domain;

store::Bundle small_bundle() {
  store::Bundle b;
  b.organisations = {{"O1", "Jeugdhulp Test", "provider"}, {"O2", "Wijkteam Test", "neighbourhood_team"}};
  b.professionals = {{"PR1", "Anna Prof", "O1", "jeugdhulpverlener", ""}};
  static const std::string hash_a = service::hash_password("secret-dir.a");
  static const std::string hash_b = service::hash_password("secret-dir.b");
  static const std::string hash_t = service::hash_password("secret-lead");
  static const std::string hash_p = service::hash_password("secret-prof");
  static const std::string hash_adm = service::hash_password("secret-admin");
  static const std::string hash_ana = service::hash_password("secret-ana");
  b.accounts = {{"dir.a", "Director A", Role::director, hash_a, false},
                {"dir.b", "Director B", Role::director, hash_b, false},
                {"lead", "Team Lead", Role::team_lead, hash_t, false},
                {"prof", "Professional", Role::professional, hash_p, false},
                {"admin", "Administrator", Role::administrator, hash_adm, false},
                {"ana", "Analyst", Role::analyst, hash_ana, false}};
  Household h1;
  h1.id = "H1";
  h1.family_name = "Aarts";
  h1.neighbourhood = "Malberg";
  h1.status = HouseholdStatus::active;
  h1.director = "dir.a";
  h1.referral = Referral{ReferralSource::gp, "many helpers", *parse_date("2018-09-01")};
  Household h2 = h1;
  h2.id = "H2";
  h2.family_name = "Bos";
  h2.director = "dir.b";
  h2.referral.reset();
  b.households = {h1, h2};
  b.members = {{"H1-M1", "H1", "Els", "Aarts", MemberRole::parent, 1980, ConsentStatus::given, std::nullopt},
               {"H1-M2", "H1", "Tim", "Aarts", MemberRole::child, 2010, ConsentStatus::given, std::nullopt},
               {"H2-M1", "H2", "Bert", "Bos", MemberRole::parent, 1975, ConsentStatus::pending, std::nullopt}};
  Provision p1;
  p1.id = "H1-P1";
  p1.household_id = "H1";
  p1.member_id = "H1-M2";
  p1.domain = Domain::jeugd;
  p1.provider_id = "O1";
  p1.professional_id = "PR1";
  p1.goal = "naar school";
  p1.start = *parse_date("2018-01-01");
  p1.hours_per_week_centi = 250;
  p1.annual_cost = 1234567;
  Provision p2 = p1;
  p2.id = "H1-P2";
  p2.member_id.reset();
  p2.professional_id.reset();
  p2.domain = Domain::niet_geindiceerd;
  p2.provider_id = "O2";
  p2.start = *parse_date("2018-01-01");
  p2.end = *parse_date("2019-06-30");
  p2.annual_cost = 150000;
  p2.basis = CostBasis::price_list;
  p2.indicated = false;
  b.provisions = {p1, p2};
  return b;
}

}  // namespace regie::testing
