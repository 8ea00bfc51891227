// String codes of the domain enums, kept in one table per enum so that the
// conversion in both directions cannot drift apart.
#include "domain/account.h"
#include "domain/funding.h"
#include "domain/household.h"
#include "domain/time_entry.h"
#include "domain/virtual_saving.h"

#include <array>
#include <utility>

namespace regie::domain {
namespace {

template <class E, std::size_t N>
using Table = std::array<std::pair<E, std::string_view>, N>;

constexpr Table<Domain, 20> kDomains{{
    {Domain::jeugd, "jeugd"}, {Domain::wmo, "wmo"}, {Domain::participatie, "participatie"},
    {Domain::schuldhulp, "schuldhulp"}, {Domain::bijstand, "bijstand"},
    {Domain::bijzondere_bijstand, "bijzondere_bijstand"}, {Domain::beschermd_wonen, "beschermd_wonen"},
    {Domain::maatschappelijke_opvang, "maatschappelijke_opvang"}, {Domain::zvw_ggz, "zvw_ggz"},
    {Domain::wlz, "wlz"}, {Domain::uwv, "uwv"}, {Domain::niet_geindiceerd, "niet_geindiceerd"},
    {Domain::zvw_huisarts, "zvw_huisarts"}, {Domain::zvw_wijkverpleging, "zvw_wijkverpleging"},
    {Domain::zvw_paramedisch, "zvw_paramedisch"}, {Domain::leerplicht, "leerplicht"},
    {Domain::school_maatschappelijk_werk, "school_maatschappelijk_werk"},
    {Domain::passend_onderwijs, "passend_onderwijs"}, {Domain::mantelzorg, "mantelzorg"},
    {Domain::vrijwilligers, "vrijwilligers"},
}};
constexpr Table<Category, 8> kCategories{{
    {Category::gemeente, "gemeente"}, {Category::niet_geindiceerd, "niet_geindiceerd"},
    {Category::uwv, "uwv"}, {Category::zvw_ggz, "zvw_ggz"}, {Category::wlz, "wlz"},
    {Category::zvw_eerstelijn, "zvw_eerstelijn"}, {Category::onderwijs, "onderwijs"},
    {Category::informeel, "informeel"},
}};
constexpr Table<CostBasis, 3> kBases{{
    {CostBasis::declared, "declared"}, {CostBasis::price_list, "price_list"}, {CostBasis::estimate, "estimate"},
}};
constexpr Table<Role, 6> kRoles{{
    {Role::director, "director"}, {Role::professional, "professional"}, {Role::member, "member"},
    {Role::analyst, "analyst"}, {Role::team_lead, "team_lead"}, {Role::administrator, "administrator"},
}};
constexpr Table<MemberRole, 3> kMemberRoles{{
    {MemberRole::parent, "parent"}, {MemberRole::child, "child"}, {MemberRole::other, "other"},
}};
constexpr Table<HouseholdStatus, 6> kStatuses{{
    {HouseholdStatus::referred, "referred"}, {HouseholdStatus::intake, "intake"},
    {HouseholdStatus::active, "active"}, {HouseholdStatus::aftercare, "aftercare"},
    {HouseholdStatus::closed, "closed"}, {HouseholdStatus::dropped, "dropped"},
}};
constexpr Table<ConsentStatus, 4> kConsent{{
    {ConsentStatus::given, "given"}, {ConsentStatus::pending, "pending"},
    {ConsentStatus::refused, "refused"}, {ConsentStatus::withdrawn, "withdrawn"},
}};
constexpr Table<ReferralSource, 9> kSources{{
    {ReferralSource::gp, "gp"}, {ReferralSource::practice_nurse, "practice_nurse"},
    {ReferralSource::gp_with_practice_nurse, "gp_with_practice_nurse"},
    {ReferralSource::gp_with_safety_house, "gp_with_safety_house"},
    {ReferralSource::wmo, "wmo"}, {ReferralSource::social_team, "social_team"},
    {ReferralSource::youth_doctor, "youth_doctor"}, {ReferralSource::social_work, "social_work"},
    {ReferralSource::other, "other"},
}};

constexpr Table<VirtualSavingKind, 5> kSavingKinds{{
    {VirtualSavingKind::out_of_home_placement, "out_of_home_placement"}, {VirtualSavingKind::eviction, "eviction"},
    {VirtualSavingKind::crisis_admission, "crisis_admission"},
    {VirtualSavingKind::police_intervention, "police_intervention"}, {VirtualSavingKind::other, "other"},
}};
constexpr Table<TimeKind, 4> kTimeKinds{{
    {TimeKind::direct, "direct"}, {TimeKind::indirect, "indirect"}, {TimeKind::travel, "travel"},
    {TimeKind::project, "project"},
}};

template <class E, std::size_t N>
std::string_view name_of(const Table<E, N>& t, E v) {
  for (auto& [e, s] : t)
    if (e == v) return s;
  return "";
}
template <class E, std::size_t N>
std::optional<E> value_of(const Table<E, N>& t, std::string_view s) {
  for (auto& [e, n] : t)
    if (n == s) return e;
  return std::nullopt;
}

}  // namespace

std::string_view to_string(Domain v) { return name_of(kDomains, v); }
std::string_view to_string(Category v) { return name_of(kCategories, v); }
std::string_view to_string(CostBasis v) { return name_of(kBases, v); }
std::string_view to_string(Role v) { return name_of(kRoles, v); }
std::string_view to_string(MemberRole v) { return name_of(kMemberRoles, v); }
std::string_view to_string(HouseholdStatus v) { return name_of(kStatuses, v); }
std::string_view to_string(ConsentStatus v) { return name_of(kConsent, v); }
std::string_view to_string(ReferralSource v) { return name_of(kSources, v); }

std::string_view to_string(VirtualSavingKind v) { return name_of(kSavingKinds, v); }
std::string_view to_string(TimeKind v) { return name_of(kTimeKinds, v); }
std::optional<VirtualSavingKind> parse_virtual_saving_kind(std::string_view s) { return value_of(kSavingKinds, s); }
std::optional<TimeKind> parse_time_kind(std::string_view s) { return value_of(kTimeKinds, s); }

std::optional<Domain> parse_domain(std::string_view s) { return value_of(kDomains, s); }
std::optional<CostBasis> parse_cost_basis(std::string_view s) { return value_of(kBases, s); }
std::optional<Category> parse_category(std::string_view s) { return value_of(kCategories, s); }
std::optional<Role> parse_role(std::string_view s) { return value_of(kRoles, s); }
std::optional<MemberRole> parse_member_role(std::string_view s) { return value_of(kMemberRoles, s); }
std::optional<HouseholdStatus> parse_household_status(std::string_view s) { return value_of(kStatuses, s); }
std::optional<ConsentStatus> parse_consent_status(std::string_view s) { return value_of(kConsent, s); }
std::optional<ReferralSource> parse_referral_source(std::string_view s) { return value_of(kSources, s); }

std::vector<HouseholdStatus> allowed_next(HouseholdStatus from) {
  using S = HouseholdStatus;
  switch (from) {
    case S::referred: return {S::intake, S::dropped};
    case S::intake: return {S::active, S::dropped};
    case S::active: return {S::aftercare, S::dropped};
    case S::aftercare: return {S::active, S::closed, S::dropped};
    case S::closed:
    case S::dropped: return {};
  }
  return {};
}

bool is_drop_reason(std::string_view reason) {
  return reason == "not_needed" || reason == "no_consent" || reason == "withdrew" || reason == "moved_away" ||
         reason == "outside_area";
}

Category category_of(Domain d) {
  switch (d) {
    case Domain::niet_geindiceerd: return Category::niet_geindiceerd;
    case Domain::uwv: return Category::uwv;
    case Domain::zvw_ggz: return Category::zvw_ggz;
    case Domain::wlz: return Category::wlz;
    case Domain::zvw_huisarts:
    case Domain::zvw_wijkverpleging:
    case Domain::zvw_paramedisch: return Category::zvw_eerstelijn;
    case Domain::passend_onderwijs: return Category::onderwijs;
    case Domain::mantelzorg:
    case Domain::vrijwilligers: return Category::informeel;
    // Leerplicht and school social work are paid by the municipality.
    default: return Category::gemeente;
  }
}

CostBasis default_basis(Domain d) {
  if (d == Domain::leerplicht || d == Domain::school_maatschappelijk_werk) return CostBasis::estimate;
  switch (category_of(d)) {
    case Category::niet_geindiceerd:
    case Category::uwv: return CostBasis::price_list;
    case Category::zvw_ggz:
    case Category::wlz:
    case Category::zvw_eerstelijn:
    case Category::onderwijs:
    case Category::informeel: return CostBasis::estimate;
    case Category::gemeente: return CostBasis::declared;
  }
  return CostBasis::declared;
}

bool indicated_by_default(Domain d) {
  switch (d) {
    case Domain::niet_geindiceerd:
    case Domain::zvw_huisarts:
    case Domain::leerplicht:
    case Domain::school_maatschappelijk_werk:
    case Domain::mantelzorg:
    case Domain::vrijwilligers: return false;
    default: return true;
  }
}

bool is_allocation_domain(Domain d) { return static_cast<int>(d) <= static_cast<int>(Domain::niet_geindiceerd); }

bool is_municipal_indicated_for_target_group(Domain d) {
  return d == Domain::jeugd || d == Domain::wmo || d == Domain::bijstand || d == Domain::bijzondere_bijstand;
}

}  // namespace regie::domain
