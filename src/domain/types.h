// The vocabulary of the domain (see the glossary in MISSION.md): funding
// domains, cost categories and bases, roles and statuses, with their stable
// string codes as used in files, the API and the store.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/money.h"

namespace regie::domain {

enum class Domain {
  jeugd, wmo, participatie, schuldhulp, bijstand, bijzondere_bijstand, beschermd_wonen,
  maatschappelijke_opvang, zvw_ggz, wlz, uwv, niet_geindiceerd,
};

// The business-case cost categories of report §8.2.
enum class Category { gemeente, niet_geindiceerd, uwv, zvw_ggz, wlz };

enum class CostBasis { declared, price_list, estimate };
enum class Role { director, professional, member, analyst, team_lead, administrator };
enum class MemberRole { parent, child, other };
enum class HouseholdStatus { referred, intake, active, aftercare, closed, dropped };
enum class ConsentStatus { given, pending, refused, withdrawn };
enum class ReferralSource { gp, practice_nurse, wmo, social_team, youth_doctor, social_work, other };
enum class VirtualSavingKind { out_of_home_placement, eviction, crisis_admission, police_intervention, other };
enum class TimeKind { direct, indirect, travel, project };

std::string_view to_string(Domain v);
std::string_view to_string(Category v);
std::string_view to_string(CostBasis v);
std::string_view to_string(Role v);
std::string_view to_string(MemberRole v);
std::string_view to_string(HouseholdStatus v);
std::string_view to_string(ConsentStatus v);
std::string_view to_string(ReferralSource v);
std::string_view to_string(VirtualSavingKind v);
std::string_view to_string(TimeKind v);

// Each parser accepts exactly the codes above; anything else is nullopt.
std::optional<Domain> parse_domain(std::string_view s);
std::optional<CostBasis> parse_cost_basis(std::string_view s);
std::optional<Role> parse_role(std::string_view s);
std::optional<MemberRole> parse_member_role(std::string_view s);
std::optional<HouseholdStatus> parse_household_status(std::string_view s);
std::optional<ConsentStatus> parse_consent_status(std::string_view s);
std::optional<ReferralSource> parse_referral_source(std::string_view s);
std::optional<VirtualSavingKind> parse_virtual_saving_kind(std::string_view s);
std::optional<TimeKind> parse_time_kind(std::string_view s);

// The status pipeline: referred -> intake -> active -> aftercare -> closed, back
// from aftercare to active, and dropped (with a reason) from any open status.
std::vector<HouseholdStatus> allowed_next(HouseholdStatus from);
// Reasons a household drops out (MISSION.md).
bool is_drop_reason(std::string_view reason);

// Where a provision's cost falls in the business case: non-indicated support,
// other indicated support (UWV) and insured GGZ have their own category; the
// remaining municipal domains are municipal indicated support.
Category category_of(Domain d);
// The basis the report uses for a category: declared (municipal), price list
// (non-indicated, UWV) or estimate (GGZ).
CostBasis default_basis(Domain d);
// Municipal indicated provisions that count towards the target-group
// analysis (report §8.5): Youth, Wmo, social and special assistance.
bool is_municipal_indicated_for_target_group(Domain d);

}  // namespace regie::domain
